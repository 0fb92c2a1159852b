import { Alert, Badge, Button, Card, Grid, MultiSelect, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { UnitsDocument } from './units.graphql';

const Users = graphql(`
  query AdminUsers($filter: PeopleFilter) {
    people(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          nip
          email
          rank
          roles
          mfaEnabled
          position {
            id
            title
          }
          unit {
            id
            name
          }
        }
      }
    }
  }
`);

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      name
    }
  }
`);

const ROLES: Role[] = ['STAFF', 'LEADER', 'CLERK', 'ADMIN'];
const EMPTY = { nip: '', name: '', email: '', rank: '', password: '', roles: ['STAFF'] as string[], positionId: null as string | null };

/** Users with their positions and roles; an administrator adds people here. */
export default function UsersPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [{ data }, refetch] = useQuery({
    query: Users,
    variables: { filter: { search: debounced || undefined } },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: units }] = useQuery({ query: UnitsDocument });
  const [{ fetching }, create] = useMutation(CreateUser);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const vacant = (units?.units ?? []).flatMap((u) =>
    u.positions.filter((p) => !p.holder).map((p) => ({ value: p.id, label: `${p.title} (${u.code})` })),
  );

  const submit = async () => {
    const result = await create({
      input: {
        nip: form.nip,
        name: form.name,
        email: form.email,
        rank: form.rank || undefined,
        password: form.password,
        roles: form.roles as Role[],
        positionId: form.positionId ?? undefined,
      },
    });
    if (result.error) return setError(errorMessage(result.error));
    setError(null);
    setForm(EMPTY);
    notifications.show({ color: 'green', message: t('common.saved') });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Title order={2}>{t('admin.users.title')}</Title>
      <TextInput
        label={t('common.search')}
        placeholder={t('people.placeholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      <Table.ScrollContainer minWidth={800}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('admin.users.nip')}</Table.Th>
              <Table.Th>{t('common.position')}</Table.Th>
              <Table.Th>{t('common.unit')}</Table.Th>
              <Table.Th>{t('admin.users.roles')}</Table.Th>
              <Table.Th>{t('admin.users.mfa')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.people.edges ?? []).map(({ node }) => (
              <Table.Tr key={node.id} data-testid="user-row">
                <Table.Td>{node.name}</Table.Td>
                <Table.Td>{node.nip}</Table.Td>
                <Table.Td>{node.position?.title ?? '—'}</Table.Td>
                <Table.Td>{node.unit?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {node.roles.map((r) => (
                    <Badge key={r} variant="light" mr={4}>
                      {t(`user.roles.${r}`)}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{node.mfaEnabled ? t('common.yes') : t('common.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('admin.users.create')}
        </Title>
        {error && (
          <Alert color="red" role="alert" mb="sm">
            {error}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('common.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('admin.users.nip')}
              value={form.nip}
              onChange={(e) => setForm({ ...form, nip: e.currentTarget.value })}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('admin.users.email')}
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('admin.users.rank')}
              value={form.rank}
              onChange={(e) => setForm({ ...form, rank: e.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect
              label={t('admin.users.roles')}
              data={ROLES.map((r) => ({ value: r, label: t(`user.roles.${r}`) }))}
              value={form.roles}
              onChange={(roles) => setForm({ ...form, roles })}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('admin.users.position')}
              data={vacant}
              value={form.positionId}
              onChange={(v) => setForm({ ...form, positionId: v })}
              searchable
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <PasswordInput
              label={t('admin.users.password')}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              autoComplete="new-password"
              required
            />
          </Grid.Col>
        </Grid>
        <Button
          mt="sm"
          onClick={submit}
          loading={fetching}
          disabled={!form.name || !form.nip || !form.email || !form.password || form.roles.length === 0}
        >
          {t('admin.users.create')}
        </Button>
      </Card>
    </Stack>
  );
}

import '@mantine/dates/styles.css';
import { Alert, Anchor, Badge, Button, Card, Grid, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import type { DelegationKind } from '../gql/graphql';
import { startOfDayIn } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PersonSelect } from '../shell/PeoplePicker';

const Delegations = graphql(`
  query Delegations {
    delegations {
      id
      kind
      startsAt
      endsAt
      reason
      active
      revokedAt
      from {
        id
        name
      }
      to {
        id
        name
      }
    }
  }
`);

const Create = graphql(`
  mutation CreateDelegation($input: CreateDelegationInput!) {
    createDelegation(input: $input) {
      id
    }
  }
`);

const Revoke = graphql(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      revokedAt
    }
  }
`);

const DAY_MS = 86_400_000;

/** Plh/Plt: whom the caller acts for now, the appointments they gave or hold, and a new appointment. */
export default function DelegationsPage() {
  const { t, dateTime } = useI18n();
  const { me, actingFor } = useAuth();
  const zone = me.unit?.timezone;
  const [{ data }, refetch] = useQuery({ query: Delegations, requestPolicy: 'cache-and-network' });
  const [{ fetching }, create] = useMutation(Create);
  const [, revoke] = useMutation(Revoke);
  const [fromId, setFrom] = useState<string | null>(null);
  const [toId, setTo] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>('PLH');
  const [startsAt, setStarts] = useState<string | null>(null);
  const [endsAt, setEnds] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const result = await create({
      input: {
        fromUserId: fromId ?? undefined,
        toUserId: toId ?? '',
        kind: kind as DelegationKind,
        // From the start of the first day (or now, when that is today) to the end of the last, in the unit's zone.
        startsAt:
          startsAt && startOfDayIn(startsAt, zone) > new Date().toISOString() ? startOfDayIn(startsAt, zone) : new Date().toISOString(),
        endsAt: new Date(Date.parse(startOfDayIn(endsAt ?? '', zone)) + DAY_MS - 60_000).toISOString(),
        reason: reason || undefined,
      },
    });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({ color: 'green', message: t('common.saved') });
    setTo(null);
    setReason('');
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Stack>
      <Title order={2}>{t('delegations.title')}</Title>
      <Card withBorder>
        {actingFor.length === 0 ? (
          <Text c="dimmed">{t('delegations.none')}</Text>
        ) : (
          <Stack gap={4}>
            <Text fw={600}>{t('delegations.actingNow')}</Text>
            {actingFor.map((u) => (
              <Text key={u.id} size="sm">
                {u.name} {u.position && `— ${u.position.title}`} ·{' '}
                <Anchor component={Link} to={`/inbox?as=${u.id}`}>
                  {t('delegations.actAs')}
                </Anchor>
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('delegations.create')}
        </Title>
        {error && (
          <Alert color="red" role="alert" mb="sm">
            {error}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <PersonSelect label={t('delegations.from')} value={fromId} onChange={setFrom} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <PersonSelect label={t('delegations.to')} value={toId} onChange={setTo} required />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('delegations.kind')}
              data={[
                { value: 'PLH', label: t('delegations.kind.PLH') },
                { value: 'PLT', label: t('delegations.kind.PLT') },
              ]}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput label={t('delegations.starts')} value={startsAt} onChange={setStarts} valueFormat="D MMMM YYYY" clearable />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput label={t('delegations.ends')} value={endsAt} onChange={setEnds} valueFormat="D MMMM YYYY" required />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('delegations.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          </Grid.Col>
        </Grid>
        <Button mt="sm" onClick={submit} loading={fetching} disabled={!toId || !endsAt}>
          {t('delegations.create')}
        </Button>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('delegations.list')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('delegations.kind')}</Table.Th>
                <Table.Th>{t('delegations.official')}</Table.Th>
                <Table.Th>{t('delegations.to')}</Table.Th>
                <Table.Th>{t('delegations.starts')}</Table.Th>
                <Table.Th>{t('delegations.ends')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.delegations ?? []).map((d) => (
                <Table.Tr key={d.id} data-testid="delegation-row">
                  <Table.Td>
                    <Badge variant={d.active ? 'filled' : 'outline'}>{d.kind === 'PLH' ? 'Plh' : 'Plt'}</Badge>
                  </Table.Td>
                  <Table.Td>{d.from.name}</Table.Td>
                  <Table.Td>{d.to.name}</Table.Td>
                  <Table.Td>{dateTime(d.startsAt)}</Table.Td>
                  <Table.Td>{dateTime(d.endsAt)}</Table.Td>
                  <Table.Td>
                    {d.revokedAt ? (
                      <Text size="sm" c="dimmed">
                        {t('delegations.revoked')}
                      </Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={async () => {
                          const result = await revoke({ id: d.id });
                          if (result.error) notifications.show({ color: 'red', message: errorMessage(result.error) });
                          refetch({ requestPolicy: 'network-only' });
                        }}
                      >
                        {t('delegations.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { ClassificationInput } from '../letters/ClassificationInput';
import { errorMessage } from '../shell/errors';

const Dossiers = graphql(`
  query Dossiers($filter: DossierFilter, $first: Int, $after: String) {
    dossiers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          number
          title
          phase
          closedAt
          recordCount
          physicalLocation
          legalHold
          classification {
            code
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

const Create = graphql(`
  mutation CreateDossier($input: CreateDossierInput!) {
    createDossier(input: $input) {
      id
      number
    }
  }
`);

const PAGE = 20;

/** The dossiers (berkas) the clerk keeps: search, open one, or start a new one. */
export default function DossiersPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, { open, close }] = useDisclosure();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('archive.dossiers.title')}</Title>
        <Button onClick={open}>{t('archive.dossiers.create')}</Button>
      </Group>
      <TextInput
        label={t('common.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setCursors([null]);
        }}
        maw={480}
      />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('archive.dossier.number')}</Table.Th>
            <Table.Th>{t('archive.dossier.titleField')}</Table.Th>
            <Table.Th>{t('archive.classification')}</Table.Th>
            <Table.Th>{t('archive.location')}</Table.Th>
            <Table.Th>{t('archive.dossier.records')}</Table.Th>
            <Table.Th>{t('archive.phase')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cursors.map((after, i) => (
            <DossierRows
              key={`${debounced}/${after ?? ''}`}
              search={debounced}
              after={after}
              onMore={i === cursors.length - 1 ? (next) => setCursors([...cursors, next]) : undefined}
            />
          ))}
        </Table.Tbody>
      </Table>
      <CreateDossier opened={creating} onClose={close} />
    </Stack>
  );
}

function DossierRows({ search, after, onMore }: { search: string; after: string | null; onMore?(cursor: string): void }) {
  const { t } = useI18n();
  const [{ data, error }] = useQuery({
    query: Dossiers,
    variables: { filter: { search: search.trim() || undefined }, first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  if (error)
    return (
      <Table.Tr>
        <Table.Td colSpan={6}>{errorMessage(error)}</Table.Td>
      </Table.Tr>
    );
  const result = data?.dossiers;
  return (
    <>
      {result?.edges.map(({ node }) => (
        <Table.Tr key={node.id} data-testid="dossier-row">
          <Table.Td>
            <Anchor component={Link} to={`/archive/dossiers/${node.id}`}>
              {node.number}
            </Anchor>
          </Table.Td>
          <Table.Td>{node.title}</Table.Td>
          <Table.Td>{node.classification.code}</Table.Td>
          <Table.Td>{node.physicalLocation ?? '—'}</Table.Td>
          <Table.Td>{node.recordCount}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <Badge variant="light">{t(`archive.phase.${node.phase}`)}</Badge>
              <Badge variant="outline" color={node.closedAt ? 'gray' : 'teal'}>
                {t(node.closedAt ? 'archive.dossier.closed' : 'archive.dossier.open')}
              </Badge>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
      {onMore && result?.pageInfo.hasNextPage && result.pageInfo.endCursor && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Button variant="default" onClick={() => onMore(result.pageInfo.endCursor as string)}>
              {t('common.more')}
            </Button>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function CreateDossier({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [{ fetching, error }, create] = useMutation(Create);
  const [title, setTitle] = useState('');
  const [classificationCode, setCode] = useState('');
  const [physicalLocation, setLocation] = useState('');
  const [description, setDescription] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('archive.dossiers.create')}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await create({
            input: {
              title: title.trim(),
              classificationCode: classificationCode.trim(),
              physicalLocation: physicalLocation.trim() || undefined,
              description: description.trim() || undefined,
            },
          });
          if (result.data) {
            notifications.show({ color: 'green', message: t('archive.dossiers.created', { number: result.data.createDossier.number }) });
            navigate(`/archive/dossiers/${result.data.createDossier.id}`);
          }
        }}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <TextInput label={t('archive.dossier.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <ClassificationInput label={t('archive.classification')} value={classificationCode} onChange={setCode} required />
          <TextInput
            label={t('archive.location')}
            description={t('archive.location.hint')}
            value={physicalLocation}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
          <Textarea
            label={t('archive.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Text size="xs" c="dimmed">
            {t('archive.dossiers.createHint')}
          </Text>
          <Button type="submit" loading={fetching} disabled={!title.trim() || !classificationCode.trim()}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

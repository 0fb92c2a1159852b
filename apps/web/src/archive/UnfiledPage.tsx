import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';

const Unfiled = graphql(`
  query UnfiledLetters($first: Int, $after: String) {
    unfiledLetters(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          number
          agendaNumber
          subject
          direction
          status
          classificationCode
          letterDate
          signedAt
          receivedAt
        }
      }
    }
  }
`);

const OpenDossiers = graphql(`
  query OpenDossiers($filter: DossierFilter) {
    dossiers(filter: $filter, first: 100) {
      edges {
        node {
          id
          number
          title
          closedAt
          readOnly
          classification {
            code
          }
        }
      }
    }
  }
`);

const ArchiveLetter = graphql(`
  mutation ArchiveLetter($input: ArchiveLetterInput!) {
    archiveLetter(input: $input) {
      id
      title
      dossier {
        id
        number
      }
    }
  }
`);

const PAGE = 20;

/** Letters done with (completed incoming, sent outgoing) that wait to be filed into a dossier. */
export default function UnfiledPage() {
  const { t } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: Unfiled, variables: { first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const result = data?.unfiledLetters;
  return (
    <Stack>
      <Title order={2}>{t('archive.unfiled.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('archive.unfiled.intro')}
      </Text>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {result && (
        <Text size="sm" data-testid="unfiled-total">
          {t('common.total', { n: result.totalCount })}
        </Text>
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('letter.number')}</Table.Th>
            <Table.Th>{t('letter.subject')}</Table.Th>
            <Table.Th>{t('letter.classification')}</Table.Th>
            <Table.Th>{t('archive.unfiled.fileInto')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result?.edges.map(({ node }) => (
            <UnfiledRow key={node.id} letter={node} onFiled={() => refetch({ requestPolicy: 'network-only' })} />
          ))}
        </Table.Tbody>
      </Table>
      {result && result.edges.length === 0 && <Text data-testid="unfiled-empty">{t('archive.unfiled.empty')}</Text>}
      <Group>
        {after && (
          <Button variant="default" onClick={() => setAfter(null)}>
            {t('archive.firstPage')}
          </Button>
        )}
        {result?.pageInfo.hasNextPage && (
          <Button variant="default" onClick={() => setAfter(result.pageInfo.endCursor ?? null)}>
            {t('archive.nextPage')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

interface UnfiledLetter {
  id: string;
  number?: string | null;
  agendaNumber?: string | null;
  subject: string;
  direction: string;
  classificationCode: string;
}

function UnfiledRow({ letter, onFiled }: { letter: UnfiledLetter; onFiled(): void }) {
  const { t } = useI18n();
  const [dossierId, setDossierId] = useState<string | null>(null);
  const [{ fetching, error }, archive] = useMutation(ArchiveLetter);
  return (
    <Table.Tr data-testid="unfiled-row">
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" size="sm">
            {t(`direction.${letter.direction}` as 'direction.INCOMING')}
          </Badge>
          <Text size="sm">{letter.number ?? letter.agendaNumber ?? '—'}</Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/letters/${letter.id}`}>
          {letter.subject}
        </Anchor>
      </Table.Td>
      <Table.Td>{letter.classificationCode}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <DossierSelect code={letter.classificationCode} value={dossierId} onChange={setDossierId} />
          <Button
            loading={fetching}
            onClick={async () => {
              const result = await archive({ input: { letterId: letter.id, dossierId: dossierId ?? undefined } });
              if (result.data) {
                const dossier = result.data.archiveLetter.dossier;
                notifications.show({
                  color: 'green',
                  message: dossier ? t('archive.unfiled.filed', { number: dossier.number }) : t('archive.unfiled.filedLoose'),
                });
                onFiled();
              }
            }}
          >
            {t('archive.unfiled.archive')}
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(error)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The open dossiers a letter may go into: those of its own classification code (the API refuses any other). */
function DossierSelect({ code, value, onChange }: { code: string; value: string | null; onChange(id: string | null): void }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: OpenDossiers, variables: { filter: { classificationCode: code } } });
  const open = (data?.dossiers.edges ?? []).map((e) => e.node).filter((d) => !d.closedAt && !d.readOnly && d.classification.code === code);
  return (
    <Select
      aria-label={t('archive.dossier')}
      placeholder={t('archive.unfiled.dossierPlaceholder')}
      data={open.map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('common.none')}
      miw={260}
    />
  );
}

import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { LetterDirection } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const Letters = graphql(`
  query Registry($filter: LetterFilter, $first: Int, $after: String) {
    letters(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          agendaNumber
          number
          subject
          senderName
          direction
          status
          receivedAt
          letterDate
        }
      }
    }
  }
`);

/** The registry (buku agenda): every letter the caller may see, newest first, with search. */
export default function RegistryPage() {
  const { t, dateTime, date } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [direction, setDirection] = useState<string>('');
  const [after, setAfter] = useState<string[]>([]);
  const filter = { search: debounced || undefined, direction: (direction || undefined) as LetterDirection | undefined };
  const cursor = after[after.length - 1] ?? null;
  const [{ data, fetching }] = useQuery({ query: Letters, variables: { filter, first: 25, after: cursor } });

  return (
    <Stack>
      <Title order={2}>{t('registry.title')}</Title>
      <Group align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={t('registry.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setAfter([]);
          }}
          w={300}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="registry-direction">
            {t('registry.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby="registry-direction"
            value={direction}
            onChange={(value) => {
              setDirection(value);
              setAfter([]);
            }}
            data={[
              { value: '', label: t('registry.all') },
              { value: 'INCOMING', label: t('direction.INCOMING') },
              { value: 'OUTGOING', label: t('direction.OUTGOING') },
            ]}
          />
        </div>
      </Group>
      {data && <Text size="sm">{t('common.total', { n: data.letters.totalCount })}</Text>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover aria-label={t('registry.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letter.agenda')}</Table.Th>
              <Table.Th>{t('letter.number')}</Table.Th>
              <Table.Th>{t('letter.subject')}</Table.Th>
              <Table.Th>{t('letter.sender')}</Table.Th>
              <Table.Th>{t('letter.received')}</Table.Th>
              <Table.Th>{t('letter.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.letters.edges ?? []).map(({ node }) => (
              <Table.Tr key={node.id} data-testid="registry-row">
                <Table.Td>{node.agendaNumber ?? '—'}</Table.Td>
                <Table.Td>{node.number ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/letters/${node.id}`}>
                    {node.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>{node.senderName ?? '—'}</Table.Td>
                <Table.Td>{node.receivedAt ? dateTime(node.receivedAt) : date(node.letterDate)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`letterStatus.${node.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
            {data?.letters.totalCount === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>{fetching ? t('common.loading') : t('common.none')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        {after.length > 0 && (
          <Button variant="default" onClick={() => setAfter(after.slice(0, -1))}>
            ‹
          </Button>
        )}
        {data?.letters.pageInfo.hasNextPage && (
          <Button variant="default" onClick={() => setAfter([...after, data.letters.pageInfo.endCursor as string])}>
            {t('common.more')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

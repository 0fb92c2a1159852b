import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { Highlight } from './Highlight';

const Search = graphql(`
  query SearchArchive($query: String!, $first: Int, $after: String) {
    searchArchive(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          highlight
          record {
            id
            title
            documentDate
            phase
            securityLevel
            ocrStatus
            classification {
              code
              name
            }
            dossier {
              id
              number
              title
            }
          }
        }
      }
    }
  }
`);

const PAGE = 10;

/** Full-text search over the archive: titles, metadata and OCR text, hits highlighted, more pages by keyset. */
export default function ArchiveSearchPage() {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  // One cursor per loaded page: "more" adds the last page's end cursor.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  return (
    <Stack maw={960}>
      <Title order={2}>{t('archive.search.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(input.trim());
          setCursors(input.trim() ? [null] : []);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('archive.search.query')}
            description={t('archive.search.hint')}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('common.search')}</Button>
        </Group>
      </form>
      {cursors.map((after, i) => (
        <ResultPage
          key={`${query}/${after ?? ''}`}
          query={query}
          after={after}
          first={i === 0}
          onMore={i === cursors.length - 1 ? (next) => setCursors([...cursors, next]) : undefined}
        />
      ))}
    </Stack>
  );
}

function ResultPage({
  query,
  after,
  first,
  onMore,
}: {
  query: string;
  after: string | null;
  first: boolean;
  onMore?(cursor: string): void;
}) {
  const { t, date } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: Search, variables: { query, first: PAGE, after } });
  if (error) return <Text c="red">{errorMessage(error)}</Text>;
  if (!data) return fetching ? <Text c="dimmed">{t('common.loading')}</Text> : null;
  const result = data.searchArchive;
  return (
    <>
      {first && (
        <Text size="sm" c="dimmed" data-testid="search-total">
          {t('archive.search.found', { n: result.totalCount })}
        </Text>
      )}
      {result.edges.map(({ node }) => (
        <Card key={node.record.id} withBorder data-testid="search-hit">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/archive/records/${node.record.id}`} fw={600}>
              {node.record.title}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <Badge variant="light">{t(`archive.phase.${node.record.phase}`)}</Badge>
              {node.record.securityLevel !== 'PUBLIC' && (
                <Badge color="red" variant="outline">
                  {t(`security.${node.record.securityLevel}`)}
                </Badge>
              )}
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {node.record.classification.code} — {node.record.classification.name} · {date(node.record.documentDate)}
            {node.record.dossier && ` · ${t('archive.dossier')} ${node.record.dossier.number}`}
          </Text>
          {node.highlight && (
            <Text size="sm" mt={4}>
              <Highlight text={node.highlight} />
            </Text>
          )}
        </Card>
      ))}
      {first && result.edges.length === 0 && <Text>{t('archive.search.empty')}</Text>}
      {onMore && result.pageInfo.hasNextPage && result.pageInfo.endCursor && (
        <Button variant="default" onClick={() => onMore(result.pageInfo.endCursor as string)}>
          {t('common.more')}
        </Button>
      )}
    </>
  );
}

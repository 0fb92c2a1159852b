import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { MyDrafts } from './drafting.graphql';

/** The caller's outgoing letters, from draft to sent, and the way to start a new one. */
export default function DraftsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: MyDrafts, variables: { first: 50, after }, requestPolicy: 'cache-and-network' });
  const letters = (data?.letters.edges ?? []).map((e) => e.node).filter((l) => l.createdBy.id === me.id);
  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={2}>{t('drafting.title')}</Title>
        <Button component={Link} to="/drafts/new">
          {t('drafting.new')}
        </Button>
      </Group>
      {error && <Text c="red">{errorMessage(error)}</Text>}
      <Table striped>
        <Table.Tbody>
          {letters.map((l) => (
            <Table.Tr key={l.id} data-testid="draft-row">
              <Table.Td>
                <Anchor component={Link} to={`/drafts/${l.id}`}>
                  {l.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>{l.number ?? '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`letterStatus.${l.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && letters.length === 0 && <Text c="dimmed">{t('drafting.none')}</Text>}
      {data?.letters.pageInfo.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => setAfter(data.letters.pageInfo.endCursor ?? null)}>
            {t('archive.nextPage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

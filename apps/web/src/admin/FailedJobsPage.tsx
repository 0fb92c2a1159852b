import { Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';

const FailedJobs = graphql(`
  query FailedJobs {
    failedJobs(first: 50) {
      totalCount
      edges {
        node {
          id
          queue
          name
          failedReason
          attempts
          attemptsMade
          finishedOn
          data
        }
      }
    }
  }
`);

const Retry = graphql(`
  mutation RetryFailedJob($id: ID!, $queue: String!) {
    retryFailedJob(id: $id, queue: $queue)
  }
`);

/** Background jobs that failed after their last attempt, with a retry for each. */
export default function FailedJobsPage() {
  const { t, dateTime } = useI18n();
  const [{ data }, refetch] = useQuery({ query: FailedJobs, requestPolicy: 'network-only' });
  const [, retry] = useMutation(Retry);
  const jobs = data?.failedJobs.edges.map((e) => e.node) ?? [];
  return (
    <Stack>
      <Title order={2}>{t('admin.jobs.title')}</Title>
      {data && jobs.length === 0 && (
        <Text c="dimmed" data-testid="no-failed-jobs">
          {t('admin.jobs.empty')}
        </Text>
      )}
      {jobs.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.jobs.queue')}</Table.Th>
                <Table.Th>{t('admin.jobs.name')}</Table.Th>
                <Table.Th>{t('admin.jobs.reason')}</Table.Th>
                <Table.Th>{t('admin.jobs.attempts')}</Table.Th>
                <Table.Th>{t('admin.jobs.failedAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={`${job.queue}/${job.id}`}>
                  <Table.Td>{job.queue}</Table.Td>
                  <Table.Td>
                    {job.name}
                    <Code block fz="xs" mah={80} style={{ overflow: 'auto' }}>
                      {job.data}
                    </Code>
                  </Table.Td>
                  <Table.Td>{job.failedReason ?? '—'}</Table.Td>
                  <Table.Td>
                    {job.attemptsMade}/{job.attempts}
                  </Table.Td>
                  <Table.Td>{dateTime(job.finishedOn)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      onClick={async () => {
                        const result = await retry({ id: job.id, queue: job.queue });
                        notifications.show(
                          result.error
                            ? { color: 'red', message: errorMessage(result.error) }
                            : { color: 'green', message: t('admin.jobs.retried') },
                        );
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('admin.jobs.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

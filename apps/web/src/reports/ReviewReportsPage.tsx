import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ReportsToReviewQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';
import { WorkModeBadge } from '../tasks/task-badges';

const ToReview = graphql(`
  query ReportsToReview {
    reportsToReview(first: 50) {
      id
      date
      status
      workMode
      totalMinutes
      submittedAt
      note
      user {
        id
        name
      }
      entries {
        id
        startTime
        endTime
        activity
        output
        outputQuantity
        task {
          id
          title
        }
        evidence {
          id
          filename
          downloadUrl
        }
      }
    }
  }
`);

const Review = graphql(`
  mutation ReviewDailyReport($input: ReviewDailyReportInput!) {
    reviewDailyReport(input: $input) {
      id
      status
    }
  }
`);

type Report = ReportsToReviewQuery['reportsToReview'][number];

/** Daily reports of the people below, oldest first: approve, or return with a note saying what to fix. */
export default function ReviewReportsPage() {
  const { t } = useI18n();
  const [{ data, fetching }, refetch] = useQuery({ query: ToReview, requestPolicy: 'cache-and-network' });
  if (!data) return fetching ? <PageLoader /> : null;
  return (
    <Stack>
      <Title order={2}>{t('review.title')}</Title>
      {data.reportsToReview.length === 0 && <Text c="dimmed">{t('review.empty')}</Text>}
      {data.reportsToReview.map((report) => (
        <ReportCard key={report.id} report={report} onDecided={() => refetch({ requestPolicy: 'network-only' })} />
      ))}
    </Stack>
  );
}

function ReportCard({ report, onDecided }: { report: Report; onDecided(): void }) {
  const { t, date } = useI18n();
  const [{ fetching }, review] = useMutation(Review);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const decide = async (approve: boolean) => {
    setError(null);
    const result = await review({ input: { reportId: report.id, approve, note: note || undefined } });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({ message: t(approve ? 'review.approved' : 'review.returned', { name: report.user.name }), color: 'green' });
    onDecided();
  };

  return (
    <Card withBorder data-testid="review-report">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text fw={600}>{report.user.name}</Text>
          <Text size="sm" c="dimmed">
            {date(report.date)} · {t('report.total', { minutes: report.totalMinutes })}
          </Text>
        </div>
        <WorkModeBadge mode={report.workMode} />
      </Group>
      {report.note && <Text size="sm">{report.note}</Text>}
      <Table.ScrollContainer minWidth={320} mt="xs">
        <Table>
          <Table.Tbody>
            {report.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {e.startTime.slice(0, 5)}–{e.endTime.slice(0, 5)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.activity}</Text>
                  {(e.task || e.output) && (
                    <Text size="xs" c="dimmed">
                      {[e.task?.title, e.output && `${e.output}${e.outputQuantity ? ` (${e.outputQuantity})` : ''}`]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                  {e.evidence.map((f) => (
                    <Anchor key={f.id} href={f.downloadUrl} target="_blank" size="xs" mr="xs">
                      {f.filename}
                    </Anchor>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
      <Textarea label={t('review.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} mt="xs" autosize />
      <Group mt="xs">
        <Button onClick={() => decide(true)} loading={fetching}>
          {t('review.approve')}
        </Button>
        <Button variant="light" color="orange" onClick={() => decide(false)} loading={fetching} disabled={!note.trim()}>
          {t('review.return')}
        </Button>
      </Group>
    </Card>
  );
}

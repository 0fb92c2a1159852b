import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApprovalDecision, ApprovalQueueQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { SlaBadge } from '../shell/badges';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';

const PdfViewer = lazy(() => import('../letters/PdfViewer'));

// A composed draft has no uploaded file: reviewers read the preview, rendered only when the step is opened.
const Preview = graphql(`
  query ApprovalPreview($id: ID!) {
    letter(id: $id) {
      id
      previewFile {
        id
        filename
        downloadUrl
      }
    }
  }
`);

type PdfFile = { id: string; filename: string; downloadUrl: string };

function DraftPdf({ letterId, draftFile }: { letterId: string; draftFile: PdfFile | null | undefined }) {
  const [preview] = useQuery({ query: Preview, variables: { id: letterId }, pause: Boolean(draftFile) });
  const file = draftFile ?? preview.data?.letter?.previewFile;
  if (!file) return preview.fetching ? <PageLoader /> : null;
  return (
    <Suspense fallback={<PageLoader />}>
      <PdfViewer key={file.id} url={file.downloadUrl} title={file.filename} />
    </Suspense>
  );
}

const Queue = graphql(`
  query ApprovalQueue {
    approvalQueue(first: 50) {
      totalCount
      edges {
        node {
          id
          kind
          status
          dueAt
          slaState
          revision
          actingFor {
            id
            name
          }
          letter {
            id
            subject
            kind
            urgency
            securityLevel
            classificationCode
            createdBy {
              id
              name
            }
            draftFile {
              id
              filename
              downloadUrl
            }
            approvalSteps {
              id
              order
              kind
              status
              decidedAt
              comment
              approver {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

const Decide = graphql(`
  mutation DecideApproval($input: DecideApprovalInput!) {
    decideApproval(input: $input) {
      id
      status
    }
  }
`);

type Step = ApprovalQueueQuery['approvalQueue']['edges'][number]['node'];

/** The leader's queue of drafts to initial (paraf) or sign, newest due first, each with its PDF. */
export default function ApprovalQueuePage() {
  const { t } = useI18n();
  const [{ data, fetching }, refetch] = useQuery({ query: Queue, requestPolicy: 'cache-and-network' });
  const [openId, setOpenId] = useState<string | null>(null);
  if (!data) return fetching ? <PageLoader /> : null;
  const steps = data.approvalQueue.edges.map((e) => e.node);
  return (
    <Stack>
      <Title order={2}>{t('approvals.title')}</Title>
      {steps.length === 0 && <Text c="dimmed">{t('approvals.empty')}</Text>}
      {steps.map((step) => (
        <StepCard
          key={step.id}
          step={step}
          open={openId === step.id || steps.length === 1}
          onOpen={() => setOpenId(step.id)}
          onDecided={() => {
            setOpenId(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ))}
    </Stack>
  );
}

function StepCard({ step, open, onOpen, onDecided }: { step: Step; open: boolean; onOpen(): void; onDecided(): void }) {
  const { t, dateTime } = useI18n();
  const [{ fetching }, decide] = useMutation(Decide);
  const [comment, setComment] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [nik, setNik] = useState('');
  const [error, setError] = useState<string | null>(null);
  const letter = step.letter;

  const submit = async (decision: ApprovalDecision) => {
    setError(null);
    const result = await decide({
      input: {
        stepId: step.id,
        decision,
        comment: comment.trim() || undefined,
        passphrase: step.kind === 'SIGN' && passphrase ? passphrase : undefined,
        nik: step.kind === 'SIGN' && nik ? nik : undefined,
      },
    });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({ color: 'green', message: t('approvals.decided') });
    onDecided();
  };

  return (
    <Card withBorder data-testid="approval-step">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={600}>{letter.subject}</Text>
          <Group gap={6}>
            <Badge color={step.kind === 'SIGN' ? 'red' : 'blue'}>{t(`approvals.${step.kind}`)}</Badge>
            <SlaBadge state={step.slaState} />
            {step.actingFor && <Badge variant="outline">{t('approvals.actingFor', { name: step.actingFor.name })}</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {t('approvals.drafter')}: {letter.createdBy.name} · {t(`kind.${letter.kind}`)} · {letter.classificationCode}
            {step.dueAt && ` · ${t('letter.dueText', { due: dateTime(step.dueAt) })}`}
          </Text>
        </div>
        {!open && (
          <Button variant="light" onClick={onOpen}>
            {t('approvals.open')}
          </Button>
        )}
      </Group>
      {open && (
        <Stack mt="sm">
          <DraftPdf letterId={letter.id} draftFile={letter.draftFile} />
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('approvals.steps')}
            </Text>
            <Timeline bulletSize={12} lineWidth={2} active={letter.approvalSteps.findIndex((s) => s.status === 'PENDING')}>
              {letter.approvalSteps.map((s) => (
                <Timeline.Item key={s.id} title={`${s.order}. ${t(`approvals.${s.kind}`)} — ${s.approver.name}`}>
                  <Text size="xs" c="dimmed">
                    {t(`stepStatus.${s.status}`)}
                    {s.decidedAt && ` · ${dateTime(s.decidedAt)}`}
                  </Text>
                  {s.comment && <Text size="xs">“{s.comment}”</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Textarea
            label={t('approvals.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {step.kind === 'SIGN' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('approvals.nik')} value={nik} onChange={(e) => setNik(e.currentTarget.value)} autoComplete="off" />
              <PasswordInput
                label={t('approvals.passphrase')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                autoComplete="off"
              />
            </SimpleGrid>
          )}
          {/* One button a row on a phone: a leader taps them with a thumb. */}
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Button onClick={() => submit('APPROVE')} loading={fetching}>
              {step.kind === 'SIGN' ? t('approvals.sign') : t('approvals.approve')}
            </Button>
            <Button variant="default" onClick={() => submit('RETURN')} disabled={!comment.trim()}>
              {t('approvals.return')}
            </Button>
            <Button variant="outline" color="red" onClick={() => submit('REJECT')} disabled={!comment.trim()}>
              {t('approvals.reject')}
            </Button>
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}

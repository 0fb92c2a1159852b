import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import type { LetterQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { SlaBadge, StatusBadge } from '../shell/badges';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';
import { DisposeDialog } from './DisposeDialog';
import { CompleteAssignment, LetterDocument, MarkRead, StartAssignment, WithdrawDisposition } from './letter.graphql';

const PdfViewer = lazy(() => import('./PdfViewer'));

type Letter = NonNullable<LetterQuery['letter']>;
type Disposition = Letter['dispositions'][number];
type Assignment = Disposition['assignments'][number];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

export default function LetterPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, dateTime, date } = useI18n();
  const { me, actingFor } = useAuth();
  const [{ data, fetching, error }, refetch] = useQuery({ query: LetterDocument, variables: { id } });
  const [, markRead] = useMutation(MarkRead);
  const [, start] = useMutation(StartAssignment);
  const [, withdraw] = useMutation(WithdrawDisposition);
  const [disposing, setDisposing] = useState(false);
  const [completing, setCompleting] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const letter = data?.letter;
  const mine = new Set([me.id, ...actingFor.map((u) => u.id)]);
  const open = (letter?.dispositions ?? [])
    .filter((d) => !d.withdrawnAt)
    .flatMap((d) => d.assignments)
    .filter((a) => mine.has(a.assignee.id) && a.status !== 'COMPLETED');
  const wanted = params.get('assignment');
  const assignment: Assignment | undefined = open.find((a) => a.id === wanted) ?? open[0];

  // Opening the letter is reading it: the sender sees it read, as on paper.
  useEffect(() => {
    if (assignment?.status === 'UNREAD') void markRead({ id: assignment.id }).then(reload);
  }, [assignment?.id, assignment?.status]);

  if (!data) return fetching ? <PageLoader /> : <Alert color="red">{errorMessage(error)}</Alert>;
  if (!letter) return <Alert color="red">{t('common.none')}</Alert>;

  const pdf = letter.signedFile ?? letter.files.find((f) => f.contentType === 'application/pdf') ?? letter.draftFile;
  const act = async (action: () => Promise<{ error?: Error }>) => {
    const result = await action();
    if (result.error) notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(result.error) });
    reload();
  };

  return (
    <Stack>
      <div>
        <Title order={2}>{letter.subject}</Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light">{t(`letterStatus.${letter.status}`)}</Badge>
          <Badge variant="outline">{t(`direction.${letter.direction}`)}</Badge>
          {letter.urgency !== 'NORMAL' && <Badge color="red">{t(`urgency.${letter.urgency}`)}</Badge>}
          {letter.securityLevel !== 'PUBLIC' && <Badge color="dark">{t(`security.${letter.securityLevel}`)}</Badge>}
        </Group>
      </div>

      {assignment && (
        <Card withBorder data-testid="my-assignment">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{t('letter.myAssignment')}</Text>
              <Group gap="xs">
                <StatusBadge status={assignment.status} />
                <SlaBadge state={assignment.slaState} />
                <Text size="sm">{t('letter.dueText', { due: dateTime(assignment.dueAt) })}</Text>
              </Group>
            </div>
            <Group gap="xs">
              {assignment.status === 'READ' && (
                <Button variant="default" onClick={() => act(() => start({ id: assignment.id }))}>
                  {t('letter.start')}
                </Button>
              )}
              {assignment.status !== 'UNREAD' && (
                <>
                  <Button variant="default" onClick={() => setDisposing(true)}>
                    {t('letter.forward')}
                  </Button>
                  <Button onClick={() => setCompleting(true)}>{t('letter.complete')}</Button>
                </>
              )}
            </Group>
          </Group>
          <DisposeDialog
            letterId={letter.id}
            subject={letter.subject}
            assignmentId={assignment.id}
            opened={disposing}
            onClose={(done) => {
              setDisposing(false);
              if (done) reload();
            }}
          />
          <CompleteDialog
            assignmentId={assignment.id}
            opened={completing}
            onClose={(done) => {
              setCompleting(false);
              if (done) reload();
            }}
          />
        </Card>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              {t('letter.document')}
            </Title>
            {pdf ? (
              <>
                <Suspense fallback={<PageLoader />}>
                  <PdfViewer key={pdf.id} url={pdf.downloadUrl} title={pdf.filename} />
                </Suspense>
                <Anchor href={pdf.downloadUrl} mt="xs" display="inline-block">
                  {t('letter.download')}
                </Anchor>
              </>
            ) : (
              <Text c="dimmed">{t('letter.noDocument')}</Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={2} spacing="sm">
                <Field label={t('letter.number')}>{letter.number}</Field>
                <Field label={t('letter.agenda')}>
                  <span data-testid="agenda-number">{letter.agendaNumber}</span>
                </Field>
                <Field label={t('letter.date')}>{date(letter.letterDate)}</Field>
                <Field label={t('letter.received')}>{dateTime(letter.receivedAt)}</Field>
                <Field label={t('letter.sender')}>{letter.senderName ?? letter.createdBy.name}</Field>
                <Field label={t('letter.kind')}>{t(`kind.${letter.kind}`)}</Field>
                <Field label={t('letter.classification')}>{letter.classificationCode}</Field>
                <Field label={t('letter.security')}>{t(`security.${letter.securityLevel}`)}</Field>
                {letter.verificationCode && (
                  <Field label={t('letter.verification')}>
                    <Anchor href={`/verify/${encodeURIComponent(letter.verificationCode)}`} target="_blank">
                      {letter.verificationCode}
                    </Anchor>
                  </Field>
                )}
              </SimpleGrid>
              {letter.addressees.length > 0 && (
                <Field label={t('letter.addressees')}>{letter.addressees.map((u) => u.name).join(', ')}</Field>
              )}
            </Card>
            <Card withBorder>
              <Title order={3} size="h5">
                {t('letter.holders')}
              </Title>
              <List size="sm" data-testid="current-holders">
                {letter.currentHolders.map((u) => (
                  <List.Item key={u.id}>
                    {u.name}
                    {u.position && <Text span c="dimmed">{` — ${u.position.title}`}</Text>}
                  </List.Item>
                ))}
              </List>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      {letter.approvalSteps.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('approvals.steps')}
          </Title>
          <Timeline
            bulletSize={12}
            lineWidth={2}
            active={letter.approvalSteps.findIndex((s) => s.status === 'PENDING')}
            data-testid="approval-steps"
          >
            {letter.approvalSteps.map((s) => (
              <Timeline.Item key={s.id} title={`${s.order}. ${t(`approvals.${s.kind}`)} — ${s.approver.name}`}>
                <Text size="xs" c="dimmed">
                  {t(`stepStatus.${s.status}`)}
                  {s.actingFor && ` · ${t('letter.actingFor', { name: s.actingFor.name })}`}
                  {s.decidedAt && ` · ${dateTime(s.decidedAt)}`}
                </Text>
                {s.comment && <Text size="xs">“{s.comment}”</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      )}

      {letter.dispositions.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t('letter.dispositions')}
          </Title>
          <DispositionTree
            dispositions={letter.dispositions}
            parentId={null}
            canWithdraw={(d) => mine.has(d.sender.id) && !d.withdrawnAt && d.assignments.every((a) => a.status === 'UNREAD')}
            onWithdraw={(d) => act(() => withdraw({ id: d.id }))}
          />
        </Card>
      )}

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('letter.timeline')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
          {letter.timeline.map((event, index) => (
            <Timeline.Item key={index} title={event.description}>
              <Text size="xs" c="dimmed">
                {dateTime(event.at)}
              </Text>
              {event.note && <Text size="sm">“{event.note}”</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}

interface TreeProps {
  dispositions: Disposition[];
  parentId: string | null;
  canWithdraw(d: Disposition): boolean;
  onWithdraw(d: Disposition): void;
}

/** Dispositions as they went down the chain: each assignment with what its assignee forwarded. */
function DispositionTree({ dispositions, parentId, canWithdraw, onWithdraw }: TreeProps) {
  const { t, dateTime } = useI18n();
  const level = dispositions.filter((d) => (d.parentAssignment?.id ?? null) === parentId);
  if (level.length === 0) return null;
  return (
    <List listStyleType="none" withPadding={parentId !== null} spacing="xs">
      {level.map((d) => (
        <List.Item key={d.id}>
          <Text size="sm" td={d.withdrawnAt ? 'line-through' : undefined}>
            <b>{d.sender.name}</b>
            {d.actingFor && ` (${t('letter.actingFor', { name: d.actingFor.name })})`}
            {[d.instructions.map((i) => t(`instruction.${i}`)).join(', '), t('letter.dueText', { due: dateTime(d.dueAt) })]
              .filter(Boolean)
              .map((part) => ` · ${part}`)
              .join('')}
            {d.withdrawnAt && ` · ${t('letter.withdrawn')}`}
          </Text>
          {d.note && (
            <Text size="xs" c="dimmed">
              “{d.note}”
            </Text>
          )}
          {canWithdraw(d) && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onWithdraw(d)}>
              {t('letter.withdraw')}
            </Button>
          )}
          <List listStyleType="none" withPadding spacing={4}>
            {d.assignments.map((a) => (
              <List.Item key={a.id}>
                <Group gap={6}>
                  <Text size="sm">→ {a.assignee.name}</Text>
                  <StatusBadge status={a.status} />
                  <SlaBadge state={a.slaState} />
                </Group>
                {a.completionNote && (
                  <Text size="xs" c="dimmed">
                    “{a.completionNote}”
                  </Text>
                )}
                <DispositionTree dispositions={dispositions} parentId={a.id} canWithdraw={canWithdraw} onWithdraw={onWithdraw} />
              </List.Item>
            ))}
          </List>
        </List.Item>
      ))}
    </List>
  );
}

function CompleteDialog({ assignmentId, opened, onClose }: { assignmentId: string; opened: boolean; onClose(done: boolean): void }) {
  const { t } = useI18n();
  const [{ fetching }, complete] = useMutation(CompleteAssignment);
  const [note, setNote] = useState('');
  const [evenIfOpen, setEvenIfOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    const result = await complete({ input: { assignmentId, note, evenIfForwardedOpen: evenIfOpen || undefined } });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({ color: 'green', message: t('letter.completed') });
    onClose(true);
  };
  return (
    <Modal opened={opened} onClose={() => onClose(false)} title={t('letter.complete')}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Textarea
          label={t('letter.completionNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          autosize
          minRows={3}
        />
        <Checkbox label={t('letter.completeEvenIfOpen')} checked={evenIfOpen} onChange={(e) => setEvenIfOpen(e.currentTarget.checked)} />
        <Button onClick={submit} loading={fetching} disabled={!note.trim()}>
          {t('letter.complete')}
        </Button>
      </Stack>
    </Modal>
  );
}

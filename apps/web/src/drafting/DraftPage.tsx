import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import type { DraftLetterQuery, LetterKind, SecurityLevel, Urgency } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ClassificationInput } from '../letters/ClassificationInput';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';
import { PeoplePicker, PersonSelect } from '../shell/PeoplePicker';
import { ContentEditor, contentInput, contentReady, emptyContent, type DraftContent } from './ContentEditor';
import { CreateDraft, DraftLetter, DraftPreview, ReviseDraft, SubmitDraft } from './drafting.graphql';

const PdfViewer = lazy(() => import('../letters/PdfViewer'));

const KINDS: LetterKind[] = ['OFFICIAL_LETTER', 'MEMO', 'INVITATION', 'CIRCULAR', 'DECREE', 'ASSIGNMENT_LETTER', 'REPORT', 'OTHER'];
const SECURITY: SecurityLevel[] = ['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
const URGENCY: Urgency[] = ['NORMAL', 'URGENT', 'VERY_URGENT'];

type Draft = NonNullable<DraftLetterQuery['letter']>;

/** Drafting an outgoing letter: a new one, or one of the caller's drafts with its approval chain. */
export default function DraftPage() {
  const { id } = useParams();
  return id ? <ExistingDraft id={id} /> : <NewDraft />;
}

function NewDraft() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [{ fetching, error }, create] = useMutation(CreateDraft);
  const [kind, setKind] = useState<LetterKind>('OFFICIAL_LETTER');
  const [subject, setSubject] = useState('');
  const [classificationCode, setCode] = useState('');
  const [securityLevel, setSecurity] = useState<SecurityLevel>('PUBLIC');
  const [urgency, setUrgency] = useState<Urgency>('NORMAL');
  const [internalRecipientIds, setInternal] = useState<string[]>([]);
  const [externalRecipients, setExternal] = useState<string[]>([]);
  const [content, setContent] = useState<DraftContent>(emptyContent);
  const ready = subject.trim() && classificationCode.trim() && contentReady(content);
  return (
    <Stack maw={960}>
      <Title order={2}>{t('drafting.new')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await create({
            input: {
              kind,
              subject: subject.trim(),
              classificationCode: classificationCode.trim(),
              securityLevel,
              urgency,
              internalRecipientIds,
              externalRecipients,
              ...contentInput(content),
            },
          });
          if (result.data) {
            notifications.show({ color: 'green', message: t('drafting.saved') });
            navigate(`/drafts/${result.data.createOutgoingDraft.id}`);
          }
        }}
      >
        <Stack>
          <Card withBorder>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label={t('drafting.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label={t('letter.kind')}
                  data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  value={kind}
                  onChange={(v) => setKind((v ?? 'OFFICIAL_LETTER') as LetterKind)}
                  allowDeselect={false}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <ClassificationInput label={t('letter.classification')} value={classificationCode} onChange={setCode} required />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label={t('drafting.urgency')}
                  data={URGENCY.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
                  value={urgency}
                  onChange={(v) => setUrgency((v ?? 'NORMAL') as Urgency)}
                  allowDeselect={false}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label={t('letter.security')}
                  data={SECURITY.map((s) => ({ value: s, label: t(`security.${s}`) }))}
                  value={securityLevel}
                  onChange={(v) => setSecurity((v ?? 'PUBLIC') as SecurityLevel)}
                  allowDeselect={false}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <PeoplePicker label={t('drafting.internalRecipients')} value={internalRecipientIds} onChange={setInternal} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TagsInput
                  label={t('drafting.externalRecipients')}
                  description={t('drafting.externalHint')}
                  value={externalRecipients}
                  onChange={setExternal}
                />
              </Grid.Col>
            </Grid>
          </Card>
          <Card withBorder>
            <ContentEditor value={content} onChange={setContent} />
          </Card>
          <Group>
            <Button type="submit" loading={fetching} disabled={!ready}>
              {t('drafting.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function ExistingDraft({ id }: { id: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [{ data, error }, refetch] = useQuery({ query: DraftLetter, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!data) return <PageLoader />;
  const letter = data.letter;
  if (!letter) return <Alert color="red">{t('drafting.notFound')}</Alert>;
  const mine = letter.createdBy.id === me.id;
  const editable = mine && (letter.status === 'DRAFT' || letter.status === 'RETURNED');
  const steps = letter.approvalSteps.filter((s) => s.revision === letter.revision);
  const returned = [...letter.approvalSteps].reverse().find((s) => s.status === 'RETURNED' || s.status === 'REJECTED');
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{letter.subject}</Title>
        <Group gap="xs">
          <Badge variant="light">{t('drafting.revision', { n: letter.revision })}</Badge>
          <Badge data-testid="draft-status" data-status={letter.status}>
            {t(`letterStatus.${letter.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`kind.${letter.kind}`)} · {letter.classificationCode} · {t('drafting.urgency')}: {t(`urgency.${letter.urgency}`)} ·{' '}
        {t(`security.${letter.securityLevel}`)}
        {letter.number && ` · ${letter.number}`} ·{' '}
        <Anchor component={Link} to={`/letters/${letter.id}`}>
          {t('drafting.openLetter')}
        </Anchor>
      </Text>
      {returned && (letter.status === 'RETURNED' || letter.status === 'REJECTED') && (
        <Alert
          color={returned.status === 'REJECTED' ? 'red' : 'orange'}
          data-testid="returned-note"
          title={t(`stepStatus.${returned.status}`)}
        >
          {t('drafting.returnedBy', { name: returned.approver.name })}
          {returned.comment && ` “${returned.comment}”`}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            {editable && <Revise letter={letter} onSaved={reload} />}
            {mine && letter.status === 'DRAFT' && <Submit letterId={letter.id} onSubmitted={reload} />}
            {steps.length > 0 && (
              <Card withBorder>
                <Title order={3} size="h4" mb="xs">
                  {t('approvals.steps')}
                </Title>
                <Timeline bulletSize={12} lineWidth={2} active={steps.findIndex((s) => s.status === 'PENDING')} data-testid="draft-steps">
                  {steps.map((s) => (
                    <Timeline.Item
                      key={s.id}
                      title={`${s.order}. ${t(`approvals.${s.kind}`)} — ${s.approver.name}`}
                      data-step-status={s.status}
                    >
                      <Text size="xs" c="dimmed">
                        {t(`stepStatus.${s.status}`)}
                        {s.actingFor && ` · ${t('letter.actingFor', { name: s.actingFor.name })}`}
                      </Text>
                      {s.comment && <Text size="xs">“{s.comment}”</Text>}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Preview letterId={letter.id} revision={letter.revision} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The letter as it will look (the composed PDF, rendered on request; an uploaded draft is its own preview). */
function Preview({ letterId, revision }: { letterId: string; revision: number }) {
  const { t } = useI18n();
  const client = useClient();
  const [file, setFile] = useState<{ id: string; filename: string; downloadUrl: string; revision: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    setLoading(true);
    setError(null);
    const result = await client.query(DraftPreview, { id: letterId }, { requestPolicy: 'network-only' }).toPromise();
    setLoading(false);
    const preview = result.data?.letter?.previewFile;
    if (preview) setFile({ ...preview, revision });
    else setError(result.error ? errorMessage(result.error) : t('letter.noDocument'));
  };
  const stale = file && file.revision !== revision;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('drafting.preview')}
        </Title>
        <Button variant="light" onClick={show} loading={loading}>
          {file && !stale ? t('drafting.previewAgain') : t('drafting.showPreview')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {file && !stale && (
        <Suspense fallback={<PageLoader />}>
          <PdfViewer key={file.id} url={file.downloadUrl} title={file.filename} />
        </Suspense>
      )}
    </Card>
  );
}

function Revise({ letter, onSaved }: { letter: Draft; onSaved(): void }) {
  const { t } = useI18n();
  const [content, setContent] = useState<DraftContent>(() =>
    letter.content
      ? {
          ...emptyContent,
          templateId: letter.template?.id ?? null,
          addressee: letter.content.addressee,
          addresseePlace: letter.content.addresseePlace ?? '',
          attachmentsNote: letter.content.attachmentsNote ?? '',
          body: letter.content.body,
          carbonCopies: letter.content.carbonCopies,
        }
      : {
          ...emptyContent,
          mode: 'upload',
          file: letter.draftFile ? { id: letter.draftFile.id, filename: letter.draftFile.filename } : null,
        },
  );
  const [note, setNote] = useState('');
  const [{ fetching, error }, revise] = useMutation(ReviseDraft);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t(letter.status === 'RETURNED' ? 'drafting.reviseTitle' : 'drafting.editTitle')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <ContentEditor value={content} onChange={setContent} />
        <Textarea label={t('drafting.revisionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
        <Group>
          <Button
            loading={fetching}
            disabled={!contentReady(content)}
            onClick={async () => {
              const result = await revise({ input: { letterId: letter.id, note: note.trim() || undefined, ...contentInput(content) } });
              if (result.data) {
                notifications.show({ color: 'green', message: t('drafting.revised', { n: result.data.reviseDraft.revision }) });
                setNote('');
                onSaved();
              }
            }}
          >
            {t('drafting.saveRevision')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Submit({ letterId, onSubmitted }: { letterId: string; onSubmitted(): void }) {
  const { t } = useI18n();
  const [reviewerIds, setReviewers] = useState<string[]>([]);
  const [signerId, setSigner] = useState<string | null>(null);
  const [{ fetching, error }, submit] = useMutation(SubmitDraft);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('drafting.submitTitle')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <PeoplePicker label={t('drafting.reviewers')} value={reviewerIds} onChange={setReviewers} />
        <Text size="xs" c="dimmed">
          {t('drafting.reviewersHint')}
        </Text>
        <PersonSelect label={t('drafting.signer')} value={signerId} onChange={setSigner} required />
        <Group>
          <Button
            loading={fetching}
            disabled={!signerId}
            onClick={async () => {
              const result = await submit({ input: { letterId, reviewerIds, signerId: signerId ?? '' } });
              if (result.data) {
                notifications.show({ color: 'green', message: t('drafting.submitted') });
                onSubmitted();
              }
            }}
          >
            {t('drafting.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import '@mantine/dates/styles.css';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import type { DailyReportQuery, WorkMode } from '../gql/graphql';
import { uploadFile } from '../graphql/client';
import { dateIn } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { fieldErrors } from '../shell/field-errors';
import { PageLoader } from '../shell/PageLoader';
import { WORK_MODES } from '../tasks/task-badges';

const Report = graphql(`
  query DailyReport($date: Date!, $year: Int!) {
    dailyReports(from: $date, to: $date) {
      id
      date
      status
      workMode
      note
      reviewNote
      totalMinutes
      submittedAt
      entries {
        id
        startTime
        endTime
        activity
        output
        outputQuantity
        task {
          id
        }
        performanceTarget {
          id
        }
        evidence {
          id
          filename
        }
      }
    }
    performanceTargets(year: $year) {
      id
      title
    }
    tasks(first: 100, filter: { status: [TODO, IN_PROGRESS, BLOCKED, IN_REVIEW] }) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

const Save = graphql(`
  mutation SaveDailyReport($input: SaveDailyReportInput!) {
    saveDailyReport(input: $input) {
      id
      status
      totalMinutes
    }
  }
`);

type Saved = NonNullable<DailyReportQuery['dailyReports'][number]>;

interface Entry {
  key: number;
  startTime: string;
  endTime: string;
  activity: string;
  taskId: string | null;
  targetId: string | null;
  output: string;
  quantity: number | string;
  evidence: { id: string; filename: string }[];
}

let nextKey = 1;
const blank = (): Entry => ({
  key: nextKey++,
  startTime: '',
  endTime: '',
  activity: '',
  taskId: null,
  targetId: null,
  output: '',
  quantity: '',
  evidence: [],
});

const fromSaved = (report: Saved): Entry[] =>
  report.entries.map((e) => ({
    key: nextKey++,
    startTime: e.startTime.slice(0, 5),
    endTime: e.endTime.slice(0, 5),
    activity: e.activity,
    taskId: e.task?.id ?? null,
    targetId: e.performanceTarget?.id ?? null,
    output: e.output ?? '',
    quantity: e.outputQuantity ?? '',
    evidence: e.evidence,
  }));

/** Today's daily report: what was done hour by hour, against which task and target, with evidence; saved as draft or submitted. */
export default function DailyReportPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const date = dateIn(me.unit?.timezone);
  const [{ data, fetching }, refetch] = useQuery({ query: Report, variables: { date, year: Number(date.slice(0, 4)) } });
  if (!data) return fetching ? <PageLoader /> : null;
  return (
    <ReportForm
      key={data.dailyReports[0]?.id ?? 'new'}
      date={date}
      saved={data.dailyReports[0] ?? null}
      targets={data.performanceTargets.map((p) => ({ value: p.id, label: p.title }))}
      tasks={data.tasks.edges.map((e) => ({ value: e.node.id, label: e.node.title }))}
      onSaved={() => refetch({ requestPolicy: 'network-only' })}
      title={t('report.title')}
    />
  );
}

interface FormProps {
  date: string;
  saved: Saved | null;
  targets: { value: string; label: string }[];
  tasks: { value: string; label: string }[];
  onSaved(): void;
  title: string;
}

function ReportForm({ date, saved, targets, tasks, onSaved, title }: FormProps) {
  const { t, date: formatDate } = useI18n();
  const [{ fetching }, save] = useMutation(Save);
  const [entries, setEntries] = useState<Entry[]>(() => (saved?.entries.length ? fromSaved(saved) : [blank()]));
  const [workMode, setWorkMode] = useState<string | null>(saved?.workMode ?? 'OFFICE');
  const [note, setNote] = useState(saved?.note ?? '');
  const [error, setError] = useState<CombinedError | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const locked = saved?.status === 'SUBMITTED' || saved?.status === 'APPROVED';
  const fields = fieldErrors(error);
  // A refusal shown beside its field needs no banner; one about the whole report (or with no field) does.
  const unplaced = error && !Object.keys(fields).some((f) => /^entries\.\d+\./.test(f) || f === 'note');

  useEffect(() => setError(null), [entries]);

  const change = (key: number, patch: Partial<Entry>) => setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  const attach = async (key: number, files: File[]) => {
    setUploadError(null);
    try {
      const stored = await Promise.all(files.map(uploadFile));
      setEntries((all) =>
        all.map((e) =>
          e.key === key ? { ...e, evidence: [...e.evidence, ...stored.map((s) => ({ id: s.id, filename: s.filename }))] } : e,
        ),
      );
    } catch (e) {
      setUploadError((e as Error).message);
    }
  };

  const submit = async (submitIt: boolean) => {
    setError(null);
    const result = await save({
      input: {
        date,
        workMode: workMode as WorkMode,
        note: note || undefined,
        submit: submitIt,
        entries: entries.map((e) => ({
          startTime: e.startTime,
          endTime: e.endTime,
          activity: e.activity,
          taskId: e.taskId ?? undefined,
          performanceTargetId: e.targetId ?? undefined,
          output: e.output || undefined,
          outputQuantity: typeof e.quantity === 'number' ? e.quantity : undefined,
          evidenceFileIds: e.evidence.map((f) => f.id),
        })),
      },
    });
    if (result.error) return setError(result.error);
    notifications.show({ message: t(submitIt ? 'report.submitted' : 'report.savedDraft'), color: 'green' });
    onSaved();
  };

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{title}</Title>
          <Text c="dimmed">{formatDate(date)}</Text>
        </div>
        {saved && (
          <Badge size="lg" data-testid="report-status" data-status={saved.status}>
            {t(`report.status.${saved.status}`)}
          </Badge>
        )}
      </Group>
      {saved?.reviewNote && (
        <Alert color={saved.status === 'RETURNED' ? 'orange' : 'blue'}>{t('report.reviewNote', { note: saved.reviewNote })}</Alert>
      )}
      {unplaced && (
        <Alert color="red" data-testid="report-error">
          {errorMessage(error)}
        </Alert>
      )}
      {uploadError && <Alert color="red">{uploadError}</Alert>}
      <Group align="flex-end">
        <Select
          label={t('task.workMode')}
          data={WORK_MODES.map((m) => ({ value: m, label: t(`workMode.${m}`) }))}
          value={workMode}
          onChange={setWorkMode}
          allowDeselect={false}
          disabled={locked}
          w={220}
        />
        <TextInput
          label={t('report.note')}
          description={t('report.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          disabled={locked}
          error={fields.note}
          style={{ flex: 1 }}
        />
      </Group>
      {entries.map((entry, index) => {
        const err = (name: string) => fields[`entries.${index}.${name}`];
        return (
          <Card key={entry.key} withBorder data-testid="report-entry" aria-label={t('report.entryN', { n: index + 1 })}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('report.entryN', { n: index + 1 })}</Text>
              {!locked && entries.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('report.removeEntry', { n: index + 1 })}
                  onClick={() => setEntries((all) => all.filter((e) => e.key !== entry.key))}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
            <Grid>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <TimeInput
                  label={t('report.start')}
                  value={entry.startTime}
                  onChange={(e) => change(entry.key, { startTime: e.currentTarget.value })}
                  disabled={locked}
                  error={err('startTime')}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <TimeInput
                  label={t('report.end')}
                  value={entry.endTime}
                  onChange={(e) => change(entry.key, { endTime: e.currentTarget.value })}
                  disabled={locked}
                  error={err('endTime')}
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <Textarea
                  label={t('report.activity')}
                  value={entry.activity}
                  onChange={(e) => change(entry.key, { activity: e.currentTarget.value })}
                  disabled={locked}
                  error={err('activity')}
                  autosize
                  required
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('report.task')}
                  data={tasks}
                  value={entry.taskId}
                  onChange={(v) => change(entry.key, { taskId: v })}
                  disabled={locked}
                  error={err('taskId')}
                  clearable
                  searchable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('report.target')}
                  data={targets}
                  value={entry.targetId}
                  onChange={(v) => change(entry.key, { targetId: v })}
                  disabled={locked}
                  error={err('performanceTargetId')}
                  clearable
                />
              </Grid.Col>
              <Grid.Col span={{ base: 8, sm: 6 }}>
                <TextInput
                  label={t('report.output')}
                  value={entry.output}
                  onChange={(e) => change(entry.key, { output: e.currentTarget.value })}
                  disabled={locked}
                  error={err('output')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2 }}>
                <NumberInput
                  label={t('report.quantity')}
                  value={entry.quantity}
                  onChange={(v) => change(entry.key, { quantity: v })}
                  disabled={locked}
                  error={err('outputQuantity')}
                  min={0}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <FileInput
                  label={t('report.evidence')}
                  multiple
                  value={[]}
                  onChange={(files) => void attach(entry.key, files)}
                  disabled={locked}
                  error={err('evidenceFileIds')}
                  placeholder={t('report.evidenceAdd')}
                />
                <Group gap={6} mt={4}>
                  {entry.evidence.map((f) => (
                    <Badge key={f.id} variant="light" data-testid="evidence">
                      {f.filename}
                    </Badge>
                  ))}
                </Group>
              </Grid.Col>
            </Grid>
          </Card>
        );
      })}
      {!locked && (
        <Group>
          <Button variant="default" onClick={() => setEntries((all) => [...all, blank()])}>
            {t('report.addEntry')}
          </Button>
          <Button variant="light" onClick={() => submit(false)} loading={fetching}>
            {t('report.saveDraft')}
          </Button>
          <Button onClick={() => submit(true)} loading={fetching}>
            {t('report.submit')}
          </Button>
        </Group>
      )}
      {saved && (
        <Text size="sm" c="dimmed" data-testid="report-total">
          {t('report.total', { minutes: saved.totalMinutes })}
        </Text>
      )}
    </Stack>
  );
}

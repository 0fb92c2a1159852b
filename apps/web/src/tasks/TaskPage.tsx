import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Grid,
  Group,
  NumberInput,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { TaskQuery, TaskStatus, WorkMode } from '../gql/graphql';
import { uploadFile } from '../graphql/client';
import { useI18n } from '../i18n/i18n';
import { SlaBadge } from '../shell/badges';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';
import { TASK_STATUSES, TaskStatusBadge, WORK_MODES, WorkModeBadge } from './task-badges';
import { TaskForm } from './TaskForm';

const TaskDetail = graphql(`
  query Task($id: ID!) {
    task(id: $id) {
      id
      title
      description
      status
      priority
      progress
      dueAt
      slaState
      estimateMinutes
      spentMinutes
      recurrence
      creator {
        id
        name
      }
      assignees {
        id
        name
      }
      parent {
        id
        title
      }
      checklist {
        id
        text
        done
      }
      subtasks {
        id
        title
        status
        progress
      }
      files {
        id
        filename
        downloadUrl
      }
      updates {
        id
        at
        note
        progress
        workMode
        author {
          id
          name
        }
        files {
          id
          filename
          downloadUrl
        }
      }
    }
  }
`);

const SetChecklistItem = graphql(`
  mutation SetChecklistItem($taskId: ID!, $itemId: ID!, $done: Boolean!) {
    setChecklistItem(taskId: $taskId, itemId: $itemId, done: $done) {
      id
      progress
      checklist {
        id
        done
      }
    }
  }
`);

const UpdateProgress = graphql(`
  mutation UpdateTaskProgress($input: UpdateTaskProgressInput!) {
    updateTaskProgress(input: $input) {
      id
      status
      progress
    }
  }
`);

type TaskData = NonNullable<TaskQuery['task']>;

/** One task: checklist ticks that drive its progress, subtasks, progress reports with work mode and files, status moves. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { t, dateTime } = useI18n();
  const [{ data, fetching }, refetch] = useQuery({ query: TaskDetail, variables: { id }, requestPolicy: 'cache-and-network' });
  const [, setItem] = useMutation(SetChecklistItem);
  const [subtask, { open, close }] = useDisclosure(false);
  const [itemError, setItemError] = useState<string | null>(null);
  if (!data) return fetching ? <PageLoader /> : null;
  const task = data.task;
  if (!task) return <Alert color="red">{t('task.notFound')}</Alert>;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <Stack>
      <div>
        {task.parent && (
          <Anchor component={Link} to={`/tasks/${task.parent.id}`} size="sm">
            {t('task.partOf', { title: task.parent.title })}
          </Anchor>
        )}
        <Title order={2}>{task.title}</Title>
        <Group gap="xs" mt={4}>
          <TaskStatusBadge status={task.status} />
          <SlaBadge state={task.slaState} />
          <Text size="sm">{t('task.dueText', { due: dateTime(task.dueAt) })}</Text>
        </Group>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Card withBorder>
              <Text size="sm" c="dimmed" data-testid="task-people">
                {t('task.byFor', { creator: task.creator.name, assignees: task.assignees.map((a) => a.name).join(', ') })}
              </Text>
              {task.description && <Text mt="xs">{task.description}</Text>}
              <Group mt="sm" gap="xs">
                <Text size="sm" fw={600}>
                  {t('task.progress')}
                </Text>
                <Text size="sm" data-testid="task-progress">
                  {task.progress}%
                </Text>
              </Group>
              <Progress value={task.progress} mt={4} aria-label={t('task.progressOf', { n: task.progress })} />
              <Text size="xs" c="dimmed" mt={4}>
                {t('task.minutes', { spent: task.spentMinutes, estimate: task.estimateMinutes ?? '—' })}
              </Text>
              {task.files.length > 0 && <FileLinks files={task.files} />}
            </Card>
            <Card withBorder>
              <Title order={3} size="h4">
                {t('task.checklist')}
              </Title>
              {itemError && (
                <Alert color="red" mt="xs">
                  {itemError}
                </Alert>
              )}
              {task.checklist.length === 0 && <Text c="dimmed">{t('task.noChecklist')}</Text>}
              <Stack gap={6} mt="xs" data-testid="checklist">
                {task.checklist.map((item) => (
                  <Checkbox
                    key={item.id}
                    label={item.text}
                    checked={item.done}
                    onChange={async (e) => {
                      setItemError(null);
                      const result = await setItem({ taskId: task.id, itemId: item.id, done: e.currentTarget.checked });
                      if (result.error) setItemError(errorMessage(result.error));
                      else reload();
                    }}
                  />
                ))}
              </Stack>
            </Card>
            <Card withBorder>
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {t('task.subtasks')}
                </Title>
                <Button size="compact-sm" variant="light" onClick={open}>
                  {t('task.newSubtask')}
                </Button>
              </Group>
              {task.subtasks.length === 0 && <Text c="dimmed">{t('task.noSubtasks')}</Text>}
              <Stack gap={4} mt="xs" data-testid="subtasks">
                {task.subtasks.map((s) => (
                  <Group key={s.id} gap="xs">
                    <Anchor component={Link} to={`/tasks/${s.id}`}>
                      {s.title}
                    </Anchor>
                    <TaskStatusBadge status={s.status} />
                    <Text size="xs">{s.progress}%</Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ProgressForm task={task} onSaved={reload} />
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('task.updates')}
              </Title>
              {task.updates.length === 0 && <Text c="dimmed">{t('task.noUpdates')}</Text>}
              <Timeline bulletSize={14} data-testid="task-updates">
                {task.updates.map((u) => (
                  <Timeline.Item key={u.id} title={`${u.author.name} · ${u.progress}%`}>
                    <Text size="sm">{u.note}</Text>
                    <Group gap={4}>
                      <WorkModeBadge mode={u.workMode} />
                      <Text size="xs" c="dimmed">
                        {dateTime(u.at)}
                      </Text>
                    </Group>
                    {u.files.length > 0 && <FileLinks files={u.files} />}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <TaskForm
        opened={subtask}
        onClose={close}
        parentId={task.id}
        onCreated={() => {
          close();
          reload();
        }}
      />
    </Stack>
  );
}

function FileLinks({ files }: { files: { id: string; filename: string; downloadUrl: string }[] }) {
  return (
    <Group gap="xs" mt={4}>
      {files.map((f) => (
        <Anchor key={f.id} href={f.downloadUrl} target="_blank" size="sm">
          {f.filename}
        </Anchor>
      ))}
    </Group>
  );
}

/** A progress report: how far, where the work was done, what happened, optionally a move to another status and files. */
function ProgressForm({ task, onSaved }: { task: TaskData; onSaved(): void }) {
  const { t } = useI18n();
  const [{ fetching }, update] = useMutation(UpdateProgress);
  const [progress, setProgress] = useState<number | string>(task.progress);
  const [status, setStatus] = useState<string | null>(null);
  const [workMode, setWorkMode] = useState<string | null>('OFFICE');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const submit = async () => {
    setError(null);
    let fileIds: string[];
    try {
      setUploading(true);
      fileIds = (await Promise.all(files.map(uploadFile))).map((f) => f.id);
    } catch (e) {
      setError((e as Error).message);
      return;
    } finally {
      setUploading(false);
    }
    const result = await update({
      input: {
        taskId: task.id,
        progress: typeof progress === 'number' ? progress : Number(progress) || 0,
        status: (status as TaskStatus) ?? undefined,
        workMode: workMode as WorkMode,
        note,
        fileIds: fileIds.length ? fileIds : undefined,
      },
    });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({ message: t('task.updated'), color: 'green' });
    setNote('');
    setStatus(null);
    setFiles([]);
    setProgress(result.data?.updateTaskProgress.progress ?? progress);
    onSaved();
  };

  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('task.report')}
      </Title>
      <Stack gap="xs" mt="xs">
        {error && (
          <Alert color="red" data-testid="task-error">
            {error}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NumberInput label={t('task.progressPercent')} value={progress} onChange={setProgress} min={0} max={100} />
          <Select
            label={t('task.workMode')}
            data={WORK_MODES.map((m) => ({ value: m, label: t(`workMode.${m}`) }))}
            value={workMode}
            onChange={setWorkMode}
            allowDeselect={false}
          />
        </Group>
        <Select
          label={t('task.moveTo')}
          placeholder={t('task.keepStatus')}
          data={TASK_STATUSES.filter((s) => s !== task.status).map((s) => ({ value: s, label: t(`task.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
        />
        <Textarea label={t('task.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required autosize minRows={2} />
        <FileInput label={t('task.attachments')} multiple value={files} onChange={setFiles} clearable />
        <Button onClick={submit} loading={fetching || uploading} disabled={!note.trim()}>
          {t('task.sendReport')}
        </Button>
      </Stack>
    </Card>
  );
}

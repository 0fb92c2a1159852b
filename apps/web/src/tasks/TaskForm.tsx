import '@mantine/dates/styles.css';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import type { TaskPriority } from '../gql/graphql';
import { endOfWorkDayIn } from './dates';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { fieldErrors } from '../shell/field-errors';
import { PeoplePicker } from '../shell/PeoplePicker';
import { PRIORITIES } from './task-badges';

const CreateTask = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      id
      title
    }
  }
`);

interface Props {
  opened: boolean;
  onClose(): void;
  onCreated(id: string): void;
  /** A subtask of this task. */
  parentId?: string;
}

/** A new task: for oneself, or (leaders) for people below through the people picker; the checklist one item a line. */
export function TaskForm({ opened, onClose, onCreated, parentId }: Props) {
  const { t } = useI18n();
  const { me, has } = useAuth();
  const [{ fetching, error }, create] = useMutation(CreateTask);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  // Staff set tasks for themselves; leaders mostly give them out, so they choose whom (themselves included).
  const [assignees, setAssignees] = useState<string[]>(has('LEADER') ? [] : [me.id]);
  const [due, setDue] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>('NORMAL');
  const [estimate, setEstimate] = useState<number | string>('');
  const [checklist, setChecklist] = useState('');
  const fields = fieldErrors(error);

  const submit = async () => {
    const result = await create({
      input: {
        title,
        description: description || undefined,
        assigneeIds: assignees,
        dueAt: due ? endOfWorkDayIn(due, me.unit?.timezone) : undefined,
        priority: priority as TaskPriority,
        estimateMinutes: typeof estimate === 'number' ? estimate : undefined,
        checklist: checklist
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        parentId,
      },
    });
    if (result.data) {
      notifications.show({ message: t('task.created', { title: result.data.createTask.title }), color: 'green' });
      setTitle('');
      setDescription('');
      setChecklist('');
      onCreated(result.data.createTask.id);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(parentId ? 'task.newSubtask' : 'task.new')} size="lg">
      <Stack>
        {error && !Object.keys(fields).length && <Alert color="red">{errorMessage(error)}</Alert>}
        <TextInput label={t('task.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={fields.title} />
        <Textarea label={t('task.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize />
        {has('LEADER') ? (
          <PeoplePicker label={t('task.assignees')} value={assignees} onChange={setAssignees} required error={fields.assigneeIds} />
        ) : null}
        <Group grow align="flex-start">
          <DateInput label={t('task.due')} value={due} onChange={setDue} valueFormat="D MMMM YYYY" clearable error={fields.dueAt} />
          <Select
            label={t('task.priority')}
            data={PRIORITIES.map((p) => ({ value: p, label: t(`task.priority.${p}`) }))}
            value={priority}
            onChange={setPriority}
            allowDeselect={false}
          />
          <NumberInput label={t('task.estimate')} value={estimate} onChange={setEstimate} min={1} error={fields.estimateMinutes} />
        </Group>
        <Textarea
          label={t('task.checklist')}
          description={t('task.checklistHint')}
          value={checklist}
          onChange={(e) => setChecklist(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={fetching} disabled={!title.trim() || !assignees.length}>
            {t('task.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Badge } from '@mantine/core';
import type { TaskPriority, TaskStatus, WorkMode } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

export const TASK_STATUSES: TaskStatus[] = ['TODO', 'IN_PROGRESS', 'BLOCKED', 'IN_REVIEW', 'DONE', 'CANCELLED'];
export const WORK_MODES: WorkMode[] = ['OFFICE', 'HOME', 'ANYWHERE', 'FIELD'];
export const PRIORITIES: TaskPriority[] = ['LOW', 'NORMAL', 'HIGH'];

const STATUS_COLORS: Record<TaskStatus, string> = {
  TODO: 'gray',
  IN_PROGRESS: 'blue',
  BLOCKED: 'red',
  IN_REVIEW: 'violet',
  DONE: 'green',
  CANCELLED: 'dark',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-status={status}>
      {t(`task.status.${status}`)}
    </Badge>
  );
}

export function WorkModeBadge({ mode }: { mode: WorkMode | null | undefined }) {
  const { t } = useI18n();
  if (!mode) return null;
  return (
    <Badge color={mode === 'OFFICE' ? 'gray' : 'cyan'} variant="outline" data-work-mode={mode}>
      {t(`workMode.${mode}`)}
    </Badge>
  );
}

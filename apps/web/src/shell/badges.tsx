import { Badge } from '@mantine/core';
import type { AssignmentStatus, SlaState } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

const SLA_COLORS: Record<SlaState, string> = { ON_TRACK: 'teal', DUE_SOON: 'yellow', OVERDUE: 'red', MET: 'green', MISSED: 'orange' };
const STATUS_COLORS: Record<AssignmentStatus, string> = { UNREAD: 'blue', READ: 'gray', IN_PROGRESS: 'violet', COMPLETED: 'green' };

export function SlaBadge({ state }: { state: SlaState | null | undefined }) {
  const { t } = useI18n();
  if (!state) return null;
  return (
    <Badge color={SLA_COLORS[state]} variant="light" data-sla={state}>
      {t(`sla.${state}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="outline">
      {t(`status.${status}`)}
    </Badge>
  );
}

import '@mantine/dates/styles.css';
import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import type { WorkArrangementKind, WorkArrangementsQuery, WorkMode } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { fieldErrors } from '../shell/field-errors';
import { WORK_MODES } from '../tasks/task-badges';

graphql(`
  fragment WorkArrangementFields on WorkArrangement {
    id
    kind
    status
    startsOn
    endsOn
    weekdays
    workMode
    startTime
    endTime
    reason
    decisionNote
    user {
      id
      name
    }
    decidedBy {
      id
      name
    }
  }
`);

const Arrangements = graphql(`
  query WorkArrangements($userId: ID, $status: [WorkArrangementStatus!]) {
    workArrangements(userId: $userId, status: $status) {
      ...WorkArrangementFields
    }
  }
`);

const ToDecideQuery = graphql(`
  query WorkArrangementsToDecide {
    workArrangementsToDecide {
      ...WorkArrangementFields
    }
  }
`);

const Request = graphql(`
  mutation RequestWorkArrangement($input: RequestWorkArrangementInput!) {
    requestWorkArrangement(input: $input) {
      id
      status
    }
  }
`);

const Decide = graphql(`
  mutation DecideWorkArrangement($id: ID!, $approve: Boolean!, $note: String) {
    decideWorkArrangement(id: $id, approve: $approve, note: $note) {
      id
      status
    }
  }
`);

type Arrangement = WorkArrangementsQuery['workArrangements'][number];

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const STATUS_COLORS = { SUBMITTED: 'yellow', APPROVED: 'green', REJECTED: 'red', REVOKED: 'gray' } as const;

/** Work-arrangement requests: where (LOCATION) or when (TIME) one works on some weekdays; the superior decides them. */
export default function ArrangementsPage() {
  const { t } = useI18n();
  const { has } = useAuth();
  const [{ data }, refetch] = useQuery({ query: Arrangements, variables: {}, requestPolicy: 'cache-and-network' });
  return (
    <Stack>
      <Title order={2}>{t('arrangement.title')}</Title>
      <RequestForm onSent={() => refetch({ requestPolicy: 'network-only' })} />
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('arrangement.mine')}
        </Title>
        <ArrangementTable rows={data?.workArrangements ?? []} />
      </Card>
      <ToDecide leader={has('LEADER')} />
    </Stack>
  );
}

function useSummary(): (a: Pick<Arrangement, 'kind' | 'workMode' | 'startTime' | 'endTime' | 'weekdays'>) => string {
  const { t } = useI18n();
  return (a) => {
    const days = a.weekdays.map((d) => t(`weekday.${d}` as `weekday.${(typeof WEEKDAYS)[number]}`)).join(', ');
    const what = a.kind === 'LOCATION' ? t(`workMode.${a.workMode ?? 'HOME'}`) : `${a.startTime?.slice(0, 5)}–${a.endTime?.slice(0, 5)}`;
    return `${t(`arrangement.kind.${a.kind}`)}: ${what} (${days})`;
  };
}

function ArrangementTable({ rows, withPerson }: { rows: Arrangement[]; withPerson?: boolean }) {
  const { t, date } = useI18n();
  const summary = useSummary();
  if (!rows.length) return <Text c="dimmed">{t('common.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} data-testid="arrangement-row">
              {withPerson && <Table.Td>{a.user.name}</Table.Td>}
              <Table.Td>
                <Text size="sm">{summary(a)}</Text>
                <Text size="xs" c="dimmed">
                  {date(a.startsOn)} – {date(a.endsOn)} · {a.reason}
                </Text>
                {a.decisionNote && (
                  <Text size="xs">{t('arrangement.decisionNote', { name: a.decidedBy?.name ?? '', note: a.decisionNote })}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[a.status]} variant="light" data-status={a.status}>
                  {t(`arrangement.status.${a.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequestForm({ onSent }: { onSent(): void }) {
  const { t } = useI18n();
  const [{ fetching, error }, request] = useMutation(Request);
  const [kind, setKind] = useState<WorkArrangementKind>('LOCATION');
  const [startsOn, setStarts] = useState<string | null>(null);
  const [endsOn, setEnds] = useState<string | null>(null);
  const [weekdays, setWeekdays] = useState<string[]>([]);
  const [workMode, setWorkMode] = useState<string | null>('HOME');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [reason, setReason] = useState('');
  const fields = fieldErrors(error);
  const placed = ['startsOn', 'endsOn', 'weekdays', 'workMode', 'startTime', 'endTime', 'reason'].some((f) => fields[f]);

  const submit = async () => {
    const result = await request({
      input: {
        kind,
        startsOn: startsOn?.slice(0, 10) ?? '',
        endsOn: endsOn?.slice(0, 10) ?? '',
        weekdays: weekdays.map(Number).sort(),
        workMode: kind === 'LOCATION' ? (workMode as WorkMode) : undefined,
        startTime: kind === 'TIME' ? startTime : undefined,
        endTime: kind === 'TIME' ? endTime : undefined,
        reason,
      },
    });
    if (result.data) {
      notifications.show({ message: t('arrangement.sent'), color: 'green' });
      setReason('');
      onSent();
    }
  };

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('arrangement.request')}
      </Title>
      {error && !placed && (
        <Alert color="red" mb="xs" data-testid="arrangement-error">
          {errorMessage(error)}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={12}>
          <SegmentedControl
            aria-label={t('arrangement.kind')}
            value={kind}
            onChange={(v) => setKind(v as WorkArrangementKind)}
            data={[
              { value: 'LOCATION', label: t('arrangement.kind.LOCATION') },
              { value: 'TIME', label: t('arrangement.kind.TIME') },
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateInput
            label={t('arrangement.startsOn')}
            value={startsOn}
            onChange={setStarts}
            valueFormat="D MMMM YYYY"
            required
            error={fields.startsOn}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateInput
            label={t('arrangement.endsOn')}
            value={endsOn}
            onChange={setEnds}
            valueFormat="D MMMM YYYY"
            required
            error={fields.endsOn}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Text size="sm" fw={500} id="arrangement-weekdays">
            {t('arrangement.weekdays')}
          </Text>
          <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
            <Group gap={6} mt={4} role="group" aria-labelledby="arrangement-weekdays">
              {WEEKDAYS.map((d) => (
                <Chip key={d} value={d} size="sm">
                  {t(`weekday.${d}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {fields.weekdays && (
            <Text c="red" size="xs">
              {fields.weekdays}
            </Text>
          )}
        </Grid.Col>
        {kind === 'LOCATION' ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('task.workMode')}
              data={WORK_MODES.filter((m) => m !== 'OFFICE').map((m) => ({ value: m, label: t(`workMode.${m}`) }))}
              value={workMode}
              onChange={setWorkMode}
              allowDeselect={false}
              error={fields.workMode}
            />
          </Grid.Col>
        ) : (
          <>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TimeInput
                label={t('arrangement.startTime')}
                value={startTime}
                onChange={(e) => setStartTime(e.currentTarget.value)}
                error={fields.startTime}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TimeInput
                label={t('arrangement.endTime')}
                value={endTime}
                onChange={(e) => setEndTime(e.currentTarget.value)}
                error={fields.endTime}
                required
              />
            </Grid.Col>
          </>
        )}
        <Grid.Col span={12}>
          <Textarea
            label={t('arrangement.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            error={fields.reason}
          />
        </Grid.Col>
      </Grid>
      <Button mt="sm" onClick={submit} loading={fetching} disabled={!startsOn || !endsOn || !weekdays.length || !reason.trim()}>
        {t('arrangement.send')}
      </Button>
    </Card>
  );
}

/** Requests waiting for the caller's decision (also as Plh/Plt); shown to leaders, and to others only when some wait. */
function ToDecide({ leader }: { leader: boolean }) {
  const { t } = useI18n();
  const [{ data }, refetch] = useQuery({ query: ToDecideQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const waiting = data?.workArrangementsToDecide ?? [];
  if (!leader && !waiting.length) return null;
  return (
    <Card withBorder data-testid="arrangements-to-decide">
      <Title order={3} size="h4" mb="xs">
        {t('arrangement.toDecide')}
      </Title>
      <Stack gap="xs">
        {waiting.map((a) => (
          <DecideCard key={a.id} arrangement={a} onDecided={() => refetch({ requestPolicy: 'network-only' })} />
        ))}
      </Stack>
    </Card>
  );
}

function DecideCard({ arrangement, onDecided }: { arrangement: Arrangement; onDecided(): void }) {
  const { t, date } = useI18n();
  const summary = useSummary();
  const [{ fetching }, decide] = useMutation(Decide);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async (approve: boolean) => {
    setError(null);
    const result = await decide({ id: arrangement.id, approve, note: note || undefined });
    if (result.error) return setError(errorMessage(result.error));
    notifications.show({
      message: t(approve ? 'arrangement.approved' : 'arrangement.rejected', { name: arrangement.user.name }),
      color: 'green',
    });
    onDecided();
  };
  return (
    <Card withBorder padding="sm" data-testid="arrangement-request">
      <Text fw={600}>{arrangement.user.name}</Text>
      <Text size="sm">{summary(arrangement)}</Text>
      <Text size="xs" c="dimmed">
        {date(arrangement.startsOn)} – {date(arrangement.endsOn)} · {arrangement.reason}
      </Text>
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
      <Textarea label={t('arrangement.decisionNoteLabel')} value={note} onChange={(e) => setNote(e.currentTarget.value)} mt="xs" autosize />
      <Group mt="xs">
        <Button size="sm" onClick={() => send(true)} loading={fetching}>
          {t('arrangement.approve')}
        </Button>
        <Button size="sm" variant="light" color="red" onClick={() => send(false)} loading={fetching}>
          {t('arrangement.reject')}
        </Button>
      </Group>
    </Card>
  );
}

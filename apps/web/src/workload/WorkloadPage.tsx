import { Badge, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import type { TeamWorkloadQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';
import { WorkModeBadge } from '../tasks/task-badges';

const Workload = graphql(`
  query TeamWorkload($unitId: ID!) {
    teamWorkload(unitId: $unitId) {
      openTasks
      overdueTasks
      openAssignments
      overdueAssignments
      plannedMinutes
      capacityMinutes
      minutesReportedThisWeek
      missingReports
      pendingReports
      workModeToday
      user {
        id
        name
        position {
          id
          title
        }
      }
    }
  }
`);

const Units = graphql(`
  query WorkloadUnits {
    units {
      id
      name
    }
  }
`);

type Row = TeamWorkloadQuery['teamWorkload'][number];

/** Minutes as hours with one decimal, written the console's way ("42,5" in Indonesian). */
function useHours(): (minutes: number) => string {
  const { lang } = useI18n();
  const format = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  return (minutes) => format.format(minutes / 60);
}

/** The leader's team at a glance: open and overdue work, planned against capacity, reported minutes, reports, work mode today. */
export default function WorkloadPage() {
  const { t } = useI18n();
  const hours = useHours();
  const { me } = useAuth();
  const [unitId, setUnitId] = useState<string | null>(me.unit?.id ?? null);
  const [{ data: units }] = useQuery({ query: Units });
  const [{ data, fetching, error }] = useQuery({
    query: Workload,
    variables: { unitId: unitId ?? '' },
    pause: !unitId,
    requestPolicy: 'cache-and-network',
  });
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const rows = data?.teamWorkload ?? [];

  return (
    <Stack>
      <Title order={2}>{t('workload.title')}</Title>
      <Select
        label={t('common.unit')}
        data={(units?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={unitId}
        onChange={setUnitId}
        searchable
        allowDeselect={false}
        maw={420}
      />
      {error && <Text c="red">{errorMessage(error)}</Text>}
      {!data && fetching && <PageLoader />}
      {data && rows.length === 0 && <Text c="dimmed">{t('common.none')}</Text>}
      {phone ? (
        <SimpleGrid cols={1} spacing="xs">
          {rows.map((row) => (
            <Card key={row.user.id} withBorder padding="sm" data-testid="workload-row">
              <Text fw={600}>{row.user.name}</Text>
              <Text size="xs" c="dimmed">
                {row.user.position?.title}
              </Text>
              <Group gap={4} mt={4}>
                <WorkModeBadge mode={row.workModeToday} />
              </Group>
              <Text size="sm" mt={4}>
                {t('workload.openLine', { tasks: row.openTasks, assignments: row.openAssignments })}
              </Text>
              <Overdue row={row} />
              <Load row={row} />
              <Text size="sm">{t('workload.week', { hours: hours(row.minutesReportedThisWeek) })}</Text>
              <Reports row={row} />
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        rows.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t('workload.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('common.name')}</Table.Th>
                  <Table.Th>{t('workload.open')}</Table.Th>
                  <Table.Th>{t('workload.overdue')}</Table.Th>
                  <Table.Th>{t('workload.planned')}</Table.Th>
                  <Table.Th>{t('workload.thisWeek')}</Table.Th>
                  <Table.Th>{t('workload.reports')}</Table.Th>
                  <Table.Th>{t('workload.today')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.user.id} data-testid="workload-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {row.user.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.user.position?.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t('workload.openLine', { tasks: row.openTasks, assignments: row.openAssignments })}</Table.Td>
                    <Table.Td>
                      <Overdue row={row} />
                    </Table.Td>
                    <Table.Td>
                      <Load row={row} />
                    </Table.Td>
                    <Table.Td>{t('workload.hours', { hours: hours(row.minutesReportedThisWeek) })}</Table.Td>
                    <Table.Td>
                      <Reports row={row} />
                    </Table.Td>
                    <Table.Td>
                      <WorkModeBadge mode={row.workModeToday} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
    </Stack>
  );
}

function Overdue({ row }: { row: Row }) {
  const { t } = useI18n();
  const late = row.overdueTasks + row.overdueAssignments;
  return (
    <Text size="sm" c={late ? 'red' : undefined} fw={late ? 600 : undefined}>
      {t('workload.overdueLine', { tasks: row.overdueTasks, assignments: row.overdueAssignments })}
    </Text>
  );
}

/** Planned minutes of the next five working days against capacity; over 100% is shown red. */
function Load({ row }: { row: Row }) {
  const { t } = useI18n();
  const hours = useHours();
  const share = row.capacityMinutes ? Math.round((row.plannedMinutes / row.capacityMinutes) * 100) : 0;
  const label = t('workload.load', { planned: hours(row.plannedMinutes), capacity: hours(row.capacityMinutes), share });
  return (
    <div>
      <Text size="xs">{label}</Text>
      <Progress value={Math.min(share, 100)} color={share > 100 ? 'red' : share > 80 ? 'yellow' : 'teal'} aria-label={label} />
    </div>
  );
}

function Reports({ row }: { row: Row }) {
  const { t } = useI18n();
  return (
    <Group gap={4}>
      {row.missingReports > 0 && (
        <Badge color="red" variant="light">
          {t('workload.missing', { n: row.missingReports })}
        </Badge>
      )}
      {row.pendingReports > 0 && (
        <Badge color="yellow" variant="light">
          {t('workload.pending', { n: row.pendingReports })}
        </Badge>
      )}
      {!row.missingReports && !row.pendingReports && (
        <Badge color="green" variant="light">
          {t('workload.reportsOk')}
        </Badge>
      )}
    </Group>
  );
}

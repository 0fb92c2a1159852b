import '@mantine/dates/styles.css';
import { Alert, Anchor, Card, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import { dateIn, formatPercent, formatWorkingHours, startOfDayIn } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { SlaBadge } from '../shell/badges';
import { errorMessage } from '../shell/errors';
import { PageLoader } from '../shell/PageLoader';
import { PersonChart, UnitChart } from './SlaCharts';

const Units = graphql(`
  query SlaUnits {
    units {
      id
      name
      code
    }
  }
`);

const Report = graphql(`
  query SlaReport($unitId: ID!, $from: DateTime!, $to: DateTime!, $includeSubunits: Boolean) {
    slaReport(unitId: $unitId, from: $from, to: $to, includeSubunits: $includeSubunits) {
      total
      onTimeRate
      completedOnTime
      completedLate
      openOverdue
      openDueSoon
      openOnTrack
      medianCompletionWorkingHours
      p90CompletionWorkingHours
      byAssignee {
        assignee {
          id
          name
        }
        completedOnTime
        completedLate
        open
        overdue
        medianCompletionWorkingHours
      }
      bySubunit {
        unit {
          id
          name
        }
        total
        onTimeRate
        completedOnTime
        completedLate
        open
        overdue
      }
    }
  }
`);

const Overdue = graphql(`
  query OverdueInbox {
    inbox(first: 20, filter: { slaState: [OVERDUE] }) {
      edges {
        node {
          id
          dueAt
          slaState
          disposition {
            id
            letter {
              id
              subject
            }
          }
        }
      }
    }
  }
`);

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The unit's SLA: on-time rate, p50/p90 in working hours, by person and sub-unit, and what is overdue. */
export default function SlaDashboardPage() {
  const { t, lang, dateTime } = useI18n();
  const { me } = useAuth();
  const zone = me.unit?.timezone;
  const [unitId, setUnitId] = useState<string | null>(me.unit?.id ?? null);
  const [from, setFrom] = useState<string | null>(dateIn(zone, 0, true));
  const [to, setTo] = useState<string | null>(dateIn(zone, 1));
  const [subunits, setSubunits] = useState(true);
  const [{ data: units }] = useQuery({ query: Units });
  const ready = Boolean(unitId && from && to);
  const [{ data, fetching, error }] = useQuery({
    query: Report,
    variables: { unitId: unitId ?? '', from: startOfDayIn(from ?? '', zone), to: startOfDayIn(to ?? '', zone), includeSubunits: subunits },
    pause: !ready,
  });
  const [{ data: overdue }] = useQuery({ query: Overdue });
  const report = data?.slaReport;

  return (
    <Stack>
      <Title order={2}>{t('sla.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('sla.unit')}
          data={(units?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          w={280}
        />
        <DateInput label={t('sla.from')} value={from} onChange={setFrom} valueFormat="D MMMM YYYY" w={170} />
        <DateInput label={t('sla.to')} value={to} onChange={setTo} valueFormat="D MMMM YYYY" w={170} />
        <Checkbox label={t('sla.subunits')} checked={subunits} onChange={(e) => setSubunits(e.currentTarget.checked)} mb={8} />
      </Group>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {fetching && !report && <PageLoader />}
      {report && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t('sla.onTimeRate')} value={formatPercent(report.onTimeRate, lang)} testId="on-time-rate" />
            <Stat label={t('sla.p50')} value={formatWorkingHours(report.medianCompletionWorkingHours, lang)} />
            <Stat label={t('sla.p90')} value={formatWorkingHours(report.p90CompletionWorkingHours, lang)} />
            <Stat label={t('sla.total')} value={String(report.total)} testId="sla-total" />
            <Stat label={t('sla.openOverdue')} value={String(report.openOverdue)} />
            <Stat label={t('sla.openDueSoon')} value={String(report.openDueSoon)} />
            <Stat label={t('sla.openOnTrack')} value={String(report.openOnTrack)} />
            <Stat label={t('sla.onTime')} value={`${report.completedOnTime} / ${report.completedOnTime + report.completedLate}`} />
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              {t('sla.byPerson')}
            </Title>
            <div data-testid="person-chart">
              <PersonChart
                rows={report.byAssignee.map((r) => ({
                  name: r.assignee.name,
                  onTime: r.completedOnTime,
                  late: r.completedLate,
                  open: r.open,
                }))}
              />
            </div>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('common.name')}</Table.Th>
                    <Table.Th>{t('sla.onTime')}</Table.Th>
                    <Table.Th>{t('sla.late')}</Table.Th>
                    <Table.Th>{t('sla.open')}</Table.Th>
                    <Table.Th>{t('sla.overdue')}</Table.Th>
                    <Table.Th>{t('sla.median')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.byAssignee.map((r) => (
                    <Table.Tr key={r.assignee.id}>
                      <Table.Td>{r.assignee.name}</Table.Td>
                      <Table.Td>{r.completedOnTime}</Table.Td>
                      <Table.Td>{r.completedLate}</Table.Td>
                      <Table.Td>{r.open}</Table.Td>
                      <Table.Td>{r.overdue}</Table.Td>
                      <Table.Td>{formatWorkingHours(r.medianCompletionWorkingHours, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {report.bySubunit.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('sla.bySubunit')}
              </Title>
              <UnitChart rows={report.bySubunit.map((r) => ({ name: r.unit.name, rate: Math.round((r.onTimeRate ?? 0) * 1000) / 10 }))} />
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('common.unit')}</Table.Th>
                      <Table.Th>{t('sla.total')}</Table.Th>
                      <Table.Th>{t('sla.onTimeRate')}</Table.Th>
                      <Table.Th>{t('sla.open')}</Table.Th>
                      <Table.Th>{t('sla.overdue')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.bySubunit.map((r) => (
                      <Table.Tr key={r.unit.id}>
                        <Table.Td>{r.unit.name}</Table.Td>
                        <Table.Td>{r.total}</Table.Td>
                        <Table.Td>{formatPercent(r.onTimeRate, lang)}</Table.Td>
                        <Table.Td>{r.open}</Table.Td>
                        <Table.Td>{r.overdue}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </>
      )}
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('sla.overdueList')}
        </Title>
        {(overdue?.inbox.edges ?? []).length === 0 && <Text c="dimmed">{t('common.none')}</Text>}
        <Stack gap={4}>
          {(overdue?.inbox.edges ?? []).map(({ node }) => (
            <Group key={node.id} gap="xs">
              <Anchor component={Link} to={`/letters/${node.disposition.letter.id}?assignment=${node.id}`}>
                {node.disposition.letter.subject}
              </Anchor>
              <SlaBadge state={node.slaState} />
              <Text size="xs" c="dimmed">
                {dateTime(node.dueAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

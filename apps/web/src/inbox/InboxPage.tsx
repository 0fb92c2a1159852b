import { Anchor, Badge, Button, Card, Collapse, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth';
import type { AssignmentStatus, SlaState, Urgency } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { SlaBadge, StatusBadge } from '../shell/badges';
import { Inbox, inboxFilter, OPEN_STATUSES, PAGE } from './inbox.query';

const STATUSES: AssignmentStatus[] = ['UNREAD', 'READ', 'IN_PROGRESS', 'COMPLETED'];
const SLA: SlaState[] = ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'MET', 'MISSED'];
const URGENCIES: Urgency[] = ['NORMAL', 'URGENT', 'VERY_URGENT'];

export default function InboxPage() {
  const { t } = useI18n();
  const { actingFor } = useAuth();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [status, setStatus] = useState<string[]>(OPEN_STATUSES);
  const [sla, setSla] = useState<string[]>([]);
  const [urgency, setUrgency] = useState<string[]>([]);
  const actingForUserId = params.get('as');
  // A phone shows the letters as cards and keeps the filters folded away until asked.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const filter = inboxFilter({ search: debounced, status, sla, urgency, actingForUserId });
  // Pages loaded with "more" belong to one filter; a new filter starts again from the first page.
  const filterKey = JSON.stringify(filter);
  const [more, setMore] = useState<{ key: string; cursors: string[] }>({ key: '', cursors: [] });
  const cursors = more.key === filterKey ? more.cursors : [];
  const pages: (string | null)[] = [null, ...cursors];

  return (
    <Stack>
      <Title order={2}>{t('inbox.title')}</Title>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('inbox.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={phone ? undefined : 260}
          style={{ flex: phone ? 1 : undefined }}
        />
        {phone && (
          <Button variant="default" onClick={toggleFilters} aria-expanded={filtersOpen}>
            {t('inbox.filters')}
          </Button>
        )}
      </Group>
      <Collapse in={!phone || filtersOpen}>
        <Group align="flex-end" wrap="wrap">
          <MultiSelect
            label={t('inbox.status')}
            data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={setStatus}
            clearable
            w={280}
          />
          <MultiSelect
            label={t('inbox.sla')}
            data={SLA.map((s) => ({ value: s, label: t(`sla.${s}`) }))}
            value={sla}
            onChange={setSla}
            clearable
            w={240}
          />
          <MultiSelect
            label={t('inbox.urgency')}
            data={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            value={urgency}
            onChange={setUrgency}
            clearable
            w={200}
          />
          {actingFor.length > 0 && (
            <Select
              label={t('inbox.actingFor')}
              data={[{ value: '', label: t('inbox.mine') }, ...actingFor.map((u) => ({ value: u.id, label: u.name }))]}
              value={actingForUserId ?? ''}
              onChange={(value) => setParams(value ? { as: value } : {})}
              allowDeselect={false}
              w={260}
            />
          )}
        </Group>
      </Collapse>
      {phone ? (
        <Stack gap="xs" aria-label={t('inbox.title')}>
          {pages.map((after, index) => (
            <InboxRows
              key={after ?? 'first'}
              compact
              filter={filter}
              after={after}
              last={index === pages.length - 1}
              onMore={(cursor) => setMore({ key: filterKey, cursors: [...cursors, cursor] })}
              asParam={actingForUserId}
            />
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('inbox.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inbox.subject')}</Table.Th>
                <Table.Th>{t('inbox.from')}</Table.Th>
                <Table.Th>{t('inbox.status')}</Table.Th>
                <Table.Th>{t('inbox.sla')}</Table.Th>
                <Table.Th>{t('inbox.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pages.map((after, index) => (
                <InboxRows
                  key={after ?? 'first'}
                  filter={filter}
                  after={after}
                  last={index === pages.length - 1}
                  onMore={(cursor) => setMore({ key: filterKey, cursors: [...cursors, cursor] })}
                  asParam={actingForUserId}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

interface RowsProps {
  compact?: boolean;
  filter: Record<string, unknown>;
  after: string | null;
  last: boolean;
  onMore(cursor: string): void;
  asParam: string | null;
}

/** One line of a table, or a card on a phone. */
function Line({ compact, children }: { compact?: boolean; children: ReactNode }) {
  return compact ? (
    <Card withBorder padding="sm">
      {children}
    </Card>
  ) : (
    <Table.Tr>
      <Table.Td colSpan={5}>{children}</Table.Td>
    </Table.Tr>
  );
}

function InboxRows({ compact, filter, after, last, onMore, asParam }: RowsProps) {
  const { t, dateTime } = useI18n();
  const [{ data, fetching }] = useQuery({ query: Inbox, variables: { filter, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  if (!data) return fetching ? <Line compact={compact}>{t('common.loading')}</Line> : null;
  const rows = data.inbox.edges.map(({ node }) => {
    const letter = node.disposition.letter;
    const query = new URLSearchParams({ assignment: node.id, ...(asParam ? { as: asParam } : {}) });
    const subject = (
      <>
        <Anchor component={Link} to={`/letters/${letter.id}?${query}`} fw={node.status === 'UNREAD' ? 700 : undefined}>
          {letter.subject}
        </Anchor>
        <Text size="xs" c="dimmed">
          {[letter.number, letter.agendaNumber && `${t('letter.agenda')} ${letter.agendaNumber}`].filter(Boolean).join(' · ')}
          {letter.urgency !== 'NORMAL' && (
            <Badge ml={6} size="xs" color="red" variant="filled">
              {t(`urgency.${letter.urgency}`)}
            </Badge>
          )}
        </Text>
      </>
    );
    const sender = (
      <>
        <Text size="sm">{node.disposition.sender.name}</Text>
        <Text size="xs" c="dimmed">
          {node.disposition.instructions.map((i) => t(`instruction.${i}`)).join(', ')}
        </Text>
      </>
    );
    if (compact) {
      return (
        <Card key={node.id} withBorder padding="sm" data-testid="inbox-row">
          {subject}
          {sender}
          <Group gap={6} mt={4}>
            <StatusBadge status={node.status} />
            <SlaBadge state={node.slaState} />
            <Text size="xs">{t('letter.dueText', { due: dateTime(node.dueAt) })}</Text>
          </Group>
        </Card>
      );
    }
    return (
      <Table.Tr key={node.id} data-testid="inbox-row">
        <Table.Td>{subject}</Table.Td>
        <Table.Td>{sender}</Table.Td>
        <Table.Td>
          <StatusBadge status={node.status} />
        </Table.Td>
        <Table.Td>
          <SlaBadge state={node.slaState} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{dateTime(node.dueAt)}</Text>
        </Table.Td>
      </Table.Tr>
    );
  });
  return (
    <>
      {rows}
      {after === null && data.inbox.totalCount === 0 && <Line compact={compact}>{t('inbox.empty')}</Line>}
      {last && data.inbox.pageInfo.hasNextPage && (
        <Line compact={compact}>
          <Button variant="subtle" onClick={() => onMore(data.inbox.pageInfo.endCursor as string)}>
            {t('common.more')}
          </Button>
        </Line>
      )}
    </>
  );
}

import {
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { TasksQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { SlaBadge } from '../shell/badges';
import { PageLoader } from '../shell/PageLoader';
import { TASK_STATUSES, TaskStatusBadge } from './task-badges';
import { TaskForm } from './TaskForm';

const Tasks = graphql(`
  query Tasks($filter: TaskFilter, $first: Int) {
    tasks(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          status
          priority
          progress
          dueAt
          slaState
          assignees {
            id
            name
          }
          parent {
            id
            title
          }
        }
      }
    }
  }
`);

type Task = TasksQuery['tasks']['edges'][number]['node'];

/** The caller's tasks (or those they gave out) as a board with a column per status, or as a list. */
export default function TasksPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState('board');
  const [scope, setScope] = useState('mine');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [creating, { open, close }] = useDisclosure(false);
  const [{ data, fetching }] = useQuery({
    query: Tasks,
    variables: { filter: { search: debounced || undefined, assignedByMe: scope === 'given' || undefined }, first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const tasks = data?.tasks.edges.map((e) => e.node) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('task.pageTitle')}</Title>
        <Button onClick={open}>{t('task.new')}</Button>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('common.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <SegmentedControl
          aria-label={t('task.scope')}
          value={scope}
          onChange={setScope}
          data={[
            { value: 'mine', label: t('task.scope.mine') },
            { value: 'given', label: t('task.scope.given') },
          ]}
        />
        <SegmentedControl
          aria-label={t('task.view')}
          value={view}
          onChange={setView}
          data={[
            { value: 'board', label: t('task.view.board') },
            { value: 'list', label: t('task.view.list') },
          ]}
        />
      </Group>
      {!data && fetching ? <PageLoader /> : view === 'board' ? <Board tasks={tasks} /> : <List tasks={tasks} />}
      <TaskForm opened={creating} onClose={close} onCreated={(id) => navigate(`/tasks/${id}`)} />
    </Stack>
  );
}

function Board({ tasks }: { tasks: Task[] }) {
  const { t, dateTime } = useI18n();
  return (
    <ScrollArea type="auto">
      <SimpleGrid cols={6} miw={1100} spacing="sm" data-testid="task-board">
        {TASK_STATUSES.map((status) => {
          const column = tasks.filter((task) => task.status === status);
          return (
            <Stack key={status} gap="xs" data-testid={`task-column-${status}`} aria-label={t(`task.status.${status}`)}>
              <Group gap={6}>
                <Text fw={600}>{t(`task.status.${status}`)}</Text>
                <Text c="dimmed" size="sm">
                  {column.length}
                </Text>
              </Group>
              {column.map((task) => (
                <Card key={task.id} withBorder padding="xs" data-testid="task-card">
                  <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={600}>
                    {task.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {task.assignees.map((a) => a.name).join(', ')}
                  </Text>
                  <Progress value={task.progress} size="sm" mt={4} aria-label={t('task.progressOf', { n: task.progress })} />
                  <Group gap={4} mt={4}>
                    <SlaBadge state={task.slaState} />
                    {task.dueAt && <Text size="xs">{dateTime(task.dueAt)}</Text>}
                  </Group>
                </Card>
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
    </ScrollArea>
  );
}

function List({ tasks }: { tasks: Task[] }) {
  const { t, dateTime } = useI18n();
  if (!tasks.length) return <Text c="dimmed">{t('task.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={t('task.pageTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('task.title')}</Table.Th>
            <Table.Th>{t('task.assignees')}</Table.Th>
            <Table.Th>{t('task.statusLabel')}</Table.Th>
            <Table.Th>{t('task.progress')}</Table.Th>
            <Table.Th>{t('task.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-testid="task-row">
              <Table.Td>
                <Anchor component={Link} to={`/tasks/${task.id}`}>
                  {task.title}
                </Anchor>
                {task.parent && (
                  <Text size="xs" c="dimmed">
                    {t('task.partOf', { title: task.parent.title })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{task.assignees.map((a) => a.name).join(', ')}</Table.Td>
              <Table.Td>
                <TaskStatusBadge status={task.status} />
              </Table.Td>
              <Table.Td>{task.progress}%</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <SlaBadge state={task.slaState} />
                  <Text size="sm">{dateTime(task.dueAt)}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useAuth } from '../auth/auth';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const Notifications = graphql(`
  query Notifications {
    notifications(first: 20) {
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          readAt
          entityType
          entityId
        }
      }
    }
    unread: notifications(first: 1, unreadOnly: true) {
      totalCount
    }
  }
`);

const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      body
      entityType
      entityId
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** Where a notification leads: the letter, the inbox, the approval queue or the delegations. */
function target(entityType: string | null | undefined, entityId: string | null | undefined): string | null {
  if (!entityId) return null;
  switch (entityType) {
    case 'Letter':
      return `/letters/${entityId}`;
    case 'DispositionAssignment':
      return '/inbox';
    case 'ApprovalStep':
      return '/approvals';
    case 'Delegation':
      return '/delegations';
    default:
      return null;
  }
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The bell: unread count, the latest notifications, and a toast for each new one as it arrives. */
export function NotificationBell() {
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const [{ data }, refetch] = useQuery({ query: Notifications, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: NotificationAdded });
  const [, markRead] = useMutation(MarkRead);
  const latest = live.data?.notificationAdded;
  const { refresh } = useAuth();
  const shown = useRef<string | null>(null);

  useEffect(() => {
    if (!latest || shown.current === latest.id) return;
    shown.current = latest.id;
    toast.show({ title: latest.title, message: latest.body ?? '', autoClose: 6000 });
    refetch({ requestPolicy: 'network-only' });
    // A Plh/Plt appointment changes whose inbox the person may open.
    if (latest.entityType === 'Delegation') refresh();
  }, [latest, refetch, refresh]);

  const unread = data?.unread.totalCount ?? 0;
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const unreadIds = items.filter((n) => !n.readAt).map((n) => n.id);
  const readAll = async () => {
    if (unreadIds.length) await markRead({ ids: unreadIds });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Popover width={340} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={unread} size={18} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={`${t('notifications.open')} (${t('notifications.unread', { n: unread })})`}
            data-testid="bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" onClick={readAll} disabled={unreadIds.length === 0}>
            {t('notifications.markAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4}>
            {items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
            {items.map((n) => {
              const to = target(n.entityType, n.entityId);
              return (
                <UnstyledButton
                  key={n.id}
                  p={6}
                  style={{ borderRadius: 4, background: n.readAt ? undefined : 'var(--mantine-color-red-0)' }}
                  onClick={async () => {
                    if (!n.readAt) await markRead({ ids: [n.id] });
                    if (to) navigate(to);
                  }}
                >
                  {!n.readAt && <VisuallyHidden>{t('status.UNREAD')}: </VisuallyHidden>}
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {dateTime(n.createdAt)}
                  </Text>
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth';
import { setSession } from '../auth/session';
import { graphql } from '../gql';
import { closeLiveConnection } from '../graphql/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { NotificationBell } from '../notifications/NotificationBell';
import { DatesSetup } from './DatesSetup';
import { PageLoader } from './PageLoader';

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

interface Item {
  to: string;
  label: MessageKey;
  roles?: string[];
}

const ITEMS: Item[] = [
  { to: '/inbox', label: 'nav.inbox' },
  { to: '/approvals', label: 'nav.approvals', roles: ['LEADER'] },
  { to: '/sla', label: 'nav.sla', roles: ['LEADER', 'ADMIN'] },
  { to: '/delegations', label: 'nav.delegations', roles: ['LEADER', 'ADMIN'] },
  { to: '/register', label: 'nav.register', roles: ['CLERK'] },
  { to: '/registry', label: 'nav.registry' },
  { to: '/tasks', label: 'nav.tasks' },
  { to: '/reports/today', label: 'nav.dailyReport' },
  { to: '/arrangements', label: 'nav.arrangements' },
  { to: '/workload', label: 'nav.workload', roles: ['LEADER'] },
  { to: '/reports/review', label: 'nav.reviews', roles: ['LEADER'] },
  { to: '/settings/notifications', label: 'nav.notificationSettings' },
  { to: '/admin/units', label: 'nav.admin.units', roles: ['ADMIN'] },
  { to: '/admin/users', label: 'nav.admin.users', roles: ['ADMIN'] },
  { to: '/admin/holidays', label: 'nav.admin.holidays', roles: ['ADMIN'] },
  { to: '/admin/working-hours', label: 'nav.admin.workingHours', roles: ['ADMIN'] },
  { to: '/admin/sla-policies', label: 'nav.admin.sla', roles: ['ADMIN'] },
  { to: '/admin/numbering', label: 'nav.admin.numbering', roles: ['ADMIN'] },
  { to: '/admin/failed-jobs', label: 'nav.admin.failedJobs', roles: ['ADMIN'] },
  // Records: drafting, letter templates and the archive.
  { to: '/drafts', label: 'nav.drafts', roles: ['STAFF', 'LEADER', 'CLERK'] },
  { to: '/admin/templates', label: 'nav.admin.templates', roles: ['ADMIN'] },
  { to: '/archive/unfiled', label: 'nav.archive.unfiled', roles: ['CLERK'] },
  { to: '/archive/dossiers', label: 'nav.archive.dossiers', roles: ['CLERK'] },
  { to: '/archive/search', label: 'nav.archive.search' },
  { to: '/archive/import', label: 'nav.archive.import', roles: ['CLERK'] },
  { to: '/archive/disposal', label: 'nav.archive.disposal', roles: ['CLERK', 'LEADER'] },
];

export function Layout(): ReactNode {
  const { t, lang, setLang } = useI18n();
  const { me } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const [, logout] = useMutation(Logout);

  const signOut = async () => {
    await logout({});
    closeLiveConnection();
    setSession(null);
  };

  const items = ITEMS.filter((item) => !item.roles || item.roles.some((role) => me.roles.includes(role as never)));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={1} size="h3" c="red.8">
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Button variant="subtle" size="compact-sm" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
              {lang === 'id' ? 'EN' : 'ID'}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={location.pathname.startsWith(item.to)}
              onClick={close}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="sm" fw={600} truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.position?.title ?? me.roles.map((role) => t(`user.roles.${role}`)).join(', ')}
          </Text>
          <Button mt="xs" variant="light" fullWidth onClick={signOut}>
            {t('nav.signOut')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <DatesSetup>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </DatesSetup>
      </AppShell.Main>
    </AppShell>
  );
}

import { lazy, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useSignedIn } from './auth/auth';
import { primeQuery } from './graphql/client';
import { firstInboxPage, Inbox } from './inbox/inbox.query';
import { SignInPage } from './auth/SignInPage';
import { Layout } from './shell/Layout';
import { PageLoader } from './shell/PageLoader';

// Every screen is its own chunk: the first load carries only the shell and the sign-in page.
const loadInbox = () => import('./inbox/InboxPage');
const InboxPage = lazy(loadInbox);
const LetterPage = lazy(() => import('./letters/LetterPage'));
const RegisterLetterPage = lazy(() => import('./letters/RegisterLetterPage'));
const RegistryPage = lazy(() => import('./letters/RegistryPage'));
const ApprovalQueuePage = lazy(() => import('./approvals/ApprovalQueuePage'));
const SlaDashboardPage = lazy(() => import('./approvals/SlaDashboardPage'));
const DelegationsPage = lazy(() => import('./approvals/DelegationsPage'));
const UnitsPage = lazy(() => import('./admin/UnitsPage'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const HolidaysPage = lazy(() => import('./admin/HolidaysPage'));
const WorkingHoursPage = lazy(() => import('./admin/WorkingHoursPage'));
const SlaPoliciesPage = lazy(() => import('./admin/SlaPoliciesPage'));
const NumberingPage = lazy(() => import('./admin/NumberingPage'));
const FailedJobsPage = lazy(() => import('./admin/FailedJobsPage'));
// Records: drafting, letter templates and the archive.
const DraftsPage = lazy(() => import('./drafting/DraftsPage'));
const DraftPage = lazy(() => import('./drafting/DraftPage'));
const TemplatesPage = lazy(() => import('./admin/templates/TemplatesPage'));
const UnfiledPage = lazy(() => import('./archive/UnfiledPage'));
const DossiersPage = lazy(() => import('./archive/DossiersPage'));
const DossierPage = lazy(() => import('./archive/DossierPage'));
const ArchiveSearchPage = lazy(() => import('./archive/ArchiveSearchPage'));
const RecordPage = lazy(() => import('./archive/RecordPage'));
const ImportPage = lazy(() => import('./archive/ImportPage'));
const DisposalPage = lazy(() => import('./archive/DisposalPage'));
const TasksPage = lazy(() => import('./tasks/TasksPage'));
const TaskPage = lazy(() => import('./tasks/TaskPage'));
const DailyReportPage = lazy(() => import('./reports/DailyReportPage'));
const ReviewReportsPage = lazy(() => import('./reports/ReviewReportsPage'));
const ArrangementsPage = lazy(() => import('./arrangements/ArrangementsPage'));
const WorkloadPage = lazy(() => import('./workload/WorkloadPage'));
const NotificationSettingsPage = lazy(() => import('./settings/NotificationSettingsPage'));

export function App() {
  const signedIn = useSignedIn();
  // The inbox is the first screen after sign-in: its code loads while the person types, and its first page is
  // asked for together with who the person is, not after; the page's own first query gets that answer.
  useEffect(() => {
    if (!signedIn) void loadInbox();
    else if (['/', '/inbox'].includes(location.pathname)) primeQuery(Inbox, firstInboxPage());
  }, [signedIn]);
  if (!signedIn) return <SignInPage />;
  return (
    <AuthProvider loading={<PageLoader />}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Navigate to="/inbox" replace />} />
            <Route path="inbox" element={<InboxPage />} />
            <Route path="letters/:id" element={<LetterPage />} />
            <Route path="register" element={<RegisterLetterPage />} />
            <Route path="registry" element={<RegistryPage />} />
            <Route path="approvals" element={<ApprovalQueuePage />} />
            <Route path="sla" element={<SlaDashboardPage />} />
            <Route path="delegations" element={<DelegationsPage />} />
            <Route path="admin/units" element={<UnitsPage />} />
            <Route path="admin/users" element={<UsersPage />} />
            <Route path="admin/holidays" element={<HolidaysPage />} />
            <Route path="admin/working-hours" element={<WorkingHoursPage />} />
            <Route path="admin/sla-policies" element={<SlaPoliciesPage />} />
            <Route path="admin/numbering" element={<NumberingPage />} />
            <Route path="admin/failed-jobs" element={<FailedJobsPage />} />
            <Route path="drafts" element={<DraftsPage />} />
            <Route path="drafts/new" element={<DraftPage />} />
            <Route path="drafts/:id" element={<DraftPage />} />
            <Route path="admin/templates" element={<TemplatesPage />} />
            <Route path="archive/unfiled" element={<UnfiledPage />} />
            <Route path="archive/dossiers" element={<DossiersPage />} />
            <Route path="archive/dossiers/:id" element={<DossierPage />} />
            <Route path="archive/search" element={<ArchiveSearchPage />} />
            <Route path="archive/records/:id" element={<RecordPage />} />
            <Route path="archive/import" element={<ImportPage />} />
            <Route path="archive/disposal" element={<DisposalPage />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="tasks/:id" element={<TaskPage />} />
            <Route path="reports/today" element={<DailyReportPage />} />
            <Route path="reports/review" element={<ReviewReportsPage />} />
            <Route path="arrangements" element={<ArrangementsPage />} />
            <Route path="workload" element={<WorkloadPage />} />
            <Route path="settings/notifications" element={<NotificationSettingsPage />} />
            <Route path="*" element={<Navigate to="/inbox" replace />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}

import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useSignedIn } from './auth/auth';
import { SignInPage } from './auth/SignInPage';
import { Layout } from './shell/Layout';
import { PageLoader } from './shell/PageLoader';

// Every screen is its own chunk: the first load carries only the shell and the sign-in page.
const InboxPage = lazy(() => import('./inbox/InboxPage'));
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

export function App() {
  const signedIn = useSignedIn();
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
            <Route path="*" element={<Navigate to="/inbox" replace />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}

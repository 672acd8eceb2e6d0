import type { UserDto } from '../../shared/contract/auth';
import { ArchivesPage } from '../features/archives/ArchivesPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { BackupPage } from '../features/backup/BackupPage';
import { DrawPage } from '../features/draws/DrawPage';
import { InspectionListPage } from '../features/inspections/InspectionListPage';
import { InspectionPage } from '../features/inspections/InspectionPage';
import { LendingPage } from '../features/lending/LendingPage';
import { PublishPage } from '../features/publish/PublishPage';
import { MonthlyReportPage } from '../features/reports/MonthlyReportPage';
import { PlanDetailPage } from '../features/plans/PlanDetailPage';
import { PlanListPage } from '../features/plans/PlanListPage';
import { TaskEditorPage } from '../features/plans/TaskEditorPage';
import { BureauSettingsPage } from '../features/bureaus/BureauSettingsPage';
import { InspectorsPage } from '../features/inspectors/InspectorsPage';
import { ItemListPage } from '../features/items/ItemListPage';
import { TargetDetailPage } from '../features/targets/TargetDetailPage';
import { TargetEditPage } from '../features/targets/TargetEditPage';
import { TargetListPage } from '../features/targets/TargetListPage';
import { TargetNewPage } from '../features/targets/TargetNewPage';
import { TransfersPage } from '../features/transfers/TransfersPage';
import { UsersPage } from '../features/users/UsersPage';
import { ScanInboxPage } from '../features/scans/ScanInboxPage';
import { ScanPageView } from '../features/scans/ScanPageView';
import { ScanSearchPage } from '../features/scans/ScanSearchPage';
import { VolumeListPage } from '../features/volumes/VolumeListPage';
import { VolumePage } from '../features/volumes/VolumePage';
import type { Route } from '../router/routes';
import { ForbiddenPage } from './ForbiddenPage';
import { leafFor, mayOpen } from './nav-items';
import { NotFoundPage } from './NotFoundPage';
import { NotOpenPage } from './NotOpenPage';

function allowed(path: string, user: UserDto): boolean {
  const leaf = leafFor(path);
  return !leaf || mayOpen(leaf, user.roles);
}

export function RouteView({ route, user }: { route: Route; user: UserDto }) {
  switch (route.name) {
    case 'targets':
      return <TargetListPage params={route.params} />;
    case 'target-new':
      return <TargetNewPage />;
    case 'target-detail':
      return <TargetDetailPage id={route.id} />;
    case 'target-edit':
      return <TargetEditPage id={route.id} />;
    case 'items':
      return <ItemListPage params={route.params} />;
    case 'inspectors':
      return <InspectorsPage params={route.params} />;
    case 'plans':
      return <PlanListPage params={route.params} />;
    case 'plan-detail':
      return <PlanDetailPage id={route.id} />;
    case 'task-new':
      return <TaskEditorPage planId={route.planId} taskId={null} />;
    case 'task-edit':
      return <TaskEditorPage planId={route.planId} taskId={route.taskId} />;
    case 'draws':
      return <DrawPage params={route.params} />;
    case 'inspections':
      return <InspectionListPage params={route.params} />;
    case 'inspection-detail':
      return <InspectionPage key={route.id} id={route.id} params={route.params} />;
    case 'volumes':
      return <VolumeListPage params={route.params} />;
    case 'volume-detail':
      return <VolumePage key={route.id} id={route.id} />;
    case 'scans':
      return <ScanInboxPage />;
    case 'scan-page':
      return <ScanPageView key={route.id} id={route.id} />;
    case 'search':
      return <ScanSearchPage params={route.params} />;
    case 'archives':
      return <ArchivesPage params={route.params} />;
    case 'lending':
      return <LendingPage params={route.params} />;
    case 'transfers':
      return allowed('/transfers', user) ? <TransfersPage /> : <ForbiddenPage />;
    case 'backup':
      return allowed('/backup', user) ? <BackupPage /> : <ForbiddenPage />;
    case 'publication':
      return allowed('/publication', user) ? <PublishPage /> : <ForbiddenPage />;
    case 'reports':
      return <MonthlyReportPage params={route.params} />;
    case 'settings-bureaus':
      return <BureauSettingsPage />;
    case 'settings-users':
      return allowed('/settings/users', user) ? <UsersPage /> : <ForbiddenPage />;
    case 'settings-audit':
      return allowed('/settings/audit', user) ? <AuditLogPage /> : <ForbiddenPage />;
    case 'not-open':
      return <NotOpenPage path={route.path} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

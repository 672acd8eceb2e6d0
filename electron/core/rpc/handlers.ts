import type { MethodOutput } from '../../../shared/contract';
import { buildArchiveHandlers } from '../archives/archive-handlers';
import type { ArchiveService } from '../archives/archive-service';
import type { Fixity } from '../archives/fixity';
import type { ArchivePrints } from '../archives/archive-prints';
import type { ArchivedFileJob } from '../archives/archived-file-job';
import type { FixitySchedule } from '../archives/fixity-schedule';
import { buildLendingHandlers } from '../lending/loan-handlers';
import type { LoanService } from '../lending/loan-service';
import type { AuditService } from '../audit/audit-service';
import type { ScanAcquire } from '../scans/scan-acquire';
import type { WatchedFolders } from '../scans/watched-folders';
import { buildScanHandlers } from '../scans/scan-handlers';
import type { ScanService } from '../scans/scan-service';
import type { BackupService } from '../backup/backup-service';
import { buildTransferHandlers } from '../transfers/transfer-handlers';
import type { TransferService } from '../transfers/transfer-service';
import type { Database } from '../db/database';
import type { AuthService } from '../auth/auth-service';
import type { UserService } from '../auth/user-service';
import type { BureauService } from '../bureaus/bureau-service';
import { buildCalendarHandlers } from '../calendar/calendar-handlers';
import type { CalendarService } from '../calendar/calendar-service';
import type { JobService } from '../jobs/job-service';
import type { TargetService } from '../targets/target-service';
import { buildTargetHandlers } from '../targets/target-handlers';
import { buildImportHandlers } from '../imports/import-handlers';
import type { ImportService } from '../imports/import-service';
import type { StagedFiles } from '../imports/staged-files';
import type { InspectorDirectory } from '../inspectors/inspector-directory';
import { buildInspectorHandlers } from '../inspectors/inspector-handlers';
import { buildItemHandlers } from '../items/item-handlers';
import type { ItemService } from '../items/item-service';
import { AppError } from '../../../shared/errors/app-error';
import { buildDrawHandlers } from '../draws/draw-handlers';
import type { DrawService } from '../draws/draw-service';
import { buildDocumentHandlers } from '../documents/document-handlers';
import type { DocumentService } from '../documents/document-service';
import { buildVolumeHandlers } from '../volumes/volume-handlers';
import type { VolumeMarkService } from '../volumes/volume-marks';
import type { VolumeService } from '../volumes/volume-service';
import { buildInspectionHandlers } from '../inspections/inspection-handlers';
import type { InspectionService } from '../inspections/inspection-service';
import { buildPlanHandlers } from '../plans/plan-handlers';
import type { PlanService } from '../plans/plan-service';
import type { TaskService } from '../plans/task-service';
import type { Handlers } from './call-context';
import { buildPublishHandlers } from '../publish/publish-handlers';
import type { PublishService } from '../publish/publish-service';
import { buildReportHandlers } from '../reports/report-handlers';
import type { ReportService } from '../reports/report-service';

export type HandlerDeps = {
  auth: AuthService;
  users: UserService;
  bureaus: BureauService;
  targets: TargetService;
  imports: ImportService;
  staged: StagedFiles;
  inspectorDirectory: InspectorDirectory;
  items: ItemService;
  plans: PlanService;
  tasks: TaskService;
  draws: DrawService;
  documents: DocumentService;
  volumes: VolumeService;
  volumeMarks: VolumeMarkService;
  transfers: TransferService;
  backup: BackupService;
  archives: ArchiveService;
  fixity: Fixity;
  archivePrints: ArchivePrints;
  archivedFiles: ArchivedFileJob;
  fixitySchedule: FixitySchedule;
  loans: LoanService;
  db: Database;
  publish: PublishService;
  reports: ReportService;
  inspections: InspectionService;
  calendar: CalendarService;
  jobs: JobService;
  audit: AuditService;
  scans: ScanService;
  scanAcquire: ScanAcquire;
  watchedFolders: WatchedFolders;
  revealExport: (fileName: string) => Promise<string>;
  pickFolder: (title: string) => Promise<string | null>;
  systemInfo: () => Promise<MethodOutput<'system.info'>>;
};

/** Every contract method's handler; a method without one fails to compile. */
export function buildHandlers(d: HandlerDeps): Handlers {
  return {
    'auth.login': (input) => d.auth.login(input.login, input.password),
    'auth.logout': async (_input, call) => {
      await d.auth.logout(call.requireSession());
      return { ok: true };
    },
    'auth.me': async (_input, call) => d.users.get(call.requireSession().userId),
    'auth.changePassword': async (input, call) => {
      await d.auth.changePassword(call.requireSession(), input.oldPassword, input.newPassword);
      return { ok: true };
    },

    'users.list': async (input, call) => d.users.list(call.bureauScope(input.bureauId)),
    'users.create': (input, call) => d.users.create(call.actor, input),
    'users.update': async (input, call) => {
      call.assertBureau((await d.users.get(input.id)).bureauId);
      if (input.active === false && input.id === call.requireSession().userId) throw new AppError('CONFLICT', { reason: 'cannot disable yourself' });
      const { id, ...patch } = input;
      return d.users.update(call.actor, id, patch);
    },
    'users.resetPassword': async (input, call) => {
      call.assertBureau((await d.users.get(input.id)).bureauId);
      return d.users.resetPassword(call.actor, input.id);
    },

    'bureaus.list': async () => d.bureaus.list(),
    'bureaus.updateSettings': (input, call) => d.bureaus.updateSettings(call.actor, input),

    ...buildTargetHandlers(d),
    ...buildImportHandlers(d),

    ...buildItemHandlers(d),

    ...buildInspectorHandlers(d),

    ...buildPlanHandlers(d),
    ...buildDrawHandlers(d),
    ...buildDocumentHandlers(d),
    ...buildVolumeHandlers(d),
    ...buildScanHandlers(d),
    ...buildTransferHandlers(d),
    ...buildArchiveHandlers(d),
    ...buildLendingHandlers(d),
    ...buildPublishHandlers(d),
    ...buildReportHandlers(d),
    ...buildInspectionHandlers(d),

    ...buildCalendarHandlers(d),

    'jobs.list': (input) => d.jobs.list(input.limit),
    'jobs.get': (input) => d.jobs.get(input.id),
    'jobs.cancel': (input) => d.jobs.cancel(input.id),
    'audit.verify': async (_input, call) => ({ jobId: (await d.jobs.start('audit.verify', {}, call.actor.userId)).id }),
    'audit.list': (input) => d.audit.list(input.limit, input.beforeSeq),

    'system.pickFolder': async (input) => ({ path: await d.pickFolder(input.title) }),
    'system.info': () => d.systemInfo(),
    'system.revealExport': async (input) => ({ path: await d.revealExport(input.fileName) }),
  };
}

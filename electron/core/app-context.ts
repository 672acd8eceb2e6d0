import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { z } from 'zod';
import type { Envelope, RpcRequest } from '../../shared/contract';
import { loadArchivedFileSnapshots, loadArchiveSnapshots, loadReviewSnapshots, loadLocationSnapshots, loadSettingSnapshots, loadSupplementSnapshots } from './archives/archive-repository';
import { createArchiveService } from './archives/archive-service';
import { createFixity } from './archives/fixity';
import { createArchivePrints } from './archives/archive-prints';
import { createArchivedFileJob } from './archives/archived-file-job';
import { createFixitySchedule, loadScheduleSnapshots } from './archives/fixity-schedule';
import { createAuditService, SYSTEM_ACTOR } from './audit/audit-service';
import { createAuthService } from './auth/auth-service';
import type { Session } from './auth/session';
import { loadUserSnapshots } from './auth/user-repository';
import { createUserService } from './auth/user-service';
import { createBlobStore } from './blobs/blob-store';
import { createBureauService } from './bureaus/bureau-service';
import { createCalendarService } from './calendar/calendar-service';
import { systemClock, type Clock, type Logger, type RandomSource } from './config';
import { prepareDataFolder } from './data-folder';
import { openDatabase } from './db/database';
import { createEventBus } from './events/event-bus';
import { createInspectorDirectory } from './inspectors/inspector-directory';
import { createInspectorExport } from './inspectors/inspector-export';
import { createJobService } from './jobs/job-service';
import { loadLoanSnapshots } from './lending/loan-repository';
import { createLoanService } from './lending/loan-service';
import type { ImportDirectory, ImportKind, ImportKindFactory } from './imports/import-kind';
import { createImportService } from './imports/import-service';
import { createStagedFiles } from './imports/staged-files';
import { createTargetBulk } from './targets/target-bulk';
import { createTargetImportKind } from './targets/target-import';
import { createItemExport } from './items/item-export';
import { createItemImportKind } from './items/item-import';
import { loadItemSnapshots } from './items/item-repository';
import { createItemService } from './items/item-service';
import { createFileLogger } from './logger';
import { createDrawRun } from './draws/draw-run';
import { createDrawService } from './draws/draw-service';
import { createDocumentService, loadDocumentSnapshots } from './documents/document-service';
import { loadCorrectionSnapshots, loadResultSnapshots, loadSigningSnapshots } from './inspections/inspection-repository';
import { createInspectionService } from './inspections/inspection-service';
import { loadDrawSnapshots, loadInspectionSnapshots, loadVolumeSnapshots } from './draws/draw-repository';
import { loadPlanSnapshots, loadTaskSnapshots } from './plans/plan-repository';
import { createPlanService } from './plans/plan-service';
import { createTaskService } from './plans/task-service';
import type { HostPlatform } from './platform/host-platform';
import { createPublishService } from './publish/publish-service';
import { createReportService } from './reports/report-service';
import { dispatch } from './rpc/dispatch';
import { createVolumeBindJob } from './volumes/volume-bind-job';
import { createVolumeMarkService } from './volumes/volume-marks';
import { loadBindingSnapshots, loadEntrySnapshots, loadMarkSnapshots, loadPublicCopySnapshots } from './volumes/volume-repository';
import { createVolumeService } from './volumes/volume-service';
import { buildHandlers } from './rpc/handlers';
import { loadTargetSnapshots } from './targets/target-repository';
import { createTargetService } from './targets/target-service';
import { createTransferFeature } from './transfers/transfer-feature';
import { createOcrPool, defaultWorkerCount } from './ocr/ocr-engine';
import type { OcrPool } from './ocr/ocr-types';
import { createInboxWatcher } from './scans/inbox-watcher';
import { createScanAcquire } from './scans/scan-acquire';
import { createWatchedFolders, loadFolderSnapshots } from './scans/watched-folders';
import { createScanService } from './scans/scan-service';

export type AppConfig = {
  dataDir: string;
  resourcesDir: string;
  platform: HostPlatform;
  /** Create the data folder and database when missing (first run). */
  create?: boolean;
  version?: string;
  clock?: Clock;
  random?: RandomSource;
  logger?: Logger;
  /** Echo warnings and errors to stderr (CLI, web host). */
  echoLog?: boolean;
  /** Resume unfinished jobs at start, and start the archived-file job of archived volumes left without one (default true; tests may want to drive them). */
  resumeJobs?: boolean;
  /** Take files dropped into the data folder's inbox/ (the desktop app and the web host; not the CLI). */
  watchInbox?: boolean;
  /** Start periodic four-property checks when due, at start and hourly (the desktop app and the web host; not the CLI). */
  periodicChecks?: boolean;
  /** OCR workers (default: cores − 1, at least 1). */
  ocrWorkers?: number;
};

/** The one composition root: opens the data folder and builds every service with its collaborators. */
export async function createAppContext(config: AppConfig) {
  z.config(z.locales.zhCN()); // validation messages in Chinese (INVALID_INPUT issues reach the UI)
  const clock = config.clock ?? systemClock;
  const random = config.random ?? { bytes: (n: number) => randomBytes(n) };
  prepareDataFolder(config.dataDir, config.create ?? false);
  const logger = config.logger ?? createFileLogger(path.join(config.dataDir, 'logs'), clock, config.echoLog ?? false);
  const db = await openDatabase(config.dataDir);
  const events = createEventBus((error) => logger.error('event listener failed', { error }));
  const audit = createAuditService({ db, clock });
  const bureaus = createBureauService({ db, clock, audit, resourcesDir: config.resourcesDir });
  await bureaus.seed();
  const auth = createAuthService({ db, clock, random, audit });
  const users = createUserService({ db, clock, random, audit });
  const targets = createTargetService({ db, clock, audit, bureaus });
  const inspectorDirectory = createInspectorDirectory({ db, clock, audit, bureaus });
  const items = createItemService({ db, clock, audit, bureaus });
  const blobs = createBlobStore({ root: path.join(config.dataDir, 'blobs'), db, clock, tempName: () => randomUUID() });
  const jobs = createJobService({ db, clock, events, logger });

  audit.registerSnapshotSource({ entity: 'bureau', load: bureaus.snapshots });
  audit.registerSnapshotSource({ entity: 'user', load: () => loadUserSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'target', load: () => loadTargetSnapshots(db) });
  for (const source of inspectorDirectory.snapshotSources) audit.registerSnapshotSource(source);
  audit.registerSnapshotSource({ entity: 'item', load: () => loadItemSnapshots(db) });
  jobs.register('audit.verify', (ctx) => audit.verify((done, total, phase) => ctx.progress(done, total, phase)));

  const staged = createStagedFiles({ db, clock, dataDir: config.dataDir });
  const accessFor = async (userId: number | null) => {
    const user = userId === null ? null : await users.get(userId).catch(() => null);
    return (bureauId: number) => user !== null && bureaus.within(bureauId, user.bureauId);
  };
  const importKinds: Record<ImportDirectory, ImportKindFactory> = {
    targets: (ctx) => createTargetImportKind({ bureaus: bureaus.list(), defaultBureauId: ctx.bureauId, canAccessBureau: ctx.canAccessBureau, now: () => clock.now().toISOString() }) as ImportKind<unknown>,
    items: (ctx) => createItemImportKind({ clock, bureaus }, { bureauId: ctx.bureauId, actor: ctx.actor, source: ctx.fileName || undefined }) as ImportKind<unknown>,
    inspectors: (ctx) => inspectorDirectory.importKind(ctx) as ImportKind<unknown>,
  };
  const imports = createImportService({ db, clock, audit, blobs, staged, kinds: importKinds, accessFor });
  const targetBulk = createTargetBulk({ db, clock, audit, bureaus, exportsDir: path.join(config.dataDir, 'exports') });
  jobs.register('imports.run', imports.run);
  jobs.register('targets.tagBulk', targetBulk.tagBulk);
  jobs.register('targets.export', (ctx) => targetBulk.exportTargets(ctx));
  const exportsDir = path.join(config.dataDir, 'exports');
  const itemExport = createItemExport({ db, clock, exportsDir });
  const inspectorExport = createInspectorExport({ db, clock, bureaus, exportsDir });
  jobs.register('items.export', (ctx) => itemExport.run(ctx));
  jobs.register('inspectors.export', (ctx) => inspectorExport.run(ctx));

  const plans = createPlanService({ db, clock, audit });
  const tasks = createTaskService({ db, clock, audit, bureaus });
  const draws = createDrawService({ db, clock, random, audit, blobs, jobs, exportsDir, specFile: path.join(config.resourcesDir, 'docs', 'draw-algorithm.md') });
  const fontFile = path.join(config.resourcesDir, 'fonts', 'wqy-microhei.ttf');
  const drawRun = createDrawRun({ db, clock, audit, blobs, bureaus, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)) });
  jobs.register('draws.run', (ctx) => drawRun.run(ctx));
  const documents = createDocumentService({ db, clock, audit, blobs, logger, exportsDir, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)) });
  audit.registerSnapshotSource({ entity: 'document', load: () => loadDocumentSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'plan', load: () => loadPlanSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'task', load: () => loadTaskSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'draw', load: () => loadDrawSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'inspection', load: () => loadInspectionSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume', load: () => loadVolumeSnapshots(db) });
  const calendar = createCalendarService({ db, clock, audit, logger, resourcesDir: config.resourcesDir });
  await calendar.load();
  audit.registerSnapshotSource({ entity: 'holiday_year', load: calendar.snapshots });
  const publish = createPublishService({ db, clock, audit, bureaus, exportsDir });
  const reports = createReportService({ db, clock, audit, bureaus, calendar, exportsDir });
  const inspections = createInspectionService({ db, clock, audit, bureaus, calendar: calendar.calendar });
  audit.registerSnapshotSource({ entity: 'inspection_result', load: () => loadResultSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'inspection_signing', load: () => loadSigningSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'correction_order', load: () => loadCorrectionSnapshots(db) });
  const volumes = createVolumeService({ db, clock, audit, blobs, jobs, staged, inspections, exportsDir });
  // The scanning service is built further down; it is only called while a public copy is bound.
  const volumeBind = createVolumeBindJob({ db, clock, audit, blobs, volumes, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)), redactScan: (id, title, regions) => scans.redactedDocumentPdf(id, title, regions), renderMasked: (id, fields) => documents.renderMasked(id, fields) });
  jobs.register('volumes.bind', volumeBind.runFull);
  jobs.register('volumes.bindPublic', volumeBind.runPublic);
  const volumeMarks = createVolumeMarkService({ db, clock, audit });
  audit.registerSnapshotSource({ entity: 'volume_entry', load: () => loadEntrySnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume_binding', load: () => loadBindingSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume_redaction', load: () => loadMarkSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume_public_copy', load: () => loadPublicCopySnapshots(db) });
  const { transfers, backup } = createTransferFeature({ db, clock, random, audit, blobs, bureaus, jobs, dataDir: config.dataDir, appVersion: config.version ?? '0.0.0-dev', openFolder: (dataDir) => openRestored(config, dataDir) });
  const fixity = createFixity({ db, clock, audit, blobs, jobs });
  jobs.register('archives.verify', fixity.run);
  const fixitySchedule = createFixitySchedule({ db, clock, audit, bureaus, fixity, logger });
  const archivedFiles = createArchivedFileJob({ db, clock, audit, blobs, jobs, exportsDir, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)) });
  jobs.register('archives.archivedFile', archivedFiles.run);
  const archivePrints = createArchivePrints({ db, clock, bureaus, exportsDir, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)) });
  const archives = createArchiveService({ db, clock, audit, bureaus, volumes, startArchivedFile: archivedFiles.start, schedule: fixitySchedule });
  audit.registerSnapshotSource({ entity: 'volume_archived_file', load: () => loadArchivedFileSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'fixity_schedule', load: () => loadScheduleSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'legal_review', load: () => loadReviewSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume_archive', load: () => loadArchiveSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'archive_setting', load: () => loadSettingSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume_supplement', load: () => loadSupplementSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'volume_location', load: () => loadLocationSnapshots(db) });
  const loans = createLoanService({ db, clock, audit, bureaus, blobs, exportsDir, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)) });
  audit.registerSnapshotSource({ entity: 'loan', load: () => loadLoanSnapshots(db) });

  // OCR: one pool shared by every job, created on first use (tesseract workers cost ~250–400 MB each).
  let ocrPool: OcrPool | null = null;
  const ocrWorkers = config.ocrWorkers ?? defaultWorkerCount();
  const ocr = () => (ocrPool ??= createOcrPool({ cacheDir: path.join(config.dataDir, 'cache'), workers: ocrWorkers, logger }));
  const inboxDir = path.join(config.dataDir, 'inbox');
  const scans = createScanService({ db, clock, audit, blobs, jobs, staged, bureaus, volumes, logger, ocr, ocrConcurrency: () => ocrWorkers, fontBytes: async () => new Uint8Array(await fs.promises.readFile(fontFile)), exportsDir, inboxDir });
  jobs.register('scans.process', scans.run);
  const scanAcquire = createScanAcquire({ db, jobs, scans, scanners: () => config.platform.scanners, cacheDir: path.join(config.dataDir, 'cache'), logger });
  jobs.register('scans.acquire', scanAcquire.run);
  const watchedFolders = createWatchedFolders({ db, clock, audit, bureaus, dataDir: config.dataDir });
  audit.registerSnapshotSource({ entity: 'watched_folder', load: () => loadFolderSnapshots(db) });
  const inboxWatcher = createInboxWatcher({
    dir: inboxDir,
    logger,
    defaultBureauId: () => bureaus.city()?.id ?? null,
    bureauByCode: (code) => bureaus.list().find((b) => b.divisionCode === code)?.id ?? null,
    extraFolders: () => watchedFolders.enabled(),
    createBatch: async (bureauId, files, hold, inboxDir) => (await scans.createBatch(SYSTEM_ACTOR, { bureauId, source: 'inbox', files, inboxDir, beforeProcessing: hold }, () => true)).batchId,
  });

  const revealExport = async (fileName: string) => {
    const file = path.join(config.dataDir, 'exports', path.basename(fileName));
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { fileName });
    await config.platform.revealInFolder(file);
    return file;
  };
  const pickFolder = (title: string) => config.platform.pickFolder({ title });
  const systemInfo = async () => {
    const count = async (table: string) => (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
    return {
      version: config.version ?? '0.0.0-dev',
      dataDir: config.dataDir,
      schemaVersion: await db.schemaVersion(),
      nativeDialogs: config.platform.kind === 'electron',
      counts: { bureaus: await count('bureaus'), users: await count('users'), targets: await count('targets'), auditEvents: await count('audit_events') },
    };
  };
  const deps = { handlers: buildHandlers({ scans, scanAcquire, watchedFolders, revealExport, pickFolder, transfers, backup, auth, users, bureaus, targets, imports, staged, inspectorDirectory, items, plans, tasks, draws, documents, volumes, volumeMarks, archives, fixity, archivePrints, archivedFiles, fixitySchedule, loans, db, inspections, publish, reports, calendar, jobs, audit, systemInfo }), auth, bureaus, logger };
  if (config.resumeJobs ?? true) {
    await jobs.resume();
    // Archived volumes left without their archived file (its job never started or failed): start it now.
    const swept = await archivedFiles.sweep().catch((error: unknown) => (logger.error('archived-file sweep failed', { error: String(error) }), []));
    if (swept.length > 0) logger.info('archived files to make after startup', { volumeIds: swept });
  }
  if (config.watchInbox) inboxWatcher.start();
  if (config.periodicChecks) fixitySchedule.start();

  return {
    config,
    db,
    events,
    logger,
    platform: config.platform,
    services: { scans, scanAcquire, watchedFolders, inboxWatcher, transfers, backup, audit, auth, users, bureaus, targets, targetBulk, imports, staged, inspectorDirectory, items, plans, tasks, draws, documents, volumes, volumeMarks, archives, fixity, fixitySchedule, archivedFiles, archivePrints, loans, inspections, publish, reports, calendar, blobs, jobs },
    dispatch: (request: RpcRequest, trustedSession?: Session): Promise<Envelope<unknown>> => dispatch(deps, request, trustedSession),
    /** First run: the admin account with a one-time password (null when an admin exists). */
    ensureInitialised: async () => {
      const city = bureaus.city();
      if (!city) throw new Error('city bureau missing after seeding');
      return users.ensureAdmin(city.id);
    },
    async close() {
      await inboxWatcher.stop();
      await fixitySchedule.stop();
      await jobs.stop();
      await ocrPool?.close();
      await db.close();
    },
  };
}

export type AppContext = Awaited<ReturnType<typeof createAppContext>>;

/** A restored data folder opened by the real composition root as at start (migrations run, startup work done), for the restore's checks. */
async function openRestored(config: AppConfig, dataDir: string) {
  const app = await createAppContext({ ...config, dataDir, create: false, resumeJobs: true });
  return { schemaVersion: () => app.db.schemaVersion(), verifyAudit: () => app.services.audit.verify(async () => undefined), close: () => app.close(), idle: () => app.services.jobs.idle() };
}

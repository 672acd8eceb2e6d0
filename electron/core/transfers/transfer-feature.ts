import path from 'node:path';
import type { AuditService } from '../audit/audit-service';
import { createBackupService, type OpenedFolder } from '../backup/backup-service';
import type { BlobStore } from '../blobs/blob-store';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock, RandomSource } from '../config';
import type { Database } from '../db/database';
import type { JobService } from '../jobs/job-service';
import { createBureauKeys, loadKeySnapshots, loadTrustedSnapshots } from './bureau-keys';
import { createTransferExport } from './transfer-export';
import { createTransferImport } from './transfer-import';
import { loadReceivedArchivedFileSnapshots, loadReceivedSnapshots, loadTransferSnapshots } from './transfer-rows';
import { createTransferService } from './transfer-service';

type Deps = {
  db: Database; clock: Clock; random: RandomSource; audit: AuditService; blobs: BlobStore; bureaus: BureauService; jobs: JobService;
  dataDir: string; appVersion: string; openFolder: (dataDir: string) => Promise<OpenedFolder>;
};

/** Transfers (移交) and backup/restore: services, their jobs and the audited tables, built in one place for the composition root. */
export function createTransferFeature({ db, clock, random, audit, blobs, bureaus, jobs, dataDir, appVersion, openFolder }: Deps) {
  const exportsDir = path.join(dataDir, 'exports');
  const keys = createBureauKeys({ db, clock, random, audit });
  const transfers = createTransferService({ db, clock, audit, bureaus, keys, jobs, exportsDir });
  jobs.register('transfers.export', createTransferExport({ db, clock, random, audit, blobs, bureaus, keys }).run);
  jobs.register('transfers.import', createTransferImport({ db, clock, audit, blobs, bureaus, keys, exportsDir }).run);
  audit.registerSnapshotSource({ entity: 'transfer_key', load: () => loadKeySnapshots(db) });
  audit.registerSnapshotSource({ entity: 'trusted_key', load: () => loadTrustedSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'transfer', load: () => loadTransferSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'received_volume', load: () => loadReceivedSnapshots(db) });
  audit.registerSnapshotSource({ entity: 'received_archived_file', load: () => loadReceivedArchivedFileSnapshots(db) });

  const backup = createBackupService({ db, dataDir, clock, random, audit, appVersion, openFolder });
  jobs.register('backup.run', backup.run);
  jobs.register('backup.verify', backup.verifyJob);
  jobs.register('backup.restore', backup.restoreJob);
  return { transfers, backup };
}

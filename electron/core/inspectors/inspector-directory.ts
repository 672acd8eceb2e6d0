import type { AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import type { ImportContext } from '../imports/import-kind';
import { createExpertService, loadExpertSnapshots } from './expert-service';
import { createInspectorImportKind } from './inspector-import';
import { loadInspectorSnapshots } from './inspector-repository';
import { createInspectorService } from './inspector-service';
import { createRecusalService, loadRecusalSnapshots } from './recusal-service';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService };

/** The inspector directory, the expert library and recusals, built together (one line in the root). */
export function createInspectorDirectory({ db, clock, audit, bureaus }: Deps) {
  const recusals = createRecusalService({ db, clock, audit });
  return {
    inspectors: createInspectorService({ db, clock, audit, bureaus, recusals }),
    experts: createExpertService({ db, clock, audit, bureaus }),
    recusals,
    /** The import engine's factory for directory 'inspectors': one kind per import, in the importer's scope. */
    importKind: (ctx: Pick<ImportContext, 'canAccessBureau'>) =>
      createInspectorImportKind({ bureaus: bureaus.list(), clock, canAccessBureau: ctx.canAccessBureau }),
    /** For audit verify: the current audited state of every row, per entity. */
    snapshotSources: [
      { entity: 'inspector', load: () => loadInspectorSnapshots(db) },
      { entity: 'expert', load: () => loadExpertSnapshots(db) },
      { entity: 'recusal', load: () => loadRecusalSnapshots(db) },
    ],
  };
}

export type InspectorDirectory = ReturnType<typeof createInspectorDirectory>;

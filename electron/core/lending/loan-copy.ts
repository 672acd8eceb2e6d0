import { AppError } from '../../../shared/errors/app-error';
import { listArchivedFiles } from '../archives/archive-repository';
import type { Database } from '../db/database';
import { listBindings, listPublicCopies, publicCopyCurrent } from '../volumes/volume-repository';

/**
 * What an electronic loan hands out, before the watermark: the archived file, else the archived bound version ('full'), or the latest
 * public copy ('public'). A public copy is used only when it was made from the archived version with the
 * marks that stand now; otherwise it could show what was marked later, so the copy is refused
 * (LENDING_NO_PUBLIC_COPY) rather than falling back to the full version.
 */
export async function copySource(db: Database, volumeId: number, archivedVersion: number, variant: 'full' | 'public'): Promise<{ version: number; blobSha256: string; sha256: string }> {
  if (variant === 'full') {
    // The archived file (档号 on its cover, supplements in its 备考表) once it has been made; else the bound version it derives from.
    const archived = (await listArchivedFiles(db, volumeId)).find((f) => f.binding_version === archivedVersion);
    if (archived) return { version: archivedVersion, blobSha256: archived.blob_sha256, sha256: archived.sha256 };
    const binding = (await listBindings(db, volumeId)).find((b) => b.version === archivedVersion);
    if (!binding) throw new AppError('NOT_FOUND', { entity: 'volume_binding', volumeId, version: archivedVersion });
    return { version: binding.version, blobSha256: binding.blobSha256, sha256: binding.sha256 };
  }
  const latest = (await listPublicCopies(db, volumeId))[0];
  if (!latest || latest.basedOnVersion !== archivedVersion || !(await publicCopyCurrent(db, volumeId))) {
    throw new AppError('LENDING_NO_PUBLIC_COPY', { volumeId, publicVersion: latest?.version ?? null, basedOnVersion: latest?.basedOnVersion ?? null, archivedVersion });
  }
  return { version: latest.version, blobSha256: latest.blobSha256, sha256: latest.sha256 };
}

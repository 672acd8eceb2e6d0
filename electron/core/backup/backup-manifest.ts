import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { canonicalJson, sha256Hex } from '../audit/canonical-json';
import { exists, sha256File } from '../blobs/durable-files';

/**
 * A backup folder:
 *   manifest.json                          the latest complete backup (written last, tmp → rename)
 *   snapshots/<stamp>/casebinder.sqlite    each backup's database (online backup API copy)
 *   snapshots/<stamp>/manifest.json        that backup's manifest
 *   blobs/ab/<sha256>                      content-addressed files shared by every snapshot, copied once
 * A manifest lists every file of its backup with its SHA-256 and carries a digest over itself, so a
 * truncated or edited manifest is refused like a damaged file.
 */
export const MANIFEST_FILE = 'manifest.json';
const FORMAT_PREFIX = 'casebinder-backup/';
export const BACKUP_FORMAT = `${FORMAT_PREFIX}1`;

const FileEntry = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() });

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  id: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  migrations: z.array(z.string()),
  database: FileEntry,
  blobs: z.object({ count: z.number().int(), bytes: z.number().int(), copied: z.number().int(), reused: z.number().int() }),
  counts: z.record(z.string(), z.number().int()),
  files: z.array(FileEntry),
  digest: z.string(),
});
export type BackupManifest = z.infer<typeof BackupManifest>;
export type FileEntry = z.infer<typeof FileEntry>;

export const manifestDigest = (m: Omit<BackupManifest, 'digest'>) => sha256Hex(canonicalJson({ ...m, digest: undefined }));

export function sealManifest(m: Omit<BackupManifest, 'digest'>): BackupManifest {
  return { ...m, digest: manifestDigest(m) };
}

/** The latest complete manifest of a backup folder; BACKUP_NOT_FOUND when absent or unreadable, BACKUP_DAMAGED when altered, BACKUP_TOO_NEW in a later format. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  if (!(await exists(file))) throw new AppError('BACKUP_NOT_FOUND', { dir });
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw new AppError('BACKUP_NOT_FOUND', { dir, reason: 'manifest unreadable' });
  }
  const format = (json as { format?: unknown } | null)?.format;
  // A later build's layout (casebinder-backup/2 …): not damaged, just newer than this build can read.
  if (typeof format === 'string' && format.startsWith(FORMAT_PREFIX) && format !== BACKUP_FORMAT) throw new AppError('BACKUP_TOO_NEW', { dir, format, supported: BACKUP_FORMAT });
  const result = BackupManifest.safeParse(json);
  if (!result.success) throw new AppError('BACKUP_NOT_FOUND', { dir, reason: 'manifest unreadable' });
  const parsed = result.data;
  const { digest, ...rest } = parsed;
  if (manifestDigest(rest) !== digest) throw new AppError('BACKUP_DAMAGED', { dir, problems: [{ path: MANIFEST_FILE, problem: 'digest' }] });
  return parsed;
}

export type VerifyProblem = { path: string; problem: 'missing' | 'mismatch' | 'outside' };

/** Hash every file the manifest lists; the first 100 problems are reported. */
export async function verifyFiles(dir: string, manifest: BackupManifest, progress: (done: number, total: number) => Promise<void>): Promise<{ files: number; bytes: number; problems: VerifyProblem[] }> {
  const problems: VerifyProblem[] = [];
  let bytes = 0;
  let done = 0;
  for (const entry of manifest.files) {
    const file = path.resolve(dir, entry.path);
    if (path.relative(path.resolve(dir), file).startsWith('..')) problems.push({ path: entry.path, problem: 'outside' });
    else if (!(await exists(file))) problems.push({ path: entry.path, problem: 'missing' });
    else {
      const got = await sha256File(file);
      bytes += got.size;
      if (got.sha256 !== entry.sha256 || got.size !== entry.size) problems.push({ path: entry.path, problem: 'mismatch' });
    }
    done++;
    if (done % 50 === 0 || done === manifest.files.length) await progress(done, manifest.files.length);
    if (problems.length >= 100) break;
  }
  return { files: done, bytes, problems };
}

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';

/** Files written so that a crash or a full disk leaves either the old state or the whole new file. */

export const sha256File = async (file: string): Promise<{ sha256: string; size: number }> => {
  const bytes = await fs.readFile(file);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
};

export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write `bytes` to `tmp`, fsync, rename onto `target`, fsync the directory. ENOSPC → DISK_FULL. */
export async function writeDurable(target: string, bytes: Uint8Array | string, tmp = `${target}.tmp-${process.pid}`): Promise<void> {
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.mkdir(path.dirname(tmp), { recursive: true });
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
    await syncDir(path.dirname(target));
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw diskError(error);
  }
}

export function diskError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', {}, { cause: error });
  return error;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Missing or an empty directory. */
export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/** Is `child` the folder `parent` or inside it (after resolving)? */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

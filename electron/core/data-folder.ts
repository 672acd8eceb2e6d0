import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { DB_FILE } from './db/database';

export const DATA_SUBDIRS = ['blobs', 'inbox', 'exports', 'logs'] as const;

/**
 * Make sure the data folder is usable before anything opens it: exists (or may be created), is
 * writable, and holds no foreign file where the database should be. Never changes existing files.
 */
export function prepareDataFolder(dataDir: string, create: boolean): { fresh: boolean } {
  const dbFile = path.join(dataDir, DB_FILE);
  const exists = fs.existsSync(dataDir);
  if (!exists && !create) throw new AppError('DATA_NOT_INITIALISED', { dataDir });
  if (exists && !fs.statSync(dataDir).isDirectory()) throw new AppError('DATA_CORRUPT', { dataDir, reason: 'not a directory' });
  const fresh = !fs.existsSync(dbFile);
  if (fresh && !create) throw new AppError('DATA_NOT_INITIALISED', { dataDir });
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    if (!fresh) fs.accessSync(dbFile, fs.constants.R_OK | fs.constants.W_OK);
    for (const sub of DATA_SUBDIRS) fs.mkdirSync(path.join(dataDir, sub), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', { dataDir }, { cause: error });
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new AppError('DATA_READONLY', { dataDir }, { cause: error });
    throw error;
  }
  return { fresh };
}

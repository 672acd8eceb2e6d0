import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { StagedFileDto } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { detectFormat } from './file-reader';

type Deps = { db: Database; clock: Clock; dataDir: string };

/**
 * Files to import are first copied into <data>/imports/<id>/ so a job reads a file that cannot change
 * or vanish under it, and can be resumed after a restart.
 */
export function createStagedFiles({ db, clock, dataDir }: Deps) {
  const root = path.join(dataDir, 'imports');

  async function stageStream(name: string, source: Readable, createdBy: number | null): Promise<StagedFileDto> {
    const id = randomUUID();
    const dir = path.join(root, id);
    await fs.promises.mkdir(dir, { recursive: true });
    const file = path.join(dir, 'source');
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _e, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, fs.createWriteStream(file, { flags: 'wx' }));
    } catch (error) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('DISK_FULL', {}, { cause: error });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('IMPORT_FILE_NOT_FOUND', {}, { cause: error });
      throw error;
    }
    const safeName = path.basename(name).slice(0, 200) || 'upload';
    const sha256 = hash.digest('hex');
    await db.write((tx) => tx.run('INSERT INTO staged_files (id, name, size, sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [id, safeName, size, sha256, createdBy, clock.now().toISOString()]));
    return { id, name: safeName, size, sha256, format: await detectFormat(file) };
  }

  async function stagePath(source: string, createdBy: number | null): Promise<StagedFileDto> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(source);
    } catch (error) {
      throw new AppError('IMPORT_FILE_NOT_FOUND', { path: source }, { cause: error });
    }
    if (!stat.isFile()) throw new AppError('IMPORT_FILE_NOT_FOUND', { path: source });
    return stageStream(path.basename(source), fs.createReadStream(source), createdBy);
  }

  async function get(id: string): Promise<StagedFileDto & { path: string }> {
    const row = await db.get<{ id: string; name: string; size: number; sha256: string }>('SELECT id, name, size, sha256 FROM staged_files WHERE id = ?', [id]);
    const file = path.join(root, id, 'source');
    if (!row || !fs.existsSync(file)) throw new AppError('IMPORT_FILE_NOT_FOUND', { stagedId: id });
    return { ...row, format: await detectFormat(file), path: file };
  }

  return { stageStream, stagePath, get };
}

export type StagedFiles = ReturnType<typeof createStagedFiles>;

import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { WatchedFolderDto } from '../../../shared/contract/scans';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import type { CanSee } from './scan-service';

type Row = { id: number; path: string; bureau_id: number; label: string | null; enabled: number; created_by: number | null; created_at: string; updated_at: string; version: number };
type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; dataDir: string };

export const folderSnapshot = (r: Row): object => {
  const { id: _id, ...rest } = r;
  return rest;
};

export async function loadFolderSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<Row>('SELECT * FROM watched_folders')).map((r) => [String(r.id), folderSnapshot(r)]));
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Hot folders the users add (issue 6 item 1), e.g. where a networked scanner saves: each belongs to one
 * bureau, is polled like `inbox/` (processing/ → processed/ or failed/ inside it), and is switched off
 * rather than deleted. A folder must exist, be writable (files are moved, never deleted) and lie outside
 * the data folder (whose inbox/ is watched already and whose other folders are the app's own).
 */
export function createWatchedFolders({ db, clock, audit, bureaus, dataDir }: Deps) {
  const now = () => clock.now().toISOString();
  const dto = (r: Row): WatchedFolderDto => ({ id: r.id, path: r.path, bureauId: r.bureau_id, bureauName: bureaus.get(r.bureau_id).name, label: r.label, enabled: r.enabled === 1, createdAt: r.created_at, version: r.version });
  const find = async (tx: Database | Tx, id: number) => {
    const row = await tx.get<Row>('SELECT * FROM watched_folders WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'watched_folder', id });
    return row;
  };

  async function checkFolder(raw: string): Promise<string> {
    const folder = path.resolve(raw.trim());
    if (!path.isAbsolute(raw.trim())) throw new AppError('SCAN_FOLDER_INVALID', { path: raw, reason: 'not absolute' });
    if (inside(folder, path.resolve(dataDir)) || inside(path.resolve(dataDir), folder)) throw new AppError('SCAN_FOLDER_INVALID', { path: folder, reason: 'data folder' });
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) throw new AppError('SCAN_FOLDER_INVALID', { path: folder, reason: 'not a folder' });
    try {
      await fs.access(folder, fsConstants.R_OK | fsConstants.W_OK);
    } catch {
      throw new AppError('SCAN_FOLDER_INVALID', { path: folder, reason: 'not writable' });
    }
    return folder;
  }

  async function list(bureauIds: readonly number[]): Promise<WatchedFolderDto[]> {
    const rows = await db.all<Row>('SELECT * FROM watched_folders WHERE bureau_id IN (SELECT value FROM json_each(?)) ORDER BY id', [JSON.stringify(bureauIds)]);
    return rows.map(dto);
  }

  async function add(actor: AuditActor, input: { path: string; bureauId: number; label: string | null }, canSee: CanSee): Promise<WatchedFolderDto> {
    if (!canSee(input.bureauId)) throw new AppError('FORBIDDEN', { bureauId: input.bureauId });
    bureaus.get(input.bureauId);
    const folder = await checkFolder(input.path);
    return db.write(async (tx) => {
      const taken = await tx.get<{ id: number }>('SELECT id FROM watched_folders WHERE path = ?', [folder]);
      if (taken) throw new AppError('CONFLICT', { path: folder, id: taken.id });
      const at = now();
      const { lastId } = await tx.run('INSERT INTO watched_folders (path, bureau_id, label, enabled, created_by, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)', [folder, input.bureauId, input.label?.trim() || null, actor.userId, at, at]);
      const row = await find(tx, lastId);
      await audit.record(tx, { actor, action: 'scans.addFolder', entity: 'watched_folder', entityId: lastId, after: folderSnapshot(row) });
      return dto(row);
    });
  }

  async function setEnabled(actor: AuditActor, input: { id: number; version: number; enabled: boolean }, canSee: CanSee): Promise<WatchedFolderDto> {
    return db.write(async (tx) => {
      const row = await find(tx, input.id);
      if (!canSee(row.bureau_id)) throw new AppError('FORBIDDEN', { bureauId: row.bureau_id });
      const changed = await tx.run('UPDATE watched_folders SET enabled = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?', [input.enabled ? 1 : 0, now(), input.id, input.version]);
      if (changed.changes !== 1) throw new AppError('CONFLICT', { id: input.id, expectedVersion: input.version, version: row.version });
      const after = await find(tx, input.id);
      await audit.record(tx, { actor, action: input.enabled ? 'scans.enableFolder' : 'scans.disableFolder', entity: 'watched_folder', entityId: input.id, after: folderSnapshot(after) });
      return dto(after);
    });
  }

  /** What the hot-folder watcher polls besides inbox/. */
  async function enabled(): Promise<{ dir: string; bureauId: number }[]> {
    return (await db.all<Row>('SELECT * FROM watched_folders WHERE enabled = 1 ORDER BY id')).map((r) => ({ dir: r.path, bureauId: r.bureau_id }));
  }

  return { list, add, setEnabled, enabled };
}

export type WatchedFolders = ReturnType<typeof createWatchedFolders>;

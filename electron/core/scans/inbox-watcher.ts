import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../config';
import { inboxHeldName } from './scan-repository';

/**
 * The hot folder (issue 6 item 1): files a scanner or a colleague drops into `inbox/` (or a sub-folder
 * named by a bureau's code, e.g. `inbox/210102/`) become a scan batch of that bureau. A file is taken once
 * its size and modification time held still over two polls (a scanner still writing is left alone). It
 * is stored first, then moved to `processing/` → `processed/` or `failed/`; never deleted. Folders the
 * users added (watched_folders) are polled the same way, each for its bureau.
 */
export type InboxWatcherDeps = {
  dir: string;
  intervalMs?: number;
  logger: Logger;
  /** Bureau for files in the top folder, and for a sub-folder name (a bureau code) → bureau id or null. */
  defaultBureauId: () => number | null;
  bureauByCode: (code: string) => number | null;
  /** Further hot folders the users added (each for one bureau; no bureau sub-folders). */
  extraFolders?: () => Promise<{ dir: string; bureauId: number }[]>;
  /**
   * Store the files as one batch, call `hold` with its id before processing starts; returns the id.
   * `inboxDir` is the hot folder they came from (null for the data folder's inbox/).
   */
  createBatch: (bureauId: number, files: { name: string; bytes: Uint8Array }[], hold: (batchId: number) => Promise<void>, inboxDir: string | null) => Promise<number>;
};

type Candidate = { bureauId: number; file: string; inbox: string };

const RESERVED = new Set(['processing', 'processed', 'failed']);
const ACCEPTED = /\.(jpe?g|png|tiff?|pdf)$/i;

export function createInboxWatcher(d: InboxWatcherDeps) {
  const seen = new Map<string, string>(); // path → "size:mtime" at the last poll
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function listCandidates(): Promise<Candidate[]> {
    const out: Candidate[] = [];
    const top = d.defaultBureauId();
    const entries = await fs.readdir(d.dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isFile() && ACCEPTED.test(e.name) && top !== null) out.push({ bureauId: top, file: path.join(d.dir, e.name), inbox: d.dir });
      if (e.isDirectory() && !RESERVED.has(e.name)) {
        const bureauId = d.bureauByCode(e.name);
        if (bureauId === null) continue;
        for (const f of await fs.readdir(path.join(d.dir, e.name), { withFileTypes: true }).catch(() => [])) {
          if (f.isFile() && ACCEPTED.test(f.name)) out.push({ bureauId, file: path.join(d.dir, e.name, f.name), inbox: d.dir });
        }
      }
    }
    // A folder that is gone (an unplugged drive, a share offline) is skipped until it is back.
    for (const extra of (await d.extraFolders?.()) ?? []) {
      for (const f of await fs.readdir(extra.dir, { withFileTypes: true }).catch(() => [])) {
        if (f.isFile() && ACCEPTED.test(f.name)) out.push({ bureauId: extra.bureauId, file: path.join(extra.dir, f.name), inbox: extra.dir });
      }
    }
    return out;
  }

  /** One poll: files unchanged since the previous poll are taken, grouped per bureau into one batch. */
  async function poll(): Promise<number[]> {
    // One batch per (hot folder, bureau): the files wait in that folder's processing/.
    const ready = new Map<string, { bureauId: number; inbox: string; files: string[] }>();
    const current = new Set<string>();
    for (const { bureauId, file, inbox } of await listCandidates()) {
      current.add(file);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat) continue;
      const sig = `${stat.size}:${stat.mtimeMs}`;
      if (seen.get(file) === sig && stat.size > 0) {
        const key = `${bureauId}\u0000${inbox}`;
        const group = ready.get(key) ?? { bureauId, inbox, files: [] };
        group.files.push(file);
        ready.set(key, group);
      } else seen.set(file, sig);
    }
    for (const file of seen.keys()) if (!current.has(file)) seen.delete(file);
    const batches: number[] = [];
    for (const { bureauId, inbox, files } of ready.values()) {
      const incoming = [];
      for (const file of files.sort()) incoming.push({ name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) });
      const batchId = await d.createBatch(bureauId, incoming, async (id) => {
        await fs.mkdir(path.join(inbox, 'processing'), { recursive: true });
        for (const file of files) {
          seen.delete(file);
          await fs.rename(file, path.join(inbox, 'processing', inboxHeldName(id, path.basename(file)))).catch((error) => d.logger.warn('inbox file not moved', { file, error: String(error) }));
        }
      }, inbox === d.dir ? null : inbox);
      batches.push(batchId);
    }
    return batches;
  }

  return {
    poll,
    start() {
      if (timer) return;
      const tick = () => {
        running ??= poll()
          .then(() => undefined)
          .catch((error) => d.logger.error('inbox poll failed', { error: String(error) }))
          .finally(() => {
            running = null;
          });
      };
      timer = setInterval(tick, d.intervalMs ?? 2000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

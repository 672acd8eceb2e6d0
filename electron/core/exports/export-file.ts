import fs from 'node:fs/promises';
import path from 'node:path';
import type { Envelope } from '../../../shared/contract';

/**
 * A file the user exported (data/exports/), by bare file name only: null for anything that would leave the
 * folder (separators, `..`). Shared by the web host's /exports route and the desktop shell's export reader.
 */
export function exportFilePath(dataDir: string, name: string): string | null {
  const dir = path.join(dataDir, 'exports');
  if (name === '' || name.includes('/') || name.includes('\\') || name.includes('\u0000')) return null;
  const file = path.resolve(dir, name);
  return path.dirname(file) === dir ? file : null;
}

/** The file's bytes as an envelope (NOT_FOUND for a name outside exports/ or a missing file). */
export async function readExport(dataDir: string, name: string): Promise<Envelope<Uint8Array>> {
  const file = exportFilePath(dataDir, name);
  if (file === null) return { ok: false, error: { code: 'NOT_FOUND', details: { fileName: name } } };
  try {
    return { ok: true, value: new Uint8Array(await fs.readFile(file)) };
  } catch {
    return { ok: false, error: { code: 'NOT_FOUND', details: { fileName: name } } };
  }
}

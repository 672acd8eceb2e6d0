import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFilePath, readExport } from '../../electron/core/exports/export-file';
import { tempDir } from '../support/test-context';

describe('exported files by bare name (web host /exports/ and the desktop export-read channel)', () => {
  it('reads a file of data/exports/ and refuses any name that would leave it', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'exports'));
    fs.writeFileSync(path.join(dataDir, 'exports', '专卷-v1.pdf'), '%PDF-1.7 test');
    fs.writeFileSync(path.join(dataDir, 'secret.sqlite'), 'db');
    const read = await readExport(dataDir, '专卷-v1.pdf');
    expect(read.ok && Buffer.from(read.value).toString()).toBe('%PDF-1.7 test');
    for (const bad of ['../secret.sqlite', '..', '', 'sub/x.pdf', '..\\secret.sqlite', 'a\u0000.pdf']) {
      expect(exportFilePath(dataDir, bad), bad).toBeNull();
      expect(await readExport(dataDir, bad)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await readExport(dataDir, 'missing.pdf')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

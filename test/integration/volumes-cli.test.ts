import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { makeTestContext, tempDir } from '../support/test-context';
import { importBytes, pdfInfo, scanJpeg, volumeWithDocuments } from '../support/volume-fixtures';

describe('casebinder volume check|bind|export (plain node CLI)', () => {
  it('checks, binds (legal role with --reason for an incomplete volume) and exports; bad usage exits 2', async () => {
    const t = await makeTestContext();
    const v = await volumeWithDocuments(t);
    expect((await importBytes(t, v.volumeId, 'proof.jpg', await scanJpeg('PROOF'), { docType: 'service_proof', title: '送达回证' })).ok).toBe(true);
    const bureau = t.app.services.bureaus.get(v.inspection.inspectingBureauId);
    await t.createUser('legal1', bureau.divisionCode as string, ['clerk', 'legal']);
    await t.app.close();
    const dd = ['--data-dir', t.dataDir, '--json'];
    const id = String(v.volumeId);

    const check = await cli(['volume', 'check', id, ...dd]);
    expect(check.code, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ volumeId: v.volumeId, complete: false, missing: ['检查结果公示记录'] });

    const refused = await cli(['volume', 'bind', id, ...dd]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'VOLUME_INCOMPLETE' } });
    expect(refused.stderr).toContain('法制审核');

    const bound = await cli(['volume', 'bind', id, '--user', 'legal1', '--reason', '公示截图待补', ...dd]);
    expect(bound.code, bound.stderr).toBe(0);
    const printed = JSON.parse(bound.stdout) as { version: number; pages: number; sha256: string; file: string };
    expect(printed.version).toBe(1);
    expect(createHash('sha256').update(fs.readFileSync(printed.file)).digest('hex')).toBe(printed.sha256);
    expect(Number(pdfInfo(printed.file).Pages)).toBe(printed.pages);

    const out = path.join(tempDir(), '专卷.pdf');
    const exported = await cli(['volume', 'export', id, '--out', out, ...dd]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ version: 1, sha256: printed.sha256, file: out });
    expect(fs.readFileSync(out).equals(fs.readFileSync(printed.file))).toBe(true);

    expect((await cli(['volume', 'export', id, ...dd])).code).toBe(2);
    expect((await cli(['volume', 'shred', id, ...dd])).code).toBe(2);
    const missing = await cli(['volume', 'check', '99999', ...dd]);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);
});

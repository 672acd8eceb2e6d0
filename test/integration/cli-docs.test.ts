import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvePlan, drawWorld, runDraw } from '../support/draw-fixtures';
import { makeTestContext, tempDir } from '../support/test-context';
import { cli } from '../support/cli';



describe('casebinder docs render (plain node CLI)', () => {
  it('renders a numbered notice and an unnumbered register to the given files; bad usage exits 2', async () => {
    const t = await makeTestContext();
    const world = await drawWorld(t, { targets: 20, task: { ratios: { defaultBp: 2000, overrides: {} } } });
    await approvePlan(t, world);
    const { draw } = await runDraw(t, world.task.id, '7c'.repeat(32));
    const [first] = (await t.admin.call('draws.selections', { drawId: draw.id, pageSize: 10 })).items;
    const short = t.app.services.bureaus.get(world.bureauId).shortName;
    await t.app.close();
    const dir = tempDir();
    const dd = ['--data-dir', t.dataDir, '--json'];

    const notice = await cli(['docs', 'render', 'notice', '--inspection', String(first!.inspectionId), '--out', path.join(dir, 'notice.pdf'), ...dd]);
    expect(notice.code, notice.stderr).toBe(0);
    const printed = JSON.parse(notice.stdout) as { documentId: number; docNo: string; file: string; pages: number };
    expect(printed).toMatchObject({ docNo: `${short}检告〔2026〕1号`, file: path.join(dir, 'notice.pdf') });
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(printed.file).subarray(0, 5).toString()).toBe('%PDF-');

    const register = JSON.parse((await cli(['docs', 'render', 'register', '--inspection', String(first!.inspectionId), '--out', path.join(dir, 'register.pdf'), ...dd])).stdout) as { docNo: string | null; file: string };
    expect(register.docNo).toBeNull();
    expect(fs.existsSync(register.file)).toBe(true);

    expect((await cli(['docs', 'render', 'letter', '--inspection', '1', '--out', path.join(dir, 'x.pdf'), ...dd])).code).toBe(2);
    const missing = await cli(['docs', 'render', 'notice', '--inspection', '99999', '--out', path.join(dir, 'x.pdf'), ...dd]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvePlan, drawWorld } from '../support/draw-fixtures';
import { makeTestContext, tempDir } from '../support/test-context';
import { cli } from '../support/cli';

const SEED = '5e'.repeat(32);


describe('casebinder draw (plain node CLI)', () => {
  it('runs, verifies, exports, and a third party replays; a tampered population file is caught', async () => {
    const t = await makeTestContext();
    const world = await drawWorld(t, { targets: 40 });
    await approvePlan(t, world);
    await t.app.close();
    const dd = ['--data-dir', t.dataDir, '--json'];

    const drawn = await cli(['draw', 'run', '--task', String(world.task.id), '--seed', SEED, '--witness', '王监督', ...dd]);
    expect(drawn.code, drawn.stderr).toBe(0);
    const result = JSON.parse(drawn.stdout) as { drawId: number; seed: string; populationDigest: string; populationSize: number; selected: { targetId: number; code: string; inspectors: { name: string; certNo: string }[] }[] };
    expect(result).toMatchObject({ seed: SEED, populationSize: 40 });
    expect(result.populationDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(result.selected.length).toBeGreaterThan(0);
    for (const s of result.selected) expect(s.inspectors.map((i) => i.certNo)).toHaveLength(2);

    const verified = await cli(['draw', 'verify', String(result.drawId), ...dd]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });

    const outDir = path.join(tempDir(), 'draw-export');
    const exported = JSON.parse((await cli(['draw', 'export', String(result.drawId), '--out', outDir, ...dd])).stdout) as Record<string, string>;
    for (const file of Object.values(exported)) expect(fs.existsSync(file)).toBe(true);

    const replay = await cli(['draw', 'replay', '--record', exported.record!, '--population', exported.population!, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ ok: true, drawId: result.drawId });

    // Drop one target from the population: the digest no longer matches, exit code 1.
    const lines = fs.readFileSync(exported.population!, 'utf8').split('\n');
    fs.writeFileSync(exported.population!, [lines[0], ...lines.slice(2)].join('\n'));
    const tampered = await cli(['draw', 'replay', '--record', exported.record!, '--population', exported.population!, '--json']);
    expect(tampered.code).toBe(1);
    const checks = (JSON.parse(tampered.stdout) as { checks: { check: string; ok: boolean }[] }).checks;
    expect(checks.find((c) => c.check === 'population_digest')?.ok).toBe(false);

    // A corrupt record file gets a coded message.
    fs.writeFileSync(exported.record!, '{"format":');
    const corrupt = await cli(['draw', 'replay', '--record', exported.record!, '--population', exported.population!, '--json']);
    expect(corrupt.code).toBe(1);
    expect(JSON.parse(corrupt.stdout)).toMatchObject({ ok: false, error: { code: 'DRAW_RECORD_INVALID' } });
    expect(corrupt.stderr).toContain('摇号记录文件格式不正确');
  }, 120_000);
});

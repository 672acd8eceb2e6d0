// Random draw at city scale: a stratified 5 % draw from N targets (default 1,000,000) with inspector
// matching, then verification. Prints each phase, the draw "including the DB read", and peak RSS.
// Usage: npm run bench -- draw   (TARGETS=1000000 INSPECTORS=300 RATIO_BP=500)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drawTargets, matchInspectors, seedFromHex } from '../shared/domain/draws';
import { CREDIT_CLASSES, RISK_LEVELS } from '../shared/domain/targets';
import { completeUscc } from '../shared/domain/uscc';
import { createAppContext } from '../electron/core/app-context';
import { loadTaskContext, readMatchingInputs, readPopulation, selectedTargets } from '../electron/core/draws/draw-population';
import { nodeDrawCrypto } from '../electron/core/draws/node-draw-crypto';
import { createHeadlessPlatform } from '../electron/host/headless-platform';

const N = Number(process.env.TARGETS ?? 1_000_000);
const INSPECTORS = Number(process.env.INSPECTORS ?? 300);
const RATIO_BP = Number(process.env.RATIO_BP ?? 500);
const SEED = '7b'.repeat(32);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

async function call<T>(app: Awaited<ReturnType<typeof createAppContext>>, token: string | null, method: string, input: unknown): Promise<T> {
  const res = await app.dispatch({ method, input, sessionToken: token });
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${JSON.stringify(res.error.details).slice(0, 300)}`);
  return res.value as T;
}

/** Fixture only (not what is measured): targets straight into SQLite, FTS triggers off while loading. */
async function loadTargets(app: Awaited<ReturnType<typeof createAppContext>>, bureauIds: number[]) {
  const now = new Date().toISOString();
  await app.db.write(async (tx) => {
    const triggers = await tx.all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'targets'`);
    for (const t of triggers) await tx.run(`DROP TRIGGER ${t.name}`);
    for (let start = 0; start < N; start += 20_000) {
      const rows: unknown[][] = [];
      for (let i = start; i < Math.min(N, start + 20_000); i++) {
        // Skewed like a real directory: most targets low risk / good credit, a few high risk / D.
        const risk = RISK_LEVELS[[0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4][i % 11]!]!;
        const credit = CREDIT_CLASSES[[0, 0, 0, 1, 1, 1, 2, 3][i % 8]!]!;
        rows.push([completeUscc(`91210100${String(i).padStart(8, '0')}`), `沈阳示例第${i}号有限公司`, bureauIds[i % bureauIds.length], i % 97 === 0 ? null : risk, i % 89 === 0 ? null : credit, i % 50 === 0 ? 'deregistered' : 'active']);
      }
      await tx.run(
        `INSERT INTO targets (kind, credit_code, name, territorial_bureau_id, risk_level, credit_class, reg_status, created_at, updated_at)
         SELECT 'for_profit', value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, ?, ? FROM json_each(?)`,
        [now, now, JSON.stringify(rows)],
      );
    }
    for (const t of triggers) await tx.run(t.sql);
  });
}

async function main() {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cb-bench-draw-')), 'data');
  const app = await createAppContext({ dataDir, resourcesDir: path.resolve(__dirname, '../../resources'), platform: createHeadlessPlatform(), create: true, resumeJobs: false });
  const admin = await app.ensureInitialised();
  const city = app.services.bureaus.city()!;
  let t = performance.now();
  await loadTargets(app, app.services.bureaus.list().map((b) => b.id));
  console.log(`fixture: ${N} targets loaded in ${ms(t)} (not part of the figures)`);

  const login = await app.dispatch({ method: 'auth.login', input: { login: 'admin', password: admin.oneTimePassword } });
  const token = login.ok ? (login.value as { sessionToken: string }).sessionToken : null;
  for (let i = 0; i < INSPECTORS; i++) {
    await call(app, token, 'inspectors.create', { bureauId: city.id, name: `检查员${i}`, certNo: `21010020${String(i).padStart(6, '0')}`, certValidFrom: '2024-01-01', certValidTo: '2030-12-31' });
  }
  const item = await call<{ id: number }>(app, token, 'items.create', { bureauId: city.id, level: 'city', businessLine: '综合', seq: 1, category: '企业公示信息检查', name: '企业公示信息抽查', itemClass: 'general', methods: ['written'] });
  const plan = await call<{ id: number }>(app, token, 'plans.create', { bureauId: city.id, year: 2026, businessLine: '综合', title: '全市2026年度企业公示信息抽查计划' });
  const task = await call<{ id: number }>(app, token, 'tasks.create', { planId: plan.id, name: '不定向抽查', executingBureauId: city.id, itemIds: [item.id], ratios: { defaultBp: RATIO_BP, overrides: {} }, windowFrom: '2026-05-01', windowTo: '2026-10-31' });
  const legal = await call<{ initialPassword: string }>(app, token, 'users.create', { login: 'legal', displayName: '法制', bureauId: city.id, roles: ['legal'] });
  const legalLogin = await app.dispatch({ method: 'auth.login', input: { login: 'legal', password: legal.initialPassword } });
  const legalToken = legalLogin.ok ? (legalLogin.value as { sessionToken: string }).sessionToken : null;
  await call(app, token, 'plans.submit', { id: plan.id });
  await call(app, legalToken, 'plans.review', { id: plan.id, decision: 'approve', note: null });

  // 1. The pure path, phase by phase: what "the draw including the DB read" costs.
  const ctx = await loadTaskContext(app.db, task.id);
  const t0 = performance.now();
  t = performance.now();
  const { entries, exclusions } = await readPopulation(app.db, ctx, app.services.bureaus);
  const readMs = performance.now() - t;
  t = performance.now();
  const drawn = drawTargets(nodeDrawCrypto, seedFromHex(SEED), entries, ctx.ratios);
  const drawMs = performance.now() - t;
  t = performance.now();
  const targets = await selectedTargets(app.db, drawn.selected.map((s) => s.targetId));
  const inputs = await readMatchingInputs(app.db, ctx, app.services.bureaus, drawn.selected, targets);
  const matchReadMs = performance.now() - t;
  const m = ctx.matching;
  const matched = matchInspectors(nodeDrawCrypto, seedFromHex(SEED), inputs.targets, inputs.candidates, inputs.experts, { teamSize: m.teamSize, maxPerInspector: m.maxPerInspector, requiredSkills: m.requiredSkills, matchRegion: m.matchRegion, avoidLastPair: m.avoidLastPair, expertsPerTarget: m.expertsPerTarget, expertFields: m.expertFields, window: { from: '2026-05-01', to: '2026-10-31' } });
  const matchMs = performance.now() - t;
  console.log(`population read + sort (DB): ${readMs.toFixed(0)} ms — ${entries.length} in scope, ${exclusions.length} excluded`);
  console.log(`draw (digests + stratified Fisher–Yates): ${drawMs.toFixed(0)} ms — ${drawn.selected.length} selected in ${drawn.strata.length} strata`);
  console.log(`inspector matching (${INSPECTORS} inspectors): ${matchMs.toFixed(0)} ms, of which reading targets, pool, recusals and last teams ${matchReadMs.toFixed(0)} ms — ${matched.ok ? 'all staffed' : 'infeasible'}`);
  console.log(`=> draw including the DB read: ${(performance.now() - t0).toFixed(0)} ms (target ≤ 3000 ms)`);

  // 2. The whole job as the UI runs it: commit → run (record, PDF, selections, inspections, volumes).
  const draw = await call<{ id: number }>(app, token, 'draws.commit', { taskId: task.id, seedHex: SEED, witness: '基准测试' });
  const phases: [string, number][] = [];
  const unsubscribe = app.events.subscribe((e) => {
    if (e.type === 'job.progress' && phases.at(-1)?.[0] !== e.phase) phases.push([e.phase, performance.now()]);
  });
  t = performance.now();
  await call(app, token, 'draws.run', { id: draw.id });
  await app.services.jobs.idle();
  const jobMs = performance.now() - t;
  unsubscribe();
  const done = await call<{ status: string; selectedCount: number }>(app, token, 'draws.get', { id: draw.id });
  console.log(`draws.run job: ${jobMs.toFixed(0)} ms total, status ${done.status}, ${done.selectedCount} selected; phases: ${phases.map(([p, at], i) => `${p} ${((phases[i + 1]?.[1] ?? t + jobMs) - at).toFixed(0)} ms`).join(', ')}`);

  // 3. Verification from the stored record and population list.
  t = performance.now();
  const verified = await call<{ ok: boolean; seconds: number }>(app, token, 'draws.verify', { id: draw.id });
  console.log(`draws.verify: ${ms(t)} (ok=${verified.ok}; replay itself ${(verified.seconds * 1000).toFixed(0)} ms) (target ≤ 3000 ms)`);
  clearInterval(sampler);
  console.log(`peak RSS ${(peakRss / 1e6).toFixed(0)} MB; database ${(fs.statSync(path.join(dataDir, 'casebinder.sqlite')).size / 1e6).toFixed(0)} MB`);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import fs from 'node:fs';
import path from 'node:path';
import type { DrawDto, DrawSelectionDto, DrawVerifyDto } from '../../shared/contract';
import { DrawRecord, parsePopulationCsv, replayDraw } from '../../shared/domain/draws';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';
import { nodeDrawCrypto } from '../core/draws/node-draw-crypto';

type Result = { code: number; json: unknown; text: string };

async function dispatchAs<T>(app: AppContext, login: string, method: string, input: unknown): Promise<T> {
  const session = await app.services.auth.sessionForLogin(login);
  const res = await app.dispatch({ method, input }, session);
  if (!res.ok) throw new AppError(res.error.code, res.error.details);
  return res.value as T;
}

/** `casebinder draw run --task ID [--seed HEX] [--witness NAME]`: commit, run the job, print the result. */
export async function drawRunCommand(app: AppContext, o: { task: number; seed?: string; witness?: string; user: string }): Promise<Result> {
  const committed = await dispatchAs<DrawDto>(app, o.user, 'draws.commit', { taskId: o.task, ...(o.seed ? { seedHex: o.seed } : {}), witness: o.witness ?? null });
  await dispatchAs(app, o.user, 'draws.run', { id: committed.id });
  await app.services.jobs.idle();
  const draw = await dispatchAs<DrawDto>(app, o.user, 'draws.get', { id: committed.id });
  if (draw.status !== 'completed') throw new AppError((draw.errorCode ?? 'INTERNAL') as AppError['code'], { drawId: draw.id, ...(draw.errorDetails ?? {}) });
  const selected: DrawSelectionDto[] = [];
  for (let page = 1; selected.length < (draw.selectedCount ?? 0); page++) {
    const chunk = await dispatchAs<{ items: DrawSelectionDto[] }>(app, o.user, 'draws.selections', { drawId: draw.id, page, pageSize: 500 });
    if (chunk.items.length === 0) break;
    selected.push(...chunk.items);
  }
  const json = {
    drawId: draw.id,
    seed: draw.seedHex,
    seedCommitment: draw.seedCommitment,
    populationDigest: draw.populationDigest,
    populationSize: draw.populationSize,
    selected: selected.map((s) => ({ seq: s.seq, targetId: s.targetId, code: s.code, name: s.name, stratum: s.stratum, inspectors: s.inspectors, experts: s.experts })),
  };
  const text = [
    `摇号完成：记录 #${draw.id}，检查对象库 ${draw.populationSize} 户，抽中 ${selected.length} 户`,
    `种子 ${draw.seedHex}（承诺值 ${draw.seedCommitment}）`,
    `检查对象库摘要 ${draw.populationDigest}`,
    ...selected.slice(0, 50).map((s) => `  ${s.seq}. ${s.code} ${s.name} — ${s.inspectors.map((i) => `${i.name}（${i.certNo ?? '无证号'}）`).join('、')}`),
    selected.length > 50 ? `  …（共 ${selected.length} 户）` : '',
  ].filter(Boolean).join('\n');
  return { code: 0, json, text };
}

const checkText = (v: { checks: { check: string; ok: boolean }[] }) => v.checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.check}`).join('\n');

export async function drawVerifyCommand(app: AppContext, o: { id: number; user: string }): Promise<Result> {
  const v = await dispatchAs<DrawVerifyDto>(app, o.user, 'draws.verify', { id: o.id });
  return { code: v.ok ? 0 : 1, json: v, text: `${v.ok ? '复算一致' : '复算不一致'}（${v.seconds.toFixed(2)} s）\n${checkText(v)}` };
}

export async function drawExportCommand(app: AppContext, o: { id: number; out: string; user: string }): Promise<Result> {
  const session = await app.services.auth.sessionForLogin(o.user);
  const dir = path.resolve(o.out);
  const canSee = (bureauId: number) => app.services.bureaus.within(bureauId, session.bureauId);
  const names = await app.services.draws.exportFiles(o.id, (b) => {
    if (!canSee(b)) throw new AppError('FORBIDDEN', { bureauId: b });
  }, dir);
  const files = Object.fromEntries(Object.entries(names).map(([k, v]) => [k, path.join(dir, v)]));
  return { code: 0, json: files, text: `已导出到 ${dir}：\n${Object.values(files).map((f) => '  ' + f).join('\n')}` };
}

/** `casebinder draw replay --record FILE.json --population FILE.csv`: a third party's check, no data folder needed. */
export function drawReplayCommand(o: { record: string; population: string }): Result {
  let record: DrawRecord;
  try {
    const parsed = DrawRecord.safeParse(JSON.parse(fs.readFileSync(o.record, 'utf8')));
    if (!parsed.success) throw new AppError('DRAW_RECORD_INVALID', { issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });
    record = parsed.data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DRAW_RECORD_INVALID', { message: String((error as Error).message) });
  }
  const population = parsePopulationCsv(fs.readFileSync(o.population, 'utf8'));
  if (!population.ok) throw new AppError('DRAW_POPULATION_FILE_INVALID', { line: population.line, problem: population.problem });
  const started = performance.now();
  const result = replayDraw(nodeDrawCrypto, record, population.entries);
  const seconds = (performance.now() - started) / 1000;
  return { code: result.ok ? 0 : 1, json: { ...result, drawId: record.drawId, seconds }, text: `${result.ok ? '复算一致' : '复算不一致'}（${seconds.toFixed(2)} s）\n${checkText(result)}` };
}

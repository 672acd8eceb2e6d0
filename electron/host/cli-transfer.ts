import path from 'node:path';
import type { MethodName, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';

export const TRANSFER_USAGE = `transfer export VOLUME_ID… --to 区划代码 --out DIR | transfer import DIR [--receipt FILE] | transfer receipt import FILE
         | transfer key export [--out FILE] [--bureau 区划代码] | transfer key trust FILE | transfer list   [--user LOGIN]`;

type CliOptions = { json: boolean; values: Record<string, string | boolean | undefined>; positionals: string[]; open: () => Promise<AppContext> };
type Result = { code: number; json: unknown; text: string };

/** Calls through dispatch as LOGIN (roles and bureau scope as in the UI); a job is run to its end. */
export function dispatcher(app: AppContext, login: string) {
  const sessionP = app.services.auth.sessionForLogin(login);
  const call = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const res = await app.dispatch({ method, input }, await sessionP);
    if (!res.ok) throw new AppError(res.error.code, res.error.details);
    return res.value as MethodOutput<M>;
  };
  const runJob = async (method: MethodName, input: unknown): Promise<unknown> => {
    const { jobId } = (await call(method, input)) as { jobId: number };
    await app.services.jobs.idle();
    const job = await call('jobs.get', { id: jobId });
    if (job.state !== 'succeeded') throw new AppError(job.errorCode ?? 'INTERNAL', job.errorDetails ?? { state: job.state });
    return job.result;
  };
  return { call, runJob };
}

async function run(app: AppContext, sub: string, o: CliOptions): Promise<Result | null> {
  const args = o.positionals.slice(2);
  const v = o.values;
  const { call, runJob } = dispatcher(app, String(v.user ?? 'admin'));
  const bureauId = (code: unknown) => app.services.bureaus.list().find((b) => b.divisionCode === String(code) || String(b.id) === String(code))?.id;
  if (sub === 'export') {
    const ids = args.map(Number);
    const to = bureauId(v.to);
    if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 1) || !v.out) return null;
    if (to === undefined) throw new AppError('BUREAU_NOT_FOUND', { bureau: v.to ?? null });
    const r = (await runJob('transfers.export', { volumeIds: ids, toBureauId: to, outDir: path.resolve(String(v.out)) })) as { packageId: string; dir: string; files: number; bytes: number; keyId: string };
    return { code: 0, json: r, text: `已生成移交包 ${r.packageId}（${ids.length} 卷，${r.files} 个文件，${r.bytes} 字节）：${r.dir}\n签名密钥编号：${r.keyId}` };
  }
  if (sub === 'import') {
    if (args.length !== 1) return null;
    const r = (await runJob('transfers.import', { dir: path.resolve(args[0] as string), ...(v.receipt ? { receiptOut: path.resolve(String(v.receipt)) } : {}) })) as { packageId: string; volumes: { originVolumeId: number; volumeId: number; title: string }[]; receiptFile: string };
    return { code: 0, json: r, text: [`已接收移交包 ${r.packageId}：`, ...r.volumes.map((x) => `  ${x.title}（对方卷号 ${x.originVolumeId} → 本单位卷号 ${x.volumeId}）`), `回执：${r.receiptFile}（请交回移交单位）`].join('\n') };
  }
  if (sub === 'receipt' && args[0] === 'import' && args.length === 2) {
    const r = await call('transfers.importReceipt', { file: path.resolve(args[1] as string) });
    return { code: 0, json: r, text: `移交 ${r.packageId} 已收到 ${r.to.name} 的回执，已办结（${r.closedAt}）` };
  }
  if (sub === 'key' && args[0] === 'export' && args.length === 1) {
    const r = await call('transfers.exportKey', { ...(v.bureau ? { bureauId: bureauId(v.bureau) ?? -1 } : {}), ...(v.out ? { out: path.resolve(String(v.out)) } : {}) });
    return { code: 0, json: r, text: `${r.key.bureau.name} 的移交签名公钥：${r.file}\n密钥编号（请接收单位核对）：${r.key.keyId}` };
  }
  if (sub === 'key' && args[0] === 'trust' && args.length === 2) {
    const r = await call('transfers.trustKey', { file: path.resolve(args[1] as string) });
    return { code: 0, json: r, text: `已信任 ${r.bureauName}（${r.bureauCode}）的公钥，密钥编号 ${r.keyId}` };
  }
  if (sub === 'list' && args.length === 0) {
    const r = await call('transfers.list', {});
    return { code: 0, json: r, text: r.map((t) => `${t.direction === 'outgoing' ? '移出' : '接收'} ${t.packageId} ${t.from.name} → ${t.to.name} ${t.volumes.length} 卷 ${t.closed ? '已办结' : '待回执'}`).join('\n') || '（无移交记录）' };
  }
  return null;
}

/** `casebinder transfer …`: null result = bad usage (exit 2). */
export async function transferCommand(sub: string | undefined, o: CliOptions): Promise<number> {
  if (!sub || !['export', 'import', 'receipt', 'key', 'list'].includes(sub)) return usage();
  const app = await o.open();
  try {
    const r = await run(app, sub, o);
    if (!r) return usage();
    process.stdout.write((o.json ? JSON.stringify(r.json) : r.text) + '\n');
    return r.code;
  } finally {
    await app.close();
  }
}

function usage(): number {
  process.stderr.write(`用法：casebinder ${TRANSFER_USAGE}\n`);
  return 2;
}

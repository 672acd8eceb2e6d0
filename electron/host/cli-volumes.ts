import path from 'node:path';
import type { MethodName, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';

type Result = { code: number; json: unknown; text: string };

export const VOLUME_USAGE = 'volume bind|check|export VOLUME_ID [--out FILE.pdf] [--version N] [--public] [--reason 理由] [--page-numbers top-right|bottom-right|bottom-center|outer-top] [--user LOGIN]';

type Options = { id: number; out?: string; version?: number; public?: boolean; reason?: string; pageNumbers?: string; user: string };

/**
 * `casebinder volume bind|check|export VOLUME_ID`: through dispatch as LOGIN (roles and bureau scope as in
 * the UI). bind runs the binding job to its end and writes the new version to exports/; check exits 1
 * when something is missing (--page-numbers: where the page numbers go, §3.4); export writes a bound version (default the latest) to --out; with --public
 * the public copy (公开版), built first when none follows the latest version and the marks as they are now.
 */
export async function volumeCommand(app: AppContext, sub: 'bind' | 'check' | 'export', o: Options): Promise<Result> {
  const session = await app.services.auth.sessionForLogin(o.user);
  const call = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const res = await app.dispatch({ method, input }, session);
    if (!res.ok) throw new AppError(res.error.code, res.error.details);
    return res.value as MethodOutput<M>;
  };
  const access = (ids: readonly number[]) => {
    if (!ids.some((id) => app.services.bureaus.within(id, session.bureauId))) throw new AppError('FORBIDDEN', { bureauIds: ids });
  };
  if (sub === 'check') {
    const { complete, checklist } = await call('volumes.check', { id: o.id });
    const missing = checklist.filter((i) => i.status === 'missing').map((i) => i.label);
    const text = checklist.map((i) => `${i.status === 'ok' ? '✓' : '✗'} ${i.label}${i.note ? `（${i.note}）` : ''}`).join('\n') + `\n${complete ? '材料齐全' : `缺少：${missing.join('、')}`}`;
    return { code: complete ? 0 : 1, json: { volumeId: o.id, complete, checklist, missing }, text };
  }
  if (sub === 'bind') {
    const { jobId } = await call('volumes.bind', { id: o.id, ...(o.reason ? { incompleteReason: o.reason } : {}), ...(o.pageNumbers ? { pageNumbers: o.pageNumbers } : {}) });
    await app.services.jobs.idle();
    const job = await call('jobs.get', { id: jobId });
    if (job.state !== 'succeeded') throw new AppError(job.errorCode ?? 'INTERNAL', job.errorDetails ?? { state: job.state });
    const result = job.result as { version: number; pages: number; sha256: string };
    const { file } = await app.services.volumes.exportFile({ id: o.id, version: result.version }, access, o.out ? path.resolve(o.out) : undefined);
    return { code: 0, json: { version: result.version, pages: result.pages, sha256: result.sha256, file }, text: `已装订第 ${result.version} 版，共 ${result.pages} 页，SHA-256 ${result.sha256}：${file}` };
  }
  if (!o.out) throw new AppError('INVALID_INPUT', { issues: [{ path: ['out'], message: '请用 --out 指定输出文件' }] });
  if (o.public) {
    if (o.version === undefined && !(await call('volumes.get', { id: o.id })).publicCurrent) {
      const { jobId } = await call('volumes.bindPublic', { id: o.id });
      await app.services.jobs.idle();
      const job = await call('jobs.get', { id: jobId });
      if (job.state !== 'succeeded') throw new AppError(job.errorCode ?? 'INVALID_INPUT', job.errorDetails ?? { state: job.state });
    }
    const { file, version, sha256 } = await app.services.volumes.exportFile({ id: o.id, public: true, ...(o.version ? { version: o.version } : {}) }, access, path.resolve(o.out));
    return { code: 0, json: { public: true, version, sha256, file }, text: `已导出公开版第 ${version} 版：${file}` };
  }
  const { file, version, sha256 } = await app.services.volumes.exportFile({ id: o.id, ...(o.version ? { version: o.version } : {}) }, access, path.resolve(o.out));
  return { code: 0, json: { version, sha256, file }, text: `已导出第 ${version} 版：${file}` };
}

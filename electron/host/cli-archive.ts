import type { MethodName, MethodOutput } from '../../shared/contract';
import { FIXITY_CODE_LABELS, FIXITY_PROPERTY_LABELS } from '../../shared/domain/archives/archives';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';

type Result = { code: number; json: unknown; text: string };

export const ARCHIVE_USAGE = 'archive verify [--volume VOLUME_ID] [--user LOGIN] [--json]';

/**
 * `casebinder archive verify [--volume ID]`: the four-property check (四性检测) through dispatch as LOGIN
 * (default admin), run to its end; prints {"ok", "checked", "failures"} and exits 1 when something failed.
 * Returns null for bad usage.
 */
export async function archiveCommand(sub: string | undefined, values: Record<string, string | boolean | undefined>, open: () => Promise<AppContext>): Promise<Result | null> {
  const volume = values.volume === undefined ? undefined : Number(values.volume);
  if (sub !== 'verify' || (volume !== undefined && (!Number.isInteger(volume) || volume < 1))) return null;
  const app = await open();
  try {
    const session = await app.services.auth.sessionForLogin(String(values.user ?? 'admin'));
    const call = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
      const res = await app.dispatch({ method, input }, session);
      if (!res.ok) throw new AppError(res.error.code, res.error.details);
      return res.value as MethodOutput<M>;
    };
    const { jobId, runId } = await call('archives.verify', volume === undefined ? {} : { volumeId: volume });
    await app.services.jobs.idle();
    const job = await call('jobs.get', { id: jobId });
    if (job.state !== 'succeeded') throw new AppError(job.errorCode ?? 'INTERNAL', job.errorDetails ?? { state: job.state });
    const run = await call('archives.fixityRun', { id: runId });
    const ok = run.ok === true;
    const lines = run.failures.map((f) => `  ✗ ${f.volumeId === null ? '' : `卷 ${f.volumeId} `}[${FIXITY_PROPERTY_LABELS[f.property]}] ${FIXITY_CODE_LABELS[f.code]}（${f.item}）：${f.detail}`);
    const text = ok ? `四性检测通过：${run.checked} 卷，${run.pages} 页。` : [`四性检测发现 ${run.failures.length} 处问题（${run.checked} 卷，${run.pages} 页）：`, ...lines].join('\n');
    return { code: ok ? 0 : 1, json: { ok, checked: run.checked, pages: run.pages, runId: run.id, failures: run.failures }, text };
  } finally {
    await app.close();
  }
}

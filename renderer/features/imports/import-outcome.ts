import { ImportResult } from '../../../shared/contract/imports';
import type { JobDto } from '../../../shared/contract/jobs';
import type { ErrorCode } from '../../../shared/errors/codes';

/** What a finished import job means: counts (also for an all-or-nothing rejection) and a failure, if any. */
export type ImportOutcome = {
  result: ImportResult | null;
  failure: ErrorCode | null;
  /** IMPORT_HEADER_MISSING: the template labels the file lacks. */
  missing: string[];
  cancelled: boolean;
};

export function importOutcome(job: JobDto): ImportOutcome {
  const details = job.errorDetails ?? {};
  const raw = job.state === 'succeeded' ? job.result : details.result;
  const parsed = raw === undefined || raw === null ? null : ImportResult.safeParse(raw);
  const missing = Array.isArray(details.missing) ? details.missing.filter((m): m is string => typeof m === 'string') : [];
  return {
    result: parsed?.success ? parsed.data : null,
    failure: job.state === 'failed' ? (job.errorCode ?? 'INTERNAL') : null,
    missing,
    cancelled: job.state === 'cancelled',
  };
}

import type { ImportResult } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { JobService } from '../jobs/job-service';
import type { Handlers } from '../rpc/call-context';
import type { ImportJobInput, ImportService } from './import-service';
import { templateFile } from './import-files';
import type { StagedFiles } from './staged-files';

type Deps = { imports: ImportService; staged: StagedFiles; jobs: JobService };
type ImportHandlers = Pick<Handlers, 'imports.stageFile' | 'imports.columns' | 'imports.preview' | 'imports.start' | 'imports.errorReport' | 'imports.template'>;

const TEMPLATE_NAMES = { targets: '检查对象名录导入模板', inspectors: '执法检查人员名录导入模板', items: '随机抽查事项清单导入模板' } as const;

export function buildImportHandlers({ imports, staged, jobs }: Deps): ImportHandlers {
  return {
    'imports.stageFile': async (input, call) => staged.stagePath(input.path, call.requireSession().userId),
    'imports.columns': async (input, call) => {
      const s = call.requireSession();
      const kind = await imports.kindFor({ directory: input.directory, bureauId: s.bureauId, userId: s.userId, login: s.login });
      return kind.columns.map((c) => ({ ...c, aliases: [...c.aliases] }));
    },
    'imports.preview': async (input, call) => {
      const s = call.requireSession();
      return imports.preview(input, { bureauId: s.bureauId, userId: s.userId, login: s.login });
    },
    'imports.start': async (input, call) => {
      const s = call.requireSession();
      const bureauId = input.bureauId ?? s.bureauId;
      call.assertBureau(bureauId);
      await staged.get(input.stagedId); // fail now, not in the job, when the file is gone
      const jobInput: ImportJobInput = { stagedId: input.stagedId, directory: input.directory, mode: input.mode, encoding: input.encoding, sheet: input.sheet, bureauId, userId: s.userId, login: s.login };
      return { jobId: (await jobs.start('imports.run', jobInput, s.userId)).id };
    },
    'imports.errorReport': async (input) => {
      const job = await jobs.get(input.jobId);
      if (job.kind !== 'imports.run') throw new AppError('JOB_NOT_FOUND', { id: input.jobId });
      const result = (job.result ?? (job.errorDetails as { result?: ImportResult } | null)?.result ?? null) as ImportResult | null;
      return imports.errorReport(result);
    },
    'imports.template': async (input, call) => {
      const s = call.requireSession();
      const kind = await imports.kindFor({ directory: input.directory, bureauId: s.bureauId, userId: s.userId, login: s.login });
      const bytes = await templateFile(kind.columns, kind.templateRows, input.format);
      return { fileName: `${TEMPLATE_NAMES[input.directory]}.${input.format}`, base64: bytes.toString('base64') };
    },
  };
}

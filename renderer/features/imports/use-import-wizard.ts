import { useState } from 'react';
import type { StagedFileDto } from '../../../shared/contract/imports';
import { useRpc, useRpcMutation, useStageFile } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { isJobActive } from '../jobs/job-labels';
import { useJob } from '../jobs/use-job';
import type { Directory, Encoding, Mode } from './import-labels';

export type WizardStep = 'file' | 'preview' | 'run' | 'result';
export type ImportOptions = { encoding: Encoding; sheet?: string; bureauId: number; mode: Mode };

/**
 * The import wizard's state: ① a staged file and the options, ② its preview (re-read whenever the
 * encoding or sheet changes), ③ the running job, ④ its result. The result step follows the job by itself.
 */
export function useImportWizard(directory: Directory) {
  const user = useCurrentUser();
  const [step, setStep] = useState<Exclude<WizardStep, 'result'>>('file');
  const [file, setFile] = useState<StagedFileDto | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ encoding: 'auto', bureauId: user.bureauId, mode: 'skip-bad' });
  const [jobId, setJobId] = useState<number | null>(null);
  const stage = useStageFile();
  const start = useRpcMutation('imports.start');
  const job = useJob(jobId);
  const preview = useRpc(
    'imports.preview',
    { stagedId: file?.id ?? '', directory, encoding: options.encoding, sheet: options.sheet },
    { enabled: file !== null, staleTime: Infinity, retry: false },
  );

  const finished = job.data !== undefined && !isJobActive(job.data);
  const current: WizardStep = step === 'run' && finished ? 'result' : step;

  return {
    step: current,
    file,
    options,
    preview,
    stage,
    start,
    job,
    /** Stage a newly picked file (replacing the previous one) and start over with its sheet. */
    pick: (picked: File) => {
      setFile(null);
      setOptions((o) => ({ ...o, sheet: undefined }));
      stage.mutate(picked, { onSuccess: (staged) => setFile(staged) });
    },
    setOptions: (patch: Partial<ImportOptions>) => setOptions((o) => ({ ...o, ...patch })),
    goTo: (next: 'file' | 'preview') => setStep(next),
    run: () => {
      if (!file) return;
      start.mutate(
        { stagedId: file.id, directory, mode: options.mode, encoding: options.encoding, sheet: options.sheet, bureauId: options.bureauId },
        {
          onSuccess: ({ jobId: id }) => {
            setJobId(id);
            setStep('run');
          },
        },
      );
    },
    reset: () => {
      setStep('file');
      setFile(null);
      setJobId(null);
      stage.reset();
      start.reset();
      setOptions({ encoding: 'auto', bureauId: user.bureauId, mode: 'skip-bad' });
    },
  };
}

export type ImportWizardState = ReturnType<typeof useImportWizard>;

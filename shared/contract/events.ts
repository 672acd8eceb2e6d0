import { z } from 'zod';
import { JOB_KINDS, JOB_STATES } from './jobs';

/** Events pushed from the backend (Electron: webContents.send; web host: SSE). */
export const JobProgressEvent = z.object({
  type: z.literal('job.progress'),
  jobId: z.number().int(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export const EntityChangedEvent = z.object({ type: z.literal('entity.changed'), entity: z.string(), id: z.string() });
export const AppEvent = z.discriminatedUnion('type', [JobProgressEvent, EntityChangedEvent]);
export type AppEvent = z.infer<typeof AppEvent>;

import { z } from 'zod';
import { method } from './method';

export const systemMethods = {
  'system.info': method({
    summary: '版本、数据文件夹和计数',
    access: 'any',
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      counts: z.object({ bureaus: z.number().int(), users: z.number().int(), targets: z.number().int(), auditEvents: z.number().int() }),
    }),
  }),
};

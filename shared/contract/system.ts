import { z } from 'zod';
import { method } from './method';

export const systemMethods = {
  'system.revealExport': method({
    summary: '在文件管理器中显示导出的文件（桌面版；Web 版通过 GET /exports/<文件名> 下载）',
    access: 'any',
    input: z.strictObject({ fileName: z.string().min(1).max(255).regex(/^[^/\\]+$/) }),
    output: z.object({ path: z.string() }),
  }),
  'system.pickFolder': method({
    summary: '用系统对话框选择文件夹（桌面版；Web 版没有系统对话框，返回 null，请输入路径）',
    access: 'any',
    input: z.strictObject({ title: z.string().min(1).max(60) }),
    output: z.object({ path: z.string().nullable() }),
  }),
  'system.info': method({
    summary: '版本、数据文件夹和计数',
    access: 'any',
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      /** The desktop shell offers native dialogs (system.pickFolder); the web host does not. */
      nativeDialogs: z.boolean(),
      counts: z.object({ bureaus: z.number().int(), users: z.number().int(), targets: z.number().int(), auditEvents: z.number().int() }),
    }),
  }),
};

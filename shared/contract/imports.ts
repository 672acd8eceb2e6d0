import { z } from 'zod';
import { ERROR_CODES } from '../errors/codes';
import { Id } from './common';
import { method } from './method';

export const IMPORT_DIRECTORIES = ['targets', 'inspectors', 'items'] as const;
export const ImportDirectory = z.enum(IMPORT_DIRECTORIES);
export const ImportMode = z.enum(['skip-bad', 'all-or-nothing']);
export const ImportEncoding = z.enum(['auto', 'utf8', 'gb18030']);

export const StagedFileDto = z.object({ id: z.string(), name: z.string(), size: z.number().int(), sha256: z.string(), format: z.enum(['csv', 'xlsx']) });
export type StagedFileDto = z.infer<typeof StagedFileDto>;

export const RowIssueDto = z.object({ line: z.number().int(), column: z.string().nullable(), code: z.enum(ERROR_CODES), message: z.string() });

export const ImportResult = z.object({
  directory: ImportDirectory,
  fileName: z.string(),
  mode: ImportMode,
  encoding: z.string(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** The first 1,000 problems; the full list is in the error report. */
  errors: z.array(RowIssueDto),
  reportSha256: z.string().nullable(),
  durationMs: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportColumnDto = z.object({ key: z.string(), label: z.string(), aliases: z.array(z.string()), required: z.boolean(), hint: z.string().optional() });

const stagedRef = { stagedId: z.string().regex(/^[0-9a-f-]{36}$/), directory: ImportDirectory, encoding: ImportEncoding.default('auto'), sheet: z.string().max(100).optional() };

export const importsMethods = {
  'imports.stageFile': method({
    summary: '把本机文件复制到数据文件夹，准备导入（桌面版与命令行；Web 版用 POST /upload）',
    access: ['admin', 'clerk'],
    mutates: true,
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: StagedFileDto,
  }),
  'imports.columns': method({ summary: '某个名录的导入列（模板列名与可识别的别名）', access: 'any', input: z.strictObject({ directory: ImportDirectory }), output: z.array(ImportColumnDto) }),
  'imports.preview': method({
    summary: '预览待导入文件：编码、工作表、表头与列映射、前 20 行',
    access: ['admin', 'clerk'],
    input: z.strictObject(stagedRef),
    output: z.object({
      format: z.enum(['csv', 'xlsx']),
      encoding: z.string(),
      sheets: z.array(z.string()).nullable(),
      headers: z.array(z.string()),
      mapping: z.array(z.object({ header: z.string(), key: z.string().nullable(), label: z.string().nullable() })),
      missing: z.array(z.string()),
      /** File headers ignored because an earlier column already fills the same directory column. */
      repeated: z.array(z.string()),
      rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
    }),
  }),
  'imports.start': method({
    summary: '开始导入（后台任务）：默认跳过错误行，可选“全部成功才导入”',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ ...stagedRef, mode: ImportMode.default('skip-bad'), bureauId: Id.optional() }),
    output: z.object({ jobId: Id }),
  }),
  'imports.errorReport': method({
    summary: '导入错误报告（CSV，带 BOM，可用 Excel 打开）',
    access: ['admin', 'clerk'],
    input: z.strictObject({ jobId: Id }),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'imports.template': method({
    summary: '下载导入模板（CSV 或 XLSX）',
    access: 'any',
    input: z.strictObject({ directory: ImportDirectory, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
};

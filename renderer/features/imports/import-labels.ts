import type { z } from 'zod';
import type { ImportDirectory, ImportEncoding, ImportMode } from '../../../shared/contract/imports';

export type Directory = z.infer<typeof ImportDirectory>;
export type Encoding = z.infer<typeof ImportEncoding>;
export type Mode = z.infer<typeof ImportMode>;

export const DIRECTORY_LABELS = {
  targets: '检查对象名录',
  items: '检查事项清单',
  inspectors: '执法检查人员名录',
} as const satisfies Record<Directory, string>;

/** What the chosen bureau means for each directory's rows. */
export const BUREAU_HINTS = {
  targets: '“属地”列为空的行归入此单位；只能导入本单位及下级单位的检查对象。',
  items: '导入的清单属于此单位；“层级”列为空时为该单位本级。',
  inspectors: '以“所属单位”列为准；只能导入本单位及下级单位的人员。',
} as const satisfies Record<Directory, string>;

export const ENCODING_LABELS = {
  auto: '自动识别',
  utf8: 'UTF-8',
  gb18030: 'GB18030（GBK）',
} as const satisfies Record<Encoding, string>;

export const MODE_LABELS = {
  'skip-bad': '跳过错误行（默认）',
  'all-or-nothing': '全部成功才导入',
} as const satisfies Record<Mode, string>;

export const MODE_HINTS = {
  'skip-bad': '正确的行照常导入，错误行列在结果中，可下载错误报告修改后再导入。',
  'all-or-nothing': '只要有一行错误，本次不导入任何数据。',
} as const satisfies Record<Mode, string>;

/** The encoding the backend detected or used: utf8, gb18030, or xlsx for workbooks. */
export function detectedEncodingLabel(encoding: string): string {
  switch (encoding) {
    case 'utf8':
      return 'UTF-8';
    case 'gb18030':
      return 'GB18030（GBK）';
    case 'xlsx':
      return 'XLSX 工作簿（无需编码）';
    default:
      return encoding;
  }
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

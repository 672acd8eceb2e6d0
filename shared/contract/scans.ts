import { z } from 'zod';
import { SCAN_DOCUMENT_STATUSES, SCAN_PAGE_STATUSES, SCAN_SOURCES } from '../domain/scans/scans';
import { VOLUME_DOC_TYPES } from '../domain/volumes/volumes';
import { ERROR_CODES } from '../errors/codes';
import { Id, pageOf } from './common';
import { method } from './method';

/** Who scans and files paper records: clerks, admins, and inspectors bringing back signed forms. */
export const SCAN_EDITORS = ['admin', 'clerk', 'inspector'] as const;

const text = (max: number) => z.string().trim().max(max);
const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
const StagedId = z.string().regex(/^[0-9a-f-]{36}$/);

/** A SANE device name (e.g. `epson2:libusb:001:004`, `escl:https://…`): printable, no leading dash. */
const ScannerDeviceId = z.string().min(1).max(300).regex(/^[^-\s][^\s]*$/, '扫描仪名称无效');
const ScannerValue = z.string().trim().min(1).max(100).regex(/^[^-]/, '扫描参数无效');

export const ScannerDeviceDto = z.object({ id: z.string(), label: z.string(), type: z.string() });
export type ScannerDeviceDto = z.infer<typeof ScannerDeviceDto>;

export const ScannerOptionsDto = z.object({
  modes: z.array(z.string()),
  mode: z.string().nullable(),
  resolutions: z.array(z.number().int()),
  resolutionRange: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  resolution: z.number().int().nullable(),
  sources: z.array(z.string()),
  source: z.string().nullable(),
  feederSources: z.array(z.string()),
});
export type ScannerOptionsDto = z.infer<typeof ScannerOptionsDto>;

/** What the 'scans.acquire' job returns. */
export const ScanAcquireResultDto = z.object({ batchId: Id.nullable(), processJobId: Id.nullable(), pages: z.number().int(), interrupted: z.enum(ERROR_CODES).nullable() });
export type ScanAcquireResultDto = z.infer<typeof ScanAcquireResultDto>;

/** A hot folder beyond the data folder's inbox/ (e.g. where a networked scanner saves). */
export const WatchedFolderDto = z.object({ id: Id, path: z.string(), bureauId: Id, bureauName: z.string(), label: z.string().nullable(), enabled: z.boolean(), createdAt: z.string(), version: z.number().int() });
export type WatchedFolderDto = z.infer<typeof WatchedFolderDto>;

export const ScanFileDto = z.object({
  id: Id,
  seq: z.number().int(),
  originalName: z.string(),
  mediaType: z.string().nullable(),
  status: z.enum(['pending', 'split', 'failed']),
  pageCount: z.number().int().nullable(),
  errorCode: z.enum(ERROR_CODES).nullable(),
  errorMessage: z.string().nullable(),
});
export type ScanFileDto = z.infer<typeof ScanFileDto>;

export const ScanPageSummaryDto = z.object({
  id: Id,
  seq: z.number().int(),
  fileId: Id,
  filePage: z.number().int(),
  documentId: Id.nullable(),
  status: z.enum(SCAN_PAGE_STATUSES),
  rotation: Rotation,
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  meanConfidence: z.number().nullable(),
  /** Below the review threshold: someone should look at the text. */
  flagged: z.boolean(),
  textSource: z.enum(['ocr', 'pdf']).nullable(),
  textVersion: z.number().int().nullable(),
  errorCode: z.enum(ERROR_CODES).nullable(),
});
export type ScanPageSummaryDto = z.infer<typeof ScanPageSummaryDto>;

export const ScanDocumentDto = z.object({
  id: Id,
  batchId: Id,
  bureauId: Id,
  volumeId: Id.nullable(),
  volumeTitle: z.string().nullable(),
  targetName: z.string().nullable(),
  docType: z.enum(VOLUME_DOC_TYPES),
  title: z.string().nullable(),
  status: z.enum(SCAN_DOCUMENT_STATUSES),
  entryId: Id.nullable(),
  pages: z.array(ScanPageSummaryDto),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ScanDocumentDto = z.infer<typeof ScanDocumentDto>;

export const ScanBatchSummaryDto = z.object({
  id: Id,
  bureauId: Id,
  source: z.enum(SCAN_SOURCES),
  label: z.string().nullable(),
  volumeId: Id.nullable(),
  jobId: Id.nullable(),
  files: z.number().int(),
  failedFiles: z.number().int(),
  pages: z.number().int(),
  donePages: z.number().int(),
  failedPages: z.number().int(),
  flaggedPages: z.number().int(),
  createdAt: z.string(),
});
export type ScanBatchSummaryDto = z.infer<typeof ScanBatchSummaryDto>;

export const ScanBatchDto = ScanBatchSummaryDto.extend({ fileList: z.array(ScanFileDto), documents: z.array(ScanDocumentDto), unassignedPages: z.array(ScanPageSummaryDto) });
export type ScanBatchDto = z.infer<typeof ScanBatchDto>;

const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export const ScanWordDto = z.object({ text: z.string(), confidence: z.number(), bbox: Box });
export const ScanLineDto = z.object({ text: z.string(), confidence: z.number().nullable(), bbox: Box, words: z.array(ScanWordDto) });

export const ScanTextVersionDto = z.object({ version: z.number().int(), source: z.enum(['ocr', 'pdf', 'correction']), createdBy: Id.nullable(), createdByName: z.string().nullable(), createdAt: z.string(), confidence: z.number().nullable() });

export const ScanPageDto = ScanPageSummaryDto.extend({
  batchId: Id,
  /** The upright page the layout's boxes refer to (OCR's frame). */
  layoutWidth: z.number().nullable(),
  layoutHeight: z.number().nullable(),
  /** OCR's lines and words with confidences (the viewer highlights low-confidence words). */
  lines: z.array(ScanLineDto),
  /** The current text (the latest version: a correction when there is one). */
  text: z.string(),
  versions: z.array(ScanTextVersionDto),
  separator: z.object({ volumeId: Id, docType: z.enum(VOLUME_DOC_TYPES), title: z.string().nullable() }).nullable(),
  skew: z.number().nullable(),
});
export type ScanPageDto = z.infer<typeof ScanPageDto>;

export const ScanSearchHitDto = z.object({
  pageId: Id,
  documentId: Id.nullable(),
  batchId: Id,
  volumeId: Id.nullable(),
  volumeTitle: z.string().nullable(),
  targetName: z.string().nullable(),
  docType: z.enum(VOLUME_DOC_TYPES).nullable(),
  documentTitle: z.string().nullable(),
  /** Page number within its document (1-based), or within its batch while unassigned. */
  pageNo: z.number().int(),
  /** A stretch of the text around the match; matches are wrapped in 【 】. */
  snippet: z.string(),
  createdAt: z.string(),
});
export type ScanSearchHitDto = z.infer<typeof ScanSearchHitDto>;

export const scansMethods = {
  'scans.createBatch': method({
    summary: '导入扫描件：把已暂存的 JPEG / PNG / TIFF / PDF 文件作为一个批次，后台拆页、识别方向、纠偏、OCR，按分隔页拆分归档',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      bureauId: Id.optional(),
      stagedIds: z.array(StagedId).min(1, '请选择要导入的文件').max(500),
      source: z.enum(['upload', 'scanner', 'camera']).default('upload'),
      volumeId: Id.optional(),
      docType: z.enum(VOLUME_DOC_TYPES).optional(),
      label: text(100).optional(),
    }),
    output: z.object({ batchId: Id, jobId: Id }),
  }),
  'scans.batches': method({
    summary: '扫描批次列表（本单位）：文件数、页数、识别进度、待复核页数',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional(), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(30) }),
    output: pageOf(ScanBatchSummaryDto),
  }),
  'scans.batch': method({
    summary: '扫描批次详情：各文件的处理结果（失败原因）、拆分出的文件与页面',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: ScanBatchDto,
  }),
  'scans.inbox': method({
    summary: '收件箱：尚未归入专卷的扫描文件（含页面缩略信息）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional() }),
    output: z.array(ScanDocumentDto),
  }),
  'scans.page': method({
    summary: '页面详情：识别文字（含逐字置信度与位置）、文字版本历史、方向与纠偏',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: ScanPageDto,
  }),
  'scans.pageImage': method({
    summary: '页面图像（已转正）：缩略图或查看用的较大图像，JPEG data URL',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id, size: z.enum(['thumb', 'view']).default('thumb') }),
    output: z.object({ dataUrl: z.string(), width: z.number().int(), height: z.number().int() }),
  }),
  'scans.correctText': method({
    summary: '校对识别文字：保存为新的文字版本（OCR 原文保留），检索使用校对后的文字',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ pageId: Id, baseVersion: z.number().int().min(1), text: z.string().max(100_000) }),
    output: ScanPageDto,
  }),
  'scans.rotatePage': method({
    summary: '手动旋转页面（方向识别有误时），并重新识别文字',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ pageId: Id, rotation: Rotation }),
    output: z.object({ jobId: Id }),
  }),
  'scans.updateDocument': method({
    summary: '收件箱文件：指定所属专卷、文件类型、题名',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int(), volumeId: Id.nullable(), docType: z.enum(VOLUME_DOC_TYPES), title: text(300).nullable() }),
    output: ScanDocumentDto,
  }),
  'scans.splitDocument': method({
    summary: '从某一页起把收件箱文件拆成两份',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int(), atPageId: Id }),
    output: z.array(ScanDocumentDto),
  }),
  'scans.mergeDocuments': method({
    summary: '把若干收件箱文件按给定顺序合并为一份（第一份保留）',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ ids: z.array(Id).min(2).max(100) }),
    output: ScanDocumentDto,
  }),
  'scans.fileDocument': method({
    summary: '归档：把收件箱文件生成可检索 PDF（原图 + 隐藏文字层）归入所选专卷',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int() }),
    output: ScanDocumentDto,
  }),
  'scans.search': method({
    summary: '全文检索：页面文字与专卷 / 对象 / 文件著录信息，按单位范围、年度、文件类型筛选',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({
      q: text(100).min(1, '请输入检索词'),
      bureauId: Id.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      docType: z.enum(VOLUME_DOC_TYPES).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ hits: z.array(ScanSearchHitDto), total: z.number().int(), truncated: z.boolean() }),
  }),
  'scans.separatorSheet': method({
    summary: '打印条码分隔页：二维码标明专卷与文件类型，混合扫描时据此自动拆分',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ volumeId: Id, docType: z.enum(VOLUME_DOC_TYPES), title: text(300).nullable().default(null) }),
    output: z.object({ fileName: z.string() }),
  }),
  'scans.scanners': method({
    summary: '列出本机可用的扫描仪（SANE scanimage；未安装时为空）',
    access: SCAN_EDITORS,
    input: z.strictObject({}),
    output: z.array(ScannerDeviceDto),
  }),
  'scans.scannerOptions': method({
    summary: '扫描仪支持的分辨率、色彩模式和纸张来源（平板 / 自动进纸器）',
    access: SCAN_EDITORS,
    input: z.strictObject({ device: ScannerDeviceId }),
    output: ScannerOptionsDto,
  }),
  'scans.acquire': method({
    summary: '用扫描仪扫描（后台任务）：平板一页或进纸器中的全部页面，作为一个批次进入识别流程；卡纸时已扫描的页面保留',
    access: SCAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      bureauId: Id.optional(),
      device: ScannerDeviceId,
      dpi: z.number().int().min(50).max(1200).optional(),
      mode: ScannerValue.optional(),
      source: ScannerValue.optional(),
      feeder: z.boolean().default(false),
      volumeId: Id.optional(),
      docType: z.enum(VOLUME_DOC_TYPES).optional(),
    }),
    output: z.object({ jobId: Id }),
  }),
  'scans.folders': method({
    summary: '监视文件夹：除数据文件夹的 inbox 外，自动导入的文件夹（如网络扫描仪的保存位置）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional() }),
    output: z.array(WatchedFolderDto),
  }),
  'scans.addFolder': method({
    summary: '添加监视文件夹：其中的扫描件自动导入为所选单位的批次，处理后移入该文件夹的 processed / failed 子文件夹',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ path: z.string().trim().min(2, '请填写文件夹的完整路径').max(1000), bureauId: Id.optional(), label: text(100).nullable().default(null) }),
    output: WatchedFolderDto,
  }),
  'scans.setFolderEnabled': method({
    summary: '启用或停用监视文件夹（停用后不再自动导入；记录保留）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, version: z.number().int(), enabled: z.boolean() }),
    output: WatchedFolderDto,
  }),
} as const;

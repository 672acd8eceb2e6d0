import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { PUBLICATION_PLATFORMS, PUBLISHERS } from '../domain/inspections/inspections';
import { Id } from './common';
import { method } from './method';

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

/* ---------- publication (公示) ---------- */

/** One row per target and item, the fields of domain-reference §8.1. */
export const PublicationRowDto = z.object({
  inspectionId: Id,
  /** 检查实施机关 */
  bureauName: z.string(),
  /** 抽查类型: 定向 / 不定向 */
  drawType: z.string(),
  planNo: z.string(),
  planTitle: z.string(),
  taskNo: z.string(),
  taskTitle: z.string(),
  targetName: z.string(),
  targetCode: z.string(),
  itemName: z.string(),
  itemResult: z.string(),
  /** 抽查完成日期 */
  completedOn: z.string(),
  /** overall 结果 */
  result: z.string(),
  remark: z.string(),
});
export type PublicationRowDto = z.infer<typeof PublicationRowDto>;

const PublishRange = z.strictObject({
  bureauId: Id,
  /** Results formed (reviewed) within [from, to]. */
  from: isoDate,
  to: isoDate,
  /** Also list results already published (re-export). */
  includePublished: z.boolean().default(false),
  /** Only these inspections; asking for one whose result is marked 不予公开 is refused (PUBLISH_NON_PUBLIC). */
  inspectionIds: z.array(Id).max(10000).optional(),
});

export const publishMethods = {
  'publish.preview': method({
    summary: '待公示的检查结果（仅已复核、仅本单位实施的检查），及因涉及国家秘密、商业秘密、个人隐私不予公示的条数',
    access: PUBLISHERS,
    scope: 'bureau',
    input: PublishRange,
    output: z.object({ rows: z.array(PublicationRowDto), inspectionIds: z.array(Id), withheld: z.number().int(), remarksWithheld: z.number().int() }),
  }),
  'publish.export': method({
    summary: '导出公示文件（CSV 或 XLSX，每个对象每个事项一行），写入 exports/',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    input: PublishRange.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
    output: z.object({ fileName: z.string(), rows: z.number().int(), inspections: z.number().int(), withheld: z.number().int() }),
  }),
  'publish.mark': method({
    summary: '登记已公示（公示日期、平台）；谁检查谁公示：只能公示本单位实施的检查',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      inspectionIds: z.array(Id).min(1).max(10000),
      publishedOn: isoDate,
      platforms: z.array(z.enum(PUBLICATION_PLATFORMS)).min(1, '请选择公示平台'),
    }),
    output: z.object({ published: z.number().int() }),
  }),
};


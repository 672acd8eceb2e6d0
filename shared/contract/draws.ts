import { z } from 'zod';
import { PLAN_EDITORS } from '../domain/plans/plans';
import { Id, pageOf } from './common';
import { method } from './method';

export const DRAW_STATUSES = ['committed', 'running', 'completed', 'failed', 'abandoned'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];
export const DRAW_STATUS_LABELS = {
  committed: '已公布种子承诺',
  running: '摇号中',
  completed: '已完成',
  failed: '未完成',
  abandoned: '已作废',
} as const satisfies Record<DrawStatus, string>;

export const DrawDto = z.object({
  id: Id,
  taskId: Id,
  status: z.enum(DRAW_STATUSES),
  seedSource: z.enum(['csprng', 'supplied']),
  /** SHA-256 of the seed: shown before the draw. */
  seedCommitment: z.string(),
  /** The seed itself: only once the draw is completed (or abandoned). */
  seedHex: z.string().nullable(),
  seedNote: z.string().nullable(),
  witness: z.string().nullable(),
  committedBy: Id.nullable(),
  committedAt: z.string(),
  jobId: Id.nullable(),
  drawnAt: z.string().nullable(),
  recordSha256: z.string().nullable(),
  populationDigest: z.string().nullable(),
  populationSize: z.number().int().nullable(),
  selectedCount: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  errorDetails: z.record(z.string(), z.unknown()).nullable(),
});
export type DrawDto = z.infer<typeof DrawDto>;

export const DrawMemberDto = z.object({ id: Id, name: z.string(), certNo: z.string().nullable() });
export const DrawSelectionDto = z.object({
  seq: z.number().int(),
  targetId: Id,
  code: z.string(),
  name: z.string(),
  stratum: z.string(),
  inspectors: z.array(DrawMemberDto),
  experts: z.array(DrawMemberDto),
  inspectionId: Id.nullable(),
  volumeId: Id.nullable(),
});
export type DrawSelectionDto = z.infer<typeof DrawSelectionDto>;

export const DrawVerifyDto = z.object({
  ok: z.boolean(),
  drawId: Id,
  recordSha256Ok: z.boolean(),
  checks: z.array(z.object({ check: z.string(), ok: z.boolean(), expected: z.string().optional(), actual: z.string().optional() })),
  seconds: z.number(),
});
export type DrawVerifyDto = z.infer<typeof DrawVerifyDto>;

const hex64 = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, '种子应为 64 位十六进制（32 字节）')
  .transform((s) => s.toLowerCase());

export const drawsMethods = {
  'draws.commit': method({
    summary: '摇号前公布种子承诺（SHA-256）；种子可由系统安全随机生成，或使用外部公开数（如彩票开奖号）',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      taskId: Id,
      seedHex: hex64.optional(),
      /** A public number (e.g. a lottery result); the seed is SHA-256 of its UTF-8 text. */
      seedText: z.string().trim().min(1).max(200).optional(),
      witness: z.string().trim().max(100).nullable().default(null),
    }),
    output: DrawDto,
  }),
  'draws.run': method({
    summary: '执行摇号与人员匹配（后台任务），完成后生成摇号记录、检查任务与专卷',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: z.object({ jobId: Id }),
  }),
  'draws.abandon': method({
    summary: '作废尚未执行的摇号（公开种子，记录原因）',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, reason: z.string().trim().min(1, '请填写作废原因').max(500) }),
    output: DrawDto,
  }),
  'draws.list': method({ summary: '任务的摇号记录', access: 'any', scope: 'bureau', input: z.strictObject({ taskId: Id }), output: z.array(DrawDto) }),
  'draws.get': method({ summary: '摇号详情', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: DrawDto }),
  'draws.selections': method({
    summary: '抽中名单及匹配的执法检查人员（分页）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ drawId: Id, page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }),
    output: pageOf(DrawSelectionDto),
  }),
  'draws.verify': method({
    summary: '按摇号记录与检查对象库清单复算，核对结果是否一致',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: DrawVerifyDto,
  }),
  'draws.exportFiles': method({
    summary: '导出摇号记录 PDF、记录 JSON 与检查对象库清单 CSV（供第三方复算），写入 exports/',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: z.object({ pdf: z.string(), record: z.string(), population: z.string(), exclusions: z.string(), algorithm: z.string() }),
  }),
};

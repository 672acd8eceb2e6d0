import { z } from 'zod';
import { ERROR_CODES } from '../errors/codes';
import { Id } from './common';
import { method } from './method';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JOB_KINDS = ['audit.verify', 'imports.run', 'targets.tagBulk', 'targets.export', 'items.export', 'inspectors.export', 'draws.run', 'volumes.bind', 'volumes.bindPublic', 'scans.process', 'scans.acquire', 'archives.verify', 'archives.archivedFile', 'backup.run', 'backup.verify', 'backup.restore', 'transfers.export', 'transfers.import'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JobDto = z.object({
  id: Id,
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  errorCode: z.enum(ERROR_CODES).nullable(),
  errorDetails: z.record(z.string(), z.unknown()).nullable(),
  result: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobDto = z.infer<typeof JobDto>;

export const AuditVerifyReport = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  /** First problems found, each with the event sequence number or the entity. */
  problems: z.array(z.object({ kind: z.enum(['hash', 'link', 'sequence', 'entity']), seq: z.number().int().nullable(), entity: z.string().nullable(), detail: z.string() })),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;

export const AuditEventDto = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  hash: z.string(),
});

export const jobsMethods = {
  'jobs.list': method({ summary: '本人发起的及最近的任务', access: 'any', input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }), output: z.array(JobDto) }),
  'jobs.get': method({ summary: '任务详情', access: 'any', input: z.strictObject({ id: Id }), output: JobDto }),
  'jobs.cancel': method({ summary: '取消任务', access: 'any', mutates: true, input: z.strictObject({ id: Id }), output: JobDto }),
  'audit.verify': method({
    summary: '校验审计日志哈希链及各记录与最后审计状态是否一致（后台任务）',
    access: ['admin', 'legal'],
    mutates: true,
    input: z.strictObject({}),
    output: z.object({ jobId: Id }),
  }),
  'audit.list': method({
    summary: '审计日志（最新在前）',
    access: ['admin', 'legal'],
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100), beforeSeq: z.number().int().optional() }),
    output: z.array(AuditEventDto),
  }),
};

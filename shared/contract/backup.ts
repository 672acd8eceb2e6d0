import { z } from 'zod';
import { Id } from './common';
import { method } from './method';

/** Who backs up and checks backups: admins and clerks (档案员, 四性检测 security: backup present). Restoring is for admins. */
export const BACKUP_ROLES = ['admin', 'clerk'] as const;
export const RESTORE_ROLES = ['admin'] as const;

const LocalPath = z.string().trim().min(1).max(1000);

export const BackupResultDto = z.object({
  dir: z.string(),
  id: z.string(),
  createdAt: z.string(),
  databaseSha256: z.string(),
  blobs: z.number().int(),
  /** Blobs copied this time; the others were already in the backup folder (same content hash). */
  copied: z.number().int(),
  reused: z.number().int(),
  bytesCopied: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

export const BackupVerifyDto = z.object({
  dir: z.string(),
  id: z.string(),
  createdAt: z.string(),
  ok: z.boolean(),
  files: z.number().int(),
  bytes: z.number().int(),
  problems: z.array(z.object({ path: z.string(), problem: z.string() })),
});

export const RestoreResultDto = z.object({
  dataDir: z.string(),
  backupId: z.string(),
  createdAt: z.string(),
  files: z.number().int(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  auditOk: z.boolean(),
  auditEvents: z.number().int(),
});

export const backupMethods = {
  'backup.run': method({
    summary: '备份数据文件夹到指定文件夹或移动硬盘：数据库在线备份、文件按内容哈希增量复制、最后写入备份清单（后台任务，结果见任务详情）',
    access: BACKUP_ROLES,
    mutates: true,
    input: z.strictObject({ dir: LocalPath }),
    output: z.object({ jobId: Id }),
  }),
  'backup.verify': method({
    summary: '校验备份：逐个核对备份清单中每个文件的 SHA-256（后台任务）',
    access: BACKUP_ROLES,
    mutates: true,
    input: z.strictObject({ dir: LocalPath }),
    output: z.object({ jobId: Id }),
  }),
  'backup.restore': method({
    summary: '把备份恢复到一个新的空文件夹：先校验全部哈希（损坏的备份不恢复），再复制、打开（必要时升级数据库）并校验审计链（后台任务）',
    access: RESTORE_ROLES,
    mutates: true,
    input: z.strictObject({ dir: LocalPath, dataDir: LocalPath }),
    output: z.object({ jobId: Id }),
  }),
};

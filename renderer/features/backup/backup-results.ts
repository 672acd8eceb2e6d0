import type { JobDto } from '../../../shared/contract/jobs';

export type BackupRun = { dir: string; id: string; createdAt: string; blobs: number; copied: number; reused: number; bytesCopied: number };
export type BackupCheck = { dir: string; id: string; createdAt: string; ok: boolean; files: number; bytes: number; problems: { path: string; problem: string }[] };
export type Restored = { dataDir: string; backupId: string; files: number; schemaVersion: number; auditOk: boolean; auditEvents: number };

export const BACKUP_KINDS = ['backup.run', 'backup.verify', 'backup.restore'] as const satisfies readonly JobDto['kind'][];
export const isBackupJob = (j: JobDto) => (BACKUP_KINDS as readonly string[]).includes(j.kind);

const record = (r: unknown): Record<string, unknown> | null => (r && typeof r === 'object' ? (r as Record<string, unknown>) : null);

/** One line about a finished backup job's result, in Chinese. */
export function backupResultText(job: JobDto): string {
  const r = record(job.result);
  if (!r) return '—';
  switch (job.kind) {
    case 'backup.run': {
      const b = r as unknown as BackupRun;
      return `${b.dir} · ${b.blobs} 个文件（新复制 ${b.copied}，沿用 ${b.reused}）`;
    }
    case 'backup.verify': {
      const c = r as unknown as BackupCheck;
      return `${c.dir} · ${c.ok ? '完好' : `${c.problems.length} 处问题`}（${c.files} 个文件）`;
    }
    case 'backup.restore': {
      const x = r as unknown as Restored;
      return `恢复到 ${x.dataDir} · ${x.files} 个文件 · 审计链${x.auditOk ? '完整' : '有问题'}`;
    }
    default:
      return '—';
  }
}

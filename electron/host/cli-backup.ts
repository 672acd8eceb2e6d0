import path from 'node:path';
import { restoreBackup } from '../core/backup/backup-service';
import type { AppContext } from '../core/app-context';
import { dispatcher } from './cli-transfer';

export const BACKUP_USAGE = 'backup --out DIR [--user LOGIN] | backup verify DIR | restore DIR --data-dir NEW';

/** `open(dataDir)` opens a restored folder as the app does at start (jobs resumed); `open()` the --data-dir folder. */
type CliOptions = { json: boolean; dataDir: string; values: Record<string, string | boolean | undefined>; positionals: string[]; open: (dataDir?: string) => Promise<AppContext> };

const print = (o: CliOptions, json: unknown, text: string) => process.stdout.write((o.json ? JSON.stringify(json) : text) + '\n');

/**
 * `casebinder backup --out DIR` (the backup job through dispatch, as LOGIN), `backup verify DIR` (every hash
 * in the manifest; exit 1 when damaged) and `restore DIR --data-dir NEW` (no running data folder: the
 * backup is verified, copied into the empty NEW, opened as the app opens a folder — migrations run, startup
 * work done — and its audit chain checked; exit 3 when the chain does not verify).
 */
export async function backupCommand(command: 'backup' | 'restore', o: CliOptions): Promise<number> {
  const [, sub, dir] = o.positionals;
  if (command === 'restore') {
    if (!sub || dir !== undefined || !o.values['data-dir']) return usage();
    const r = await restoreBackup({
      dir: path.resolve(sub),
      dataDir: o.dataDir,
      openFolder: async (dataDir) => {
        const app = await o.open(dataDir);
        return { schemaVersion: () => app.db.schemaVersion(), verifyAudit: () => app.services.audit.verify(async () => undefined), close: () => app.close(), idle: () => app.services.jobs.idle() };
      },
    });
    print(o, r, `已从备份 ${r.backupId}（${r.createdAt}）恢复到 ${r.dataDir}：${r.files} 个文件，数据库版本 ${r.schemaVersion}，审计链${r.auditOk ? '完好' : '校验失败'}（${r.auditEvents} 条事件）`);
    return r.auditOk ? 0 : 3;
  }
  if (sub !== undefined && (sub !== 'verify' || !dir)) return usage();
  if (sub === undefined && !o.values.out) return usage();
  const app = await o.open();
  try {
    const { runJob } = dispatcher(app, String(o.values.user ?? 'admin'));
    if (sub === 'verify') {
      const r = (await runJob('backup.verify', { dir: path.resolve(dir as string) })) as { ok: boolean; files: number; bytes: number; problems: { path: string; problem: string }[]; id: string };
      print(o, r, r.ok ? `备份 ${r.id} 完好：${r.files} 个文件，${r.bytes} 字节，SHA-256 全部一致。` : [`备份 ${r.id} 已损坏（${r.problems.length} 处）：`, ...r.problems.map((p) => `  ${p.problem} ${p.path}`)].join('\n'));
      return r.ok ? 0 : 1;
    }
    const r = (await runJob('backup.run', { dir: path.resolve(String(o.values.out)) })) as { id: string; dir: string; blobs: number; copied: number; reused: number; bytesCopied: number };
    print(o, r, `已备份到 ${r.dir}（${r.id}）：数据库 + ${r.blobs} 个文件，本次复制 ${r.copied} 个（${r.bytesCopied} 字节），${r.reused} 个已在备份中。`);
    return 0;
  } finally {
    await app.close();
  }
}

function usage(): number {
  process.stderr.write(`用法：casebinder ${BACKUP_USAGE}\n`);
  return 2;
}

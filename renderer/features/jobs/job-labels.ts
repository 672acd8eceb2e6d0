import type { JobDto, JobKind } from '../../../shared/contract/jobs';

export const JOB_KIND_LABELS = {
  'audit.verify': '审计链校验',
  'imports.run': '名录导入',
  'targets.tagBulk': '批量分类标注',
  'targets.export': '导出检查对象名录',
  'items.export': '导出检查事项清单',
  'inspectors.export': '导出执法检查人员名录',
  'draws.run': '随机摇号',
  'volumes.bind': '装订专卷',
  'volumes.bindPublic': '生成公开版',
  'scans.process': '扫描识别（OCR）',
  'scans.acquire': '扫描仪扫描',
  'archives.verify': '四性检测',
  'archives.archivedFile': '生成归档文件',
  'backup.run': '备份数据文件夹',
  'backup.verify': '校验备份',
  'backup.restore': '从备份恢复',
  'transfers.export': '生成移交包',
  'transfers.import': '接收移交包',
} as const satisfies Record<JobKind, string>;

export const JOB_STATE_LABELS = {
  queued: '排队中',
  running: '进行中',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
} as const satisfies Record<JobDto['state'], string>;

export const JOB_STATE_COLORS = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
} as const satisfies Record<JobDto['state'], string>;

export function isJobActive(job: Pick<JobDto, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export function jobPercent(job: Pick<JobDto, 'done' | 'total' | 'state'>): number {
  if (job.state === 'succeeded') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((job.done / job.total) * 100));
}

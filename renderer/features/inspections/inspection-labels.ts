import dayjs from 'dayjs';
import type { DeadlineDto } from '../../../shared/contract/inspections';
import type { CorrectionStatus, FollowUpStatus, InspectionStatus } from '../../../shared/domain/inspections/inspections';

export const INSPECTION_STATUS_COLORS = {
  pending: 'default',
  in_progress: 'processing',
  awaiting_entry: 'gold',
  awaiting_review: 'purple',
  reviewed: 'cyan',
  published: 'success',
} as const satisfies Record<InspectionStatus, string>;

export const FOLLOW_UP_COLORS = { none: 'default', open: 'orange', closed: 'green' } as const satisfies Record<FollowUpStatus, string>;

export const CORRECTION_STATUS_COLORS = { open: 'processing', corrected: 'success', not_corrected: 'error', handed_over: 'default' } as const satisfies Record<CorrectionStatus, string>;

export const DEADLINE_KIND_LABELS = {
  entry: '结果录入',
  publication: '结果公示',
  order_publication: '责令改正公示',
  correction: '整改期限',
} as const satisfies Record<DeadlineDto['kind'], string>;

/** The countdown as users say it: 剩 3 个工作日 / 今日到期 / 逾期 2 个工作日 / 已完成. */
export function countdownText(d: DeadlineDto): string {
  if (d.status === 'met') return d.metOn ? `已完成（${d.metOn}）` : '已完成';
  const left = d.workdaysLeft ?? 0;
  if (left < 0) return `逾期 ${-left} 个工作日`;
  if (left === 0) return '今日到期';
  return `剩 ${left} 个工作日`;
}

/** Red once overdue, orange when due soon (the core's 2-working-day warning), green otherwise. */
export function countdownColor(d: DeadlineDto): 'error' | 'warning' | 'success' | 'default' {
  switch (d.status) {
    case 'overdue':
      return 'error';
    case 'due_soon':
      return 'warning';
    case 'ok':
      return 'success';
    case 'met':
      return 'default';
  }
}

export const CALENDAR_WARNING = '该期间所在年度未载入节假日安排，按周一至周五计算';

export const dateText = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const dateTimeText = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const todayIso = () => dayjs().format('YYYY-MM-DD');

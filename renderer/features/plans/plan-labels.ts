import dayjs from 'dayjs';
import type { PlanStatus, TaskStatus } from '../../../shared/domain/plans/plans';

export const PLAN_STATUS_COLORS = { draft: 'default', submitted: 'processing', approved: 'cyan', published: 'success' } as const satisfies Record<PlanStatus, string>;
export const TASK_STATUS_COLORS = { open: 'blue', drawn: 'success', merged: 'default', cancelled: 'default' } as const satisfies Record<TaskStatus, string>;

/** The workflow of Art. 12 as steps; a published plan has finished them all. */
export const PLAN_STEPS: { status: PlanStatus; title: string }[] = [
  { status: 'draft', title: '草稿' },
  { status: 'submitted', title: '报送审核' },
  { status: 'approved', title: '审核通过' },
  { status: 'published', title: '已公示' },
];

export const directedText = (directed: boolean) => (directed ? '定向' : '不定向');

/** The plan's published version as users call it: v1, v2 … */
export const versionText = (planVersion: number) => `v${planVersion}`;

export const dateText = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const dateTimeText = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** A task's schedule window: 2026-04-01 至 2026-06-30. */
export const windowText = (from: string, to: string) => `${from} 至 ${to}`;

import { LoadingOutlined } from '@ant-design/icons';
import { Progress, Steps, Typography } from 'antd';
import type { JobDto } from '../../../shared/contract/jobs';
import { jobPercent } from '../jobs/job-labels';
import { DRAW_PHASES, phaseLabel } from './draw-labels';

const STATUS = { queued: 'normal', running: 'active', succeeded: 'success', failed: 'exception', cancelled: 'normal' } as const;

/** ② the draw job: a progress bar and its phases (读取检查对象库 → 随机抽取 → 生成摇号记录 → 保存). */
export function DrawProgress({ job }: { job: JobDto | undefined }) {
  const done = job?.done ?? 0;
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 860 }} data-testid="draw-progress">
      <Typography.Text>
        <LoadingOutlined style={{ marginInlineEnd: 8 }} />
        正在摇号：<span data-testid="draw-phase">{job ? phaseLabel(job.phase) : '准备中'}</span>
      </Typography.Text>
      <Progress percent={job ? jobPercent(job) : 0} status={job ? STATUS[job.state] : 'active'} />
      <Steps size="small" type="dot" current={Math.min(done, DRAW_PHASES.length - 1)} items={DRAW_PHASES.map((p) => ({ title: p.label }))} />
      <Typography.Text type="secondary">摇号在后台进行：离开本页不会中断，回到本页即可看到结果。</Typography.Text>
    </div>
  );
}

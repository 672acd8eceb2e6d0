import { Alert, Breadcrumb, Card, Skeleton, Steps } from 'antd';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { planAllowsDraw } from '../../../shared/domain/plans/plans';
import { failureMessage } from '../../rpc/rpc-failure';
import { hrefOf } from '../../router/navigation';
import { useCurrentUser } from '../auth/session-context';
import { mayRunDraws } from '../plans/plan-permissions';
import { CommitmentPanel } from './CommitmentPanel';
import { DrawFailure } from './DrawFailure';
import { DrawHistory } from './DrawHistory';
import { DrawProgress } from './DrawProgress';
import { DrawResult } from './DrawResult';
import { DrawTaskSummary } from './DrawTaskSummary';
import { SeedCommitForm } from './SeedCommitForm';
import { useTaskDraw, type DrawStage } from './use-task-draw';

const STAGES: { stage: DrawStage; title: string }[] = [
  { stage: 'commit', title: '生成种子承诺' },
  { stage: 'run', title: '开始摇号' },
  { stage: 'result', title: '摇号结果与校验' },
];

/** The draw screen of one task: ① commit to a seed → ② run the draw (a job) → ③ the result, verified and exported. */
export function DrawTaskScreen({ taskId }: { taskId: number }) {
  const user = useCurrentUser();
  const { task, plan, draws, current, job, stage } = useTaskDraw(taskId);
  const error = task.error ?? draws.error;
  if (error) return <Alert type="error" showIcon title={failureMessage(error)} action={<a href={hrefOf('/draws')}>返回任务列表</a>} />;
  if (!task.data || !draws.data) return <Skeleton active />;
  const t = task.data;
  const canRun = mayRunDraws(user.roles);
  const drawable = plan.data ? planAllowsDraw(plan.data.plan.status) && t.status === 'open' : false;
  const index = STAGES.findIndex((s) => s.stage === stage);

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="draw-screen">
      <Breadcrumb items={[{ title: <a href={hrefOf('/draws')}>随机摇号</a> }, { title: `第 ${t.batchNo} 批 · ${t.name}` }]} />
      <DrawTaskSummary task={t} plan={plan.data?.plan} />
      <Card title="摇号" size="small" data-testid="draw-card">
        <Steps
          size="small"
          current={index}
          status={stage === 'result' ? 'finish' : current?.status === 'failed' ? 'error' : 'process'}
          items={STAGES.map((s) => ({ title: s.title }))}
          style={{ maxWidth: 760, marginBottom: 20 }}
        />
        {current?.status === 'failed' ? (
          <div style={{ marginBottom: 16 }}>
            <DrawFailure draw={current} jobDetails={job.data?.errorDetails} />
          </div>
        ) : null}
        {stage === 'commit' && plan.data && !drawable ? <Alert type="warning" showIcon title={MESSAGES_ZH.TASK_NOT_DRAWABLE} /> : null}
        {stage === 'commit' && drawable && canRun ? <SeedCommitForm taskId={t.id} /> : null}
        {stage === 'commit' && drawable && !canRun ? <Alert type="info" showIcon title="尚未开始摇号：种子承诺与摇号由计划编制人员操作。" /> : null}
        {current?.status === 'committed' ? <CommitmentPanel draw={current} canRun={canRun} /> : null}
        {current?.status === 'running' ? <DrawProgress job={job.data} /> : null}
        {current?.status === 'completed' ? <DrawResult draw={current} /> : null}
      </Card>
      <Card title="本任务的摇号记录" size="small">
        <DrawHistory draws={draws.data} canAbandon={canRun} />
      </Card>
    </div>
  );
}

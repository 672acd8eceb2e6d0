import { LoadingOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { JobProgress } from '../jobs/JobProgress';
import type { ImportWizardState } from './use-import-wizard';

/** ③ The import job running; progress comes from job.progress events (and a slow poll). */
export function ImportRunStep({ wizard }: { wizard: ImportWizardState }) {
  const job = wizard.job.data;
  return (
    <div data-testid="import-step-run" style={{ padding: '32px 24px' }}>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Text>
          <LoadingOutlined style={{ marginInlineEnd: 8 }} />
          正在导入「{wizard.file?.name}」…
          {job && job.total > 0 ? `已处理 ${job.done} / ${job.total} 行` : null}
        </Typography.Text>
        {job ? <JobProgress job={job} /> : null}
        <Typography.Text type="secondary">导入在后台进行：关闭此窗口不会中断，可在右上角的“后台任务”中查看进度。</Typography.Text>
      </Space>
    </div>
  );
}

import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { JobDto } from '../../../shared/contract/jobs';
import { useRpc } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { JOB_STATE_COLORS, JOB_STATE_LABELS, isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { FixityRunView } from './FixityRunView';
import { FixityStartButton } from './FixityStartButton';

type RunRef = { runId: number; jobId: number };
type Summary = { runId?: number; ok?: boolean; checked?: number; pages?: number } | null;
const summaryOf = (job: JobDto): Summary => (job.result && typeof job.result === 'object' ? (job.result as Summary) : null);

/**
 * 四性检测 (DA/T 70): start a run over every bound volume or one, the recent runs (background jobs), and the
 * chosen run's result with failures by volume and property.
 */
export function FixitySection({ canCheck }: { canCheck: boolean }) {
  if (!canCheck) return <Typography.Text type="secondary">四性检测由档案员、法制审核人员和管理员进行。</Typography.Text>;
  return <FixityRuns />;
}

function FixityRuns() {
  const [volumeId, setVolumeId] = useState<number | undefined>(undefined);
  const [started, setStarted] = useState<RunRef[]>([]);
  const [selected, setSelected] = useState<RunRef | null>(null);
  const jobs = useRpc('jobs.list', { limit: 200 }, { refetchInterval: (q) => (q.state.data?.some((j) => j.kind === 'archives.verify' && isJobActive(j)) ? 3_000 : false) });
  const volumes = useRpc('volumes.list', { pageSize: 500 }, { staleTime: 30_000 });
  const runs = (jobs.data ?? []).filter((j) => j.kind === 'archives.verify');
  const runIdOf = (job: JobDto) => summaryOf(job)?.runId ?? started.find((s) => s.jobId === job.id)?.runId ?? null;
  const onStarted = (run: RunRef) => {
    setStarted((s) => [run, ...s]);
    setSelected(run);
  };

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="fixity-section">
      <Space wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部已装订专卷"
          value={volumeId}
          onChange={(id?: number) => setVolumeId(id)}
          options={(volumes.data?.items ?? []).filter((v) => v.boundVersion !== null).map((v) => ({ value: v.id, label: v.title }))}
          style={{ width: 420 }}
          aria-label="检测范围"
          data-testid="fixity-scope"
        />
        <FixityStartButton key={volumeId ?? 'all'} volumeId={volumeId} label={volumeId === undefined ? '检测全部专卷' : '检测所选专卷'} onStarted={onStarted} />
        <Typography.Text type="secondary">真实性（哈希、审计链）、完整性（页数、页号、著录项）、可用性（PDF、图像、字体）、安全性（公开版、审核）</Typography.Text>
      </Space>
      <Table<JobDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={runs}
        loading={jobs.isLoading}
        data-testid="fixity-runs"
        locale={{ emptyText: '最近没有四性检测' }}
        rowClassName={(j) => (selected?.jobId === j.id ? 'cb-row-open' : 'cb-row')}
        onRow={(j) => {
          const runId = runIdOf(j);
          const open = () => runId !== null && setSelected({ runId, jobId: j.id });
          return { tabIndex: 0, onClick: open, onKeyDown: (e) => e.key === 'Enter' && open(), style: { cursor: runId !== null ? 'pointer' : undefined } };
        }}
        columns={[
          { title: '开始时间', dataIndex: 'createdAt', width: 150, render: dateTimeText },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: JobDto['state']) => <Tag color={JOB_STATE_COLORS[s]}>{JOB_STATE_LABELS[s]}</Tag> },
          {
            title: '结果',
            key: 'ok',
            width: 100,
            render: (_: unknown, j) => {
              const s = summaryOf(j);
              if (isJobActive(j)) return <JobProgress job={j} compact />;
              if (s?.ok === undefined) return '—';
              return s.ok ? <Tag color="success" data-testid="fixity-run-ok">通过</Tag> : <Tag color="error" data-testid="fixity-run-failed">未通过</Tag>;
            },
          },
          { title: '专卷', key: 'checked', width: 80, render: (_: unknown, j) => summaryOf(j)?.checked ?? '—' },
          { title: '页数', key: 'pages', width: 80, render: (_: unknown, j) => summaryOf(j)?.pages ?? '—' },
          { title: '', key: 'open', render: (_: unknown, j) => (runIdOf(j) !== null ? <a data-testid="fixity-run-open">查看结果</a> : null) },
        ]}
      />
      {selected ? (
        <Card size="small" title={`检测结果 #${selected.runId}`}>
          <FixityRunView key={selected.runId} runId={selected.runId} jobId={selected.jobId} />
        </Card>
      ) : null}
    </div>
  );
}

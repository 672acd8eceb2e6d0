import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import type { ScanBatchSummaryDto } from '../../../shared/contract/scans';
import { SCAN_SOURCE_LABELS } from '../../../shared/domain/scans/scans';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpc } from '../../rpc/use-rpc';
import { JOB_STATE_COLORS, JOB_STATE_LABELS, isJobActive } from '../jobs/job-labels';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/use-job';
import { formatTime } from './scan-labels';

const unfinished = (b: ScanBatchSummaryDto) => b.failedFiles < b.files && (b.pages === 0 || b.donePages + b.failedPages < b.pages);

/** 最近批次: each batch's files and pages, its job's progress (拆分页面 / 识别文字 / 拆分归档) and what failed, in Chinese. */
export function ScanBatches({ highlight }: { highlight: number | null }) {
  // Hot-folder batches appear without anyone acting here: a slow poll finds them, a faster one follows progress.
  const batches = useRpc('scans.batches', { pageSize: 6 }, { refetchInterval: (q) => (q.state.data?.items.some(unfinished) ? 3_000 : 10_000) });
  const items = batches.data?.items ?? [];
  return (
    <Card size="small" title="最近批次" data-testid="scan-batches" extra={batches.data && batches.data.total > items.length ? <Typography.Text type="secondary">共 {batches.data.total} 批，显示最近 {items.length} 批</Typography.Text> : null}>
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有导入过扫描件" /> : null}
      <div style={{ display: 'grid', gap: 0 }}>
        {items.map((b, i) => (
          <BatchRow key={b.id} batch={b} first={i === 0} highlight={b.id === highlight} />
        ))}
      </div>
    </Card>
  );
}

function BatchRow({ batch: b, first, highlight }: { batch: ScanBatchSummaryDto; first: boolean; highlight: boolean }) {
  const job = useJob(b.jobId);
  const active = job.data ? isJobActive(job.data) : unfinished(b);
  const problems = b.failedFiles > 0 || b.failedPages > 0;
  return (
    <div style={{ padding: '8px 4px', borderTop: first ? undefined : '1px solid #f0f0f0', background: highlight ? '#f5f8fc' : undefined }} data-testid="scan-batch" data-batch-id={b.id} data-active={active ? 'true' : 'false'}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text strong>第 {b.id} 批</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{SCAN_SOURCE_LABELS[b.source]}</Tag>
        {b.label ? <Typography.Text>{b.label}</Typography.Text> : null}
        <Typography.Text type="secondary">{formatTime(b.createdAt)}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary" data-testid="scan-batch-counts">
          {b.files} 个文件 · {b.pages} 页{b.flaggedPages > 0 ? ` · ${b.flaggedPages} 页待复核` : ''}
        </Typography.Text>
        {job.data ? (
          <Tag color={JOB_STATE_COLORS[job.data.state]} style={{ marginInlineEnd: 0 }} data-testid="scan-batch-state">
            {active && job.data.phase ? job.data.phase : JOB_STATE_LABELS[job.data.state]}
          </Tag>
        ) : null}
      </div>
      {job.data && (active || job.data.state === 'failed') ? (
        <div style={{ maxWidth: 520 }}>
          <JobProgress job={job.data} compact />
        </div>
      ) : null}
      {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} style={{ marginTop: 4 }} /> : null}
      {problems ? <BatchFailures batchId={b.id} /> : null}
    </div>
  );
}

/** What failed in a batch: each unreadable file and each page OCR could not read, with the core's message. */
function BatchFailures({ batchId }: { batchId: number }) {
  const batch = useRpc('scans.batch', { id: batchId });
  if (!batch.data) return null;
  const files = batch.data.fileList.filter((f) => f.status === 'failed');
  const pages = [...batch.data.documents.flatMap((d) => d.pages), ...batch.data.unassignedPages].filter((p) => p.status === 'failed');
  if (files.length === 0 && pages.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 6 }}
      title={`${files.length > 0 ? `${files.length} 个文件未能导入` : ''}${files.length > 0 && pages.length > 0 ? '，' : ''}${pages.length > 0 ? `${pages.length} 页未能识别` : ''}（其余文件不受影响）`}
      description={
        <Space orientation="vertical" size={2} data-testid="scan-batch-failures">
          {files.map((f) => (
            <Typography.Text key={`f${f.id}`}>
              <Typography.Text strong>{f.originalName}</Typography.Text>：{f.errorMessage ?? MESSAGES_ZH[f.errorCode ?? 'INTERNAL']}
            </Typography.Text>
          ))}
          {pages.map((p) => (
            <Typography.Text key={`p${p.id}`}>
              第 {p.seq} 页：{MESSAGES_ZH[p.errorCode ?? 'OCR_FAILED']}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}

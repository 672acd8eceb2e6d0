import { ReloadOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Modal, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ScanAcquireResultDto } from '../../../shared/contract/scans';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { actionProblem } from '../inspections/action-problem';
import { ProblemAlert } from '../inspections/ProblemAlert';
import type { Problem } from '../inspections/use-inspection-action';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/use-job';
import { testId } from './scan-labels';

type Props = { open: boolean; onClose(): void; onStarted(batchId: number): void; volumeId: number | null; docType: VolumeDocType | undefined };

/** SANE's option values are the driver's English words: the usual ones in Chinese, the rest as they are. */
const MODE_LABELS: Record<string, string> = { Color: '彩色', Gray: '灰度', Lineart: '黑白（线条）', Halftone: '黑白（半色调）', Binary: '黑白' };
const SOURCE_LABELS: Record<string, string> = { Flatbed: '平板', 'Automatic Document Feeder': '自动进纸器', ADF: '自动进纸器', 'ADF Front': '自动进纸器（单面）', 'ADF Duplex': '自动进纸器（双面）', 'ADF Back': '自动进纸器（背面）' };
const labelled = (labels: Record<string, string>) => (value: string) => ({ value, label: labels[value] ?? value, title: value });

/** The dpi to start with: 300 (what OCR reads best and archives ask for) when offered, else the nearest. */
function preferredDpi(resolutions: readonly number[], current: number | null): number | undefined {
  if (resolutions.includes(300)) return 300;
  if (resolutions.length === 0) return current ?? undefined;
  return [...resolutions].sort((a, b) => Math.abs(a - 300) - Math.abs(b - 300))[0];
}

/**
 * 扫描仪扫描: pick a scanner (SANE), resolution, colour mode and paper source; a feeder is read until it is
 * empty. The scan runs as a background job with its progress here; its pages go through the same
 * recognition as imported files (a batch with source 扫描仪). A jam keeps the pages scanned before it.
 */
export function ScannerDialog({ open, onClose, onStarted, volumeId, docType }: Props) {
  const devices = useRpc('scans.scanners', {}, { enabled: open, staleTime: 30_000 });
  const [device, setDevice] = useState<string | null>(null);
  const options = useRpc('scans.scannerOptions', { device: device ?? '' }, { enabled: open && device !== null, staleTime: 60_000 });
  const [dpi, setDpi] = useState<number | undefined>(undefined);
  const [mode, setMode] = useState<string | undefined>(undefined);
  const [source, setSource] = useState<string | undefined>(undefined);
  const [jobId, setJobId] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const acquire = useRpcMutation('scans.acquire');
  const job = useJob(jobId);
  const result = job.data?.state === 'succeeded' ? (job.data.result as ScanAcquireResultDto) : null;
  const running = job.data !== undefined && (job.data.state === 'queued' || job.data.state === 'running');

  // The first scanner, then its defaults, as soon as they are known.
  useEffect(() => {
    if (device === null && devices.data && devices.data.length > 0) setDevice(devices.data[0]!.id);
  }, [devices.data, device]);
  useEffect(() => {
    const o = options.data;
    if (!o) return;
    setDpi(preferredDpi(o.resolutions, o.resolution));
    setMode(o.modes.includes('Gray') ? 'Gray' : (o.mode ?? undefined));
    setSource(o.feederSources[0] ?? o.source ?? undefined);
  }, [options.data]);
  useEffect(() => {
    if (result?.batchId) onStarted(result.batchId);
  }, [result?.batchId]);
  useEffect(() => {
    if (!open) {
      setJobId(null);
      setProblem(null);
    }
  }, [open]);

  const feeder = source !== undefined && (options.data?.feederSources ?? []).includes(source);
  const start = async () => {
    if (!device || running) return;
    setProblem(null);
    try {
      const { jobId: id } = await acquire.mutateAsync({ device, ...(dpi ? { dpi } : {}), ...(mode ? { mode } : {}), ...(source ? { source } : {}), feeder, ...(volumeId ? { volumeId } : {}), ...(docType ? { docType } : {}) });
      setJobId(id);
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  const none = devices.data !== undefined && devices.data.length === 0;
  return (
    <Modal
      open={open}
      title="扫描仪扫描"
      width={560}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} data-testid="scanner-close">
            {result ? '完成' : '关闭'}
          </Button>
          <Button type="primary" icon={<ScanOutlined />} disabled={!device || none || options.isLoading} loading={acquire.isPending || running} onClick={() => void start()} {...testId('scanner-start')}>
            {feeder ? '扫描进纸器中的全部页面' : '扫描一页'}
          </Button>
        </Space>
      }
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }} onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && (e.target as HTMLElement).tagName !== 'BUTTON' && void start()} data-testid="scanner-dialog">
        {devices.isLoading ? (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin tip="正在查找扫描仪…" />
          </div>
        ) : none ? (
          <Empty description="未发现扫描仪。请检查扫描仪的连接和电源（本程序通过 SANE 访问扫描仪），也可用高拍仪拍摄，或把扫描件存入数据文件夹的 inbox 收件夹。" data-testid="scanner-none">
            <Button icon={<ReloadOutlined />} onClick={() => void devices.refetch()}>
              重新查找
            </Button>
          </Empty>
        ) : (
          <>
            <label>
              <Typography.Text type="secondary">扫描仪</Typography.Text>
              <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                <Select<string> value={device ?? undefined} onChange={setDevice} options={(devices.data ?? []).map((d) => ({ value: d.id, label: `${d.label}（${d.id}）` }))} style={{ width: '100%' }} aria-label="扫描仪" data-testid="scanner-device" />
                <Button icon={<ReloadOutlined />} onClick={() => void devices.refetch()} aria-label="重新查找扫描仪" />
              </Space.Compact>
            </label>
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 110px) minmax(0, 1fr) minmax(0, 1.4fr)', gap: 10 }}>
              <label>
                <Typography.Text type="secondary">分辨率</Typography.Text>
                <Select<number> value={dpi} onChange={setDpi} options={(options.data?.resolutions ?? []).map((r) => ({ value: r, label: `${r} dpi` }))} style={{ width: '100%', marginTop: 4 }} aria-label="分辨率" data-testid="scanner-dpi" />
              </label>
              <label>
                <Typography.Text type="secondary">色彩</Typography.Text>
                <Select<string> value={mode} onChange={setMode} options={(options.data?.modes ?? []).map(labelled(MODE_LABELS))} style={{ width: '100%', marginTop: 4 }} aria-label="色彩模式" data-testid="scanner-mode" />
              </label>
              <label>
                <Typography.Text type="secondary">纸张来源</Typography.Text>
                <Select<string> value={source} onChange={setSource} options={(options.data?.sources ?? []).map(labelled(SOURCE_LABELS))} style={{ width: '100%', marginTop: 4 }} aria-label="纸张来源" data-testid="scanner-source" />
              </label>
            </div>
            <Typography.Text type="secondary">
              {feeder ? '从进纸器连续扫描，直到纸张用完。' : '从平板扫描一页；多页材料请使用进纸器，或逐页扫描。'}档案扫描建议 300 dpi；页面按扫描仪送出的原样无损保存。
            </Typography.Text>
          </>
        )}
        {job.data ? (
          <div data-testid="scanner-progress">
            <Typography.Text>{job.data.phase || '扫描中'}</Typography.Text>
            <JobProgress job={job.data} />
          </div>
        ) : null}
        {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} data-testid="scanner-failed" /> : null}
        {result ? (
          <Alert
            type={result.interrupted ? 'warning' : 'success'}
            showIcon
            title={`已扫描 ${result.pages} 页，正在识别文字（批次 ${result.batchId ?? '—'}）。`}
            description={result.interrupted ? MESSAGES_ZH[result.interrupted] : undefined}
            data-testid="scanner-done"
          />
        ) : null}
        <ProblemAlert problem={problem} testId="scanner-problem" />
      </div>
    </Modal>
  );
}

import { CameraOutlined, CloseOutlined, FileImageOutlined, InboxOutlined, LoadingOutlined, PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { useRpcMutation } from '../../rpc/use-rpc';
import { actionProblem } from '../inspections/action-problem';
import { ProblemAlert } from '../inspections/ProblemAlert';
import type { Problem } from '../inspections/use-inspection-action';
import { DOC_TYPE_OPTIONS } from '../volumes/volume-labels';
import { CameraDialog } from './CameraDialog';
import { SCAN_ACCEPT } from './scan-labels';
import { ScannerDialog } from './ScannerDialog';
import { SeparatorSheetModal } from './SeparatorSheetModal';
import { useStagedScans } from './use-staged-scans';
import { useWindowFileDrop } from './use-window-file-drop';
import { VolumePicker } from './VolumePicker';

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024))} KB`;

/**
 * 导入扫描件: files picked, dropped on the box or anywhere on the window; an optional volume and document
 * type for the whole batch (separator sheets inside the stack override them); 扫描仪 (SANE); 高拍仪; 条码分隔页.
 */
export function ScanImportPanel({ onStarted }: { onStarted(batchId: number): void }) {
  const staged = useStagedScans();
  const create = useRpcMutation('scans.createBatch');
  const [volumeId, setVolumeId] = useState<number | null>(null);
  const [docType, setDocType] = useState<VolumeDocType | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [camera, setCamera] = useState(false);
  const [scanner, setScanner] = useState(false);
  const [separator, setSeparator] = useState(false);
  const dragging = useWindowFileDrop(staged.add, !camera && !scanner);

  const start = async () => {
    setProblem(null);
    try {
      const { batchId } = await create.mutateAsync({ stagedIds: staged.readyIds, source: 'upload', ...(volumeId ? { volumeId } : {}), ...(docType ? { docType } : {}), ...(label.trim() ? { label: label.trim() } : {}) });
      staged.clear();
      setLabel('');
      onStarted(batchId);
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  return (
    <Card
      size="small"
      title="导入扫描件"
      data-testid="scan-import"
      extra={
        <Space>
          <Button icon={<ScanOutlined />} onClick={() => setScanner(true)} data-testid="scan-scanner-open">
            扫描仪扫描
          </Button>
          <Button icon={<CameraOutlined />} onClick={() => setCamera(true)} data-testid="scan-camera-open">
            高拍仪拍摄
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => setSeparator(true)} data-testid="scan-separator-open">
            打印条码分隔页
          </Button>
        </Space>
      }
    >
      {dragging ? (
        <div className="cb-scan-drop-overlay" data-testid="scan-drop-overlay">
          <InboxOutlined style={{ marginInlineEnd: 8 }} /> 松开鼠标，把文件加入本批扫描件
        </div>
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(280px, 360px)', gap: 16, alignItems: 'start' }}>
        <div style={{ minWidth: 0 }} data-testid="scan-drop">
          <Upload.Dragger
            accept={SCAN_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file, list) => {
              // antd calls this once per file; take the whole list on its first file.
              if (file === list[0]) staged.add(list);
              return Upload.LIST_IGNORE;
            }}
            style={{ padding: '4px 0' }}
          >
            <p className="ant-upload-drag-icon" style={{ marginBottom: 6 }}>
              <ScanOutlined />
            </p>
            <p className="ant-upload-text">点击选择文件，或把文件拖到窗口中</p>
            <p className="ant-upload-hint">JPEG、PNG、多页 TIFF 或 PDF；可一次选择多个文件。扫描仪也可直接存入数据文件夹的 inbox 收件夹，程序会自动导入。</p>
          </Upload.Dragger>
          {staged.files.length > 0 ? (
            <ul className="ant-list ant-list-sm" style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }} data-testid="scan-staged">
              {staged.files.map((f) => (
                <li key={f.key} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '3px 0' }} data-testid="scan-staged-file" data-state={f.state}>
                  {f.state === 'staging' ? <LoadingOutlined /> : <FileImageOutlined style={{ color: f.state === 'failed' ? '#cf1322' : '#1d4f91' }} />}
                  <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }} title={f.name}>
                    {f.name}
                  </Typography.Text>
                  {f.state === 'failed' ? <Typography.Text type="danger">{f.error}</Typography.Text> : <Typography.Text type="secondary">{f.state === 'staging' ? '正在读取…' : kb(f.size)}</Typography.Text>}
                  <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => staged.remove(f.key)} aria-label={`移除 ${f.name}`} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div style={{ display: 'grid', gap: 10, alignContent: 'start' }}>
          <label>
            <Typography.Text type="secondary">归入专卷（可不选，稍后在收件箱指定）</Typography.Text>
            <VolumePicker value={volumeId} onChange={setVolumeId} style={{ width: '100%', marginTop: 4 }} testId="scan-import-volume" />
          </label>
          <label>
            <Typography.Text type="secondary">文件类型</Typography.Text>
            <Select<VolumeDocType> value={docType} onChange={setDocType} allowClear placeholder="其他" options={DOC_TYPE_OPTIONS} virtual={false} style={{ width: '100%', marginTop: 4 }} data-testid="scan-import-doc-type" aria-label="文件类型" />
          </label>
          <label>
            <Typography.Text type="secondary">批次说明</Typography.Text>
            <Input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} placeholder="如：和平区 4 月送达回证" style={{ marginTop: 4 }} data-testid="scan-import-label" />
          </label>
          <Button type="primary" icon={<ScanOutlined />} disabled={staged.readyIds.length === 0 || staged.busy} loading={create.isPending} onClick={() => void start()} data-testid="scan-import-start">
            {staged.readyIds.length > 0 ? `开始识别（${staged.readyIds.length} 个文件）` : '开始识别'}
          </Button>
          {volumeId ? <Alert type="info" showIcon title="识别完成后自动归入所选专卷（分隔页指定的专卷优先）。" /> : null}
        </div>
      </div>
      <ProblemAlert problem={problem} testId="scan-import-problem" />
      <ScannerDialog open={scanner} onClose={() => setScanner(false)} onStarted={onStarted} volumeId={volumeId} docType={docType} />
      <CameraDialog open={camera} onClose={() => setCamera(false)} onStarted={onStarted} volumeId={volumeId} docType={docType} />
      <SeparatorSheetModal open={separator} onClose={() => setSeparator(false)} />
    </Card>
  );
}

import { EditOutlined, FolderAddOutlined, RotateRightOutlined, ScissorOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Tag, Tooltip, Typography } from 'antd';
import type { ScanDocumentDto, ScanPageSummaryDto } from '../../../shared/contract/scans';
import { hrefOf, navigate } from '../../router/navigation';
import { docTypeLabel, documentHeading, formatTime, type ScanPermissions } from './scan-labels';
import { PageThumb } from './PageThumb';

type Props = {
  doc: ScanDocumentDto;
  can: ScanPermissions;
  selected: boolean;
  busy: boolean;
  onSelect(selected: boolean): void;
  onEdit(): void;
  onFile(): void;
  onSplit(page: ScanPageSummaryDto, pageNo: number): void;
  onRotate(page: ScanPageSummaryDto): void;
};

/** One inbox document: its pages as thumbnails (flagged ones badged), where it goes, and what can be done with it. */
export function InboxDocumentCard({ doc, can, selected, busy, onSelect, onEdit, onFile, onSplit, onRotate }: Props) {
  const pending = doc.pages.some((p) => p.status === 'pending');
  const flagged = doc.pages.filter((p) => p.flagged).length;
  const failed = doc.pages.filter((p) => p.status === 'failed').length;
  return (
    <Card
      size="small"
      data-testid="inbox-doc"
      data-doc-id={doc.id}
      style={selected ? { borderColor: '#1d4f91' } : undefined}
      title={
        <Space size={8} style={{ whiteSpace: 'normal' }}>
          {can.edit ? <Checkbox checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`选择扫描件 ${doc.id}`} data-testid="inbox-doc-select" /> : null}
          <Typography.Text strong data-testid="inbox-doc-title">
            {documentHeading(doc)}
          </Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{docTypeLabel(doc.docType)}</Tag>
          <Typography.Text type="secondary">{doc.pages.length} 页</Typography.Text>
          {pending ? <Tag color="processing">识别中</Tag> : null}
          {flagged > 0 ? (
            <Tag color="warning" data-testid="inbox-doc-flagged">
              {flagged} 页待复核
            </Tag>
          ) : null}
          {failed > 0 ? <Tag color="error">{failed} 页识别失败</Tag> : null}
        </Space>
      }
      extra={
        can.edit ? (
          <Space size={6}>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="inbox-doc-edit">
              著录
            </Button>
            <Tooltip title={doc.volumeId === null ? '请先在“著录”中选择所属专卷' : pending ? '页面识别完成后才能归档' : '生成可检索 PDF 归入专卷'}>
              <Button size="small" type={doc.volumeId === null ? 'default' : 'primary'} icon={<FolderAddOutlined />} disabled={doc.volumeId === null || pending} loading={busy} onClick={onFile} data-testid="inbox-doc-file">
                归档
              </Button>
            </Tooltip>
          </Space>
        ) : null
      }
    >
      <div style={{ display: 'flex', gap: 16, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Text data-testid="inbox-doc-volume">
          <Typography.Text type="secondary">所属专卷：</Typography.Text>
          {doc.volumeId !== null ? <a href={hrefOf(`/volumes/${doc.volumeId}`)}>{doc.volumeTitle ?? `专卷 ${doc.volumeId}`}</a> : <Typography.Text type="warning">未指定</Typography.Text>}
        </Typography.Text>
        <Typography.Text type="secondary">
          第 {doc.batchId} 批 · {formatTime(doc.createdAt)}
        </Typography.Text>
      </div>
      <div style={{ display: 'flex', gap: 10, flexWrap: 'wrap' }} data-testid="inbox-doc-pages">
        {doc.pages.map((p, i) => (
          <div key={p.id} style={{ display: 'grid', gap: 4, justifyItems: 'center' }}>
            <PageThumb page={p} label={`${i + 1}`} onOpen={() => navigate(`/scans/pages/${p.id}`)} />
            {can.edit ? (
              <Space size={0}>
                <Tooltip title="向右旋转 90° 并重新识别">
                  <Button size="small" type="text" icon={<RotateRightOutlined />} disabled={p.status === 'pending' || p.textSource === 'pdf'} onClick={() => onRotate(p)} aria-label={`旋转第 ${i + 1} 页`} data-testid="page-rotate" />
                </Tooltip>
                <Tooltip title={i === 0 ? '第 1 页不能作为拆分点' : `从第 ${i + 1} 页起拆分为新文件`}>
                  <Button size="small" type="text" icon={<ScissorOutlined />} disabled={i === 0} onClick={() => onSplit(p, i + 1)} aria-label={`从第 ${i + 1} 页拆分`} data-testid="page-split" />
                </Tooltip>
              </Space>
            ) : null}
          </div>
        ))}
      </div>
    </Card>
  );
}

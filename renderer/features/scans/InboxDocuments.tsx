import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ScanDocumentDto, ScanPageSummaryDto } from '../../../shared/contract/scans';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { DocumentEditModal } from './DocumentEditModal';
import { InboxDocumentCard } from './InboxDocumentCard';
import { documentHeading, type ScanPermissions } from './scan-labels';

/** 收件箱: scanned documents not yet filed into a volume; select two or more to merge them (in the order shown). */
export function InboxDocuments({ can }: { can: ScanPermissions }) {
  const { message, modal } = App.useApp();
  const inbox = useRpc('scans.inbox', {});
  const split = useRpcMutation('scans.splitDocument');
  const merge = useRpcMutation('scans.mergeDocuments');
  const rotate = useRpcMutation('scans.rotatePage');
  const file = useRpcMutation('scans.fileDocument');
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const docs = inbox.data ?? [];
  const chosen = docs.filter((d) => selected.includes(d.id));
  const editingDoc = docs.find((d) => d.id === editing) ?? null;

  const run = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      void message.success(done);
      return true;
    } catch (error) {
      void message.error(failureMessage(error));
      return false;
    }
  };

  const onSplit = (doc: ScanDocumentDto, page: ScanPageSummaryDto, pageNo: number) =>
    modal.confirm({
      title: `从第 ${pageNo} 页起拆分？`,
      content: `「${documentHeading(doc)}」的第 1–${pageNo - 1} 页留在原文件，第 ${pageNo}–${doc.pages.length} 页成为一份新文件。`,
      okText: '拆分',
      cancelText: '取消',
      onOk: () => run(() => split.mutateAsync({ id: doc.id, version: doc.version, atPageId: page.id }), '已拆分为两份文件'),
    });

  const onMerge = () =>
    modal.confirm({
      title: `把所选 ${chosen.length} 份文件合并为一份？`,
      content: `按收件箱中的顺序合并，保留「${documentHeading(chosen[0] as ScanDocumentDto)}」的著录信息。`,
      okText: '合并',
      cancelText: '取消',
      onOk: async () => {
        if (await run(() => merge.mutateAsync({ ids: chosen.map((d) => d.id) }), `已合并 ${chosen.length} 份文件`)) setSelected([]);
      },
    });

  const onFile = (doc: ScanDocumentDto) => void run(() => file.mutateAsync({ id: doc.id, version: doc.version }), `已归入专卷「${doc.volumeTitle ?? doc.volumeId}」`);
  const onRotate = (page: ScanPageSummaryDto) => void run(() => rotate.mutateAsync({ pageId: page.id, rotation: ((page.rotation + 90) % 360) as 0 | 90 | 180 | 270 }), '已旋转，正在重新识别');

  return (
    <Card
      size="small"
      title={`收件箱（${docs.length} 份待归档）`}
      data-testid="scan-inbox"
      extra={
        can.edit && docs.length > 1 ? (
          <Space>
            <Typography.Text type="secondary">{selected.length > 0 ? `已选 ${chosen.length} 份` : '勾选两份以上可合并'}</Typography.Text>
            {selected.length > 0 ? (
              <Button size="small" onClick={() => setSelected([])}>
                取消选择
              </Button>
            ) : null}
            <Button size="small" icon={<MergeCellsOutlined />} disabled={chosen.length < 2} loading={merge.isPending} onClick={onMerge} data-testid="inbox-merge">
              合并所选
            </Button>
          </Space>
        ) : null
      }
    >
      {inbox.error ? <Alert type="error" showIcon title={failureMessage(inbox.error)} /> : null}
      {inbox.data && docs.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="收件箱是空的：导入或拍摄的扫描件识别后出现在这里" /> : null}
      <div style={{ display: 'grid', gap: 12 }}>
        {docs.map((doc) => (
          <InboxDocumentCard
            key={doc.id}
            doc={doc}
            can={can}
            selected={selected.includes(doc.id)}
            busy={file.isPending && file.variables?.id === doc.id}
            onSelect={(on) => setSelected((list) => (on ? [...list, doc.id] : list.filter((id) => id !== doc.id)))}
            onEdit={() => setEditing(doc.id)}
            onFile={() => onFile(doc)}
            onSplit={(page, pageNo) => onSplit(doc, page, pageNo)}
            onRotate={onRotate}
          />
        ))}
      </div>
      {can.edit ? <DocumentEditModal doc={editingDoc} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

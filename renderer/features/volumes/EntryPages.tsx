import { RedoOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';
import { PAGE_ROTATIONS, regionSource, type PageRotation } from '../../../shared/domain/volumes/volumes';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { NonPublicMark, type ConsentOption } from './NonPublicMark';
import { PdfPreviewModal } from '../pdf-preview/PdfPreviewModal';
import { ImageThumb, PageThumb, PdfThumb, useEntryFile, useEntryPdf } from './EntryThumbs';
import { RegionTool } from './RegionTool';
import { testId } from './volume-labels';

type PageRow = { index: number; rotation: PageRotation; excluded: boolean; reason: string | null };

const nextRotation = (r: PageRotation): PageRotation => PAGE_ROTATIONS[(PAGE_ROTATIONS.indexOf(r) + 1) % PAGE_ROTATIONS.length] as PageRotation;

/** The document's pages: rotate by 90° steps, exclude with a reason (the page stays stored, only unbound) or restore; 不予公开 per page. */
export function EntryPages({ entry, canEdit, canMark, consentOptions }: { entry: VolumeEntryDto; canEdit: boolean; canMark: boolean; consentOptions: readonly ConsentOption[] }) {
  const setState = useRpcMutation('volumes.setPageState');
  const action = useInspectionAction();
  const [excluding, setExcluding] = useState<PageRow | null>(null);
  const [reason, setReason] = useState('');
  // Scans from the inbox have page images; any other document shows its own file's pages (pdf.js) or image.
  const file = useEntryFile(entry, entry.scanPageIds === null);
  const doc = useEntryPdf(file.pdf);
  const [viewing, setViewing] = useState<number | null>(null);
  const stored = new Map(entry.pages.map((p) => [p.index, p]));
  const rows: PageRow[] = Array.from({ length: entry.pageCount }, (_, index) => stored.get(index) ?? { index, rotation: 0, excluded: false, reason: null });

  const save = (row: PageRow, patch: Partial<PageRow>, done: string) => {
    const next = { ...row, ...patch };
    return action.run(() => setState.mutateAsync({ entryId: entry.id, pageIndex: row.index, rotation: next.rotation, excluded: next.excluded, reason: next.excluded ? next.reason : null }), done);
  };

  return (
    <>
      <ProblemAlert problem={action.problem} testId="pages-problem" />
      <Table<PageRow>
        size="small"
        rowKey="index"
        pagination={entry.pageCount > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={rows}
        data-testid="entry-pages"
        columns={[
          { title: '页', dataIndex: 'index', width: 50, render: (i: number) => i + 1 },
          {
            title: '图像',
            key: 'thumb',
            width: 76,
            render: (_: unknown, p: PageRow) =>
              entry.scanPageIds ? (
                <PageThumb scanPageId={entry.scanPageIds[p.index]} rotation={p.rotation} />
              ) : file.pdf ? (
                <button type="button" onClick={() => setViewing(p.index + 1)} aria-label={`查看第 ${p.index + 1} 页`} title="查看" data-testid="page-view" style={{ padding: 0, border: 0, background: 'none', cursor: 'zoom-in' }}>
                  <PdfThumb doc={doc} page={p.index + 1} rotation={p.rotation} />
                </button>
              ) : (
                <ImageThumb url={file.image} rotation={p.rotation} />
              ),
          },
          { title: '旋转', dataIndex: 'rotation', width: 70, render: (r: PageRotation) => (r === 0 ? '—' : `${r}°`) },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, p) => (p.excluded ? <Space size={4} wrap><Tag color="red">已剔除</Tag><Typography.Text type="secondary">{p.reason}</Typography.Text></Space> : <Tag>装订</Tag>),
          },
          {
            title: '公开',
            key: 'public',
            width: regionSource(entry) ? 230 : 150,
            // A whole-document mark covers every page: the page's own control is then not offered.
            render: (_: unknown, p) =>
              entry.marks.some((m) => m.pageIndex === null && m.field === null && m.liftedAt === null) ? (
                <Typography.Text type="secondary">随全件</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  <NonPublicMark entryId={entry.id} pageIndex={p.index} marks={entry.marks} canMark={canMark} consentOptions={consentOptions} />
                  <RegionTool entry={entry} pageIndex={p.index} canMark={canMark} imageUrl={file.image} />
                </Space>
              ),
          },
          {
            key: 'actions',
            width: 170,
            render: (_: unknown, p) =>
              canEdit ? (
                <Space size={4}>
                  <Button size="small" icon={<RedoOutlined />} disabled={action.busy} onClick={() => void save(p, { rotation: nextRotation(p.rotation) }, `第 ${p.index + 1} 页已旋转`)} data-testid="page-rotate">
                    旋转
                  </Button>
                  {p.excluded ? (
                    <Button size="small" icon={<UndoOutlined />} disabled={action.busy} onClick={() => void save(p, { excluded: false, reason: null }, `第 ${p.index + 1} 页已恢复装订`)} data-testid="page-restore">
                      恢复
                    </Button>
                  ) : (
                    <Button size="small" danger icon={<StopOutlined />} disabled={action.busy} onClick={() => { setReason(''); setExcluding(p); }} data-testid="page-exclude">
                      剔除
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <PdfPreviewModal source={viewing !== null ? file.pdf : null} initialPage={viewing ?? 1} title={entry.title ?? `[第 ${entry.seq} 件]`} onClose={() => setViewing(null)} />
      <Modal
        open={excluding !== null}
        title={excluding ? `剔除第 ${excluding.index + 1} 页` : ''}
        okText="剔除"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim() === '', ...testId('page-exclude-ok') }}
        onCancel={() => setExcluding(null)}
        onOk={() => {
          if (!excluding) return;
          void save(excluding, { excluded: true, reason: reason.trim() }, `第 ${excluding.index + 1} 页已剔除`).then((ok) => ok && setExcluding(null));
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">剔除的页面保留原件、不装订，并在卷内备考表中说明。</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} placeholder="剔除理由（必填），如：重复页、空白页" autoSize={{ minRows: 2 }} data-testid="page-exclude-reason" />
      </Modal>
    </>
  );
}

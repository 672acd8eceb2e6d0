import { ArrowDownOutlined, ArrowUpOutlined, SaveOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { DndContext, closestCenter } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeDto, VolumeEntryDto } from '../../../shared/contract/volumes';
import { VOLUME_DOC_TYPE_LABELS } from '../../../shared/domain/volumes/volumes';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { EntryDragHandle } from './EntryDragHandle';
import { EntryDrawer } from './EntryDrawer';
import { MarkTag } from './NonPublicMark';
import { ImportDocumentModal } from './ImportDocumentModal';
import { SortableEntryRow } from './SortableEntryRow';
import { useEntryDrag, verticalOnly } from './use-entry-drag';
import { useEntryOrder } from './use-entry-order';
import { SOURCE_COLORS, SOURCE_LABELS, type VolumePermissions } from './volume-labels';

const focusRow = (id: number) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="volume-entries"] tr[data-row-key="${id}"]`)?.focus());

/**
 * 卷内文件 in binding order: drag a row by its grip (mouse, or Space ↑/↓ Space on the grip), ↑/↓ (or Alt+↑/↓ on a
 * focused row), then 保存顺序; a row opens its drawer; 导入文件.
 */
/** Pages of the document with a live page or rectangle mark. */
const markedPages = (e: VolumeEntryDto): number => new Set(e.marks.filter((m) => m.liftedAt === null && m.pageIndex !== null).map((m) => m.pageIndex)).size;

export function VolumeDocuments({ volume: v, can }: { volume: VolumeDto; can: VolumePermissions }) {
  const order = useEntryOrder(v.entries);
  const drag = useEntryDrag(order.ordered, order.moveTo);
  const reorder = useRpcMutation('volumes.reorder');
  const action = useInspectionAction();
  const [openId, setOpenId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const opened = v.entries.find((e) => e.id === openId) ?? null;

  const move = (id: number, delta: -1 | 1) => {
    if (order.move(id, delta)) focusRow(id);
  };
  const saveOrder = () => void action.run(() => reorder.mutateAsync({ volumeId: v.id, entryIds: order.ids }), '已保存卷内文件顺序').then((ok) => ok && order.reset());

  return (
    <Card
      size="small"
      title="卷内文件"
      data-testid="volume-documents"
      extra={
        can.edit ? (
          <Space>
            {order.dirty ? (
              <Button icon={<UndoOutlined />} onClick={order.reset} data-testid="order-reset">
                撤销调整
              </Button>
            ) : null}
            <Button type={order.dirty ? 'primary' : 'default'} icon={<SaveOutlined />} disabled={!order.dirty} loading={reorder.isPending} onClick={saveOrder} data-testid="order-save">
              保存顺序
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-doc">
              导入文件
            </Button>
          </Space>
        ) : null
      }
    >
      <ProblemAlert problem={action.problem} testId="documents-problem" />
      {order.dirty ? <Typography.Paragraph type="warning" data-testid="order-dirty">顺序已调整，尚未保存。</Typography.Paragraph> : null}
      <DndContext sensors={drag.sensors} collisionDetection={closestCenter} modifiers={[verticalOnly]} onDragEnd={drag.onDragEnd} accessibility={drag.accessibility}>
        <SortableContext items={order.ids} strategy={verticalListSortingStrategy} disabled={!can.edit}>
          <Table<VolumeEntryDto>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={order.ordered}
            data-testid="volume-entries"
            locale={{ emptyText: '卷内还没有文件：生成的文书会自动归入，扫描件和其他材料用“导入文件”' }}
            components={can.edit ? { body: { row: SortableEntryRow } } : undefined}
            rowClassName={(e) => (e.id === openId ? 'cb-row-open' : 'cb-row')}
            onRow={(e) => ({
              tabIndex: 0,
              onClick: (event) => {
                if ((event.target as HTMLElement).closest('a, button')) return;
                setOpenId(e.id);
              },
              onKeyDown: (event) => {
                if (event.target !== event.currentTarget) return;
                if (event.key === 'Enter') {
                  event.preventDefault();
                  setOpenId(e.id);
                } else if (can.edit && event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
                  event.preventDefault();
                  move(e.id, event.key === 'ArrowUp' ? -1 : 1);
                }
              },
            })}
            columns={[
              ...(can.edit
                ? [{ key: 'drag', width: 36, align: 'center' as const, render: (_: unknown, e: VolumeEntryDto) => <EntryDragHandle title={e.title ?? VOLUME_DOC_TYPE_LABELS[e.docType]} /> }]
                : []),
              { title: '序号', key: 'seq', width: 52, render: (_: unknown, _e, i) => <span data-testid="entry-seq">{i + 1}</span> },
              { title: '文号', dataIndex: 'docNo', width: 140, render: (n: string | null) => n ?? '—' },
              { title: '责任者', dataIndex: 'responsible', width: 120, ellipsis: true, render: (r: string | null) => (r ? <span title={r}>{r}</span> : '—') },
              {
                title: '题名',
                dataIndex: 'title',
                render: (t: string | null, e) => (
                  <div style={{ minWidth: 0 }}>
                    <div data-testid="entry-title-cell">{t ?? <Typography.Text type="secondary">[题名]</Typography.Text>}</div>
                    <Space size={4} wrap style={{ marginTop: 2 }}>
                      <Tag style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>{VOLUME_DOC_TYPE_LABELS[e.docType]}</Tag>
                      <Tag color={SOURCE_COLORS[e.source]} style={{ marginInlineEnd: 0 }}>
                        {SOURCE_LABELS[e.source]}
                      </Tag>
                      {e.marks.filter((m) => m.liftedAt === null && m.pageIndex === null && m.field === null).map((m) => <MarkTag key={m.id} mark={m} />)}
                      {markedPages(e) > 0 ? (
                        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="mark-pages-tag">
                          {markedPages(e)} 页含不予公开内容
                        </Tag>
                      ) : null}
                      {e.marks.some((m) => m.liftedAt === null && m.field !== null) ? (
                        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="mark-fields-tag">
                          {e.marks.filter((m) => m.liftedAt === null && m.field !== null).length} 个栏目不予公开
                        </Tag>
                      ) : null}
                    </Space>
                  </div>
                ),
              },
              { title: '日期', dataIndex: 'docDate', width: 96, render: (d: string | null) => d ?? '—' },
              {
                title: '页数',
                dataIndex: 'pageCount',
                width: 52,
                render: (n: number, e) => {
                  const excluded = e.pages.filter((p) => p.excluded).length;
                  return excluded > 0 ? <span title={`剔除 ${excluded} 页`}>{n - excluded}/{n}</span> : n;
                },
              },
              { title: '备注', dataIndex: 'remark', width: 100, ellipsis: true, render: (r: string | null) => r ?? '' },
              ...(can.edit
                ? [
                    {
                      key: 'move',
                      width: 72,
                      render: (_: unknown, e: VolumeEntryDto, i: number) => (
                        <Space size={2}>
                          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(e.id, -1)} aria-label="上移" title="上移（Alt+↑）" data-testid="entry-up" />
                          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === order.ordered.length - 1} onClick={() => move(e.id, 1)} aria-label="下移" title="下移（Alt+↓）" data-testid="entry-down" />
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </SortableContext>
      </DndContext>
      <EntryDrawer entry={opened} canEdit={can.edit} canMark={can.mark} consentOptions={v.entries.map((e) => ({ value: e.id, label: `第 ${e.seq} 件 ${e.title ?? `[${VOLUME_DOC_TYPE_LABELS[e.docType]}]`}` }))} onClose={() => setOpenId(null)} />
      <ImportDocumentModal volumeId={v.id} open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

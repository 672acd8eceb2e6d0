import { CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CorrectionDto, InspectionDto } from '../../../shared/contract/inspections';
import { CORRECTION_STATUS_LABELS, FOLLOW_UP_STATUS_LABELS } from '../../../shared/domain/inspections/inspections';
import { CorrectionModals, type Asking } from './CorrectionModals';
import { CORRECTION_STATUS_COLORS, FOLLOW_UP_COLORS } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';
import { OrderDocumentButton } from './OrderDocumentButton';

/** 后续处置 (Art. 17): correction orders with their recheck and hand-over, and closing the follow-up with a date. */
export function FollowUpTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const [asking, setAsking] = useState<Asking>(null);
  const formed = i.status === 'reviewed' || i.status === 'published';
  const open = i.followUpStatus === 'open';
  const manage = can.publish && formed && open;

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="inspection-follow-up">
      <Space>
        <span>后续处置：</span>
        <Tag color={FOLLOW_UP_COLORS[i.followUpStatus]} data-testid="follow-up-status">
          {FOLLOW_UP_STATUS_LABELS[i.followUpStatus]}
        </Tag>
        {i.followUpClosedOn ? <span>完结日期 {i.followUpClosedOn}</span> : null}
        {i.followUpNote ? <span>（{i.followUpNote}）</span> : null}
      </Space>
      {!formed ? <Alert type="info" showIcon title="检查结果复核通过后，按结果登记后续处置。" /> : null}
      {formed && i.followUpStatus === 'open' ? <Alert type="warning" showIcon title="检查结果需要后续处置：专卷在后续处置完结前保持未结。" /> : null}
      {manage ? (
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setAsking({ kind: 'add' })} data-testid="correction-add">
            责令限期改正
          </Button>
          <Button type="primary" icon={<CheckSquareOutlined />} onClick={() => setAsking({ kind: 'close' })} disabled={i.corrections.some((c) => c.status === 'open')} data-testid="follow-up-close">
            后续处置完结
          </Button>
        </Space>
      ) : null}
      <Table<CorrectionDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={i.corrections}
        locale={{ emptyText: '无责令改正事项' }}
        className="cb-top-cells"
        columns={[
          { title: '责令改正的内容', dataIndex: 'content', render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span> },
          { title: '下达日期', dataIndex: 'issuedOn', width: 100 },
          { title: '改正期限', dataIndex: 'deadlineOn', width: 100 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 170,
            render: (s: CorrectionDto['status'], c) => (
              <>
                <Tag color={CORRECTION_STATUS_COLORS[s]} data-testid="correction-status">
                  {CORRECTION_STATUS_LABELS[s]}
                </Tag>
                {c.recheckOn ? <div>复查 {c.recheckOn}{c.recheckNote ? `：${c.recheckNote}` : ''}</div> : null}
                {c.handedOn ? <div>{c.handedOn} 移交{c.handedToBureauName ?? ''}</div> : null}
              </>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={4} align="start">
                <OrderDocumentButton inspection={i} correction={c} can={can} />
                {manage && c.status === 'open' ? (
                  <Button size="small" onClick={() => setAsking({ kind: 'recheck', correction: c })} data-testid="correction-recheck">
                    复查
                  </Button>
                ) : null}
                {manage && c.status === 'not_corrected' ? (
                  <Button size="small" onClick={() => setAsking({ kind: 'handOver', correction: c })} data-testid="correction-hand-over">
                    移交
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
        data-testid="corrections-table"
      />
      <CorrectionModals inspection={i} asking={asking} onClose={() => setAsking(null)} />
    </div>
  );
}

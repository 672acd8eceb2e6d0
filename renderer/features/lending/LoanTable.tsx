import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { LoanDto } from '../../../shared/contract/lending';
import { hrefOf } from '../../router/navigation';
import { useCurrentUser } from '../auth/session-context';
import { dateTimeText } from '../inspections/inspection-labels';
import { LoanActionModal, type LoanAction } from './LoanActionModal';
import { LOAN_FORM_LABELS, LOAN_PURPOSE_LABELS, LOAN_STATE_LABELS } from '../../../shared/domain/lending/lending';
import { STATE_COLORS, testId } from './lending-labels';
import { useOpenLoanCopy } from './use-open-loan-copy';

type Props = {
  loans: LoanDto[];
  loading: boolean;
  /** Show the volume (档号, title): off inside one volume's record. */
  showVolume: boolean;
  pagination?: { page: number; pageSize: number; total: number; onChange(page: number, pageSize: number): void };
};

/** Loans with the steps the signed-in user may take on each (the core decides; buttons only offer). */
export function LoanTable({ loans, loading, showVolume, pagination }: Props) {
  const user = useCurrentUser();
  const clerk = user.roles.includes('clerk') || user.roles.includes('admin');
  const copy = useOpenLoanCopy();
  const [acting, setActing] = useState<{ loan: LoanDto; action: LoanAction } | null>(null);
  const act = (loan: LoanDto, action: LoanAction, label: string) => (
    <Button size="small" onClick={() => setActing({ loan, action })} {...testId(`loan-${action}-${loan.id}`)}>
      {label}
    </Button>
  );

  const columns: ColumnsType<LoanDto> = [
    ...(showVolume
      ? [{ title: '档号 / 专卷', key: 'volume', render: (_: unknown, l: LoanDto) => (
          <div>
            <Typography.Text className="cb-code">{l.archiveNo}</Typography.Text>
            <br />
            <a href={hrefOf(`/volumes/${l.volumeId}`)}>{l.volumeTitle}</a>
          </div>
        ) }]
      : []),
    { title: '借阅人', key: 'borrower', render: (_, l) => <>{l.borrowerName}{l.borrowerUnit ? <Typography.Text type="secondary"><br />{l.borrowerUnit}</Typography.Text> : null}</> },
    { title: '方式', key: 'form', width: 90, render: (_, l) => LOAN_FORM_LABELS[l.form] },
    { title: '目的', key: 'purpose', render: (_, l) => <>{LOAN_PURPOSE_LABELS[l.purpose]}{l.purposeNote ? `：${l.purposeNote}` : ''}</> },
    { title: '天数', dataIndex: 'days', width: 60 },
    { title: '到期日', key: 'due', render: (_, l) => (l.overdue ? <Typography.Text type="danger">{l.dueOn}（逾期）</Typography.Text> : (l.dueOn ?? '—')) },
    { title: '状态', key: 'state', render: (_, l) => <Tag color={l.overdue ? 'red' : STATE_COLORS[l.state]} {...testId(`loan-state-${l.id}`)}>{l.overdue ? '逾期' : LOAN_STATE_LABELS[l.state]}</Tag> },
    { title: '申请', key: 'requested', render: (_, l) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.requestedByName ?? '—'}<br />{dateTimeText(l.requestedAt)}</Typography.Text> },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, l) => (
        <Space wrap size={4}>
          {clerk && l.state === 'requested' ? <>{act(l, 'approve', '批准')}{act(l, 'reject', '不予借阅')}</> : null}
          {clerk && l.form === 'paper' && l.status === 'approved' ? act(l, 'checkOut', '借出') : null}
          {clerk && l.status === 'out' ? act(l, 'return', '归还') : null}
          {l.copyAvailable && l.borrowerUserId === user.id ? (
            <>
              <Button size="small" type="primary" loading={copy.busy} onClick={() => void copy.open(l.id, 'view')} {...testId(`loan-view-${l.id}`)}>查看</Button>
              <Button size="small" loading={copy.busy} onClick={() => void copy.open(l.id, 'export')} {...testId(`loan-export-${l.id}`)}>导出</Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<LoanDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={loans}
        loading={loading}
        locale={{ emptyText: '没有借阅记录' }}
        onRow={(l) => testId(`loan-row-${l.id}`)}
        pagination={pagination ? { current: pagination.page, pageSize: pagination.pageSize, total: pagination.total, onChange: pagination.onChange, showSizeChanger: false } : false}
      />
      {acting ? <LoanActionModal loan={acting.loan} action={acting.action} onClose={() => setActing(null)} /> : null}
    </>
  );
}

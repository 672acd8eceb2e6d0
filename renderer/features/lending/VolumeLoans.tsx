import { ReadOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { LoanRequestModal } from './LoanRequestModal';
import { LoanTable } from './LoanTable';
import { testId } from './lending-labels';

/** In an archive record: whether the paper original is out, 申请借阅, and the volume's loans. */
export function VolumeLoans({ volumeId, canEdit }: { volumeId: number; canEdit: boolean }) {
  const user = useCurrentUser();
  const loans = useRpc('lending.list', { volumeId, page: 1, pageSize: 100 });
  const [asking, setAsking] = useState(false);
  const out = loans.data?.items.find((l) => l.status === 'out');
  return (
    <div style={{ display: 'grid', gap: 8 }} {...testId('volume-loans')}>
      <Space wrap>
        <Typography.Text strong>借阅</Typography.Text>
        {out ? (
          <Tag color={out.overdue ? 'red' : 'orange'} {...testId('paper-out')}>
            纸质原件借出：{out.borrowerName}，{out.overdue ? '已逾期' : '应还'} {out.dueOn}
          </Tag>
        ) : (
          <Tag {...testId('paper-in')}>纸质原件在库</Tag>
        )}
        <Button size="small" icon={<ReadOutlined />} onClick={() => setAsking(true)} {...testId('loan-request')}>
          申请借阅
        </Button>
      </Space>
      <LoanTable loans={loans.data?.items ?? []} loading={loans.isLoading} showVolume={false} />
      <LoanRequestModal volumeId={volumeId} canRecordExternal={canEdit && (user.roles.includes('clerk') || user.roles.includes('admin'))} open={asking} onClose={() => setAsking(false)} />
    </div>
  );
}

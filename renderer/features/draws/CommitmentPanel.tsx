import { PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DrawDto } from '../../../shared/contract/draws';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from '../plans/plan-labels';
import { NoteModal } from '../plans/NoteModal';
import { SEED_SOURCE_LABELS } from './draw-labels';
import { HashText } from './HashText';

/** The seed commitment to announce before drawing, then ② 开始摇号 (or 作废 with a reason). */
export function CommitmentPanel({ draw, canRun }: { draw: DrawDto; canRun: boolean }) {
  const { message } = App.useApp();
  const [abandoning, setAbandoning] = useState(false);
  const run = useRpcMutation('draws.run');
  const abandon = useRpcMutation('draws.abandon');

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="commitment-panel">
      <div style={{ border: '1px solid #d6e4f5', background: '#f4f8fd', borderRadius: 4, padding: '12px 16px' }}>
        <Typography.Text type="secondary">种子承诺（SHA-256）</Typography.Text>
        <div style={{ marginTop: 4 }}>
          <HashText value={draw.seedCommitment} large testId="seed-commitment" />
        </div>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'at', label: '生成时间', children: <span data-testid="committed-at">{dateTimeText(draw.committedAt)}</span> },
          { key: 'source', label: '种子来源', children: SEED_SOURCE_LABELS[draw.seedSource] },
          { key: 'witness', label: '监督人', children: draw.witness ?? '—' },
        ]}
      />
      <Alert
        type="info"
        showIcon
        title="请先公布种子承诺，再开始摇号"
        description="将上面的 64 位种子承诺向监督人及在场人员公布（宣读、投屏或张贴），并拍照或录像留存。摇号完成后系统公开种子本身，任何人都可以核对 SHA-256(种子) 与此承诺一致，证明种子没有在摇号后被更改。"
      />
      {canRun ? (
        <Space>
          <Button
            type="primary"
            size="large"
            icon={<PlayCircleOutlined />}
            loading={run.isPending}
            onClick={() => void run.mutateAsync({ id: draw.id }).catch((e: unknown) => void message.error(failureMessage(e)))}
            data-testid="draw-run"
          >
            开始摇号
          </Button>
          <Button danger icon={<StopOutlined />} onClick={() => setAbandoning(true)} data-testid="draw-abandon">
            作废
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">等待计划编制人员开始摇号。</Typography.Text>
      )}
      <NoteModal
        open={abandoning}
        title="作废本次种子承诺"
        label="作废原因"
        required
        danger
        okText="作废"
        placeholder="如：监督人未到场，改期摇号"
        onSubmit={(reason) => abandon.mutateAsync({ id: draw.id, reason: reason ?? '' }).then(() => void message.success('已作废，种子已公开；可重新生成种子承诺'))}
        onClose={() => setAbandoning(false)}
      />
    </div>
  );
}

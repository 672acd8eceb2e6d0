import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Typography } from 'antd';
import type { DrawDto } from '../../../shared/contract/draws';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcAction } from '../../rpc/use-rpc';
import { dateTimeText } from '../plans/plan-labels';
import { SEED_SOURCE_LABELS } from './draw-labels';
import { DrawExportButton } from './DrawExportButton';
import { DrawSelectionsTable } from './DrawSelectionsTable';
import { DrawVerifyPanel } from './DrawVerifyPanel';
import { HashText } from './HashText';

/** ③ A completed draw: the revealed seed and digests, 校验 (replay) and 导出, and the drawn list. */
export function DrawResult({ draw }: { draw: DrawDto }) {
  const { message } = App.useApp();
  const verify = useRpcAction('draws.verify');

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="draw-result">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text>
          摇号完成：从 <Typography.Text strong>{draw.populationSize ?? 0}</Typography.Text> 户中抽中{' '}
          <Typography.Text strong data-testid="draw-selected-count">
            {draw.selectedCount ?? 0}
          </Typography.Text>{' '}
          户，已为每户生成检查任务与抽查专卷。
        </Typography.Text>
        <Space>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => void verify.mutateAsync({ id: draw.id }).catch((e: unknown) => void message.error(failureMessage(e)))}
            data-testid="draw-verify"
          >
            校验
          </Button>
          <DrawExportButton drawId={draw.id} />
        </Space>
      </Space>
      {verify.data ? <DrawVerifyPanel result={verify.data} /> : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        styles={{ label: { whiteSpace: 'nowrap', width: 130 } }}
        data-testid="draw-result-fields"
        items={[
          { key: 'seed', label: '种子（已公开）', span: 'filled', children: draw.seedHex ? <HashText value={draw.seedHex} testId="draw-seed" /> : '—' },
          { key: 'commitment', label: '种子承诺', span: 'filled', children: <HashText value={draw.seedCommitment} testId="draw-commitment" /> },
          { key: 'population', label: '检查对象库摘要', span: 'filled', children: draw.populationDigest ? <HashText value={draw.populationDigest} testId="draw-population-digest" /> : '—' },
          { key: 'record', label: '摇号记录哈希', span: 'filled', children: draw.recordSha256 ? <HashText value={draw.recordSha256} /> : '—' },
          { key: 'size', label: '检查对象库', children: `${draw.populationSize ?? 0} 户` },
          { key: 'source', label: '种子来源', children: `${SEED_SOURCE_LABELS[draw.seedSource]}${draw.seedNote ? `：${draw.seedNote}` : ''}` },
          { key: 'committed', label: '公布承诺时间', children: dateTimeText(draw.committedAt) },
          { key: 'drawn', label: '摇号时间', children: dateTimeText(draw.drawnAt) },
          { key: 'witness', label: '监督人', children: draw.witness ?? '—' },
          { key: 'id', label: '摇号编号', children: `#${draw.id}` },
        ]}
      />
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        抽中名单
      </Typography.Title>
      <DrawSelectionsTable drawId={draw.id} />
    </div>
  );
}

import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { VolumeDto } from '../../../shared/contract/volumes';
import { CUSTODY_RULE_LABELS } from '../../../shared/domain/items';
import { MANUAL_VOLUME_BASIS_LABELS, MANUAL_VOLUME_PURPOSE_LABELS, RETENTION_LABELS } from '../../../shared/domain/volumes/volumes';
import { hrefOf } from '../../router/navigation';
import { useRpcMutation } from '../../rpc/use-rpc';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { VOLUME_STATUS_COLORS, VOLUME_STATUS_LABELS, type VolumePermissions } from './volume-labels';

/** The title (editable in place), the target, 保管单位 vs 实施检查单位, status and retention. */
export function VolumeHeader({ volume: v, can }: { volume: VolumeDto; can: VolumePermissions }) {
  const update = useRpcMutation('volumes.update');
  const action = useInspectionAction();
  const differ = v.custodyBureauId !== v.inspectingBureauId;
  const rename = (title: string) => {
    const next = title.trim();
    if (next === '' || next === v.title) return;
    void action.run(() => update.mutateAsync({ id: v.id, version: v.version, title: next }), '已修改案卷题名');
  };

  return (
    <Card
      size="small"
      data-testid="volume-header"
      title={
        <Space size={8} wrap style={{ whiteSpace: 'normal' }}>
          <Typography.Text
            strong
            style={{ fontSize: 16 }}
            data-testid="volume-title"
            editable={can.edit ? { onChange: rename, triggerType: ['icon'], tooltip: '修改案卷题名', maxLength: 300 } : false}
          >
            {v.title}
          </Typography.Text>
          <Tag color={VOLUME_STATUS_COLORS[v.status]} data-testid="volume-status">
            {VOLUME_STATUS_LABELS[v.status]}
          </Tag>
          {v.complete ? <Tag color="success">材料齐全</Tag> : <Tag color="warning">材料不齐全</Tag>}
        </Space>
      }
    >
      <ProblemAlert problem={action.problem} testId="volume-header-problem" />
      <Descriptions size="small" column={4} data-testid="volume-facts">
        <Descriptions.Item label="检查对象">
          <span data-testid="volume-target">{v.targetName}</span>
        </Descriptions.Item>
        {v.purpose ? (
          <Descriptions.Item label="检查来源">
            <span data-testid="volume-source">
              {MANUAL_VOLUME_PURPOSE_LABELS[v.purpose]}（{MANUAL_VOLUME_BASIS_LABELS[v.purpose]}：{v.basis}）
            </span>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label="抽查任务">{v.taskName ?? '—'}</Descriptions.Item>
        )}
        <Descriptions.Item label="保管单位">
          <span data-testid="volume-custody">{v.custodyBureauName}</span>
          {v.custodyRule ? <Typography.Text type="secondary">（按{CUSTODY_RULE_LABELS[v.custodyRule]}）</Typography.Text> : null}
          {differ ? <Tag style={{ marginInlineStart: 6 }}>与实施单位不同</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="实施检查单位">{v.inspectingBureauName}</Descriptions.Item>
        <Descriptions.Item label="保管期限">{RETENTION_LABELS[v.retention]}</Descriptions.Item>
        <Descriptions.Item label="档号">{v.archiveNo ?? '归档后编定'}</Descriptions.Item>
        <Descriptions.Item label="检查任务">
          {v.inspectionId ? (
            <a href={hrefOf(`/inspections/${v.inspectionId}`)} data-testid="volume-inspection-link">
              打开检查任务
            </a>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { List, Tag, Typography } from 'antd';
import type { AutoFindingDto } from '../../../shared/contract/archives';
import { FINDING_STATUS_COLORS, FINDING_STATUS_LABELS } from './archive-labels';

const ICONS = {
  ok: <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} />,
  problem: <CloseCircleFilled style={{ color: '#ff4d4f', marginTop: 4 }} />,
  not_applicable: <MinusCircleFilled style={{ color: '#bfbfbf', marginTop: 4 }} />,
} as const;

/** 自动检查: the six findings the core computes, green / red / grey, each with its notes. */
export function FindingList({ findings }: { findings: readonly AutoFindingDto[] }) {
  return (
    <List
      size="small"
      dataSource={[...findings]}
      data-testid="review-findings"
      renderItem={(f) => (
        <List.Item data-testid={`finding-${f.key}`} data-status={f.status} style={{ paddingInline: 0 }}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', width: '100%' }}>
            {ICONS[f.status]}
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text type={f.status === 'problem' ? 'danger' : undefined}>{f.label}</Typography.Text>
              {f.notes.map((n) => (
                <div key={n}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n}
                  </Typography.Text>
                </div>
              ))}
            </div>
            <Tag color={FINDING_STATUS_COLORS[f.status]} style={{ marginInlineEnd: 0 }}>
              {FINDING_STATUS_LABELS[f.status]}
            </Tag>
          </div>
        </List.Item>
      )}
    />
  );
}

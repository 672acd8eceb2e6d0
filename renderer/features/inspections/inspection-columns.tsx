import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { InspectionSummaryDto } from '../../../shared/contract/inspections';
import { FOLLOW_UP_STATUS_LABELS, INSPECTION_STATUS_LABELS } from '../../../shared/domain/inspections/inspections';
import { hrefOf } from '../../router/navigation';
import { DeadlineTag } from './DeadlineTag';
import { FOLLOW_UP_COLORS, INSPECTION_STATUS_COLORS } from './inspection-labels';

export function inspectionColumns(): TableColumnsType<InspectionSummaryDto> {
  return [
    {
      title: '检查对象',
      dataIndex: 'targetName',
      width: 300,
      render: (name: string, row) => (
        <Space orientation="vertical" size={0}>
          <a href={hrefOf(`/inspections/${row.id}`)} data-testid="inspection-link">
            {name}
          </a>
          <Typography.Text type="secondary" className="cb-code" style={{ fontSize: 12 }}>
            {row.targetCode}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '抽查任务',
      dataIndex: 'taskTitle',
      width: 240,
      ellipsis: true,
      render: (title: string, row) => (
        <span title={`${row.planTitle} · ${title}`}>{title}</span>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: InspectionSummaryDto['status']) => (
        <Tag color={INSPECTION_STATUS_COLORS[s]} data-testid="inspection-status">
          {INSPECTION_STATUS_LABELS[s]}
        </Tag>
      ),
    },
    {
      title: '后续处置',
      dataIndex: 'followUpStatus',
      width: 110,
      render: (s: InspectionSummaryDto['followUpStatus']) => (s === 'none' ? <Typography.Text type="secondary">—</Typography.Text> : <Tag color={FOLLOW_UP_COLORS[s]}>{FOLLOW_UP_STATUS_LABELS[s]}</Tag>),
    },
    { title: '检查人员', dataIndex: 'inspectorNames', width: 170, ellipsis: true, render: (names: string[]) => names.join('、') },
    {
      title: '下一期限',
      dataIndex: 'nextDeadline',
      width: 210,
      render: (d: InspectionSummaryDto['nextDeadline']) => (d ? <DeadlineTag deadline={d} withKind /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
}

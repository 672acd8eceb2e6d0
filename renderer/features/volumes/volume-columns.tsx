import { Tag, Typography, type TableColumnsType } from 'antd';
import type { VolumeSummaryDto } from '../../../shared/contract/volumes';
import { MANUAL_VOLUME_PURPOSE_LABELS } from '../../../shared/domain/volumes/volumes';
import { hrefOf } from '../../router/navigation';
import { VOLUME_STATUS_COLORS, VOLUME_STATUS_LABELS } from './volume-labels';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

export function volumeColumns(): TableColumnsType<VolumeSummaryDto> {
  return [
    {
      title: '案卷题名',
      dataIndex: 'title',
      width: 280,
      ellipsis: true,
      render: (title: string, row) => (
        <a href={hrefOf(`/volumes/${row.id}`)} title={title} data-testid="volume-link">
          {title}
        </a>
      ),
    },
    { title: '检查对象', dataIndex: 'targetName', width: 190, ellipsis: true },
    {
      title: '抽查任务 / 来源',
      dataIndex: 'taskName',
      width: 160,
      ellipsis: true,
      // A volume opened by hand has no task: its source (投诉举报 TS-2026-0012) takes the column.
      render: (t: string | null, row) => (row.purpose ? <span title={row.basis ?? undefined}>{`${MANUAL_VOLUME_PURPOSE_LABELS[row.purpose]} ${row.basis ?? ''}`}</span> : (t ?? dash)),
    },
    {
      title: '保管单位',
      dataIndex: 'custodyBureauName',
      width: 140,
      ellipsis: true,
      render: (name: string, row) => <span title={`实施检查：${row.inspectingBureauName}`}>{name}</span>,
    },
    { title: '实施检查单位', dataIndex: 'inspectingBureauName', width: 140, ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: VolumeSummaryDto['status']) => (
        <Tag color={VOLUME_STATUS_COLORS[s]} data-testid="volume-status">
          {VOLUME_STATUS_LABELS[s]}
        </Tag>
      ),
    },
    { title: '装订版本', dataIndex: 'boundVersion', width: 90, render: (v: number | null) => (v === null ? dash : <Tag>第 {v} 版</Tag>) },
  ];
}

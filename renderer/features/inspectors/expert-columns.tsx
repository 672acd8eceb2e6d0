import { Tag, type TableColumnsType } from 'antd';
import type { ExpertDto } from '../../../shared/contract/inspectors';
import { EXPERT_STATUS_LABELS } from '../../../shared/domain/inspectors';

export function expertColumns(bureauName: (id: number) => string): TableColumnsType<ExpertDto> {
  const text = (v: string | null) => v ?? '—';
  return [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '工作单位', dataIndex: 'organisation', width: 200, ellipsis: true, render: text },
    { title: '专业领域', dataIndex: 'field', width: 180, ellipsis: true },
    { title: '职称', dataIndex: 'title', width: 100, render: text },
    { title: '联系电话', dataIndex: 'phone', width: 130, render: text },
    { title: '电子邮箱', dataIndex: 'email', width: 160, ellipsis: true, render: text },
    { title: '所属单位', dataIndex: 'bureauId', width: 160, ellipsis: true, render: (id: number) => bureauName(id) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: ExpertDto['status']) => (s === 'active' ? EXPERT_STATUS_LABELS[s] : <Tag>{EXPERT_STATUS_LABELS[s]}</Tag>) },
  ];
}

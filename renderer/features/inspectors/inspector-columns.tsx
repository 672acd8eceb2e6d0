import { Tag, Tooltip, type TableColumnsType } from 'antd';
import type { InspectorDto } from '../../../shared/contract/inspectors';
import { INSPECTOR_STATUS_LABELS } from '../../../shared/domain/inspectors';
import { certState } from './inspector-labels';

const list = (values: string[]) => (values.length ? values.join('、') : '—');

export function inspectorColumns(bureauName: (id: number) => string, today: string): TableColumnsType<InspectorDto> {
  return [
    { title: '姓名', dataIndex: 'name', width: 90, render: (name: string) => <span data-testid="inspector-name">{name}</span> },
    { title: '所属单位', dataIndex: 'bureauId', width: 170, ellipsis: true, render: (id: number) => bureauName(id) },
    { title: '执法证号', dataIndex: 'certNo', width: 160, render: (c: string | null) => <span className="cb-code">{c ?? '—'}</span> },
    {
      title: '证件有效期至',
      dataIndex: 'certValidTo',
      width: 116,
      render: (to: string | null, i) => {
        const state = certState(i, today);
        if (state === 'none') return '—';
        const text = to ?? '长期';
        if (state === 'expired') return <Tooltip title="执法证已过期"><Tag color="error">{text}</Tag></Tooltip>;
        if (state === 'expiring') return <Tooltip title="30 天内到期"><Tag color="warning">{text}</Tag></Tooltip>;
        return text;
      },
    },
    {
      title: '执法资格',
      dataIndex: 'enforcementQualified',
      width: 84,
      render: (q: boolean) => (q ? <Tag color="green">具有</Tag> : <Tag>不具有</Tag>),
    },
    { title: '业务条线', dataIndex: 'businessLines', width: 130, ellipsis: true, render: list },
    { title: '专长', dataIndex: 'expertise', width: 110, ellipsis: true, render: list },
    { title: '负责区域', dataIndex: 'region', width: 80, ellipsis: true, render: (r: string | null) => r ?? '—' },
    { title: '联系电话', dataIndex: 'phone', width: 116, render: (p: string | null) => p ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 70,
      render: (s: InspectorDto['status']) => (s === 'active' ? INSPECTOR_STATUS_LABELS[s] : <Tag>{INSPECTOR_STATUS_LABELS[s]}</Tag>),
    },
  ];
}

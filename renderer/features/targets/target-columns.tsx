import type { TableColumnsType } from 'antd';
import type { TargetDto } from '../../../shared/contract/targets';
import { REG_STATUS_LABELS, RISK_LEVEL_LABELS } from '../../../shared/domain/targets';
import { hrefOf } from '../../router/navigation';
import { CREDIT_CLASS_LABELS, SUBJECT_KIND_SHORT, targetCode } from './target-labels';

export function targetColumns(bureauName: (id: number) => string): TableColumnsType<TargetDto> {
  return [
    {
      title: '统一社会信用代码/标识',
      key: 'code',
      width: 180,
      render: (_, t) => <span className="cb-code">{targetCode(t)}</span>,
    },
    {
      title: '名称',
      dataIndex: 'name',
      width: 250,
      ellipsis: true,
      render: (name: string, t) => (
        <a href={hrefOf(`/targets/${t.id}`)} data-testid="target-link" title="打开详情页">
          {name}
        </a>
      ),
    },
    { title: '主体类型', dataIndex: 'kind', width: 92, render: (kind: TargetDto['kind']) => SUBJECT_KIND_SHORT[kind] },
    { title: '属地', dataIndex: 'territorialBureauId', width: 170, ellipsis: true, render: (id: number) => bureauName(id) },
    { title: '行业', dataIndex: 'industry', width: 104, ellipsis: true, render: (i: string | null) => i ?? '—' },
    { title: '风险等级', dataIndex: 'riskLevel', width: 78, render: (r: TargetDto['riskLevel']) => (r ? RISK_LEVEL_LABELS[r] : '—') },
    { title: '信用等级', dataIndex: 'creditClass', width: 78, render: (c: TargetDto['creditClass']) => (c ? CREDIT_CLASS_LABELS[c] : '—') },
    { title: '登记状态', dataIndex: 'regStatus', width: 78, render: (s: TargetDto['regStatus']) => REG_STATUS_LABELS[s] },
    { title: '分类标注', dataIndex: 'tags', width: 86, render: (tags: number[]) => (tags.length ? `${tags.length} 项` : '—') },
  ];
}

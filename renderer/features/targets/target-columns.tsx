import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { TargetDto } from '../../../shared/contract/targets';
import { REG_STATUS_LABELS, RISK_LEVEL_LABELS } from '../../../shared/domain/targets';
import { hrefOf } from '../../router/navigation';
import { CREDIT_CLASS_LABELS, SUBJECT_KIND_SHORT, targetCode } from './target-labels';

export const TARGET_TABLE_WIDTH = 1330;

export function targetColumns(bureauName: (id: number) => string): TableColumnsType<TargetDto> {
  return [
    {
      title: '统一社会信用代码/标识',
      key: 'code',
      width: 190,
      render: (_, t) => <span className="cb-code">{targetCode(t)}</span>,
    },
    {
      title: '名称',
      dataIndex: 'name',
      width: 270,
      ellipsis: true,
      render: (name: string, t) => (
        <a href={hrefOf(`/targets/${t.id}`)} data-testid="target-link" title="打开详情页">
          {name}
        </a>
      ),
    },
    { title: '主体类型', dataIndex: 'kind', width: 96, render: (kind: TargetDto['kind']) => SUBJECT_KIND_SHORT[kind] },
    { title: '属地', dataIndex: 'territorialBureauId', width: 180, ellipsis: true, render: (id: number) => bureauName(id) },
    { title: '行业', dataIndex: 'industry', width: 120, ellipsis: true, render: (i: string | null) => i ?? '—' },
    { title: '风险等级', dataIndex: 'riskLevel', width: 84, render: (r: TargetDto['riskLevel']) => (r ? RISK_LEVEL_LABELS[r] : '—') },
    { title: '信用等级', dataIndex: 'creditClass', width: 84, render: (c: TargetDto['creditClass']) => (c ? CREDIT_CLASS_LABELS[c] : '—') },
    { title: '登记状态', dataIndex: 'regStatus', width: 84, render: (s: TargetDto['regStatus']) => REG_STATUS_LABELS[s] },
    { title: '分类标注', dataIndex: 'tags', width: 86, render: (tags: number[]) => (tags.length ? `${tags.length} 项` : '—') },
    { title: '更新时间', dataIndex: 'updatedAt', width: 136, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
  ];
}

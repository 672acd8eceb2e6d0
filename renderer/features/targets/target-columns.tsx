import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { TargetDto } from '../../../shared/contract/targets';
import { REG_STATUS_LABELS, RISK_LEVEL_LABELS } from '../../../shared/domain/targets';
import { hrefOf } from '../../router/navigation';
import { CREDIT_CLASS_LABELS, SUBJECT_KIND_SHORT, targetCode } from './target-labels';

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
      render: (name: string, t) => (
        <a href={hrefOf(`/targets/${t.id}`)} data-testid="target-link">
          {name}
        </a>
      ),
    },
    { title: '主体类型', dataIndex: 'kind', width: 100, render: (kind: TargetDto['kind']) => SUBJECT_KIND_SHORT[kind] },
    { title: '属地', dataIndex: 'territorialBureauId', width: 180, render: (id: number) => bureauName(id) },
    { title: '风险等级', dataIndex: 'riskLevel', width: 84, render: (r: TargetDto['riskLevel']) => (r ? RISK_LEVEL_LABELS[r] : '—') },
    { title: '信用等级', dataIndex: 'creditClass', width: 84, render: (c: TargetDto['creditClass']) => (c ? CREDIT_CLASS_LABELS[c] : '—') },
    { title: '登记状态', dataIndex: 'regStatus', width: 84, render: (s: TargetDto['regStatus']) => REG_STATUS_LABELS[s] },
    { title: '更新时间', dataIndex: 'updatedAt', width: 140, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
  ];
}

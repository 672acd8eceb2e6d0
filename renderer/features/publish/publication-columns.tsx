import type { TableColumnsType } from 'antd';
import type { PublicationRowDto } from '../../../shared/contract/publish';
import { hrefOf } from '../../router/navigation';

/** The columns of domain-reference §8.1 (抽查检查结果信息 / 双随机抽查结果信息), one row per target and item. */
export const PUBLICATION_COLUMNS: TableColumnsType<PublicationRowDto> = [
  { title: '检查实施机关', dataIndex: 'bureauName', width: 170, ellipsis: true },
  { title: '抽查类型', dataIndex: 'drawType', width: 80 },
  { title: '抽查计划', key: 'plan', width: 220, ellipsis: true, render: (_: unknown, r) => `${r.planNo} ${r.planTitle}` },
  { title: '抽查任务', key: 'task', width: 220, ellipsis: true, render: (_: unknown, r) => `${r.taskNo} ${r.taskTitle}` },
  {
    title: '检查对象',
    dataIndex: 'targetName',
    width: 220,
    ellipsis: true,
    render: (name: string, r) => (
      <a href={hrefOf(`/inspections/${r.inspectionId}`)} data-testid="publish-target">
        {name}
      </a>
    ),
  },
  { title: '统一社会信用代码', dataIndex: 'targetCode', width: 180, render: (c: string) => <span className="cb-code">{c}</span> },
  { title: '检查事项', dataIndex: 'itemName', width: 200, ellipsis: true },
  { title: '事项检查结果', dataIndex: 'itemResult', width: 160, ellipsis: true },
  { title: '抽查完成日期', dataIndex: 'completedOn', width: 110 },
  { title: '结果', dataIndex: 'result', width: 200, ellipsis: true },
  { title: '备注', dataIndex: 'remark', width: 160, ellipsis: true },
];

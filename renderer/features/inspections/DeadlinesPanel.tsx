import { Card, Empty, Table } from 'antd';
import type { DeadlineDto } from '../../../shared/contract/inspections';
import { DeadlineTag } from './DeadlineTag';
import { DEADLINE_KIND_LABELS } from './inspection-labels';

/** Every deadline of the inspection (录入, 公示, 整改, 责令改正公示) with its countdown. */
export function DeadlinesPanel({ deadlines }: { deadlines: DeadlineDto[] }) {
  return (
    <Card title="期限" size="small" data-testid="inspection-deadlines">
      {deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="检查结束后开始计算录入期限" />
      ) : (
        <Table<DeadlineDto>
          size="small"
          pagination={false}
          rowKey={(d) => `${d.kind}-${d.due}`}
          dataSource={deadlines}
          columns={[
            { title: '事项', dataIndex: 'kind', render: (k: DeadlineDto['kind']) => <span style={{ whiteSpace: 'nowrap' }}>{DEADLINE_KIND_LABELS[k]}</span> },
            { title: '截止日期', dataIndex: 'due', width: 100, render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
            { title: '状态', key: 'countdown', render: (_: unknown, d) => <DeadlineTag deadline={d} /> },
          ]}
        />
      )}
    </Card>
  );
}

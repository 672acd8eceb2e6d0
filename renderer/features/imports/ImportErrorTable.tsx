import { Table } from 'antd';
import type { ImportResult } from '../../../shared/contract/imports';

type RowIssue = ImportResult['errors'][number];

/** The rows an import refused: 行号, 列, 错误代码, 说明 (at most 1,000; the report has them all). */
export function ImportErrorTable({ errors }: { errors: RowIssue[] }) {
  return (
    <Table<RowIssue & { key: number }>
      data-testid="import-errors"
      size="small"
      virtual
      scroll={{ x: 760, y: 240 }}
      pagination={false}
      dataSource={errors.map((e, i) => ({ ...e, key: i }))}
      columns={[
        { title: '行号', dataIndex: 'line', width: 72 },
        { title: '列', dataIndex: 'column', width: 150, render: (c: string | null) => c ?? '—' },
        { title: '错误代码', dataIndex: 'code', width: 210, render: (code: string) => <span className="cb-code">{code}</span> },
        { title: '说明', dataIndex: 'message', width: 328 },
      ]}
    />
  );
}

import { Space, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';

type Props<T extends { id: number }> = {
  testId: string;
  rows: T[];
  emptyText: string;
  columns: TableColumnsType<T>;
  editable: boolean;
  /** The row's action (删除, 撤销), shown when editable. */
  action(row: T): ReactNode;
  /** The controls that add a row, shown when editable. */
  adder: ReactNode;
};

/** A small list that belongs to an inspector (不在岗期间, 回避): a table and, when editable, a row action and an add bar. */
export function InspectorSubList<T extends { id: number }>({ testId, rows, emptyText, columns, editable, action, adder }: Props<T>) {
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <Table<T>
        data-testid={testId}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText }}
        columns={[...columns, ...(editable ? [{ title: '', key: 'actions', width: 70, render: (_: unknown, row: T) => action(row) }] : [])]}
      />
      {editable ? <Space wrap>{adder}</Space> : null}
    </div>
  );
}

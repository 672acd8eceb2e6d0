import { Table, type TableColumnsType } from 'antd';
import type { Key } from 'react';
import { PAGE_SIZES } from './list-params';
import { useTableHeight } from './use-table-height';

type Props<T> = {
  testId: string;
  columns: TableColumnsType<T>;
  page: { items: T[]; total: number; totalCapped?: boolean } | undefined;
  loading: boolean;
  current: number;
  pageSize: number;
  onPageChange(page: number, pageSize: number): void;
  /** Row click or Enter on a focused row: open the detail drawer. */
  onOpen(record: T): void;
  /** The row whose drawer is open (highlighted). */
  openId?: number | null;
  emptyText: string;
  /** Height of everything around the table body (see useTableHeight). */
  chrome?: number;
};

/**
 * A directory's list: antd Table with virtual rows and server paging. Rows are focusable, so Tab / Shift+Tab
 * walk them and Enter opens the detail drawer, like a click.
 */
export function DirectoryTable<T extends { id: number }>({ testId, columns, page, loading, current, pageSize, onPageChange, onOpen, openId, emptyText, chrome = 330 }: Props<T>) {
  const height = useTableHeight(chrome);
  const total = page?.total ?? 0;
  // Virtual rows need a fixed width: the columns' own, so narrow windows scroll sideways.
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
  return (
    <Table<T>
      data-testid={testId}
      rowKey={(record): Key => record.id}
      size="middle"
      virtual
      loading={loading}
      dataSource={page?.items ?? []}
      columns={columns}
      scroll={{ x: scrollX, y: height }}
      rowClassName={(record) => (record.id === openId ? 'cb-row-open' : 'cb-row')}
      onRow={(record) => ({
        tabIndex: 0,
        onClick: (event) => {
          // Links inside a row (name → full page) keep their own meaning.
          if ((event.target as HTMLElement).closest('a, button')) return;
          onOpen(record);
        },
        onKeyDown: (event) => {
          if (event.key === 'Enter' && event.target === event.currentTarget) {
            event.preventDefault();
            onOpen(record);
          }
        },
      })}
      locale={{ emptyText }}
      pagination={{
        current,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (n) => (page?.totalCapped ? `超过 ${n} 条` : `共 ${n} 条`),
        onChange: (next, size) => onPageChange(size === pageSize ? next : 1, size),
      }}
    />
  );
}

import { Table } from 'antd';
import dayjs from 'dayjs';
import type { ItemDto, ItemListVersionDto } from '../../../shared/contract/items';
import { useRpc } from '../../rpc/use-rpc';

/** The versions of the list (单位、层级、业务条线) an item belongs to, newest first. */
export function ItemVersions({ item }: { item: ItemDto }) {
  const versions = useRpc('items.versions', { bureauId: item.bureauId, level: item.level, businessLine: item.businessLine });
  return (
    <Table<ItemListVersionDto>
      data-testid="item-versions"
      rowKey="id"
      size="small"
      loading={versions.isLoading}
      dataSource={versions.data ?? []}
      pagination={{ pageSize: 5, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: '暂无版本记录' }}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
        { title: '来源', dataIndex: 'source', ellipsis: true },
        { title: '有效事项', dataIndex: 'itemCount', width: 90 },
        { title: '操作人', dataIndex: 'createdByLogin', width: 100, render: (login: string | null) => login ?? '系统' },
        { title: '时间', dataIndex: 'createdAt', width: 160, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}

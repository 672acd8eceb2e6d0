import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TransferDto } from '../../../shared/contract/transfers';
import { hrefOf } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { bytesText, DIRECTION_LABELS, transferStatusText } from './transfer-labels';

type Direction = TransferDto['direction'] | 'all';

/** 移交记录: outgoing and incoming packages, the parties, the volumes and where each stands. */
export function TransferList() {
  const [direction, setDirection] = useState<Direction>('all');
  const list = useRpc('transfers.list', direction === 'all' ? {} : { direction });
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Space>
        <Segmented<Direction>
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'all', label: '全部' },
            { value: 'outgoing', label: '移出' },
            { value: 'incoming', label: '接收' },
          ]}
        />
      </Space>
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} /> : null}
      <Table<TransferDto>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: '还没有移交记录' }}
        data-testid="transfer-list"
        columns={[
          { title: '方向', dataIndex: 'direction', width: 64, render: (d: TransferDto['direction']) => <Tag color={d === 'outgoing' ? 'blue' : 'green'}>{DIRECTION_LABELS[d]}</Tag> },
          { title: '移交包编号', dataIndex: 'packageId', width: 200, ellipsis: true, render: (p: string) => <Typography.Text className="cb-code" copyable={{ text: p }} title={p}>{p}</Typography.Text> },
          { title: '发送单位 → 接收单位', key: 'parties', width: 260, render: (_: unknown, t) => `${t.from.name} → ${t.to.name}` },
          {
            title: '案卷',
            key: 'volumes',
            ellipsis: true,
            render: (_: unknown, t) =>
              t.volumes.map((v, i) => (
                <span key={v.id}>
                  {i > 0 ? '、' : ''}
                  {v.volumeId ? <a href={hrefOf(`/volumes/${v.volumeId}`)}>{v.title}</a> : v.title}
                </span>
              )),
          },
          { title: '大小', dataIndex: 'payloadBytes', width: 90, render: (b: number, t) => <span title={`${t.payloadFiles} 个文件`}>{bytesText(b)}</span> },
          {
            title: '状态',
            key: 'status',
            width: 150,
            render: (_: unknown, t) => {
              const s = transferStatusText(t);
              return (
                <Tag color={s.color} data-testid="transfer-status">
                  {s.text}
                </Tag>
              );
            },
          },
          { title: '时间', dataIndex: 'createdAt', width: 140, render: dateTimeText },
          { title: '办结', dataIndex: 'closedAt', width: 140, render: dateTimeText },
        ]}
      />
    </div>
  );
}

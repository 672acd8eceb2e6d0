import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { VolumeSummaryDto } from '../../../shared/contract/volumes';
import { RETENTION_LABELS } from '../../../shared/domain/volumes/volumes';
import { hrefOf, navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMany } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { VOLUME_STATUS_COLORS, VOLUME_STATUS_LABELS } from '../volumes/volume-labels';
import { locationText } from './LocationSection';

const PAGE_SIZE = 20;
const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** Volumes in legal review or archived; archived rows show 档号, retention and where the paper originals are. */
export function ArchiveVolumesTable({ status }: { status: 'in_review' | 'archived' }) {
  const [page, setPage] = useState(1);
  const list = useRpc('volumes.list', { status, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const rows = list.data?.items ?? [];
  // The list carries no archive facts; the page's archive records are read alongside (local host, ≤ 20 rows).
  const records = useRpcMany('archives.get', status === 'archived' ? rows.map((r) => ({ volumeId: r.id })) : [], { staleTime: 30_000 });
  const recordOf = new Map(records.flatMap((q) => (q.data ? [[q.data.volumeId, q.data] as const] : [])));

  return (
    <>
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<VolumeSummaryDto>
        size="small"
        rowKey="id"
        dataSource={rows}
        loading={list.isFetching && !list.data}
        data-testid={`archive-volumes-${status}`}
        locale={{ emptyText: status === 'archived' ? '还没有已归档的专卷' : '没有正在法制审核的专卷' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
        onRow={(row) => ({ tabIndex: 0, onKeyDown: (e) => e.key === 'Enter' && navigate(`/volumes/${row.id}`) })}
        columns={[
          ...(status === 'archived'
            ? [{ title: '档号', key: 'archiveNo', width: 210, render: (_: unknown, row: VolumeSummaryDto) => { const no = recordOf.get(row.id)?.archiveNo; return no ? <span className="cb-code" data-testid="archive-row-no">{no}</span> : dash; } }]
            : []),
          {
            title: '案卷题名',
            dataIndex: 'title',
            ellipsis: true,
            render: (title: string, row) => (
              <a href={hrefOf(`/volumes/${row.id}`)} title={title} data-testid="archive-volume-link">
                {title}
              </a>
            ),
          },
          { title: '保管单位', dataIndex: 'custodyBureauName', width: 170, ellipsis: true },
          ...(status === 'archived'
            ? [
                { title: '保管期限', key: 'retention', width: 90, render: (_: unknown, row: VolumeSummaryDto) => { const r = recordOf.get(row.id)?.retention; return r ? RETENTION_LABELS[r] : dash; } },
                { title: '存放位置', key: 'location', width: 250, ellipsis: true, render: (_: unknown, row: VolumeSummaryDto) => { const l = recordOf.get(row.id)?.locations[0]; return l ? locationText(l) : <Typography.Text type="secondary">未登记</Typography.Text>; } },
                { title: '归档时间', key: 'archivedAt', width: 140, render: (_: unknown, row: VolumeSummaryDto) => dateTimeText(recordOf.get(row.id)?.archivedAt) },
              ]
            : [
                { title: '装订版本', dataIndex: 'boundVersion', width: 90, render: (v: number | null) => (v === null ? dash : `第 ${v} 版`) },
                { title: '状态', dataIndex: 'status', width: 90, render: (s: VolumeSummaryDto['status']) => <Tag color={VOLUME_STATUS_COLORS[s]}>{VOLUME_STATUS_LABELS[s]}</Tag> },
                { title: '更新时间', dataIndex: 'updatedAt', width: 140, render: dateTimeText },
              ]),
        ]}
      />
    </>
  );
}

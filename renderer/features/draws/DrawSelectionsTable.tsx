import { Alert, Table, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { DrawSelectionDto } from '../../../shared/contract/draws';
import type { StratumKey } from '../../../shared/domain/draws/draw-types';
import { stratumLabel } from '../../../shared/domain/plans/plans';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { PAGE_SIZES } from '../directory/list-params';

type Member = DrawSelectionDto['inspectors'][number];

const memberText = (m: Member) => (m.certNo ? `${m.name}（${m.certNo}）` : m.name);

function Members({ members, testId }: { members: Member[]; testId: string }) {
  if (members.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ display: 'grid', gap: 2 }}>
      {members.map((m) => (
        <span key={m.id} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
          {memberText(m)}
        </span>
      ))}
    </div>
  );
}

/** 抽中名单: the drawn targets in draw order with their inspectors (姓名（执法证号）) and experts; paged on the server. */
export function DrawSelectionsTable({ drawId }: { drawId: number }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const page = useRpc('draws.selections', { drawId, ...paging }, { placeholderData: keepPreviousData });
  if (page.error) return <Alert type="error" showIcon title={failureMessage(page.error)} />;
  return (
    <Table<DrawSelectionDto>
      data-testid="draw-selections"
      className="cb-top-cells"
      rowKey="seq"
      size="small"
      loading={page.isFetching && !page.data}
      dataSource={page.data?.items ?? []}
      scroll={{ x: 1000 }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: page.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (n) => `共抽中 ${n} 户`,
        onChange: (next, size) => setPaging({ page: size === paging.pageSize ? next : 1, pageSize: size }),
      }}
      locale={{ emptyText: '没有抽中的检查对象' }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 64 },
        { title: '统一社会信用代码', dataIndex: 'code', width: 190, render: (code: string) => <span className="cb-code">{code}</span> },
        { title: '名称', dataIndex: 'name', width: 260, render: (name: string) => <span data-testid="selection-name">{name}</span> },
        { title: '分层', dataIndex: 'stratum', width: 170, render: (s: string) => stratumLabel(s as StratumKey) },
        { title: '执法检查人员', dataIndex: 'inspectors', width: 230, render: (m: Member[]) => <Members members={m} testId="selection-inspector" /> },
        { title: '专家', dataIndex: 'experts', render: (m: Member[]) => <Members members={m} testId="selection-expert" /> },
      ]}
    />
  );
}

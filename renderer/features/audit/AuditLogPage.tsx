import { Alert, Button, Card, Divider, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import type { AuditEventDto } from '../../../shared/contract/jobs';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { actionLabel, ENTITY_LABELS } from './audit-labels';
import { AuditVerifyPanel } from './AuditVerifyPanel';

type AuditEvent = z.infer<typeof AuditEventDto>;
const PAGE = 100;

export function AuditLogPage() {
  // Newest first; older pages are fetched with beforeSeq = the oldest seq shown.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const events = useRpc('audit.list', { limit: PAGE, beforeSeq: cursor });
  const rows = events.data ?? [];
  const oldest = rows[rows.length - 1]?.seq;

  return (
    <Card title="审计日志" data-testid="audit-page">
      <AuditVerifyPanel />
      <Divider />
      {events.error ? <Alert type="error" showIcon title={failureMessage(events.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<AuditEvent>
        data-testid="audit-table"
        rowKey="seq"
        size="small"
        loading={events.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', dataIndex: 'actorLogin', width: 110, render: (login: string | null) => login ?? '系统' },
          { title: '操作', dataIndex: 'action', render: (action: string) => actionLabel(action) },
          {
            title: '对象',
            key: 'entity',
            width: 150,
            render: (_, e) => `${ENTITY_LABELS[e.entity] ?? e.entity} #${e.entityId}`,
          },
          {
            title: '哈希',
            dataIndex: 'hash',
            width: 130,
            render: (hash: string) => (
              <Typography.Text code copyable={{ text: hash, tooltips: ['复制完整哈希', '已复制'] }} title={hash}>
                {hash.slice(0, 10)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          较新的记录
        </Button>
        <Button disabled={rows.length < PAGE || oldest === undefined} onClick={() => setCursors((c) => [...c, oldest])} data-testid="audit-older">
          较早的记录
        </Button>
      </div>
    </Card>
  );
}

import { TeamOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InspectionDto, InspectionMemberDto, MemberChangeDto } from '../../../shared/contract/inspections';
import { ChangeMembersModal } from './ChangeMembersModal';
import { dateTimeText } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';

/** 检查人员: the team with their 执法证号, 调整人员 (with a reason) and the change history. */
export function MembersTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const [changing, setChanging] = useState(false);
  const editable = can.edit && ['pending', 'in_progress', 'awaiting_entry'].includes(i.status);
  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="inspection-members">
      <Table<InspectionMemberDto>
        size="small"
        rowKey={(m) => `${m.kind}-${m.memberId}`}
        pagination={false}
        dataSource={i.members}
        columns={[
          { title: '序号', key: 'seq', width: 60, render: (_: unknown, __: unknown, n: number) => n + 1 },
          { title: '类别', dataIndex: 'kind', width: 90, render: (k: InspectionMemberDto['kind']) => (k === 'inspector' ? '执法人员' : '专家') },
          { title: '姓名', dataIndex: 'name', width: 140 },
          { title: '执法证号 / 单位', dataIndex: 'certNo', render: (c: string | null) => <span className="cb-code">{c ?? '—'}</span> },
          {
            title: '执法资格',
            dataIndex: 'enforcementQualified',
            width: 100,
            render: (q: boolean, m) => (m.kind === 'expert' ? '—' : q ? <Tag color="success">有</Tag> : <Tag color="error">无</Tag>),
          },
          { title: '录入账号', dataIndex: 'userId', width: 110, render: (u: number | null, m) => (m.kind === 'expert' ? '—' : u ? <Tag>已关联</Tag> : <Typography.Text type="secondary">未关联</Typography.Text>) },
        ]}
        data-testid="members-table"
      />
      {editable ? (
        <div>
          <Button icon={<TeamOutlined />} onClick={() => setChanging(true)} data-testid="members-change">
            调整人员
          </Button>
        </div>
      ) : null}
      <div>
        <Typography.Title level={5}>人员变更记录</Typography.Title>
        {i.memberChanges.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未调整过检查人员" />
        ) : (
          <Table<MemberChangeDto>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={i.memberChanges}
            className="cb-top-cells"
            columns={[
              { title: '时间', dataIndex: 'changedAt', width: 150, render: dateTimeText },
              { title: '调整前', dataIndex: 'before', render: (n: string[]) => n.join('、') },
              { title: '调整后', dataIndex: 'after', render: (n: string[]) => n.join('、') },
              { title: '原因', dataIndex: 'reason' },
              { title: '操作人', dataIndex: 'changedByName', width: 100, render: (n: string | null) => n ?? '—' },
            ]}
            data-testid="member-changes"
          />
        )}
      </div>
      <ChangeMembersModal inspection={i} open={changing} onClose={() => setChanging(false)} />
    </div>
  );
}

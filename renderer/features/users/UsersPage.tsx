import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { UserDto } from '../../../shared/contract/auth';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { CreateUserModal } from './CreateUserModal';
import { OneTimePasswordModal } from './OneTimePasswordModal';

type Shown = { login: string; displayName: string; password: string; reason: 'created' | 'reset' };

export function UsersPage() {
  const me = useCurrentUser();
  const bureaus = useBureaus();
  const { message } = App.useApp();
  const users = useRpc('users.list', {});
  const updateUser = useRpcMutation('users.update');
  const reset = useRpcMutation('users.resetPassword');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);

  const toggleActive = (user: UserDto) =>
    updateUser.mutate(
      { id: user.id, active: !user.active },
      { onSuccess: () => void message.success(user.active ? `已停用 ${user.displayName}` : `已启用 ${user.displayName}`), onError: (e) => void message.error(failureMessage(e)) },
    );
  const resetPassword = (user: UserDto) =>
    reset.mutate(
      { id: user.id },
      {
        onSuccess: ({ initialPassword }) => setShown({ login: user.login, displayName: user.displayName, password: initialPassword, reason: 'reset' }),
        onError: (e) => void message.error(failureMessage(e)),
      },
    );

  return (
    <Card
      title="用户管理"
      data-testid="users-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="users-new">
          新建用户
        </Button>
      }
    >
      {users.error ? <Alert type="error" showIcon title={failureMessage(users.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<UserDto>
        data-testid="users-table"
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: '登录名', dataIndex: 'login', width: 140, render: (login: string) => <span className="cb-code">{login}</span> },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          { title: '所属单位', dataIndex: 'bureauId', render: (id: number) => bureaus.nameOf(id) },
          { title: '角色', dataIndex: 'roles', render: (roles: UserDto['roles']) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          {
            title: '状态',
            key: 'state',
            width: 130,
            render: (_, u) => (
              <Space size={4}>
                {u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                {u.mustChangePassword ? <Tag color="orange">待改密</Tag> : null}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '从未登录') },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, u) =>
              u.id === me.id ? (
                <Tag>当前用户</Tag>
              ) : (
                <Space size={0}>
                  <Popconfirm title={u.active ? `停用 ${u.displayName}？停用后无法登录。` : `启用 ${u.displayName}？`} onConfirm={() => toggleActive(u)} okText="确定" cancelText="取消">
                    <Button type="link" size="small" danger={u.active}>
                      {u.active ? '停用' : '启用'}
                    </Button>
                  </Popconfirm>
                  <Popconfirm title={`为 ${u.displayName} 生成新的一次性密码？原密码将失效。`} onConfirm={() => resetPassword(u)} okText="重置" cancelText="取消">
                    <Button type="link" size="small">
                      重置密码
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          setShown({ login: user.login, displayName: user.displayName, password, reason: 'created' });
        }}
      />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </Card>
  );
}

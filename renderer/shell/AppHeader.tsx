import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../shared/domain/roles';
import { useCurrentUser, useSession } from '../features/auth/session-context';
import { useBureaus } from '../features/bureaus/use-bureaus';
import { JobsIndicator } from '../features/jobs/JobsIndicator';
import { SearchLauncher } from '../features/scans/SearchLauncher';

const headerText = { color: 'rgba(255,255,255,0.92)' };

export function AppHeader({ onChangePassword }: { onChangePassword(): void }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const bureaus = useBureaus();
  return (
    <div style={{ display: 'flex', alignItems: 'center', height: '100%', gap: 16 }}>
      <Typography.Text strong style={{ ...headerText, fontSize: 16, whiteSpace: 'nowrap' }} data-testid="product-name">
        casebinder 抽查专卷管理
      </Typography.Text>
      <div style={{ flex: 1 }} />
      <Space size={8} style={{ whiteSpace: 'nowrap' }} data-testid="current-user">
        <span style={headerText}>{user.displayName}</span>
        <span style={{ color: 'rgba(255,255,255,0.65)' }}>{bureaus.nameOf(user.bureauId)}</span>
        {user.roles.map((role) => (
          <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
            {ROLE_LABELS[role]}
          </Tag>
        ))}
      </Space>
      <SearchLauncher />
      <JobsIndicator />
      <Button type="text" icon={<LockOutlined />} onClick={onChangePassword} style={headerText} data-testid="change-password">
        修改密码
      </Button>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} style={headerText} data-testid="logout">
        退出
      </Button>
    </div>
  );
}

import { EditOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { formatFieldValue } from './target-labels';
import { TargetFields } from './TargetFields';
import { TargetHistory } from './TargetHistory';
import { mayEditTargets } from './target-permissions';
import { TargetTagEditor } from './TargetTagEditor';

/** A target at a glance from the list: every field, 分类标注, 变更历史; 编辑 and the full page one click away. */
export function TargetDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const user = useCurrentUser();
  const target = useRpc('targets.get', { id: id ?? 0 }, { enabled: id !== null, staleTime: 0 });
  const t = id !== null ? target.data : undefined;
  const editable = mayEditTargets(user.roles);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={780}
      destroyOnHidden
      title={
        t ? (
          <Space size={8}>
            <span data-testid="target-drawer-title">{t.name}</span>
            {t.regStatus !== 'active' ? <Tag>{formatFieldValue('regStatus', t.regStatus, String)}</Tag> : null}
          </Space>
        ) : (
          '检查对象'
        )
      }
      extra={
        t ? (
          <Space>
            <Button icon={<ExportOutlined />} onClick={() => navigate(`/targets/${t.id}`)} data-testid="target-drawer-page">
              详情页
            </Button>
            {editable ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/targets/${t.id}/edit`)} data-testid="target-drawer-edit">
                编辑
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <div data-testid="target-drawer" style={{ display: 'grid', gap: 16 }}>
        {target.error ? <Alert type="error" showIcon title={failureMessage(target.error)} /> : null}
        {!t && !target.error ? <Skeleton active /> : null}
        {t ? (
          <>
            {t.warnings.map((code) => (
              <Alert key={code} type="warning" showIcon title={isErrorCode(code) ? MESSAGES_ZH[code] : code} />
            ))}
            <TargetFields target={t} />
            <div>
              <Typography.Title level={5}>分类标注</Typography.Title>
              <TargetTagEditor key={t.version} target={t} editable={editable} />
            </div>
            <div>
              <Typography.Title level={5}>变更历史</Typography.Title>
              <TargetHistory id={t.id} />
            </div>
          </>
        ) : null}
      </div>
    </Drawer>
  );
}

import { EditOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag } from 'antd';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { navigate } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { DetailDrawer } from '../directory/DetailDrawer';
import { DrawerSection } from '../directory/DrawerSection';
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
    <DetailDrawer
      testId="target-drawer"
      id={id}
      onClose={onClose}
      size={780}
      data={t}
      error={target.error}
      fallbackTitle="检查对象"
      tag={(t) => (t.regStatus !== 'active' ? <Tag>{formatFieldValue('regStatus', t.regStatus, String)}</Tag> : null)}
      extra={(t) => (
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
      )}
    >
      {(t) => (
        <>
          {t.warnings.map((code) => (
            <Alert key={code} type="warning" showIcon title={isErrorCode(code) ? MESSAGES_ZH[code] : code} />
          ))}
          <TargetFields target={t} />
          <DrawerSection title="分类标注">
            <TargetTagEditor key={t.version} target={t} editable={editable} />
          </DrawerSection>
          <DrawerSection title="变更历史">
            <TargetHistory id={t.id} />
          </DrawerSection>
        </>
      )}
    </DetailDrawer>
  );
}

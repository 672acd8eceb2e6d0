import { EditOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Skeleton, Tag, Typography } from 'antd';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { failureMessage } from '../../rpc/rpc-failure';
import { hrefOf, navigate } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { formatFieldValue } from './target-labels';
import { TargetFields } from './TargetFields';
import { mayEditTargets } from './target-permissions';
import { TargetHistory } from './TargetHistory';
import { TargetTagEditor } from './TargetTagEditor';

function warningText(code: string): string {
  return isErrorCode(code) ? MESSAGES_ZH[code] : code;
}

export function TargetDetailPage({ id }: { id: number }) {
  const user = useCurrentUser();
  const target = useRpc('targets.get', { id });
  if (target.error) return <Alert type="error" showIcon title={failureMessage(target.error)} action={<a href={hrefOf('/targets')}>返回名录</a>} />;
  if (!target.data) return <Skeleton active />;
  const t = target.data;

  return (
    <div style={{ display: 'grid', gap: 16 }} data-testid="target-detail">
      <Breadcrumb items={[{ title: <a href={hrefOf('/targets')}>检查对象名录</a> }, { title: t.name }]} />
      <Card
        title={
          <span>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="target-title">
              {t.name}
            </Typography.Text>
            {t.regStatus !== 'active' ? <Tag style={{ marginInlineStart: 8 }}>{formatFieldValue('regStatus', t.regStatus, String)}</Tag> : null}
          </span>
        }
        extra={
          mayEditTargets(user.roles) ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/targets/${id}/edit`)} data-testid="target-edit">
              编辑
            </Button>
          ) : null
        }
      >
        {t.warnings.map((code) => (
          <Alert key={code} type="warning" showIcon title={warningText(code)} style={{ marginBottom: 12 }} data-testid="target-warning" />
        ))}
        <TargetFields target={t} />
      </Card>
      <Card title="分类标注" size="small">
        <TargetTagEditor key={t.version} target={t} editable={mayEditTargets(user.roles)} />
      </Card>
      <Card title="变更历史" size="small">
        <TargetHistory id={id} />
      </Card>
    </div>
  );
}

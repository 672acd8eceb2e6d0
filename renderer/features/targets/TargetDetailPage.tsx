import { EditOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TargetDto } from '../../../shared/contract/targets';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { failureMessage } from '../../rpc/rpc-failure';
import { hrefOf, navigate } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { FIELD_LABELS, formatFieldValue } from './target-labels';
import { mayEditTargets } from './target-permissions';
import { TargetHistory } from './TargetHistory';

const MARKET_FIELDS = ['kind', 'creditCode', 'name', 'legalRep', 'address', 'registrationBureauId', 'territorialBureauId', 'industry', 'riskLevel', 'creditClass', 'regStatus'] as const;
const NON_MARKET_FIELDS = ['kind', 'identifier', 'name', 'description', 'legalRep', 'address', 'registrationBureauId', 'territorialBureauId', 'industry', 'riskLevel', 'creditClass', 'regStatus'] as const;

function warningText(code: string): string {
  return isErrorCode(code) ? MESSAGES_ZH[code] : code;
}

function TargetFields({ target }: { target: TargetDto }) {
  const bureaus = useBureaus();
  const fields = target.kind === 'non_market' ? NON_MARKET_FIELDS : MARKET_FIELDS;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="target-fields"
      items={[
        ...fields.map((field) => ({
          key: field,
          label: FIELD_LABELS[field],
          span: field === 'description' || field === 'address' ? ('filled' as const) : undefined,
          children: (
            <span className={field === 'creditCode' || field === 'identifier' ? 'cb-code' : undefined} data-testid={`target-value-${field}`}>
              {formatFieldValue(field, target[field], bureaus.nameOf)}
            </span>
          ),
        })),
        { key: 'createdAt', label: '创建时间', children: dayjs(target.createdAt).format('YYYY-MM-DD HH:mm:ss') },
        { key: 'updatedAt', label: '更新时间', children: `${dayjs(target.updatedAt).format('YYYY-MM-DD HH:mm:ss')}（第 ${target.version} 版）` },
      ]}
    />
  );
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
      <Card title="变更历史" size="small">
        <TargetHistory id={id} />
      </Card>
    </div>
  );
}

import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { dateTimeText } from '../inspections/inspection-labels';
import { ProblemAlert } from '../inspections/ProblemAlert';
import { useInspectionAction } from '../inspections/use-inspection-action';
import { mayTrustKeys } from './transfer-labels';

/**
 * 签名密钥: this bureau's Ed25519 key (exported as a public-key file for the receivers), and other bureaus'
 * keys trusted by an admin after checking the key id by phone or on paper.
 */
export function TransferKeysCard() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const bureaus = useBureaus();
  const keys = useRpc('transfers.keys', {});
  const exportKey = useRpcMutation('transfers.exportKey');
  const trustKey = useRpcMutation('transfers.trustKey');
  const action = useInspectionAction();
  const [exported, setExported] = useState<{ file: string; keyId: string } | null>(null);
  const [trustFile, setTrustFile] = useState('');

  const doExport = () =>
    void exportKey.mutateAsync({}).then(
      (r) => setExported({ file: r.file, keyId: r.key.keyId }),
      (error: unknown) => void message.error(failureMessage(error)),
    );
  const doTrust = () => void action.run(() => trustKey.mutateAsync({ file: trustFile.trim() }), '已信任该单位的公钥').then((ok) => ok && setTrustFile(''));

  return (
    <Card size="small" title="移交签名密钥" data-testid="transfer-keys">
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Descriptions size="small" column={1} bordered>
          {(keys.data?.own ?? []).map((k) => (
            <Descriptions.Item key={k.keyId} label={`${bureaus.nameOf(k.bureauId)} 密钥编号`}>
              <Typography.Text className="cb-code" copyable>
                {k.keyId}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">生成于 {dateTimeText(k.createdAt)}</Typography.Text>
            </Descriptions.Item>
          ))}
          {keys.data && keys.data.own.length === 0 ? <Descriptions.Item label="本单位密钥">尚未生成（首次导出公钥或生成移交包时生成）</Descriptions.Item> : null}
        </Descriptions>
        <Button icon={<KeyOutlined />} loading={exportKey.isPending} onClick={doExport} data-testid="transfer-key-export">
          导出本单位公钥文件
        </Button>
        {exported ? (
          <Alert
            type="success"
            showIcon
            title={`公钥已导出，密钥编号 ${exported.keyId}`}
            description={
              <span>
                文件：<Typography.Text copyable style={{ wordBreak: 'break-all' }}>{exported.file}</Typography.Text>。交给接收单位时，请另行（电话或纸面）告知密钥编号供其核对。
              </span>
            }
            data-testid="transfer-key-exported"
          />
        ) : null}
        <Typography.Text strong>已信任的其他单位公钥</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={keys.data?.trusted ?? []}
          locale={{ emptyText: '尚未信任其他单位的公钥' }}
          columns={[
            { title: '单位', dataIndex: 'bureauName' },
            { title: '区划代码', dataIndex: 'bureauCode', width: 100, render: (c: string) => <span className="cb-code">{c}</span> },
            { title: '密钥编号', dataIndex: 'keyId', render: (k: string) => <span className="cb-code">{k}</span> },
            { title: '信任时间', dataIndex: 'trustedAt', width: 140, render: dateTimeText },
          ]}
        />
        {mayTrustKeys(user.roles) ? (
          <>
            <Space.Compact style={{ width: '100%' }}>
              <Input value={trustFile} onChange={(e) => setTrustFile(e.target.value)} placeholder="其他单位公钥文件的完整路径" className="cb-code" aria-label="公钥文件" data-testid="transfer-trust-file" />
              <Button icon={<SafetyOutlined />} disabled={trustFile.trim() === ''} loading={trustKey.isPending} onClick={doTrust} data-testid="transfer-trust">
                信任此公钥
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary">信任前请通过电话或纸面与对方核对密钥编号：信任的公钥决定接受哪些单位的移交包。</Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">信任其他单位的公钥由管理员办理。</Typography.Text>
        )}
        <ProblemAlert problem={action.problem} testId="transfer-keys-problem" />
      </Space>
    </Card>
  );
}

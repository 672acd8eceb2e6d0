import { Alert, App, Button, Descriptions, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ARCHIVE_PATTERN_TOKENS, DEFAULT_ARCHIVE_PATTERN, patternProblems } from '../../../shared/domain/archives/archives';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { FixityScheduleForm } from './FixityScheduleForm';

/** 档号规则 per bureau (§3.5): the pattern and an example; admins of the bureau (or above) change it; the periodic four-property check. */
export function ArchiveSettingsCard() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const bureaus = useBureaus();
  const [bureauId, setBureauId] = useState(user.bureauId);
  const settings = useRpc('archives.getSettings', { bureauId });
  const update = useRpcMutation('archives.updateSettings');
  const [pattern, setPattern] = useState('');
  const isAdmin = user.roles.includes('admin');
  useEffect(() => setPattern(settings.data?.pattern ?? ''), [settings.data?.pattern, bureauId]);
  const problems = pattern.trim() ? patternProblems(pattern.trim()) : ['请填写档号规则'];
  const dirty = settings.data !== undefined && pattern.trim() !== settings.data.pattern;

  const save = async (next: string) => {
    try {
      const saved = await update.mutateAsync({ bureauId, pattern: next });
      void message.success(`档号规则已保存，示例：${saved.example}`);
    } catch (error) {
      void message.error(failureMessage(error));
    }
  };

  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 820 }} data-testid="archive-settings">
      <Space wrap>
        <Typography.Text>单位</Typography.Text>
        <Select value={bureauId} onChange={setBureauId} options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} aria-label="单位" data-testid="archive-settings-bureau" />
      </Space>
      {settings.error ? <Alert type="error" showIcon title={failureMessage(settings.error)} /> : null}
      {settings.data ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="当前规则">
            <span className="cb-code">{settings.data.pattern}</span> {settings.data.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本单位设定</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="示例">
            <span className="cb-code" data-testid="archive-settings-example">{settings.data.example}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {isAdmin ? (
        <>
          <Space.Compact style={{ width: '100%' }}>
            <Input value={pattern} onChange={(e) => setPattern(e.target.value)} maxLength={100} className="cb-code" aria-label="档号规则" data-testid="archive-settings-pattern" />
            <Button type="primary" disabled={!dirty || problems.length > 0} loading={update.isPending} onClick={() => void save(pattern.trim())} data-testid="archive-settings-save">
              保存
            </Button>
            <Button disabled={settings.data?.pattern === DEFAULT_ARCHIVE_PATTERN} onClick={() => setPattern(DEFAULT_ARCHIVE_PATTERN)}>
              恢复默认
            </Button>
          </Space.Compact>
          {problems.length > 0 && pattern.trim() !== '' ? <Alert type="warning" showIcon title={problems.join('；')} /> : null}
          <Typography.Text type="secondary">
            占位符：{ARCHIVE_PATTERN_TOKENS.map((t) => `{${t}}`).join(' ')}；其余字符原样保留（DA/T 13：不同层级用“-”，同一层级用“·”）。案卷号按单位、年度、保管期限连续编号，改规则不影响已编定的档号。
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">档号规则由管理员设定。</Typography.Text>
      )}
      {settings.data ? <FixityScheduleForm settings={settings.data} isAdmin={isAdmin} /> : null}
    </div>
  );
}

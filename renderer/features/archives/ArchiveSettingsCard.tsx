import { Alert, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ARCHIVE_PATTERN_TOKENS, DEFAULT_ARCHIVE_PATTERN, patternProblems } from '../../../shared/domain/archives/archives';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { FixityScheduleForm } from './FixityScheduleForm';
import { PatternRuleEditor } from './PatternRuleEditor';
import { TitlePatternForm } from './TitlePatternForm';

/** 档号规则 per bureau (§3.5): the pattern and an example; admins of the bureau (or above) change it; the 案卷题名 rule; the periodic four-property check. */
export function ArchiveSettingsCard() {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const [bureauId, setBureauId] = useState(user.bureauId);
  const settings = useRpc('archives.getSettings', { bureauId });
  const update = useRpcMutation('archives.updateSettings');
  const isAdmin = user.roles.includes('admin');

  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 820 }} data-testid="archive-settings">
      <Space wrap>
        <Typography.Text>单位</Typography.Text>
        <Select value={bureauId} onChange={setBureauId} options={bureauOptions(bureaus.within(user.bureauId))} showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} aria-label="单位" data-testid="archive-settings-bureau" />
      </Space>
      {settings.error ? <Alert type="error" showIcon title={failureMessage(settings.error)} /> : null}
      <PatternRuleEditor
        key={`archive-${bureauId}`}
        name="档号规则"
        testId="archive-settings"
        monospace
        current={settings.data}
        examples={settings.data ? [['示例', settings.data.example, 'archive-settings-example']] : []}
        defaultPattern={DEFAULT_ARCHIVE_PATTERN}
        problemsOf={patternProblems}
        save={isAdmin ? async (pattern) => `档号规则已保存，示例：${(await update.mutateAsync({ bureauId, pattern })).example}` : undefined}
        saving={update.isPending}
        hint={`占位符：${ARCHIVE_PATTERN_TOKENS.map((t) => `{${t}}`).join(' ')}；其余字符原样保留（DA/T 13：不同层级用“-”，同一层级用“·”）。案卷号按单位、年度、保管期限连续编号，改规则不影响已编定的档号。`}
      />
      <TitlePatternForm key={`title-${bureauId}`} bureauId={bureauId} isAdmin={isAdmin} />
      {settings.data ? <FixityScheduleForm settings={settings.data} isAdmin={isAdmin} /> : null}
    </div>
  );
}

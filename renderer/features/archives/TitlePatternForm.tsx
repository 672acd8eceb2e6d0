import { Alert } from 'antd';
import { DEFAULT_VOLUME_TITLE_PATTERN, titlePatternProblems, VOLUME_TITLE_TOKENS } from '../../../shared/domain/volumes/volumes';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { PatternRuleEditor } from './PatternRuleEditor';

/** 案卷题名规则 of one bureau: the pattern new volumes are titled by (drawn and opened by hand), with examples. */
export function TitlePatternForm({ bureauId, isAdmin }: { bureauId: number; isAdmin: boolean }) {
  const settings = useRpc('volumes.titleSettings', { bureauId });
  const update = useRpcMutation('volumes.updateTitleSettings');
  return (
    <>
      {settings.error ? <Alert type="error" showIcon title={failureMessage(settings.error)} /> : null}
      <PatternRuleEditor
        name="案卷题名规则"
        testId="title-settings"
        current={settings.data}
        examples={settings.data ? [['摇号建卷示例', settings.data.example, 'title-settings-example'], ['手工建卷示例', settings.data.exampleByHand]] : []}
        defaultPattern={DEFAULT_VOLUME_TITLE_PATTERN}
        problemsOf={titlePatternProblems}
        save={isAdmin ? async (pattern) => `题名规则已保存，示例：${(await update.mutateAsync({ bureauId, pattern })).example}` : undefined}
        saving={update.isPending}
        hint={`占位符：${VOLUME_TITLE_TOKENS.map((t) => `{${t}}`).join(' ')}（检查来源：双随机抽查，或手工建卷的投诉举报 / 转办交办；年度：计划年度或建卷年度）。只影响以后建立的专卷，已有题名不变，可在专卷中逐卷修改。`}
      />
    </>
  );
}

import { Alert, App, Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';

type Props = {
  /** 档号规则 / 案卷题名规则 */
  name: string;
  /** The bureau's rule as stored, or undefined while loading. */
  current: { pattern: string; isDefault: boolean } | undefined;
  /** Example values the rule gives, as [label, text, testId?]. */
  examples: readonly (readonly [string, string, string?])[];
  defaultPattern: string;
  problemsOf(pattern: string): string[];
  /** Saves and returns the message to show; undefined for a reader (the rule is shown, not editable). */
  save?: (pattern: string) => Promise<string>;
  saving?: boolean;
  hint: ReactNode;
  testId: string;
  monospace?: boolean;
};

/** One per-bureau naming rule: the current rule with examples; admins edit it (Enter saves), with problems named as they type. */
export function PatternRuleEditor({ name, current, examples, defaultPattern, problemsOf, save, saving, hint, testId, monospace }: Props) {
  const { message } = App.useApp();
  const [pattern, setPattern] = useState('');
  useEffect(() => setPattern(current?.pattern ?? ''), [current?.pattern]);
  const problems = pattern.trim() ? problemsOf(pattern.trim()) : [`请填写${name}`];
  const dirty = current !== undefined && pattern.trim() !== current.pattern;
  const submit = async () => {
    if (!save || !dirty || problems.length > 0) return;
    try {
      void message.success(await save(pattern.trim()));
    } catch (error) {
      void message.error(failureMessage(error));
    }
  };
  const code = monospace ? 'cb-code' : undefined;

  return (
    <>
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {name}
      </Typography.Title>
      {current ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="当前规则">
            <span className={code}>{current.pattern}</span> {current.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本单位设定</Tag>}
          </Descriptions.Item>
          {examples.map(([label, text, id]) => (
            <Descriptions.Item key={label} label={label}>
              <span className={code} data-testid={id}>
                {text}
              </span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
      {save ? (
        <>
          <Space.Compact style={{ width: '100%' }}>
            <Input value={pattern} onChange={(e) => setPattern(e.target.value)} onPressEnter={() => void submit()} maxLength={100} className={code} aria-label={name} data-testid={`${testId}-pattern`} />
            <Button type="primary" disabled={!dirty || problems.length > 0} loading={saving} onClick={() => void submit()} data-testid={`${testId}-save`}>
              保存
            </Button>
            <Button disabled={current?.pattern === defaultPattern} onClick={() => setPattern(defaultPattern)}>
              恢复默认
            </Button>
          </Space.Compact>
          {problems.length > 0 && pattern.trim() !== '' ? <Alert type="warning" showIcon title={problems.join('；')} /> : null}
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{name}由管理员设定。</Typography.Text>
      )}
    </>
  );
}

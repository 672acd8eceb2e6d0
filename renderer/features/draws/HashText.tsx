import { Typography } from 'antd';

type Props = { value: string; testId?: string; large?: boolean };

/** A SHA-256 / seed in monospace, wrapping anywhere, with a copy button (copies the plain hex). */
export function HashText({ value, testId, large = false }: Props) {
  return (
    <Typography.Text
      copyable={{ text: value, tooltips: ['复制', '已复制'] }}
      data-testid={testId}
      style={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", Consolas, monospace', fontSize: large ? 18 : 13, wordBreak: 'break-all', letterSpacing: large ? '0.04em' : undefined }}
    >
      {value}
    </Typography.Text>
  );
}

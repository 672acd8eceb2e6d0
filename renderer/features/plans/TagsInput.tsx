import { Select } from 'antd';

type Props = { value?: string[]; onChange?(values: string[]): void; placeholder?: string; testId?: string; ariaLabel?: string };

const SEPARATORS = ['、', '，', ','];

/** Free words as tags (专长, 部门, 领域): typed, Enter or a separator adds one. A Form.Item control. */
export function TagsInput({ value, onChange, placeholder = '输入后回车，可填多个', testId, ariaLabel }: Props) {
  return (
    <Select<string[]>
      mode="tags"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      tokenSeparators={SEPARATORS}
      open={false}
      suffixIcon={null}
      placeholder={placeholder}
      data-testid={testId}
      aria-label={ariaLabel}
    />
  );
}

import { Descriptions, type DescriptionsProps } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

type Props<F extends string> = {
  /** The list's test id is `${testId}-fields`, each value's `${testId}-value-${field}`. */
  testId: string;
  fields: readonly F[];
  label(field: F): ReactNode;
  value(field: F): ReactNode;
  /** Fields that take the rest of their row. */
  wide?(field: F): boolean;
  /** className / style of a value's span. */
  valueProps?(field: F): { className?: string; style?: CSSProperties };
  column?: DescriptionsProps['column'];
  /** Items after the fields (更新时间 …). */
  trailing: NonNullable<DescriptionsProps['items']>;
};

/** A directory record's fields as a bordered two-column list; each value carries a test id. */
export function RecordFields<F extends string>({ testId, fields, label, value, wide, valueProps, column = 2, trailing }: Props<F>) {
  return (
    <Descriptions
      bordered
      size="small"
      column={column}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid={`${testId}-fields`}
      items={[
        ...fields.map((field) => ({
          key: field,
          label: label(field),
          span: wide?.(field) ? ('filled' as const) : undefined,
          children: (
            <span {...valueProps?.(field)} data-testid={`${testId}-value-${field}`}>
              {value(field)}
            </span>
          ),
        })),
        ...trailing,
      ]}
    />
  );
}

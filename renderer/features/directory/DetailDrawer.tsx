import { Alert, Drawer, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';

type Props<T extends { name: string }> = {
  /** The body's test id; the name in the title is `${testId}-title`. */
  testId: string;
  id: number | null;
  onClose(): void;
  size: number;
  /** The loaded record (undefined while loading or closed). */
  data: T | undefined;
  error: Error | null;
  /** The title until the record has loaded. */
  fallbackTitle: string;
  /** Shown after the name in the title (e.g. a status Tag); without it the title is the name alone. */
  tag?(data: T): ReactNode;
  extra?(data: T): ReactNode;
  children(data: T): ReactNode;
};

/** A directory record's detail drawer (opened while id is not null): title, actions, load error or skeleton, then the content. */
export function DetailDrawer<T extends { name: string }>({ testId, id, onClose, size, data, error, fallbackTitle, tag, extra, children }: Props<T>) {
  const name = data ? <span data-testid={`${testId}-title`}>{data.name}</span> : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={
        data && tag ? (
          <Space size={8}>
            {name}
            {tag(data)}
          </Space>
        ) : (
          (name ?? fallbackTitle)
        )
      }
      extra={data && extra ? extra(data) : null}
    >
      <div data-testid={testId} style={{ display: 'grid', gap: 16 }}>
        {error ? <Alert type="error" showIcon title={failureMessage(error)} /> : null}
        {!data && !error ? <Skeleton active /> : null}
        {data ? children(data) : null}
      </div>
    </Drawer>
  );
}

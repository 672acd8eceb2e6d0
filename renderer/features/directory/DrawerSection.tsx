import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A titled part of a detail drawer (不在岗期间, 变更历史 …). */
export function DrawerSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </div>
  );
}

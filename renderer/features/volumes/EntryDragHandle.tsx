import { HolderOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useContext } from 'react';
import { EntryDragContext } from './entry-drag-context';

/** The grip in a 卷内文件 row: drag it with the mouse, or focus it and use Space / ↑ ↓ / Space (Esc cancels). */
export function EntryDragHandle({ title }: { title: string }) {
  const drag = useContext(EntryDragContext);
  if (!drag) return null;
  return (
    <Button
      ref={drag.setActivatorNodeRef}
      size="small"
      type="text"
      icon={<HolderOutlined />}
      {...drag.attributes}
      {...drag.listeners}
      aria-label={`拖动调整顺序：${title}`}
      title="拖动调整顺序（或按空格键拾起，↑/↓ 移动，空格键放下）"
      style={{ cursor: 'grab', touchAction: 'none' }}
      data-testid="entry-drag"
    />
  );
}

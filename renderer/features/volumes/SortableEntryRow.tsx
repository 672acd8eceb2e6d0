import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { theme } from 'antd';
import { useMemo, type CSSProperties, type HTMLAttributes } from 'react';
import { EntryDragContext } from './entry-drag-context';

type RowProps = HTMLAttributes<HTMLTableRowElement> & { 'data-row-key'?: string | number };

/** antd's body row for 卷内文件: a dnd-kit sortable row keyed by the entry id (the empty-table row stays plain). */
export function SortableEntryRow(props: RowProps) {
  if (props['data-row-key'] === undefined) return <tr {...props} />;
  return <SortableRow {...props} entryId={Number(props['data-row-key'])} />;
}

function SortableRow({ entryId, ...props }: RowProps & { entryId: number }) {
  const { token } = theme.useToken();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: entryId });
  const handle = useMemo(() => ({ setActivatorNodeRef, attributes, listeners }), [setActivatorNodeRef, attributes, listeners]);
  const style: CSSProperties = {
    ...props.style,
    transform: CSS.Translate.toString(transform),
    transition,
    ...(isDragging ? { position: 'relative', zIndex: 9, background: token.colorBgContainer, boxShadow: token.boxShadowSecondary, opacity: 0.96 } : {}),
  };
  return (
    <EntryDragContext.Provider value={handle}>
      <tr {...props} ref={setNodeRef} style={style} data-dragging={isDragging || undefined} />
    </EntryDragContext.Provider>
  );
}

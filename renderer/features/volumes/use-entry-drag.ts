import { KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type Modifier, type UniqueIdentifier } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';
import { VOLUME_DOC_TYPE_LABELS } from '../../../shared/domain/volumes/volumes';

/** Rows move up and down only. */
export const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const SCREEN_READER = { draggable: '按空格键或回车键拾起这份文件，用上下方向键移动，再按空格键或回车键放下；按 Esc 取消。' };

/**
 * Dragging in 卷内文件: the pointer (after 4 px, so a click still opens the row) and the keyboard on the grip;
 * a drop feeds the draft order (`moveTo`), saved by 保存顺序. Spoken announcements are in Chinese.
 */
export function useEntryDrag(ordered: readonly VolumeEntryDto[], moveTo: (id: number, overId: number) => boolean) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const position = (id: UniqueIdentifier | undefined) => ordered.findIndex((e) => e.id === id) + 1;
  const name = (id: UniqueIdentifier) => {
    const entry = ordered.find((e) => e.id === id);
    return entry ? (entry.title ?? VOLUME_DOC_TYPE_LABELS[entry.docType]) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `已拾起第 ${position(active.id)} 件“${name(active.id)}”。`,
    onDragOver: ({ active, over }) => (over ? `“${name(active.id)}”移到第 ${position(over.id)} 位。` : `“${name(active.id)}”不在列表上方。`),
    onDragEnd: ({ active, over }) => (over ? `“${name(active.id)}”已放到第 ${position(over.id)} 位，保存顺序后生效。` : `“${name(active.id)}”已放下，顺序未变。`),
    onDragCancel: ({ active }) => `已取消拖动，“${name(active.id)}”仍在第 ${position(active.id)} 位。`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) moveTo(Number(active.id), Number(over.id));
  };
  return { sensors, accessibility: { announcements, screenReaderInstructions: SCREEN_READER }, onDragEnd };
}

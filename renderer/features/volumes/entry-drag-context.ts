import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import { createContext } from 'react';

/** What a sortable 卷内文件 row hands to its drag handle (the handle, not the whole row, starts a drag). */
export type EntryDragHandleProps = {
  setActivatorNodeRef: (element: HTMLElement | null) => void;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
};

export const EntryDragContext = createContext<EntryDragHandleProps | null>(null);

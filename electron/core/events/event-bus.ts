import type { AppEvent } from '../../../shared/contract/events';

export type EventListener = (event: AppEvent) => void;

export type EventBus = {
  emit(event: AppEvent): void;
  subscribe(listener: EventListener): () => void;
};

/** In-process fan-out; transports subscribe and forward (IPC webContents.send, SSE). */
export function createEventBus(onListenerError: (error: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

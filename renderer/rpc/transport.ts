import type { AppEvent } from '../../shared/contract/events';
import type { Envelope, RpcRequest } from '../../shared/contract/index';

export type EventListener = (event: AppEvent) => void;

/** How the renderer reaches the backend: Electron's preload bridge or the loopback web host. */
export type Transport = {
  readonly kind: 'bridge' | 'http';
  /** Resolves with the envelope; rejects only with HostFailure (transport-level problems). */
  invoke(request: RpcRequest): Promise<Envelope<unknown>>;
  subscribe(listener: EventListener): () => void;
};

import type { AppEvent } from '../../shared/contract/events';
import type { Envelope, RpcRequest } from '../../shared/contract/index';
import { HostFailure } from './rpc-failure';
import type { Transport } from './transport';

/** What electron/preload exposes on window. */
export type Bridge = {
  invoke(request: RpcRequest): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  pathForFile?(file: File): string;
};

declare global {
  // Global augmentation needs an interface.
  interface Window {
    bridge?: Bridge;
  }
}

export function createBridgeTransport(bridge: Bridge): Transport {
  return {
    kind: 'bridge',
    async invoke(request) {
      try {
        return await bridge.invoke(request);
      } catch (cause) {
        throw new HostFailure('unreachable', { cause });
      }
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

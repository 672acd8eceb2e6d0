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

/** The preload's bridge, when this page runs inside the Electron shell. */
export function findBridge(win: Window): Bridge | undefined {
  return (win as Window & { bridge?: Bridge }).bridge;
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

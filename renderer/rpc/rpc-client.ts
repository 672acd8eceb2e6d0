import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract/index';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { watchHostToken } from './host-token';
import { createHttpTransport } from './http-transport';
import { HostFailure, RpcFailure } from './rpc-failure';
import { createSessionTokenStore, type SessionTokenStore } from './session-token';
import type { EventListener, Transport } from './transport';

/** Things every screen may need to react to, whoever made the call. */
export type ClientSignal = { type: 'unauthenticated' } | { type: 'host-failure'; failure: HostFailure };

export type RpcClient = {
  readonly transportKind: Transport['kind'];
  readonly session: SessionTokenStore;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: EventListener): () => void;
  onSignal(listener: (signal: ClientSignal) => void): () => void;
};

export function createRpcClient(transport: Transport, session: SessionTokenStore): RpcClient {
  const signalListeners = new Set<(signal: ClientSignal) => void>();
  const signal = (s: ClientSignal) => signalListeners.forEach((listener) => listener(s));

  return {
    transportKind: transport.kind,
    session,
    async call(method, input) {
      let envelope;
      try {
        envelope = await transport.invoke({ method, input, sessionToken: session.get() });
      } catch (error) {
        if (error instanceof HostFailure) signal({ type: 'host-failure', failure: error });
        throw error;
      }
      if (!envelope.ok) {
        const failure = new RpcFailure(envelope.error.code, envelope.error.details);
        if (failure.code === 'UNAUTHENTICATED') signal({ type: 'unauthenticated' });
        throw failure;
      }
      const parsed = contract[method].output.safeParse(envelope.value);
      if (!parsed.success) {
        // A contract mismatch is a backend bug; show the data anyway and make it visible in the console.
        console.error(`[rpc] ${method}: reply does not match the contract`, parsed.error.issues);
        return envelope.value as MethodOutput<typeof method>;
      }
      return parsed.data as MethodOutput<typeof method>;
    },
    subscribe: (listener) => transport.subscribe(listener),
    onSignal(listener) {
      signalListeners.add(listener);
      return () => signalListeners.delete(listener);
    },
  };
}

/** Electron when the preload bridge exists, otherwise the loopback web host. */
export function createDefaultRpcClient(win: Window = window): RpcClient {
  const bridge = findBridge(win);
  const transport = bridge ? createBridgeTransport(bridge) : createHttpTransport(watchHostToken(win));
  return createRpcClient(transport, createSessionTokenStore(win.sessionStorage));
}

import { contract, StagedFileDto, type Envelope, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract/index';
import { createBridgeTransport, findBridge } from './bridge-transport';
import { watchHostToken } from './host-token';
import { createHttpTransport } from './http-transport';
import { HostFailure, RpcFailure } from './rpc-failure';
import { createSessionTokenStore, type SessionTokenStore } from './session-token';
import type { EventListener, ExportHandoff, Transport } from './transport';

/** Things every screen may need to react to, whoever made the call. */
export type ClientSignal = { type: 'unauthenticated' } | { type: 'host-failure'; failure: HostFailure };

export type RpcClient = {
  readonly transportKind: Transport['kind'];
  readonly session: SessionTokenStore;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Copies a file the user picked or dropped into the data folder, ready for imports.preview / imports.start. */
  stageFile(file: File): Promise<StagedFileDto>;
  /** A file a finished export job wrote: its bytes (web host) or shown in the file manager (Electron). */
  fetchExport(fileName: string): Promise<ExportHandoff>;
  /** An exported file's bytes, to show inside the app on either host. */
  readExport(fileName: string): Promise<Blob>;
  subscribe(listener: EventListener): () => void;
  onSignal(listener: (signal: ClientSignal) => void): () => void;
};

export function createRpcClient(transport: Transport, session: SessionTokenStore): RpcClient {
  const signalListeners = new Set<(signal: ClientSignal) => void>();
  const signal = (s: ClientSignal) => signalListeners.forEach((listener) => listener(s));

  /** Runs one transport request: host failures and error envelopes become thrown errors (and signals). */
  async function unwrap<T>(request: () => Promise<Envelope<T>>): Promise<T> {
    let envelope: Envelope<T>;
    try {
      envelope = await request();
    } catch (error) {
      if (error instanceof HostFailure) signal({ type: 'host-failure', failure: error });
      throw error;
    }
    if (!envelope.ok) {
      const failure = new RpcFailure(envelope.error.code, envelope.error.details);
      if (failure.code === 'UNAUTHENTICATED') signal({ type: 'unauthenticated' });
      throw failure;
    }
    return envelope.value;
  }

  return {
    transportKind: transport.kind,
    session,
    async call(method, input) {
      const value = await unwrap(() => transport.invoke({ method, input, sessionToken: session.get() }));
      const parsed = contract[method].output.safeParse(value);
      if (!parsed.success) {
        // A contract mismatch is a backend bug; show the data anyway and make it visible in the console.
        console.error(`[rpc] ${method}: reply does not match the contract`, parsed.error.issues);
        return value as MethodOutput<typeof method>;
      }
      return parsed.data as MethodOutput<typeof method>;
    },
    async stageFile(file) {
      const value = await unwrap(() => transport.stageFile(file, session.get()));
      const parsed = StagedFileDto.safeParse(value);
      if (!parsed.success) console.error('[rpc] stageFile: reply does not match the contract', parsed.error.issues);
      return parsed.success ? parsed.data : (value as StagedFileDto);
    },
    fetchExport: (fileName) => unwrap(() => transport.fetchExport(fileName, session.get())),
    readExport: (fileName) => unwrap(() => transport.readExport(fileName, session.get())),
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

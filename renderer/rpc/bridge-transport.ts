import type { AppEvent } from '../../shared/contract/events';
import type { Envelope, RpcRequest } from '../../shared/contract/index';
import { HostFailure } from './rpc-failure';
import type { Transport } from './transport';

/** What electron/preload exposes on window. */
export type Bridge = {
  invoke(request: RpcRequest): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  pathForFile?(file: File): string;
  readExport?(fileName: string, sessionToken: string | null): Promise<Envelope<Uint8Array>>;
};

/** The preload's bridge, when this page runs inside the Electron shell. */
export function findBridge(win: Window): Bridge | undefined {
  return (win as Window & { bridge?: Bridge }).bridge;
}

export function createBridgeTransport(bridge: Bridge): Transport {
  const invoke = async (request: RpcRequest) => {
    try {
      return await bridge.invoke(request);
    } catch (cause) {
      throw new HostFailure('unreachable', { cause });
    }
  };
  return {
    kind: 'bridge',
    invoke,
    subscribe: (listener) => bridge.onEvent(listener),
    // Electron reads the file where it lies: the main process copies it from its local path.
    async stageFile(file, sessionToken) {
      const path = bridge.pathForFile?.(file) ?? '';
      if (!path) return { ok: false, error: { code: 'IMPORT_FILE_NOT_FOUND', details: {} } };
      return invoke({ method: 'imports.stageFile', input: { path }, sessionToken });
    },
    async readExport(fileName, sessionToken) {
      if (!bridge.readExport) return { ok: false, error: { code: 'NOT_FOUND', details: { fileName } } };
      let envelope: Envelope<Uint8Array>;
      try {
        envelope = await bridge.readExport(fileName, sessionToken);
      } catch (cause) {
        throw new HostFailure('unreachable', { cause });
      }
      return envelope.ok ? { ok: true, value: new Blob([envelope.value as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }) } : envelope;
    },
    // The desktop app does not download: it shows the exported file in the file manager.
    async fetchExport(fileName, sessionToken) {
      const envelope = await invoke({ method: 'system.revealExport', input: { fileName }, sessionToken });
      if (!envelope.ok) return envelope;
      const path = (envelope.value as { path?: unknown } | null)?.path;
      return { ok: true, value: { kind: 'revealed', path: typeof path === 'string' ? path : fileName } };
    },
  };
}

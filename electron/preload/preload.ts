/**
 * The only bridge between the sandboxed renderer and the main process. Sandboxed preloads can
 * require only a few modules, so this file imports from 'electron' alone and is bundled to one file.
 * ipcRenderer itself is never exposed: the page gets four narrow functions.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
// Type-only: erased by esbuild, so the sandboxed bundle still requires nothing but 'electron'.
import type { AppEvent, Envelope, RpcRequest } from '../../shared/contract/index';

const RPC_CHANNEL = 'rpc';
const EVENT_CHANNEL = 'event';
const EXPORT_CHANNEL = 'export-read';

/** What the renderer sees as window.bridge. */
export type Bridge = {
  invoke(request: RpcRequest): Promise<Envelope<unknown>>;
  onEvent(callback: (event: AppEvent) => void): () => void;
  pathForFile(file: File): string;
  readExport(fileName: string, sessionToken: string | null): Promise<Envelope<Uint8Array>>;
};

const bridge: Bridge = {
  invoke(request) {
    // Copy only the known fields so nothing else from the page crosses the boundary.
    return ipcRenderer.invoke(RPC_CHANNEL, {
      method: request?.method,
      input: request?.input,
      sessionToken: request?.sessionToken ?? null,
    });
  },
  onEvent(callback) {
    if (typeof callback !== 'function') throw new TypeError('onEvent expects a function');
    // The IpcRendererEvent (with its sender) stays here; the page sees the payload only.
    const listener = (_event: IpcRendererEvent, payload: AppEvent) => callback(payload);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
  readExport(fileName, sessionToken) {
    return ipcRenderer.invoke(EXPORT_CHANNEL, { fileName: String(fileName), sessionToken: sessionToken ?? null });
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);

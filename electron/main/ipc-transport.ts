import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AppContext } from '../core/app-context';
import type { Logger } from '../core/config';
import { readExport } from '../core/exports/export-file';
import type { AppEvent, Envelope, RpcRequest } from '../../shared/contract/index';
import { isAppUrl } from './app-protocol';
import type { WindowRegistry } from './main-window';

export const RPC_CHANNEL = 'rpc';
export const EVENT_CHANNEL = 'event';
/** The bytes of a file in data/exports/ (the in-app PDF preview), for a signed-in window of ours. */
export const EXPORT_CHANNEL = 'export-read';

export type RpcTransportDeps = { context: AppContext; registry: WindowRegistry; logger: Logger };

/** The one IPC handler plus event fan-out. Returns a disposer for shutdown. */
export function registerRpcTransport(deps: RpcTransportDeps): () => void {
  const { context, registry, logger } = deps;
  ipcMain.handle(RPC_CHANNEL, async (event, request: unknown): Promise<Envelope<unknown>> => {
    const refusal = refuseSender(event, registry);
    if (refusal) {
      logger.warn('rpc call refused', { reason: refusal, url: event.senderFrame?.url ?? null });
      return { ok: false, error: { code: 'FORBIDDEN', details: { reason: refusal } } };
    }
    if (!isRpcRequest(request)) {
      return { ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'malformed rpc request' } } };
    }
    return context.dispatch({ method: request.method, input: request.input, sessionToken: request.sessionToken ?? null });
  });
  ipcMain.handle(EXPORT_CHANNEL, async (event, request: unknown): Promise<Envelope<Uint8Array>> => {
    const refusal = refuseSender(event, registry);
    if (refusal) {
      logger.warn('export read refused', { reason: refusal, url: event.senderFrame?.url ?? null });
      return { ok: false, error: { code: 'FORBIDDEN', details: { reason: refusal } } };
    }
    const { fileName, sessionToken } = (typeof request === 'object' && request !== null ? request : {}) as { fileName?: unknown; sessionToken?: unknown };
    if (typeof fileName !== 'string') return { ok: false, error: { code: 'INVALID_INPUT', details: { reason: 'malformed export request' } } };
    const session = typeof sessionToken === 'string' ? await context.services.auth.resolve(sessionToken) : null;
    if (!session) return { ok: false, error: { code: 'UNAUTHENTICATED', details: {} } };
    return readExport(context.config.dataDir, fileName);
  });
  const unsubscribe = context.events.subscribe((appEvent: AppEvent) => {
    for (const window of registry.all()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, appEvent);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(RPC_CHANNEL);
    ipcMain.removeHandler(EXPORT_CHANNEL);
  };
}

/** Why a caller is not trusted, or null: top frame of one of our windows, showing app://main. */
export function refuseSender(event: IpcMainInvokeEvent, registry: WindowRegistry): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'no sender frame';
  if (!isAppUrl(frame.url)) return 'sender is not app://main';
  if (frame.parent !== null) return 'sender is a sub-frame';
  if (!registry.owns(event.sender)) return 'sender is not a casebinder window';
  return null;
}

function isRpcRequest(value: unknown): value is RpcRequest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const token = candidate.sessionToken;
  return (
    typeof candidate.method === 'string' &&
    (token === undefined || token === null || typeof token === 'string')
  );
}

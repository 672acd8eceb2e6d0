import { AppEvent } from '../../shared/contract/events';
import type { Envelope } from '../../shared/contract/index';
import { HostFailure } from './rpc-failure';
import type { EventListener, Transport } from './transport';

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

/** POST ./rpc and GET ./events (server-sent events) on the loopback web host. */
export function createHttpTransport(hostToken: () => string | null, fetchImpl: typeof fetch = window.fetch.bind(window)): Transport {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  let sourceToken: string | null = null;

  function openEvents(): void {
    const token = hostToken();
    if (source && sourceToken === token) return;
    source?.close();
    source = null;
    if (!token || listeners.size === 0) return;
    sourceToken = token;
    source = new EventSource('./events?token=' + encodeURIComponent(token));
    source.onmessage = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = AppEvent.safeParse(data);
      if (!parsed.success) return;
      for (const listener of listeners) listener(parsed.data);
    };
  }

  return {
    kind: 'http',
    async invoke(request) {
      const token = hostToken();
      if (!token) throw new HostFailure('token-invalid');
      let response: Response;
      try {
        response = await fetchImpl('./rpc', {
          method: 'POST',
          headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        });
      } catch (cause) {
        throw new HostFailure('unreachable', { cause });
      }
      if (response.status === 401 || response.status === 403) throw new HostFailure('token-invalid');
      let body: unknown;
      try {
        body = await response.json();
      } catch (cause) {
        throw new HostFailure('bad-response', { cause });
      }
      if (!isEnvelope(body)) throw new HostFailure('bad-response');
      openEvents(); // follows a new token (address opened again) once it proved valid
      return body;
    },
    subscribe(listener) {
      listeners.add(listener);
      openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

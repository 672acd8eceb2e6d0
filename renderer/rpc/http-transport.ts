import { AppEvent } from '../../shared/contract/events';
import type { Envelope } from '../../shared/contract/index';
import { HostFailure } from './rpc-failure';
import type { EventListener, Transport } from './transport';

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

async function readEnvelope(response: Response): Promise<Envelope<unknown>> {
  if (response.status === 401 || response.status === 403) throw new HostFailure('token-invalid');
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new HostFailure('bad-response', { cause });
  }
  if (!isEnvelope(body)) throw new HostFailure('bad-response');
  return body;
}

/** POST ./rpc, GET ./events (server-sent events), POST ./upload and GET ./exports/NAME on the loopback web host. */
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

  /** Every request but the event stream carries the host token as a bearer token. */
  async function send(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
    const token = hostToken();
    if (!token) throw new HostFailure('token-invalid');
    try {
      return await fetchImpl(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer ' + token } });
    } catch (cause) {
      throw new HostFailure('unreachable', { cause });
    }
  }

  const fetchExport: Transport['fetchExport'] = async (fileName, sessionToken) => {
    const response = await send('./exports/' + encodeURIComponent(fileName), { method: 'GET', headers: { 'X-Casebinder-Session': sessionToken ?? '' } });
    if (response.status === 404) return { ok: false, error: { code: 'NOT_FOUND', details: { fileName } } };
    // A refused session comes back as a JSON envelope; the file itself as octet-stream.
    if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      const envelope = await readEnvelope(response);
      return envelope.ok ? { ok: false, error: { code: 'INTERNAL', details: {} } } : envelope;
    }
    if (!response.ok) throw new HostFailure('bad-response');
    return { ok: true, value: { kind: 'blob', blob: await response.blob() } };
  };

  return {
    kind: 'http',
    async invoke(request) {
      const response = await send('./rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      const envelope = await readEnvelope(response);
      openEvents(); // follows a new token (address opened again) once it proved valid
      return envelope;
    },
    async stageFile(file, sessionToken) {
      // The raw bytes; the host streams them into the data folder and answers with a StagedFileDto envelope.
      const response = await send('./upload?name=' + encodeURIComponent(file.name), {
        method: 'POST',
        headers: { 'X-Casebinder-Session': sessionToken ?? '', 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      return readEnvelope(response);
    },
    // The web host always hands over the bytes: the same request as fetchExport.
    async readExport(fileName, sessionToken) {
      const handed = await fetchExport(fileName, sessionToken);
      if (!handed.ok) return handed;
      return handed.value.kind === 'blob' ? { ok: true, value: handed.value.blob } : { ok: false, error: { code: 'NOT_FOUND', details: { fileName } } };
    },
    fetchExport,
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

import type { AppEvent } from '../../shared/contract/events';
import type { Envelope, RpcRequest } from '../../shared/contract/index';

export type EventListener = (event: AppEvent) => void;

/** What a finished export becomes on this transport: the bytes (web host) or a file shown in its folder (Electron). */
export type ExportHandoff = { kind: 'blob'; blob: Blob } | { kind: 'revealed'; path: string };

/** How the renderer reaches the backend: Electron's preload bridge or the loopback web host. */
export type Transport = {
  readonly kind: 'bridge' | 'http';
  /** Resolves with the envelope; rejects only with HostFailure (transport-level problems). */
  invoke(request: RpcRequest): Promise<Envelope<unknown>>;
  subscribe(listener: EventListener): () => void;
  /** Copies a picked or dropped file into the data folder for an import; the envelope holds a StagedFileDto. */
  stageFile(file: File, sessionToken: string | null): Promise<Envelope<unknown>>;
  /** Hands over a file written to the data folder's exports/. */
  fetchExport(fileName: string, sessionToken: string | null): Promise<Envelope<ExportHandoff>>;
  /** The bytes of an exported file, for showing it inside the app (the PDF preview) on both hosts. */
  readExport(fileName: string, sessionToken: string | null): Promise<Envelope<Blob>>;
};

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { writeDurable } from '../blobs/durable-files';

/**
 * BagIt (RFC 8493) as casebinder writes and reads it: payload under data/, manifest-sha256.txt over the
 * payload, bag-info.txt (with Payload-Oxum), tagmanifest-sha256.txt over the tag files, and a detached
 * Ed25519 signature over the tag manifest's exact bytes in tagmanifest-sha256.txt.sig (not itself listed:
 * it signs the list). Payload file names are ASCII (RFC 8493 §2.1.3 percent-encoding is then never needed).
 */
export const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'] as const;
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const SIGNATURE_FILE = 'tagmanifest-sha256.txt.sig';
const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export type BagInfo = [label: string, value: string][];

/** A bag being written in a working folder: payload files first, then `finish` writes the tag files. */
export function bagWriter(root: string) {
  const payload = new Map<string, { sha256: string; size: number }>();
  return {
    async add(relPath: string, bytes: Uint8Array | string): Promise<string> {
      if (!/^[A-Za-z0-9._/-]+$/.test(relPath) || relPath.includes('..')) throw new Error(`bad payload path ${relPath}`);
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      const rel = `data/${relPath}`;
      await writeDurable(path.join(root, rel), data);
      const digest = sha256(data);
      payload.set(rel, { sha256: digest, size: data.byteLength });
      return digest;
    },
    /** Writes bag-info (with Payload-Oxum), both manifests; returns the tag manifest's bytes to sign. */
    async finish(info: BagInfo): Promise<{ tagManifest: string; oxum: { bytes: number; files: number } }> {
      const oxum = { bytes: [...payload.values()].reduce((a, p) => a + p.size, 0), files: payload.size };
      const manifest = [...payload.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, f]) => `${f.sha256}  ${p}\n`).join('');
      const bagInfo = [...info, ['Payload-Oxum', `${oxum.bytes}.${oxum.files}`] as [string, string]].map(([k, v]) => `${k}: ${v.replace(/\s*\n\s*/g, ' ')}\n`).join('');
      const tags: Record<(typeof TAG_FILES)[number], string> = { 'bagit.txt': BAGIT_TXT, 'bag-info.txt': bagInfo, 'manifest-sha256.txt': manifest };
      for (const name of TAG_FILES) await writeDurable(path.join(root, name), tags[name]);
      const tagManifest = TAG_FILES.map((name) => `${sha256(tags[name])}  ${name}\n`).join('');
      await writeDurable(path.join(root, TAG_MANIFEST), tagManifest);
      return { tagManifest, oxum };
    },
  };
}

export type VerifiedBag = { root: string; info: Map<string, string>; tagManifest: Buffer; signature: Buffer; payload: Map<string, { sha256: string; size: number }>; oxum: { bytes: number; files: number } };

const incomplete = (details: Record<string, unknown>) => new AppError('TRANSFER_PACKAGE_INCOMPLETE', details);
const tampered = (details: Record<string, unknown>) => new AppError('TRANSFER_HASH_MISMATCH', details);

async function readOr(file: string, missing: () => AppError): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing();
    throw error;
  }
}

/** `<sha256>  <path>` lines; anything else is a malformed manifest. */
function parseManifest(text: string, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^([0-9a-f]{64}) +(\S.*)$/.exec(line.replace(/\r$/, ''));
    if (!m || out.has(m[2] as string)) throw new AppError('TRANSFER_PACKAGE_INVALID', { file: name, line: line.slice(0, 120) });
    out.set(m[2] as string, m[1] as string);
  }
  return out;
}

async function listFiles(root: string, rel = 'data'): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(root, child)));
    else out.push(child);
  }
  return out;
}

/**
 * Read a bag and check it completely: tag files present, their hashes in the tag manifest, every payload
 * file present with its hash and no file under data/ left out of the manifest, Payload-Oxum equal. The
 * signature is returned for the caller to check against a trusted key (before any of this is believed).
 */
export async function readBag(root: string, checkSignature: (tagManifest: Buffer, signature: Buffer, info: Map<string, string>) => Promise<void>): Promise<VerifiedBag> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw incomplete({ dir: root, missing: ['bagit.txt'] });
  const tagManifest = await readOr(path.join(root, TAG_MANIFEST), () => incomplete({ missing: [TAG_MANIFEST] }));
  const signature = await readOr(path.join(root, SIGNATURE_FILE), () => incomplete({ missing: [SIGNATURE_FILE] }));
  const tags = new Map<string, Buffer>();
  for (const name of TAG_FILES) tags.set(name, await readOr(path.join(root, name), () => incomplete({ missing: [name] })));
  const info = parseBagInfo((tags.get('bag-info.txt') as Buffer).toString('utf8'));
  await checkSignature(tagManifest, signature, info);

  const listedTags = parseManifest(tagManifest.toString('utf8'), TAG_MANIFEST);
  for (const name of TAG_FILES) {
    const expected = listedTags.get(name);
    if (!expected) throw incomplete({ missing: [name], in: TAG_MANIFEST });
    if (sha256(tags.get(name) as Buffer) !== expected) throw tampered({ file: name });
  }
  if (!(tags.get('bagit.txt') as Buffer).toString('utf8').startsWith('BagIt-Version: 1.')) throw new AppError('TRANSFER_PACKAGE_INVALID', { file: 'bagit.txt' });

  const listed = parseManifest((tags.get('manifest-sha256.txt') as Buffer).toString('utf8'), 'manifest-sha256.txt');
  const present = new Set(await listFiles(root).catch(() => [] as string[]));
  const missing = [...listed.keys()].filter((p) => !present.has(p));
  const extra = [...present].filter((p) => !listed.has(p));
  if (missing.length > 0 || extra.length > 0) throw incomplete({ missing: missing.slice(0, 20), unlisted: extra.slice(0, 20) });
  const payload = new Map<string, { sha256: string; size: number }>();
  let bytes = 0;
  for (const [rel, expected] of listed) {
    if (!rel.startsWith('data/') || rel.split('/').includes('..')) throw new AppError('TRANSFER_PACKAGE_INVALID', { file: rel });
    const data = await fs.readFile(path.join(root, rel));
    if (sha256(data) !== expected) throw tampered({ file: rel });
    payload.set(rel, { sha256: expected, size: data.byteLength });
    bytes += data.byteLength;
  }
  const oxum = /^(\d+)\.(\d+)$/.exec(info.get('Payload-Oxum') ?? '');
  if (!oxum || Number(oxum[1]) !== bytes || Number(oxum[2]) !== payload.size) throw incomplete({ payloadOxum: info.get('Payload-Oxum') ?? null, bytes, files: payload.size });
  return { root, info, tagManifest, signature, payload, oxum: { bytes, files: payload.size } };
}

function parseBagInfo(text: string): Map<string, string> {
  const info = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([^:\s][^:]*):\s?(.*)$/.exec(line.replace(/\r$/, ''));
    if (m) info.set((m[1] as string).trim(), (m[2] as string).trim());
  }
  return info;
}

import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock, RandomSource } from '../config';
import type { Database, Tx } from '../db/database';

/**
 * Ed25519 keys of bureaus (移交 signatures). Each bureau of this installation gets one signing key the
 * first time it sends a package or issues a receipt; its private half never leaves the database (and so
 * travels with a backup). Other bureaus' public keys are trusted one by one from the key file their
 * installation exports, after the key id is compared by telephone or on paper.
 * The seed comes from the injected random source and is wrapped as PKCS#8 (RFC 8410), so tests get
 * fixed keys; in the app the source is crypto.randomBytes, as generateKeyPairSync('ed25519') would use.
 */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const KEY_FILE_FORMAT = 'casebinder-bureau-key/1';

export const KeyFile = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  algorithm: z.literal('Ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  publicKey: z.string().min(40).max(60),
  bureau: z.object({ divisionCode: z.string().regex(/^\d{6}$/), name: z.string().min(1).max(100) }),
  createdAt: z.string(),
});
export type KeyFile = z.infer<typeof KeyFile>;

export type SigningKey = { bureauId: number; keyId: string; publicKey: string; privateKey: KeyObject };
type KeyRow = { id: number; bureau_id: number; key_id: string; algorithm: string; public_key: string; private_key: string; created_by: number | null; created_at: string };
export type TrustedKeyRow = { id: number; key_id: string; algorithm: string; public_key: string; bureau_code: string; bureau_name: string; trusted_by: number | null; trusted_at: string };

/** Key id: the first 128 bits of SHA-256 over the raw 32-byte public key, in hex. */
export const keyIdOf = (rawPublic: Buffer) => createHash('sha256').update(rawPublic).digest('hex').slice(0, 32);

export function publicKeyObject(base64Raw: string): KeyObject {
  const raw = Buffer.from(base64Raw, 'base64');
  if (raw.length !== 32) throw new AppError('TRANSFER_KEY_FILE_INVALID', { reason: 'public key length' });
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export const signBytes = (key: SigningKey, data: Uint8Array | string) => sign(null, Buffer.from(data), key.privateKey).toString('base64');

export function verifyBytes(publicKeyBase64: string, data: Uint8Array | string, signatureBase64: string): boolean {
  try {
    return verify(null, Buffer.from(data), publicKeyObject(publicKeyBase64), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

export const keySnapshot = (r: KeyRow): object => ({ bureauId: r.bureau_id, keyId: r.key_id, algorithm: r.algorithm, publicKey: r.public_key, createdBy: r.created_by });
export const trustedSnapshot = (r: TrustedKeyRow): object => {
  const { id: _id, ...rest } = r;
  return rest;
};

export async function loadKeySnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<KeyRow>('SELECT * FROM transfer_keys')).map((r) => [String(r.id), keySnapshot(r)]));
}
export async function loadTrustedSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<TrustedKeyRow>('SELECT * FROM trusted_keys')).map((r) => [String(r.id), trustedSnapshot(r)]));
}

type Deps = { db: Database; clock: Clock; random: RandomSource; audit: AuditService };

export function createBureauKeys({ db, clock, random, audit }: Deps) {
  const toKey = (r: KeyRow): SigningKey => ({ bureauId: r.bureau_id, keyId: r.key_id, publicKey: r.public_key, privateKey: createPrivateKey(r.private_key) });

  /** The bureau's signing key, created (and audited) inside the caller's transaction when it has none. */
  async function ensure(tx: Tx, bureauId: number, actor: AuditActor): Promise<SigningKey> {
    const found = await tx.get<KeyRow>('SELECT * FROM transfer_keys WHERE bureau_id = ?', [bureauId]);
    if (found) return toKey(found);
    const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, random.bytes(32)]), format: 'der', type: 'pkcs8' });
    const raw = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length);
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const { lastId } = await tx.run('INSERT INTO transfer_keys (bureau_id, key_id, algorithm, public_key, private_key, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      bureauId, keyIdOf(raw), 'Ed25519', raw.toString('base64'), pem, actor.userId, clock.now().toISOString(),
    ]);
    const row = (await tx.get<KeyRow>('SELECT * FROM transfer_keys WHERE id = ?', [lastId])) as KeyRow;
    await audit.record(tx, { actor, action: 'transfers.createKey', entity: 'transfer_key', entityId: lastId, after: keySnapshot(row) });
    return toKey(row);
  }

  /** The public key file another installation trusts (created on first export). */
  async function exportKey(actor: AuditActor, bureau: { id: number; divisionCode: string; name: string }): Promise<KeyFile> {
    const key = await db.write((tx) => ensure(tx, bureau.id, actor));
    const row = (await db.get<KeyRow>('SELECT created_at FROM transfer_keys WHERE key_id = ?', [key.keyId])) as KeyRow;
    return { format: KEY_FILE_FORMAT, algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey, bureau: { divisionCode: bureau.divisionCode, name: bureau.name }, createdAt: row.created_at };
  }

  /** Trust a bureau's public key; the key id must be the hash of the key (a mistyped or edited file is refused). */
  async function trust(actor: AuditActor, file: unknown): Promise<TrustedKeyRow> {
    const parsed = KeyFile.safeParse(file);
    if (!parsed.success) throw new AppError('TRANSFER_KEY_FILE_INVALID', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
    const k = parsed.data;
    const raw = Buffer.from(k.publicKey, 'base64');
    publicKeyObject(k.publicKey);
    if (keyIdOf(raw) !== k.keyId) throw new AppError('TRANSFER_KEY_FILE_INVALID', { reason: 'key id does not match the key' });
    return db.write(async (tx) => {
      const existing = await tx.get<TrustedKeyRow>('SELECT * FROM trusted_keys WHERE key_id = ?', [k.keyId]);
      if (existing) return existing;
      const { lastId } = await tx.run('INSERT INTO trusted_keys (key_id, algorithm, public_key, bureau_code, bureau_name, trusted_by, trusted_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        k.keyId, 'Ed25519', k.publicKey, k.bureau.divisionCode, k.bureau.name, actor.userId, clock.now().toISOString(),
      ]);
      const row = (await tx.get<TrustedKeyRow>('SELECT * FROM trusted_keys WHERE id = ?', [lastId])) as TrustedKeyRow;
      await audit.record(tx, { actor, action: 'transfers.trustKey', entity: 'trusted_key', entityId: lastId, after: trustedSnapshot(row) });
      return row;
    });
  }

  /** A trusted key of `bureauCode`, or TRANSFER_KEY_UNTRUSTED. */
  async function trusted(tx: Database | Tx, keyId: string, bureauCode: string): Promise<TrustedKeyRow> {
    const row = await tx.get<TrustedKeyRow>('SELECT * FROM trusted_keys WHERE key_id = ?', [keyId]);
    if (!row || row.bureau_code !== bureauCode) throw new AppError('TRANSFER_KEY_UNTRUSTED', { keyId, bureauCode, trustedFor: row?.bureau_code ?? null });
    return row;
  }

  const listTrusted = () => db.all<TrustedKeyRow>('SELECT * FROM trusted_keys ORDER BY id');
  const listOwn = () => db.all<{ bureau_id: number; key_id: string; created_at: string }>('SELECT bureau_id, key_id, created_at FROM transfer_keys ORDER BY id');

  return { ensure, exportKey, trust, trusted, listTrusted, listOwn };
}

export type BureauKeys = ReturnType<typeof createBureauKeys>;

import { createHash } from 'node:crypto';
import type { UserDto } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditService } from '../audit/audit-service';
import type { Clock, RandomSource } from '../config';
import type { Database } from '../db/database';
import type { UserRow } from '../db/entities';
import { hashPassword, isStrongPassword, verifyPassword } from './password';
import type { Session } from './session';
import { findUser, userSnapshot, userToDto } from './user-repository';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const SESSION_IDLE_HOURS = 12;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

type Deps = { db: Database; clock: Clock; random: RandomSource; audit: AuditService };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function sessionFromUser(row: UserRow, hash: string | null): Session {
  const dto = userToDto(row);
  return { userId: dto.id, login: dto.login, displayName: dto.displayName, bureauId: dto.bureauId, roles: dto.roles, tokenHash: hash };
}

/** Sign-in with lockout, sessions by opaque token (only its hash is stored), password changes. */
export function createAuthService({ db, clock, random, audit }: Deps) {
  const dummyHash = hashPassword('timing-equaliser-0', Buffer.alloc(16));
  const iso = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs).toISOString();

  async function login(loginName: string, password: string): Promise<{ sessionToken: string; user: UserDto }> {
    const row = await findUser(db, 'login', loginName);
    if (!row) {
      await verifyPassword(password, await dummyHash); // same cost whether the login exists or not
      throw new AppError('AUTH_BAD_CREDENTIALS');
    }
    if (row.lockedUntil && row.lockedUntil > iso()) throw new AppError('AUTH_LOCKED', { until: row.lockedUntil });
    if (!(await verifyPassword(password, row.passwordHash))) {
      const failures = row.failedAttempts + 1;
      const locked = failures >= MAX_FAILURES;
      await db.write(async (tx) => {
        await tx.run('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?', [locked ? 0 : failures, locked ? iso(LOCK_MINUTES * 60_000) : null, row.id]);
        await audit.record(tx, { actor: { userId: row.id, login: row.login }, action: locked ? 'auth.lockout' : 'auth.loginFailed', entity: 'login', entityId: row.id, detail: { failures } });
      });
      if (locked) throw new AppError('AUTH_LOCKED', { minutes: LOCK_MINUTES });
      throw new AppError('AUTH_BAD_CREDENTIALS', { remaining: MAX_FAILURES - failures });
    }
    if (row.active !== 1) throw new AppError('AUTH_DISABLED');
    const token = random.bytes(32).toString('base64url');
    const now = iso();
    await db.write(async (tx) => {
      await tx.run('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?', [now, row.id]);
      await tx.run('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
        tokenHash(token),
        row.id,
        now,
        now,
        iso(SESSION_IDLE_HOURS * 3600_000),
      ]);
      await audit.record(tx, { actor: { userId: row.id, login: row.login }, action: 'auth.login', entity: 'login', entityId: row.id, detail: { sessionStarted: now } });
    });
    return { sessionToken: token, user: userToDto({ ...row, lastLoginAt: now }) };
  }

  /** Resolve a token to a session; null when unknown, expired, or the user was disabled. */
  async function resolve(token: string | null | undefined): Promise<Session | null> {
    if (!token) return null;
    const hash = tokenHash(token);
    const s = await db.get<{ user_id: number; last_seen_at: string; expires_at: string }>('SELECT user_id, last_seen_at, expires_at FROM sessions WHERE token_hash = ?', [hash]);
    if (!s || s.expires_at <= iso()) return null;
    const row = await findUser(db, 'id', s.user_id);
    if (!row || row.active !== 1) return null;
    if (clock.now().getTime() - Date.parse(s.last_seen_at) > TOUCH_AFTER_MS) {
      await db.write((tx) => tx.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?', [iso(), iso(SESSION_IDLE_HOURS * 3600_000), hash]));
    }
    return sessionFromUser(row, hash);
  }

  /** For trusted local callers (CLI `call --user`): a session without a token. */
  async function sessionForLogin(loginName: string): Promise<Session> {
    const row = await findUser(db, 'login', loginName);
    if (!row || row.active !== 1) throw new AppError('AUTH_BAD_CREDENTIALS', { login: loginName });
    return sessionFromUser(row, null);
  }

  async function logout(session: Session): Promise<void> {
    if (session.tokenHash) await db.write((tx) => tx.run('DELETE FROM sessions WHERE token_hash = ?', [session.tokenHash]));
  }

  async function changePassword(session: Session, oldPassword: string, newPassword: string): Promise<void> {
    const row = await findUser(db, 'id', session.userId);
    if (!row || !(await verifyPassword(oldPassword, row.passwordHash))) throw new AppError('AUTH_BAD_CREDENTIALS');
    if (!isStrongPassword(newPassword) || newPassword === oldPassword) throw new AppError('AUTH_WEAK_PASSWORD');
    const hash = await hashPassword(newPassword);
    await db.write(async (tx) => {
      await tx.run('UPDATE users SET password_hash = ?, must_change_password = 0, version = version + 1, updated_at = ? WHERE id = ?', [hash, iso(), row.id]);
      const after = await findUser(tx, 'id', row.id);
      await audit.record(tx, { actor: { userId: row.id, login: row.login }, action: 'auth.changePassword', entity: 'user', entityId: row.id, after: after ? userSnapshot(after) : null });
      // other sessions of this user end; the current one stays
      await tx.run('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?', [row.id, session.tokenHash]);
    });
  }

  return { login, resolve, sessionForLogin, logout, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;

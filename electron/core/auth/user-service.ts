import type { UserDto } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors/app-error';
import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit-service';
import type { Clock, RandomSource } from '../config';
import type { Database } from '../db/database';
import type { UserRow } from '../db/entities';
import { generatePassword, hashPassword } from './password';
import { findUser, USER_COLUMNS, userSnapshot, userToDto } from './user-repository';

type Deps = { db: Database; clock: Clock; random: RandomSource; audit: AuditService };

export type NewUser = { login: string; displayName: string; bureauId: number; roles: Role[] };

/** Local accounts. Passwords are generated once, shown once, and must be changed at first sign-in. */
export function createUserService({ db, clock, random, audit }: Deps) {
  const now = () => clock.now().toISOString();

  async function create(actor: AuditActor, input: NewUser): Promise<{ user: UserDto; initialPassword: string }> {
    if (await findUser(db, 'login', input.login)) throw new AppError('USER_DUPLICATE', { field: 'login' });
    const initialPassword = generatePassword(random.bytes);
    const hash = await hashPassword(initialPassword);
    const user = await db.write(async (tx) => {
      const bureau = await tx.get('SELECT id FROM bureaus WHERE id = ?', [input.bureauId]);
      if (!bureau) throw new AppError('BUREAU_NOT_FOUND', { field: 'bureauId' });
      const t = now();
      const { lastId } = await tx.run(
        `INSERT INTO users (login, display_name, bureau_id, roles, password_hash, must_change_password, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?)`,
        [input.login, input.displayName, input.bureauId, JSON.stringify([...new Set(input.roles)]), hash, t, t],
      );
      const row = (await findUser(tx, 'id', lastId)) as UserRow;
      await audit.record(tx, { actor, action: 'users.create', entity: 'user', entityId: lastId, after: userSnapshot(row) });
      return userToDto(row);
    });
    return { user, initialPassword };
  }

  async function update(actor: AuditActor, id: number, patch: { displayName?: string; roles?: Role[]; active?: boolean }, action = 'users.update'): Promise<UserDto> {
    return db.write(async (tx) => {
      const before = await findUser(tx, 'id', id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'user', id });
      await tx.run('UPDATE users SET display_name = ?, roles = ?, active = ?, version = version + 1, updated_at = ? WHERE id = ?', [
        patch.displayName ?? before.displayName,
        patch.roles ? JSON.stringify([...new Set(patch.roles)]) : before.roles,
        patch.active === undefined ? before.active : patch.active ? 1 : 0,
        now(),
        id,
      ]);
      if (patch.active === false) await tx.run('DELETE FROM sessions WHERE user_id = ?', [id]);
      const after = (await findUser(tx, 'id', id)) as UserRow;
      await audit.record(tx, { actor, action, entity: 'user', entityId: id, after: userSnapshot(after) });
      return userToDto(after);
    });
  }

  async function resetPassword(actor: AuditActor, id: number): Promise<{ initialPassword: string }> {
    const initialPassword = generatePassword(random.bytes);
    const hash = await hashPassword(initialPassword);
    await db.write(async (tx) => {
      const before = await findUser(tx, 'id', id);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'user', id });
      await tx.run('UPDATE users SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL, version = version + 1, updated_at = ? WHERE id = ?', [hash, now(), id]);
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [id]);
      const after = (await findUser(tx, 'id', id)) as UserRow;
      await audit.record(tx, { actor, action: 'users.resetPassword', entity: 'user', entityId: id, after: userSnapshot(after) });
    });
    return { initialPassword };
  }

  async function list(bureauIds: number[]): Promise<UserDto[]> {
    if (bureauIds.length === 0) return [];
    const rows = await db.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE bureau_id IN (${bureauIds.map(() => '?').join(',')}) ORDER BY bureau_id, login`, bureauIds);
    return rows.map(userToDto);
  }

  async function get(id: number): Promise<UserDto> {
    const row = await findUser(db, 'id', id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'user', id });
    return userToDto(row);
  }

  /** First run: the admin account at the city bureau with a one-time password (shown once). */
  async function ensureAdmin(cityBureauId: number): Promise<{ created: boolean; adminLogin: string; oneTimePassword: string | null }> {
    const existing = await db.get<{ login: string }>(`SELECT login FROM users WHERE roles LIKE '%"admin"%' ORDER BY id LIMIT 1`);
    if (existing) return { created: false, adminLogin: existing.login, oneTimePassword: null };
    const { user, initialPassword } = await create(SYSTEM_ACTOR, { login: 'admin', displayName: '系统管理员', bureauId: cityBureauId, roles: ['admin'] });
    return { created: true, adminLogin: user.login, oneTimePassword: initialPassword };
  }

  return { create, update, resetPassword, list, get, ensureAdmin };
}

export type UserService = ReturnType<typeof createUserService>;

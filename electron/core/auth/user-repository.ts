import type { UserDto } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import { selectColumns, UserEntity, type UserRow } from '../db/entities';
import type { Database, Tx } from '../db/database';
import { sha256Hex } from '../audit/canonical-json';

export const USER_COLUMNS = selectColumns(UserEntity);

export function userToDto(row: UserRow): UserDto {
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    bureauId: row.bureauId,
    roles: JSON.parse(row.roles) as Role[],
    active: row.active === 1,
    mustChangePassword: row.mustChangePassword === 1,
    lastLoginAt: row.lastLoginAt,
  };
}

/** The audited state of a user: no operational counters, and only a digest of the password hash. */
export function userSnapshot(row: UserRow): object {
  return {
    login: row.login,
    displayName: row.displayName,
    bureauId: row.bureauId,
    roles: JSON.parse(row.roles),
    active: row.active === 1,
    mustChangePassword: row.mustChangePassword === 1,
    passwordDigest: sha256Hex(row.passwordHash).slice(0, 16),
    version: row.version,
  };
}

export async function findUser(db: Database | Tx, where: 'id' | 'login', value: number | string): Promise<UserRow | undefined> {
  const clause = where === 'id' ? 'id = ?' : 'login = ? COLLATE NOCASE';
  return db.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE ${clause}`, [value]);
}

export async function loadUserSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users`);
  return new Map(rows.map((r) => [String(r.id), userSnapshot(r)]));
}

import { afterEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

describe('sign-in, sessions and lockout (through dispatch)', () => {
  it('first run creates exactly one admin with a one-time password that must be changed', async () => {
    t = await makeTestContext();
    const me = await t.admin.call('auth.me', {});
    expect(me).toMatchObject({ login: 'admin', roles: ['admin'], mustChangePassword: true });
    expect(await t.app.ensureInitialised()).toMatchObject({ created: false, oneTimePassword: null });
    const weak = await t.admin.raw('auth.changePassword', { oldPassword: t.adminPassword, newPassword: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'AUTH_WEAK_PASSWORD' } });
    await t.admin.call('auth.changePassword', { oldPassword: t.adminPassword, newPassword: 'NewPassw0rd!x' });
    expect(await t.admin.call('auth.me', {})).toMatchObject({ mustChangePassword: false });
    const again = await t.signIn('admin', 'NewPassw0rd!x');
    expect(again.sessionToken).toBeTruthy();
  });

  it('wrong password five times locks the account; it unlocks after 15 minutes', async () => {
    t = await makeTestContext();
    const anon = t.caller(null);
    for (let i = 1; i <= 4; i++) {
      expect(await anon.raw('auth.login', { login: 'admin', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_CREDENTIALS', details: { remaining: 5 - i } } });
    }
    expect(await anon.raw('auth.login', { login: 'admin', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED' } });
    // even the right password is refused while locked
    expect(await anon.raw('auth.login', { login: 'admin', password: t.adminPassword })).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED' } });
    t.clock.advance(16 * 60_000);
    expect(await anon.raw('auth.login', { login: 'admin', password: t.adminPassword })).toMatchObject({ ok: true });
  });

  it('an unknown login answers like a wrong password', async () => {
    t = await makeTestContext();
    expect(await t.caller(null).raw('auth.login', { login: 'nobody', password: 'x' })).toEqual({ ok: false, error: { code: 'AUTH_BAD_CREDENTIALS', details: {} } });
  });

  it('logout ends the session; a disabled user cannot sign in and loses open sessions', async () => {
    t = await makeTestContext();
    const clerk = await t.createUser('clerk1', '210102', ['clerk']);
    await clerk.call('auth.logout', {});
    expect(await clerk.raw('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const created = await t.admin.call('users.create', { login: 'insp1', displayName: '检查员甲', bureauId: t.bureauId('210103'), roles: ['inspector'] });
    const insp = await t.signIn('insp1', created.initialPassword);
    await t.admin.call('users.update', { id: created.user.id, active: false });
    expect(await insp.raw('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller(null).raw('auth.login', { login: 'insp1', password: created.initialPassword })).toMatchObject({ ok: false, error: { code: 'AUTH_DISABLED' } });
  });

  it('sessions expire after 12 idle hours', async () => {
    t = await makeTestContext();
    t.clock.advance(13 * 3600_000);
    expect(await t.admin.raw('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('duplicate logins are refused case-insensitively', async () => {
    t = await makeTestContext();
    const res = await t.admin.raw('users.create', { login: 'ADMIN', displayName: 'x', bureauId: t.bureauId('210100'), roles: ['clerk'] });
    expect(res).toMatchObject({ ok: false, error: { code: 'USER_DUPLICATE' } });
  });
});

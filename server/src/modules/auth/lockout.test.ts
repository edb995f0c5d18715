import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorOf, startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { auditActions } from './test-helpers.js';

// Many argon2 logins per test: generous limits for a loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

const attempt = (username: string, password: string) => t.anon().post('/api/v1/auth/login', { username, password });

describe('officer lockout', () => {
  it('locks after 5 wrong passwords within 15 minutes and refuses even the right one until 30 minutes pass', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await attempt('io2.ps1', 'wrong password number ' + i);
      expect(r.statusCode).toBe(401);
      expect(errorOf(r).code).toBe('invalid_credentials');
      t.clock.advanceMinutes(2);
    }
    // The 5th, within 15 minutes of the 1st, and typed with another case and spaces: still the same account.
    const fifth = await attempt('  IO2.PS1 ', 'wrong password number 5');
    expect(fifth.statusCode).toBe(423);
    const lockedAt = t.clock.now();
    const until = new Date(lockedAt.getTime() + 30 * 60_000);
    const ist = new Date(until.getTime() + 5.5 * 3600_000).toISOString().slice(11, 16);
    expect(errorOf(fifth).message).toBe(`This account is locked until ${ist} (IST); contact your administrator.`);
    expect(errorOf(fifth).messageHi).toContain(ist);

    const right = await attempt('io2.ps1', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.body).toBe(fifth.body);
    expect(right.headers['set-cookie']).toBeUndefined();

    t.clock.advanceMinutes(29);
    expect((await attempt('io2.ps1', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(1);
    expect((await attempt('io2.ps1', TEST_PASSWORD)).statusCode).toBe(200);

    const audit = await auditActions(t, t.ids.users['io2.ps1']);
    expect(audit.filter((a) => a.action === 'auth.lockout')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'auth.login' && a.outcome === 'failure').map((a) => a.details.reason)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'locked',
      'locked',
    ]);
  });

  it('does not lock when the failures are spread over more than 15 minutes', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await attempt('duty.ps2', 'not the right one ' + i)).statusCode).toBe(401);
      t.clock.advanceMinutes(4); // at most 4 failures in any 15 minutes
    }
    expect((await attempt('duty.ps2', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('starts the count again after a successful login', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('io.ps4', 'wrong ' + i)).statusCode).toBe(401);
    expect((await attempt('io.ps4', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('io.ps4', 'wrong again ' + i)).statusCode).toBe(401);
    expect((await attempt('io.ps4', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts wrong second-factor codes too, and a lockout ends the session waiting for the code', async () => {
    await t.login('sho.ps4'); // the harness sets up 2FA at the first login
    const c = t.anon();
    const r = await c.post('/api/v1/auth/login', { username: 'sho.ps4', password: TEST_PASSWORD });
    expect(r.json()).toMatchObject({ mfaRequired: true });
    for (let i = 0; i < 4; i++) {
      const bad = await c.post('/api/v1/auth/login/mfa', { code: '000000' });
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).code).toBe('mfa_code_invalid');
    }
    const fifth = await c.post('/api/v1/auth/login/mfa', { code: '000001' });
    expect(fifth.statusCode).toBe(423);
    expect(errorOf(fifth).code).toBe('account_locked');
    // The pending session is gone: even the right code cannot finish it.
    expect((await c.post('/api/v1/auth/login/mfa', { code: t.totp('sho.ps4') })).statusCode).toBe(401);
    expect((await attempt('sho.ps4', TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('lets an administrator unlock an account before the 30 minutes, audited', async () => {
    for (let i = 0; i < 5; i++) await attempt('duty.ps4', 'wrong ' + i);
    expect((await attempt('duty.ps4', TEST_PASSWORD)).statusCode).toBe(423);
    const admin = await t.login('admin');
    const io = await t.login('io.ps1');
    const refused = await io.post(`/api/v1/admin/users/${t.ids.users['duty.ps4']}/unlock`);
    expect(refused.statusCode).toBe(403);
    // The administrator's view of the user says it is locked, and until when.
    const view = (await admin.get(`/api/v1/admin/users/${t.ids.users['duty.ps4']}`)).json();
    expect(new Date(view.lockedUntil).getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(view.mfaEnabled).toBe(false);
    const r = await admin.post(`/api/v1/admin/users/${t.ids.users['duty.ps4']}/unlock`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ wasLocked: true, locked: false });
    expect((await admin.get(`/api/v1/admin/users/${t.ids.users['duty.ps4']}`)).json().lockedUntil).toBeNull();
    expect((await admin.get(`/api/v1/admin/users/${t.ids.users['sho.ps4']}`)).json().mfaEnabled).toBe(true);
    expect((await attempt('duty.ps4', TEST_PASSWORD)).statusCode).toBe(200);
    const audit = await auditActions(t, t.ids.users['duty.ps4']);
    expect(audit.map((a) => a.action)).toContain('auth.unlock');
    expect((await admin.post('/api/v1/admin/users/00000000-0000-7000-8000-000000000000/unlock')).statusCode).toBe(404);
  });
});

describe('citizen growing delays', () => {
  it('never locks a citizen out, but makes each try after the third wait longer (429 with Retry-After)', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('citizen1', 'wrong ' + i)).statusCode).toBe(401);
    const wait1 = await attempt('citizen1', TEST_PASSWORD);
    expect(wait1.statusCode).toBe(429);
    expect(Number(wait1.headers['retry-after'])).toBe(5);
    expect(errorOf(wait1).code).toBe('too_many_requests');

    t.clock.advance(5_000);
    expect((await attempt('citizen1', 'wrong 4')).statusCode).toBe(401);
    const wait2 = await attempt('citizen1', 'wrong 5');
    expect(wait2.statusCode).toBe(429);
    expect(Number(wait2.headers['retry-after'])).toBe(10);

    // Many failures later the delay stops growing at 15 minutes; never a 423.
    for (let i = 0; i < 12; i++) {
      t.clock.advanceMinutes(16);
      const r = await attempt('citizen1', 'still wrong ' + i);
      expect(r.statusCode).toBe(401);
    }
    const capped = await attempt('citizen1', TEST_PASSWORD);
    expect(capped.statusCode).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBe(900);
    t.clock.advanceMinutes(15);
    expect((await attempt('citizen1', TEST_PASSWORD)).statusCode).toBe(200);
    // The success reset the count: a wrong password answers 401 at once again.
    expect((await attempt('citizen1', 'wrong after success')).statusCode).toBe(401);
    expect((await attempt('citizen1', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

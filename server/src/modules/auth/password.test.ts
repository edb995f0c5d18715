import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorOf, startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { auditActions, devMessages, latestOtp, outboxTo } from './test-helpers.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

const NEW_PASSWORD = 'monsoon clouds over the vindhya range';
const forgot = (username: string) => t.anon().post('/api/v1/auth/password/forgot', { username });
const reset = (username: string, otp: string, newPassword = NEW_PASSWORD) =>
  t.anon().post('/api/v1/auth/password/reset', { username, otp, newPassword });
const loginStatus = async (username: string, password: string) =>
  (await t.anon().post('/api/v1/auth/login', { username, password })).statusCode;

describe('checking a new password', () => {
  it('gives the reasons and a 0–4 strength while typing, with the user’s own words when logged in', async () => {
    const c = await t.login('io.ps1');
    const weak = await c.post('/api/v1/auth/password/check', { password: 'india@123' });
    expect(weak.statusCode).toBe(200);
    expect(weak.json()).toMatchObject({ ok: false, strength: 0 });
    expect(weak.json().reasons.map((r: { code: string }) => r.code)).toEqual(['too_short', 'common']);
    const station = (await c.post('/api/v1/auth/password/check', { password: 'nights at kotwali are long' })).json();
    expect(station.reasons.map((r: { code: string }) => r.code)).toEqual(['contains_station']);
    const named = (await c.post('/api/v1/auth/password/check', { password: 'sunita loves long walks' })).json();
    expect(named.reasons.map((r: { code: string }) => r.code)).toEqual(['contains_name']);
    const good = (await c.post('/api/v1/auth/password/check', { password: NEW_PASSWORD })).json();
    expect(good).toEqual({ ok: true, reasons: [], strength: 4 });
    // Without a session (the reset form) only the typed username counts.
    const anon = (await t.anon().post('/api/v1/auth/password/check', { password: 'io.ps1 is my login name', username: 'io.ps1' })).json();
    expect(anon.reasons.map((r: { code: string }) => r.code)).toEqual(['contains_username']);
  });
});

describe('changing the password', () => {
  it('checks the current password and the rules, naming the field in both languages', async () => {
    const c = await t.login('io2.ps1');
    const wrong = await c.post('/api/v1/auth/password/change', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(422);
    expect(errorOf(wrong)).toMatchObject({ code: 'wrong_current_password', fields: { currentPassword: 'wrong' } });
    const common = await c.post('/api/v1/auth/password/change', { currentPassword: TEST_PASSWORD, newPassword: 'PasswordPassword' });
    expect(common.statusCode).toBe(422);
    expect(errorOf(common)).toMatchObject({ code: 'password_rejected', fields: { newPassword: 'common' } });
    expect(errorOf(common).messageHi).toMatch(/[\u0900-\u097F]/);
    const named = await c.post('/api/v1/auth/password/change', { currentPassword: TEST_PASSWORD, newPassword: 'irfan khan rides at dawn' });
    expect(errorOf(named).fields).toEqual({ newPassword: 'contains_name' });
    const same = await c.post('/api/v1/auth/password/change', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(errorOf(same).code).toBe('password_unchanged');
  });

  it('ends the user’s other sessions, keeps this one, audits and sends a notice', async () => {
    const other = await t.login('duty.ps1');
    const c = await t.login('duty.ps1');
    const r = await c.post('/api/v1/auth/password/change', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await loginStatus('duty.ps1', TEST_PASSWORD)).toBe(401);
    expect(await loginStatus('duty.ps1', NEW_PASSWORD)).toBe(200);
    expect((await auditActions(t, t.ids.users['duty.ps1'])).map((a) => a.action)).toContain('auth.password.change');
    const notices = await outboxTo(t, 'duty.ps1@cctns.example');
    expect(notices.map((n) => n.payload.kind)).toContain('password_changed');
    expect((await outboxTo(t, '9000000013')).map((n) => n.payload.kind)).toContain('password_changed');
  });
});

describe('forgot password', () => {
  it('answers 202 with the same body whether or not the account exists', async () => {
    const a = await forgot('nobody.at.all');
    const b = await forgot('io.ps4');
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(a.body).toBe(b.body);
    expect(a.json().messageHi).toBeTruthy();
  });

  it('sends one 6-digit code to the registered e-mail and mobile, in English and Hindi, stored only as a hash', async () => {
    t.clock.advanceMinutes(2);
    expect((await forgot('IO.PS4 ')).statusCode).toBe(202);
    const mails = await devMessages(t, 'io.ps4@cctns.example');
    const sms = await devMessages(t, '9000000042');
    expect(mails[0].body).toMatch(/password reset code is \d{6}/);
    expect(mails[0].body).toMatch(/पासवर्ड रीसेट कोड \d{6}/);
    const code = /\d{6}/.exec(mails[0].body)![0];
    expect(sms[0].body).toContain(code);
    const otps = await t.db.kysely.selectFrom('otp').selectAll().where('user_id', '=', t.ids.users['io.ps4']).execute();
    for (const o of otps) expect(o.code_hash).not.toContain(code);
    // The outbox row no longer holds the code once delivered.
    const rows = await outboxTo(t, '9000000042');
    expect(rows[0].delivered_at).not.toBeNull();
    expect(JSON.stringify(rows[0].payload)).not.toContain(code);
    const audit = (await auditActions(t, t.ids.users['io.ps4'])).map((a) => a.action);
    expect(audit).toContain('auth.otp.sent');
  });

  it('resets the password with the code once, ends every session, and leaves 2FA on', async () => {
    const sho = await t.login('sho.ps2'); // enrols 2FA
    await forgot('sho.ps2');
    const code = await latestOtp(t, 'sho.ps2@cctns.example');
    const weak = await reset('sho.ps2', code, 'pradeep mishra the sho');
    expect(weak.statusCode).toBe(422);
    expect(errorOf(weak).fields).toEqual({ newPassword: 'contains_name' });
    // A refused password did not use the code up.
    const ok = await reset('sho.ps2', code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().ok).toBe(true);
    expect((await sho.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await reset('sho.ps2', code, 'another long passphrase here');
    expect(again.statusCode).toBe(400);
    expect(errorOf(again).code).toBe('otp_invalid');
    const login = await t.anon().post('/api/v1/auth/login', { username: 'sho.ps2', password: NEW_PASSWORD });
    expect(login.json()).toMatchObject({ mfaRequired: true });
    const audit = (await auditActions(t, t.ids.users['sho.ps2'])).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['auth.otp.sent', 'auth.otp.verified', 'auth.password.reset']));
    expect((await outboxTo(t, 'sho.ps2@cctns.example')).map((n) => n.payload.kind)).toContain('password_reset');
  });

  it('expires the code after 10 minutes', async () => {
    await forgot('io.ps1');
    const code = await latestOtp(t, 'io.ps1@cctns.example');
    t.clock.advanceMinutes(10);
    expect(errorOf(await reset('io.ps1', code)).code).toBe('otp_invalid');
  });

  it('allows at most 5 tries, then the right code is refused too', async () => {
    t.clock.advanceMinutes(2);
    await forgot('io.ps1');
    const code = await latestOtp(t, 'io.ps1@cctns.example');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(errorOf(await reset('io.ps1', wrong)).code).toBe('otp_invalid');
    expect(errorOf(await reset('io.ps1', code)).code).toBe('otp_invalid');
    const audit = await auditActions(t, t.ids.users['io.ps1']);
    expect(audit.filter((a) => a.action === 'auth.otp.failed').length).toBeGreaterThanOrEqual(6);
  });

  it('kills the old code when a new one is sent, and sends no second code within a minute', async () => {
    t.clock.advanceMinutes(2);
    await forgot('io.ps1');
    const first = await latestOtp(t, 'io.ps1@cctns.example');
    const before = (await devMessages(t, 'io.ps1@cctns.example')).length;
    await forgot('io.ps1'); // too soon: nothing sent, same answer
    expect((await devMessages(t, 'io.ps1@cctns.example')).length).toBe(before);
    t.clock.advanceMinutes(1);
    await forgot('io.ps1');
    // A new code went out (without this, `second` could be the old message's code and the
    // check below would pass on nothing).
    expect((await devMessages(t, 'io.ps1@cctns.example')).length).toBe(before + 1);
    const second = await latestOtp(t, 'io.ps1@cctns.example');
    // Two random six-digit codes are equal once in a million draws; only then is there nothing to tell apart.
    if (first !== second) expect(errorOf(await reset('io.ps1', first)).code).toBe('otp_invalid');
    expect((await reset('io.ps1', second)).statusCode).toBe(200);
  });

  it('binds the code to its user: one user’s code does not reset another', async () => {
    t.clock.advanceMinutes(2);
    await forgot('io.ps2');
    const code = await latestOtp(t, 'io.ps2@cctns.example');
    expect(errorOf(await reset('duty.ps2', code)).code).toBe('otp_invalid');
    expect(errorOf(await reset('nobody.at.all', code)).code).toBe('otp_invalid');
    expect((await reset('io.ps2', code)).statusCode).toBe(200);
  });

  it('shows the dev outbox to an administrator only', async () => {
    const admin = await t.login('admin');
    const r = await admin.get('/api/v1/admin/dev-outbox?to=io.ps2@cctns.example&limit=5');
    expect(r.statusCode).toBe(200);
    expect(r.json().items[0]).toMatchObject({ channel: 'email', to: 'io.ps2@cctns.example', kind: expect.any(String) });
    expect((await (await t.login('io.ps4')).get('/api/v1/admin/dev-outbox')).statusCode).toBe(403);
  });
});

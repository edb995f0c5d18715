import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorOf, startTestApp, TEST_PASSWORD, type Client, type TestContext } from '../../test/harness.js';
import { totpCode } from './totp.js';
import { auditActions, outboxTo } from './test-helpers.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

const passwordStep = async (username: string) => {
  const c = t.anon();
  const r = await c.post('/api/v1/auth/login', { username, password: TEST_PASSWORD });
  expect(r.statusCode).toBe(200);
  return { c, answer: r.json() };
};

describe('mandatory two-factor enrolment', () => {
  let c: Client;
  let secret: string;

  it('sends an SHO without 2FA to enrolment first, and lets the session do nothing else', async () => {
    const first = await passwordStep('sho.ps1');
    c = first.c;
    expect(first.answer).toMatchObject({
      mfaEnrolmentRequired: true,
      passwordChangeRequired: false,
      user: { username: 'sho.ps1', mfaEnabled: false },
    });
    const blocked = await c.get('/api/v1/auth/sessions');
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked).code).toBe('mfa_enrolment_required');
    expect(errorOf(blocked).messageHi).toBeTruthy();
    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ mfaEnrolmentRequired: true, mfaEnabled: false });
  });

  it('shows a QR code and the secret, and confirms with a first code giving 10 recovery codes once', async () => {
    const e = await c.post('/api/v1/auth/mfa/totp/enrol');
    expect(e.statusCode).toBe(200);
    const body = e.json();
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toBe(`otpauth://totp/CCTNS%20XA:sho.ps1?secret=${secret}&issuer=CCTNS%20XA`);
    expect(body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    // Stored encrypted, never as given.
    const st = await t.db.kysely
      .selectFrom('auth_state')
      .selectAll()
      .where('user_id', '=', t.ids.users['sho.ps1'])
      .executeTakeFirstOrThrow();
    expect(st.totp_pending_secret).not.toContain(secret);
    expect(st.totp_enabled_at).toBeNull();

    const wrong = await c.post('/api/v1/auth/mfa/totp/confirm', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).code).toBe('mfa_code_invalid');

    const ok = await c.post('/api/v1/auth/mfa/totp/confirm', { code: totpCode(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    const codes = ok.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const rc of codes) expect(rc).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const stored = await t.db.kysely
      .selectFrom('recovery_code')
      .select('code_hash')
      .where('user_id', '=', t.ids.users['sho.ps1'])
      .execute();
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(codes.some((rc) => s.code_hash.includes(rc.replace('-', '')))).toBe(false);
    t.mfa.set('sho.ps1', { secret, recoveryCodes: codes });

    expect((await c.get('/api/v1/auth/sessions')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/mfa/totp/enrol')).statusCode).toBe(409);
    const a = await auditActions(t, t.ids.users['sho.ps1']);
    expect(a.map((x) => x.action)).toContain('auth.mfa.enrol');
    const notices = await outboxTo(t, 'sho.ps1@cctns.example');
    expect(notices.map((n) => n.payload.kind)).toContain('mfa_enabled');
  });

  it('asks for the code at the next login and refuses a code already used in its 30-second window', async () => {
    const { c: d, answer } = await passwordStep('sho.ps1');
    expect(answer).toEqual({ mfaRequired: true, csrfToken: expect.any(String) });
    const me = await d.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(errorOf(me).code).toBe('mfa_required');

    // The code the confirmation used is from this same 30-second step: a replay.
    const replay = await d.post('/api/v1/auth/login/mfa', { code: totpCode(secret, t.clock.now()) });
    expect(replay.statusCode).toBe(400);
    expect(errorOf(replay).code).toBe('mfa_code_invalid');

    t.clock.advance(30_000);
    const code = totpCode(secret, t.clock.now());
    const ok = await d.post('/api/v1/auth/login/mfa', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { username: 'sho.ps1', mfaEnabled: true }, mfaEnrolmentRequired: false });
    expect((await d.get('/api/v1/auth/me')).statusCode).toBe(200);

    // Another browser, same code, same window: refused.
    const { c: e } = await passwordStep('sho.ps1');
    expect((await e.post('/api/v1/auth/login/mfa', { code })).statusCode).toBe(400);
  });

  it('gives a fresh session id and CSRF token once the second factor is in', async () => {
    t.clock.advance(30_000);
    const { c: d } = await passwordStep('sho.ps1');
    const pendingCookie = d.cookie;
    const pendingCsrf = d.csrfToken;
    const ok = await d.post('/api/v1/auth/login/mfa', { code: totpCode(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(d.cookie).not.toBe(pendingCookie);
    expect(d.csrfToken).not.toBe(pendingCsrf);
    const old = t.anon();
    old.cookie = pendingCookie;
    expect((await old.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const [rc] = t.mfa.get('sho.ps1')!.recoveryCodes;
    const { c: d } = await passwordStep('sho.ps1');
    const ok = await d.post('/api/v1/auth/login/mfa', { code: rc.toLowerCase().replace('-', ' ') });
    expect(ok.statusCode).toBe(200);
    const { c: e } = await passwordStep('sho.ps1');
    expect((await e.post('/api/v1/auth/login/mfa', { code: rc })).statusCode).toBe(400);
    const a = await auditActions(t, t.ids.users['sho.ps1']);
    expect(a.filter((x) => x.action === 'auth.login' && x.outcome === 'success').at(-1)!.details).toMatchObject({
      factors: ['password', 'recovery_code'],
      backupCodesLeft: 9,
    });
  });

  it('ends a session that waits more than 10 minutes for its code', async () => {
    t.clock.advance(30_000);
    const { c: d } = await passwordStep('sho.ps1');
    t.clock.advanceMinutes(10);
    const r = await d.post('/api/v1/auth/login/mfa', { code: totpCode(secret, t.clock.now()) });
    expect(r.statusCode).toBe(401);
    expect(errorOf(r).code).toBe('session_expired');
  });

  it('refuses /login/mfa for a session that owes no second factor', async () => {
    const io = await t.login('io.ps1');
    const r = await io.post('/api/v1/auth/login/mfa', { code: '123456' });
    expect(r.statusCode).toBe(409);
  });
});

describe('optional 2FA and the administrator reset', () => {
  it('lets an IO switch 2FA on by choice; an administrator reset ends their sessions, is audited and notifies them', async () => {
    const io = await t.login('io.ps2');
    const e = (await io.post('/api/v1/auth/mfa/totp/enrol')).json();
    expect((await io.post('/api/v1/auth/mfa/totp/confirm', { code: totpCode(e.secret, t.clock.now()) })).statusCode).toBe(200);
    const { answer } = await passwordStep('io.ps2');
    expect(answer.mfaRequired).toBe(true);

    const admin = await t.login('admin');
    expect((await admin.post(`/api/v1/admin/users/${t.ids.users['admin']}/mfa/reset`)).statusCode).toBe(409);
    const sho = await t.login('sho.ps1');
    expect((await sho.post(`/api/v1/admin/users/${t.ids.users['io.ps2']}/mfa/reset`)).statusCode).toBe(403);

    const r = await admin.post(`/api/v1/admin/users/${t.ids.users['io.ps2']}/mfa/reset`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ mfaEnabled: false, wasEnabled: true });
    expect(r.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await io.get('/api/v1/auth/me')).statusCode).toBe(401);
    // An IO's role does not need 2FA: after the reset the password alone logs in.
    const after = await passwordStep('io.ps2');
    expect(after.answer).toMatchObject({ mfaEnrolmentRequired: false, user: { mfaEnabled: false } });
    const a = await auditActions(t, t.ids.users['io.ps2']);
    expect(a.find((x) => x.action === 'auth.mfa.reset')).toMatchObject({ outcome: 'success', details: { wasEnabled: true } });
    expect((await outboxTo(t, 'io.ps2@cctns.example')).map((n) => n.payload.kind)).toContain('mfa_reset_by_admin');
  });

  it('makes an SHO whose 2FA was reset enrol again at the next login', async () => {
    const admin = await t.login('admin');
    expect((await admin.post(`/api/v1/admin/users/${t.ids.users['sho.ps1']}/mfa/reset`)).statusCode).toBe(200);
    const { answer } = await passwordStep('sho.ps1');
    expect(answer.mfaEnrolmentRequired).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { CITIZEN_PASSWORD, lastCodeSentTo } from './factories.js';

let t: TestContext;
let ipN = 0;
const anon = (): Client => {
  const c = t.anon();
  c.ip = `198.51.100.${++ipN}`;
  return c;
};
const outboxTo = async (to: string) =>
  (await t.db.kysely.selectFrom('outbox').select('payload').execute())
    .map((r) => r.payload as { to: string; kind: string; text: string; secret?: boolean })
    .filter((p) => p.to === to);

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
}, 300_000);
afterAll(() => t?.close());

describe('citizen sign-up', () => {
  it('sends a code to the mobile and e-mail, then opens the account with a password and a session', async () => {
    const c = anon();
    const s = await c.post('/api/v1/citizen/signup', { name: 'Anita Kulkarni', mobile: '+91 98765 01234', email: 'Anita.K@mail.example' });
    expect(s.statusCode, s.body).toBe(202);
    expect(s.json()).toMatchObject({ signupId: expect.any(String), sentTo: ['••••••1234', 'a••••••@mail.example'], expiresInSeconds: 600 });
    const sms = await outboxTo('9876501234');
    expect(sms).toEqual([expect.objectContaining({ kind: 'citizen_signup_otp', secret: true })]);
    expect((await outboxTo('anita.k@mail.example')).map((m) => m.kind)).toEqual(['citizen_signup_otp']);
    // The pending account cannot be logged in to.
    expect((await anon().post('/api/v1/auth/login', { username: '9876501234', password: CITIZEN_PASSWORD })).statusCode).toBe(401);

    const code = (await lastCodeSentTo(t, '9876501234'))!;
    const v = await c.post('/api/v1/citizen/signup/verify', { signupId: s.json().signupId, otp: code, password: CITIZEN_PASSWORD });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json().user).toMatchObject({ role: 'citizen', username: '9876501234', name: 'Anita Kulkarni' });
    expect((await c.get('/api/v1/auth/me')).json()).toMatchObject({ role: 'citizen' });
    // The code is used up, and the account logs in with the mobile number or the e-mail.
    expect(
      (await anon().post('/api/v1/citizen/signup/verify', { signupId: s.json().signupId, otp: code, password: CITIZEN_PASSWORD }))
        .statusCode,
    ).toBe(400);
    expect((await anon().post('/api/v1/auth/login', { username: '9876501234', password: CITIZEN_PASSWORD })).statusCode).toBe(200);
    expect((await anon().post('/api/v1/auth/login', { username: 'anita.k@mail.example', password: CITIZEN_PASSWORD })).statusCode).toBe(
      200,
    );
    const account = await t.db.kysely
      .selectFrom('citizen_account')
      .selectAll()
      .where('mobile', '=', '9876501234')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ status: 'active' });
    expect(account.mobile_verified_at).toBeTruthy();
  });

  it('refuses a weak password (422, naming it) without using up the code, and a wrong code (400)', async () => {
    const c = anon();
    const s = (await c.post('/api/v1/citizen/signup', { name: 'Rohan Das', mobile: '9876501235' })).json();
    const code = (await lastCodeSentTo(t, '9876501235'))!;
    const weak = await c.post('/api/v1/citizen/signup/verify', { signupId: s.signupId, otp: code, password: 'password123' });
    expect(weak.statusCode).toBe(422);
    expect(errorOf(weak)).toMatchObject({ code: 'password_rejected', fields: { password: expect.any(String) } });
    const wrong = await c.post('/api/v1/citizen/signup/verify', {
      signupId: s.signupId,
      otp: code === '000000' ? '111111' : '000000',
      password: CITIZEN_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).code).toBe('otp_invalid');
    expect(
      (await c.post('/api/v1/citizen/signup/verify', { signupId: s.signupId, otp: code, password: CITIZEN_PASSWORD })).statusCode,
    ).toBe(201);
  });

  it('ends the code after five wrong tries', async () => {
    const c = anon();
    const s = (await c.post('/api/v1/citizen/signup', { name: 'Salma Begum', mobile: '9876501236' })).json();
    const code = (await lastCodeSentTo(t, '9876501236'))!;
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(
        (await c.post('/api/v1/citizen/signup/verify', { signupId: s.signupId, otp: wrongCode, password: CITIZEN_PASSWORD })).statusCode,
      ).toBe(400);
    expect(
      (await c.post('/api/v1/citizen/signup/verify', { signupId: s.signupId, otp: code, password: CITIZEN_PASSWORD })).statusCode,
    ).toBe(400);
  });

  it('answers alike for a number that already has an account, sends it no code, and tells its owner', async () => {
    const before = (await outboxTo('9812345670')).length;
    const r = await anon().post('/api/v1/citizen/signup', { name: 'Someone Else', mobile: '9812345670' });
    expect(r.statusCode).toBe(202);
    expect(Object.keys(r.json()).sort()).toEqual(['expiresInSeconds', 'sentTo', 'signupId']);
    expect(r.json().sentTo).toEqual(['••••••5670']);
    const after = await outboxTo('9812345670');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.kind).toBe('citizen_signup_existing');
    expect(await lastCodeSentTo(t, '9812345670')).toBeUndefined();
    expect(
      (await anon().post('/api/v1/citizen/signup/verify', { signupId: r.json().signupId, otp: '123456', password: CITIZEN_PASSWORD }))
        .statusCode,
    ).toBe(400);
    // Nor with an officer's e-mail.
    expect((await anon().post('/api/v1/citizen/signup', { name: 'Someone', email: 'duty.ps1@cctns.example' })).statusCode).toBe(202);
    expect(
      await t.db.kysely.selectFrom('citizen_account').select('user_id').where('email', '=', 'duty.ps1@cctns.example').execute(),
    ).toEqual([]);
  });

  it('sends a new code to a sign-up begun earlier, not twice within a minute', async () => {
    const c = anon();
    const first = (await c.post('/api/v1/citizen/signup', { name: 'Vikas Rao', mobile: '9876501237' })).json();
    const again = (await c.post('/api/v1/citizen/signup', { name: 'Vikas Rao', mobile: '9876501237' })).json();
    expect(again.signupId).toBe(first.signupId);
    expect((await outboxTo('9876501237')).length).toBe(1);
    t.clock.advanceMinutes(2);
    await c.post('/api/v1/citizen/signup', { name: 'Vikas Rao', mobile: '9876501237' });
    expect((await outboxTo('9876501237')).length).toBe(2);
  });

  it('refuses a sign-up without a mobile number or e-mail, or with a malformed one (400)', async () => {
    const none = await anon().post('/api/v1/citizen/signup', { name: 'No Contact' });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).fields).toHaveProperty('mobile');
    const bad = await anon().post('/api/v1/citizen/signup', { name: 'Bad Number', mobile: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields).toHaveProperty('mobile');
  });
});

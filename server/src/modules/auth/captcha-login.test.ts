import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig, testConfig } from '../../config.js';
import { errorOf, solveCaptcha, startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { auditActions } from './test-helpers.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

// This file runs with the captcha ON, as production does.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ config: { CAPTCHA: 'on', RATE_LIMIT_LOGIN_PER_MINUTE: '1000', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

const svgOf = (dataUrl: string) => Buffer.from(dataUrl.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');

describe('captcha', () => {
  it('is an SVG made on the server whose answer is never sent as text', async () => {
    const c = t.anon();
    const r = await c.get('/api/v1/auth/captcha');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.captchaId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = svgOf(body.image);
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/<text/);
    const { captchaAnswer } = {
      captchaAnswer: (await c.get(`/api/v1/auth/captcha/${body.captchaId}/answer-for-tests`)).json().answer as string,
    };
    expect(captchaAnswer).toMatch(/^[a-z0-9]{5}$/);
    expect(r.body.toLowerCase()).not.toContain(captchaAnswer);
    const row = await t.db.kysely.selectFrom('captcha').selectAll().where('id', '=', body.captchaId).executeTakeFirstOrThrow();
    expect(row.answer_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.answer_hash).not.toContain(captchaAnswer);
  });

  it('refuses a login without a captcha, with a wrong one, or with one already used', async () => {
    const c = t.anon();
    const none = await c.post('/api/v1/auth/login', { username: 'io.ps1', password: TEST_PASSWORD });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none)).toMatchObject({ code: 'captcha_mismatch', message: 'The captcha did not match; a new one is shown.' });
    expect(errorOf(none).messageHi).toBeTruthy();
    expect(errorOf(none).fields).toHaveProperty('captchaAnswer');

    const cap = await solveCaptcha(c);
    const wrong = await c.post('/api/v1/auth/login', {
      username: 'io.ps1',
      password: TEST_PASSWORD,
      captchaId: cap.captchaId,
      captchaAnswer: 'zzzzz',
    });
    expect(errorOf(wrong).code).toBe('captcha_mismatch');
    // A wrong answer used the captcha up: the right answer no longer works for it.
    const again = await c.post('/api/v1/auth/login', { username: 'io.ps1', password: TEST_PASSWORD, ...cap });
    expect(errorOf(again).code).toBe('captcha_mismatch');

    const ok = await solveCaptcha(c);
    expect((await c.post('/api/v1/auth/login', { username: 'io.ps1', password: TEST_PASSWORD, ...ok })).statusCode).toBe(200);
    const replay = await t.anon().post('/api/v1/auth/login', { username: 'io.ps1', password: TEST_PASSWORD, ...ok });
    expect(errorOf(replay).code).toBe('captcha_mismatch');
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failure')
      .execute();
    expect(audit.some((a) => (a.details as { reason?: string }).reason === 'captcha_mismatch')).toBe(true);
  });

  it('compares case-insensitively and expires after 5 minutes', async () => {
    const c = t.anon();
    const cap = await solveCaptcha(c);
    expect(
      (
        await c.post('/api/v1/auth/login', {
          username: 'duty.ps1',
          password: TEST_PASSWORD,
          captchaId: cap.captchaId,
          captchaAnswer: ` ${cap.captchaAnswer.toUpperCase()} `,
        })
      ).statusCode,
    ).toBe(200);

    const late = await solveCaptcha(c);
    t.clock.advanceMinutes(5);
    const r = await c.post('/api/v1/auth/login', { username: 'duty.ps1', password: TEST_PASSWORD, ...late });
    expect(errorOf(r).code).toBe('captcha_mismatch');
  });

  it('offers a text question for screen-reader users, in English and Hindi, answered in digits of either script', async () => {
    const c = t.anon();
    const r = await c.get('/api/v1/auth/captcha?kind=text');
    expect(r.statusCode).toBe(200);
    const q = r.json();
    expect(q.kind).toBe('text');
    expect(q.image).toBeUndefined();
    expect(q.question).toMatch(/^What is [a-z]+ (plus|minus) [a-z]+\? Type the answer in digits\.$/);
    expect(q.questionHi).toMatch(/उत्तर अंकों में लिखें/);
    const answer = (await c.get(`/api/v1/auth/captcha/${q.captchaId}/answer-for-tests`)).json().answer as string;
    expect(answer).toMatch(/^\d{1,2}$/);
    const devanagari = answer.replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d)));
    const ok = await c.post('/api/v1/auth/login', {
      username: 'io.ps1',
      password: TEST_PASSWORD,
      captchaId: q.captchaId,
      captchaAnswer: devanagari,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('is checked on forgot-password too', async () => {
    const r = await t.anon().post('/api/v1/auth/password/forgot', { username: 'io.ps1' });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).code).toBe('captcha_mismatch');
    const c = t.anon();
    expect((await c.post('/api/v1/auth/password/forgot', { username: 'io.ps1', ...(await solveCaptcha(c)) })).statusCode).toBe(202);
  });
});

describe('the captcha test hook', () => {
  it('exists only with NODE_ENV=test or CAPTCHA_TEST_HOOK=on, and production refuses the switch', async () => {
    const dev = await buildApp({
      config: testConfig({ NODE_ENV: 'development', NOTIFY_POLL_MS: '0' }),
      db: t.db,
      clock: t.clock,
      logger: false,
      webDist: '/nonexistent',
    });
    const on = await buildApp({
      config: testConfig({ NODE_ENV: 'development', CAPTCHA_TEST_HOOK: 'on', NOTIFY_POLL_MS: '0' }),
      db: t.db,
      clock: t.clock,
      logger: false,
      webDist: '/nonexistent',
    });
    try {
      const id = (await dev.inject({ url: '/api/v1/auth/captcha' })).json().captchaId as string;
      const r = await dev.inject({ url: `/api/v1/auth/captcha/${id}/answer-for-tests` });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('route_not_found');
      const id2 = (await on.inject({ url: '/api/v1/auth/captcha' })).json().captchaId as string;
      expect((await on.inject({ url: `/api/v1/auth/captcha/${id2}/answer-for-tests` })).statusCode).toBe(200);
    } finally {
      await dev.close();
      await on.close();
    }
    const env = { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/cctns', CAPTCHA_TEST_HOOK: 'on' };
    expect(() => loadConfig(env)).toThrow(/CAPTCHA_TEST_HOOK=on is refused when NODE_ENV=production/);
  });
});

describe('login answers', () => {
  it('answers an unknown user and a wrong password with the same status, body, work and (roughly) time', async () => {
    const verify = vi.spyOn(argon2, 'verify');
    const timeOf = async (username: string) => {
      const c = t.anon();
      const cap = await solveCaptcha(c);
      verify.mockClear();
      const t0 = performance.now();
      const r = await c.post('/api/v1/auth/login', { username, password: 'not the password, sorry', ...cap });
      const ms = performance.now() - t0;
      // The same work: exactly one argon2 verification either way.
      expect(verify).toHaveBeenCalledTimes(1);
      return { r, ms };
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    let bodies: string[] = [];
    // Alternate, so load on the machine hits both alike; 4 tries so io.ps2 is not locked.
    for (let i = 0; i < 4; i++) {
      const a = await timeOf(`nobody.${i}`);
      const b = await timeOf('io.ps2');
      expect(a.r.statusCode).toBe(401);
      expect(b.r.statusCode).toBe(401);
      bodies.push(a.r.body, b.r.body);
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    verify.mockRestore();
    bodies = [...new Set(bodies)];
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]).error).toMatchObject({ code: 'invalid_credentials', message: 'Wrong username or password.' });
    const median = (xs: number[]) => {
      const s = [...xs].sort((x, y) => x - y);
      return (s[1] + s[2]) / 2;
    };
    // Loose on purpose (a shared, loaded machine); a skipped argon2 would be ~10x apart.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.2);
    expect(median(unknown) / median(wrong)).toBeLessThan(5);
  });

  it('tells the UI that a temporary password must be changed, and the session can do nothing else', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/v1/admin/users', {
      username: 'temp.io',
      name: 'Temp Officer',
      role: 'io',
      stationId: t.ids.stations.PS01,
      email: 'temp.io@cctns.example',
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json();
    const c = t.anon();
    const r = await c.post('/api/v1/auth/login', { username: 'temp.io', password: temporaryPassword, ...(await solveCaptcha(c)) });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      passwordChangeRequired: true,
      mfaEnrolmentRequired: false,
      user: { passwordTemporary: true, mfaEnabled: false },
    });
    const blocked = await c.get('/api/v1/auth/sessions');
    expect(errorOf(blocked).code).toBe('password_change_required');
    const changed = await c.post('/api/v1/auth/password/change', {
      currentPassword: temporaryPassword,
      newPassword: 'the river narmada flows west',
    });
    expect(changed.statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/sessions')).statusCode).toBe(200);
    const me = (await c.get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ passwordTemporary: false, passwordChangeRequired: false });
  });

  it('audits a successful login with the device', async () => {
    await t.login('io.ps1');
    const a = await auditActions(t, t.ids.users['io.ps1']);
    const ok = a.filter((x) => x.action === 'auth.login' && x.outcome === 'success');
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.at(-1)!.details).toMatchObject({ factors: ['password'], device: expect.any(String) });
  });
});

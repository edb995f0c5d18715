import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, errorOf, type TestContext } from '../../test/harness.js';

// Creating an embedded database takes long on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('basic login', () => {
  it('logs in with a case- and space-insensitive username and returns the user and a CSRF token', async () => {
    const c = t.anon();
    const r = await c.post('/api/v1/auth/login', { username: '  IO.PS1 ', password: 'correct horse battery staple' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.user.username).toBe('io.ps1');
    expect(body.user.stationId).toBe(t.ids.stations.PS01);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(body.user).not.toHaveProperty('password_hash');
  });

  it('answers an unknown user and a wrong password identically', async () => {
    const a = await t.anon().post('/api/v1/auth/login', { username: 'nobody.here', password: 'whatever whatever' });
    const b = await t.anon().post('/api/v1/auth/login', { username: 'io.ps1', password: 'whatever whatever' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.body).toBe(b.body);
    expect(errorOf(a).code).toBe('invalid_credentials');
    expect(errorOf(a).messageHi).toBeTruthy();
  });

  it('names the missing fields with 400', async () => {
    const r = await t.anon().post('/api/v1/auth/login', { username: 'io.ps1' });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(errorOf(r).fields ?? {})).toContain('password');
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r).code).toBe('invalid_json');
  });

  it('gives a new session id at every login and ends the one the browser held', async () => {
    const c = await t.login('duty.ps1');
    const first = c.cookie;
    const r = await c.post('/api/v1/auth/login', { username: 'duty.ps1', password: 'correct horse battery staple' });
    expect(r.statusCode).toBe(200);
    expect(c.cookie).not.toBe(first);
    const stale = t.anon();
    stale.cookie = first;
    expect((await stale.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('GET /auth/me answers 401 without a session and the user with one', async () => {
    expect((await t.anon().get('/api/v1/auth/me')).statusCode).toBe(401);
    const c = await t.login('sp.d1');
    const me = (await c.get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ username: 'sp.d1', role: 'sp', districtId: t.ids.districts.D1, stateCode: 'XA' });
  });

  it('logout ends the session on the server and clears the cookie', async () => {
    const c = await t.login('io.ps2');
    const cookie = c.cookie;
    const r = await c.post('/api/v1/auth/logout');
    expect(r.statusCode).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/cctns_sid=;/);
    const replay = t.anon();
    replay.cookie = cookie;
    expect((await replay.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await t.login('io.ps1');
    const r = await c.post('/api/v1/auth/logout', {}, { 'x-csrf-token': 'wrong' });
    expect(r.statusCode).toBe(403);
    expect(errorOf(r).code).toBe('csrf_token_invalid');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('sends no-store on authenticated responses and a request id on every response', async () => {
    const c = await t.login('io.ps1');
    const r = await c.get('/api/v1/auth/me');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-request-id']).toBeTruthy();
    const h = await t.app.inject({ url: '/api/health' });
    expect(h.headers['x-request-id']).toBeTruthy();
    expect(h.headers['x-content-type-options']).toBe('nosniff');
    expect(String(h.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(h.headers['referrer-policy']).toBeTruthy();
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const c = await t.login('io.ps1');
    t.clock.advanceMinutes(29);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(30);
    const r = await c.get('/api/v1/auth/me');
    expect(r.statusCode).toBe(401);
    expect(errorOf(r).code).toBe('session_expired');

    const d = await t.login('io.ps1');
    for (let i = 0; i < 25; i++) {
      t.clock.advanceMinutes(29);
      const ok = await d.get('/api/v1/auth/me');
      if (i < 24) expect(ok.statusCode).toBe(200);
      else expect(ok.statusCode).toBe(401); // 25 × 29 min = 12 h 5 min
    }
  });
});

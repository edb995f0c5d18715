import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, errorOf, startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { auditActions, outboxTo } from './test-helpers.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
});
afterAll(() => t.close());

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';

async function loginFrom(username: string, ua: string, ip: string) {
  const c = new Client(t.app);
  c.ip = ip;
  const r = await c.request('POST', '/api/v1/auth/login', { username, password: TEST_PASSWORD }, { 'user-agent': ua });
  expect(r.statusCode).toBe(200);
  return c;
}

describe('your sessions', () => {
  it('lists each live session with device, IP and times, marks the current one, and never shows the token hash', async () => {
    const a = await loginFrom('io.ps1', CHROME_WINDOWS, '10.20.1.5');
    const b = await loginFrom('io.ps1', FIREFOX_ANDROID, '49.36.7.8');
    const r = await a.request('GET', '/api/v1/auth/sessions', undefined, { 'user-agent': CHROME_WINDOWS });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { id: string; device: string; ip: string; current: boolean; createdAt: string; lastSeenAt: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const cur = items.filter((i) => i.current);
    expect(cur).toHaveLength(1);
    expect(cur[0]).toMatchObject({ device: 'Chrome on Windows', ip: '10.20.1.5' });
    expect(items.find((i) => i.device === 'Firefox on Android')).toMatchObject({ ip: '49.36.7.8', current: false });
    const hashes = (await t.db.kysely.selectFrom('session').select('id').execute()).map((s) => s.id);
    for (const i of items) {
      expect(i.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(hashes).not.toContain(i.id);
    }
    expect(r.body).not.toContain(b.cookie!.split('=')[1]);
  });

  it('ends another of my sessions at once, audited', async () => {
    const a = await loginFrom('io2.ps1', CHROME_WINDOWS, '10.20.1.5');
    const b = await loginFrom('io2.ps1', FIREFOX_ANDROID, '49.36.7.8');
    const items = (await a.get('/api/v1/auth/sessions')).json().items as { id: string; current: boolean }[];
    const other = items.find((i) => !i.current)!;
    const r = await a.delete(`/api/v1/auth/sessions/${other.id}`);
    expect(r.statusCode).toBe(204);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await a.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(404);
    expect((await auditActions(t, t.ids.users['io2.ps1'])).map((x) => x.action)).toContain('auth.session_ended.by_user');
  });

  it('cannot end someone else’s session: it answers 404 like a missing one', async () => {
    const victim = await loginFrom('duty.ps1', CHROME_WINDOWS, '10.20.1.5');
    const vid = ((await victim.get('/api/v1/auth/sessions')).json().items as { id: string; current: boolean }[]).find((i) => i.current)!.id;
    const attacker = await t.login('io.ps2');
    const r = await attacker.delete(`/api/v1/auth/sessions/${vid}`);
    expect(r.statusCode).toBe(404);
    expect(errorOf(r).code).toBe('session_not_found');
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('ending the current session logs out and clears the cookie', async () => {
    const a = await loginFrom('io.ps4', CHROME_WINDOWS, '10.20.1.5');
    const cookie = a.cookie;
    const id = ((await a.get('/api/v1/auth/sessions')).json().items as { id: string; current: boolean }[]).find((i) => i.current)!.id;
    const r = await a.delete(`/api/v1/auth/sessions/${id}`);
    expect(r.statusCode).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/cctns_sid=;/);
    const replay = t.anon();
    replay.cookie = cookie;
    expect((await replay.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('session endings', () => {
  it('logout kills the session on the server: the old cookie no longer works', async () => {
    const c = await t.login('duty.ps2');
    const cookie = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const replay = t.anon();
    replay.cookie = cookie;
    const r = await replay.get('/api/v1/auth/me');
    expect(r.statusCode).toBe(401);
    expect((await auditActions(t, t.ids.users['duty.ps2'])).map((x) => x.action)).toContain('auth.logout');
  });

  it('disabling a user kills their sessions at once', async () => {
    const victim = await t.login('duty.ps4');
    const admin = await t.login('admin');
    expect((await admin.post(`/api/v1/admin/users/${t.ids.users['duty.ps4']}/disable`)).statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.anon().post('/api/v1/auth/login', { username: 'duty.ps4', password: TEST_PASSWORD })).statusCode).toBe(401);
    await admin.post(`/api/v1/admin/users/${t.ids.users['duty.ps4']}/enable`);
  });

  it('ends a session after 30 idle minutes and audits the timeout', async () => {
    const c = await t.login('io2.ps1');
    t.clock.advanceMinutes(31);
    const r = await c.get('/api/v1/auth/me');
    expect(errorOf(r).code).toBe('session_expired');
    expect((await auditActions(t, t.ids.users['io2.ps1'])).map((x) => x.action)).toContain('auth.session_ended.idle_timeout');
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const c = await t.login('io2.ps1');
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(29); // 12 h 5 min
    expect(errorOf(await c.get('/api/v1/auth/me')).code).toBe('session_expired');
    expect((await auditActions(t, t.ids.users['io2.ps1'])).map((x) => x.action)).toContain('auth.session_ended.absolute_timeout');
  });
});

describe('new-device notice', () => {
  it('sends a notice for a browser or network not seen before, and none for a known one', async () => {
    const kinds = async () => (await outboxTo(t, 'sdpo.sd1@cctns.example')).filter((n) => n.payload.kind === 'new_device_login').length;
    await loginFrom('sdpo.sd1', CHROME_WINDOWS, '10.20.1.5');
    expect(await kinds()).toBe(1);
    await loginFrom('sdpo.sd1', CHROME_WINDOWS, '10.20.77.9'); // same browser, same /16 network
    expect(await kinds()).toBe(1);
    await loginFrom('sdpo.sd1', FIREFOX_ANDROID, '10.20.1.5'); // another browser
    expect(await kinds()).toBe(2);
    await loginFrom('sdpo.sd1', CHROME_WINDOWS, '117.200.1.1'); // another network
    expect(await kinds()).toBe(3);
    const sms = (await outboxTo(t, '9000000005')).filter((n) => n.payload.kind === 'new_device_login');
    expect(sms).toHaveLength(3);
    expect(sms[0].payload.text).toMatch(/नए उपकरण/);
    const audit = (await auditActions(t, t.ids.users['sdpo.sd1'])).filter((a) => a.action === 'auth.login');
    expect(audit.map((a) => a.details.newDevice)).toEqual([true, false, true, true]);
  });
});

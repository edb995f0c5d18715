import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorOf, startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
});
afterAll(() => t.close());

const from = (ip: string) => {
  const c = t.anon();
  c.ip = ip;
  return c;
};

describe('per-IP rate limits', () => {
  for (const [path, body] of [
    ['/api/v1/auth/login', { username: 'nobody', password: 'wrong password here' }],
    ['/api/v1/auth/password/forgot', { username: 'nobody' }],
    ['/api/v1/auth/password/reset', { username: 'nobody', otp: '123456', newPassword: 'a long enough new passphrase' }],
  ] as const) {
    it(`answers 429 with Retry-After on ${path} past the limit, for that address only`, async () => {
      const ip = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
      for (let i = 0; i < 3; i++) expect((await from(ip).post(path, body)).statusCode).not.toBe(429);
      const r = await from(ip).post(path, body);
      expect(r.statusCode).toBe(429);
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(errorOf(r).code).toBe('too_many_requests');
      expect(errorOf(r).messageHi).toBeTruthy();
      expect((await from('198.51.100.7').post(path, body)).statusCode).not.toBe(429);
    });
  }

  it('limits second-factor tries per address as well', async () => {
    await t.login('sho.ps1'); // sets up 2FA
    const c = from('203.0.113.9');
    expect((await c.post('/api/v1/auth/login', { username: 'sho.ps1', password: TEST_PASSWORD })).json().mfaRequired).toBe(true);
    for (let i = 0; i < 3; i++) expect((await c.post('/api/v1/auth/login/mfa', { code: '000000' })).statusCode).toBe(400);
    const r = await c.post('/api/v1/auth/login/mfa', { code: '000000' });
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  });
});

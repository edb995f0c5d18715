import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logRedactPaths } from '../../lib/logger.js';
import { solveCaptcha, startTestApp, TEST_PASSWORD, type Client, type TestContext } from '../../test/harness.js';
import { startSmsGateway, startSmtp } from '../notify/test-servers.js';
import { relayFor } from './test-helpers.js';
import { totpCode } from './totp.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

// The whole account-recovery path against real local providers, with the captcha on and the
// app's log captured: an SMTP server in this process receives the e-mail, an HTTP server the SMS.
let t: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
const lines: string[] = [];
const SMS_TOKEN = 'sms-gateway-token-0123456789';

beforeAll(async () => {
  smtp = await startSmtp();
  sms = await startSmsGateway();
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  t = await startTestApp({
    config: {
      CAPTCHA: 'on',
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_TOKEN: SMS_TOKEN,
      SMTP_FROM: 'CCTNS XA <no-reply@xa.example>',
    },
    // The same redaction as the app's default logger, at the most talkative level.
    logger: { level: 'trace', stream, redact: { paths: logRedactPaths, censor: '[redacted]' } } as never,
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await sms?.close();
});

const NEW_PASSWORD = 'tea at the ghat before dawn';
const secrets: string[] = [TEST_PASSWORD, NEW_PASSWORD, SMS_TOKEN];
const remember = (c: Client) => {
  if (c.cookie) secrets.push(c.cookie.split('=')[1]);
  if (c.csrfToken) secrets.push(c.csrfToken);
};

async function captchaLogin(password: string) {
  const c = t.anon();
  const cap = await solveCaptcha(c);
  secrets.push(cap.captchaAnswer);
  const r = await c.post('/api/v1/auth/login', { username: 'sho.ps1', password, ...cap });
  expect(r.statusCode).toBe(200);
  remember(c);
  return { c, answer: r.json() };
}

describe('forgot password over real SMTP and SMS, and a log with no secrets', () => {
  let secret: string;
  let otp: string;

  it('logs in with the captcha and sets up 2FA', async () => {
    const { c, answer } = await captchaLogin(TEST_PASSWORD);
    expect(answer.mfaEnrolmentRequired).toBe(true);
    const e = (await c.post('/api/v1/auth/mfa/totp/enrol')).json();
    secret = e.secret;
    secrets.push(secret);
    const code = totpCode(secret, t.clock.now());
    secrets.push(code);
    const conf = await c.post('/api/v1/auth/mfa/totp/confirm', { code });
    expect(conf.statusCode).toBe(200);
    secrets.push(...(conf.json().recoveryCodes as string[]));
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
  });

  it('sends the code by e-mail over SMTP and by SMS through the gateway, and resets the password with it', async () => {
    const c = t.anon();
    const cap = await solveCaptcha(c);
    secrets.push(cap.captchaAnswer);
    const f = await c.post('/api/v1/auth/password/forgot', { username: 'sho.ps1', ...cap });
    expect(f.statusCode).toBe(202);
    const result = await relayFor(t, {}, t.app.log).drain();
    expect(result.failed).toBe(0);

    const mail = smtp.mails.find((m) => /password reset code is \d{6}/.test(m.text));
    expect(mail, 'no reset e-mail received').toBeTruthy();
    expect(mail!.to).toEqual(['sho.ps1@cctns.example']);
    expect(mail!.from).toBe('no-reply@xa.example');
    expect(mail!.subject).toBe('CCTNS password reset code / पासवर्ड रीसेट कोड');
    expect(mail!.text).toMatch(/पासवर्ड रीसेट कोड \d{6}/);
    otp = /password reset code is (\d{6})/.exec(mail!.text)![1];
    secrets.push(otp);
    const text = sms.received.find((s) => s.message.includes(otp));
    expect(text).toMatchObject({ to: '9000000011', authorization: `Bearer ${SMS_TOKEN}` });

    // Nothing went to the dev outbox, and its page does not exist with both providers set.
    expect((await t.db.kysely.selectFrom('notify_dev_message').select('id').execute()).length).toBe(0);
    const admin = await t.login('admin');
    remember(admin);
    expect((await admin.get('/api/v1/admin/dev-outbox')).statusCode).toBe(404);

    const wrong = await t
      .anon()
      .post('/api/v1/auth/password/reset', { username: 'sho.ps1', otp: otp === '999999' ? '999998' : '999999', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    const ok = await t.anon().post('/api/v1/auth/password/reset', { username: 'sho.ps1', otp, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(200);
    await relayFor(t, {}, t.app.log).drain();
    expect(smtp.mails.some((m) => m.text.includes('Your CCTNS password was reset'))).toBe(true);
  });

  it('logs in with the new password and a code: 2FA stayed on', async () => {
    const { c, answer } = await captchaLogin(NEW_PASSWORD);
    expect(answer.mfaRequired).toBe(true);
    t.clock.advance(30_000);
    const code = totpCode(secret, t.clock.now());
    const r = await c.post('/api/v1/auth/login/mfa', { code });
    expect(r.statusCode).toBe(200);
    remember(c);
    secrets.push(code);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    // A failed login is logged too, without what was typed.
    const d = t.anon();
    const cap = await solveCaptcha(d);
    const typed = 'a wrong password entirely';
    secrets.push(typed);
    expect((await d.post('/api/v1/auth/login', { username: 'sho.ps1', password: typed, ...cap })).statusCode).toBe(401);
  });

  it('wrote no password, code, token, secret or cookie value to any log line', async () => {
    await new Promise((r) => setTimeout(r, 50)); // let pino flush
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    expect(all).toContain('"reqId"');
    expect(all).toContain('message delivered');
    const leaked = [...new Set(secrets)].filter((s) => {
      if (/^\d{6}$/.test(s)) return new RegExp(`(?<![.\\d])${s}(?!\\d)`).test(all);
      return all.includes(s);
    });
    expect(leaked).toEqual([]);
  });
});

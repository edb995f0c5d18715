import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { relayFor } from '../auth/test-helpers.js';
import { devSender } from './adapters/dev.js';
import { httpSmsSender } from './adapters/sms-http.js';
import { backoffMs } from './relay.js';
import { enqueueMessage } from './service.js';
import { startSmsGateway, startSmtp } from './test-servers.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const row = (id: string) => t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const sms = (text: string, extra: Record<string, unknown> = {}) =>
  enqueueMessage(t.db.kysely, t.clock, 'XA', 'sms', { kind: 'test', to: '9000000099', text, ...extra });

describe('SMS gateway adapter', () => {
  it('POSTs {to, message} as JSON with the bearer token, and treats a non-2xx answer as a failure', async () => {
    const gw = await startSmsGateway({ failures: 1 });
    try {
      const sender = httpSmsSender({ url: gw.url, token: 'tok-123' });
      const m = { kind: 'test', to: '9000000099', text: 'नमस्ते — hello' };
      await expect(sender.send(m, { outboxId: 'x', stateCode: 'XA' })).rejects.toThrow('SMS gateway answered HTTP 503');
      await sender.send(m, { outboxId: 'x', stateCode: 'XA' });
      expect(gw.received).toEqual([{ to: '9000000099', message: 'नमस्ते — hello', authorization: 'Bearer tok-123' }]);
    } finally {
      await gw.close();
    }
  });
});

describe('relay', () => {
  it('retries a failing provider with exponential backoff and delivers the message once it recovers', async () => {
    const gw = await startSmsGateway({ failures: 2 });
    try {
      const relay = relayFor(t, { SMS_GATEWAY_URL: gw.url });
      const id = await sms('first message');
      expect(await relay.drain()).toEqual({ delivered: 0, retried: 1, failed: 0 });
      let r = await row(id);
      expect(r).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null, last_error: 'SMS gateway answered HTTP 503' });
      expect(r.available_at.getTime() - t.clock.now().getTime()).toBe(backoffMs(1));

      // Not due yet: nothing is tried.
      expect(await relay.drain()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      t.clock.advance(backoffMs(1));
      expect(await relay.drain()).toEqual({ delivered: 0, retried: 1, failed: 0 });
      r = await row(id);
      expect(r.available_at.getTime() - t.clock.now().getTime()).toBe(backoffMs(2));
      expect(backoffMs(2)).toBe(2 * backoffMs(1));

      t.clock.advance(backoffMs(2));
      expect(await relay.drain()).toEqual({ delivered: 1, retried: 0, failed: 0 });
      r = await row(id);
      expect(r.attempts).toBe(3);
      expect(r.delivered_at).not.toBeNull();
      expect(gw.received.map((x) => x.message)).toEqual(['first message']);
      expect(gw.requests).toBe(3);
      await relay.stop();
    } finally {
      await gw.close();
    }
  });

  it('delivers e-mail once an SMTP server that was down comes up', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const relay = relayFor(t, { SMTP_URL: `smtp://127.0.0.1:${port}` });
    const id = await enqueueMessage(t.db.kysely, t.clock, 'XA', 'email', {
      kind: 'test',
      to: 'someone@example.org',
      subject: 'Hello / नमस्ते',
      text: 'Body — मुख्य भाग',
    });
    expect((await relay.drain()).retried).toBe(1);
    expect((await row(id)).last_error).toBeTruthy();
    const smtp = await startSmtp(port);
    try {
      t.clock.advance(backoffMs(1));
      expect((await relay.drain()).delivered).toBe(1);
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toMatchObject({ to: ['someone@example.org'], subject: 'Hello / नमस्ते' });
      expect(smtp.mails[0].text.trim()).toBe('Body — मुख्य भाग');
    } finally {
      await relay.stop();
      await smtp.close();
    }
  });

  it('after the last attempt marks the message failed but keeps it', async () => {
    const gw = await startSmsGateway({ failures: 100 });
    try {
      const relay = relayFor(t, { SMS_GATEWAY_URL: gw.url, NOTIFY_MAX_ATTEMPTS: 2 });
      const id = await sms('doomed message');
      await relay.drain();
      t.clock.advance(backoffMs(1));
      expect(await relay.drain()).toEqual({ delivered: 0, retried: 0, failed: 1 });
      const r = await row(id);
      expect(r.failed_at).not.toBeNull();
      expect(r.attempts).toBe(2);
      expect(JSON.stringify(r.payload)).toContain('doomed message');
      t.clock.advanceMinutes(120);
      expect(await relay.drain()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    } finally {
      await gw.close();
    }
  });

  it('does not send a code that expired while the provider was down, and removes it from the outbox', async () => {
    const gw = await startSmsGateway({ failures: 1 });
    try {
      const relay = relayFor(t, { SMS_GATEWAY_URL: gw.url });
      const expiresAt = new Date(t.clock.now().getTime() + 60_000).toISOString();
      const id = await sms('your code is 482913', { secret: true, expiresAt });
      await relay.drain();
      t.clock.advanceMinutes(2);
      expect((await relay.drain()).failed).toBe(1);
      const r = await row(id);
      expect(r.last_error).toMatch(/expired/);
      expect(JSON.stringify(r.payload)).not.toContain('482913');
      expect(gw.received).toHaveLength(0);
    } finally {
      await gw.close();
    }
  });

  it('never prints a code on the console in production, and prints it in the embedded dev mode', async () => {
    const printed: string[] = [];
    const m = { kind: 'password_reset_otp', to: '9000000099', text: 'code 731904', secret: true };
    const prod = devSender({ channel: 'sms', db: t.db.kysely, clock: t.clock, production: true, print: (l) => printed.push(l) });
    await prod.send(m, { outboxId: '00000000-0000-7000-8000-000000000001', stateCode: 'XA' });
    expect(printed.join('\n')).not.toContain('731904');
    expect(printed.join('\n')).not.toContain('9000000099');
    const dev = devSender({ channel: 'sms', db: t.db.kysely, clock: t.clock, production: false, print: (l) => printed.push(l) });
    await dev.send(m, { outboxId: '00000000-0000-7000-8000-000000000002', stateCode: 'XA' });
    expect(printed.at(-1)).toContain('731904');
  });
});

describe('the relay the app starts', () => {
  let app: TestContext;
  let hanging: Server;
  let received = 0;

  beforeAll(async () => {
    // A gateway that takes the request and never answers.
    hanging = createServer(() => {
      received++;
    });
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/sms`;
    app = await startTestApp({ config: { NOTIFY_POLL_MS: '20', SMS_GATEWAY_URL: url } });
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise<void>((r) => hanging.close(() => r()));
    await app.close();
  });

  it('delivers in the background after commit, and a hung provider never holds up a login', async () => {
    // The first login enqueues a new-device notice: e-mail to the dev outbox, SMS to the hung gateway.
    const c = await app.login('io.ps1');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    await vi.waitFor(
      async () => {
        const dev = await app.db.kysely.selectFrom('notify_dev_message').select('recipient').execute();
        expect(dev.map((d) => d.recipient)).toContain('io.ps1@cctns.example');
        expect(received).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 50 },
    );
    // The SMS is stuck in flight; logins go on regardless.
    for (const u of ['io2.ps1', 'duty.ps1']) {
      const r = await app.anon().post('/api/v1/auth/login', { username: u, password: TEST_PASSWORD });
      expect(r.statusCode).toBe(200);
    }
    const pending = await app.db.kysely.selectFrom('outbox').select(['payload', 'delivered_at']).where('topic', '=', 'sms').execute();
    expect(pending.length).toBeGreaterThanOrEqual(1);
  });
});

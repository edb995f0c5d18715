import type { FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../app.js';
import { testConfig, type Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { App } from '../http/types.js';
import { ManualClock } from '../lib/clock.js';
import { prepareDatabase } from '../startup.js';
import { normaliseUsername } from '../modules/auth/password.js';
import { totpCode } from '../modules/auth/totp.js';
import { loadDemoIds, type DemoIds } from '../seed/demo.js';
import { seedAll } from '../seed/index.js';
import type { TestDb } from './db.js';
import { createFromTemplate } from './template.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestContext {
  app: App;
  db: Db;
  clock: ManualClock;
  ids: DemoIds;
  config: Config;
  testDb: TestDb;
  /**
   * Logs in a demo user and returns a client that carries its cookie and CSRF token. It does
   * what a person would: answers the captcha when CAPTCHA=on (through the test hook), sets up
   * two-factor authentication at the first login of a role that needs it (MFA_REQUIRED_ROLES:
   * admin, sp, scrb, sho), and enters the current TOTP code at later logins.
   */
  login(username: string, password?: string): Promise<Client>;
  /** TOTP secrets and recovery codes of the users the harness enrolled, by username. */
  mfa: Map<string, { secret: string; recoveryCodes: string[] }>;
  /** The code the user's authenticator app shows now (the user must have been enrolled by login()). */
  totp(username: string): string;
  /** A client with no session. */
  anon(): Client;
  close(): Promise<void>;
}

export interface StartOptions {
  config?: Partial<Record<keyof Config, string>>;
  clockStart?: string;
  /** Seed the demo records of every module too (FIRs, cases...); default false: organisation and users only. */
  withRecords?: boolean;
  /** The app's logger (default: none). Tests that read the log pass a pino config with a stream. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * A migrated, seeded database of the project's kind (PGlite or PostgreSQL, by TEST_DB) and the
 * app built on it, with a manual clock. Use one per test file (beforeAll) and close it in afterAll.
 */
export async function startTestApp(opts: StartOptions = {}): Promise<TestContext> {
  const clockStart = opts.clockStart ?? '2026-01-15T06:30:00Z';
  const withRecords = opts.withRecords ?? false;
  const { testDb, value: ids } = await createFromTemplate(
    `seeded:${clockStart}:${withRecords}`,
    async (db) => {
      await prepareDatabase(db);
      await seedAll(db, TEST_PASSWORD, new ManualClock(clockStart), { withRecords });
    },
    (db) => loadDemoIds(db.kysely),
  );
  const db = testDb.db;
  const clock = new ManualClock(clockStart);
  // No background relay: tests deliver e-mail/SMS when they choose (createRelay(...).drain()).
  const config = testConfig({ NOTIFY_POLL_MS: '0', ...opts.config });
  const app = await buildApp({ config, db, clock, logger: opts.logger ?? false, webDist: '/nonexistent' });
  await app.ready();
  const mfa = new Map<string, { secret: string; recoveryCodes: string[] }>();
  const fail = (what: string, r: LightMyRequestResponse) => new Error(`${what} failed: ${r.statusCode} ${r.body}`);
  const ctx: TestContext = {
    app,
    db,
    clock,
    ids,
    config,
    testDb,
    anon: () => new Client(app),
    mfa,
    totp(username) {
      const m = mfa.get(normaliseUsername(username));
      if (!m) throw new Error(`${username} has no 2FA set up by the harness`);
      return totpCode(m.secret, clock.now());
    },
    async login(username, password = TEST_PASSWORD) {
      const c = new Client(app);
      const body: Record<string, unknown> = { username, password };
      if (config.CAPTCHA === 'on') Object.assign(body, await solveCaptcha(c));
      const r = await c.post('/api/v1/auth/login', body);
      if (r.statusCode !== 200) throw fail(`login ${username}`, r);
      const answer = r.json() as { mfaRequired?: boolean; mfaEnrolmentRequired?: boolean };
      const key = normaliseUsername(username);
      if (answer.mfaRequired) {
        if (!mfa.has(key)) throw new Error(`login ${username}: 2FA is on but the harness did not set it up, so it has no secret`);
        // The frozen test clock lets the harness log one user in many times within one 30-second
        // step, where a person would wait for the next code: forget the step last used.
        await sql`update auth_state set totp_last_step = null where user_id = (select id from app_user where username = ${key})`.execute(
          db.kysely,
        );
        const m = await c.post('/api/v1/auth/login/mfa', { code: ctx.totp(key) });
        if (m.statusCode !== 200) throw fail(`login ${username} (second factor)`, m);
      } else if (answer.mfaEnrolmentRequired) {
        const e = await c.post('/api/v1/auth/mfa/totp/enrol');
        if (e.statusCode !== 200) throw fail(`2FA set-up of ${username}`, e);
        const { secret } = e.json() as { secret: string };
        const conf = await c.post('/api/v1/auth/mfa/totp/confirm', { code: totpCode(secret, clock.now()) });
        if (conf.statusCode !== 200) throw fail(`2FA confirmation of ${username}`, conf);
        mfa.set(key, { secret, recoveryCodes: (conf.json() as { recoveryCodes: string[] }).recoveryCodes });
      }
      return c;
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
  return ctx;
}

/** A fresh captcha and its answer, read through the test-only hook. */
export async function solveCaptcha(c: Client, kind: 'image' | 'text' = 'image'): Promise<{ captchaId: string; captchaAnswer: string }> {
  const cap = await c.get(`/api/v1/auth/captcha?kind=${kind}`);
  if (cap.statusCode !== 200) throw new Error(`captcha failed: ${cap.statusCode} ${cap.body}`);
  const { captchaId } = cap.json() as { captchaId: string };
  const a = await c.get(`/api/v1/auth/captcha/${captchaId}/answer-for-tests`);
  if (a.statusCode !== 200) throw new Error(`captcha answer failed: ${a.statusCode} ${a.body}`);
  return { captchaId, captchaAnswer: (a.json() as { answer: string }).answer };
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** A browser-like client over app.inject: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  ip = '10.1.2.3';
  constructor(private readonly app: App) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { 'user-agent': 'vitest', ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) h['content-type'] = 'application/json';
    const r = await this.app.inject({
      method,
      url,
      headers: h,
      payload: body === undefined ? undefined : JSON.stringify(body),
      remoteAddress: this.ip,
    });
    const set = r.headers['set-cookie'];
    const cookies = Array.isArray(set) ? set : set ? [set] : [];
    for (const c of cookies) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name === 'cctns_sid') this.cookie = value ? `cctns_sid=${value}` : undefined;
    }
    if (r.statusCode < 300 && r.headers['content-type']?.toString().includes('json')) {
      try {
        const j = r.json() as { csrfToken?: string };
        if (j && typeof j === 'object' && typeof j.csrfToken === 'string') this.csrfToken = j.csrfToken;
      } catch {
        /* not JSON */
      }
    }
    return r;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: Body, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body?: Body, headers?: Record<string, string>) {
    return this.request('PATCH', url, body ?? {}, headers);
  }
  put(url: string, body?: Body, headers?: Record<string, string>) {
    return this.request('PUT', url, body ?? {}, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }
}

/** The `error` object of an error response, for assertions. */
export const errorOf = (r: LightMyRequestResponse) =>
  (r.json() as { error: { code: string; message: string; messageHi: string; fields?: Record<string, string> } }).error;

import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { testConfig, type Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { App } from '../http/types.js';
import { ManualClock } from '../lib/clock.js';
import { prepareDatabase } from '../startup.js';
import type { DemoIds } from '../seed/demo.js';
import { seedAll } from '../seed/index.js';
import { createTestDb, type TestDb } from './db.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestContext {
  app: App;
  db: Db;
  clock: ManualClock;
  ids: DemoIds;
  config: Config;
  testDb: TestDb;
  /** Logs in a demo user (CAPTCHA off) and returns a client that carries its cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  /** A client with no session. */
  anon(): Client;
  close(): Promise<void>;
}

export interface StartOptions {
  config?: Partial<Record<keyof Config, string>>;
  clockStart?: string;
  /** Seed the demo records of every module too (FIRs, cases...); default false: organisation and users only. */
  withRecords?: boolean;
}

/**
 * A migrated, seeded database of the project's kind (PGlite or PostgreSQL, by TEST_DB) and the
 * app built on it, with a manual clock. Use one per test file (beforeAll) and close it in afterAll.
 */
export async function startTestApp(opts: StartOptions = {}): Promise<TestContext> {
  const testDb = await createTestDb();
  const db = testDb.db;
  await prepareDatabase(db);
  const clock = new ManualClock(opts.clockStart ?? '2026-01-15T06:30:00Z');
  const ids = await seedAll(db, TEST_PASSWORD, clock, { withRecords: opts.withRecords ?? false });
  const config = testConfig(opts.config);
  const app = await buildApp({ config, db, clock, logger: false, webDist: '/nonexistent' });
  await app.ready();
  const ctx: TestContext = {
    app,
    db,
    clock,
    ids,
    config,
    testDb,
    anon: () => new Client(app),
    async login(username, password = TEST_PASSWORD) {
      const c = new Client(app);
      const r = await c.post('/api/v1/auth/login', { username, password });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      return c;
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
  return ctx;
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** A browser-like client over app.inject: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  ip = '10.1.2.3';
  constructor(private readonly app: App) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: Body, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { 'user-agent': 'vitest', ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) h['content-type'] = 'application/json';
    const r = await this.app.inject({ method, url, headers: h, payload: body === undefined ? undefined : JSON.stringify(body), remoteAddress: this.ip });
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
export const errorOf = (r: LightMyRequestResponse) => (r.json() as { error: { code: string; message: string; messageHi: string; fields?: Record<string, string> } }).error;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { buildApp } from './app.js';
import { testConfig } from './config.js';
import type { Db } from './db/index.js';
import { errorOf, startTestApp, TEST_PASSWORD, type TestContext } from './test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('API conventions', () => {
  it('reports health with the database', async () => {
    const r = await t.app.inject({ url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 when the database is unreachable', async () => {
    const dead = {
      kind: 'pglite',
      kysely: { executeQuery: () => Promise.reject(new Error('down')) },
      withConnection: () => Promise.reject(new Error('down')),
      close: async () => {},
    };
    const app = await buildApp({ config: testConfig(), db: dead as unknown as Db, logger: false, webDist: '/nonexistent' });
    const r = await app.inject({ url: '/api/health' });
    expect(r.statusCode).toBe(503);
    expect(r.json().db).toBe('unreachable');
    await app.close();
  });

  it('publishes an OpenAPI 3.1 document with an example for every request body', async () => {
    const r = await t.anon().get('/api/v1/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    const missing: string[] = [];
    let bodies = 0;
    for (const [path, ops] of Object.entries<
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: { examples?: unknown[] }; examples?: unknown; example?: unknown }> } }
      >
    >(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody) continue;
        bodies++;
        const media = Object.values(op.requestBody.content)[0];
        if (!media?.schema?.examples?.length && !media?.examples && media?.example === undefined)
          missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(bodies).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  it('serves interactive docs at /api/docs', async () => {
    const r = await t.app.inject({ url: '/api/docs/' });
    expect([200, 302]).toContain(r.statusCode);
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    const r = await t.anon().get('/api/v1/nowhere');
    expect(r.statusCode).toBe(404);
    expect(errorOf(r)).toMatchObject({ code: 'route_not_found' });
    expect(errorOf(r).messageHi).toBeTruthy();
  });

  it('keeps passwords, tokens and cookies out of the logs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const app = await buildApp({
      config: testConfig(),
      db: t.db,
      clock: t.clock,
      webDist: '/nonexistent',
      logger: { level: 'trace', stream } as never,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: { username: 'io.ps1', password: TEST_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const csrf = login.json().csrfToken as string;
    await app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    await app.close();
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(all).toContain('"reqId"');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain(cookie.split('=')[1]);
    expect(all).not.toContain(csrf);
  });
});

describe('serving the web app', () => {
  it('serves index.html for app paths, files as they are, new files after a rebuild, and 404 for a missing asset', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'cctns-web-'));
    try {
      mkdirSync(path.join(dir, 'assets'));
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>CCTNS</title>');
      writeFileSync(path.join(dir, 'assets/app-1.js'), 'console.log(1)');
      const app = await buildApp({ config: testConfig(), db: t.db, logger: false, webDist: dir });
      expect((await app.inject({ url: '/' })).body).toContain('<title>CCTNS');
      expect((await app.inject({ url: '/firs/123' })).body).toContain('<title>CCTNS');
      expect((await app.inject({ url: '/assets/app-1.js' })).body).toBe('console.log(1)');
      writeFileSync(path.join(dir, 'assets/app-2.js'), 'console.log(2)');
      expect((await app.inject({ url: '/assets/app-2.js' })).body).toBe('console.log(2)');
      const missing = await app.inject({ url: '/assets/gone.js' });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).not.toContain('<title>');
      expect((await app.inject({ url: '/api/v1/nowhere' })).statusCode).toBe(404);
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX_USERS, type MatrixCase } from './matrix.js';
import { startTestApp, type Client, type TestContext } from './harness.js';

/**
 * The jurisdiction matrix: every /api/v1 route × every role × (in scope, out of scope).
 * An unexpected 2xx fails. Rows come from each module's scopes.cases.ts.
 */
const modules = import.meta.glob<{ cases: MatrixCase[] }>('../modules/**/scopes.cases.ts', { eager: true });
const cases: MatrixCase[] = Object.values(modules).flatMap((m) => m.cases);

let t: TestContext;
const clients = new Map<string, Client>();

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
  for (const u of MATRIX_USERS) clients.set(u.username ?? 'anon', u.username ? await t.login(u.username) : t.anon());
}, 120_000);
afterAll(() => t.close());

describe('jurisdiction matrix', () => {
  it('has a row for every registered /api/v1 route', () => {
    const listed = new Set(cases.map((c) => c.route));
    const routes = (t.app as unknown as { registeredRoutes: string[] }).registeredRoutes;
    const missing = routes.filter((r) => !listed.has(r));
    expect(missing, `routes without a jurisdiction row: ${missing.join(', ')}`).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.route}`, async () => {
      const method = c.route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const expectSuccess = c.expectSuccess ?? method === 'GET';
      const unexpected: string[] = [];
      const failedAllowed: string[] = [];
      for (const u of MATRIX_USERS) {
        const client = clients.get(u.username ?? 'anon')!;
        // Re-login if an earlier row ended this user's session (logout, password change...).
        if (u.username && (await client.get('/api/v1/auth/me')).statusCode !== 200) clients.set(u.username, await t.login(u.username));
        const cl = clients.get(u.username ?? 'anon')!;
        const f = c.setup ? await c.setup(t) : undefined;
        const url = c.path(t, f);
        const body = c.body ? (c.body(t, f) as Record<string, unknown>) : method === 'GET' || method === 'DELETE' ? undefined : {};
        const r = await cl.request(method, url, body, c.headers ? c.headers(t, f) : {});
        const allowed = c.allow.includes(u.role) && (c.place === 'none' || u.coversPS01);
        const ok = r.statusCode >= 200 && r.statusCode < 300;
        if (ok && !allowed) unexpected.push(`${u.username ?? 'anon'} got ${r.statusCode}`);
        if (!ok && allowed && expectSuccess) failedAllowed.push(`${u.username ?? 'anon'} got ${r.statusCode} ${r.body.slice(0, 200)}`);
        if (r.statusCode >= 500) unexpected.push(`${u.username ?? 'anon'} got ${r.statusCode}`);
      }
      expect(unexpected, 'unexpected success').toEqual([]);
      expect(failedAllowed, 'allowed caller refused').toEqual([]);
    }, 180_000); // 15 callers, some rendering PDFs
  }
});

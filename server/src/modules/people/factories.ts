import { scopeOf } from '../../policy/index.js';
import type { Client, TestContext } from '../../test/harness.js';
import { toSessionUser } from '../auth/service.js';
import type { PeopleDeps, PeopleOfficer } from './service.js';

/** For tests: creates a person through the API as `who`, expecting 201; returns the view. */
export async function makePerson(t: TestContext, who: string | Client, over: Record<string, unknown> = {}) {
  const c = typeof who === 'string' ? await t.login(who) : who;
  const r = await c.post('/api/v1/people', { name: 'Ramesh Kumar', sex: 'male', ...over });
  if (r.statusCode !== 201) throw new Error(`create person failed: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; name: string; version: number; [k: string]: unknown };
}

export interface SearchResultJson {
  person: { id: string; name: string; nameHi: string | null; districtId: string | null; accusedCases: number };
  matchedName: string;
  score: number;
  why: string[];
  likelySame: boolean;
}

/** For tests: GET /people/search with the given query string, expecting 200. */
export async function searchAs(c: Client, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const r = await c.get(`/api/v1/people/search?${qs}`);
  if (r.statusCode !== 200) throw new Error(`search failed: ${r.statusCode} ${r.body}`);
  return (r.json() as { results: SearchResultJson[] }).results;
}

/** For tests and the demo seed: a demo user as an officer acting through a service (no session). */
export async function officerFor(t: Pick<TestContext, 'db'>, username: string): Promise<PeopleOfficer> {
  const row = await t.db.kysely.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const { password_hash: _p, ...u } = row as typeof row & { password_hash?: string };
  const user = toSessionUser(u as Parameters<typeof toSessionUser>[0]);
  return {
    auth: {
      sessionId: 'test',
      csrfToken: 'test',
      mfaPending: false,
      user,
      scope: scopeOf({
        id: u.id,
        role: user.role,
        state_code: user.stateCode,
        district_id: user.districtId,
        subdivision_id: user.subdivisionId,
        station_id: user.stationId,
      }),
    },
    actor: {
      stateCode: user.stateCode,
      userId: user.id,
      username: user.username,
      role: user.role,
      ip: '127.0.0.1',
      userAgent: 'test',
      requestId: null,
    },
  };
}

/** For tests: the services' dependencies from a test context. */
export const depsOf = (t: Pick<TestContext, 'db' | 'clock' | 'config'>): PeopleDeps => ({ db: t.db, clock: t.clock, config: t.config });

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { PUBLIC_FORBIDDEN_KEYS } from './presenter.js';

/**
 * The forbidden-field test: every public route of the app (found by asking each registered
 * route, without a session, whether it wants one), called with the demo data's real station
 * codes, FIR numbers, verification codes and ids, must never answer with a complainant's,
 * victim's, witness's or accused's name, address or phone, nor with any key that carries
 * a person (complainant, victims, accused, narrative, ...).
 *
 * The people come from the database itself after seeding every module's demo records: the
 * FIRs' complainants, victims and accused, the complaints' complainants and suspects, the
 * citizens' accounts and the master person index.
 *
 * One exception is the law's own: the station's arrest board (BNSS 37) displays the names and
 * addresses of arrested persons; on it, accused persons' names and addresses are allowed, but
 * never a complainant's, a victim's or anyone's phone, and never anyone from a sensitive case.
 * The OpenAPI document is left out: its request examples are documentation, not records.
 */

let t: TestContext;

/** Routes whose answers the law requires to name arrested persons (BNSS 37). */
const ARREST_BOARDS = new Set(['GET /api/v1/public/stations/:code/arrests']);
const NOT_RECORDS = new Set(['GET /api/v1/openapi.json']);

interface Forbidden {
  /** Never anywhere. */
  always: Set<string>;
  /** Not on any route but an arrest board. */
  exceptArrestBoard: Set<string>;
}

const strings = (v: unknown, keys: string[]): string[] => {
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const out: string[] = [];
  for (const k of keys) {
    const x = o[k];
    if (typeof x === 'string') out.push(x);
    else if (x && typeof x === 'object' && k === 'idDocument') out.push(String((x as { number?: string }).number ?? ''));
  }
  return out;
};
const PERSON_KEYS = ['name', 'relativeName', 'address', 'phone', 'mobile', 'email', 'idDocument'];

async function forbiddenValues(): Promise<Forbidden> {
  const db = t.db.kysely;
  const always = new Set<string>();
  const exceptArrestBoard = new Set<string>();
  const firs = await db
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .select(['f.complainant', 'f.victims', 'f.accused', 's.sensitive'])
    .execute();
  for (const f of firs) {
    for (const v of strings(f.complainant, PERSON_KEYS)) always.add(v);
    for (const x of (f.victims as unknown[]) ?? []) for (const v of strings(x, PERSON_KEYS)) always.add(v);
    for (const x of (f.accused as unknown[]) ?? [])
      for (const v of strings(x, ['name', 'relativeName', 'address'])) (f.sensitive ? always : exceptArrestBoard).add(v);
  }
  const complaints = await db.selectFrom('complaint').select(['complainant', 'suspects']).execute();
  for (const c of complaints) {
    for (const v of strings(c.complainant, PERSON_KEYS)) always.add(v);
    for (const x of (c.suspects as unknown[]) ?? []) for (const v of strings(x, ['name', 'address'])) exceptArrestBoard.add(v);
  }
  for (const u of await db.selectFrom('app_user').select(['name', 'mobile', 'email']).where('role', '=', 'citizen').execute())
    for (const v of [u.name, u.mobile, u.email]) if (v) always.add(v);
  for (const p of await db.selectFrom('person').select(['name', 'father_name', 'address', 'phone']).execute()) {
    if (p.phone) always.add(p.phone);
    for (const v of [p.name, p.father_name, p.address]) if (v) exceptArrestBoard.add(v);
  }
  // Place names are public (a station "Kotwali", a district "Vindhyanagar"): never count them as a person's value.
  const places = new Set<string>();
  for (const s of await db.selectFrom('station').select(['name', 'name_hi', 'address']).execute())
    for (const v of [s.name, s.name_hi, s.address]) if (v) places.add(v);
  for (const d of await db.selectFrom('district').select(['name', 'name_hi']).execute()) places.add(d.name).add(d.name_hi);
  const keep = (v: string) => v.trim().length >= 6 && !places.has(v.trim());
  return { always: new Set([...always].filter(keep)), exceptArrestBoard: new Set([...exceptArrestBoard].filter(keep)) };
}

let ipN = 0;
async function call(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const c = t.anon();
  c.ip = `203.0.113.${(++ipN % 250) + 1}`;
  return c.request(method as 'GET', url, method === 'GET' ? undefined : ((body ?? {}) as Record<string, unknown>));
}

beforeAll(async () => {
  t = await startTestApp({ withRecords: true, config: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', RATE_LIMIT_LOGIN_PER_MINUTE: '100000' } });
}, 300_000);
afterAll(() => t?.close());

describe('public routes never show people', () => {
  it('finds the public routes, calls each with the demo data, and finds no forbidden key or value', async () => {
    const routes = (t.app as unknown as { registeredRoutes: string[] }).registeredRoutes;
    const db = t.db.kysely;
    const firs = await db
      .selectFrom('fir as f')
      .innerJoin('station as st', 'st.id', 'f.station_id')
      .select(['f.id', 'f.year', 'f.serial', 'f.fir_number', 'f.verification_code', 'st.code as station_code'])
      .execute();
    expect(firs.length, 'the demo data has FIRs to look up').toBeGreaterThan(0);
    const complaintIds = (await db.selectFrom('complaint').select('id').execute()).map((c) => c.id);
    const stationCodes = (await db.selectFrom('station').select('code').execute()).map((s) => s.code);
    const forbidden = await forbiddenValues();
    expect(forbidden.always.size).toBeGreaterThan(5);
    // The seeded complainant, her phone and address, and a named suspect are among them.
    for (const v of ['Meera Joshi', '9812345670', '22, Shanti Nagar, Vindhyanagar']) expect(forbidden.always.has(v), v).toBe(true);
    expect(forbidden.exceptArrestBoard.has('Raju alias Kalia')).toBe(true);

    // Values to put in each path parameter, by name.
    const fillers: Record<string, string[]> = {
      code: [...stationCodes, ...firs.map((f) => f.verification_code)],
      id: [...firs.map((f) => f.id), ...complaintIds, '00000000-0000-7000-8000-000000000000'],
    };
    const queries = [
      '',
      ...firs.flatMap((f) => [
        `?stationCode=${f.station_code}&year=${f.year}&number=${f.serial}`,
        `?stationCode=${f.station_code}&year=${f.year}&number=${encodeURIComponent(f.fir_number)}`,
      ]),
      '?from=2020-01-01&to=2020-01-31',
      '?place=Kotwali%20Vindhyanagar&lat=23.26&lng=77.41',
    ];

    const publicRoutes: string[] = [];
    const problems: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const [method, path] = route.split(' ');
      if (NOT_RECORDS.has(route)) continue;
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const probeUrl = params.reduce((u, p) => u.replace(`:${p}`, (fillers[p] ?? ['x'])[0]), path);
      const probe = await call(method, probeUrl);
      const wantsSession = probe.statusCode === 401 && /not_authenticated/.test(probe.body);
      if (wantsSession) continue;
      publicRoutes.push(route);
      const paths =
        params.length === 0
          ? [path]
          : params.reduce<string[]>(
              (acc, p) => acc.flatMap((u) => (fillers[p] ?? ['x']).map((v) => u.replace(`:${p}`, encodeURIComponent(v)))),
              [path],
            );
      // Query strings matter to the routes without path parameters (the case-status lookup); the others get a date range too.
      const urls =
        method !== 'GET'
          ? paths
          : params.length
            ? paths.flatMap((p) => [p, `${p}${queries[queries.length - 2]}`])
            : paths.flatMap((p) => queries.map((q) => p + q));
      for (const url of urls) {
        const r = await call(method, url, method === 'GET' ? undefined : { username: 'citizen1', stationCode: 'PS01' });
        calls++;
        if (r.statusCode >= 500) problems.push(`${route} ${url}: ${r.statusCode}`);
        const text = r.body;
        for (const v of forbidden.always) if (text.includes(v)) problems.push(`${route} ${url}: shows "${v}"`);
        if (!ARREST_BOARDS.has(route))
          for (const v of forbidden.exceptArrestBoard) if (text.includes(v)) problems.push(`${route} ${url}: shows "${v}"`);
        if ((r.headers['content-type'] ?? '').toString().includes('json')) {
          const walk = (o: unknown, at: string) => {
            if (Array.isArray(o)) o.forEach((x, i) => walk(x, `${at}[${i}]`));
            else if (o && typeof o === 'object')
              for (const [k, v] of Object.entries(o)) {
                if ((PUBLIC_FORBIDDEN_KEYS as readonly string[]).includes(k)) problems.push(`${route} ${url}: key ${at}.${k}`);
                walk(v, `${at}.${k}`);
              }
          };
          walk(r.json(), '$');
        }
      }
    }
    expect(publicRoutes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/public/case-status',
        'GET /api/v1/public/stations/:code/firs',
        'GET /api/v1/public/complaint-kinds',
      ]),
    );
    expect(calls).toBeGreaterThan(publicRoutes.length);
    expect([...new Set(problems)]).toEqual([]);
  }, 600_000);

  it('the case-status lookup really finds the demo’s non-sensitive FIRs (so the test above saw real answers)', async () => {
    const rows = await t.db.kysely
      .selectFrom('fir as f')
      .innerJoin('fir_status as s', 's.fir_id', 'f.id')
      .innerJoin('station as st', 'st.id', 'f.station_id')
      .select(['f.year', 'f.serial', 'st.code', 's.sensitive'])
      .execute();
    const open = rows.filter((r) => !r.sensitive);
    const hidden = rows.filter((r) => r.sensitive);
    expect(open.length).toBeGreaterThan(0);
    expect(hidden.length, 'the demo data has a sensitive FIR').toBeGreaterThan(0);
    for (const r of open)
      expect((await call('GET', `/api/v1/public/case-status?stationCode=${r.code}&year=${r.year}&number=${r.serial}`)).statusCode).toBe(
        200,
      );
    for (const r of hidden)
      expect((await call('GET', `/api/v1/public/case-status?stationCode=${r.code}&year=${r.year}&number=${r.serial}`)).statusCode).toBe(
        404,
      );
  });
});

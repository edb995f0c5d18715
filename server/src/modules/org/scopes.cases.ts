import { defineCases, ALL_POLICE, EVERYONE } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';

let n = 0;
const freshUser = async (t: TestContext) => {
  const admin = await t.login('admin');
  n++;
  const r = await admin.post('/api/v1/admin/users', {
    username: `matrix.${n}.${Date.now()}`,
    name: 'Matrix Officer',
    role: 'io',
    rank: 'si',
    stationId: t.ids.stations.PS01,
  });
  return r.json().user as { id: string; version: number };
};

export const cases = defineCases([
  { route: 'GET /api/v1/meta', allow: EVERYONE, place: 'none', path: () => '/api/v1/meta' },
  { route: 'GET /api/v1/public/stations', allow: EVERYONE, place: 'none', path: () => '/api/v1/public/stations' },
  { route: 'GET /api/v1/openapi.json', allow: EVERYONE, place: 'none', path: () => '/api/v1/openapi.json' },
  { route: 'GET /api/v1/org/structure', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/org/structure' },
  {
    route: 'GET /api/v1/org/stations/:id/beats',
    allow: ALL_POLICE,
    place: 'none',
    path: (t) => `/api/v1/org/stations/${t.ids.stations.PS01}/beats`,
  },
  {
    route: 'POST /api/v1/org/stations',
    allow: ['admin'],
    place: 'none',
    path: () => '/api/v1/org/stations',
    body: (t) => ({ subdivisionId: t.ids.subdivisions.SD1, code: `M${++n}`, name: 'Matrix', nameHi: 'मैट्रिक्स' }),
    expectSuccess: true,
  },
  {
    route: 'PATCH /api/v1/org/stations/:id',
    allow: ['admin'],
    place: 'none',
    setup: async (t) =>
      (await t.db.kysely.selectFrom('station').select('version').where('id', '=', t.ids.stations.PS03).executeTakeFirstOrThrow()).version,
    path: (t) => `/api/v1/org/stations/${t.ids.stations.PS03}`,
    body: (_t, version) => ({ version, phone: '0755-0000000' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/org/stations/:id/beats',
    allow: ['admin'],
    place: 'none',
    path: (t) => `/api/v1/org/stations/${t.ids.stations.PS03}/beats`,
    body: () => ({ code: `X${++n}`, name: 'Matrix beat', nameHi: 'मैट्रिक्स बीट' }),
    expectSuccess: true,
  },
  {
    route: 'PATCH /api/v1/org/beats/:id',
    allow: ['admin'],
    place: 'none',
    setup: async (t) =>
      (await t.db.kysely.selectFrom('beat').select('version').where('id', '=', t.ids.beats['PS03/B1']).executeTakeFirstOrThrow()).version,
    path: (t) => `/api/v1/org/beats/${t.ids.beats['PS03/B1']}`,
    body: (_t, version) => ({ version, name: 'Bazaar' }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/admin/users', allow: ['admin'], place: 'none', path: () => '/api/v1/admin/users' },
  {
    route: 'POST /api/v1/admin/users',
    allow: ['admin'],
    place: 'none',
    path: () => '/api/v1/admin/users',
    body: (t) => ({ username: `matrix.new.${++n}`, name: 'New Officer', role: 'io', stationId: t.ids.stations.PS01 }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/admin/users/:id', allow: ['admin'], place: 'none', path: (t) => `/api/v1/admin/users/${t.ids.users['io.ps1']}` },
  {
    route: 'PATCH /api/v1/admin/users/:id',
    allow: ['admin'],
    place: 'none',
    setup: freshUser,
    path: (_t, u) => `/api/v1/admin/users/${u.id}`,
    body: (_t, u) => ({ version: u.version, name: 'Renamed Officer' }),
    expectSuccess: true,
  },
  ...(['disable', 'enable', 'temporary-password', 'end-sessions'] as const).map((p) => ({
    route: `POST /api/v1/admin/users/:id/${p}`,
    allow: ['admin'] as const,
    place: 'none' as const,
    setup: freshUser,
    path: (_t: TestContext, u: { id: string }) => `/api/v1/admin/users/${u.id}/${p}`,
    expectSuccess: true,
  })),
]);

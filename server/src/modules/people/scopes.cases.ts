import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { ALL_POLICE, defineCases } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';
import { depsOf, officerFor } from './factories.js';
import * as regs from './registers.service.js';
import * as svc from './service.js';

/**
 * Jurisdiction rows of the people routes. The person index is state-wide for police
 * (place 'none'); history sheets and register writes belong to a station (place 'station':
 * the target is at PS01). History sheets are never reachable by citizens, courts, anonymous
 * callers or the system administrator.
 */
const WRITERS = ['duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb'] as const;
const MERGERS = ['sho', 'sdpo', 'sp', 'scrb', 'admin'] as const;
const SHEET_READERS = ['duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb'] as const;
const SHEET_NOTERS = ['duty_officer', 'io', 'sho', 'sdpo', 'sp'] as const;
const SHEET_MANAGERS = ['sho', 'sp'] as const;
const REGISTER_WRITERS = ['duty_officer', 'io', 'sho', 'sdpo', 'sp'] as const;

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let n = 0;
const tx = <T>(t: TestContext, fn: (trx: Kysely<Database>) => Promise<T>) => t.db.kysely.transaction().execute(fn);

async function freshPerson(t: TestContext, over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const o = await officerFor(t, 'io.ps1');
  const id = await tx(t, (trx) => svc.createPersonRecord(depsOf(t), trx, o, { name: `Matrix Person ${++n}`, sex: 'male', ...over }));
  return { id, version: 1 };
}

const cache = new WeakMap<TestContext, Record<string, Promise<unknown>>>();
function once<T>(t: TestContext, key: string, make: () => Promise<T>): Promise<T> {
  let c = cache.get(t);
  if (!c) cache.set(t, (c = {}));
  return (c[key] ??= make()) as Promise<T>;
}

const sharedPerson = (t: TestContext) =>
  once(t, 'person', async () => {
    const p = await freshPerson(t, { name: 'Matrix Shared Person' });
    const o = await officerFor(t, 'io.ps1');
    const v = await tx(t, (trx) => svc.addPhoto(depsOf(t), trx, o, p.id, { contentBase64: PNG_1PX }));
    return { id: p.id, photoId: v.photos[0]!.id };
  });

async function freshSheet(t: TestContext) {
  const p = await freshPerson(t);
  const o = await officerFor(t, 'sho.ps1');
  return tx(t, (trx) =>
    regs.openHistorySheet(depsOf(t), trx, o, { personId: p.id, offenderClass: 'B', reason: 'Matrix: two house-breaking cases.' }),
  );
}
const sharedSheet = (t: TestContext) => once(t, 'sheet', () => freshSheet(t));

async function freshWanted(t: TestContext) {
  const p = await freshPerson(t);
  const o = await officerFor(t, 'io.ps1');
  return tx(t, (trx) => regs.addWanted(depsOf(t), trx, o, { personId: p.id, kind: 'wanted', description: 'Matrix wanted' }));
}

const MISSING = {
  name: 'Matrix Missing',
  sex: 'male' as const,
  ageYears: 40,
  heightCm: 170,
  marks: ['mole on left cheek'],
  missingSince: '2026-01-01',
  reporterName: 'Matrix Reporter',
};
const FOUND = {
  kind: 'dead_body' as const,
  foundOn: '2026-01-05',
  place: 'Matrix place near the river',
  sex: 'male' as const,
  ageFrom: 35,
  ageTo: 45,
  heightCm: 171,
  marks: ['mole left cheek'],
};

async function freshMissing(t: TestContext) {
  const o = await officerFor(t, 'io.ps1');
  return tx(t, (trx) => regs.addMissing(depsOf(t), trx, o, { ...MISSING }));
}
async function freshMatch(t: TestContext) {
  const o = await officerFor(t, 'io.ps1');
  await tx(t, (trx) => regs.addMissing(depsOf(t), trx, o, { ...MISSING }));
  const u = await tx(t, (trx) => regs.addUnidentified(depsOf(t), trx, o, { ...FOUND }));
  return u.matchList.find((m) => m.status === 'suggested')!;
}
const sharedMissing = (t: TestContext) => once(t, 'missing', () => freshMissing(t));
const sharedUnidentified = (t: TestContext) =>
  once(t, 'unidentified', async () => {
    const o = await officerFor(t, 'io.ps1');
    return tx(t, (trx) => regs.addUnidentified(depsOf(t), trx, o, { ...FOUND, kind: 'person' }));
  });

export const cases = defineCases([
  { route: 'GET /api/v1/people/search', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/people/search?q=Rajesh%20Kumar' },
  {
    route: 'POST /api/v1/people/match',
    allow: ALL_POLICE,
    place: 'none',
    path: () => '/api/v1/people/match',
    body: () => ({ name: 'Rajesh Kumar' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/people',
    allow: WRITERS,
    place: 'none',
    path: () => '/api/v1/people',
    body: () => ({ name: `Matrix New ${++n}` }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/people/:id', allow: ALL_POLICE, place: 'none', setup: sharedPerson, path: (_t, p) => `/api/v1/people/${p.id}` },
  {
    route: 'PATCH /api/v1/people/:id',
    allow: WRITERS,
    place: 'none',
    setup: (t) => freshPerson(t),
    path: (_t, p) => `/api/v1/people/${p.id}`,
    body: (_t, p) => ({ version: p.version, occupation: 'Matrix occupation' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/people/:id/record',
    allow: ALL_POLICE,
    place: 'none',
    setup: sharedPerson,
    path: (_t, p) => `/api/v1/people/${p.id}/record`,
  },
  ...(
    [
      ['names', { name: 'Matrix Alias', kind: 'alias' }],
      ['addresses', { kind: 'present', address: 'Matrix Street 1' }],
      ['phones', { phone: '9800000001' }],
      ['identity-documents', { type: 'voter_id', number: 'MTX1234567' }],
      ['marks', { kind: 'scar', description: 'Matrix scar' }],
      ['photos', { contentBase64: PNG_1PX }],
    ] as const
  ).map(([p, body]) => ({
    route: `POST /api/v1/people/:id/${p}`,
    allow: WRITERS,
    place: 'none' as const,
    setup: sharedPerson,
    path: (_t: TestContext, x: { id: string }) => `/api/v1/people/${x.id}/${p}`,
    body: () => body,
    expectSuccess: true,
  })),
  {
    route: 'GET /api/v1/people/:id/photos/:photoId',
    allow: ALL_POLICE,
    place: 'none',
    setup: sharedPerson,
    path: (_t, p) => `/api/v1/people/${p.id}/photos/${p.photoId}`,
  },
  {
    route: 'POST /api/v1/people/:id/merge',
    allow: MERGERS,
    place: 'none',
    setup: async (t) => ({ a: await freshPerson(t), b: await freshPerson(t) }),
    path: (_t, f) => `/api/v1/people/${f.a.id}/merge`,
    body: (_t, f) => ({ otherId: f.b.id, reason: 'Matrix: the same person recorded twice.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/people/:id/unmerge',
    allow: MERGERS,
    place: 'none',
    setup: async (t) => {
      const a = await freshPerson(t);
      const b = await freshPerson(t);
      const o = await officerFor(t, 'sho.ps1');
      await tx(t, (trx) => svc.mergePersons(depsOf(t), trx, o, a.id, b.id, 'Matrix merge before unmerge'));
      return b;
    },
    path: (_t, b) => `/api/v1/people/${b.id}/unmerge`,
    body: () => ({ reason: 'Matrix: merged by mistake.' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/people/:id/history-sheets',
    allow: SHEET_READERS,
    place: 'none',
    setup: sharedPerson,
    path: (_t, p) => `/api/v1/people/${p.id}/history-sheets`,
  },
  { route: 'GET /api/v1/history-sheets', allow: SHEET_READERS, place: 'none', path: () => '/api/v1/history-sheets' },
  {
    route: 'POST /api/v1/history-sheets',
    allow: SHEET_MANAGERS,
    place: 'station',
    setup: (t) => freshPerson(t),
    path: () => '/api/v1/history-sheets',
    body: (t, p) => ({
      personId: p.id,
      offenderClass: 'A',
      reason: 'Matrix: habitual offender, three cases.',
      stationId: t.ids.stations.PS01,
    }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/history-sheets/:id',
    allow: SHEET_READERS,
    place: 'station',
    setup: sharedSheet,
    path: (_t, s) => `/api/v1/history-sheets/${s.id}`,
  },
  {
    route: 'POST /api/v1/history-sheets/:id/entries',
    allow: SHEET_NOTERS,
    place: 'station',
    setup: sharedSheet,
    path: (_t, s) => `/api/v1/history-sheets/${s.id}/entries`,
    body: () => ({ kind: 'surveillance', text: 'Matrix check: present at home.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/history-sheets/:id/close',
    allow: SHEET_MANAGERS,
    place: 'station',
    setup: freshSheet,
    path: (_t, s) => `/api/v1/history-sheets/${s.id}/close`,
    body: (_t, s) => ({ version: s.version, reason: 'Matrix: reformed, no offence for years.' }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/registers/wanted', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/registers/wanted' },
  {
    route: 'POST /api/v1/registers/wanted',
    allow: REGISTER_WRITERS,
    place: 'station',
    setup: (t) => freshPerson(t),
    path: () => '/api/v1/registers/wanted',
    body: (t, p) => ({ personId: p.id, kind: 'wanted', description: 'Matrix', stationId: t.ids.stations.PS01 }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/registers/wanted/:id/status',
    allow: REGISTER_WRITERS,
    place: 'station',
    setup: freshWanted,
    path: (_t, w) => `/api/v1/registers/wanted/${w.id}/status`,
    body: (_t, w) => ({ version: w.version, status: 'arrested', reason: 'Matrix arrest' }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/registers/missing', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/registers/missing' },
  {
    route: 'POST /api/v1/registers/missing',
    allow: REGISTER_WRITERS,
    place: 'station',
    path: () => '/api/v1/registers/missing',
    body: (t) => ({ ...MISSING, stationId: t.ids.stations.PS01 }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/registers/missing/:id',
    allow: ALL_POLICE,
    place: 'none',
    setup: sharedMissing,
    path: (_t, m) => `/api/v1/registers/missing/${m.id}`,
  },
  {
    route: 'POST /api/v1/registers/missing/:id/status',
    allow: REGISTER_WRITERS,
    place: 'station',
    setup: freshMissing,
    path: (_t, m) => `/api/v1/registers/missing/${m.id}/status`,
    body: (_t, m) => ({ version: m.version, status: 'traced', reason: 'Matrix: returned home.' }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/registers/unidentified', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/registers/unidentified' },
  {
    route: 'POST /api/v1/registers/unidentified',
    allow: REGISTER_WRITERS,
    place: 'station',
    path: () => '/api/v1/registers/unidentified',
    body: (t) => ({ ...FOUND, stationId: t.ids.stations.PS01 }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/registers/unidentified/:id',
    allow: ALL_POLICE,
    place: 'none',
    setup: sharedUnidentified,
    path: (_t, u) => `/api/v1/registers/unidentified/${u.id}`,
  },
  { route: 'GET /api/v1/registers/matches', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/registers/matches' },
  {
    route: 'POST /api/v1/registers/matches/:id/decision',
    allow: REGISTER_WRITERS,
    place: 'station',
    setup: freshMatch,
    path: (_t, m) => `/api/v1/registers/matches/${m.id}/decision`,
    body: () => ({ status: 'rejected', reason: 'Matrix: not the same person.' }),
    expectSuccess: true,
  },
]);

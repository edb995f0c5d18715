import { randomUUID } from 'node:crypto';
import { ALL_POLICE, EVERYONE, defineCases } from '../../test/matrix.js';
import type { Client, TestContext } from '../../test/harness.js';
import { makeFirInput, registerFirAs } from './factories.js';

// Logins are slow (argon2) and the matrix calls setup once per user: keep one client per app.
const clients = new WeakMap<TestContext, Map<string, Promise<Client>>>();
const client = (t: TestContext, username: string): Promise<Client> => {
  let m = clients.get(t);
  if (!m) clients.set(t, (m = new Map()));
  if (!m.has(username)) m.set(username, t.login(username));
  return m.get(username)!;
};

/** A fresh FIR at PS01, registered by its duty officer. */
const firAtPs01 = async (t: TestContext) => registerFirAs(t, await client(t, 'duty.ps1'));

/** One FIR at PS01 shared by the rows that only read it. */
const shared = new WeakMap<TestContext, ReturnType<typeof firAtPs01>>();
const sharedFir = (t: TestContext) => {
  if (!shared.has(t)) shared.set(t, firAtPs01(t));
  return shared.get(t)!;
};

/** A zero FIR registered at PS02 and sent to PS01, awaiting PS01's acknowledgement. */
async function incomingToPs01(t: TestContext) {
  const c = await client(t, 'duty.ps2');
  const fir = await registerFirAs(t, c, {
    zeroFir: true,
    jurisdictionStationCode: 'PS01',
    occurrence: { ...(makeFirInput().occurrence as object), beatCode: undefined },
  });
  const r = await c.post(`/api/v1/firs/${fir.id}/transfer`, { reason: 'Occurred in PS01 limits' });
  if (r.statusCode !== 200) throw new Error(`transfer failed ${r.statusCode} ${r.body}`);
  return fir;
}

/** A zero FIR registered at PS01 for PS02, not yet sent. */
const zeroAtPs01 = async (t: TestContext) =>
  registerFirAs(t, await client(t, 'duty.ps1'), { zeroFir: true, jurisdictionStationCode: 'PS02' });

export const cases = defineCases([
  {
    route: 'POST /api/v1/firs',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    path: () => '/api/v1/firs',
    body: (t) => makeFirInput({ stationId: t.ids.stations.PS01 }),
    headers: () => ({ 'idempotency-key': randomUUID() }),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/firs', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/firs?pageSize=5' },
  { route: 'GET /api/v1/firs/sections', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/firs/sections?q=theft&date=2025-11-20' },
  { route: 'GET /api/v1/firs/:id', allow: ALL_POLICE, place: 'station', setup: sharedFir, path: (_t, f) => `/api/v1/firs/${f.id}` },
  {
    route: 'POST /api/v1/firs/:id/addenda',
    allow: ['duty_officer', 'io', 'sho'],
    place: 'station',
    setup: sharedFir,
    path: (_t, f) => `/api/v1/firs/${f.id}/addenda`,
    body: () => ({ reason: 'Typing error', text: 'The house number is 41, not 14.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/firs/:id/transfer',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: zeroAtPs01,
    path: (_t, f) => `/api/v1/firs/${f.id}/transfer`,
    body: () => ({ reason: 'Occurred in PS02 limits' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/firs/:id/acknowledge',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: incomingToPs01,
    path: (_t, f) => `/api/v1/firs/${f.id}/acknowledge`,
    body: () => ({}),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/firs/:id/mark-sensitive',
    allow: ['sho', 'sdpo', 'sp', 'admin'],
    place: 'station',
    setup: sharedFir,
    path: (_t, f) => `/api/v1/firs/${f.id}/mark-sensitive`,
    body: () => ({ reason: 'Victim is a minor' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/firs/:id/copy.pdf',
    allow: ALL_POLICE,
    place: 'station',
    setup: sharedFir,
    path: (_t, f) => `/api/v1/firs/${f.id}/copy.pdf?lang=hi`,
  },
  {
    route: 'GET /api/v1/public/verify/:code',
    allow: EVERYONE,
    place: 'none',
    setup: sharedFir,
    path: (_t, f) => `/api/v1/public/verify/${(f as { verificationCode: string }).verificationCode}`,
  },
]);

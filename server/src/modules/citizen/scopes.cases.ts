import { EVERYONE, defineCases } from '../../test/matrix.js';
import type { Client, TestContext } from '../../test/harness.js';
import { fileComplaintAs, makeComplaintInput, postMultipart, SAMPLES } from '../complaints/factories.js';

const citizens = new WeakMap<TestContext, Client>();
async function citizen(t: TestContext) {
  let c = citizens.get(t);
  if (!c || (await c.get('/api/v1/auth/me')).statusCode !== 200) citizens.set(t, (c = await t.login('citizen1')));
  return c;
}
const firs = new WeakMap<TestContext, { id: string; firNumber: string }>();

/** One FIR registered from citizen1's complaint at PS01 (made once per test app). */
async function ownFir(t: TestContext) {
  const hit = firs.get(t);
  if (hit) return hit;
  const c = await fileComplaintAs(t, await citizen(t), { kind: 'threat_intimidation' });
  const r = await (
    await t.login('duty.ps1')
  ).post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '351(3)' }] });
  if (r.statusCode !== 201) throw new Error(`register failed: ${r.statusCode} ${r.body}`);
  const fir = { id: r.json().fir.id as string, firNumber: r.json().fir.firNumber as string };
  firs.set(t, fir);
  return fir;
}

let n = 0;

export const cases = defineCases([
  {
    route: 'POST /api/v1/citizen/signup',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/citizen/signup',
    body: () => ({ name: 'Matrix Citizen', mobile: `97${String(++n).padStart(8, '0')}` }),
    expectSuccess: true,
  },
  // Always refused here (no such sign-up): listed so an unexpected success fails.
  {
    route: 'POST /api/v1/citizen/signup/verify',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/citizen/signup/verify',
    body: () => ({ signupId: '00000000-0000-7000-8000-000000000000', otp: '000000', password: 'a long passphrase of my own' }),
    expectSuccess: false,
  },
  { route: 'GET /api/v1/citizen/complaints', allow: ['citizen'], place: 'none', path: () => '/api/v1/citizen/complaints' },
  {
    route: 'GET /api/v1/citizen/complaints/:id',
    allow: ['citizen'],
    place: 'none',
    setup: async (t) => fileComplaintAs(t, await citizen(t)),
    path: (_t, c) => `/api/v1/citizen/complaints/${c.id}`,
  },
  {
    route: 'GET /api/v1/citizen/complaints/:id/attachments/:attachmentId',
    allow: ['citizen'],
    place: 'none',
    setup: async (t) => {
      const r = await postMultipart(t, await citizen(t), makeComplaintInput(), [{ filename: 'p.png', content: SAMPLES.png() }]);
      return r.json();
    },
    path: (_t, c) => `/api/v1/citizen/complaints/${c.id}/attachments/${c.attachments[0].id}`,
  },
  { route: 'GET /api/v1/citizen/firs', allow: ['citizen'], place: 'none', path: () => '/api/v1/citizen/firs' },
  {
    route: 'GET /api/v1/citizen/firs/:id',
    allow: ['citizen'],
    place: 'none',
    setup: ownFir,
    path: (_t, f) => `/api/v1/citizen/firs/${f.id}`,
  },
  {
    route: 'GET /api/v1/citizen/firs/:id/copy.pdf',
    allow: ['citizen'],
    place: 'none',
    setup: ownFir,
    path: (_t, f) => `/api/v1/citizen/firs/${f.id}/copy.pdf`,
  },
  {
    route: 'GET /api/v1/public/case-status',
    allow: EVERYONE,
    place: 'none',
    setup: ownFir,
    path: (_t, f) =>
      `/api/v1/public/case-status?stationCode=PS01&year=${f.firNumber.split('/')[1]}&number=${encodeURIComponent(f.firNumber)}`,
  },
  { route: 'GET /api/v1/public/stations/:code/firs', allow: EVERYONE, place: 'none', path: () => '/api/v1/public/stations/PS01/firs' },
  {
    route: 'GET /api/v1/public/station-suggestions',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/public/station-suggestions?place=Kotwali',
  },
]);

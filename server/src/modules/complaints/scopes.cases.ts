import { ALL_POLICE, EVERYONE, defineCases } from '../../test/matrix.js';
import type { Client, TestContext } from '../../test/harness.js';
import { fileComplaintAs, makeComplaintInput, postMultipart, SAMPLES } from './factories.js';

const citizens = new WeakMap<TestContext, Client>();
async function citizen(t: TestContext) {
  let c = citizens.get(t);
  if (!c || (await c.get('/api/v1/auth/me')).statusCode !== 200) citizens.set(t, (c = await t.login('citizen1')));
  return c;
}
const officers = new WeakMap<TestContext, Client>();
async function duty(t: TestContext) {
  let c = officers.get(t);
  if (!c || (await c.get('/api/v1/auth/me')).statusCode !== 200) officers.set(t, (c = await t.login('duty.ps1')));
  return c;
}

/** A fresh complaint at PS01 (not an e-FIR unless asked). */
const atPs01 = async (t: TestContext, kind = 'threat_intimidation') => fileComplaintAs(t, await citizen(t), { kind });

/** A complaint at PS01 with an attachment. */
async function withAttachment(t: TestContext) {
  const r = await postMultipart(t, await citizen(t), makeComplaintInput({ kind: 'threat_intimidation' }), [
    { filename: 'p.png', content: SAMPLES.png() },
  ]);
  if (r.statusCode !== 201) throw new Error(`complaint with attachment failed: ${r.statusCode} ${r.body}`);
  const c = r.json();
  return { id: c.id as string, attachmentId: c.attachments[0].id as string };
}

/** A complaint at PS01 whose preliminary enquiry awaits the SDPO. */
async function enquiryAwaiting(t: TestContext) {
  const c = await atPs01(t, 'cheating_fraud');
  const r = await (
    await duty(t)
  ).post(`/api/v1/complaints/${c.id}/enquiry`, {
    sections: [{ act: 'BNS', section: '318(2)' }],
    reason: 'A money dispute; enquiry needed.',
  });
  if (r.statusCode !== 200) throw new Error(`enquiry failed: ${r.statusCode} ${r.body}`);
  return c;
}

export const cases = defineCases([
  { route: 'GET /api/v1/public/complaint-kinds', allow: EVERYONE, place: 'none', path: () => '/api/v1/public/complaint-kinds' },
  {
    route: 'POST /api/v1/public/complaints',
    allow: ['citizen'],
    place: 'none',
    path: () => '/api/v1/public/complaints',
    body: () => makeComplaintInput(),
    expectSuccess: true,
  },
  { route: 'GET /api/v1/complaints', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/complaints' },
  {
    route: 'GET /api/v1/complaints/ncr-register',
    allow: ALL_POLICE,
    place: 'none',
    path: () => '/api/v1/complaints/ncr-register?from=2026-01-01&to=2026-01-15',
  },
  {
    route: 'GET /api/v1/complaints/ncr-register.pdf',
    allow: ALL_POLICE,
    place: 'station',
    path: (t) => `/api/v1/complaints/ncr-register.pdf?from=2026-01-01&to=2026-01-15&stationId=${t.ids.stations.PS01}`,
  },
  {
    route: 'GET /api/v1/complaints/:id',
    allow: ALL_POLICE,
    place: 'station',
    setup: (t) => atPs01(t),
    path: (_t, c) => `/api/v1/complaints/${c.id}`,
  },
  {
    route: 'GET /api/v1/complaints/:id/attachments/:attachmentId',
    allow: ALL_POLICE,
    place: 'station',
    setup: withAttachment,
    path: (_t, c) => `/api/v1/complaints/${c.id}/attachments/${c.attachmentId}`,
  },
  {
    route: 'POST /api/v1/complaints/:id/register-fir',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: (t) => atPs01(t),
    path: (_t, c) => `/api/v1/complaints/${c.id}/register-fir`,
    body: () => ({ sections: [{ act: 'BNS', section: '351(3)' }] }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/complaints/:id/ncr',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: (t) => atPs01(t),
    path: (_t, c) => `/api/v1/complaints/${c.id}/ncr`,
    body: () => ({ sections: [{ act: 'BNS', section: '351(2)' }] }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/complaints/:id/enquiry',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: (t) => atPs01(t, 'cheating_fraud'),
    path: (_t, c) => `/api/v1/complaints/${c.id}/enquiry`,
    body: () => ({ sections: [{ act: 'BNS', section: '318(2)' }], reason: 'A money dispute; enquiry needed.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/complaints/:id/enquiry/decision',
    allow: ['sdpo', 'sp'],
    place: 'station',
    setup: enquiryAwaiting,
    path: (_t, c) => `/api/v1/complaints/${c.id}/enquiry/decision`,
    body: () => ({ approve: true, remarks: 'Permitted.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/complaints/:id/transfer',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: (t) => atPs01(t),
    path: (_t, c) => `/api/v1/complaints/${c.id}/transfer`,
    body: () => ({ toStationCode: 'PS03', reason: 'Occurred in PS03 limits' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/complaints/:id/close',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: (t) => atPs01(t),
    path: (_t, c) => `/api/v1/complaints/${c.id}/close`,
    body: () => ({ reason: 'A civil dispute; no offence is disclosed.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/complaints/:id/sign',
    allow: ['duty_officer', 'sho'],
    place: 'station',
    setup: (t) => atPs01(t, 'mobile_theft'),
    path: (_t, c) => `/api/v1/complaints/${c.id}/sign`,
    body: () => ({}),
    expectSuccess: true,
  },
]);

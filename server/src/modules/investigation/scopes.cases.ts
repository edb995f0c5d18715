import { ALL_POLICE, EVERYONE, defineCases } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';
import { addArrest, addPerson, addSeizure, as, makeCase, PNG_1X1, prepareFinalReport } from './factories.js';

/**
 * The case routes in the jurisdiction matrix. Every target is a fresh case at PS01 whose
 * designated IO is io.ps1 (assigned by sho.ps1): records are written only by 'io' — and by the
 * designated one (io.ps2 / io.ps4 get 404: another station's case).
 */
const caseAtPs01 = (t: TestContext) => makeCase(t);

async function caseWith(t: TestContext, role: string) {
  const c = await makeCase(t);
  await addPerson(t, c.id, role);
  return c;
}

async function arrested(t: TestContext) {
  const c = await caseWith(t, 'accused');
  const a = await addArrest(t, c.id, 'A1');
  return { id: c.id, arrestId: a.id };
}

async function seized(t: TestContext) {
  const c = await makeCase(t);
  const s = await addSeizure(t, c.id);
  return { id: c.id, itemId: s.items[0].id };
}

async function withForensicRequest(t: TestContext) {
  const c = await makeCase(t);
  const r = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/forensic-requests`, { lab: 'SFSL Sagar', what: 'Finger prints' });
  return { id: c.id, requestId: (r.json() as { id: string }).id };
}

async function withDocument(t: TestContext) {
  const c = await makeCase(t);
  const r = await (
    await as(t, 'io.ps1')
  ).post(`/api/v1/cases/${c.id}/documents`, { kind: 'photo', title: 'Scene', fileName: 'scene.png', contentBase64: PNG_1X1 });
  return { id: c.id, documentId: (r.json() as { id: string }).id };
}

const IO_ONLY = ['io'] as const;

export const cases = defineCases([
  { route: 'GET /api/v1/cases', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/cases?pageSize=5' },
  { route: 'GET /api/v1/cases/:id', allow: ALL_POLICE, place: 'station', setup: caseAtPs01, path: (_t, f) => `/api/v1/cases/${f.id}` },
  {
    route: 'POST /api/v1/cases/:id/assign-io',
    allow: ['sho'],
    place: 'station',
    setup: (t) => makeCase(t, { io: null }),
    path: (_t, f) => `/api/v1/cases/${f.id}/assign-io`,
    body: () => ({ ioUsername: 'io.ps1' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/transition',
    allow: IO_ONLY,
    place: 'station',
    setup: async (t) => {
      const c = await makeCase(t);
      await prepareFinalReport(t, c.id);
      return c;
    },
    path: (_t, f) => `/api/v1/cases/${f.id}/transition`,
    body: () => ({ action: 'submit_final_report' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/supervision-notes',
    allow: ['sho', 'sdpo', 'sp'],
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/supervision-notes`,
    body: () => ({ text: 'Perused the case diary; expedite the recovery.' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/diary',
    allow: ALL_POLICE,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/diary`,
  },
  {
    route: 'POST /api/v1/cases/:id/diary',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/diary`,
    body: () => ({ placesVisited: ['Scene'], circumstances: 'Visited the scene and examined the neighbours.' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/crime-details',
    allow: ALL_POLICE,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/crime-details`,
  },
  {
    route: 'PUT /api/v1/cases/:id/crime-details',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/crime-details`,
    body: () => ({ majorHeadCode: '26', motive: 'Gain' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/persons',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/persons`,
    body: () => ({ role: 'witness', person: { name: 'Mukesh Soni', sex: 'male', ageYears: 45 } }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/statements',
    allow: IO_ONLY,
    place: 'station',
    setup: (t) => caseWith(t, 'witness'),
    path: (_t, f) => `/api/v1/cases/${f.id}/statements`,
    body: () => ({ personCode: 'W1', place: 'Sarafa Bazaar', language: 'en', text: 'I saw two youths push the motorcycle.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/arrests',
    allow: IO_ONLY,
    place: 'station',
    setup: (t) => caseWith(t, 'accused'),
    path: (_t, f) => `/api/v1/cases/${f.id}/arrests`,
    body: () => ({
      personCode: 'A1',
      place: 'Chowk',
      grounds: 'Found with the stolen motorcycle',
      outcome: 'sent_up',
      necessityReason: 'To recover the property',
    }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/arrests/:arrestId/events',
    allow: IO_ONLY,
    place: 'station',
    setup: arrested,
    path: (_t, f) => `/api/v1/cases/${f.id}/arrests/${f.arrestId}/events`,
    body: () => ({ kind: 'produced', courtName: 'CJM Vindhyanagar' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/appearance-notices',
    allow: IO_ONLY,
    place: 'station',
    setup: (t) => caseWith(t, 'accused'),
    path: (_t, f) => `/api/v1/cases/${f.id}/appearance-notices`,
    body: () => ({ personCode: 'A1', appearAt: '2030-01-10T11:00:00+05:30', appearPlace: 'PS Kotwali', servedHow: 'In person' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/progress-notices',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/progress-notices`,
    body: () => ({ recipient: 'informant' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/seizures',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/seizures`,
    body: () => ({
      place: 'Chowk',
      searchKind: 'recovery',
      witnesses: [{ name: 'Hari Om Sahu' }],
      recordingAbsentReason: 'No camera (matrix)',
      items: [{ description: 'Knife', category: 'weapon', quantity: 1 }],
    }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/items/:itemId/moves',
    allow: IO_ONLY,
    place: 'station',
    setup: seized,
    path: (_t, f) => `/api/v1/cases/${f.id}/items/${f.itemId}/moves`,
    body: () => ({ kind: 'malkhana_deposit', from: 'seized', place: 'Malkhana, PS Kotwali', reason: 'Safe custody' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/property-alerts',
    allow: ALL_POLICE,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/property-alerts`,
  },
  {
    route: 'POST /api/v1/cases/:id/documents',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/documents`,
    body: () => ({ kind: 'photo', title: 'Scene', fileName: 'scene.png', contentBase64: PNG_1X1 }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/documents/:documentId/content',
    allow: ALL_POLICE,
    place: 'station',
    setup: withDocument,
    path: (_t, f) => `/api/v1/cases/${f.id}/documents/${f.documentId}/content`,
  },
  {
    route: 'POST /api/v1/cases/:id/forensic-requests',
    allow: IO_ONLY,
    place: 'station',
    setup: caseAtPs01,
    path: (_t, f) => `/api/v1/cases/${f.id}/forensic-requests`,
    body: () => ({ lab: 'SFSL Sagar', what: 'Finger prints lifted from the scene' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/forensic-requests/:requestId/reports',
    allow: IO_ONLY,
    place: 'station',
    setup: withForensicRequest,
    path: (_t, f) => `/api/v1/cases/${f.id}/forensic-requests/${f.requestId}/reports`,
    body: () => ({ summary: 'The prints match A1.' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/public/stations/:code/arrests',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/public/stations/PS01/arrests',
  },
]);

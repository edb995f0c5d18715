import { ALL_POLICE, defineCases } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';
import { addPerson, as, makeCase } from '../investigation/factories.js';
import { approvedCase } from '../prosecution/factories.js';

/**
 * The investigation duty routes in the jurisdiction matrix. Targets are cases at PS01 whose
 * designated IO is io.ps1: only io.ps1 writes (io.ps2 / io.ps4, of other stations, get 404;
 * other roles lack the permission). Only one caller of a row may succeed, so each row's target
 * is made once per test app and shared by its callers.
 */
const shared = new WeakMap<TestContext, Map<string, Promise<unknown>>>();
function once<T>(t: TestContext, key: string, make: () => Promise<T>): Promise<T> {
  let m = shared.get(t);
  if (!m) shared.set(t, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as Promise<T>;
}

const rapeCase = async (t: TestContext) => {
  const c = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '64(1)' }] } });
  await addPerson(t, c.id, 'victim', { name: 'Victim X', sex: 'female', ageYears: 25 });
  return c;
};

const withExam = async (t: TestContext) => {
  const c = await rapeCase(t);
  const r = await (
    await as(t, 'io.ps1')
  ).post(`/api/v1/cases/${c.id}/victim-medical-exams`, {
    victimCode: 'V1',
    practitionerName: 'Dr. K. Sharma',
    hospital: 'District Hospital',
  });
  return { id: c.id, examId: (r.json() as { id: string }).id };
};

const withOrder = async (t: TestContext) => {
  const c = await approvedCase(t);
  const r = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/further-investigations`, { courtOrderRef: 'Order in S.T. 1/2026' });
  return { id: c.id, orderId: (r.json() as { id: string }).id };
};

const far = (t: TestContext) => new Date(t.clock.now().getTime() + 400 * 86_400_000).toISOString().slice(0, 10);

export const cases = defineCases([
  {
    route: 'GET /api/v1/cases/:id/forensic-visits',
    allow: ALL_POLICE,
    place: 'station',
    setup: (t) => once(t, 'case', () => makeCase(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/forensic-visits`,
  },
  {
    route: 'POST /api/v1/cases/:id/forensic-visits',
    allow: ['io'],
    place: 'station',
    setup: (t) => once(t, 'visit', () => makeCase(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/forensic-visits`,
    body: () => ({ expertName: 'Dr. M. Raghuvanshi', labUnit: 'Mobile Forensic Unit', videographyAbsentReason: 'Test' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/victim-medical-exams',
    allow: ALL_POLICE,
    place: 'station',
    setup: (t) => once(t, 'case', () => makeCase(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/victim-medical-exams`,
  },
  {
    route: 'POST /api/v1/cases/:id/victim-medical-exams',
    allow: ['io'],
    place: 'station',
    setup: (t) => once(t, 'rape', () => rapeCase(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/victim-medical-exams`,
    body: () => ({ victimCode: 'V1', practitionerName: 'Dr. K. Sharma', hospital: 'District Hospital' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/victim-medical-exams/:examId/report',
    allow: ['io'],
    place: 'station',
    setup: (t) => once(t, 'exam', () => withExam(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/victim-medical-exams/${f.examId}/report`,
    body: () => ({ reportRef: 'DH/MLC/1' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/further-investigations',
    allow: ALL_POLICE,
    place: 'station',
    setup: (t) => once(t, 'case', () => makeCase(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/further-investigations`,
  },
  {
    route: 'POST /api/v1/cases/:id/further-investigations',
    allow: ['io'],
    place: 'station',
    setup: (t) => once(t, 'approved', () => approvedCase(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/further-investigations`,
    body: () => ({ courtOrderRef: 'Order in S.T. 1/2026' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/further-investigations/:orderId/extensions',
    allow: ['io'],
    place: 'station',
    setup: (t) => once(t, 'order-ext', () => withOrder(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/further-investigations/${f.orderId}/extensions`,
    body: (t) => ({ extendedTo: far(t), courtOrderRef: 'Order on the IO’s application' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/further-investigations/:orderId/completion',
    allow: ['io'],
    place: 'station',
    setup: (t) => once(t, 'order-done', () => withOrder(t)),
    path: (_t, f) => `/api/v1/cases/${f.id}/further-investigations/${f.orderId}/completion`,
    body: () => ({ supplementaryReportRef: 'Supplementary charge sheet 1' }),
    expectSuccess: true,
  },
]);

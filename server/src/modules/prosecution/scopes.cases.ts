import { ALL_POLICE, defineCases } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';
import { makeCase } from '../investigation/factories.js';
import { createDraft, demoCourt, submittedCase } from './factories.js';

/**
 * The final report routes in the jurisdiction matrix. Targets are cases at PS01 whose designated
 * IO is io.ps1: only io.ps1 may write the report (io.ps2 and io.ps4 are of other stations: 404),
 * only sho.ps1 approve or return it. Targets that a successful call uses up (a submitted
 * report, once approved) are made afresh when the last one was used; the others are shared.
 */
const shared = new WeakMap<TestContext, Map<string, unknown>>();

/** A target kept per test app and key, remade when `usable` says the last one was used up. */
export async function reusable<T>(
  t: TestContext,
  key: string,
  make: () => Promise<T>,
  usable: (v: T) => Promise<boolean> = async () => true,
): Promise<T> {
  let m = shared.get(t);
  if (!m) shared.set(t, (m = new Map()));
  const v = m.get(key) as T | undefined;
  if (v !== undefined && (await usable(v))) return v;
  const fresh = await make();
  m.set(key, fresh);
  return fresh;
}

const reportOf = (t: TestContext, caseId: string) =>
  t.db.kysely
    .selectFrom('final_report')
    .select(['status', 'version'])
    .where('fir_id', '=', caseId)
    .orderBy('report_no', 'desc')
    .limit(1)
    .executeTakeFirst();

/** A case with a draft (closure: no accused), shared. */
const withDraft = (t: TestContext) =>
  reusable(t, 'draft', async () => {
    await demoCourt(t);
    const c = await makeCase(t);
    await createDraft(t, c.id);
    return { id: c.id };
  });

/** A case whose report waits for the SHO. */
const awaitingSho = (t: TestContext) =>
  reusable(
    t,
    'submitted',
    async () => ({ id: (await submittedCase(t)).id }),
    async (v) => (await reportOf(t, v.id))?.status === 'submitted',
  );

/** A case with a complete draft the IO may submit. */
const readyToSubmit = (t: TestContext) =>
  reusable(
    t,
    'ready',
    async () => {
      await demoCourt(t);
      const c = await makeCase(t);
      await createDraft(t, c.id);
      return { id: c.id };
    },
    async (v) => (await reportOf(t, v.id))?.status === 'draft',
  );

export const cases = defineCases([
  {
    route: 'GET /api/v1/cases/:id/final-report',
    allow: ALL_POLICE,
    place: 'station',
    setup: withDraft,
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report`,
  },
  {
    route: 'POST /api/v1/cases/:id/final-report',
    allow: ['io'],
    place: 'station',
    setup: async (t) => {
      await demoCourt(t);
      return makeCase(t);
    },
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report`,
    body: () => ({}),
    expectSuccess: true,
  },
  {
    route: 'PUT /api/v1/cases/:id/final-report',
    allow: ['io'],
    place: 'station',
    setup: async (t) => {
      const c = await withDraft(t);
      return { id: c.id, version: (await reportOf(t, c.id))!.version };
    },
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report`,
    headers: (_t, f) => ({ 'if-match': `"${f.version}"` }),
    body: () => ({ closureGrounds: 'No trace of the offenders despite enquiries at the scene and with informers.' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/final-report/submit',
    allow: ['io'],
    place: 'station',
    setup: readyToSubmit,
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report/submit`,
    body: () => ({}),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/final-report/approve',
    allow: ['sho'],
    place: 'station',
    setup: awaitingSho,
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report/approve`,
    body: () => ({}),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/cases/:id/final-report/return',
    allow: ['sho'],
    place: 'station',
    setup: awaitingSho,
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report/return`,
    body: () => ({ remarks: 'Record the statement of the neighbour who saw the motorcycle.' }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/cases/:id/final-report/pdf',
    allow: ALL_POLICE,
    place: 'station',
    setup: withDraft,
    path: (_t, f) => `/api/v1/cases/${f.id}/final-report/pdf?lang=hi`,
  },
]);

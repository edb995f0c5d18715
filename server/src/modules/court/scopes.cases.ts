import { ALL_POLICE, defineCases } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';
import { issueCourtToken } from './service.js';
import { acceptedCase, approvedCase, demoCourt, disposedCase } from '../prosecution/factories.js';
import { reusable } from '../prosecution/scopes.cases.js';

/**
 * The court routes in the jurisdiction matrix.
 *
 * - /court/… (machine API): public to the session hook but authenticated by a court token, which
 *   no matrix user carries: no session user, whatever the role, may get a 2xx (allow: none).
 * - /court-clerk/…: the demo court clerk court1 only (role court, linked to CJM-D1).
 * - /courts: any police officer.
 *
 * Targets are shared per test app (an approved package, an accepted case, a disposed one); the
 * disposal target is remade once the clerk has disposed of it.
 */
const approved = (t: TestContext) => reusable(t, 'court.approved', () => approvedCase(t));
const accepted = (t: TestContext) => reusable(t, 'court.accepted', () => acceptedCase(t));
const disposed = (t: TestContext) => reusable(t, 'court.disposed', () => disposedCase(t));
const toDispose = (t: TestContext) =>
  reusable(
    t,
    'court.toDispose',
    () => acceptedCase(t),
    async (v) => !(await t.db.kysely.selectFrom('court_disposal').select('id').where('fir_id', '=', v.id).executeTakeFirst()),
  );

const NOBODY = [] as const;
const CLERK = ['court'] as const;
const future = (t: TestContext, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

export const cases = defineCases([
  { route: 'GET /api/v1/court/packages', allow: NOBODY, place: 'none', setup: demoCourt, path: () => '/api/v1/court/packages' },
  {
    route: 'GET /api/v1/court/cases/:ref',
    allow: NOBODY,
    place: 'none',
    setup: approved,
    path: (_t, f) => `/api/v1/court/cases/${f.packageId}`,
  },
  {
    route: 'GET /api/v1/court/packages/:packageId/pdf/:lang',
    allow: NOBODY,
    place: 'none',
    setup: approved,
    path: (_t, f) => `/api/v1/court/packages/${f.packageId}/pdf/en`,
  },
  {
    route: 'POST /api/v1/court/packages/:packageId/accept',
    allow: NOBODY,
    place: 'none',
    setup: approved,
    path: (_t, f) => `/api/v1/court/packages/${f.packageId}/accept`,
    body: () => ({}),
  },
  {
    route: 'POST /api/v1/court/cases/:ref/hearings',
    allow: NOBODY,
    place: 'none',
    setup: accepted,
    path: (_t, f) => `/api/v1/court/cases/${f.cnr}/hearings`,
    body: (t) => ({ date: future(t, 20), purpose: 'Appearance of the accused' }),
  },
  {
    route: 'POST /api/v1/court/cases/:ref/disposal',
    allow: NOBODY,
    place: 'none',
    setup: accepted,
    path: (_t, f) => `/api/v1/court/cases/${f.cnr}/disposal`,
    body: () => ({ accused: [{ code: 'A1', result: 'acquitted' }] }),
  },
  {
    route: 'POST /api/v1/court/cases/:ref/appeals',
    allow: NOBODY,
    place: 'none',
    setup: disposed,
    path: (_t, f) => `/api/v1/court/cases/${f.cnr}/appeals`,
    body: () => ({ appealRef: 'Cr.A. 9/2026', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'accused', result: 'pending' }),
  },

  { route: 'GET /api/v1/court-clerk/court', allow: CLERK, place: 'none', setup: demoCourt, path: () => '/api/v1/court-clerk/court' },
  {
    route: 'POST /api/v1/court-clerk/tokens',
    allow: CLERK,
    place: 'none',
    setup: demoCourt,
    path: () => '/api/v1/court-clerk/tokens',
    body: () => ({ label: 'matrix' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/court-clerk/tokens/:tokenId/revoke',
    allow: CLERK,
    place: 'none',
    setup: async (t) => {
      const court = await demoCourt(t);
      return issueCourtToken(t.db.kysely, t.clock, court.id, 'to revoke', null);
    },
    path: (_t, f) => `/api/v1/court-clerk/tokens/${f.id}/revoke`,
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/court-clerk/packages',
    allow: CLERK,
    place: 'none',
    setup: demoCourt,
    path: () => '/api/v1/court-clerk/packages?status=pending',
  },
  {
    route: 'GET /api/v1/court-clerk/cases/:ref',
    allow: CLERK,
    place: 'none',
    setup: approved,
    path: (_t, f) => `/api/v1/court-clerk/cases/${f.packageId}`,
  },
  {
    route: 'GET /api/v1/court-clerk/packages/:packageId/pdf/:lang',
    allow: CLERK,
    place: 'none',
    setup: approved,
    path: (_t, f) => `/api/v1/court-clerk/packages/${f.packageId}/pdf/hi`,
  },
  {
    route: 'POST /api/v1/court-clerk/packages/:packageId/accept',
    allow: CLERK,
    place: 'none',
    setup: approved,
    path: (_t, f) => `/api/v1/court-clerk/packages/${f.packageId}/accept`,
    body: () => ({}),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/court-clerk/cases/:ref/hearings',
    allow: CLERK,
    place: 'none',
    setup: accepted,
    path: (_t, f) => `/api/v1/court-clerk/cases/${f.cnr}/hearings`,
    body: (t) => ({ date: future(t, 30), purpose: 'Prosecution evidence' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/court-clerk/cases/:ref/disposal',
    allow: CLERK,
    place: 'none',
    setup: toDispose,
    path: (_t, f) => `/api/v1/court-clerk/cases/${f.cnr}/disposal`,
    body: () => ({ accused: [{ code: 'A1', result: 'acquitted' }] }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/court-clerk/cases/:ref/appeals',
    allow: CLERK,
    place: 'none',
    setup: disposed,
    path: (_t, f) => `/api/v1/court-clerk/cases/${f.cnr}/appeals`,
    body: () => ({ appealRef: 'Cr.A. 10/2026', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'state', result: 'pending' }),
    expectSuccess: true,
  },

  { route: 'GET /api/v1/courts', allow: ALL_POLICE, place: 'none', setup: demoCourt, path: () => '/api/v1/courts' },
]);

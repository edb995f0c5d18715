import type { LightMyRequestResponse } from 'fastify';
import type { TestContext } from '../../test/harness.js';
import { ensureDemoCourt, issueCourtToken } from '../court/service.js';
import { addArrest, addPerson, addSeizure, as, makeCase } from '../investigation/factories.js';

/**
 * Test factories for final reports and the court side: the demo court of D1 (with court1 as
 * its clerk) and a machine token for it, a case at PS01 with an accused, a witness, an arrest
 * and a seizure, and that case moved on to each stage of the prosecution.
 */

async function ok<T = Record<string, unknown>>(p: Promise<LightMyRequestResponse>, what: string): Promise<T> {
  const r = await p;
  if (r.statusCode >= 300) throw new Error(`${what} failed: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

const courts = new WeakMap<TestContext, { id: string; code: string; token: string }>();

/** The demo court CJM-D1 with court1 as clerk, and a fresh machine token for it (once per test app). */
export async function demoCourt(t: TestContext): Promise<{ id: string; code: string; token: string }> {
  const known = courts.get(t);
  if (known) return known;
  const court = await ensureDemoCourt(t.db.kysely, t.clock, t.ids.stateCode);
  const { token } = await issueCourtToken(t.db.kysely, t.clock, court.id, 'tests', null);
  const c = { id: court.id, code: court.code, token };
  courts.set(t, c);
  return c;
}

/** Headers of a court machine API call. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A case at PS01 (IO io.ps1) with A1 arrested, a complainant C1 and a witness W1 with a statement, and a seizure. */
export async function caseWithRecords(t: TestContext, o: { accused?: number } = {}) {
  await demoCourt(t);
  const c = await makeCase(t);
  const accused: { id: string; code: string }[] = [];
  for (let i = 0; i < (o.accused ?? 1); i++) accused.push(await addPerson(t, c.id, 'accused', { name: `Accused ${i + 1} Kumar` }));
  const complainant = await addPerson(t, c.id, 'complainant', { name: 'Ravi Kumar Sharma' });
  const witness = await addPerson(t, c.id, 'witness', { name: 'Hari Om Sahu' });
  const io = await as(t, 'io.ps1');
  await ok(
    io.post(`/api/v1/cases/${c.id}/statements`, {
      personCode: witness.code,
      place: 'Police station',
      language: 'en',
      text: 'I saw A1 riding away on the motorcycle.',
    }),
    'statement',
  );
  if (accused.length) await addArrest(t, c.id, accused[0].code);
  const seizure = await addSeizure(t, c.id, [{ description: 'Hero Splendor motorcycle', category: 'vehicle', quantity: 1, value: 45000 }]);
  return { id: c.id, firNumber: c.firNumber, accused, complainant, witness, seizure };
}

export async function createDraft(t: TestContext, caseId: string, io = 'io.ps1') {
  return ok<{ id: string; version: number; content: Record<string, unknown> }>(
    (await as(t, io)).post(`/api/v1/cases/${caseId}/final-report`, {}),
    'create draft',
  );
}

/** A case whose charge sheet the IO has submitted to the SHO. */
export async function submittedCase(t: TestContext) {
  const c = await caseWithRecords(t);
  const d = await createDraft(t, c.id);
  await ok((await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/final-report/submit`, {}, { 'if-match': `"${d.version}"` }), 'submit');
  return c;
}

/** A case whose charge sheet the SHO approved: its e-filing package waits for the court. */
export async function approvedCase(t: TestContext) {
  const c = await submittedCase(t);
  const r = await ok<{ efiling: { packageId: string } }>(
    (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/final-report/approve`, {}),
    'approve',
  );
  return { ...c, packageId: r.efiling.packageId };
}

/** A case the demo court accepted (through its machine API): it has a CNR. */
export async function acceptedCase(t: TestContext) {
  const c = await approvedCase(t);
  const court = await demoCourt(t);
  const r = await ok<{ cnr: string }>(t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, {}, bearer(court.token)), 'accept');
  return { ...c, cnr: r.cnr };
}

/** An accepted case whose trial began (charges framed at a hearing). */
export async function underTrialCase(t: TestContext) {
  const c = await acceptedCase(t);
  const court = await demoCourt(t);
  const date = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  await ok(
    t
      .anon()
      .post(`/api/v1/court/cases/${c.cnr}/hearings`, { date, purpose: 'Framing of charges', chargesFramed: true }, bearer(court.token)),
    'hearing',
  );
  return c;
}

/** A case the court disposed of: A1 convicted. */
export async function disposedCase(t: TestContext) {
  const c = await underTrialCase(t);
  const court = await demoCourt(t);
  await ok(
    t
      .anon()
      .post(
        `/api/v1/court/cases/${c.cnr}/disposal`,
        { accused: [{ code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 12, imprisonmentKind: 'simple' } }] },
        bearer(court.token),
      ),
    'disposal',
  );
  return c;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { as } from '../investigation/factories.js';
import { bearer, caseWithRecords, createDraft, demoCourt } from './factories.js';

/**
 * The court's results reach the accused's criminal record (people module): the disposal
 * (IIF-6) per accused, and a decided appeal (IIF-7) that changes what an accused stands as.
 */

let t: TestContext;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = (await demoCourt(t)).token;
}, 240_000);
afterAll(() => t.close());

interface Antecedents {
  accused: { firId: string; code: string | null; result: string | null; resultOn: string | null }[];
  counts: { accused: number; convicted: number; pending: number };
}

const court = (path: string, body: Record<string, unknown>) => t.anon().post(`/api/v1/court/cases/${path}`, body, bearer(token));

/** A case of io.ps1 with `accused` accused, charge-sheeted, accepted by the demo court (through its routes) and on trial. */
async function caseOnTrial(accused: number) {
  const c = await caseWithRecords(t, { accused });
  const io = await as(t, 'io.ps1');
  const d = await createDraft(t, c.id);
  expect((await io.post(`/api/v1/cases/${c.id}/final-report/submit`, {}, { 'if-match': `"${d.version}"` })).statusCode).toBe(200);
  const approved = await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/final-report/approve`, {});
  expect(approved.statusCode).toBe(200);
  const accepted = await t.anon().post(`/api/v1/court/packages/${approved.json().efiling.packageId}/accept`, {}, bearer(token));
  expect(accepted.statusCode).toBe(201);
  const cnr = accepted.json().cnr as string;
  const date = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
  const h = await court(`${cnr}/hearings`, { date, purpose: 'Framing of charges', chargesFramed: true });
  expect(h.statusCode).toBe(201);
  // The person index ids of the accused, by code, as the case page shows them.
  const view = (await io.get(`/api/v1/cases/${c.id}`)).json() as { persons: { code: string; personId: string }[] };
  const personOf = (code: string) => view.persons.find((p) => p.code === code)!.personId;
  return { ...c, cnr, personOf };
}

async function antecedents(personId: string): Promise<Antecedents> {
  const r = await (await as(t, 'io.ps1')).get(`/api/v1/people/${personId}/record`);
  expect(r.statusCode).toBe(200);
  return r.json() as Antecedents;
}

const resultAudits = (personId: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'actor_username', 'details'])
    .where('entity_type', '=', 'person')
    .where('entity_id', '=', personId)
    .where('action', '=', 'person.case_result')
    .execute();

describe('the disposal writes each accused’s result on their criminal record', () => {
  it('shows the convicted accused convicted and the acquitted one acquitted, audited, and a repeated disposal doubles nothing', async () => {
    const c = await caseOnTrial(2);
    const a1 = c.personOf('A1');
    const a2 = c.personOf('A2');
    expect((await antecedents(a1)).accused.find((x) => x.firId === c.id)?.result).toBeNull();

    const disposal = {
      decidedOn: '2026-01-15',
      judgmentRef: 'Judgment in RCT 7/2026',
      accused: [
        { code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 12, imprisonmentKind: 'simple' } },
        { code: 'A2', result: 'acquitted' },
      ],
    };
    const d = await court(`${c.cnr}/disposal`, disposal);
    expect(d.statusCode).toBe(201);

    const r1 = await antecedents(a1);
    expect(r1.accused.find((x) => x.firId === c.id)).toMatchObject({ code: 'A1', result: 'convicted', resultOn: '2026-01-15' });
    expect(r1.counts).toMatchObject({ accused: 1, convicted: 1, pending: 0 });
    const r2 = await antecedents(a2);
    expect(r2.accused.find((x) => x.firId === c.id)).toMatchObject({ code: 'A2', result: 'acquitted', resultOn: '2026-01-15' });
    expect(r2.counts).toMatchObject({ accused: 1, convicted: 0, pending: 0 });

    const audits = await resultAudits(a1);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_username: 'court:CJM-D1',
      details: expect.objectContaining({ firId: c.id, accusedCode: 'A1', result: 'convicted', previous: null, basis: 'court.disposal' }),
    });

    // The court's system sends the same judgment again (a retry): refused, and nothing is doubled.
    const again = await court(`${c.cnr}/disposal`, disposal);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('already_disposed');
    expect((await antecedents(a1)).counts).toMatchObject({ accused: 1, convicted: 1, pending: 0 });
    expect((await antecedents(a2)).counts).toMatchObject({ accused: 1, convicted: 0 });
    expect(await resultAudits(a1)).toHaveLength(1);
    expect(await resultAudits(a2)).toHaveLength(1);
    const rows = await t.db.kysely
      .selectFrom('person_case_role')
      .select('result')
      .where('fir_id', '=', c.id)
      .where('role', '=', 'accused')
      .execute();
    expect(rows.map((x) => x.result).sort()).toEqual(['acquitted', 'convicted']);
  });

  it('counts convictions by case across the person’s cases', async () => {
    const first = await caseOnTrial(1);
    const person = first.personOf('A1');
    // The same person is accused again in a second case (linked, not created again).
    const second = await caseWithRecords(t, { accused: 0 });
    const link = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${second.id}/persons`, { role: 'accused', personId: person });
    expect(link.statusCode).toBe(201);
    expect(
      (await court(`${first.cnr}/disposal`, { accused: [{ code: 'A1', result: 'convicted', sentence: { fineRupees: 1000 } }] })).statusCode,
    ).toBe(201);
    const r = await antecedents(person);
    expect(r.counts).toMatchObject({ accused: 2, convicted: 1, pending: 1 });
    expect(r.accused.find((x) => x.firId === second.id)?.result).toBeNull();
  });
});

describe('an appeal that changes the result changes the criminal record', () => {
  it('an appeal filed leaves the conviction; the appeal allowed with the accused acquitted acquits him; a retry records nothing more', async () => {
    const c = await caseOnTrial(1);
    const a1 = c.personOf('A1');
    await court(`${c.cnr}/disposal`, { accused: [{ code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 6 } }] });
    const appeal = { appealRef: 'Cr.A. 9/2026', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'accused' };
    expect((await court(`${c.cnr}/appeals`, { ...appeal, result: 'pending' })).statusCode).toBe(201);
    expect((await antecedents(a1)).counts.convicted).toBe(1);

    t.clock.advance(10 * 86_400_000);
    const decided = { ...appeal, result: 'allowed', accused: [{ code: 'A1', result: 'acquitted' }], remarks: 'Conviction set aside.' };
    const allowed = await court(`${c.cnr}/appeals`, decided);
    expect(allowed.statusCode).toBe(201);
    const r = await antecedents(a1);
    expect(r.accused.find((x) => x.firId === c.id)).toMatchObject({ result: 'acquitted', resultOn: '2026-01-25' });
    expect(r.counts.convicted).toBe(0);
    const audits = await resultAudits(a1);
    expect(audits.map((x) => (x.details as { basis: string; result: string }).result)).toEqual(['convicted', 'acquitted']);
    expect(audits[1]!.details).toMatchObject({ basis: 'court.appeal', basisRef: 'Cr.A. 9/2026', previous: 'convicted' });

    const retry = await court(`${c.cnr}/appeals`, decided);
    expect(retry.statusCode).toBe(200);
    expect(await resultAudits(a1)).toHaveLength(2);
  });

  it('the state’s appeal against an acquittal changes only the accused it names; a dismissed appeal changes nothing', async () => {
    const c = await caseOnTrial(2);
    await court(`${c.cnr}/disposal`, {
      accused: [
        { code: 'A1', result: 'acquitted' },
        { code: 'A2', result: 'acquitted' },
      ],
    });
    const dismissed = await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 10/2026',
      appellateCourt: 'High Court',
      appellant: 'victim',
      result: 'dismissed',
    });
    expect(dismissed.statusCode).toBe(201);
    expect((await antecedents(c.personOf('A1'))).accused.find((x) => x.firId === c.id)?.result).toBe('acquitted');

    const state = await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 11/2026',
      appellateCourt: 'High Court',
      appellant: 'state',
      result: 'partly_allowed',
      accused: [{ code: 'a2', result: 'Convicted', sentence: { imprisonmentMonths: 24 } }],
    });
    expect(state.statusCode).toBe(201);
    expect((await antecedents(c.personOf('A1'))).accused.find((x) => x.firId === c.id)?.result).toBe('acquitted');
    const a2 = await antecedents(c.personOf('A2'));
    expect(a2.accused.find((x) => x.firId === c.id)?.result).toBe('convicted');
    expect(a2.counts.convicted).toBe(1);
  });

  it('a remand for retrial makes the result pending again', async () => {
    const c = await caseOnTrial(1);
    await court(`${c.cnr}/disposal`, { accused: [{ code: 'A1', result: 'convicted', sentence: { fineRupees: 500 } }] });
    await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 12/2026',
      appellateCourt: 'Sessions Court',
      appellant: 'accused',
      result: 'remanded',
    });
    const r = await antecedents(c.personOf('A1'));
    expect(r.accused.find((x) => x.firId === c.id)).toMatchObject({ result: null, resultOn: null });
    expect(r.counts).toMatchObject({ convicted: 0, pending: 1 });
  });
  it('an appeal against the sentence only, allowed, leaves the conviction on the record', async () => {
    const c = await caseOnTrial(1);
    const a1 = c.personOf('A1');
    await court(`${c.cnr}/disposal`, { accused: [{ code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 36 } }] });
    const allowed = await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 13/2026',
      appellateCourt: 'Sessions Court, Vindhyanagar',
      appellant: 'accused',
      result: 'allowed',
      accused: [{ code: 'A1', result: 'sentence reduced', sentence: { imprisonmentMonths: 12 } }],
      remarks: 'Conviction upheld; sentence reduced to the period undergone.',
    });
    expect(allowed.statusCode).toBe(201);
    // The appeal is recorded as the court said it.
    expect(allowed.json()).toMatchObject({ result: 'allowed', accused: [{ code: 'A1', result: 'sentence reduced' }] });
    const r = await antecedents(a1);
    expect(r.accused.find((x) => x.firId === c.id)).toMatchObject({ result: 'convicted' });
    expect(r.counts.convicted).toBe(1);
    expect(await resultAudits(a1)).toHaveLength(1);
  });

  it('one accused’s appeal allowed with no result per accused acquits no one, and not the co-accused who did not appeal', async () => {
    const c = await caseOnTrial(2);
    await court(`${c.cnr}/disposal`, {
      accused: [
        { code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 24 } },
        { code: 'A2', result: 'convicted', sentence: { imprisonmentMonths: 24 } },
      ],
    });
    const allowed = await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 14/2026',
      appellateCourt: 'Sessions Court, Vindhyanagar',
      appellant: 'accused',
      result: 'allowed',
      remarks: 'Appeal of A1 allowed.',
    });
    expect(allowed.statusCode).toBe(201);
    for (const code of ['A1', 'A2']) {
      const r = await antecedents(c.personOf(code));
      expect(r.accused.find((x) => x.firId === c.id)?.result).toBe('convicted');
      expect(r.counts.convicted).toBe(1);
    }
  });

  it('an appeal allowed acquits only the accused it names acquitted', async () => {
    const c = await caseOnTrial(2);
    await court(`${c.cnr}/disposal`, {
      accused: [
        { code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 24 } },
        { code: 'A2', result: 'convicted', sentence: { imprisonmentMonths: 24 } },
      ],
    });
    const allowed = await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 15/2026',
      appellateCourt: 'Sessions Court, Vindhyanagar',
      appellant: 'accused',
      result: 'allowed',
      accused: [{ code: 'A1', result: 'acquitted' }],
    });
    expect(allowed.statusCode).toBe(201);
    expect((await antecedents(c.personOf('A1'))).accused.find((x) => x.firId === c.id)?.result).toBe('acquitted');
    expect((await antecedents(c.personOf('A2'))).accused.find((x) => x.firId === c.id)?.result).toBe('convicted');
  });

  it('a remand naming one accused makes only that accused’s result pending again', async () => {
    const c = await caseOnTrial(2);
    await court(`${c.cnr}/disposal`, {
      accused: [
        { code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 24 } },
        { code: 'A2', result: 'acquitted' },
      ],
    });
    const remanded = await court(`${c.cnr}/appeals`, {
      appealRef: 'Cr.A. 16/2026',
      appellateCourt: 'Sessions Court, Vindhyanagar',
      appellant: 'accused',
      result: 'remanded',
      accused: [{ code: 'A1', result: 'retrial ordered' }],
    });
    expect(remanded.statusCode).toBe(201);
    const r1 = await antecedents(c.personOf('A1'));
    expect(r1.accused.find((x) => x.firId === c.id)).toMatchObject({ result: null, resultOn: null });
    expect(r1.counts).toMatchObject({ convicted: 0, pending: 1 });
    expect((await antecedents(c.personOf('A2'))).accused.find((x) => x.firId === c.id)?.result).toBe('acquitted');
  });
});

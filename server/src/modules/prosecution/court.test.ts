import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { newId } from '../../lib/ids.js';
import { issueCourtToken } from '../court/service.js';
import { as } from '../investigation/factories.js';
import { acceptedCase, approvedCase, bearer, demoCourt, disposedCase, underTrialCase } from './factories.js';

let t: TestContext;
let token: string;
/** A second court (D2's) with its own token: it must see nothing of D1's court. */
let otherToken: string;

beforeAll(async () => {
  t = await startTestApp();
  token = (await demoCourt(t)).token;
  const other = newId();
  await t.db.kysely
    .insertInto('court')
    .values({
      id: other,
      state_code: 'XA',
      district_id: t.ids.districts.D2,
      code: 'CJM-D2',
      name: 'CJM Sonpur',
      name_hi: 'सीजेएम सोनपुर',
      establishment_code: 'XASN01',
      created_at: t.clock.now(),
    })
    .execute();
  otherToken = (await issueCourtToken(t.db.kysely, t.clock, other, 'other court', null)).token;
}, 240_000);
afterAll(() => t.close());

const publicStatus = async (firNumber: string) => {
  const [n, y] = firNumber.split('/');
  const r = await t.anon().get(`/api/v1/public/case-status?stationCode=PS01&year=${y}&number=${n}`);
  expect(r.statusCode).toBe(200);
  return r.json() as {
    stage: string;
    chargeSheetDate: string | null;
    court: { name: string } | null;
    nextHearingDate: string | null;
    result: string | null;
  };
};

describe('court machine API: authentication and scope', () => {
  it('refuses a request without a token, with a wrong token, and with a session instead of a token', async () => {
    expect((await t.anon().get('/api/v1/court/packages')).statusCode).toBe(401);
    expect(errorOf(await t.anon().get('/api/v1/court/packages', bearer('cct_not-a-real-token-at-all-xxxxxxxx'))).code).toBe(
      'court_token_invalid',
    );
    const sho = await as(t, 'sho.ps1');
    expect((await sho.get('/api/v1/court/packages')).statusCode).toBe(401);
    const clerk = await t.login('court1');
    expect((await clerk.get('/api/v1/court/packages')).statusCode).toBe(401);
  });

  it('answers 404 when a court’s token reaches a case e-filed to another court', async () => {
    const c = await approvedCase(t);
    expect((await t.anon().get(`/api/v1/court/cases/${c.packageId}`, bearer(token))).statusCode).toBe(200);
    for (const r of [
      await t.anon().get(`/api/v1/court/cases/${c.packageId}`, bearer(otherToken)),
      await t.anon().get(`/api/v1/court/packages/${c.packageId}/pdf/en`, bearer(otherToken)),
      await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, {}, bearer(otherToken)),
      await t.anon().post(`/api/v1/court/cases/${c.packageId}/hearings`, { date: '2026-02-10', purpose: 'Appearance' }, bearer(otherToken)),
      await t.anon().post(`/api/v1/court/cases/${c.packageId}/disposal`, { accused: [] }, bearer(otherToken)),
    ]) {
      expect(r.statusCode).toBe(404);
      expect(errorOf(r).code).toBe('court_case_not_found');
    }
    const list = (await t.anon().get('/api/v1/court/packages', bearer(otherToken))).json();
    expect(list.items.map((i: { packageId: string }) => i.packageId)).not.toContain(c.packageId);
    // Once accepted, the CNR does not open it to another court either.
    const acc = await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, {}, bearer(token));
    expect((await t.anon().get(`/api/v1/court/cases/${acc.json().cnr}`, bearer(otherToken))).statusCode).toBe(404);
  });
});

describe('the order the court’s steps must follow', () => {
  it('refuses a disposal before the court has accepted the final report (409), and a hearing too', async () => {
    const c = await approvedCase(t);
    const d = await t
      .anon()
      .post(`/api/v1/court/cases/${c.packageId}/disposal`, { accused: [{ code: 'A1', result: 'acquitted' }] }, bearer(token));
    expect(d.statusCode).toBe(409);
    expect(errorOf(d).code).toBe('final_report_not_accepted');
    const h = await t
      .anon()
      .post(`/api/v1/court/cases/${c.packageId}/hearings`, { date: '2026-02-10', purpose: 'Appearance' }, bearer(token));
    expect(h.statusCode).toBe(409);
    const page = (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page.stage).toBe('final_report_submitted');
    expect(page.court).toBeNull();
  });

  it('accepts with a CNR once; the same CNR again is the same answer, another CNR is 409', async () => {
    const c = await approvedCase(t);
    const a = await t
      .anon()
      .post(`/api/v1/court/packages/${c.packageId}/accept`, { cnr: 'XAVN010004212026', courtCaseNo: 'RCT 421/2026' }, bearer(token));
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ cnr: 'XAVN010004212026', caseId: c.id });
    const again = await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, { cnr: 'XAVN010004212026' }, bearer(token));
    expect(again.statusCode).toBe(200);
    expect(again.json().alreadyAccepted).toBe(true);
    const other = await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, { cnr: 'XAVN010004222026' }, bearer(token));
    expect(other.statusCode).toBe(409);
    // A CNR of another establishment, or one already given, is refused.
    const c2 = await approvedCase(t);
    expect(
      errorOf(await t.anon().post(`/api/v1/court/packages/${c2.packageId}/accept`, { cnr: 'XASN010000012026' }, bearer(token))).code,
    ).toBe('cnr_not_of_court');
    expect(
      errorOf(await t.anon().post(`/api/v1/court/packages/${c2.packageId}/accept`, { cnr: 'XAVN010004212026' }, bearer(token))).code,
    ).toBe('cnr_taken');
    const page = (await (await as(t, 'sho.ps1')).get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page).toMatchObject({
      stage: 'accepted_by_court',
      court: { cnr: 'XAVN010004212026', courtCaseNo: 'RCT 421/2026', code: 'CJM-D1' },
      efiling: { status: 'accepted' },
    });
  });

  it('gives the next CNR of the court when none is sent', async () => {
    const c = await approvedCase(t);
    const a = await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, {}, bearer(token));
    expect(a.statusCode).toBe(201);
    expect(a.json().cnr).toMatch(/^XAVN01\d{6}2026$/);
  });

  it('requires a result for every charge-sheeted accused, and only for them', async () => {
    const c = await acceptedCase(t);
    const post = (b: unknown) => t.anon().post(`/api/v1/court/cases/${c.cnr}/disposal`, b as Record<string, unknown>, bearer(token));
    const none = await post({ accused: [] });
    expect(none.statusCode).toBe(422);
    const stranger = await post({
      accused: [
        { code: 'A1', result: 'acquitted' },
        { code: 'A9', result: 'acquitted' },
      ],
    });
    expect(stranger.statusCode).toBe(422);
    expect(errorOf(stranger)).toMatchObject({ code: 'accused_not_in_case', fields: { 'accused.1.code': 'not an accused of this case' } });
    const noSentence = await post({ accused: [{ code: 'A1', result: 'convicted' }] });
    expect(errorOf(noSentence).fields?.['accused.0.sentence']).toBe('required for a conviction');
  });

  it('refuses an appeal before the disposal, and a hearing after it', async () => {
    const c = await underTrialCase(t);
    const early = await t
      .anon()
      .post(
        `/api/v1/court/cases/${c.cnr}/appeals`,
        { appealRef: 'Cr.A. 1/2026', appellateCourt: 'Sessions Court', appellant: 'accused', result: 'pending' },
        bearer(token),
      );
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).code).toBe('not_disposed');
    await t.anon().post(`/api/v1/court/cases/${c.cnr}/disposal`, { accused: [{ code: 'A1', result: 'acquitted' }] }, bearer(token));
    const late = await t.anon().post(`/api/v1/court/cases/${c.cnr}/hearings`, { date: '2026-03-01', purpose: 'Arguments' }, bearer(token));
    expect(late.statusCode).toBe(409);
    const twice = await t
      .anon()
      .post(
        `/api/v1/court/cases/${c.cnr}/disposal`,
        { accused: [{ code: 'A1', result: 'convicted', sentence: { fineRupees: 100 } }] },
        bearer(token),
      );
    expect(twice.statusCode).toBe(409);
  });
});

describe('every court step moves the case and its public status', () => {
  it('from filing to appeal, through the machine API', async () => {
    const c = await approvedCase(t);
    let s = await publicStatus(c.firNumber);
    expect(s).toMatchObject({
      stage: 'charge_sheeted',
      stageLabelEn: 'Charge sheet filed in court',
      chargeSheetDate: '2026-01-15',
      court: { name: 'Chief Judicial Magistrate, Vindhyanagar' },
      nextHearingDate: null,
    });

    const a = await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, {}, bearer(token));
    s = await publicStatus(c.firNumber);
    expect(s.stage).toBe('accepted_by_court');

    const h1 = await t
      .anon()
      .post(`/api/v1/court/cases/${a.json().cnr}/hearings`, { date: '2026-02-02', purpose: 'Appearance of the accused' }, bearer(token));
    expect(h1.statusCode).toBe(201);
    expect(h1.json().stage).toBe('accepted_by_court');
    expect((await publicStatus(c.firNumber)).nextHearingDate).toBe('2026-02-02');
    // The same hearing posted twice (a retry) is one hearing.
    expect(
      (
        await t
          .anon()
          .post(`/api/v1/court/cases/${a.json().cnr}/hearings`, { date: '2026-02-02', purpose: 'Appearance of the accused' }, bearer(token))
      ).statusCode,
    ).toBe(200);

    const h2 = await t
      .anon()
      .post(
        `/api/v1/court/cases/${a.json().cnr}/hearings`,
        { date: '2026-02-20', purpose: 'Framing of charges', chargesFramed: true },
        bearer(token),
      );
    expect(h2.json().stage).toBe('under_trial');
    s = await publicStatus(c.firNumber);
    expect(s).toMatchObject({ stage: 'under_trial', nextHearingDate: '2026-02-20' });

    t.clock.advance(40 * 86_400_000);
    const d = await t.anon().post(
      `/api/v1/court/cases/${a.json().cnr}/disposal`,
      {
        judgmentRef: 'Judgment 12/2026',
        accused: [{ code: 'A1', result: 'convicted', sentence: { imprisonmentMonths: 18, imprisonmentKind: 'simple', fineRupees: 5000 } }],
      },
      bearer(token),
    );
    expect(d.statusCode).toBe(201);
    expect(d.json()).toMatchObject({
      result: 'convicted',
      accused: [{ code: 'A1', result: 'convicted', sections: [{ act: 'BNS', section: '303(2)' }] }],
    });
    s = await publicStatus(c.firNumber);
    expect(s).toMatchObject({ stage: 'disposed', result: 'convicted', nextHearingDate: null });

    const ap = await t
      .anon()
      .post(
        `/api/v1/court/cases/${a.json().cnr}/appeals`,
        { appealRef: 'Cr.A. 45/2026', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'accused', result: 'pending' },
        bearer(token),
      );
    expect(ap.statusCode).toBe(201);
    // In appeal, the public sees the appeal's result, not the trial's.
    expect(await publicStatus(c.firNumber)).toMatchObject({
      stage: 'appealed',
      result: 'pending',
      resultLabelEn: 'appeal pending',
      resultLabelHi: 'अपील लंबित',
    });
    const dec = await t
      .anon()
      .post(
        `/api/v1/court/cases/${a.json().cnr}/appeals`,
        { appealRef: 'Cr.A. 45/2026', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'accused', result: 'dismissed' },
        bearer(token),
      );
    expect(dec.statusCode).toBe(201);
    expect(await publicStatus(c.firNumber)).toMatchObject({ stage: 'appealed', result: 'dismissed', resultLabelEn: 'appeal dismissed' });

    // The history of moves, and the audit of each court step, are there.
    const moves = await t.db.kysely
      .selectFrom('case_transition')
      .select(['action', 'party'])
      .where('fir_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(moves.map((m) => m.action)).toEqual([
      'assign_io',
      'submit_final_report',
      'approve_final_report',
      'accept_final_report',
      'commence_trial',
      'record_disposal',
      'record_appeal',
      'record_appeal',
    ]);
    const history = await t.db.kysely
      .selectFrom('case_stage_event')
      .select(['stage', 'result'])
      .where('fir_id', '=', c.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.stage)).toEqual(
      expect.arrayContaining(['final_report_submitted', 'charge_sheeted', 'accepted_by_court', 'under_trial', 'disposed', 'appealed']),
    );
    const audits = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'actor_username'])
      .where('entity_id', '=', c.id)
      .where('action', 'like', 'court.%')
      .execute();
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining(['court.accept', 'court.hearing', 'court.disposal', 'court.appeal']),
    );
    expect(audits.every((x) => x.actor_username === 'court:CJM-D1')).toBe(true);
  });

  it('the clerk screen does the same for the clerk’s own court, assigning the CNR', async () => {
    const c = await approvedCase(t);
    const clerk = await t.login('court1');
    const inbox = (await clerk.get('/api/v1/court-clerk/packages?status=pending')).json();
    expect(inbox.court.code).toBe('CJM-D1');
    expect(inbox.items.map((i: { packageId: string }) => i.packageId)).toContain(c.packageId);
    const view = (await clerk.get(`/api/v1/court-clerk/cases/${c.packageId}`)).json();
    expect(view.package.finalReport.accusedCharged[0].code).toBe('A1');
    expect(view.actions).toEqual(['accept_final_report']);
    const a = await clerk.post(`/api/v1/court-clerk/packages/${c.packageId}/accept`, {});
    expect(a.statusCode).toBe(201);
    const h = await clerk.post(`/api/v1/court-clerk/cases/${a.json().cnr}/hearings`, {
      date: '2026-03-10',
      purpose: 'Framing of charges',
      chargesFramed: true,
    });
    expect(h.json().stage).toBe('under_trial');
    const d = await clerk.post(`/api/v1/court-clerk/cases/${a.json().cnr}/disposal`, { accused: [{ code: 'A1', result: 'compounded' }] });
    expect(d.statusCode).toBe(201);
    expect((await publicStatus(c.firNumber)).result).toBe('compounded');
    // The outbox row of the package is closed: nothing is left to push.
    const row = await t.db.kysely
      .selectFrom('outbox')
      .select(['delivered_at'])
      .where('dedupe_key', '=', `court.efile:${c.packageId}`)
      .executeTakeFirstOrThrow();
    expect(row.delivered_at).not.toBeNull();
  });

  it('a clerk issues a machine token for the court; it works, and stops when revoked', async () => {
    const clerk = await t.login('court1');
    const r = await clerk.post('/api/v1/court-clerk/tokens', { label: 'CIS' });
    expect(r.statusCode).toBe(201);
    const tok = r.json().token as string;
    expect((await t.anon().get('/api/v1/court/packages', bearer(tok))).statusCode).toBe(200);
    const stored = await t.db.kysely.selectFrom('court_token').select('token_hash').where('id', '=', r.json().id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(tok);
    expect((await clerk.post(`/api/v1/court-clerk/tokens/${r.json().id}/revoke`)).statusCode).toBe(200);
    expect((await t.anon().get('/api/v1/court/packages', bearer(tok))).statusCode).toBe(401);
  });

  it('a conviction set aside on appeal shows the public the appeal allowed, not the conviction, and nothing of the appeal’s parties', async () => {
    const c = await disposedCase(t);
    expect(await publicStatus(c.firNumber)).toMatchObject({ stage: 'disposed', result: 'convicted', resultLabelHi: 'दोषसिद्ध' });
    const appeal = { appealRef: 'Cr.A. 46/2026', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'accused' };
    expect((await t.anon().post(`/api/v1/court/cases/${c.cnr}/appeals`, { ...appeal, result: 'pending' }, bearer(token))).statusCode).toBe(
      201,
    );
    t.clock.advance(30 * 86_400_000);
    const allowed = await t
      .anon()
      .post(
        `/api/v1/court/cases/${c.cnr}/appeals`,
        { ...appeal, result: 'allowed', accused: [{ code: 'A1', result: 'acquitted' }], remarks: 'Conviction of the appellant set aside.' },
        bearer(token),
      );
    expect(allowed.statusCode).toBe(201);
    const s = await publicStatus(c.firNumber);
    expect(s).toMatchObject({
      stage: 'appealed',
      stageLabelEn: 'In appeal',
      result: 'allowed',
      resultLabelEn: 'appeal allowed',
      resultLabelHi: 'अपील स्वीकार',
    });
    // The public answer names neither the appeal, its court's remarks nor the accused.
    const text = JSON.stringify(s);
    for (const secret of ['Cr.A. 46/2026', 'set aside', 'A1', 'acquitted', 'appellant']) expect(text).not.toContain(secret);
  });

  it('a disposed case can be read by its court, with the judgment', async () => {
    const c = await disposedCase(t);
    const v = (await t.anon().get(`/api/v1/court/cases/${c.cnr}`, bearer(token))).json();
    expect(v).toMatchObject({ stage: 'disposed', disposal: { result: 'convicted' }, courtCase: { cnr: c.cnr } });
  });
});

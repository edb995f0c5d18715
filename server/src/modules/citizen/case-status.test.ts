import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';
import { fileComplaintAs } from '../complaints/factories.js';
import { addCaseStatusFacts, type CaseStatusFacts } from './case-facts.js';
import { CASE_STAGES } from '../investigation/workflow.js';
import { isPublicStage, notifyStageChange, resultLabel, stageLabel } from './stages.js';

let t: TestContext;
let ipN = 0;
/** An anonymous client from an address of its own, so that one test's lookups do not use up another's rate limit. */
const anon = (): Client => {
  const c = t.anon();
  c.ip = `192.0.2.${++ipN}`;
  return c;
};

const lookup = (c: Client, q: Record<string, string | number>) =>
  c.get(`/api/v1/public/case-status?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`);

// Facts another module (investigation, court) would contribute, for one FIR of this test.
const contributed = new Map<string, CaseStatusFacts>();
addCaseStatusFacts(async (_db, fir) => contributed.get(fir.id) ?? {});

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_PUBLIC_PER_MINUTE: '5', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
}, 300_000);
afterAll(() => t?.close());

describe('public case status', () => {
  it('shows the stage, the date of the last change, the sections and the station’s phone, and nothing about people', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    const r = await lookup(anon(), { stationCode: 'PS01', year: fir.year, number: fir.serial });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      firNumber: fir.firNumber,
      station: { code: 'PS01', phone: '0755-2540101' },
      stage: 'registered',
      stageLabelEn: 'Registered',
      lastChangedOn: '2026-01-15',
      sections: [{ act: 'BNS', section: '303(2)' }],
      investigatingOfficer: null,
    });
    // No arrest: "none" once the investigation module counts arrests, unknown before.
    expect([null, false]).toContain(body.arrestMade);
    const text = r.body;
    for (const v of [
      'Ravi Kumar Sharma',
      'Shyam Lal',
      '9826012345',
      'Sarafa Bazaar',
      'Unknown person',
      'Hero Splendor',
      'complainant',
      'narrative',
      'Ramesh Yadav',
    ])
      expect(text, v).not.toContain(v);
  });

  it('accepts the number as 1, 0001 or 0001/2026, and the state and district when they match', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    const c = anon();
    for (const number of [String(fir.serial), String(fir.serial).padStart(4, '0'), fir.firNumber])
      expect((await lookup(c, { stationCode: 'ps01', year: fir.year, number })).statusCode, number).toBe(200);
    expect(
      (await lookup(c, { stateCode: 'XA', districtCode: 'D1', stationCode: 'PS01', year: fir.year, number: fir.serial })).statusCode,
    ).toBe(200);
    const c2 = anon();
    expect((await lookup(c2, { districtCode: 'D2', stationCode: 'PS01', year: fir.year, number: fir.serial })).statusCode).toBe(404);
    expect((await lookup(c2, { stateCode: 'MP', stationCode: 'PS01', year: fir.year, number: fir.serial })).statusCode).toBe(404);
  });

  it('shows what other modules contribute: arrest count (no names), charge-sheet date, court, next hearing and the IO’s rank but not the name', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    contributed.set(fir.id, {
      arrestCount: 2,
      io: { rank: 'si', name: 'Sunita Verma' },
      court: { name: 'CJM Court, Vindhyanagar' },
      nextHearingDate: '2026-02-10',
      chargeSheetDate: '2026-01-14',
    });
    const r = await lookup(anon(), { stationCode: 'PS01', year: fir.year, number: fir.serial });
    expect(r.json()).toMatchObject({
      arrestMade: true,
      arrestCount: 2,
      chargeSheetDate: '2026-01-14',
      court: { name: 'CJM Court, Vindhyanagar' },
      nextHearingDate: '2026-02-10',
      investigatingOfficer: { rank: { code: 'si', labelEn: 'Sub-Inspector' } },
    });
    expect(r.body).not.toContain('Sunita Verma');
  });

  it('names the IO only where the state allows it (PUBLIC_SHOW_IO_NAME)', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    contributed.set(fir.id, {
      arrestCount: 0,
      io: { rank: 'si', name: 'Sunita Verma' },
      court: { name: 'x' },
      nextHearingDate: '',
      chargeSheetDate: '',
    });
    const shown = t.config.PUBLIC_SHOW_IO_NAME;
    t.config.PUBLIC_SHOW_IO_NAME = true;
    try {
      const r = await lookup(anon(), { stationCode: 'PS01', year: fir.year, number: fir.serial });
      expect(r.json().investigatingOfficer).toMatchObject({ name: 'Sunita Verma', rank: { code: 'si' } });
      expect(r.json()).toMatchObject({ arrestMade: false, arrestCount: 0, nextHearingDate: null, chargeSheetDate: null });
    } finally {
      t.config.PUBLIC_SHOW_IO_NAME = shown;
    }
  });

  it('follows the stage as other modules move it, with the result of a disposed case', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    t.clock.advanceMinutes(1);
    await t.db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('fir_status')
        .set({ stage: 'disposed', stage_changed_at: t.clock.now(), updated_at: t.clock.now() })
        .where('fir_id', '=', fir.id)
        .execute();
      await notifyStageChange(trx, fir.id, 'disposed', { clock: t.clock, result: 'convicted' });
    });
    const r = await lookup(anon(), { stationCode: 'PS01', year: fir.year, number: fir.serial });
    expect(r.json()).toMatchObject({
      stage: 'disposed',
      stageLabelEn: 'Decided by the court',
      stageLabelHi: 'न्यायालय द्वारा निर्णीत',
      result: 'convicted',
      resultLabelEn: 'convicted',
      resultLabelHi: 'दोषसिद्ध',
    });
  });

  it('says what a final report became once it is in court: a charge sheet or a closure report, never the workflow code', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    await t.db.kysely.updateTable('fir_status').set({ stage: 'final_report_submitted' }).where('fir_id', '=', fir.id).execute();
    const status = async () => (await lookup(anon(), { stationCode: 'PS01', year: fir.year, number: fir.serial })).json();
    // With the SHO: only that a final report was submitted.
    expect(await status()).toMatchObject({
      stage: 'final_report_submitted',
      stageLabelEn: 'Final report submitted',
      stageLabelHi: 'अंतिम प्रतिवेदन प्रस्तुत',
    });
    contributed.set(fir.id, { chargeSheetDate: '2026-02-01' });
    expect(await status()).toMatchObject({
      stage: 'charge_sheeted',
      stageLabelEn: 'Charge sheet filed in court',
      chargeSheetDate: '2026-02-01',
    });
    contributed.set(fir.id, { finalReportDate: '2026-02-01' });
    expect(await status()).toMatchObject({
      stage: 'final_report_filed',
      stageLabelHi: 'न्यायालय में अंतिम रिपोर्ट (खात्मा) दाखिल',
      finalReportDate: '2026-02-01',
      result: null,
    });
  });

  it('has a Hindi label of its own for every stage of the case workflow and every court result', () => {
    for (const stage of CASE_STAGES) {
      expect(isPublicStage(stage), stage).toBe(true);
      expect(stageLabel(stage).hi, stage).toMatch(/[\u0900-\u097F]/);
    }
    for (const r of ['convicted', 'acquitted', 'discharged', 'compounded', 'partly_convicted', 'closure_accepted', 'dismissed', 'allowed'])
      expect(resultLabel(r).hi, r).toMatch(/[\u0900-\u097F]/);
  });

  it('never finds a sensitive FIR: by section, or marked by the SHO, it answers exactly like an FIR that does not exist', async () => {
    const c = await fileComplaintAs(t, 'citizen1', { kind: 'harassment_of_women' });
    const reg = await (
      await t.login('duty.ps1')
    ).post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '79' }] });
    expect(reg.statusCode, reg.body).toBe(201);
    const bySection = reg.json().fir;
    expect(bySection.sensitive).toBe(true);

    const plain = await registerFirAs(t, 'duty.ps1');
    const marked = await (await t.login('sho.ps1')).post(`/api/v1/firs/${plain.id}/mark-sensitive`, { reason: 'The victim is a minor.' });
    expect(marked.statusCode, marked.body).toBe(200);

    const c1 = anon();
    const answers: LightMyRequestResponse[] = [
      await lookup(c1, { stationCode: 'PS01', year: 2026, number: bySection.serial }),
      await lookup(c1, { stationCode: 'PS01', year: 2026, number: plain.serial }),
      await lookup(c1, { stationCode: 'PS01', year: 2026, number: 9999 }),
    ];
    const c2 = anon();
    answers.push(
      await lookup(c2, { stationCode: 'PS01', year: 2025, number: 1 }),
      await lookup(c2, { stationCode: 'PS77', year: 2026, number: 1 }),
    );
    const shape = (r: LightMyRequestResponse) => ({
      status: r.statusCode,
      body: r.body,
      type: r.headers['content-type'],
      length: r.headers['content-length'],
    });
    for (const a of answers) expect(shape(a)).toEqual(shape(answers[2]));
    expect(answers[2].statusCode).toBe(404);
    expect(errorOf(answers[2]).code).toBe('case_not_found');
    // Nor in the station's public list.
    const list = (await anon().get('/api/v1/public/stations/PS01/firs')).json();
    const numbers = list.items.map((i: { firNumber: string }) => i.firNumber);
    expect(numbers).not.toContain(bySection.firNumber);
    expect(numbers).not.toContain(plain.firNumber);
  });

  it('refuses malformed queries with 400 naming the fields', async () => {
    const r = await anon().get('/api/v1/public/case-status?year=abc');
    expect(r.statusCode).toBe(400);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(
      expect.arrayContaining(['querystring.stationCode', 'querystring.year', 'querystring.number']),
    );
  });

  it('limits lookups per IP: the sixth in a minute gets 429 with Retry-After', async () => {
    const c = anon();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await lookup(c, { stationCode: 'PS01', year: 2026, number: 9000 + i })).statusCode);
    expect(codes.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    const r = await lookup(c, { stationCode: 'PS01', year: 2026, number: 1 });
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(r).code).toBe('too_many_requests');
    // Another address is not affected.
    expect((await lookup(anon(), { stationCode: 'PS01', year: 2026, number: 9999 })).statusCode).toBe(404);
  });
});

describe('the station’s public FIR list', () => {
  it('lists non-sensitive FIRs at once after registration, with date, sections and stage only', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    const r = await anon().get('/api/v1/public/stations/PS01/firs');
    expect(r.statusCode).toBe(200);
    const item = r.json().items.find((i: { firNumber: string }) => i.firNumber === fir.firNumber);
    expect(Object.keys(item).sort()).toEqual(
      ['firNumber', 'registeredAt', 'registeredOn', 'sections', 'stage', 'stageLabelEn', 'stageLabelHi', 'year'].sort(),
    );
    expect(r.body).not.toContain('Ravi Kumar Sharma');
  });

  it('answers an unknown station with 404 and a range over 31 days with 422', async () => {
    const c = anon();
    expect((await c.get('/api/v1/public/stations/PS77/firs')).statusCode).toBe(404);
    expect((await c.get('/api/v1/public/stations/PS01/firs?from=2025-01-01&to=2025-12-31')).statusCode).toBe(422);
  });
});

describe('with the captcha on', () => {
  let tc: TestContext;
  beforeAll(async () => {
    tc = await startTestApp({ config: { CAPTCHA: 'on', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  }, 300_000);
  afterAll(() => tc.close());

  it('needs the captcha, and a captcha works once', async () => {
    const fir = await registerFirAs(tc, 'duty.ps1');
    const c = tc.anon();
    const none = await lookup(c, { stationCode: 'PS01', year: fir.year, number: fir.serial });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).code).toBe('captcha_mismatch');
    const cap = (await c.get('/api/v1/auth/captcha')).json();
    const answer = (await c.get(`/api/v1/auth/captcha/${cap.captchaId}/answer-for-tests`)).json().answer;
    const ok = await lookup(c, {
      stationCode: 'PS01',
      year: fir.year,
      number: fir.serial,
      captchaId: cap.captchaId,
      captchaAnswer: answer,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await lookup(c, {
      stationCode: 'PS01',
      year: fir.year,
      number: fir.serial,
      captchaId: cap.captchaId,
      captchaAnswer: answer,
    });
    expect(again.statusCode).toBe(400);
  });
});

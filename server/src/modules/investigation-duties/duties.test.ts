import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { endOfIstDay, addDays } from '../clocks/engine.js';
import { istDate } from '../../lib/clock.js';
import { addArrest, addPerson, as, makeCase, PNG_1X1, submitFinalReport } from '../investigation/factories.js';
import { approvedCase } from '../prosecution/factories.js';
import { recomputeOpenCaseClocks } from '../investigation/clock-facts.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({
    config: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000', SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000' },
  });
}, 180_000);
afterAll(() => t.close());

const io = () => as(t, 'io.ps1');
const iso = (d: Date) => d.toISOString();

type Clock = {
  kind: string;
  status: string;
  dueAt: string;
  stoppedAt: string | null;
  subject: string | null;
  details: Record<string, unknown>;
};
const clocksOf = async (caseId: string) => ((await (await io()).get(`/api/v1/cases/${caseId}`)).json() as { clocks: Clock[] }).clocks;
const clockOf = async (caseId: string, kind: string) => (await clocksOf(caseId)).find((k) => k.kind === kind);
const audits = (caseId: string, action: string) =>
  t.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'details'])
    .where('entity_id', '=', caseId)
    .where('action', '=', action)
    .execute();

/** A case punishable with seven years (BNS 305, theft in a dwelling house) under io.ps1. */
const sevenYearCase = () => makeCase(t, { fir: { sections: [{ act: 'BNS', section: '305' }] } });

const visit = { expertName: 'Dr. Meena Raghuvanshi', labUnit: 'Mobile Forensic Unit, RFSL', collected: ['Finger print lifts (3)'] };
const recording = { ref: 'e-Sakshya SR-1', sha256: 'a'.repeat(64) };

describe('forensic expert’s visit to the scene (BNSS 176(3))', () => {
  it('flags a seven-year case "required, not recorded" among its clocks, the overdue list and the dashboards, until a visit is recorded', async () => {
    const overdueCards = async () => [
      ((await (await io()).get('/api/v1/dashboard')).json() as { counts: Record<string, number> }).counts.myClocksOverdue,
      ((await (await as(t, 'sho.ps1')).get('/api/v1/dashboard')).json() as { counts: Record<string, number> }).counts.clocksOverdue,
    ];
    const before = await overdueCards();
    const c = await sevenYearCase();
    const flag = (await clockOf(c.id, 'forensic_scene_visit'))!;
    expect(flag.status).toBe('required');
    expect(flag.stoppedAt).toBeNull();
    expect(flag.details.statutoryPeriod).toBe(false);
    // The IO's and the SHO's lists (their dashboards' "overdue" cards link there) show it too,
    // as outstanding since the information was recorded.
    t.clock.advanceMinutes(1);
    for (const who of ['io.ps1', 'sho.ps1']) {
      const list = (await (await as(t, who)).get(`/api/v1/clocks?due=overdue&caseId=${c.id}`)).json() as { items: Clock[] };
      expect(list.items.map((k) => [k.kind, k.status])).toContainEqual(['forensic_scene_visit', 'required']);
    }
    expect(await overdueCards()).toEqual(before.map((n) => n + 1));
    // A case below seven years has no such flag.
    expect(await clockOf((await makeCase(t)).id, 'forensic_scene_visit')).toBeUndefined();

    t.clock.advanceMinutes(90);
    const r = await (await io()).post(`/api/v1/cases/${c.id}/forensic-visits`, { ...visit, videography: recording });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ visitNo: 1, expertName: visit.expertName, labUnit: visit.labUnit, collected: visit.collected });
    expect(r.json().videoSha256).toBe('a'.repeat(64));
    expect(r.json()).not.toHaveProperty('stationId');
    const met = (await clockOf(c.id, 'forensic_scene_visit'))!;
    expect(met.status).toBe('met');
    expect(met.stoppedAt).toBe(r.json().visitedAt);
    expect((await (await as(t, 'sho.ps1')).get(`/api/v1/clocks?due=overdue&caseId=${c.id}`)).json().items).toEqual([]);
    expect(await overdueCards()).toEqual(before);
    expect(await audits(c.id, 'case.forensic_visit')).toHaveLength(1);

    const list = await (await as(t, 'sp.d1')).get(`/api/v1/cases/${c.id}/forensic-visits`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((v: { visitNo: number }) => v.visitNo)).toEqual([1]);
    expect(list.json().required).toBe(true);
    expect(list.json().basis).toMatch(/176\(3\)/);
    expect(await audits(c.id, 'case.forensic_visits_read')).toHaveLength(1);
  });

  it('lists after every clock with a deadline: an old flag never pushes a fresh 24-hour production down the IO’s list', async () => {
    const old = await sevenYearCase();
    t.clock.advance(10 * 86_400_000);
    const fresh = await sevenYearCase();
    await addPerson(t, fresh.id, 'accused', { name: 'Order Accused' });
    await addArrest(t, fresh.id, 'A1');
    const items = ((await (await io()).get('/api/v1/clocks?pageSize=200')).json() as { items: (Clock & { caseId: string })[] }).items;
    const at = (caseId: string, kind: string) => items.findIndex((k) => k.caseId === caseId && k.kind === kind);
    expect(at(old.id, 'forensic_scene_visit')).toBeGreaterThan(at(fresh.id, 'production_24h'));
    expect(at(fresh.id, 'production_24h')).toBeGreaterThanOrEqual(0);
    // The case list's "next due" of a case with both is the production, not the flag raised at registration.
    const cases = (
      (await (await io()).get('/api/v1/cases?pageSize=200')).json() as { items: { id: string; nextDue: { kind: string } | null }[] }
    ).items;
    expect(cases.find((x) => x.id === fresh.id)?.nextDue?.kind).toBe('production_24h');
  });

  it('reaches cases written before the flag existed through clocks:recompute, leaving the others as they were', async () => {
    const c = await sevenYearCase();
    // As a case stood before migration 0061: no flag among its clocks.
    await t.db.kysely.deleteFrom('statutory_clock').where('fir_id', '=', c.id).where('kind', '=', 'forensic_scene_visit').execute();
    expect(await clockOf(c.id, 'forensic_scene_visit')).toBeUndefined();
    const other = await makeCase(t);
    const withoutIds = async (id: string) => (await clocksOf(id)).map(({ id: _id, ...k }: Clock & { id?: string }) => k);
    const before = await withoutIds(other.id);
    const n = await recomputeOpenCaseClocks({ clock: t.clock }, t.db.kysely);
    expect(n).toBeGreaterThanOrEqual(2);
    expect((await clockOf(c.id, 'forensic_scene_visit'))?.status).toBe('required');
    expect(await withoutIds(other.id)).toEqual(before);
  });

  it('becomes "missed" when the final report is submitted without a visit', async () => {
    const c = await sevenYearCase();
    await submitFinalReport(t, c.id);
    const k = (await clockOf(c.id, 'forensic_scene_visit'))!;
    expect(k.status).toBe('missed');
    expect(k.stoppedAt).not.toBeNull();
    // The investigation is closed: no visit can be added afterwards to mend it.
    const late = await (await io()).post(`/api/v1/cases/${c.id}/forensic-visits`, { ...visit, videography: recording });
    expect(late.statusCode).toBe(409);
  });

  it('only the designated IO records a visit: another IO 403, another station 404, a supervisor 403', async () => {
    const c = await sevenYearCase();
    const body = { ...visit, videography: recording };
    const other = await (await as(t, 'io2.ps1')).post(`/api/v1/cases/${c.id}/forensic-visits`, body);
    expect(other.statusCode).toBe(403);
    expect(errorOf(other).code).toBe('not_designated_io');
    expect((await (await as(t, 'io.ps2')).post(`/api/v1/cases/${c.id}/forensic-visits`, body)).statusCode).toBe(404);
    expect((await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/forensic-visits`, body)).statusCode).toBe(403);
    expect((await (await as(t, 'io.ps2')).get(`/api/v1/cases/${c.id}/forensic-visits`)).statusCode).toBe(404);
    const ps2 = await makeCase(t, { registeredBy: 'duty.ps2', sho: 'sho.ps2', io: 'io.ps2' });
    expect((await (await io()).post(`/api/v1/cases/${ps2.id}/forensic-visits`, body)).statusCode).toBe(404);
    expect(await t.db.kysely.selectFrom('forensic_scene_visit').select('id').where('fir_id', 'in', [c.id, ps2.id]).execute()).toEqual([]);
  });

  it('refuses bad input naming the field, and a visit without videography or the reason for its absence', async () => {
    const c = await sevenYearCase();
    const url = `/api/v1/cases/${c.id}/forensic-visits`;
    const missing = await (await io()).post(url, { labUnit: 'RFSL', videography: recording });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).fields).toHaveProperty('expertName');
    expect(errorOf(missing).messageHi).toBeTruthy();
    const badSha = await (await io()).post(url, { ...visit, videography: { ref: 'x', sha256: 'nothex' } });
    expect(badSha.statusCode).toBe(400);
    expect(errorOf(badSha).fields).toHaveProperty(['videography.sha256']);
    const none = await (await io()).post(url, visit);
    expect(none.statusCode).toBe(422);
    expect(errorOf(none).fields).toHaveProperty('videography');
    expect(errorOf(none).messageHi).toMatch(/176\(3\)/);
    const png = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/documents`, { kind: 'photo', title: 'Scene', fileName: 'scene.png', contentBase64: PNG_1X1 });
    const notVideo = await (await io()).post(url, { ...visit, videography: { documentId: png.json().id } });
    expect(notVideo.statusCode).toBe(422);
    expect(errorOf(notVideo).fields).toHaveProperty(['videography.documentId']);
    const early = await (
      await io()
    ).post(url, { ...visit, videography: recording, visitedAt: iso(new Date(t.clock.now().getTime() - 86_400_000)) });
    expect(early.statusCode).toBe(422);
    // Before the information reached the station (the FIR may be written after the team went: BNSS 176(3) runs from the information).
    expect(errorOf(early).code).toBe('time_out_of_order');
    expect(errorOf(early).fields).toHaveProperty('visitedAt');
    const reason = await (await io()).post(url, { ...visit, videographyAbsentReason: 'The phone of the unit failed at the scene.' });
    expect(reason.statusCode).toBe(201);
  });

  it('records one visit for a double submit with the same Idempotency-Key, and refuses the key for another body', async () => {
    const c = await sevenYearCase();
    const url = `/api/v1/cases/${c.id}/forensic-visits`;
    const key = randomUUID();
    const body = { ...visit, videography: recording };
    const [a, b] = await Promise.all([
      (await io()).post(url, body, { 'idempotency-key': key }),
      (await io()).post(url, body, { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain('true');
    expect(await t.db.kysely.selectFrom('forensic_scene_visit').select('id').where('fir_id', '=', c.id).execute()).toHaveLength(1);
    const other = await (await io()).post(url, { ...body, expertName: 'Someone else' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(errorOf(other).code).toBe('idempotency_key_reused');
    expect((await (await io()).post(url, body, { 'idempotency-key': 'bad key!' })).statusCode).toBe(400);
    // Without a key, each submission is a record of its own (numbered).
    expect((await (await io()).post(url, body)).json().visitNo).toBe(2);
  });

  it('is append-only in the database', async () => {
    const c = await sevenYearCase();
    await (await io()).post(`/api/v1/cases/${c.id}/forensic-visits`, { ...visit, videography: recording });
    await expect(
      t.db.kysely.updateTable('forensic_scene_visit').set({ remarks: 'edited' }).where('fir_id', '=', c.id).execute(),
    ).rejects.toThrow();
    await expect(t.db.kysely.deleteFrom('forensic_scene_visit').where('fir_id', '=', c.id).execute()).rejects.toThrow();
  });
});

describe('medical examination of a rape victim and its report (BNSS 184)', () => {
  const exam = { victimCode: 'V1', practitionerName: 'Dr. Kavita Sharma', practitionerRegNo: 'MPMC-1', hospital: 'District Hospital' };
  const rapeCase = async () => {
    const c = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '64(1)' }] } });
    await addPerson(t, c.id, 'victim', { name: 'Victim X', sex: 'female', ageYears: 25 });
    const accused = await addPerson(t, c.id, 'accused', { name: 'Accused Y' });
    return { ...c, accusedId: accused.id };
  };

  it('starts a 7-day clock from the examination, stopped in time when the report is received', async () => {
    const c = await rapeCase();
    const r = await (await io()).post(`/api/v1/cases/${c.id}/victim-medical-exams`, exam);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ examNo: 1, victimCode: 'V1', hospital: exam.hospital });
    const k = (await clockOf(c.id, 'victim_medical_report_7d'))!;
    expect(k.subject).toBe('V1');
    expect(k.dueAt).toBe(endOfIstDay(addDays(istDate(new Date(r.json().examinedAt)), 7)).toISOString());
    expect(k.status).toBe('running'); // more than seven days to the end of the seventh day
    t.clock.advance(3 * 86_400_000);
    const rep = await (await io()).post(`/api/v1/cases/${c.id}/victim-medical-exams/${r.json().id}/report`, { reportRef: 'DH/MLC/1' });
    expect(rep.statusCode).toBe(201);
    expect((await clockOf(c.id, 'victim_medical_report_7d'))!.status).toBe('met');
    const again = await (await io()).post(`/api/v1/cases/${c.id}/victim-medical-exams/${r.json().id}/report`, {});
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('medical_report_recorded');
    const list = (await (await as(t, 'sho.ps1')).get(`/api/v1/cases/${c.id}/victim-medical-exams`)).json();
    expect(list.items[0]).toMatchObject({ victimCode: 'V1', reportRef: 'DH/MLC/1' });
    expect(list).toMatchObject({ applies: true, section: 'BNS 64(1)' });
    expect(await audits(c.id, 'case.victim_medical_read')).toHaveLength(1);
    // The audit and the clock name the victim by code, never by name (BNS 72).
    const written = await audits(c.id, 'case.victim_medical_exam');
    expect(JSON.stringify(written)).not.toMatch(/Victim X/);
  });

  it('a report received after the seventh day is missed; until then the clock is overdue', async () => {
    const c = await rapeCase();
    const examinedAt = t.clock.now();
    const r = await (await io()).post(`/api/v1/cases/${c.id}/victim-medical-exams`, { ...exam, examinedAt: iso(examinedAt) });
    const due = endOfIstDay(addDays(istDate(examinedAt), 7));
    t.clock.set(new Date(due.getTime() + 60_000));
    expect((await clockOf(c.id, 'victim_medical_report_7d'))!.status).toBe('overdue');
    await (await io()).post(`/api/v1/cases/${c.id}/victim-medical-exams/${r.json().id}/report`, {});
    expect((await clockOf(c.id, 'victim_medical_report_7d'))!.status).toBe('missed');
  });

  it('takes an examination at the hospital before the FIR was written, but not one before the occurrence', async () => {
    const c = await rapeCase();
    const fir = (await (await io()).get(`/api/v1/firs/${c.id}`)).json() as { occurrence: { from: string }; registeredAt: string };
    const from = new Date(fir.occurrence.from).getTime();
    expect(from).toBeLessThan(new Date(fir.registeredAt).getTime() - 3_600_000);
    const url = `/api/v1/cases/${c.id}/victim-medical-exams`;
    const before = await (await io()).post(url, { ...exam, examinedAt: iso(new Date(from - 60_000)) });
    expect(before.statusCode).toBe(422);
    expect(errorOf(before).fields).toHaveProperty('examinedAt');
    expect(errorOf(before).messageHi).toMatch(/घटना/);
    const atHospital = await (await io()).post(url, { ...exam, examinedAt: iso(new Date(from + 60_000)) });
    expect(atHospital.statusCode, atHospital.body).toBe(201);
  });

  it('refuses a case without a rape section, a person who is not a victim, bad input and a report before the examination', async () => {
    const theft = await makeCase(t);
    await addPerson(t, theft.id, 'victim');
    const na = await (await io()).post(`/api/v1/cases/${theft.id}/victim-medical-exams`, exam);
    expect(na.statusCode).toBe(422);
    expect(errorOf(na).code).toBe('medical_exam_not_applicable');
    expect(errorOf(na).messageHi).toMatch(/184/);
    expect((await (await io()).get(`/api/v1/cases/${theft.id}/victim-medical-exams`)).json()).toMatchObject({ applies: false, items: [] });
    const c = await rapeCase();
    const url = `/api/v1/cases/${c.id}/victim-medical-exams`;
    const nobody = await (await io()).post(url, { ...exam, victimCode: undefined });
    expect(nobody.statusCode).toBe(422);
    expect(errorOf(nobody).fields).toHaveProperty('victimCode');
    const accused = await (await io()).post(url, { ...exam, victimCode: undefined, casePersonId: c.accusedId });
    expect(accused.statusCode).toBe(422);
    expect(errorOf(accused).code).toBe('not_a_victim');
    expect(errorOf(accused).fields).toHaveProperty('casePersonId');
    const notVictim = await (await io()).post(url, { ...exam, victimCode: 'V9' });
    expect(notVictim.statusCode).toBe(422);
    expect(errorOf(notVictim).fields).toHaveProperty('victimCode');
    const badCode = await (await io()).post(url, { ...exam, victimCode: 'A1' });
    expect(badCode.statusCode).toBe(400);
    expect(errorOf(badCode).fields).toHaveProperty('victimCode');
    const noDoctor = await (await io()).post(url, { ...exam, practitionerName: '' });
    expect(noDoctor.statusCode).toBe(400);
    expect(errorOf(noDoctor).fields).toHaveProperty('practitionerName');
    const future = await (await io()).post(url, { ...exam, examinedAt: iso(new Date(t.clock.now().getTime() + 86_400_000)) });
    expect(errorOf(future).fields).toHaveProperty('examinedAt');
    t.clock.advanceMinutes(60);
    const ok = await (await io()).post(url, exam);
    const before = await (
      await io()
    ).post(`${url}/${ok.json().id}/report`, { receivedAt: iso(new Date(new Date(ok.json().examinedAt).getTime() - 60_000)) });
    expect(before.statusCode).toBe(422);
    expect(errorOf(before).fields).toHaveProperty('receivedAt');
    const missing = await (await io()).post(`${url}/${randomUUID()}/report`, {});
    expect(missing.statusCode).toBe(404);
  });

  it('only the designated IO records the examination and the report: another IO 403, another station 404', async () => {
    const c = await rapeCase();
    const url = `/api/v1/cases/${c.id}/victim-medical-exams`;
    expect((await (await as(t, 'io2.ps1')).post(url, exam)).statusCode).toBe(403);
    expect((await (await as(t, 'io.ps2')).post(url, exam)).statusCode).toBe(404);
    expect((await (await as(t, 'io.ps2')).get(url)).statusCode).toBe(404);
    const ok = await (await io()).post(url, exam);
    expect((await (await as(t, 'io2.ps1')).post(`${url}/${ok.json().id}/report`, {})).statusCode).toBe(403);
    expect((await (await as(t, 'io.ps2')).post(`${url}/${ok.json().id}/report`, {})).statusCode).toBe(404);
    // An examination of another case is not found through this one.
    const other = await rapeCase();
    expect((await (await io()).post(`/api/v1/cases/${other.id}/victim-medical-exams/${ok.json().id}/report`, {})).statusCode).toBe(404);
  });

  it('a double submit with one Idempotency-Key records one examination', async () => {
    const c = await rapeCase();
    const key = randomUUID();
    const url = `/api/v1/cases/${c.id}/victim-medical-exams`;
    const a = await (await io()).post(url, exam, { 'idempotency-key': key });
    const b = await (await io()).post(url, exam, { 'idempotency-key': key });
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    expect(await t.db.kysely.selectFrom('victim_medical_exam').select('id').where('fir_id', '=', c.id).execute()).toHaveLength(1);
  });
});

describe('further investigation during the trial (BNSS 193(9))', () => {
  const order = { courtOrderRef: 'Order in S.T. 112/2026', courtName: 'Sessions Court', directions: 'Examine the second receiver.' };

  it('runs 90 days from the court’s order, moved by an extension, stopped by the completion', async () => {
    const c = await approvedCase(t);
    const url = `/api/v1/cases/${c.id}/further-investigations`;
    const today = istDate(t.clock.now());
    const r = await (await io()).post(url, order);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ orderNo: 1, orderedOn: today, courtOrderRef: order.courtOrderRef });
    let k = (await clockOf(c.id, 'further_investigation_90d'))!;
    expect(k.subject).toBe(order.courtOrderRef);
    expect(k.dueAt).toBe(endOfIstDay(addDays(today, 90)).toISOString());
    expect(k.status).toBe('running');
    // One open at a time.
    const second = await (await io()).post(url, order);
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('further_investigation_open');
    // An extension must go beyond the present due date.
    const short = await (await io()).post(`${url}/${r.json().id}/extensions`, { extendedTo: addDays(today, 90), courtOrderRef: 'Ext 1' });
    expect(short.statusCode).toBe(422);
    expect(errorOf(short).fields).toHaveProperty('extendedTo');
    const ext = await (await io()).post(`${url}/${r.json().id}/extensions`, { extendedTo: addDays(today, 120), courtOrderRef: 'Ext 1' });
    expect(ext.statusCode).toBe(201);
    k = (await clockOf(c.id, 'further_investigation_90d'))!;
    expect(k.dueAt).toBe(endOfIstDay(addDays(today, 120)).toISOString());
    t.clock.advance(100 * 86_400_000);
    expect((await clockOf(c.id, 'further_investigation_90d'))!.status).toBe('running');
    const done = await (await io()).post(`${url}/${r.json().id}/completion`, { supplementaryReportRef: 'Supplementary charge sheet 1' });
    expect(done.statusCode).toBe(201);
    k = (await clockOf(c.id, 'further_investigation_90d'))!;
    expect(k.status).toBe('met');
    expect((await (await io()).post(`${url}/${r.json().id}/completion`, { supplementaryReportRef: 'again' })).statusCode).toBe(409);
    expect(
      (await (await io()).post(`${url}/${r.json().id}/extensions`, { extendedTo: addDays(today, 400), courtOrderRef: 'x' })).statusCode,
    ).toBe(409);
    const list = (await (await as(t, 'sp.d1')).get(url)).json();
    expect(list.items[0].events.map((e: { kind: string }) => e.kind)).toEqual(['extension', 'completed']);
    // Completed: the court may permit another.
    expect((await (await io()).post(url, { courtOrderRef: 'Second order' })).json().orderNo).toBe(2);
    expect(await audits(c.id, 'case.further_investigation')).toHaveLength(2);
  });

  it('is refused while the case is still under investigation', async () => {
    const c = await makeCase(t);
    const r = await (await io()).post(`/api/v1/cases/${c.id}/further-investigations`, order);
    expect(r.statusCode).toBe(409);
    expect(errorOf(r).code).toBe('further_investigation_not_in_trial');
    expect(errorOf(r).messageHi).toMatch(/193\(9\)/);
  });

  it('only the designated IO records it; bad input is refused naming the field; a double submit records one', async () => {
    const c = await approvedCase(t);
    const url = `/api/v1/cases/${c.id}/further-investigations`;
    expect((await (await as(t, 'io2.ps1')).post(url, order)).statusCode).toBe(403);
    expect((await (await as(t, 'io.ps2')).post(url, order)).statusCode).toBe(404);
    expect((await (await as(t, 'io.ps2')).get(url)).statusCode).toBe(404);
    const noRef = await (await io()).post(url, { courtName: 'Sessions Court' });
    expect(noRef.statusCode).toBe(400);
    expect(errorOf(noRef).fields).toHaveProperty('courtOrderRef');
    const badDate = await (await io()).post(url, { ...order, orderedOn: '12/05/2026' });
    expect(badDate.statusCode).toBe(400);
    expect(errorOf(badDate).fields).toHaveProperty('orderedOn');
    const future = await (await io()).post(url, { ...order, orderedOn: addDays(istDate(t.clock.now()), 2) });
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).fields).toHaveProperty('orderedOn');
    const key = randomUUID();
    const a = await (await io()).post(url, order, { 'idempotency-key': key });
    const b = await (await io()).post(url, order, { 'idempotency-key': key });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    const o = a.json().id as string;
    expect((await (await as(t, 'io2.ps1')).post(`${url}/${o}/completion`, { supplementaryReportRef: 'x' })).statusCode).toBe(403);
    expect(
      (await (await as(t, 'io.ps2')).post(`${url}/${o}/extensions`, { extendedTo: '2030-01-01', courtOrderRef: 'x' })).statusCode,
    ).toBe(404);
    const early = await (
      await io()
    ).post(`${url}/${o}/completion`, {
      supplementaryReportRef: 'x',
      completedAt: iso(new Date(t.clock.now().getTime() - 400 * 86_400_000)),
    });
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).fields).toHaveProperty('completedAt');
  });
});

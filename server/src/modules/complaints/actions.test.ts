import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { fileComplaintAs, makeComplaintInput } from './factories.js';

/** A PDF's text in the order it was written (poppler's pdftotext), whitespace collapsed: wrapped cells read whole. */
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

let t: TestContext;
let citizen: Client;
let duty1: Client;
let sho1: Client;
let duty2: Client;
let sdpo: Client;

/** Logs everyone in again: moving the clock by days ends the sessions (idle timeout). */
async function loginAll() {
  citizen = await t.login('citizen1');
  duty1 = await t.login('duty.ps1');
  sho1 = await t.login('sho.ps1');
  duty2 = await t.login('duty.ps2');
  sdpo = await t.login('sdpo.sd1');
}

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  await loginAll();
}, 300_000);
afterAll(() => t?.close());

const db = () => t.db.kysely;
const gdOf = (complaintId: string) =>
  db().selectFrom('gd_entry').selectAll().where('ref_id', '=', complaintId).orderBy('recorded_at').orderBy('id').execute();
const auditOf = (entityId: string) =>
  db().selectFrom('audit_event').select(['action', 'actor_username', 'outcome']).where('entity_id', '=', entityId).orderBy('seq').execute();
const messagesTo = async (to: string, kind?: string) =>
  (await db().selectFrom('outbox').select(['topic', 'payload']).orderBy('created_at').execute())
    .map((r) => ({ topic: r.topic, ...(r.payload as { to: string; kind: string; text: string }) }))
    .filter((m) => m.to === to && (!kind || m.kind === kind));

const THREAT = { kind: 'threat_intimidation' };
const REGISTER = { sections: [{ act: 'BNS', section: '305' }] };

describe('filing a complaint', () => {
  it('answers at once with an acknowledgement number, sent by SMS and e-mail, and shows it under My complaints', async () => {
    const a = await fileComplaintAs(t, citizen, THREAT);
    const b = await fileComplaintAs(t, citizen, THREAT);
    expect(a.ackNumber).toMatch(/^XA\/PS01\/2026\/\d{6}$/);
    expect(Number(b.ackNumber.slice(-6))).toBe(Number(a.ackNumber.slice(-6)) + 1);
    expect(a.status).toBe('submitted');
    const sms = await messagesTo('9812345670', 'complaint_acknowledgement');
    const mail = await messagesTo('meera.joshi@mail.example', 'complaint_acknowledgement');
    expect(sms.some((m) => m.text.includes(a.ackNumber) && m.topic === 'sms')).toBe(true);
    expect(mail.some((m) => m.text.includes(a.ackNumber) && m.topic === 'email')).toBe(true);
    const mine = (await citizen.get('/api/v1/citizen/complaints')).json();
    expect(mine.items.find((i: { id: string }) => i.id === a.id)).toMatchObject({
      ackNumber: a.ackNumber,
      status: 'submitted',
      statusLabelEn: expect.any(String),
    });
    // The receipt is in the station's GD, written by the portal, and the filing is audited.
    const gd = await gdOf(a.id);
    expect(gd).toMatchObject([{ kind: 'complaint', officer_id: null, station_id: t.ids.stations.PS01 }]);
    expect(gd[0].text).toContain(a.ackNumber);
    expect((await auditOf(a.id)).map((x) => x.action)).toContain('complaint.file');
  });

  it('files one complaint for a repeated submission with the same Idempotency-Key, and refuses the key for a different one', async () => {
    const key = `test-${Date.now()}-key`;
    const a = await citizen.post('/api/v1/public/complaints', makeComplaintInput(THREAT), { 'idempotency-key': key });
    const b = await citizen.post('/api/v1/public/complaints', makeComplaintInput(THREAT), { 'idempotency-key': key });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const other = await citizen.post('/api/v1/public/complaints', makeComplaintInput({ kind: 'hurt_assault' }), { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(errorOf(other).code).toBe('idempotency_key_reused');
    const bad = await citizen.post('/api/v1/public/complaints', makeComplaintInput(THREAT), { 'idempotency-key': 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a malformed body with 400 naming the fields', async () => {
    const r = await citizen.post('/api/v1/public/complaints', { kind: 'no_such_kind', description: 'short' });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(expect.arrayContaining(['kind', 'description', 'occurrence', 'complainant']));
    expect(errorOf(r).messageHi).toBeTruthy();
  });

  it('refuses an occurrence in the future, or "to" before "from", with 422', async () => {
    const future = await citizen.post(
      '/api/v1/public/complaints',
      makeComplaintInput({ occurrence: { from: '2026-01-16T10:00:00+05:30', place: 'Sarafa Bazaar' } }),
    );
    expect(future.statusCode).toBe(422);
    expect(errorOf(future)).toMatchObject({ code: 'occurrence_time_invalid', fields: { 'occurrence.from': 'is in the future' } });
    const backwards = await citizen.post(
      '/api/v1/public/complaints',
      makeComplaintInput({ occurrence: { from: '2026-01-10T18:00:00+05:30', to: '2026-01-10T17:00:00+05:30', place: 'Sarafa Bazaar' } }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(errorOf(backwards).fields).toHaveProperty(['occurrence.to']);
  });

  it('refuses an unknown station with 422, and police and anonymous callers cannot file', async () => {
    const r = await citizen.post('/api/v1/public/complaints', makeComplaintInput({ stationCode: 'PS99' }));
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).fields).toHaveProperty('stationCode');
    expect((await duty1.post('/api/v1/public/complaints', makeComplaintInput())).statusCode).toBe(403);
    expect((await t.anon().post('/api/v1/public/complaints', makeComplaintInput())).statusCode).toBe(401);
  });
});

describe('the complaint inbox', () => {
  it('lists the station’s complaints oldest first, and not another station’s', async () => {
    const first = await fileComplaintAs(t, citizen, THREAT);
    t.clock.advanceMinutes(5);
    const second = await fileComplaintAs(t, citizen, THREAT);
    t.clock.advanceMinutes(5);
    const elsewhere = await fileComplaintAs(t, citizen, { ...THREAT, stationCode: 'PS02' });
    const inbox = (await duty1.get('/api/v1/complaints?pageSize=200')).json();
    const ids = inbox.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).not.toContain(elsewhere.id);
    const times = inbox.items.map((i: { submittedAt: string }) => i.submittedAt);
    expect([...times].sort()).toEqual(times);
    expect((await duty2.get('/api/v1/complaints?pageSize=200')).json().items.map((i: { id: string }) => i.id)).toContain(elsewhere.id);
    // The SDPO of the sub-division sees both PS01 and PS02 (SD1).
    const sd = (await sdpo.get('/api/v1/complaints?pageSize=200')).json().items.map((i: { id: string }) => i.id);
    expect(sd).toEqual(expect.arrayContaining([first.id, elsewhere.id]));
  });

  it('answers another station’s complaint with 404, for reading and for every action', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    expect((await duty2.get(`/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    for (const [path, body] of [
      ['register-fir', REGISTER],
      ['ncr', { sections: [{ act: 'BNS', section: '351(2)' }] }],
      ['close', { reason: 'Not our case at all, closing.' }],
      ['transfer', { toStationCode: 'PS03', reason: 'Elsewhere' }],
    ] as const) {
      const r = await duty2.post(`/api/v1/complaints/${c.id}/${path}`, body);
      expect(r.statusCode, path).toBe(404);
    }
    expect((await duty1.get(`/api/v1/complaints/${c.id}`)).json().status).toBe('submitted');
  });
});

describe('registering an FIR from a complaint', () => {
  it('registers through the FIR module in one transaction, citing the receipt’s GD entry, and tells the citizen the copy is ready', async () => {
    const c = await fileComplaintAs(t, citizen, { ...THREAT, suspects: [{ name: 'Bhola Nath', description: 'The neighbour' }] });
    const before = (await duty1.get(`/api/v1/complaints/${c.id}`)).json();
    expect(before.actions).toEqual(expect.arrayContaining(['register_fir', 'record_ncr', 'open_enquiry', 'transfer', 'close']));
    const r = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { ...REGISTER, version: before.version });
    expect(r.statusCode, r.body).toBe(201);
    const { fir, complaint } = r.json();
    expect(fir.firNumber).toMatch(/^\d{4}\/2026$/);
    expect(fir.informationType).toBe('electronic');
    expect(fir.complainant).toMatchObject({ name: 'Meera Joshi', phone: '9812345670' });
    expect(fir.accused).toEqual([expect.objectContaining({ known: true, name: 'Bhola Nath' })]);
    expect(complaint).toMatchObject({ status: 'fir_registered', fir: { id: fir.id, firNumber: fir.firNumber } });
    const gd = await gdOf(c.id);
    expect(fir.gdEntry.id).toBe(gd[0].id);
    const firGd = await db().selectFrom('gd_entry').selectAll().where('ref_id', '=', fir.id).execute();
    expect(firGd.map((g) => g.kind)).toContain('fir_registered');
    expect((await auditOf(c.id)).map((x) => x.action)).toContain('complaint.fir_registered');
    expect((await auditOf(fir.id)).map((x) => x.action)).toContain('fir.register');
    const stages = await db().selectFrom('case_stage_event').selectAll().where('fir_id', '=', fir.id).execute();
    expect(stages).toMatchObject([{ stage: 'registered', notified: true }]);
    expect((await messagesTo('9812345670', 'fir_registered')).some((m) => m.text.includes(fir.firNumber))).toBe(true);
    const mine = (await citizen.get(`/api/v1/citizen/complaints/${c.id}`)).json();
    expect(mine).toMatchObject({ status: 'fir_registered', fir: { firNumber: fir.firNumber } });
    expect(mine.history.at(-1).note).toContain(fir.firNumber);
  });

  it('refuses a second registration (409) and a stale version (412)', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const stale = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { ...REGISTER, version: 99 });
    expect(stale.statusCode).toBe(412);
    expect((await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER)).statusCode).toBe(201);
    const again = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('complaint_action_not_allowed');
  });

  it('refuses a section that does not exist with 422 and leaves the complaint in the inbox', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '999' }] });
    expect(r.statusCode).toBe(422);
    expect((await duty1.get(`/api/v1/complaints/${c.id}`)).json().status).toBe('submitted');
    expect(await db().selectFrom('fir').select('id').where('narrative', '=', 'x').execute()).toEqual([]);
  });

  it('is refused to an IO and an SDPO (403): only the duty officer or the SHO acts', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    expect((await (await t.login('io.ps1')).post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER)).statusCode).toBe(403);
    expect((await sdpo.post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER)).statusCode).toBe(403);
    expect((await sho1.post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER)).statusCode).toBe(201);
  });
});

describe('non-cognizable report (BNSS 174)', () => {
  it('refuses a cognizable section (an FIR is mandatory) with 422', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/ncr`, { sections: [{ act: 'BNS', section: '318(4)' }] });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r)).toMatchObject({ code: 'ncr_cognizable_offence', fields: { 'sections.0': expect.stringContaining('cognizable') } });
  });

  it('records an NCR with its number, a GD entry and the audit row, and refers the citizen to the Magistrate', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/ncr`, {
      sections: [{ act: 'BNS', section: '351(2)' }],
      referredTo: 'JMFC, Vindhyanagar',
    });
    expect(r.statusCode, r.body).toBe(201);
    const { ncr, complaint } = r.json();
    expect(ncr.ncrNumber).toMatch(/^\d{4}\/2026$/);
    expect(complaint).toMatchObject({ status: 'ncr_recorded', ncr: { ncrNumber: ncr.ncrNumber } });
    const gd = await db().selectFrom('gd_entry').selectAll().where('ref_id', '=', ncr.ncrId).execute();
    expect(gd).toMatchObject([{ kind: 'ncr', station_id: t.ids.stations.PS01 }]);
    expect((await auditOf(c.id)).map((x) => x.action)).toContain('complaint.ncr_recorded');
    expect(
      (await messagesTo('meera.joshi@mail.example', 'complaint_update')).some(
        (m) => m.text.includes('JMFC, Vindhyanagar') && m.text.includes('BNSS 174'),
      ),
    ).toBe(true);
    const reg = (await duty1.get('/api/v1/complaints/ncr-register?from=2026-01-01&to=2026-01-31')).json();
    expect(reg.items.map((i: { ncrNumber: string }) => i.ncrNumber)).toContain(ncr.ncrNumber);
    const reads = await db().selectFrom('audit_event').select('details').where('action', '=', 'complaint.ncr_register_read').execute();
    expect(reads.length).toBeGreaterThan(0);
  });

  it('prints the station’s NCR register for the Magistrate (BNSS 174(1)), for its own station only', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const { ncr } = (
      await duty1.post(`/api/v1/complaints/${c.id}/ncr`, {
        sections: [{ act: 'BNS', section: '351(2)' }],
        referredTo: 'JMFC, Vindhyanagar',
      })
    ).json();
    const pdf = await duty1.get('/api/v1/complaints/ncr-register.pdf?from=2026-01-01&to=2026-01-15');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('NCR-register-PS01-2026-01-01-to-2026-01-15.pdf');
    const printed = await db()
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'actor_username'])
      .where('action', '=', 'complaint.ncr_register_printed')
      .execute();
    expect(printed).toContainEqual({
      action: 'complaint.ncr_register_printed',
      entity_id: t.ids.stations.PS01,
      actor_username: 'duty.ps1',
    });
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(ncr.ncrNumber);
    expect(text).toContain('BNS 351(2)');
    expect(text).toContain('JMFC, Vindhyanagar');
    // Another station's register is not PS01's to print; a bad range names the field.
    const other = await duty1.get(`/api/v1/complaints/ncr-register.pdf?from=2026-01-01&to=2026-01-15&stationId=${t.ids.stations.PS02}`);
    expect(other.statusCode).toBe(404);
    const bad = await duty1.get('/api/v1/complaints/ncr-register.pdf?from=2026-01-20&to=2026-01-01');
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields).toHaveProperty('to');
    expect((await duty1.get('/api/v1/complaints/ncr-register.pdf?from=2026-13-01&to=2026-01-15')).statusCode).toBe(400);
  });
});

describe('transfer to another station', () => {
  it('moves the complaint to the other station’s inbox, with transfer-out and transfer-in GD entries', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/transfer`, {
      toStationCode: 'PS02',
      reason: 'The place lies in PS Civil Lines limits.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await duty1.get(`/api/v1/complaints/${c.id}`)).statusCode).toBe(404);
    const there = (await duty2.get(`/api/v1/complaints/${c.id}`)).json();
    expect(there).toMatchObject({ status: 'submitted', station: { code: 'PS02' }, ackNumber: c.ackNumber });
    // The transfer's two entries carry the same instant: compared without their order.
    const gd = await gdOf(c.id);
    expect(gd.map((g) => [g.kind, g.station_id]).sort()).toEqual([
      ['complaint', t.ids.stations.PS01],
      ['transfer_in', t.ids.stations.PS02],
      ['transfer_out', t.ids.stations.PS01],
    ]);
    // Registered at PS02, the FIR cites PS02's transfer-in entry.
    const reg = await duty2.post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER);
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json().fir.gdEntry.id).toBe(gd.find((g) => g.kind === 'transfer_in')!.id);
    expect(reg.json().fir.stationCode).toBe('PS02');
  });

  it('refuses a transfer to the same station (422)', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/transfer`, { toStationCode: 'PS01', reason: 'Same place' });
    expect(r.statusCode).toBe(422);
  });
});

describe('closing a complaint', () => {
  it('needs a reason, which the citizen sees, with the GD entry and the audit row', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    expect((await duty1.post(`/api/v1/complaints/${c.id}/close`, {})).statusCode).toBe(400);
    const reason = 'The dispute is a civil matter about a boundary wall; no offence is disclosed.';
    const r = await sho1.post(`/api/v1/complaints/${c.id}/close`, { reason });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'closed', closedReason: reason, actions: [] });
    const mine = (await citizen.get(`/api/v1/citizen/complaints/${c.id}`)).json();
    expect(mine).toMatchObject({ status: 'closed', closedReason: reason });
    expect(mine.history.at(-1).note).toContain(reason);
    expect(mine.history.at(-1).note).toContain('BNSS 173(4)');
    expect((await gdOf(c.id)).map((g) => g.kind)).toEqual(['complaint', 'complaint']);
    expect((await auditOf(c.id)).filter((a) => a.action === 'complaint.closed')).toMatchObject([{ actor_username: 'sho.ps1' }]);
    expect((await messagesTo('9812345670', 'complaint_update')).some((m) => m.text.includes(reason))).toBe(true);
    // Closed is final.
    expect((await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, REGISTER)).statusCode).toBe(409);
  });
});

describe('preliminary enquiry (BNSS 173(3))', () => {
  it('is refused for an offence punishable with 7 years (BNS 318(4)) and one under 3 years (BNS 351(2))', async () => {
    const c = await fileComplaintAs(t, citizen, { kind: 'cheating_fraud' });
    for (const section of ['318(4)', '351(2)']) {
      const r = await duty1.post(`/api/v1/complaints/${c.id}/enquiry`, {
        sections: [{ act: 'BNS', section }],
        reason: 'Enquiry into the facts first.',
      });
      expect(r.statusCode, section).toBe(422);
      expect(errorOf(r).code).toBe('enquiry_not_allowed');
    }
  });

  it('waits for the SDPO’s permission; once permitted, a 14-day clock runs and shows on the dashboard', async () => {
    const c = await fileComplaintAs(t, citizen, { kind: 'cheating_fraud' });
    const opened = await duty1.post(`/api/v1/complaints/${c.id}/enquiry`, {
      sections: [{ act: 'BNS', section: '318(2)' }],
      reason: 'A money dispute; enquire first.',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'preliminary_enquiry', enquiry: { state: 'awaiting_approval' } });
    // Not closable before permission; the duty officer cannot permit it.
    expect(opened.json().actions).not.toContain('close');
    expect((await duty1.post(`/api/v1/complaints/${c.id}/close`, { reason: 'No case made out at all.' })).statusCode).toBe(409);
    expect((await duty1.post(`/api/v1/complaints/${c.id}/enquiry/decision`, { approve: true, remarks: 'Permitted.' })).statusCode).toBe(
      403,
    );
    expect(
      (await (await t.login('sp.d2')).post(`/api/v1/complaints/${c.id}/enquiry/decision`, { approve: true, remarks: 'Permitted.' }))
        .statusCode,
    ).toBe(404);
    const dash0 = (await duty1.get('/api/v1/dashboard')).json().counts;
    expect(dash0.enquiriesAwaitingApproval).toBeGreaterThanOrEqual(1);

    const decided = await sdpo.post(`/api/v1/complaints/${c.id}/enquiry/decision`, {
      approve: true,
      remarks: 'Permitted under BNSS 173(3).',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const e = decided.json().enquiry;
    expect(e.state).toBe('approved');
    expect(new Date(e.dueAt).getTime() - new Date(e.decidedAt).getTime()).toBe(14 * 86_400_000);
    const gd = await gdOf(c.id);
    expect(gd.at(-1)).toMatchObject({ kind: 'complaint', officer_name: 'Gurpreet Sandhu', station_id: t.ids.stations.PS01 });
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['complaint.enquiry_proposed', 'complaint.enquiry_approved']),
    );

    const overdueBefore = (await duty1.get('/api/v1/dashboard')).json().counts.enquiriesOverdue;
    t.clock.advance(13 * 86_400_000);
    await loginAll();
    const day13 = (await duty1.get(`/api/v1/complaints/${c.id}`)).json().enquiry;
    expect(day13).toMatchObject({ overdue: false, daysLeft: 1 });
    t.clock.advance(86_400_000);
    await loginAll();
    const day14 = (await duty1.get(`/api/v1/complaints/${c.id}`)).json().enquiry;
    expect(day14.overdue).toBe(true);
    expect((await duty1.get('/api/v1/dashboard')).json().counts.enquiriesOverdue).toBe(overdueBefore + 1);

    // After the enquiry: no prima facie case, closed with a reason.
    const closed = await duty1.post(`/api/v1/complaints/${c.id}/close`, {
      reason: 'The enquiry found a civil loan dispute; no cheating is made out.',
    });
    expect(closed.statusCode).toBe(200);
  });

  it('returns to the inbox when the SDPO refuses', async () => {
    const c = await fileComplaintAs(t, citizen, { kind: 'cheating_fraud' });
    await duty1.post(`/api/v1/complaints/${c.id}/enquiry`, {
      sections: [{ act: 'BNS', section: '318(2)' }],
      reason: 'A money dispute; enquire first.',
    });
    const r = await sdpo.post(`/api/v1/complaints/${c.id}/enquiry/decision`, {
      approve: false,
      remarks: 'The facts disclose cheating; register the FIR.',
    });
    expect(r.json()).toMatchObject({ status: 'submitted', enquiry: { state: 'refused' } });
    expect(
      (await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '318(4)' }] })).statusCode,
    ).toBe(201);
  });
});

describe('e-FIR (BNSS 173(1)(ii))', () => {
  it('is an e-FIR for a kind the state allows online, and cannot be registered before the informant signs', async () => {
    const c = await fileComplaintAs(t, citizen, { kind: 'mobile_theft' });
    expect(c.efir).toBe(true);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '303(2)' }] });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r)).toMatchObject({ code: 'efir_not_signed', fields: { informantSigned: expect.any(String) } });
    const signed = await duty1.post(`/api/v1/complaints/${c.id}/sign`, {});
    expect(signed.statusCode).toBe(200);
    expect(signed.json().efirClock.signedAt).toBeTruthy();
    expect(signed.json().actions).not.toContain('sign');
    expect(
      (await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '303(2)' }] })).statusCode,
    ).toBe(201);
  });

  it('flags an unsigned e-FIR to the station once its 3 days have run (by the injected clock)', async () => {
    const start = t.clock.now();
    const c = await fileComplaintAs(t, citizen, {
      kind: 'vehicle_theft',
      occurrence: { from: new Date(start.getTime() - 3600_000).toISOString(), place: 'Sarafa Bazaar' },
    });
    const counts = async () => (await duty1.get('/api/v1/dashboard')).json().counts;
    const item = async () =>
      (await duty1.get('/api/v1/complaints?efir=true&pageSize=200')).json().items.find((i: { id: string }) => i.id === c.id);
    const base = await counts();
    expect((await item()).efirClock).toMatchObject({ overdue: false, hoursLeft: 72 });
    t.clock.advance(72 * 3600_000 - 60_000);
    await loginAll();
    expect((await item()).efirClock.overdue).toBe(false);
    expect((await counts()).efirsSignatureOverdue).toBe(base.efirsSignatureOverdue);
    t.clock.advance(60_000);
    expect((await item()).efirClock.overdue).toBe(true);
    expect((await counts()).efirsSignatureOverdue).toBe(base.efirsSignatureOverdue + 1);
    // Signed late: recorded as late in the GD.
    expect((await duty1.post(`/api/v1/complaints/${c.id}/sign`, {})).statusCode).toBe(200);
    expect((await gdOf(c.id)).at(-1)!.text).toMatch(/after the 3 days/);
    expect((await counts()).efirsSignatureOverdue).toBe(base.efirsSignatureOverdue);
  });

  it('is a plain complaint when the state does not allow the kind online (EFIR_KINDS)', async () => {
    const c = await fileComplaintAs(t, citizen, THREAT);
    expect(c.efir).toBe(false);
    const kinds = (await t.anon().get('/api/v1/public/complaint-kinds')).json().items;
    expect(kinds.filter((k: { efir: boolean }) => k.efir).map((k: { kind: string }) => k.kind)).toEqual([
      'vehicle_theft',
      'mobile_theft',
      'property_theft',
    ]);
  });
});

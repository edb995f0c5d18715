import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { addPerson, as, makeCase, PNG_1X1 } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      SESSION_IDLE_MINUTES: '1000000',
      SESSION_ABSOLUTE_HOURS: '100000',
      UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'cctns-inv-')),
    },
  });
}, 180_000);
afterAll(() => t.close());

const io = () => as(t, 'io.ps1');
const iso = (d: Date) => d.toISOString();

describe('case diary (BNSS 192)', () => {
  it('numbers entries per case, keeps start and close times, and corrects by a new entry', async () => {
    const c = await makeCase(t);
    const now = t.clock.now();
    const a = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/diary`, {
      startedAt: iso(now),
      closedAt: iso(now),
      placesVisited: ['Sarafa Bazaar'],
      circumstances: 'Visited the scene.',
    });
    expect(a.statusCode).toBe(201);
    expect(a.json().entryNo).toBe(1);
    const b = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/diary`, { circumstances: 'Corrected: the scene is house no. 41.', correctsId: a.json().id });
    expect(b.json().entryNo).toBe(2);
    expect(b.json().correctsId).toBe(a.json().id);
    const list = (await (await as(t, 'sho.ps1')).get(`/api/v1/cases/${c.id}/diary`)).json() as { items: { entryNo: number }[] };
    expect(list.items.map((x) => x.entryNo)).toEqual([1, 2]);
    // Another case's diary numbers start again at 1.
    const c2 = await makeCase(t);
    expect((await (await io()).post(`/api/v1/cases/${c2.id}/diary`, { circumstances: 'First.' })).json().entryNo).toBe(1);
  });

  it('refuses an entry before the FIR, in the future, or closing before it started', async () => {
    const c = await makeCase(t);
    const now = t.clock.now();
    const before = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/diary`, {
      startedAt: iso(new Date(now.getTime() - 3600_000)),
      closedAt: iso(now),
      circumstances: 'Visited the scene.',
    });
    expect(before.statusCode).toBe(422);
    expect(errorOf(before).code).toBe('before_fir_registration');
    expect(errorOf(before).fields).toHaveProperty('startedAt');
    const future = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/diary`, { closedAt: iso(new Date(now.getTime() + 86_400_000)), circumstances: 'Visited the scene.' });
    expect(errorOf(future).code).toBe('time_in_future');
    t.clock.advanceMinutes(60);
    const later = t.clock.now();
    const reversed = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/diary`, { startedAt: iso(later), closedAt: iso(now), circumstances: 'Visited the scene.' });
    expect(reversed.statusCode).toBe(422);
    expect(errorOf(reversed).code).toBe('time_out_of_order');
  });

  it('refuses a correction of another case’s entry', async () => {
    const c1 = await makeCase(t);
    const c2 = await makeCase(t);
    const e = (await (await io()).post(`/api/v1/cases/${c1.id}/diary`, { circumstances: 'x y z' })).json() as { id: string };
    const r = await (await io()).post(`/api/v1/cases/${c2.id}/diary`, { circumstances: 'correction', correctsId: e.id });
    expect(r.statusCode).toBe(422);
  });
});

describe('persons in the case', () => {
  it('codes accused A1, A2 … and witnesses W1 … per case, linking the person index', async () => {
    const c = await makeCase(t);
    const a1 = await addPerson(t, c.id, 'accused', { name: 'Raju alias Kalu' });
    const w1 = await addPerson(t, c.id, 'witness', { name: 'Mukesh Soni' });
    const a2 = await addPerson(t, c.id, 'accused', { name: 'Sonu' });
    const a3 = await addPerson(t, c.id, 'accused', { name: 'Pintu' });
    expect([a1.code, w1.code, a2.code, a3.code]).toEqual(['A1', 'W1', 'A2', 'A3']);
    const p = await t.db.kysely.selectFrom('person').selectAll().where('name', '=', 'Raju alias Kalu').executeTakeFirstOrThrow();
    expect(p.created_station_id).toBe(t.ids.stations.PS01);
    // The same person in another case as accused again: a link, not a new person.
    const c2 = await makeCase(t);
    const again = await (await io()).post(`/api/v1/cases/${c2.id}/persons`, { role: 'accused', personId: p.id });
    expect(again.statusCode).toBe(201);
    expect(again.json().code).toBe('A1');
    const dup = await (await io()).post(`/api/v1/cases/${c2.id}/persons`, { role: 'accused', personId: p.id });
    expect(dup.statusCode).toBe(409);
    expect(await t.db.kysely.selectFrom('person').select('id').where('name', '=', 'Raju alias Kalu').execute()).toHaveLength(1);
  });

  it('marks a person under 18 on the offence date as juvenile', async () => {
    const c = await makeCase(t);
    const j = await addPerson(t, c.id, 'accused', { name: 'Minor boy', ageYears: 16 });
    expect((j as unknown as { juvenile: boolean }).juvenile).toBe(true);
    const r = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused' });
    expect(r.statusCode).toBe(400);
  });
});

describe('statements (BNSS 180)', () => {
  it('records a statement of a person of the case, not before the FIR', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'witness');
    const r = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/statements`, { personCode: 'W1', place: 'Bazaar', language: 'hi', text: 'मैंने देखा।' });
    expect(r.statusCode).toBe(201);
    expect(r.json().statementNo).toBe(1);
    const early = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/statements`, {
      personCode: 'W1',
      place: 'Bazaar',
      language: 'en',
      text: 'I saw it.',
      recordedAt: iso(new Date(t.clock.now().getTime() - 86_400_000)),
    });
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).code).toBe('before_fir_registration');
    const nobody = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/statements`, { personCode: 'W9', place: 'Bazaar', language: 'en', text: 'I saw it.' });
    expect(nobody.statusCode).toBe(422);
  });

  it('requires a woman officer for a woman victim of the offences BNSS 180(3) lists', async () => {
    const c = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '74' }] } });
    await addPerson(t, c.id, 'victim', { name: 'Victim', sex: 'female' });
    const body = { personCode: 'V1', place: 'Her home', language: 'hi', text: 'मेरे साथ छेड़छाड़ की गई।' };
    const r = await (await io()).post(`/api/v1/cases/${c.id}/statements`, body);
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('woman_officer_required');
    expect(errorOf(r).messageHi).toMatch(/महिला अधिकारी/);
    const ok = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/statements`, { ...body, recordedByWomanOfficer: true, recordingOfficerName: 'SI Sunita Verma' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().womanOfficerRequired).toBe(true);
    // Not for a male witness of the same case.
    await addPerson(t, c.id, 'witness', { sex: 'male' });
    expect((await (await io()).post(`/api/v1/cases/${c.id}/statements`, { ...body, personCode: 'W1' })).statusCode).toBe(201);
  });
});

describe('crime details (IIF-2)', () => {
  it('saves with versions; a stale save gets 412 and a save without a version 428', async () => {
    const c = await makeCase(t);
    const first = await (
      await io()
    ).put(`/api/v1/cases/${c.id}/crime-details`, { majorHeadCode: '26', minorHeadCode: '26.1', moCodes: ['MO-THF-02'], motive: 'Gain' });
    expect(first.statusCode).toBe(200);
    expect(first.json().crimeDetails.version).toBe(1);
    const second = await (await io()).put(`/api/v1/cases/${c.id}/crime-details`, { version: 1, majorHeadCode: '26', placeType: 'road' });
    expect(second.json().crimeDetails.version).toBe(2);
    const stale = await (await io()).put(`/api/v1/cases/${c.id}/crime-details`, { version: 1, majorHeadCode: '27' });
    expect(stale.statusCode).toBe(412);
    expect(errorOf(stale).code).toBe('stale_version');
    expect((await (await io()).put(`/api/v1/cases/${c.id}/crime-details`, { majorHeadCode: '27' })).statusCode).toBe(428);
    const got = (await (await io()).get(`/api/v1/cases/${c.id}/crime-details`)).json() as {
      crimeDetails: { majorHeadCode: string; placeType: string };
      revisions: unknown[];
    };
    expect(got.crimeDetails.placeType).toBe('road');
    expect(got.revisions).toHaveLength(2);
  });

  it('checks crime heads and modus operandi against the master data', async () => {
    const c = await makeCase(t);
    const r = await (await io()).put(`/api/v1/cases/${c.id}/crime-details`, { majorHeadCode: '999', moCodes: ['MO-NOPE'] });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).fields).toHaveProperty('majorHeadCode');
    expect(errorOf(r).fields).toHaveProperty(['moCodes.0']);
    const minor = await (await io()).put(`/api/v1/cases/${c.id}/crime-details`, { majorHeadCode: '27', minorHeadCode: '26.1' });
    expect(errorOf(minor).fields).toHaveProperty('minorHeadCode');
  });
});

describe('notice of appearance (BNSS 35(3))', () => {
  it('is given to an accused not arrested, only for offences up to seven years', async () => {
    const c = await makeCase(t); // BNS 303(2): up to 5 years
    await addPerson(t, c.id, 'accused');
    await addPerson(t, c.id, 'witness');
    const body = { personCode: 'A1', appearAt: '2030-01-10T11:00:00+05:30', appearPlace: 'PS Kotwali', servedHow: 'In person' };
    const r = await (await io()).post(`/api/v1/cases/${c.id}/appearance-notices`, body);
    expect(r.statusCode).toBe(201);
    expect(r.json().basis).toMatch(/BNSS 35/);
    expect((await (await io()).post(`/api/v1/cases/${c.id}/appearance-notices`, { ...body, personCode: 'W1' })).statusCode).toBe(422);

    const grave = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '109(1)' }] } });
    await addPerson(t, grave.id, 'accused');
    const no = await (await io()).post(`/api/v1/cases/${grave.id}/appearance-notices`, body);
    expect(no.statusCode).toBe(422);
    expect(errorOf(no).code).toBe('notice_not_applicable');
  });
});

describe('progress notice to the informant (BNSS 193(3)(ii))', () => {
  it('goes by SMS through the outbox in the same transaction and stops the 90-day clock', async () => {
    const c = await makeCase(t);
    const before = (await (await io()).get(`/api/v1/cases/${c.id}`)).json() as {
      clocks: { kind: string; status: string; stoppedAt: string | null }[];
    };
    const clock = before.clocks.find((k) => k.kind === 'progress_notice_90d')!;
    expect(clock.stoppedAt).toBeNull();
    expect(clock.status).toBe('running');
    const r = await (await io()).post(`/api/v1/cases/${c.id}/progress-notices`, { recipient: 'informant' });
    expect(r.statusCode).toBe(201);
    expect(r.json().channels).toEqual(['sms']);
    const out = await t.db.kysely
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('id', 'in', r.json().outboxIds as string[])
      .execute();
    expect(out).toHaveLength(1);
    expect((out[0].payload as { to: string; text: string }).to).toBe('9826012345');
    expect((out[0].payload as { text: string }).text).toMatch(c.firNumber);
    const after = (await (await io()).get(`/api/v1/cases/${c.id}`)).json() as { clocks: { kind: string; status: string }[] };
    expect(after.clocks.find((k) => k.kind === 'progress_notice_90d')!.status).toBe('met');
  });

  it('without a phone or e-mail the notice is recorded as delivered in person', async () => {
    const c = await makeCase(t, {
      fir: { complainant: { name: 'Ravi Kumar Sharma', sex: 'male', nationality: 'Indian', isVictim: true } },
    });
    const r = await (await io()).post(`/api/v1/cases/${c.id}/progress-notices`, { recipient: 'informant' });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('recipient_unreachable');
    const ok = await (await io()).post(`/api/v1/cases/${c.id}/progress-notices`, { recipient: 'informant', deliveredBy: 'in_person' });
    expect(ok.json().channels).toEqual(['in_person']);
  });
});

describe('documents', () => {
  it('stores a file with its SHA-256, its type read from the bytes, and serves it back as an attachment', async () => {
    const c = await makeCase(t);
    const r = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/documents`, {
      kind: 'sketch',
      title: 'Sketch',
      fileName: '../../etc/passwd.png',
      contentBase64: PNG_1X1,
    });
    expect(r.statusCode).toBe(201);
    const sha = createHash('sha256').update(Buffer.from(PNG_1X1, 'base64')).digest('hex');
    expect(r.json().sha256).toBe(sha);
    expect(r.json().contentType).toBe('image/png');
    expect(r.json().fileName).toBe('passwd.png');
    expect(r.json()).not.toHaveProperty('storageKey');
    const d = await (await as(t, 'sp.d1')).get(`/api/v1/cases/${c.id}/documents/${r.json().id}/content`);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toBe('image/png');
    expect(String(d.headers['content-disposition'])).toMatch(/^attachment/);
    expect(createHash('sha256').update(d.rawPayload).digest('hex')).toBe(sha);
    expect((await (await as(t, 'io.ps2')).get(`/api/v1/cases/${c.id}/documents/${r.json().id}/content`)).statusCode).toBe(404);
  });

  it('refuses a file whose bytes are not an accepted type, whatever its name says', async () => {
    const c = await makeCase(t);
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const r = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/documents`, { kind: 'photo', title: 'x', fileName: 'photo.jpg', contentBase64: html });
    expect(r.statusCode).toBe(415);
    expect(errorOf(r).code).toBe('file_type_not_allowed');
    const big = Buffer.alloc(11 * 1024 * 1024, 1).toString('base64');
    const tooBig = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/documents`, { kind: 'photo', title: 'x', fileName: 'a.png', contentBase64: big });
    expect(tooBig.statusCode).toBe(413);
  });
});

describe('forensic requests', () => {
  it('records a request and its report, never a report before the request', async () => {
    const c = await makeCase(t);
    const req = await (await io()).post(`/api/v1/cases/${c.id}/forensic-requests`, { lab: 'SFSL Sagar', what: 'Finger prints' });
    expect(req.statusCode).toBe(201);
    const early = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/forensic-requests/${req.json().id}/reports`, {
      summary: 'Match',
      receivedAt: iso(new Date(t.clock.now().getTime() - 60_000)),
    });
    expect(early.statusCode).toBe(422);
    t.clock.advanceMinutes(10);
    const rep = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/forensic-requests/${req.json().id}/reports`, { summary: 'The prints match A1.' });
    expect(rep.statusCode).toBe(201);
    const bad = await (await io()).post(`/api/v1/cases/${c.id}/forensic-requests`, { lab: 'SFSL', what: 'x', itemNos: [99] });
    expect(bad.statusCode).toBe(422);
  });
});

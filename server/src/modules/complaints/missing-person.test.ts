import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { fileComplaintAs, makeComplaintInput } from './factories.js';
import { MISSING_CHILD_EXAMPLE } from './schemas.js';

/**
 * A complaint of a missing person carries who is missing; a missing child's complaint is
 * registered as an FIR (Bachpan Bachao Andolan v. Union of India, 2013), never closed, NCR'd or
 * held in an enquiry; and the FIR enters the person in the missing-persons register, where the
 * matching against unidentified persons and bodies sees them.
 */
let t: TestContext;
let citizen: Client;
let duty1: Client;

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  citizen = await t.login('citizen1');
  duty1 = await t.login('duty.ps1');
}, 300_000);
afterAll(() => t?.close());

const db = () => t.db.kysely;
const CHILD = MISSING_CHILD_EXAMPLE;
const ADULT = {
  ...CHILD,
  description: 'My husband Suresh left for the mandi on 9 January and has not come back; his phone is switched off.',
  missingPerson: {
    name: 'Suresh Verma',
    sex: 'male',
    dateOfBirth: '1980-03-02',
    clothing: 'Grey shirt, white dhoti',
    marks: [],
    lastSeenAt: '2026-01-09T09:00:00+05:30',
    lastSeenPlace: 'Krishi Upaj Mandi gate',
    relation: 'husband',
  },
};
const CLOSE = { reason: 'Traced: the person returned home on the same evening.' };

describe('a complaint of a missing person', () => {
  it('refuses a missing-person complaint without the person’s details, or without a required detail, with a bilingual 400 naming the field', async () => {
    const none = await citizen.post('/api/v1/public/complaints', makeComplaintInput({ ...CHILD, missingPerson: undefined }));
    expect(none.statusCode).toBe(400);
    expect(errorOf(none)).toMatchObject({ code: 'invalid_input', fields: { missingPerson: expect.stringContaining('missing person') } });
    expect(errorOf(none).messageHi).toContain('missingPerson');

    const noAge = await citizen.post(
      '/api/v1/public/complaints',
      makeComplaintInput({ ...CHILD, missingPerson: { ...CHILD.missingPerson, ageYears: undefined } }),
    );
    expect(noAge.statusCode).toBe(400);
    expect(errorOf(noAge).fields).toHaveProperty(['missingPerson.ageYears']);

    for (const field of ['name', 'sex', 'clothing', 'lastSeenAt', 'lastSeenPlace'] as const) {
      const r = await citizen.post(
        '/api/v1/public/complaints',
        makeComplaintInput({ ...CHILD, missingPerson: { ...CHILD.missingPerson, [field]: undefined } }),
      );
      expect(r.statusCode, field).toBe(400);
      expect(Object.keys(errorOf(r).fields ?? {}), field).toContain(`missingPerson.${field}`);
      expect(errorOf(r).messageHi, field).toBeTruthy();
    }
    // The details belong to a missing-person complaint only.
    const stray = await citizen.post('/api/v1/public/complaints', makeComplaintInput({ missingPerson: CHILD.missingPerson }));
    expect(stray.statusCode).toBe(400);
    expect(errorOf(stray).fields).toHaveProperty('missingPerson');
    // Last seen in the future: 422 at the field.
    const future = await citizen.post(
      '/api/v1/public/complaints',
      makeComplaintInput({ ...CHILD, missingPerson: { ...CHILD.missingPerson, lastSeenAt: '2026-02-01T10:00:00+05:30' } }),
    );
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).fields).toHaveProperty(['missingPerson.lastSeenAt']);
  });

  it('shows who is missing on the station’s and on the citizen’s complaint page', async () => {
    const c = await fileComplaintAs(t, citizen, CHILD);
    const police = (await duty1.get(`/api/v1/complaints/${c.id}`)).json();
    const own = (await citizen.get(`/api/v1/citizen/complaints/${c.id}`)).json();
    for (const view of [police, own])
      expect(view.missingPerson).toMatchObject({
        name: 'Rohit Verma',
        sex: 'male',
        ageYears: 11,
        ageWhenLastSeen: 11,
        heightCm: 140,
        clothing: expect.stringContaining('school shirt'),
        marks: ['scar above the left eyebrow'],
        lastSeenAt: '2026-01-10T16:00:00+05:30',
        lastSeenPlace: expect.stringContaining('Government Middle School'),
        child: true,
      });
    // The receipt in the GD says a child is missing and the FIR is due.
    const gd = await db().selectFrom('gd_entry').select('text').where('ref_id', '=', c.id).execute();
    expect(gd[0].text).toContain('Rohit Verma');
    expect(gd[0].text).toContain('Bachpan Bachao Andolan');
    const inbox = (await duty1.get('/api/v1/complaints?pageSize=200')).json();
    expect(inbox.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ missingChild: true });
  });
});

describe('a missing child’s complaint', () => {
  it('offers only registration and transfer, and refuses close, NCR and enquiry with 409 citing the judgment', async () => {
    const c = await fileComplaintAs(t, citizen, CHILD);
    const before = (await duty1.get(`/api/v1/complaints/${c.id}`)).json();
    expect(before.actions).toEqual(['register_fir', 'transfer']);
    expect(before.suggestedSections).toEqual([{ act: 'BNS', section: '137(2)' }]);
    for (const [path, body] of [
      ['close', CLOSE],
      ['ncr', { sections: [{ act: 'BNS', section: '356(2)' }] }],
      ['enquiry', { sections: [{ act: 'BNS', section: '137(2)' }], reason: 'To see whether the child left home of his own accord.' }],
    ] as const) {
      const r = await duty1.post(`/api/v1/complaints/${c.id}/${path}`, body);
      expect(r.statusCode, path).toBe(409);
      expect(errorOf(r).code, path).toBe('missing_child_fir_mandatory');
      expect(errorOf(r).message, path).toContain('Bachpan Bachao Andolan');
      expect(errorOf(r).messageHi, path).toContain('बचपन बचाओ आंदोलन');
    }
    expect((await duty1.get(`/api/v1/complaints/${c.id}`)).json().status).toBe('submitted');
  });

  it('counts a child by the date of birth too, and suggests IPC 363 for a child last seen before 1 July 2024', async () => {
    const c = await fileComplaintAs(t, citizen, {
      ...CHILD,
      occurrence: { ...CHILD.occurrence, from: '2024-06-20T10:00:00+05:30' },
      missingPerson: { ...CHILD.missingPerson, ageYears: undefined, dateOfBirth: '2006-06-21', lastSeenAt: '2024-06-20T10:00:00+05:30' },
    });
    const view = (await duty1.get(`/api/v1/complaints/${c.id}`)).json();
    // One day short of 18 when last seen: a child.
    expect(view.missingPerson).toMatchObject({ ageWhenLastSeen: 17, child: true });
    expect(view.actions).toEqual(['register_fir', 'transfer']);
    expect(view.suggestedSections).toEqual([{ act: 'IPC', section: '363' }]);
    expect((await duty1.post(`/api/v1/complaints/${c.id}/close`, CLOSE)).statusCode).toBe(409);
  });

  it('is registered as an FIR, which enters the child in the missing-persons register, matched against unidentified persons', async () => {
    // A boy of about 10–13 found at another station the day after.
    const io4 = await t.login('io.ps4');
    const found = await io4.post('/api/v1/registers/unidentified', {
      kind: 'person',
      foundOn: '2026-01-11',
      place: 'Platform 2, Sonpur railway station',
      sex: 'male',
      ageFrom: 10,
      ageTo: 13,
      heightCm: 141,
      marks: ['scar above left eyebrow'],
    });
    expect(found.statusCode, found.body).toBe(201);
    const c = await fileComplaintAs(t, citizen, CHILD);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '137(2)' }] });
    expect(r.statusCode, r.body).toBe(201);
    const { fir } = r.json();
    const reports = await db().selectFrom('missing_person').selectAll().where('fir_id', '=', fir.id).execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      name: 'Rohit Verma',
      sex: 'male',
      age_years: 11,
      height_cm: 140,
      marks: ['scar above the left eyebrow'],
      missing_since: '2026-01-10',
      reporter_name: 'Meera Joshi',
      reporter_relation: 'son',
      station_id: t.ids.stations.PS01,
      status: 'missing',
    });
    const report = (await duty1.get(`/api/v1/registers/missing/${reports[0].id}`)).json();
    expect(report.firId).toBe(fir.id);
    expect(report.matchList.map((m: { unidentifiedId: string }) => m.unidentifiedId)).toContain(found.json().id);
  });
});

describe('an adult missing person’s complaint', () => {
  it('keeps every action: it can be closed', async () => {
    const c = await fileComplaintAs(t, citizen, ADULT);
    const view = (await duty1.get(`/api/v1/complaints/${c.id}`)).json();
    expect(view.missingPerson).toMatchObject({ ageWhenLastSeen: 45, child: false });
    expect(view.actions).toEqual(expect.arrayContaining(['register_fir', 'record_ncr', 'open_enquiry', 'transfer', 'close']));
    expect(view.suggestedSections).toEqual([]);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/close`, CLOSE);
    expect(r.statusCode, r.body).toBe(200);
    expect((await citizen.get(`/api/v1/citizen/complaints/${c.id}`)).json()).toMatchObject({
      status: 'closed',
      missingPerson: { name: 'Suresh Verma' },
    });
  });

  it('registered as an FIR, enters the person in the missing-persons register too', async () => {
    const c = await fileComplaintAs(t, citizen, ADULT);
    const r = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '140(3)' }] });
    expect(r.statusCode, r.body).toBe(201);
    const reports = await db().selectFrom('missing_person').selectAll().where('fir_id', '=', r.json().fir.id).execute();
    expect(reports).toMatchObject([{ name: 'Suresh Verma', age_years: 45, missing_since: '2026-01-09', reporter_relation: 'husband' }]);
  });
});

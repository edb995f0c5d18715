import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makePerson } from './factories.js';

let t: TestContext;
let io1: Client;
let io4: Client;

beforeAll(async () => {
  t = await startTestApp();
  io1 = await t.login('io.ps1');
  io4 = await t.login('io.ps4');
}, 300_000);
afterAll(() => t.close());

describe('missing persons and unidentified bodies', () => {
  it('matches a missing-person report against an unidentified body found at another station, and both stations see it', async () => {
    const m = await io1.post('/api/v1/registers/missing', {
      name: 'Sunil Kumar Yadav',
      sex: 'male',
      ageYears: 42,
      heightCm: 168,
      marks: ['mole on left cheek', 'tattoo Om on right forearm'],
      missingSince: '2026-01-05',
      reporterName: 'Kamla Devi',
    });
    expect(m.statusCode, m.body).toBe(201);
    const u = await io4.post('/api/v1/registers/unidentified', {
      kind: 'dead_body',
      foundOn: '2026-01-09',
      place: 'Culvert on the Sonpur–Kesla road',
      sex: 'male',
      ageFrom: 38,
      ageTo: 48,
      heightCm: 167,
      marks: ['mole left cheek', 'Om tattoo right forearm'],
    });
    expect(u.statusCode, u.body).toBe(201);
    const match = u.json().matchList[0];
    expect(match.missingId).toBe(m.json().id);
    expect(match.reasons.join(' ')).toMatch(/same sex/);
    expect(match.reasons.join(' ')).toMatch(/age 42 within 38–48/);
    expect(match.reasons.join(' ')).toMatch(/mark/);

    for (const c of [io1, io4])
      expect((await c.get('/api/v1/registers/matches')).json().items.map((x: { id: string }) => x.id)).toContain(match.id);
    const io2 = await t.login('io.ps2');
    expect((await io2.get('/api/v1/registers/matches')).json().items.map((x: { id: string }) => x.id)).not.toContain(match.id);
    expect((await io2.post(`/api/v1/registers/matches/${match.id}/decision`, { status: 'confirmed' })).statusCode).toBe(404);

    const d = await io4.post(`/api/v1/registers/matches/${match.id}/decision`, { status: 'confirmed', reason: 'Identified by the wife.' });
    expect(d.statusCode, d.body).toBe(200);
    expect((await io1.get(`/api/v1/registers/missing/${m.json().id}`)).json().status).toBe('traced');
    expect((await io1.get(`/api/v1/registers/unidentified/${u.json().id}`)).json().status).toBe('identified');
  });

  it('does not match a body of the other sex, one found before the person went missing, or one far outside the age band', async () => {
    const m = (
      await io1.post('/api/v1/registers/missing', {
        name: 'Reena',
        sex: 'female',
        ageYears: 20,
        missingSince: '2026-01-10',
        reporterName: 'Father',
      })
    ).json();
    for (const body of [
      { sex: 'male', foundOn: '2026-01-12', ageFrom: 18, ageTo: 25 },
      { sex: 'female', foundOn: '2026-01-01', ageFrom: 18, ageTo: 25 },
      { sex: 'female', foundOn: '2026-01-12', ageFrom: 50, ageTo: 60 },
    ]) {
      const u = await io4.post('/api/v1/registers/unidentified', { kind: 'dead_body', place: 'River bank near the ghat', ...body });
      expect(u.json().matchList.map((x: { missingId: string }) => x.missingId)).not.toContain(m.id);
    }
  });

  it('refuses a date in the future', async () => {
    const r = await io1.post('/api/v1/registers/missing', { name: 'X', sex: 'male', missingSince: '2030-01-01', reporterName: 'Y' });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).fields).toHaveProperty('missingSince');
  });
});

describe('wanted persons and proclaimed offenders (BNSS 84)', () => {
  it('enters a proclaimed offender with the court order and lists it state-wide', async () => {
    const p = await makePerson(t, io1, { name: 'Bhura Singh' });
    const r = await io1.post('/api/v1/registers/wanted', {
      personId: p.id,
      kind: 'proclaimed_offender',
      court: 'CJM Vindhyanagar',
      orderRef: 'Misc 12/2025',
      orderDate: '2025-10-01',
      appearBy: '2025-11-05',
    });
    expect(r.statusCode, r.body).toBe(201);
    const list = (await io4.get('/api/v1/registers/wanted?kind=proclaimed_offender')).json();
    expect(list.items.map((x: { personName: string }) => x.personName)).toContain('Bhura Singh');
    const person = (await io4.get(`/api/v1/people/${p.id}`)).json();
    expect(person.summary.wanted).toBe(true);
  });

  it('refuses a proclamation without the court order, or with less than 30 days to appear', async () => {
    const p = await makePerson(t, io1, { name: 'Lakhan Singh' });
    const noOrder = await io1.post('/api/v1/registers/wanted', { personId: p.id, kind: 'proclaimed_person' });
    expect(noOrder.statusCode).toBe(422);
    expect(errorOf(noOrder).fields).toHaveProperty('court');
    const short = await io1.post('/api/v1/registers/wanted', {
      personId: p.id,
      kind: 'proclaimed_person',
      court: 'JMFC',
      orderDate: '2025-10-01',
      appearBy: '2025-10-20',
    });
    expect(short.statusCode).toBe(422);
    expect(errorOf(short).code).toBe('proclamation_too_short');
  });

  it('lets only the entering station’s chain of command change the status', async () => {
    const p = await makePerson(t, io1, { name: 'Gabbar' });
    const w = (await io1.post('/api/v1/registers/wanted', { personId: p.id, kind: 'wanted' })).json();
    expect(
      (await io4.post(`/api/v1/registers/wanted/${w.id}/status`, { version: w.version, status: 'arrested', reason: 'Arrested at PS04' }))
        .statusCode,
    ).toBe(404);
    const ok = await io1.post(`/api/v1/registers/wanted/${w.id}/status`, {
      version: w.version,
      status: 'arrested',
      reason: 'Arrested at the bus stand.',
    });
    expect(ok.json().status).toBe('arrested');
    expect(
      (await io1.post(`/api/v1/registers/wanted/${w.id}/status`, { version: w.version, status: 'withdrawn', reason: 'stale' })).statusCode,
    ).toBe(412);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { searchAs } from '../people/factories.js';
import { seedPeople } from '../people/seed.js';

/**
 * The people demo seed, searched through every search route: it is also the end-to-end test of
 * the seeder (variants in both scripts, a repeat offender across stations, a history sheet, a
 * proclaimed offender, a missing person matching an unidentified body, vehicles and a phone).
 */
let t: TestContext;
let io1: Client;
let io4: Client;

beforeAll(async () => {
  t = await startTestApp();
  await seedPeople(t.db, t.ids, t.clock);
  io1 = await t.login('io.ps1');
  io4 = await t.login('io.ps4');
}, 600_000);
afterAll(() => t.close());

describe('the demo people and the searches', () => {
  it('finds the Rajesh Srivastava records in both scripts, with the repeat offender’s antecedents across stations', async () => {
    const r = await searchAs(io1, { q: 'राजेश श्रीवास्तव' });
    expect(r.slice(0, 3).map((x) => x.matchedName)).toEqual(expect.arrayContaining(['राजेश श्रीवास्तव']));
    expect(r.filter((x) => /srivastav|श्रीवास्तव/i.test(x.person.name)).length).toBeGreaterThanOrEqual(2);
    const salim = (await searchAs(io4, { q: 'Salim Langda', role: 'accused' }))[0]!;
    expect(salim.person.accusedCases).toBe(3);
    const rec = (await io4.get(`/api/v1/people/${salim.person.id}/record`)).json();
    expect(rec.counts).toMatchObject({ accused: 3, convicted: 1, stations: 3 });
    expect(rec.accused[0].sections.map((s: { section: string }) => s.section)).toContain('331(4)');
  });

  it('finds a stolen vehicle by its registration typed any way, with its status', async () => {
    for (const q of ['MP04 AB 1234', 'mp-04-ab-1234', 'mp04ab1234']) {
      const r = (await io1.get(`/api/v1/vehicles/search?q=${encodeURIComponent(q)}`)).json();
      expect(r.normalised).toBe('mp04ab1234');
      expect(r.results[0]).toMatchObject({
        registrationNormalised: 'mp04ab1234',
        status: 'stolen',
        stationCode: 'PS04',
        make: 'hero',
        colour: 'black',
      });
    }
    const partial = (await io1.get('/api/v1/vehicles/search?q=1234')).json();
    expect(partial.results.map((v: { registrationNormalised: string }) => v.registrationNormalised)).toContain('mp04ab1234');
    const chassis = (await io1.get('/api/v1/vehicles/search?q=MD2A11CZ5LCA12345')).json();
    expect(chassis.results[0]?.registrationNormalised).toBe('mp04cd5678');
    const byWords = (await io1.get('/api/v1/vehicles/search?q=black%20hero')).json();
    expect(byWords.results.map((v: { registrationNormalised: string }) => v.registrationNormalised)).toContain('mp04ab1234');
    expect((await io1.get(`/api/v1/vehicles/search?q=MP04AB1234&district=${t.ids.districts.D2}`)).json().results).toEqual([]);
  });

  it('finds property by IMEI: stolen at one station, recovered in another record', async () => {
    const r = (await io4.get('/api/v1/property/search?q=490154203237518')).json();
    expect(r.results.map((p: { status: string }) => p.status).sort()).toEqual(['recovered', 'stolen']);
    const phones = (await io4.get('/api/v1/property/search?category=mobile_phone')).json();
    expect(phones.results.length).toBeGreaterThanOrEqual(2);
  });

  it('answers the unified search grouped by type: a name, an FIR number, a vehicle, a phone number', async () => {
    const byName = (await io1.get(`/api/v1/search?q=${encodeURIComponent('सलीम क़ुरैशी')}`)).json();
    expect(byName.persons[0].person.name).toBe('Mohd. Salim Qureshi');
    const byVehicle = (await io1.get('/api/v1/search?q=MP04AB1234')).json();
    expect(byVehicle.vehicles[0].registrationNormalised).toBe('mp04ab1234');
    const byPhone = (await io1.get('/api/v1/search?q=%2B91%2098260%2011111')).json();
    expect(byPhone.phones.map((p: { person: { name: string } }) => p.person.name).sort()).toEqual([
      'Rajesh Kumar Srivastava',
      'राजेश श्रीवास्तव',
    ]);
    const firs = (
      await t.db.kysely.selectFrom('fir').select(['fir_number', 'station_id']).where('station_id', '=', t.ids.stations.PS01!).execute()
    )[0]!;
    const [serial, year] = firs.fir_number.split('/');
    const byFir = (await io1.get(`/api/v1/search?q=${encodeURIComponent(`${Number(serial)}/${year}`)}`)).json();
    expect(byFir.firs.map((f: { firNumber: string }) => f.firNumber)).toContain(firs.fir_number);
    expect((await io1.get('/api/v1/search?q=x')).statusCode).toBe(400);
    const odd = await io1.get(`/api/v1/search?q=${encodeURIComponent("'; select pg_sleep(5); --")}`);
    expect(odd.statusCode).toBe(200);
  });

  it('searches cases by modus operandi and suggests related cases with what they share', async () => {
    const mo = (await io1.get('/api/v1/mo/search?mo=MO-BUR-01&timeBand=night')).json();
    expect(mo.results.length).toBeGreaterThanOrEqual(3);
    const open = (await io1.get('/api/v1/mo/search?mo=MO-BUR-01&area=sarafa')).json();
    const latest = open.results[0];
    const rel = (await io1.get(`/api/v1/mo/related/${latest.firId}`)).json();
    expect(rel.results.length).toBeGreaterThanOrEqual(3);
    expect(rel.results[0].shared).toEqual(expect.arrayContaining(['MO MO-BUR-01']));
    expect((await io4.get(`/api/v1/mo/related/${latest.firId}`)).statusCode).toBe(404);
    const empty = await io1.get('/api/v1/mo/search');
    expect(errorOf(empty).code).toBe('mo_query_empty');
  });

  it('shows the missing person’s match with the unidentified body to both stations', async () => {
    for (const c of [io1, io4]) {
      const m = (await c.get('/api/v1/registers/matches')).json();
      expect(m.items.map((x: { missing: { name: string } }) => x.missing.name)).toContain('Sunil Kumar Yadav');
    }
  });

  it('keeps the history sheet of the repeat offender at Kotwali and the proclaimed offender in the register', async () => {
    const sheets = (await (await t.login('sho.ps1')).get('/api/v1/history-sheets')).json();
    expect(sheets.items.map((s: { personName: string; offenderClass: string }) => [s.personName, s.offenderClass])).toContainEqual([
      'Mohd. Salim Qureshi',
      'A',
    ]);
    const po = (await io1.get('/api/v1/registers/wanted?kind=proclaimed_offender')).json();
    expect(po.items.map((w: { personName: string }) => w.personName)).toContain('लक्ष्मी नारायण चौधरी');
  });
});

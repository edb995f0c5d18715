import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { addArrest, addPerson, as, makeCase } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({
    config: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000', SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000' },
  });
}, 180_000);
afterAll(() => t.close());

const io = () => as(t, 'io.ps1');
const iso = (d: Date) => d.toISOString();
const base = {
  place: 'Chowk',
  grounds: 'Found with the stolen motorcycle',
  outcome: 'sent_up',
  necessityReason: 'To recover the stolen property',
};

describe('arrest memo (IIF-3)', () => {
  it('records the arrest of an accused with a GD entry, and lists the safeguards still missing', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused', { name: 'Raju' });
    const r = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/arrests`, {
      personCode: 'A1',
      ...base,
      informed: { name: 'Kamla Bai', relation: 'mother', mode: 'phone' },
    });
    expect(r.statusCode).toBe(201);
    const a = r.json();
    expect(a.personCode).toBe('A1');
    expect(a.groundsGivenAt).toBe(a.arrestedAt);
    expect(a.necessityRequired).toBe(true);
    expect(a.warnings.map((w: { code: string }) => w.code)).toEqual([
      'medical_not_recorded',
      'memo_not_attested',
      'memo_not_countersigned',
    ]);
    const gd = await t.db.kysely.selectFrom('gd_entry').selectAll().where('id', '=', a.gdEntry.id).executeTakeFirstOrThrow();
    expect(gd.kind).toBe('arrest');
    expect(gd.station_id).toBe(t.ids.stations.PS01);
    expect(gd.text).toMatch(/A1 Raju/);
    expect(gd.text).toMatch(c.firNumber);
    expect(gd.ref_id).toBe(a.id);
  });

  it('refuses an arrest before the FIR was registered (CAG: records out of order)', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused');
    const r = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base, arrestedAt: iso(new Date(t.clock.now().getTime() - 60_000)) });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('before_fir_registration');
    expect(errorOf(r).fields).toHaveProperty('arrestedAt');
    expect(errorOf(r).messageHi).toMatch(/एफआईआर/);
  });

  it('one memo per accused; never a witness; never by an officer who is not the designated IO', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused');
    await addPerson(t, c.id, 'witness');
    await addArrest(t, c.id, 'A1');
    const again = await (await io()).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('already_arrested');
    const witness = await (await io()).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'W1', ...base });
    expect(witness.statusCode).toBe(422);
    expect(errorOf(witness).code).toBe('not_an_accused');
    const other = await (await as(t, 'io2.ps1')).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base });
    expect(other.statusCode).toBe(403);
    expect((await (await as(t, 'io.ps2')).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base })).statusCode).toBe(404);
    expect((await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base })).statusCode).toBe(403);
  });

  it('needs the reason an arrest was necessary only where the offence is punishable with up to 7 years (BNSS 35; Arnesh Kumar)', async () => {
    const petty = await makeCase(t); // BNS 303(2)
    await addPerson(t, petty.id, 'accused');
    const { necessityReason: _, ...noReason } = base;
    const r = await (await io()).post(`/api/v1/cases/${petty.id}/arrests`, { personCode: 'A1', ...noReason });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('arrest_necessity_reason_required');
    const grave = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '109(1)' }] } });
    await addPerson(t, grave.id, 'accused');
    const ok = await (await io()).post(`/api/v1/cases/${grave.id}/arrests`, { personCode: 'A1', ...noReason });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().necessityRequired).toBe(false);
  });

  it('a custody outcome needs the remand; police bail needs its time', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused');
    expect(
      errorOf(await (await io()).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base, outcome: 'judicial_custody' })).code,
    ).toBe('remand_required');
    expect(errorOf(await (await io()).post(`/api/v1/cases/${c.id}/arrests`, { personCode: 'A1', ...base, outcome: 'bailed' })).code).toBe(
      'bail_time_required',
    );
    t.clock.advanceMinutes(30);
    const r = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/arrests`, {
      personCode: 'A1',
      ...base,
      arrestedAt: iso(new Date(t.clock.now().getTime() - 20 * 60_000)),
      outcome: 'judicial_custody',
      production: { at: iso(t.clock.now()), courtName: 'CJM Vindhyanagar', remand: 'judicial', remandUntil: '2026-12-31' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().events.map((e: { kind: string }) => e.kind)).toEqual(['produced', 'remanded_judicial']);
  });
});

describe('after the arrest: production, remand, bail', () => {
  it('keeps events in time order, never before the arrest, nothing after a release', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused');
    const a = await addArrest(t, c.id, 'A1');
    const url = `/api/v1/cases/${c.id}/arrests/${a.id}/events`;
    const before = await (
      await io()
    ).post(url, { kind: 'produced', courtName: 'CJM', at: iso(new Date(t.clock.now().getTime() - 60_000)) });
    expect(before.statusCode).toBe(422);
    expect(errorOf(await (await io()).post(url, { kind: 'remanded_police' })).code).toBe('court_required');
    t.clock.advanceMinutes(120);
    expect((await (await io()).post(url, { kind: 'produced', courtName: 'CJM' })).statusCode).toBe(201);
    const outOfOrder = await (
      await io()
    ).post(url, { kind: 'remanded_police', courtName: 'CJM', at: iso(new Date(t.clock.now().getTime() - 30 * 60_000)) });
    expect(outOfOrder.statusCode).toBe(422);
    expect(errorOf(outOfOrder).code).toBe('time_out_of_order');
    expect((await (await io()).post(url, { kind: 'released', remarks: 'Discharged' })).statusCode).toBe(201);
    const after = await (await io()).post(url, { kind: 'bailed' });
    expect(after.statusCode).toBe(409);
    expect(errorOf(after).code).toBe('person_released');
    expect(
      (await (await io()).post(`/api/v1/cases/${c.id}/arrests/00000000-0000-7000-8000-000000000000/events`, { kind: 'bailed' })).statusCode,
    ).toBe(404);
  });
});

describe('the public board of arrested persons (BNSS 37)', () => {
  it('shows name, address and offence; never a sensitive case, never a juvenile, nothing more', async () => {
    const plain = await makeCase(t);
    await addPerson(t, plain.id, 'accused', {
      name: 'Board Adult',
      address: '12, Chowk, Vindhyanagar',
      phone: '9999999999',
      fatherName: 'Secret Father',
    });
    await addPerson(t, plain.id, 'accused', { name: 'Board Juvenile', ageYears: 15 });
    await addArrest(t, plain.id, 'A1');
    await addArrest(t, plain.id, 'A2');
    const sensitive = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '64(1)' }] } });
    await addPerson(t, sensitive.id, 'accused', { name: 'Board Sensitive' });
    await addArrest(t, sensitive.id, 'A1');
    const other = await makeCase(t, { registeredBy: 'duty.ps2', sho: 'sho.ps2', io: 'io.ps2' });
    await addPerson(t, other.id, 'accused', { name: 'Board Other Station' }, 'io.ps2');
    await addArrest(t, other.id, 'A1', {}, 'io.ps2');

    const r = await t.anon().get('/api/v1/public/stations/PS01/arrests');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { station: { code: string }; items: Record<string, unknown>[] };
    const names = body.items.map((i) => i.name);
    expect(names).toContain('Board Adult');
    expect(names).not.toContain('Board Juvenile');
    expect(names).not.toContain('Board Sensitive');
    expect(names).not.toContain('Board Other Station');
    const adult = body.items.find((i) => i.name === 'Board Adult')!;
    expect(adult.address).toBe('12, Chowk, Vindhyanagar');
    expect(adult.offences).toEqual(['BNS 303(2)']);
    // The presenter's allow-list: nothing that identifies the case or reaches the person.
    const allowed = ['name', 'address', 'offences', 'arrestedOn', 'kind'];
    for (const i of body.items) expect(Object.keys(i).sort()).toEqual([...allowed].sort());
    const text = r.body;
    for (const forbidden of ['9999999999', 'Secret Father', plain.id, plain.firNumber]) expect(text).not.toContain(forbidden);
    expect((await t.anon().get('/api/v1/public/stations/NOPE/arrests')).statusCode).toBe(404);
  });
});

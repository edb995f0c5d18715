import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { addPerson, as, makeCase } from './factories.js';

/**
 * Adding a person to a case: linking a record of the person index (found by the matches the
 * officer was shown) or creating a new one; the codes A1, A2 …; what a wrong, merged or
 * repeated request gets.
 */

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
}, 180_000);
afterAll(() => t.close());

const io = () => as(t, 'io.ps1');

/** A person of the index, created through the people API as an officer would. */
async function indexPerson(body: Record<string, unknown>) {
  const r = await (await io()).post('/api/v1/people', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}

const caseRows = (firId: string) =>
  t.db.kysely.selectFrom('case_person').select(['code', 'person_id', 'role']).where('fir_id', '=', firId).orderBy('code').execute();

describe('linking a person already in the index', () => {
  it('links the record as the next accused; the person’s record and criminal record then list the case', async () => {
    const p = await indexPerson({ name: 'Bhura Khan', fatherName: 'Nanhe Khan', sex: 'male', age: { years: 41 } });
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused', { name: 'Pappu Yadav' });
    const before = await t.db.kysely
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const r = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused', personId: p.id, remarks: 'Identified by W1' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ code: 'A2', personId: p.id, name: 'Bhura Khan', sex: 'male', ageYears: 41, juvenile: false });
    // A link, not a new record.
    const after = await t.db.kysely
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const view = (await (await io()).get(`/api/v1/people/${p.id}`)).json() as { roles: { firId: string; role: string; code: string }[] };
    expect(view.roles).toContainEqual(expect.objectContaining({ firId: c.id, role: 'accused', code: 'A2' }));
    const record = (await (await io()).get(`/api/v1/people/${p.id}/record`)).json() as {
      accused: { firId: string; code: string }[];
      counts: { accused: number };
    };
    expect(record.accused.map((x) => [x.firId, x.code])).toEqual([[c.id, 'A2']]);
    expect(record.counts.accused).toBe(1);
    // The case page names the person's record, and the addition is audited with it.
    const casePage = (await (await io()).get(`/api/v1/cases/${c.id}`)).json() as { persons: { code: string; personId: string }[] };
    expect(casePage.persons.find((x) => x.code === 'A2')?.personId).toBe(p.id);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'case.person_add')
      .where('entity_id', '=', c.id)
      .execute();
    expect(audit.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ personId: p.id, personCode: 'A2', role: 'accused', linked: true }),
    );
  });

  it('the same person may be a witness in one case and the accused in another, coded per case', async () => {
    const p = await indexPerson({ name: 'Chhotu Ansari', sex: 'male' });
    const c1 = await makeCase(t);
    const c2 = await makeCase(t);
    const w = await (await io()).post(`/api/v1/cases/${c1.id}/persons`, { role: 'witness', personId: p.id });
    const a = await (await io()).post(`/api/v1/cases/${c2.id}/persons`, { role: 'accused', personId: p.id });
    expect([w.json().code, a.json().code]).toEqual(['W1', 'A1']);
  });
});

describe('a personId that cannot be linked', () => {
  it('refuses an unknown id and another state’s person with 422 naming personId, in English and Hindi', async () => {
    const c = await makeCase(t);
    const unknown = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused', personId: newId() });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown)).toMatchObject({ code: 'person_not_found', fields: { personId: 'unknown person' } });
    expect(errorOf(unknown).messageHi).toMatch(/व्यक्ति/);

    await t.db.kysely
      .insertInto('state')
      .values({ code: 'XB', name: 'Other State', name_hi: 'अन्य राज्य' })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const foreign = newId();
    await t.db.kysely
      .insertInto('person')
      .values({ id: foreign, state_code: 'XB', name: 'Ramesh Other-State', created_at: t.clock.now() })
      .execute();
    const other = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused', personId: foreign });
    expect(other.statusCode).toBe(422);
    expect(errorOf(other)).toMatchObject({ code: 'person_not_found', fields: { personId: 'unknown person' } });
    expect(await caseRows(c.id)).toEqual([]);
  });

  it('refuses a malformed id, or both an id and new details, with 400 naming the field', async () => {
    const c = await makeCase(t);
    const bad = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused', personId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'invalid_input', fields: { personId: expect.any(String) } });
    expect(errorOf(bad).messageHi).toContain('personId');
    const both = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/persons`, {
      role: 'accused',
      personId: newId(),
      person: { name: 'Somebody Else' },
    });
    expect(both.statusCode).toBe(400);
    expect(errorOf(both).fields).toHaveProperty('personId');
  });

  it('refuses a record merged into another in favour of the surviving record; the survivor is one person with the merged one', async () => {
    const survivor = await indexPerson({ name: 'Kallu Pasi', fatherName: 'Ram Lal Pasi', sex: 'male' });
    const duplicate = await indexPerson({ name: 'Kalloo Pasi', fatherName: 'Ramlal Pasi', sex: 'male' });
    const c = await makeCase(t);
    // The duplicate was added to the case before anyone saw that it is the same man.
    expect((await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused', personId: duplicate.id })).statusCode).toBe(201);
    const merged = await (
      await as(t, 'sho.ps1')
    ).post(`/api/v1/people/${survivor.id}/merge`, { otherId: duplicate.id, reason: 'Same father, same village: one person.' });
    expect(merged.statusCode, merged.body).toBe(200);

    const c2 = await makeCase(t);
    const r = await (await io()).post(`/api/v1/cases/${c2.id}/persons`, { role: 'accused', personId: duplicate.id });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r)).toMatchObject({ code: 'person_merged', fields: { personId: `merged into ${survivor.id}` } });
    expect(errorOf(r).message).toContain(survivor.id);
    expect((await (await io()).post(`/api/v1/cases/${c2.id}/persons`, { role: 'accused', personId: survivor.id })).statusCode).toBe(201);

    // In the first case the man is A1 already, through the record merged into the survivor.
    const again = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { role: 'accused', personId: survivor.id });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'person_already_in_case', fields: { personId: 'already A1' } });
  });
});

describe('a repeated submission', () => {
  it('links a person once: the same link again is 409, and one case row and one role on the record remain', async () => {
    const p = await indexPerson({ name: 'Guddu Verma', sex: 'male' });
    const c = await makeCase(t);
    const body = { role: 'accused', personId: p.id };
    const [first, second] = [
      await (await io()).post(`/api/v1/cases/${c.id}/persons`, body),
      await (await io()).post(`/api/v1/cases/${c.id}/persons`, body),
    ];
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(409);
    expect(errorOf(second)).toMatchObject({ code: 'person_already_in_case', fields: { personId: 'already A1' } });
    expect(await caseRows(c.id)).toEqual([{ code: 'A1', person_id: p.id, role: 'accused' }]);
    const roles = await t.db.kysely.selectFrom('person_case_role').select('code').where('fir_id', '=', c.id).execute();
    expect(roles).toEqual([{ code: 'A1' }]);
    // The next accused is still A2.
    expect((await addPerson(t, c.id, 'accused', { name: 'Another Man' })).code).toBe('A2');
  });

  it('creates a new person once: the same details again are 409, and details that differ make a second person', async () => {
    const c = await makeCase(t);
    const body = { role: 'accused', person: { name: 'Munna  Lal', fatherName: 'Chhedi Lal', sex: 'male', ageYears: 33 } };
    expect((await (await io()).post(`/api/v1/cases/${c.id}/persons`, body)).statusCode).toBe(201);
    const again = await (await io()).post(`/api/v1/cases/${c.id}/persons`, { ...body, person: { ...body.person, name: 'munna lal' } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'person_already_in_case', fields: { 'person.name': 'already A1' } });
    expect(errorOf(again).messageHi).toContain('A1');
    expect(await t.db.kysely.selectFrom('person').select('id').where('father_name', '=', 'Chhedi Lal').execute()).toHaveLength(1);
    // Another man of the same name, told apart by his age, is added.
    expect(
      (await (await io()).post(`/api/v1/cases/${c.id}/persons`, { ...body, person: { ...body.person, ageYears: 19 } })).json().code,
    ).toBe('A2');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';
import { makePerson, searchAs } from './factories.js';
import { linkPersonToCase } from './service.js';

let t: TestContext;
let io: Client;
let sho: Client;

interface Record {
  accused: { firId: string; firNumber: string; stationCode: string; linkedRecordId: string; sections: unknown[] }[];
  otherRoles: { firId: string; role: string }[];
  counts: { accused: number; stations: number };
}

beforeAll(async () => {
  t = await startTestApp();
  io = await t.login('io.ps1');
  sho = await t.login('sho.ps1');
}, 300_000);
afterAll(() => t.close());

async function link(personId: string, firId: string, role: 'accused' | 'witness', code?: string) {
  await t.db.kysely
    .transaction()
    .execute((trx) => linkPersonToCase(trx, { personId, firId, role, code, stateCode: t.ids.stateCode, at: t.clock.now() }));
}

describe('merge and unmerge', () => {
  it('keeps every case link through a merge and an unmerge, and the record summary follows', async () => {
    const a = await makePerson(t, io, { name: 'Rajesh Shrivastav', fatherName: 'Ramesh Shrivastav', age: { years: 35 } });
    const b = await makePerson(t, io, { name: 'राजेश श्रीवास्तव', fatherName: 'रमेश श्रीवास्तव', age: { years: 36 } });
    const f1 = await registerFirAs(t, 'duty.ps1');
    const f2 = await registerFirAs(t, 'duty.ps2');
    const f3 = await registerFirAs(t, 'duty.ps4');
    await link(a.id, f1.id, 'accused', 'A1');
    await link(b.id, f2.id, 'accused', 'A2');
    await link(b.id, f3.id, 'witness');

    const before = (await (await io.get(`/api/v1/people/${a.id}/record`)).json()) as Record;
    expect(before.accused.map((c) => c.firId)).toEqual([f1.id]);

    const merged = await sho.post(`/api/v1/people/${a.id}/merge`, {
      otherId: b.id,
      reason: 'Same father, same age, same address; duplicate made at PS02.',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().mergedRecords).toEqual([b.id]);

    const after = (await (await io.get(`/api/v1/people/${a.id}/record`)).json()) as Record;
    expect(after.accused.map((c) => c.firId).sort()).toEqual([f1.id, f2.id].sort());
    expect(after.otherRoles.map((c) => c.firId)).toEqual([f3.id]);
    expect(after.counts).toMatchObject({ accused: 2, stations: 2 });
    expect(after.accused.find((c) => c.firId === f2.id)?.linkedRecordId).toBe(b.id);

    // The merged id answers with the survivor; the search shows one person, not two.
    const viaOld = (await io.get(`/api/v1/people/${b.id}`)).json();
    expect(viaOld.id).toBe(a.id);
    expect(viaOld.requestedId).toBe(b.id);
    const hits = await searchAs(io, { q: 'Rajesh Srivastava' });
    expect(hits.filter((h) => h.person.id === a.id || h.person.id === b.id).map((h) => h.person.id)).toEqual([a.id]);
    expect(hits.find((h) => h.person.id === a.id)?.person.accusedCases).toBe(2);

    const rows = await t.db.kysely
      .selectFrom('person_case_role')
      .select(['person_id', 'fir_id', 'role'])
      .where('fir_id', 'in', [f1.id, f2.id, f3.id])
      .execute();
    expect(rows).toHaveLength(3);

    const un = await sho.post(`/api/v1/people/${b.id}/unmerge`, { reason: 'Verification: different people after all.' });
    expect(un.statusCode, un.body).toBe(200);
    const ra = (await (await io.get(`/api/v1/people/${a.id}/record`)).json()) as Record;
    const rb = (await (await io.get(`/api/v1/people/${b.id}/record`)).json()) as Record;
    expect(ra.accused.map((c) => c.firId)).toEqual([f1.id]);
    expect(rb.accused.map((c) => c.firId)).toEqual([f2.id]);
    expect(rb.otherRoles.map((c) => c.firId)).toEqual([f3.id]);
    const rowsAfter = await t.db.kysely
      .selectFrom('person_case_role')
      .select(['person_id', 'fir_id', 'role'])
      .where('fir_id', 'in', [f1.id, f2.id, f3.id])
      .orderBy('fir_id')
      .execute();
    expect(rowsAfter).toEqual(rows.sort((x, y) => x.fir_id.localeCompare(y.fir_id)));
    const hits2 = await searchAs(io, { q: 'Rajesh Srivastava' });
    expect(hits2.map((h) => h.person.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'actor_username'])
      .where('action', 'in', ['person.merge', 'person.unmerge'])
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['person.merge', 'person.unmerge']);
    expect(audit.every((x) => x.actor_username === 'sho.ps1')).toBe(true);
  });

  it('follows a chain of merges and restores it link by link', async () => {
    const a = await makePerson(t, io, { name: 'Vinod Kumar Tiwari' });
    const b = await makePerson(t, io, { name: 'Vinod Tiwary' });
    const c = await makePerson(t, io, { name: 'विनोद तिवारी' });
    const f = await registerFirAs(t, 'duty.ps1');
    await link(c.id, f.id, 'accused', 'A1');
    expect(
      (await sho.post(`/api/v1/people/${b.id}/merge`, { otherId: c.id, reason: 'The same person, both at PS Kotwali.' })).statusCode,
    ).toBe(200);
    expect(
      (await sho.post(`/api/v1/people/${a.id}/merge`, { otherId: b.id, reason: 'The same person, confirmed by father.' })).statusCode,
    ).toBe(200);
    const rec = (await (await io.get(`/api/v1/people/${c.id}/record`)).json()) as Record & { person: { id: string } };
    expect(rec.person.id).toBe(a.id);
    expect(rec.accused.map((x) => x.firId)).toEqual([f.id]);
    expect((await sho.post(`/api/v1/people/${b.id}/unmerge`, { reason: 'Wrongly merged into A.' })).statusCode).toBe(200);
    const recB = (await (await io.get(`/api/v1/people/${b.id}/record`)).json()) as Record & { person: { id: string } };
    expect(recB.person.id).toBe(b.id);
    expect(recB.accused.map((x) => x.firId)).toEqual([f.id]);
  });

  it('is refused to an IO, and refuses merging a record into itself or one already merged', async () => {
    const a = await makePerson(t, io, { name: 'Merge Test One' });
    const b = await makePerson(t, io, { name: 'Merge Test Two' });
    expect((await io.post(`/api/v1/people/${a.id}/merge`, { otherId: b.id, reason: 'An IO may not merge records.' })).statusCode).toBe(403);
    const self = await sho.post(`/api/v1/people/${a.id}/merge`, { otherId: a.id, reason: 'Into itself, which is nonsense.' });
    expect(self.statusCode).toBe(422);
    expect(errorOf(self).code).toBe('merge_same_record');
    expect((await sho.post(`/api/v1/people/${a.id}/merge`, { otherId: b.id, reason: 'The same person, confirmed.' })).statusCode).toBe(200);
    const again = await sho.post(`/api/v1/people/${a.id}/merge`, { otherId: b.id, reason: 'Double submit of the same merge.' });
    expect(again.statusCode).toBe(422);
    expect(errorOf(again).code).toBe('merge_other_already_merged');
    const notMerged = await sho.post(`/api/v1/people/${a.id}/unmerge`, { reason: 'It was never merged at all.' });
    expect(errorOf(notMerged).code).toBe('person_not_merged');
  });
});

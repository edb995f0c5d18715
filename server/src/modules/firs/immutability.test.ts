import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from './factories.js';

let t: TestContext;
let duty: Client;
beforeAll(async () => {
  t = await startTestApp();
  duty = await t.login('duty.ps1');
});
afterAll(() => t.close());

describe('registered FIRs are immutable', () => {
  it('refuses a direct UPDATE or DELETE of an FIR, its sections, GD entry or addenda in the database itself', async () => {
    const fir = await registerFirAs(t, duty);
    await duty.post(`/api/v1/firs/${fir.id}/addenda`, { reason: 'Typo', text: 'House number is 41.' });
    const db = t.db.kysely;
    await expect(sql`update fir set narrative = 'rewritten' where id = ${fir.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from fir where id = ${fir.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update fir_section set section = '304' where fir_id = ${fir.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update fir_addendum set text = 'x' where fir_id = ${fir.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from gd_entry where ref_id = ${fir.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate fir_addendum`.execute(db)).rejects.toThrow(/append-only/);
    const row = await db.selectFrom('fir').select('narrative').where('id', '=', fir.id).executeTakeFirstOrThrow();
    expect(row.narrative).not.toBe('rewritten');
  });

  it('offers no route that edits an FIR', async () => {
    const fir = await registerFirAs(t, duty);
    for (const m of ['PATCH', 'PUT', 'DELETE'] as const) {
      const r = await duty.request(m, `/api/v1/firs/${fir.id}`, m === 'DELETE' ? undefined : { narrative: 'x' });
      expect(r.statusCode).toBe(404);
    }
  });

  it('shows the original with its addenda in order, each with its reason and author', async () => {
    const fir = await registerFirAs(t, duty);
    const io = await t.login('io.ps1');
    const a1 = await duty.post(`/api/v1/firs/${fir.id}/addenda`, {
      reason: 'Registration number mistyped',
      text: 'The motorcycle is MP04 AB 1243.',
      corrections: [{ field: 'propertyItems[0].description', from: 'MP04 AB 1234', to: 'MP04 AB 1243' }],
    });
    expect(a1.statusCode).toBe(201);
    const a2 = await io.post(`/api/v1/firs/${fir.id}/addenda`, {
      reason: 'Time of occurrence clarified',
      text: 'The complainant now says he parked at 22:00.',
    });
    expect(a2.statusCode).toBe(201);
    const r = (await duty.get(`/api/v1/firs/${fir.id}`)).json();
    expect(r.narrative).toBe(fir.narrative);
    expect(r.propertyItems[0].description).toContain('MP04 AB 1234');
    expect(r.addenda.map((a: { seq: number; authorName: string; reason: string }) => [a.seq, a.authorName, a.reason])).toEqual([
      [1, 'Ramesh Yadav', 'Registration number mistyped'],
      [2, 'Sunita Verma', 'Time of occurrence clarified'],
    ]);
    expect(r.addenda[0].corrections).toEqual([{ field: 'propertyItems[0].description', from: 'MP04 AB 1234', to: 'MP04 AB 1243' }]);
  });

  it('refuses an addendum to another station’s FIR with 404 and a bodiless one with 400', async () => {
    const fir = await registerFirAs(t, 'duty.ps2');
    const r = await duty.post(`/api/v1/firs/${fir.id}/addenda`, { reason: 'Not mine', text: 'Should not be stored.' });
    expect(r.statusCode).toBe(404);
    const own = await registerFirAs(t, duty);
    const bad = await duty.post(`/api/v1/firs/${own.id}/addenda`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(expect.arrayContaining(['reason', 'text']));
  });

  it('marks an FIR sensitive by the SHO, refuses a stale version with 412, and keeps the mark one-way', async () => {
    const fir = await registerFirAs(t, duty);
    const sho = await t.login('sho.ps1');
    const stale = await sho.post(`/api/v1/firs/${fir.id}/mark-sensitive`, { reason: 'Victim is a minor', version: fir.version + 5 });
    expect(stale.statusCode).toBe(412);
    const ok = await sho.post(`/api/v1/firs/${fir.id}/mark-sensitive`, { reason: 'Victim is a minor', version: fir.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      sensitive: true,
      sensitiveBySection: false,
      sensitiveReason: 'Victim is a minor',
      version: fir.version + 1,
    });
    const byDuty = await duty.post(`/api/v1/firs/${fir.id}/mark-sensitive`, { reason: 'I may not' });
    expect(byDuty.statusCode).toBe(403);
  });
});

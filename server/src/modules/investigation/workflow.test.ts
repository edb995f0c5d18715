import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';
import { as, makeCase, prepareFinalReport, submitFinalReport } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({
    config: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000', SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000' },
  });
}, 180_000);
afterAll(() => t.close());

const caseOf = async (id: string, who = 'sho.ps1') => (await (await as(t, who)).get(`/api/v1/cases/${id}`)).json() as Record<string, any>;

describe('case workflow: assigning the IO', () => {
  it('the SHO designates an IO of the station and the case goes under investigation', async () => {
    const fir = await makeCase(t, { io: null });
    expect((await caseOf(fir.id)).stage).toBe('registered');
    const r = await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io.ps1' });
    expect(r.statusCode).toBe(200);
    const c = await caseOf(fir.id);
    expect(c.stage).toBe('under_investigation');
    expect(c.io.id).toBe(t.ids.users['io.ps1']);
    expect(c.allowedActions).toEqual(['reassign_io']);
    expect((await caseOf(fir.id, 'io.ps1')).allowedActions).toEqual(['submit_final_report']);
    expect((await caseOf(fir.id, 'io2.ps1')).allowedActions).toEqual([]);
    // The FIR's own status follows.
    const f = (await (await as(t, 'sho.ps1')).get(`/api/v1/firs/${fir.id}`)).json() as { stage: string };
    expect(f.stage).toBe('under_investigation');
  });

  it('refuses an IO posted at another station', async () => {
    const fir = await makeCase(t, { io: null });
    const r = await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${fir.id}/assign-io`, { ioId: t.ids.users['io.ps2'] });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('io_not_at_station');
  });

  it('refuses an officer who is not an IO', async () => {
    const fir = await makeCase(t, { io: null });
    const r = await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'duty.ps1' });
    expect(r.statusCode).toBe(422);
  });

  it('answers 404 to the SHO of another station, and 403 to an IO', async () => {
    const fir = await makeCase(t, { io: null });
    expect((await (await as(t, 'sho.ps2')).post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io.ps2' })).statusCode).toBe(404);
    expect((await (await as(t, 'io.ps1')).post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io.ps1' })).statusCode).toBe(403);
  });

  it('reassigns only with a reason, and then the old IO can no longer write the records', async () => {
    const fir = await makeCase(t);
    const sho = await as(t, 'sho.ps1');
    const noReason = await sho.post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io2.ps1' });
    expect(noReason.statusCode).toBe(422);
    expect(errorOf(noReason).code).toBe('reason_required');
    const same = await sho.post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io.ps1', reason: 'again' });
    expect(same.statusCode).toBe(409);
    expect((await sho.post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io2.ps1', reason: 'IO on leave' })).statusCode).toBe(200);
    const old = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${fir.id}/diary`, { circumstances: 'Visited the scene.' });
    expect(old.statusCode).toBe(403);
    expect(errorOf(old).code).toBe('not_designated_io');
    expect((await (await as(t, 'io2.ps1')).post(`/api/v1/cases/${fir.id}/diary`, { circumstances: 'Visited the scene.' })).statusCode).toBe(
      201,
    );
    const c = await caseOf(fir.id);
    expect(c.assignments.map((a: { ioName: string; reason: string | null }) => [a.ioName, a.reason])).toEqual([
      ['Sunita Verma', null],
      ['Mohd. Irfan Khan', 'IO on leave'],
    ]);
  });

  it('a stale case version on assignment answers 412', async () => {
    const fir = await makeCase(t);
    const r = await (
      await as(t, 'sho.ps1')
    ).post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: 'io2.ps1', reason: 'leave', version: 7 });
    expect(r.statusCode).toBe(412);
  });
});

describe('case workflow: the final report', () => {
  it('only the designated IO submits; a double submit is refused; the SHO approves', async () => {
    const fir = await makeCase(t);
    const other = await (await as(t, 'io2.ps1')).post(`/api/v1/cases/${fir.id}/transition`, { action: 'submit_final_report' });
    expect(other.statusCode).toBe(403);
    expect(errorOf(other).code).toBe('not_designated_io');
    expect(errorOf(other).messageHi).toMatch(/विवेचक/);

    await prepareFinalReport(t, fir.id);
    const io = await as(t, 'io.ps1');
    const first = await io.post(`/api/v1/cases/${fir.id}/transition`, { action: 'submit_final_report' });
    expect(first.statusCode).toBe(200);
    expect(first.json().case.stage).toBe('final_report_submitted');
    expect(first.json().case.substate).toBe('awaiting_sho_approval');
    const again = await io.post(`/api/v1/cases/${fir.id}/transition`, { action: 'submit_final_report' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('transition_not_allowed');

    // The IO cannot approve their own report; the SHO of another station cannot see it.
    expect((await io.post(`/api/v1/cases/${fir.id}/transition`, { action: 'approve_final_report' })).statusCode).toBe(403);
    expect((await (await as(t, 'sho.ps2')).post(`/api/v1/cases/${fir.id}/transition`, { action: 'approve_final_report' })).statusCode).toBe(
      404,
    );

    const sho = await as(t, 'sho.ps1');
    expect((await caseOf(fir.id)).allowedActions).toEqual(['approve_final_report', 'return_final_report']);
    const ok = await sho.post(`/api/v1/cases/${fir.id}/transition`, { action: 'approve_final_report' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case.substate).toBe('approved');
    // After approval it is with the court: no return, no second approval, and the court's moves are not the SHO's.
    expect(errorOf(await sho.post(`/api/v1/cases/${fir.id}/transition`, { action: 'return_final_report', reason: 'late' })).code).toBe(
      'transition_not_allowed',
    );
    expect((await sho.post(`/api/v1/cases/${fir.id}/transition`, { action: 'accept_final_report' })).statusCode).toBe(403);
    // Investigation records are closed.
    const diary = await io.post(`/api/v1/cases/${fir.id}/diary`, { circumstances: 'Late entry.' });
    expect(diary.statusCode).toBe(409);
    expect(errorOf(diary).code).toBe('case_not_under_investigation');
    const c = await caseOf(fir.id);
    expect(c.transitions.map((x: { action: string }) => x.action)).toEqual(['assign_io', 'submit_final_report', 'approve_final_report']);
  });

  it('the SHO returns a report for further investigation only with a reason', async () => {
    const fir = await makeCase(t);
    await submitFinalReport(t, fir.id);
    const sho = await as(t, 'sho.ps1');
    expect((await sho.post(`/api/v1/cases/${fir.id}/transition`, { action: 'return_final_report' })).statusCode).toBe(422);
    const r = await sho.post(`/api/v1/cases/${fir.id}/transition`, { action: 'return_final_report', reason: 'Examine the shopkeeper.' });
    expect(r.statusCode).toBe(200);
    expect(r.json().case.stage).toBe('under_investigation');
    expect(r.json().case.substate).toBeNull();
    expect(
      (await (await as(t, 'io.ps1')).post(`/api/v1/cases/${fir.id}/diary`, { circumstances: 'Examined the shopkeeper.' })).statusCode,
    ).toBe(201);
  });

  it('assign_io is not a move of the transition route', async () => {
    const fir = await makeCase(t, { io: null });
    expect((await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${fir.id}/transition`, { action: 'assign_io' })).statusCode).toBe(403);
    expect((await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${fir.id}/transition`, { action: 'nonsense' })).statusCode).toBe(400);
  });
});

describe('cases list and reads', () => {
  it('lists the cases of the caller’s jurisdiction with stage and IO, filtered', async () => {
    const mine = await makeCase(t);
    const other = await makeCase(t, { registeredBy: 'duty.ps2', sho: 'sho.ps2', io: 'io.ps2' });
    const io = await as(t, 'io.ps1');
    const all = (await io.get('/api/v1/cases?pageSize=200')).json() as {
      items: { id: string; stage: string; io: { name: string } | null }[];
      total: number;
    };
    expect(all.items.some((c) => c.id === mine.id)).toBe(true);
    expect(all.items.some((c) => c.id === other.id)).toBe(false);
    const m = (await io.get('/api/v1/cases?mine=true&pageSize=200')).json() as { items: { id: string; io: { id: string } }[] };
    expect(m.items.length).toBeGreaterThan(0);
    expect(m.items.every((c) => c.io.id === t.ids.users['io.ps1'])).toBe(true);
    const reg = (await io.get('/api/v1/cases?stage=registered&pageSize=200')).json() as { items: { stage: string }[] };
    expect(reg.items.every((c) => c.stage === 'registered')).toBe(true);
    // The district SP sees both stations' cases; the other district's SP sees neither.
    const sp = (await (await as(t, 'sp.d1')).get('/api/v1/cases?pageSize=200')).json() as { items: { id: string }[] };
    expect(sp.items.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
    const sp2 = (await (await as(t, 'sp.d2')).get('/api/v1/cases?pageSize=200')).json() as { items: { id: string }[] };
    expect(sp2.items.some((c) => c.id === mine.id)).toBe(false);
  });

  it('another station’s case is a 404, like a missing one; a read is audited', async () => {
    const fir = await makeCase(t);
    expect((await (await as(t, 'io.ps2')).get(`/api/v1/cases/${fir.id}`)).statusCode).toBe(404);
    expect((await (await as(t, 'io.ps2')).get(`/api/v1/cases/00000000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    await (await as(t, 'io.ps1')).get(`/api/v1/cases/${fir.id}`);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'actor_username'])
      .where('entity_id', '=', fir.id)
      .where('action', '=', 'case.read')
      .execute();
    expect(audit.some((a) => a.actor_username === 'io.ps1')).toBe(true);
  });

  it('supervisors add notes to cases of their jurisdiction only', async () => {
    const fir = await makeCase(t);
    const r = await (
      await as(t, 'sdpo.sd1')
    ).post(`/api/v1/cases/${fir.id}/supervision-notes`, { text: 'Expedite the recovery.', directions: ['Trace the phone'] });
    expect(r.statusCode).toBe(201);
    expect((await (await as(t, 'sp.d2')).post(`/api/v1/cases/${fir.id}/supervision-notes`, { text: 'x' })).statusCode).toBe(404);
    expect((await (await as(t, 'io.ps1')).post(`/api/v1/cases/${fir.id}/supervision-notes`, { text: 'x' })).statusCode).toBe(403);
    expect((await caseOf(fir.id)).supervisionNotes[0].directions).toEqual(['Trace the phone']);
  });

  it('no record before an IO is assigned, and none on a zero FIR sent away on transfer', async () => {
    const fir = await makeCase(t, { io: null });
    const r = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${fir.id}/diary`, { circumstances: 'Visited.' });
    expect(r.statusCode).toBe(409);
    expect(errorOf(r).code).toBe('case_not_opened');

    const zero = await registerFirAs(t, await as(t, 'duty.ps1'), { zeroFir: true, jurisdictionStationCode: 'PS02' });
    expect((await (await as(t, 'duty.ps1')).post(`/api/v1/firs/${zero.id}/transfer`, { reason: 'PS02 limits' })).statusCode).toBe(200);
    const a = await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${zero.id}/assign-io`, { ioUsername: 'io.ps1' });
    expect(a.statusCode).toBe(409);
    expect(errorOf(a).code).toBe('case_transferred');
  });

  it('investigation records are append-only in the database', async () => {
    const fir = await makeCase(t);
    await (await as(t, 'io.ps1')).post(`/api/v1/cases/${fir.id}/diary`, { circumstances: 'Visited the scene.' });
    await expect(
      t.db.kysely.updateTable('case_diary_entry').set({ circumstances: 'changed' }).where('fir_id', '=', fir.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('case_transition').where('fir_id', '=', fir.id).execute()).rejects.toThrow(/append-only/);
  });
});

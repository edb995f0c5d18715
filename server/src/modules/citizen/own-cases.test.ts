import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';
import { fileComplaintAs } from '../complaints/factories.js';
import { signUpCitizen } from './factories.js';
import { notifyStageChange } from './stages.js';

let t: TestContext;
let meera: Client;
let other: Client;
let otherMobile: string;
let duty1: Client;

beforeAll(async () => {
  t = await startTestApp({ config: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  meera = await t.login('citizen1');
  const o = await signUpCitizen(t, { name: 'Kiran Patil' });
  other = o.client;
  otherMobile = o.mobile;
  duty1 = await t.login('duty.ps1');
}, 300_000);
afterAll(() => t?.close());

/** A complaint of `who`, registered as an FIR at PS01. */
async function firOf(who: Client) {
  const c = await fileComplaintAs(t, who, { kind: 'threat_intimidation' });
  const r = await duty1.post(`/api/v1/complaints/${c.id}/register-fir`, { sections: [{ act: 'BNS', section: '351(3)' }] });
  if (r.statusCode !== 201) throw new Error(r.body);
  return { complaint: c, fir: r.json().fir as { id: string; firNumber: string } };
}

const moveStage = (firId: string, to: string, result?: string) =>
  t.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('fir_status')
      .set({ stage: to, stage_changed_at: t.clock.now(), updated_at: t.clock.now() })
      .where('fir_id', '=', firId)
      .execute();
    return notifyStageChange(trx, firId, to, { clock: t.clock, result });
  });

describe('a citizen’s own complaints and FIRs', () => {
  it('lists only the citizen’s own complaints; another citizen’s complaint answers 404', async () => {
    const mine = await fileComplaintAs(t, meera, { kind: 'threat_intimidation' });
    const theirs = await fileComplaintAs(t, other, { kind: 'threat_intimidation' });
    const list = (await other.get('/api/v1/citizen/complaints')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([theirs.id]);
    expect((await other.get(`/api/v1/citizen/complaints/${mine.id}`)).statusCode).toBe(404);
    expect((await meera.get(`/api/v1/citizen/complaints/${theirs.id}`)).statusCode).toBe(404);
    const mineView = (await meera.get(`/api/v1/citizen/complaints/${mine.id}`)).json();
    expect(mineView).toMatchObject({ ackNumber: mine.ackNumber, status: 'submitted', history: [{ action: 'submitted' }] });
    // What officers did stays on the police side.
    expect(JSON.stringify(mineView)).not.toMatch(/officer|gdEntry|Ramesh Yadav/);
    expect((await other.get('/api/v1/dashboard')).json().counts.myOpenComplaints).toBe(1);
  });

  it('shows My FIRs with the full stage history, and sends an SMS and e-mail on each stage change', async () => {
    const { fir } = await firOf(other);
    const first = (await other.get('/api/v1/citizen/firs')).json().items;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      id: fir.id,
      firNumber: fir.firNumber,
      stage: 'registered',
      history: [{ stage: 'registered', labelEn: 'Registered' }],
    });

    t.clock.advanceMinutes(10);
    expect(await moveStage(fir.id, 'under_investigation')).toEqual({ recorded: true, notified: 1 });
    t.clock.advanceMinutes(10);
    expect(await moveStage(fir.id, 'charge_sheeted')).toEqual({ recorded: true, notified: 1 });
    // The same stage again is not a change.
    expect(await moveStage(fir.id, 'charge_sheeted')).toEqual({ recorded: false, notified: 0 });

    const view = (await other.get(`/api/v1/citizen/firs/${fir.id}`)).json();
    expect(view.history.map((h: { stage: string }) => h.stage)).toEqual(['registered', 'under_investigation', 'charge_sheeted']);
    expect(view.stage).toBe('charge_sheeted');
    const sms = (await t.db.kysely.selectFrom('outbox').select(['topic', 'payload']).execute())
      .map((r) => ({ topic: r.topic, ...(r.payload as { to: string; kind: string; text: string }) }))
      .filter((m) => m.to === otherMobile);
    expect(sms.filter((m) => m.kind === 'case_stage_change').map((m) => m.text)).toEqual([
      expect.stringContaining('Under investigation'),
      expect.stringContaining('Charge sheet filed'),
    ]);
    expect(sms.filter((m) => m.kind === 'fir_registered')).toHaveLength(1);
  });

  it('lets the informant download the FIR copy in English and Hindi, and nobody else', async () => {
    const { fir } = await firOf(meera);
    for (const lang of ['en', 'hi']) {
      const r = await meera.get(`/api/v1/citizen/firs/${fir.id}/copy.pdf?lang=${lang}`);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="FIR-PS01-/);
      expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await other.get(`/api/v1/citizen/firs/${fir.id}/copy.pdf`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/citizen/firs/${fir.id}`)).statusCode).toBe(404);
    expect((await t.anon().get(`/api/v1/citizen/firs/${fir.id}/copy.pdf`)).statusCode).toBe(401);
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'actor_username'])
      .where('entity_id', '=', fir.id)
      .where('action', '=', 'fir.copy')
      .execute();
    expect(audit).toEqual([
      { action: 'fir.copy', actor_username: 'citizen1' },
      { action: 'fir.copy', actor_username: 'citizen1' },
    ]);
  });

  it('does not count an FIR the police registered directly as anyone’s, and records its stages without a notice', async () => {
    const fir = await registerFirAs(t, 'duty.ps1');
    expect((await meera.get(`/api/v1/citizen/firs/${fir.id}`)).statusCode).toBe(404);
    expect(await moveStage(fir.id, 'under_investigation')).toEqual({ recorded: true, notified: 0 });
  });
});

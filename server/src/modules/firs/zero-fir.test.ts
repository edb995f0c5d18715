import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from './factories.js';

let t: TestContext;
let ps2: Client;
let ps1: Client;
beforeAll(async () => {
  t = await startTestApp();
  ps2 = await t.login('duty.ps2');
  ps1 = await t.login('duty.ps1');
});
afterAll(() => t.close());

const dash = async (c: Client) => (await c.get('/api/v1/dashboard')).json().counts;

describe('zero FIR (BNSS 173(1))', () => {
  it('is registered anywhere, transferred, acknowledged, and re-registered under the receiving station’s number, linked both ways', async () => {
    // PS01 has registered two FIRs of its own, so the re-registered one is its third.
    await registerFirAs(t, ps1);
    await registerFirAs(t, ps1);
    const zero = await registerFirAs(t, ps2, { zeroFir: true, jurisdictionStationCode: 'PS01' });
    expect(zero).toMatchObject({ zeroFir: true, stationCode: 'PS02', jurisdictionStation: { code: 'PS01' }, transfer: null });

    const before1 = await dash(ps1);
    const tr = await ps2.post(`/api/v1/firs/${zero.id}/transfer`, {
      reason: 'The place of occurrence is in PS Kotwali limits.',
      version: zero.version,
    });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json().transfer).toMatchObject({ state: 'pending', toStationCode: 'PS01' });

    // Pending on both sides: lists and dashboards.
    const out = (await ps2.get('/api/v1/firs?transfer=pending_out')).json();
    expect(out.items.map((i: { id: string }) => i.id)).toContain(zero.id);
    const inc = (await ps1.get('/api/v1/firs?transfer=pending_in')).json();
    expect(inc.items.map((i: { id: string }) => i.id)).toContain(zero.id);
    expect((await dash(ps2)).firTransfersPendingOut).toBe(1);
    expect((await dash(ps1)).firTransfersPendingIn).toBe(before1.firTransfersPendingIn + 1);
    // The receiving station can read what it is asked to accept; a third station cannot.
    expect((await ps1.get(`/api/v1/firs/${zero.id}`)).statusCode).toBe(200);
    expect((await (await t.login('duty.ps4')).get(`/api/v1/firs/${zero.id}`)).statusCode).toBe(404);
    // The sending station cannot acknowledge its own transfer.
    expect((await ps2.post(`/api/v1/firs/${zero.id}/acknowledge`, {})).statusCode).toBe(404);

    const ack = await ps1.post(`/api/v1/firs/${zero.id}/acknowledge`, { remarks: 'Original papers received.' });
    expect(ack.statusCode, ack.body).toBe(201);
    const { zeroFir, fir } = ack.json();
    expect(fir).toMatchObject({
      stationCode: 'PS01',
      serial: 3,
      firNumber: '0003/2026',
      zeroFir: false,
      originFir: { id: zero.id, firNumber: zero.firNumber, stationCode: 'PS02' },
    });
    expect(fir.sections).toEqual(zero.sections);
    expect(fir.narrative).toBe(zero.narrative);
    expect(zeroFir.transfer).toMatchObject({
      state: 'acknowledged',
      transferredFir: { id: fir.id, firNumber: '0003/2026', stationCode: 'PS01' },
    });

    // GD entries on both sides.
    const gd2 = (await ps2.get('/api/v1/gd')).json().items;
    expect(gd2.some((e: { kind: string; refId: string }) => e.kind === 'transfer_out' && e.refId === zero.id)).toBe(true);
    const gd1 = (await ps1.get('/api/v1/gd')).json().items;
    const inEntry = gd1.find((e: { kind: string; refId: string }) => e.kind === 'transfer_in' && e.refId === fir.id);
    expect(inEntry.text).toContain(zero.firNumber);
    expect(fir.gdEntry.id).toBe(inEntry.id);

    // No longer pending anywhere.
    expect((await dash(ps2)).firTransfersPendingOut).toBe(0);
    expect((await ps1.get('/api/v1/firs?transfer=pending_in')).json().items.map((i: { id: string }) => i.id)).not.toContain(zero.id);
  });

  it('refuses a second acknowledgement (double submit) with 409 and a second transfer with 409', async () => {
    const zero = await registerFirAs(t, ps2, { zeroFir: true, jurisdictionStationCode: 'PS01' });
    await ps2.post(`/api/v1/firs/${zero.id}/transfer`, { reason: 'PS01 limits' });
    const again = await ps2.post(`/api/v1/firs/${zero.id}/transfer`, { reason: 'PS01 limits' });
    expect(again.statusCode).toBe(409);
    const [a, b] = await Promise.all([
      ps1.post(`/api/v1/firs/${zero.id}/acknowledge`, {}),
      ps1.post(`/api/v1/firs/${zero.id}/acknowledge`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const reRegistered = await t.db.kysely.selectFrom('fir').select('id').where('origin_fir_id', '=', zero.id).execute();
    expect(reRegistered).toHaveLength(1);
  });

  it('refuses a stale version on transfer with 412', async () => {
    const zero = await registerFirAs(t, ps2, { zeroFir: true, jurisdictionStationCode: 'PS01' });
    const r = await ps2.post(`/api/v1/firs/${zero.id}/transfer`, { reason: 'PS01 limits', version: zero.version + 1 });
    expect(r.statusCode).toBe(412);
    expect(errorOf(r).code).toBe('stale_version');
  });

  it('refuses a zero FIR without, or pointing at, its own jurisdictional station', async () => {
    const none = await ps2.post(
      '/api/v1/firs',
      { ...(await import('./factories.js')).makeFirInput({ zeroFir: true }) },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(none.statusCode).toBe(422);
    expect(errorOf(none).fields).toHaveProperty('jurisdictionStationId');
    const own = await ps2.post(
      '/api/v1/firs',
      (await import('./factories.js')).makeFirInput({ zeroFir: true, jurisdictionStationCode: 'PS02' }),
      {
        'idempotency-key': crypto.randomUUID(),
      },
    );
    expect(own.statusCode).toBe(422);
  });
});

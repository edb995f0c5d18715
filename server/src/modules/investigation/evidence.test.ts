import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { addPerson, addSeizure, as, makeCase, PNG_1X1 } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      SESSION_IDLE_MINUTES: '1000000',
      SESSION_ABSOLUTE_HOURS: '100000',
      UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'cctns-ev-')),
    },
  });
}, 180_000);
afterAll(() => t.close());

const io = () => as(t, 'io.ps1');
const iso = (d: Date) => d.toISOString();
const ago = (ms: number) => iso(new Date(t.clock.now().getTime() - ms));

describe('seizure memo (IIF-4)', () => {
  it('numbers items per case across memos and starts each with the seizing officer', async () => {
    const c = await makeCase(t);
    const s1 = await addSeizure(t, c.id, [
      { description: 'Knife', category: 'weapon', quantity: 1 },
      { description: 'Cash', category: 'cash', quantity: 1, value: 5000 },
    ]);
    const s2 = await addSeizure(t, c.id, [{ description: 'Bag', category: 'other', quantity: 1 }]);
    expect(s1.items.map((i) => i.itemNo)).toEqual([1, 2]);
    expect(s2.items.map((i) => i.itemNo)).toEqual([3]);
    const view = (await (await io()).get(`/api/v1/cases/${c.id}`)).json() as {
      seizures: { memoNo: number; items: { location: string; possibleMoves: string[] }[] }[];
    };
    expect(view.seizures.map((s) => s.memoNo)).toEqual([1, 2]);
    expect(view.seizures[0].items[0].location).toBe('seized');
    expect(view.seizures[0].items[0].possibleMoves).toEqual(['malkhana_deposit']);
  });

  it('refuses a seizure before the FIR, and one without the BNSS 105 recording or a reason for its absence', async () => {
    const c = await makeCase(t);
    const early = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/seizures`, {
      seizedAt: ago(60_000),
      place: 'Chowk',
      searchKind: 'search',
      witnesses: [{ name: 'W' }],
      recordingAbsentReason: 'none',
      items: [{ description: 'Knife', category: 'weapon', quantity: 1 }],
    });
    expect(early.statusCode).toBe(422);
    expect(errorOf(early).code).toBe('before_fir_registration');
    const noRec = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/seizures`, {
      place: 'Chowk',
      searchKind: 'search',
      witnesses: [{ name: 'W' }],
      items: [{ description: 'Knife', category: 'weapon', quantity: 1 }],
    });
    expect(noRec.statusCode).toBe(422);
    expect(errorOf(noRec).code).toBe('seizure_recording_invalid');
    // A photograph is not an audio-video recording.
    const photo = (
      await (await io()).post(`/api/v1/cases/${c.id}/documents`, { kind: 'photo', title: 'p', fileName: 'p.png', contentBase64: PNG_1X1 })
    ).json() as { id: string };
    const notVideo = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/seizures`, {
      place: 'Chowk',
      searchKind: 'search',
      witnesses: [{ name: 'W' }],
      recording: { documentId: photo.id },
      items: [{ description: 'Knife', category: 'weapon', quantity: 1 }],
    });
    expect(notVideo.statusCode).toBe(422);
    expect(errorOf(notVideo).fields).toHaveProperty(['recording.documentId']);
    const ext = await (
      await io()
    ).post(`/api/v1/cases/${c.id}/seizures`, {
      place: 'Chowk',
      searchKind: 'search',
      witnesses: [{ name: 'W' }],
      recording: { ref: 'e-Sakshya SR-1', sha256: 'a'.repeat(64) },
      items: [{ description: 'Knife', category: 'weapon', quantity: 1 }],
    });
    expect(ext.statusCode).toBe(201);
  });
});

describe('chain of custody', () => {
  it('moves an item malkhana → lab → back → owner, in order, from where it is', async () => {
    const c = await makeCase(t);
    const s = await addSeizure(t, c.id);
    const url = `/api/v1/cases/${c.id}/items/${s.items[0].id}/moves`;
    const move = async (body: Record<string, unknown>) =>
      (await io()).post(url, { place: 'Malkhana, PS Kotwali', reason: 'custody', ...body });
    t.clock.advanceMinutes(10);
    expect((await move({ kind: 'malkhana_deposit', from: 'seized' })).statusCode).toBe(201);
    // Not from where it was: it is in the malkhana now.
    const twice = await move({ kind: 'malkhana_deposit', from: 'seized' });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).code).toBe('item_not_there');
    const notAllowed = await move({ kind: 'returned_from_fsl', from: 'malkhana' });
    expect(notAllowed.statusCode).toBe(409);
    expect(errorOf(notAllowed).code).toBe('custody_move_not_allowed');
    // Not back in time.
    const backwards = await move({ kind: 'sent_to_fsl', from: 'malkhana', at: ago(5 * 60_000) });
    expect(backwards.statusCode).toBe(422);
    expect(errorOf(backwards).code).toBe('time_out_of_order');
    t.clock.advanceMinutes(60);
    expect((await move({ kind: 'sent_to_fsl', from: 'malkhana', place: 'SFSL Sagar', handedTo: 'Receipt clerk, SFSL' })).statusCode).toBe(
      201,
    );
    t.clock.advanceMinutes(60);
    expect((await move({ kind: 'returned_from_fsl', from: 'fsl' })).statusCode).toBe(201);
    const noOrder = await move({ kind: 'released_to_owner', from: 'malkhana' });
    expect(noOrder.statusCode).toBe(422);
    expect(errorOf(noOrder).code).toBe('order_required');
    expect(
      (
        await move({
          kind: 'released_to_owner',
          from: 'malkhana',
          orderRef: 'CJM order 12/2026 dated 20.01.2026',
          handedTo: 'Owner Ravi Kumar',
        })
      ).statusCode,
    ).toBe(201);
    // Released: the chain is closed.
    expect(errorOf(await move({ kind: 'sent_to_court', from: 'released' })).code).toBe('custody_move_not_allowed');
    const view = (await (await io()).get(`/api/v1/cases/${c.id}`)).json() as {
      seizures: { items: { location: string; moves: { seq: number; kind: string }[] }[] }[];
    };
    const item = view.seizures[0].items[0];
    expect(item.location).toBe('released');
    expect(item.moves.map((m) => m.kind)).toEqual(['malkhana_deposit', 'sent_to_fsl', 'returned_from_fsl', 'released_to_owner']);
    expect(item.moves.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('a move before the seizure is refused, and two simultaneous moves leave the item in one place', async () => {
    const c = await makeCase(t);
    t.clock.advanceMinutes(5);
    const s = await addSeizure(t, c.id);
    const url = `/api/v1/cases/${c.id}/items/${s.items[0].id}/moves`;
    const early = await (await io()).post(url, { kind: 'malkhana_deposit', from: 'seized', place: 'M', reason: 'r', at: ago(60_000) });
    expect(early.statusCode).toBe(422);
    const [a, b] = await Promise.all([
      (await io()).post(url, { kind: 'malkhana_deposit', from: 'seized', place: 'Malkhana', reason: 'r' }),
      (await as(t, 'io.ps1')).post(url, { kind: 'malkhana_deposit', from: 'seized', place: 'Malkhana 2', reason: 'r' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const moves = await t.db.kysely.selectFrom('custody_move').select('seq').where('item_id', '=', s.items[0].id).execute();
    expect(moves).toHaveLength(1);
  });

  it('only the designated IO moves items; another station gets 404; an unknown item 404', async () => {
    const c = await makeCase(t);
    const s = await addSeizure(t, c.id);
    const body = { kind: 'malkhana_deposit', from: 'seized', place: 'M', reason: 'r' };
    expect((await (await as(t, 'io2.ps1')).post(`/api/v1/cases/${c.id}/items/${s.items[0].id}/moves`, body)).statusCode).toBe(403);
    expect((await (await as(t, 'io.ps2')).post(`/api/v1/cases/${c.id}/items/${s.items[0].id}/moves`, body)).statusCode).toBe(404);
    expect((await (await io()).post(`/api/v1/cases/${c.id}/items/00000000-0000-7000-8000-000000000000/moves`, body)).statusCode).toBe(404);
  });
});

describe('cross-case property alert', () => {
  it('warns when a seized vehicle or phone matches property of another case, naming it only within the officer’s jurisdiction', async () => {
    // PS02's case records a stolen phone; PS01's other case a stolen motorcycle.
    const ps2 = await makeCase(t, { registeredBy: 'duty.ps2', sho: 'sho.ps2', io: 'io.ps2' });
    expect(
      (
        await (
          await as(t, 'io.ps2')
        ).put(`/api/v1/cases/${ps2.id}/crime-details`, {
          propertyItems: [{ description: 'Redmi phone', category: 'mobile phone', imei: ['356938035643809'] }],
        })
      ).statusCode,
    ).toBe(200);
    const ps1b = await makeCase(t);
    expect(
      (
        await (
          await io()
        ).put(`/api/v1/cases/${ps1b.id}/crime-details`, { propertyItems: [{ description: 'Hero Splendor', regNo: 'MP04AB1234' }] })
      ).statusCode,
    ).toBe(200);

    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused');
    const s = await addSeizure(t, c.id, [
      { description: 'Black motorcycle', category: 'vehicle', quantity: 1, vehicleRegNo: 'mp 04 ab-1234' },
      { description: 'Phone', category: 'mobile_phone', quantity: 1, imei: ['35693803 5643809'] },
      { description: 'Knife', category: 'weapon', quantity: 1 },
    ]);
    expect(s.alerts).toHaveLength(2);
    const alerts = s.alerts as { kind: string; otherCase: { firNumber: string } | null; otherCaseText: string; otherCaseTextHi: string }[];
    const vehicle = alerts.find((a) => a.kind === 'vehicle_reg')!;
    expect(vehicle.otherCase?.firNumber).toBe(ps1b.firNumber);
    const phone = alerts.find((a) => a.kind === 'imei')!;
    expect(phone.otherCase).toBeNull();
    expect(phone.otherCaseText).toBe('a case in another station');
    expect(JSON.stringify(phone)).not.toContain(ps2.firNumber);
    expect(JSON.stringify(phone)).not.toContain(ps2.id);

    // The search module's indexes learn of the seizure: the vehicle is found as recovered in this case.
    const v = (await (await as(t, 'sho.ps1')).get('/api/v1/vehicles/search?q=MP04AB1234')).json() as {
      items: { firId?: string; status: string; source?: string }[];
    };
    expect(JSON.stringify(v)).toContain(c.id);
    // The SP of the district sees both cases named.
    const sp = (await (await as(t, 'sp.d1')).get(`/api/v1/cases/${c.id}/property-alerts`)).json() as {
      alerts: { otherCase: { firNumber: string } | null }[];
    };
    expect(sp.alerts.map((a) => a.otherCase?.firNumber).sort()).toEqual([ps1b.firNumber, ps2.firNumber].sort());
  });
});

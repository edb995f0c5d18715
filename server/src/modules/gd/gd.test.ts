import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';

let t: TestContext;
let duty: Client;
beforeAll(async () => {
  // 23:50 IST on 15 January 2026.
  t = await startTestApp({ clockStart: '2026-01-15T18:20:00Z' });
  duty = await t.login('duty.ps1');
});
afterAll(() => t.close());

const add = (c: Client, text: string, extra: Record<string, unknown> = {}) => c.post('/api/v1/gd', { kind: 'manual', text, ...extra });

describe('General Diary', () => {
  it('numbers entries per station per IST day, restarting at IST midnight (18:30 UTC), in time order', async () => {
    const a = await add(duty, 'Night patrol B1 checked the bazaar; all quiet.');
    t.clock.advanceMinutes(5); // 23:55 IST
    const b = await duty.post('/api/v1/gd', {
      kind: 'departure',
      text: 'HC Ramesh departed for night round.',
      officers: ['HC Ramesh Yadav'],
    });
    const other = await add(await t.login('duty.ps2'), 'Civil Lines entry the same night.');
    t.clock.advanceMinutes(10); // 00:05 IST on 16 January
    const c = await duty.post('/api/v1/gd', { kind: 'arrival', text: 'HC Ramesh returned from night round.' });
    expect([a, b, other, c].map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect([a.json().date, a.json().entryNo]).toEqual(['2026-01-15', 1]);
    expect([b.json().date, b.json().entryNo]).toEqual(['2026-01-15', 2]);
    expect([other.json().date, other.json().entryNo]).toEqual(['2026-01-15', 1]);
    expect([c.json().date, c.json().entryNo]).toEqual(['2026-01-16', 1]);
    expect(b.json().details).toEqual({ officers: ['HC Ramesh Yadav'] });

    const day = (await duty.get('/api/v1/gd?date=2026-01-15')).json();
    expect(day.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([1, 2]);
    const times = day.items.map((e: { recordedAt: string }) => new Date(e.recordedAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // Today (IST) is the default day.
    expect((await duty.get('/api/v1/gd')).json().date).toBe('2026-01-16');
  });

  it('time-stamps entries with the server clock, not anything the client sends', async () => {
    const r = await duty.post('/api/v1/gd', { kind: 'manual', text: 'Backdating attempt.', recordedAt: '2020-01-01T00:00:00Z' } as Record<
      string,
      unknown
    >);
    expect(r.statusCode).toBe(201);
    expect(new Date(r.json().recordedAt).getTime()).toBe(t.clock.now().getTime());
  });

  it('corrects an entry with a new one that points at it; the old one is unchanged and cannot be changed', async () => {
    const old = (await add(duty, 'Vehicle MP04 1234 seized.')).json();
    const fix = await add(duty, 'Read: vehicle MP04 AB 1243 seized.', { correctsId: old.id });
    expect(fix.statusCode).toBe(201);
    expect(fix.json()).toMatchObject({ kind: 'correction', correctsId: old.id });
    await expect(sql`update gd_entry set text = 'changed' where id = ${old.id}`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    const day = (await duty.get(`/api/v1/gd?date=${old.date}`)).json();
    expect(day.items.find((e: { id: string }) => e.id === old.id).text).toBe('Vehicle MP04 1234 seized.');
  });

  it('refuses a correction of another station’s entry, system kinds by hand, and bad bodies', async () => {
    const theirs = (await add(await t.login('duty.ps2'), 'Civil Lines entry.')).json();
    const r = await add(duty, 'Correcting theirs.', { correctsId: theirs.id });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).fields).toHaveProperty('correctsId');
    const sys = await duty.post('/api/v1/gd', { kind: 'fir_registered', text: 'Fake FIR entry.' });
    expect(sys.statusCode).toBe(400);
    expect(errorOf(sys).fields).toHaveProperty('kind');
    const empty = await duty.post('/api/v1/gd', { kind: 'manual', text: '' });
    expect(empty.statusCode).toBe(400);
  });

  it('answers 404 for another station’s diary, and lets the district see its stations', async () => {
    expect((await duty.get(`/api/v1/gd?stationId=${t.ids.stations.PS02}`)).statusCode).toBe(404);
    expect(
      (await duty.post('/api/v1/gd', { stationId: t.ids.stations.PS02, kind: 'manual', text: 'Into another diary.' })).statusCode,
    ).toBe(404);
    const sp = await t.login('sp.d1');
    const r = await sp.get(`/api/v1/gd?stationId=${t.ids.stations.PS02}&date=2026-01-15`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.length).toBeGreaterThan(0);
    expect((await sp.get('/api/v1/gd')).statusCode).toBe(422); // an SP has no station of their own: name one
  });

  it('prints the day as a PDF', async () => {
    const r = await duty.get('/api/v1/gd/print.pdf?date=2026-01-15');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

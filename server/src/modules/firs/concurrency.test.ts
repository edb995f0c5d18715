import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { makeFirInput } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('FIR numbering under load', () => {
  it('gives 50 concurrent registrations at one station the serials 1..50 exactly', async () => {
    const duty = await t.login('duty.ps4');
    const sho = await t.login('sho.ps4');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? duty : sho).post('/api/v1/firs', makeFirInput({ narrative: `Concurrent registration number ${i} at Sonpur Kotwali.` }), {
          'idempotency-key': randomUUID(),
        }),
      ),
    );
    const bad = results.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`);
    expect(bad).toEqual([]);
    const serials = results.map((r) => r.json().serial as number).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const numbers = new Set(results.map((r) => r.json().firNumber));
    expect(numbers.size).toBe(50);
    expect(numbers.has('0050/2026')).toBe(true);

    const db = await t.db.kysely
      .selectFrom('fir')
      .select(['serial'])
      .where('station_id', '=', t.ids.stations.PS04)
      .orderBy('serial')
      .execute();
    expect(db.map((r) => r.serial)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Each FIR has its own GD entry, numbered without gaps within the day.
    const gd = await t.db.kysely
      .selectFrom('gd_entry')
      .select('entry_no')
      .where('station_id', '=', t.ids.stations.PS04)
      .orderBy('entry_no')
      .execute();
    expect(gd.map((r) => r.entry_no)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 120_000);

  it('gives a rejected registration’s number back: the next one continues the series', async () => {
    const duty = await t.login('duty.ps2');
    const first = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': randomUUID() });
    const refused = await duty.post('/api/v1/firs', makeFirInput({ sections: [{ act: 'BNS', section: '999' }] }), {
      'idempotency-key': randomUUID(),
    });
    expect(refused.statusCode).toBe(422);
    const second = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': randomUUID() });
    expect(second.json().serial).toBe(first.json().serial + 1);
  });

  it('restarts serials in a new IST year: 1 January 00:30 IST is still 31 December in UTC', async () => {
    const saved = t.clock.now();
    t.clock.set('2026-12-31T19:00:00Z'); // 2027-01-01 00:30 IST
    const duty = await t.login('duty.ps2');
    const r = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': randomUUID() });
    t.clock.set(saved);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ year: 2027, serial: 1, firNumber: '0001/2027' });
  });
});

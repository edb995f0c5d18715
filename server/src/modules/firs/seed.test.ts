import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { listFirs, listFirsJson } from './repository.js';
import { firListItem } from './presenter.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ withRecords: true });
}, 120_000);
afterAll(() => t.close());

describe('demo FIRs and GD', () => {
  it('seeds FIRs at several stations, one sensitive, one zero FIR pending and one accepted with links both ways', async () => {
    const ps1 = await t.login('duty.ps1');
    const list = (await ps1.get('/api/v1/firs?pageSize=200')).json();
    expect(list.total).toBeGreaterThanOrEqual(7);
    expect(list.totalCapped).toBe(false);
    expect(list.total).toBe(list.items.length);
    // Other modules' seeders add FIRs too (complaints registered as FIRs), so count at least ours.
    expect(list.items.filter((i: { sensitive: boolean; sections: string[] }) => i.sensitive && i.sections.includes('BNS 74'))).toHaveLength(
      1,
    );
    expect(list.items.some((i: { sections: string[] }) => i.sections.includes('IPC 420'))).toBe(true);
    const pendingIn = (await ps1.get('/api/v1/firs?transfer=pending_in')).json();
    expect(pendingIn.items.length).toBeGreaterThanOrEqual(1);
    expect(pendingIn.items).toContainEqual(expect.objectContaining({ stationCode: 'PS02', zeroFir: true, transferState: 'pending' }));
    const counts = (await ps1.get('/api/v1/dashboard')).json().counts;
    expect(counts.firTransfersPendingIn).toBe(pendingIn.total);
    expect(counts.gdEntriesToday).toBeGreaterThan(0);

    const ps2 = await t.login('duty.ps2');
    const received = (await ps2.get('/api/v1/firs?pageSize=200'))
      .json()
      .items.find((i: { receivedOnTransfer: boolean }) => i.receivedOnTransfer);
    const fir = (await ps2.get(`/api/v1/firs/${received.id}`)).json();
    expect(fir.originFir.stationCode).toBe('PS01');
    const zero = (await ps1.get(`/api/v1/firs/${fir.originFir.id}`)).json();
    expect(zero.transfer).toMatchObject({ state: 'acknowledged', transferredFir: { id: fir.id } });
  });

  it('takes the OpenAPI example unchanged on the seeded database', async () => {
    const spec = (await t.anon().get('/api/v1/openapi.json')).json();
    const content = spec.paths['/api/v1/firs'].post.requestBody.content['application/json'];
    const r = await (
      await t.login('duty.ps1')
    ).post('/api/v1/firs', content.example ?? content.schema.examples[0], { 'idempotency-key': randomUUID() });
    expect(r.statusCode, r.body).toBe(201);
  });
});

describe('the FIR list total', () => {
  it('is exact up to the cap and says "more than" beyond it, without counting every FIR', async () => {
    const scope = {
      level: 'station' as const,
      stateCode: 'XA',
      districtId: t.ids.districts.D1,
      subdivisionId: t.ids.subdivisions.SD1,
      stationId: t.ids.stations.PS01,
    };
    const exact = await listFirs(t.db.kysely, scope, { limit: 2, offset: 0 });
    expect(exact.totalCapped).toBe(false);
    expect(exact.total).toBeGreaterThan(3);
    expect(exact.rows).toHaveLength(2);
    const capped = await listFirs(t.db.kysely, scope, { limit: 2, offset: 0 }, 3);
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.rows.map((r) => r.id)).toEqual(exact.rows.map((r) => r.id));
    const atCap = await listFirs(t.db.kysely, scope, { limit: 2, offset: 0 }, exact.total);
    expect(atCap).toMatchObject({ total: exact.total, totalCapped: false });
  });
});

describe('the FIR list as JSON from PostgreSQL', () => {
  it('gives field for field what the presenter gives, for every filter the list takes', async () => {
    const ps1 = {
      level: 'station' as const,
      stateCode: 'XA',
      districtId: t.ids.districts.D1,
      subdivisionId: t.ids.subdivisions.SD1,
      stationId: t.ids.stations.PS01,
    };
    const state = { level: 'state' as const, stateCode: 'XA' };
    const cases = [
      { scope: ps1, f: { limit: 200, offset: 0 } },
      { scope: state, f: { limit: 200, offset: 0 } },
      { scope: state, f: { limit: 3, offset: 2, sensitive: true } },
      { scope: ps1, f: { limit: 50, offset: 0, transfer: 'pending_in' as const } },
      { scope: state, f: { limit: 50, offset: 0, transfer: 'pending_out' as const } },
    ];
    let seen = 0;
    for (const c of cases) {
      const a = await listFirs(t.db.kysely, c.scope, c.f);
      const b = await listFirsJson(t.db.kysely, c.scope, c.f);
      const expected = JSON.parse(JSON.stringify(a.rows.map(firListItem)));
      expect(JSON.parse(b.itemsJson)).toEqual(expected);
      expect([b.total, b.totalCapped]).toEqual([a.total, a.totalCapped]);
      seen += expected.length;
    }
    expect(seen).toBeGreaterThan(10);
    // The route answers with it, as JSON.
    const r = await (await t.login('duty.ps1')).get('/api/v1/firs?pageSize=5');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json()).toMatchObject({ page: 1, pageSize: 5, totalCapped: false });
    expect(r.json().items).toHaveLength(5);
  });
});

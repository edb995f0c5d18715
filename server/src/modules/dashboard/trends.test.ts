import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';

let t: TestContext;
let sp: Client;
let sp2: Client;
let sho2: Client;

interface Trends {
  months: string[];
  rows: { month: string; headCode: string | null; headEn: string; headHi: string; stage: string; count: number }[];
}
const total = (x: Trends, month?: string) => x.rows.filter((r) => !month || r.month === month).reduce((n, r) => n + r.count, 0);
const trends = async (c: Client, query = '') => {
  const r = await c.get(`/api/v1/dashboard/trends${query}`);
  expect(r.statusCode).toBe(200);
  return r.json() as Trends;
};

beforeAll(async () => {
  t = await startTestApp();
  [sp, sp2, sho2] = await Promise.all([t.login('sp.d1'), t.login('sp.d2'), t.login('sho.ps2')]);
});
afterAll(() => t.close());

describe('GET /api/v1/dashboard/trends', () => {
  it('counts an FIR registered now in its month, crime head and stage, for the district above it only', async () => {
    const month = new Date(t.clock.now().getTime() + 330 * 60_000).toISOString().slice(0, 7);
    const [d1, d2, ps2] = await Promise.all([trends(sp), trends(sp2), trends(sho2)]);
    expect(d1.months).toHaveLength(12);
    expect(d1.months.at(-1)).toBe(month);

    await registerFirAs(t, 'duty.ps1'); // BNS 303(2), theft, at PS01 (district D1)

    const [d1b, d2b, ps2b] = await Promise.all([trends(sp), trends(sp2), trends(sho2)]);
    expect(total(d1b, month)).toBe(total(d1, month) + 1);
    expect(total(d2b)).toBe(total(d2));
    expect(total(ps2b)).toBe(total(ps2));
    const theft = d1b.rows.find((r) => r.month === month && r.stage === 'registered' && /theft/i.test(r.headEn));
    expect(theft).toBeDefined();
    expect(theft!.headHi).not.toBe(theft!.headEn);
  });

  it('answers a district outside the caller’s jurisdiction as empty, and only whole months back', async () => {
    expect((await trends(sp, `?districtId=${t.ids.districts.D2}`)).rows).toEqual([]);
    expect(total(await trends(sp, `?districtId=${t.ids.districts.D1}`))).toBe(total(await trends(sp)));
    expect((await trends(sp, '?months=1')).months).toHaveLength(1);
    for (const bad of ['?months=0', '?months=37', '?months=x', '?districtId=not-a-uuid']) {
      const r = await sp.get(`/api/v1/dashboard/trends${bad}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields?.length ?? 1).toBeGreaterThan(0);
    }
  });

  it('is for the police only', async () => {
    const citizen = await t.login('citizen1');
    expect((await citizen.get('/api/v1/dashboard/trends')).statusCode).toBe(403);
    expect((await t.anon().get('/api/v1/dashboard/trends')).statusCode).toBe(401);
  });
});

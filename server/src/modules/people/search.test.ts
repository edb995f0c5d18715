import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makePerson, searchAs } from './factories.js';

let t: TestContext;
let io: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  io = await t.login('io.ps1');
  const D1 = t.ids.districts.D1!;
  const D2 = t.ids.districts.D2!;
  const people: [string, Record<string, unknown>][] = [
    [
      'shrivastav',
      {
        name: 'Rajesh Shrivastav',
        fatherName: 'Ramesh Chandra Shrivastav',
        age: { years: 35 },
        addresses: [{ address: '12 Gandhi Nagar', districtId: D1 }],
      },
    ],
    [
      'srivastava',
      {
        name: 'Rajesh Srivastava',
        fatherName: 'Ramesh Srivastava',
        age: { years: 36 },
        addresses: [{ address: 'Ward 4, Sonpur', districtId: D2 }],
      },
    ],
    ['initials', { name: 'R. K. Srivastav', age: { years: 34 } }],
    ['rakesh', { name: 'Rakesh Sharma', fatherName: 'Mohan Lal Sharma' }],
    ['sunita', { name: 'सुनीता देवी', sex: 'female', addresses: [{ address: 'Rampura', districtId: D1 }] }],
    ['laxmi', { name: 'Laxmi Narayan Choudhary' }],
    ['irfan', { name: 'मोहम्मद इरफ़ान', aliases: ['Pappu'] }],
    ['mukeshA', { name: 'Mukesh Yadav', fatherName: 'Ram Lal Yadav' }],
    ['mukeshB', { name: 'Mukesh Yadav', fatherName: 'Shyam Sundar Yadav' }],
  ];
  for (const [k, body] of people) ids[k] = (await makePerson(t, io, body)).id;
}, 300_000);
afterAll(() => t.close());

describe('person name search', () => {
  it('finds श्रीवास्तव, राजेश as Rajesh Shrivastav, Rajesh Srivastava and R. K. Srivastav, with a score and why each matched', async () => {
    const results = await searchAs(io, { q: 'श्रीवास्तव, राजेश' });
    const found = results.map((r) => r.person.id);
    for (const k of ['shrivastav', 'srivastava', 'initials']) expect(found, k).toContain(ids[k]);
    const top = results.find((r) => r.person.id === ids.srivastava)!;
    expect(top.score).toBeGreaterThan(0.7);
    expect(top.why.join(' ')).toMatch(/phonetic/);
    expect(found.indexOf(ids.srivastava!)).toBeLessThan(found.indexOf(ids.initials!));
  });

  it('finds the Devanagari record from a Latin query and the Latin record from a Devanagari query', async () => {
    expect((await searchAs(io, { q: 'Sunita Devi' })).map((r) => r.person.id)).toContain(ids.sunita);
    expect((await searchAs(io, { q: 'लक्ष्मी नारायण चौधरी' })).map((r) => r.person.id)[0]).toBe(ids.laxmi);
    expect((await searchAs(io, { q: 'Md Irfan' })).map((r) => r.person.id)[0]).toBe(ids.irfan);
  });

  it('finds a person by an alias', async () => {
    const r = await searchAs(io, { q: 'Pappu' });
    expect(r[0]?.person.id).toBe(ids.irfan);
    expect(r[0]?.matchedName).toBe('Pappu');
  });

  it('raises the record whose father’s name agrees', async () => {
    const a = await searchAs(io, { q: 'Mukesh Yadav', fatherName: 'रामलाल यादव' });
    expect(a[0]?.person.id).toBe(ids.mukeshA);
    expect(a[0]?.why).toContain("same father's name");
    const b = await searchAs(io, { q: 'मुकेश यादव', fatherName: 'Shyam Sundar' });
    expect(b[0]?.person.id).toBe(ids.mukeshB);
    expect(b[0]?.why.join(' ')).toMatch(/father/);
  });

  it('answers 400 to an empty or one-character query', async () => {
    for (const q of ['', ' ', 'a', 'र']) {
      const r = await io.get(`/api/v1/people/search?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, JSON.stringify(q)).toBe(400);
      expect(errorOf(r).code).toBe('query_too_short');
      expect(errorOf(r).messageHi).toBeTruthy();
    }
  });

  it('treats a 1,000-character, a regex-like and an SQL-like query as text: no error and no slowdown', async () => {
    const normal = async () => {
      const t0 = performance.now();
      await searchAs(io, { q: 'Rajesh Srivastava' });
      return performance.now() - t0;
    };
    await normal();
    const base = Math.min(await normal(), await normal());
    const odd = [
      'Rajesh '.repeat(143).slice(0, 1000),
      'x'.repeat(1000),
      '.*(a|b)+$ [^\\w]{1000,} (?=raj)',
      "'; drop table person; -- ",
      "Rajesh' or '1'='1",
      '%_% \\ \u0000 \u202e राजेश',
    ];
    for (const q of odd) {
      const t0 = performance.now();
      const r = await io.get(`/api/v1/people/search?q=${encodeURIComponent(q)}`);
      const ms = performance.now() - t0;
      expect(r.statusCode, q.slice(0, 40)).toBe(200);
      expect(ms, `${q.slice(0, 40)} took ${ms.toFixed(0)} ms vs ${base.toFixed(0)} ms`).toBeLessThan(base * 5 + 500);
    }
    const still = await t.db.kysely
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(still.n)).toBeGreaterThanOrEqual(7);
  });

  it('answers a district outside the caller’s jurisdiction as if nothing matched', async () => {
    const D1 = t.ids.districts.D1!;
    const D2 = t.ids.districts.D2!;
    expect((await searchAs(io, { q: 'Rajesh Srivastava', district: D2 })).length).toBe(0);
    expect((await searchAs(io, { q: 'Rajesh Srivastava', district: D1 })).map((r) => r.person.id)).toEqual([ids.shrivastav]);
    const sp2 = await t.login('sp.d2');
    expect((await searchAs(sp2, { q: 'Rajesh Srivastava', district: D2 })).map((r) => r.person.id)).toEqual([ids.srivastava]);
    const scrb = await t.login('scrb');
    expect((await searchAs(scrb, { q: 'Rajesh Srivastava', district: D2 })).map((r) => r.person.id)).toEqual([ids.srivastava]);
  });

  it('filters by sex and age', async () => {
    expect((await searchAs(io, { q: 'Sunita Devi', sex: 'male' })).map((r) => r.person.id)).not.toContain(ids.sunita);
    const young = await searchAs(io, { q: 'Rajesh Srivastava', ageFrom: 20, ageTo: 34 });
    expect(young.map((r) => r.person.id)).toContain(ids.initials);
    expect(young.map((r) => r.person.id)).not.toContain(ids.srivastava);
  });

  it('audits every search with its query', async () => {
    await searchAs(io, { q: 'Audit Probe Name' });
    const rows = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'details', 'actor_username'])
      .where('action', '=', 'person.search')
      .execute();
    const mine = rows.find((r) => (r.details as { q?: string }).q === 'Audit Probe Name');
    expect(mine?.actor_username).toBe('io.ps1');
  });

  it('is refused to citizens, courts and anonymous callers', async () => {
    expect((await t.anon().get('/api/v1/people/search?q=Rajesh')).statusCode).toBe(401);
    expect((await (await t.login('citizen1')).get('/api/v1/people/search?q=Rajesh')).statusCode).toBe(403);
    expect((await (await t.login('court1')).get('/api/v1/people/search?q=Rajesh')).statusCode).toBe(403);
  });
});

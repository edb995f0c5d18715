import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../test/harness.js';
import { openPostgres, type Db } from './index.js';
import { executePrepared } from './prepared.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe.runIf(process.env.TEST_DB === 'postgres')('executePrepared on PostgreSQL', () => {
  let one: Db;
  beforeAll(async () => {
    one = await openPostgres(t.testDb.url!, 1); // one connection: every query below shares it
  });
  afterAll(() => one.close());

  it('prepares a marked query once per connection and answers as the unnamed query does', async () => {
    const q = () => one.kysely.selectFrom('station').select(['id', 'code']).where('code', '=', 'PS01');
    const plain = await q().execute();
    for (let i = 0; i < 7; i++) expect(await executePrepared(one.kysely, q())).toEqual(plain);
    const named = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name like 'cctns_%'`.execute(
      one.kysely,
    );
    expect(named.rows[0].n).toBe(1);
    // Unmarked queries and parameterless scripts stay unnamed.
    await q().where('active', '=', true).execute();
    await sql`select 1; select 2`.execute(one.kysely);
    const after = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(one.kysely);
    expect(after.rows[0].n).toBe(1);
  });
});

describe('executePrepared on either database', () => {
  it('returns the rows of the query', async () => {
    const rows = await executePrepared(t.db.kysely, t.db.kysely.selectFrom('station').select('code').where('code', '=', 'PS02'));
    expect(rows).toEqual([{ code: 'PS02' }]);
  });

  it('takes any text as a value: quotes, backslashes, SQL, dates and nulls answer as the unprepared query does', async () => {
    const q = (code: string) =>
      t.db.kysely
        .selectFrom('station')
        .select(['code', 'created_at'])
        .where('code', '=', code)
        .where('created_at', '<', new Date('2100-01-01'));
    for (const code of ['PS01', "PS0'1", "x'; drop table station; --", 'back\\slash', "it's", '']) {
      expect(await executePrepared(t.db.kysely, q(code))).toEqual(await q(code).execute());
    }
    expect(await t.db.kysely.selectFrom('station').select('code').where('code', '=', 'PS01').execute()).toHaveLength(1);
  });
});

describe.runIf(process.env.TEST_DB !== 'postgres')('executePrepared on PGlite', () => {
  it('keeps the plan with PREPARE and EXECUTE', async () => {
    const q = () => t.db.kysely.selectFrom('station').select('code').where('code', '=', 'PS03');
    for (let i = 0; i < 3; i++) expect(await executePrepared(t.db.kysely, q())).toEqual([{ code: 'PS03' }]);
    const named = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name like 'cctns_%'`.execute(
      t.db.kysely,
    );
    expect(named.rows[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('the PostgreSQL session settings', () => {
  it('turns JIT off and gives sorts and bitmaps 16 MB', async () => {
    const r = await sql<{
      jit: string;
      work_mem: string;
    }>`select current_setting('jit') as jit, current_setting('work_mem') as work_mem`.execute(t.db.kysely);
    expect(r.rows[0]).toEqual({ jit: 'off', work_mem: '16MB' });
  });
});

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
});

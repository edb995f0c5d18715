import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestContext } from '../../server/src/test/harness.js';
import { getCatalogue } from '../../server/src/modules/masterdata/catalogue.js';
import { dropPersonIndexes, generate, PEOPLE_CHUNK, restorePersonIndexes, type GenerateOptions, type GenerateResult } from './generator.js';
import { memorySink } from './memory-sink.js';
import { pgliteSink, postgresSink, type Sink } from './sink.js';

const OPTS: GenerateOptions = { seed: 7, firs: 240, persons: 700, years: 2, until: '2026-10-31' };

async function withSink<T>(t: TestContext, fn: (s: Sink) => Promise<T>): Promise<T> {
  if (t.db.kind === 'postgres') {
    const s = await postgresSink(t.testDb.url!);
    try {
      return await fn(s);
    } finally {
      await s.close();
    }
  }
  return t.db.withConnection((c) => fn(pgliteSink(c)));
}

describe('synthetic state generator', () => {
  let t: TestContext;
  let first: GenerateResult;

  beforeAll(async () => {
    t = await startTestApp();
    first = await withSink(t, (s) => generate(s, getCatalogue(), OPTS));
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('gives the same rows for the same seed, and other rows for another seed', async () => {
    const a = memorySink();
    const b = memorySink();
    const c = memorySink();
    await generate(a, getCatalogue(), OPTS);
    await generate(b, getCatalogue(), OPTS);
    await generate(c, getCatalogue(), { ...OPTS, seed: 8 });
    expect(a.rows.get('fir')!.length).toBe(OPTS.firs);
    // Only the bookkeeping row carries the wall-clock time it was written.
    for (const m of [a.rows, b.rows]) m.delete('generator_chunk');
    expect(b.rows).toEqual(a.rows);
    expect(c.rows.get('fir')).not.toEqual(a.rows.get('fir'));
    // What reached the database is what the seed gives.
    const ids = (
      await t.db.kysely
        .selectFrom('fir')
        .select('id')
        .where('state_code', '=', 'XA')
        .where('station_id', 'in', [...new Set(a.rows.get('fir')!.map((r) => r[4]!))])
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    expect(ids).toEqual(
      a.rows
        .get('fir')!
        .map((r) => r[0])
        .sort(),
    );
  });

  it('writes on top of the demo state, with the requested number of FIRs and persons near the target', async () => {
    expect(first.stateCode).toBe('XA');
    expect(first.rowsByTable.fir).toBe(OPTS.firs);
    expect(first.rowsByTable.person).toBeGreaterThan(OPTS.persons * 0.7);
    expect(first.rowsByTable.person).toBeLessThan(OPTS.persons * 1.3);
  });

  it('numbers FIRs 1..n without gaps per station-year, matching fir_serial', async () => {
    const r = await sql<{ n: number; lo: number; hi: number; last: number | null }>`
      select count(*)::int as n, min(f.serial) as lo, max(f.serial) as hi, (select s.last from fir_serial s where s.station_id = f.station_id and s.year = f.year) as last
      from fir f join station st on st.id = f.station_id where st.code like 'G%' group by f.station_id, f.year`.execute(t.db.kysely);
    expect(r.rows.length).toBeGreaterThan(0);
    for (const g of r.rows) expect([g.lo, g.hi, g.last]).toEqual([1, g.n, g.n]);
  });

  it('records every FIR in its station GD no later than the FIR, with a status row and its sections', async () => {
    const bad = await sql<{ n: number }>`
      select count(*)::int as n from fir f
      left join gd_entry g on g.id = f.gd_entry_id
      left join fir_status s on s.fir_id = f.id
      where g.id is null or g.station_id <> f.station_id or g.recorded_at > f.registered_at or s.fir_id is null
         or not exists (select 1 from fir_section x where x.fir_id = f.id)
         or f.occurrence_from > f.registered_at`.execute(t.db.kysely);
    expect(bad.rows[0]!.n).toBe(0);
    const counters = await sql<{ n: number }>`
      select count(*)::int as n from gd_day_counter c
      where c.last <> (select max(entry_no) from gd_entry g where g.station_id = c.station_id and g.day = c.day)
         or c.last <> (select count(*) from gd_entry g where g.station_id = c.station_id and g.day = c.day)`.execute(t.db.kysely);
    expect(counters.rows[0]!.n).toBe(0);
  });

  it('indexes every generated person name the way the people module does', async () => {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from person p where p.state_code = 'XA' and p.created_station_id is not null
        and not exists (select 1 from person_name n where n.person_id = p.id and n.kind = 'primary' and n.master_id = p.id and cardinality(n.name_keys) > 0)`.execute(
      t.db.kysely,
    );
    expect(r.rows[0]!.n).toBe(0);
  });

  it('is safe to re-run: a second run with the same arguments writes nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('fir')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const again = await withSink(t, (s) => generate(s, getCatalogue(), OPTS));
    expect(again.chunksWritten).toBe(0);
    expect(again.rows).toBe(0);
    const after = await t.db.kysely
      .selectFrom('fir')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('adds index persons without cases in chunks of their own, each indexed like any person', async () => {
    const m = memorySink();
    const n = PEOPLE_CHUNK + 10;
    const r = await generate(m, getCatalogue(), { ...OPTS, indexPersons: n, deferIndexes: false });
    const plain = memorySink();
    const base = await generate(plain, getCatalogue(), OPTS);
    expect(r.rowsByTable.person).toBe(base.rowsByTable.person! + n);
    const chunks = m.rows.get('generator_chunk')!.map((c) => c[1]);
    expect(chunks.filter((c) => c!.startsWith('people:'))).toEqual(['people:0', 'people:1']);
    expect(r.runKey).toBe(`${base.runKey}-x${n}`);
    const named = new Set(
      m.rows
        .get('person_name')!
        .filter((x) => x[4] === 'primary')
        .map((x) => x[1]),
    );
    expect(m.rows.get('person')!.every((p) => named.has(p[0]))).toBe(true);
  });

  it('drops the secondary indexes of person and person_name for a bulk load and builds the same ones after', async () => {
    await withSink(t, async (s) => {
      // Through the sink: on PGlite it holds the one connection.
      const defs = async () =>
        (
          await s.query<{ d: string }>(
            `select indexdef as d from pg_indexes where tablename in ('person', 'person_name') order by indexname`,
          )
        ).map((x) => x.d);
      const before = await defs();
      await dropPersonIndexes(s);
      const during = await defs();
      expect(during.some((d) => d.includes('gin'))).toBe(false);
      expect(during.some((d) => d.includes('_pkey'))).toBe(true);
      await restorePersonIndexes(s);
      expect(await defs()).toEqual(before);
    });
  });
});

/**
 * Person search at scale (issue 6): fill the database through the data generator, then measure
 * the ranked top-10 name search against a primary-key person lookup through the same API, in
 * the same run, and print the EXPLAIN of the search so a regression to a sequential scan is
 * visible.
 *
 *   npx tsx scripts/bench-people.ts --persons 1000000 --data-dir /tmp/p1m   (PGlite on disk)
 *   DATABASE_URL=postgres://.../cctns_people_10m npx tsx scripts/bench-people.ts --persons 10000000
 *
 * Options: --queries N (default 200), --rounds N (3), --seed S (query draw), --skip-seed (use
 * the persons already there), --seed-only (load, no measurement).
 *
 * Seeding is `generate()` of scripts/generate/generator.ts (the same person writer as every
 * generated person: person + person_name rows with nameIndexFields computed in TypeScript, as
 * people/service.ts createPerson writes them): 3,000 generated FIRs with their persons, then the
 * rest as index persons (GenerateOptions.indexPersons) over 50 districts (700 stations), 25,000 per resumable chunk, through COPY
 * FROM STDIN on PostgreSQL and multi-row INSERTs on PGlite, with the secondary indexes of person
 * and person_name built once after the load. Re-running resumes where it stopped.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/config.js';
import { openPglite, openPostgres, type Db } from '../server/src/db/index.js';
import { systemClock } from '../server/src/lib/clock.js';
import { personSearchSql, runPersonSearch, type PersonSearchInput } from '../server/src/modules/people/name-search.js';
import { nameIndexFields, queryFields } from '../server/src/modules/search/names/fields.js';
import { seedAll } from '../server/src/seed/index.js';
import { prepareDatabase } from '../server/src/startup.js';
import { getCatalogue } from '../server/src/modules/masterdata/catalogue.js';
import { generate, type GenerateOptions, type GenerateResult, type Progress } from './generate/generator.js';
import { Rng } from './generate/prng.js';
import { pgliteSink, postgresSink } from './generate/sink.js';

const PASSWORD = 'bench people password 2026';

export interface BenchTarget {
  databaseUrl?: string;
  /** PGlite data directory; in memory when absent. */
  dataDir?: string;
}

/** A person the queries are made from (kept while seeding, about 1 in N/2000). */
export interface SamplePerson {
  id: string;
  name: string;
  nameHi: string | null;
  father: string;
  districtId: string;
  birthYear: number;
}

/** FIRs (and their ~3 persons each) the generator writes before the index persons. */
const BENCH_FIRS = 3000;
/** Stations of the generated state: 700 = 50 districts, so a district filter keeps ~2 % of persons. */
const BENCH_STATIONS = 700;

export interface SeedReport {
  /** Rows written by this call (0 when the run was already complete). */
  rows: number;
  ms: number;
  chunksWritten: number;
  chunksSkipped: number;
  runKey: string;
}

/**
 * Fills the database through the data generator (scripts/generate/generator.ts): a generated
 * state of BENCH_FIRS FIRs with their persons, then `persons` minus those as index persons
 * (GenerateOptions.indexPersons) spread over the 50 districts of a 700-station state, in resumable chunks, with the person_name indexes built after
 * the load. COPY on PostgreSQL, multi-row INSERTs on PGlite; re-running resumes.
 */
export async function seedThroughGenerator(
  db: Db,
  target: BenchTarget,
  persons: number,
  opts: { seed?: number; onProgress?: (p: Progress) => void } = {},
): Promise<SeedReport> {
  const o: GenerateOptions = {
    seed: opts.seed ?? 1,
    firs: BENCH_FIRS,
    persons: BENCH_FIRS * 3,
    years: 1,
    until: '2026-10-31',
    indexPersons: Math.max(0, persons - BENCH_FIRS * 3),
    stations: BENCH_STATIONS,
    onProgress: opts.onProgress,
  };
  let r: GenerateResult;
  if (target.databaseUrl) {
    const sink = await postgresSink(target.databaseUrl);
    try {
      r = await generate(sink, getCatalogue(), o);
    } finally {
      await sink.close();
    }
  } else r = await db.withConnection((c) => generate(pgliteSink(c), getCatalogue(), o));
  await sql`analyze`.execute(db.kysely);
  return { rows: r.rows, ms: r.ms, chunksWritten: r.chunksWritten, chunksSkipped: r.chunksSkipped, runKey: r.runKey };
}

/** About `k` persons sampled from pages all over the person table. */
export async function existingSamples(db: Db, k: number): Promise<SamplePerson[]> {
  const total = Number(
    (await sql<{ n: string }>`select reltuples::bigint as n from pg_class where oid = 'person'::regclass`.execute(db.kysely)).rows[0]?.n ??
      0,
  );
  const percent = Math.min(100, Math.max(0.01, ((2 * k) / Math.max(1, total)) * 100));
  const r = await sql<{
    id: string;
    name: string;
    name_hi: string | null;
    father_name: string | null;
    district_id: string;
    birth_year: number;
  }>`
    select id, name, name_hi, father_name, district_id, birth_year from person tablesample system (${sql.lit(percent)}) where district_id is not null and merged_into_id is null limit ${k}`.execute(
    db.kysely,
  );
  return r.rows.map((p) => ({
    id: p.id,
    name: p.name,
    nameHi: p.name_hi,
    father: p.father_name ?? '',
    districtId: p.district_id,
    birthYear: p.birth_year,
  }));
}

/** A query as an officer would type it for this person: the other script, a typo, or as recorded. */
export function queryFor(p: SamplePerson, rng: Rng): { q: string; district?: string; kind: string } {
  const r = rng.next();
  const withDistrict = rng.chance(0.25) ? p.districtId : undefined;
  if (r < 0.35 && p.nameHi && p.nameHi !== p.name)
    return { q: /[\u0900-\u097f]/.test(p.name) ? transliterated(p.name) : p.nameHi, district: withDistrict, kind: 'other script' };
  if (r < 0.6) {
    const toks = p.name.split(' ');
    const i = toks.reduce((best, t, j) => (t.length > toks[best]!.length ? j : best), 0);
    const t = toks[i]!;
    if (t.length >= 5 && !/[\u0900-\u097f]/.test(t)) {
      const k = rng.int(1, t.length - 3);
      toks[i] = t.slice(0, k) + t[k + 1] + t[k] + t.slice(k + 2);
      return { q: toks.join(' '), district: withDistrict, kind: 'typo' };
    }
  }
  return { q: p.name, district: withDistrict, kind: 'as recorded' };
}

function transliterated(s: string): string {
  return nameIndexFields(s).tokens.join(' ');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const median = (xs: number[]) => pct(xs, 0.5);

export interface PeopleBenchReport {
  db: 'pglite' | 'postgres';
  persons: number;
  nameRows: number;
  queries: number;
  rounds: number;
  /** p95 ms of each round, and their median. */
  searchP95: number;
  searchP50: number;
  lookupP95: number;
  lookupP50: number;
  rawSearchP95: number;
  /** The bare primary-key read of the person row in SQL, for scale: the API lookup also reads names, addresses, roles, merges and writes the audit row. */
  rawLookupP95: number;
  districtSearchP95: number;
  ratio: number;
  rawRatio: number;
  explain: string[];
  explainDistrict: string[];
  seqScan: boolean;
}

/**
 * Measures, through the API (app.inject, logged in as scrb: state-wide scope, so that a district filter is in scope; every call audited like in
 * production): GET /people/search?q=… (top 10) and GET /people/:id, alternating rounds; and the
 * raw SQL of the same searches. Prints nothing; returns the numbers and the EXPLAIN.
 */
export async function benchPeopleSearch(
  db: Db,
  samples: SamplePerson[],
  opts: { queries?: number; rounds?: number; seed?: string } = {},
): Promise<PeopleBenchReport> {
  const app = await buildApp({
    config: testConfig({ MFA_REQUIRED_ROLES: 'admin', RATE_LIMIT_LOGIN_PER_MINUTE: '1000' }),
    db,
    clock: systemClock,
    logger: false,
    webDist: '/nonexistent',
  });
  await app.ready();
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'scrb', password: PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const get = (url: string): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url, headers: { cookie } });
    const stateCode = (await db.kysely.selectFrom('state').select('code').executeTakeFirstOrThrow()).code;

    const rng = new Rng(`${opts.seed ?? 'bench-people'}:queries`);
    const nq = Math.min(opts.queries ?? 200, samples.length);
    const picked = Array.from({ length: nq }, () => samples[rng.int(0, samples.length - 1)]!);
    const queries = picked.map((p) => ({ p, ...queryFor(p, rng) }));
    const url = (x: (typeof queries)[number]) =>
      `/api/v1/people/search?q=${encodeURIComponent(x.q)}${x.district ? `&district=${x.district}` : ''}`;

    // Warm up: plans, caches, JIT.
    for (const x of queries.slice(0, 10)) {
      await get(url(x));
      await get(`/api/v1/people/${x.p.id}`);
    }
    const rounds = opts.rounds ?? 3;
    const searchP95: number[] = [];
    const searchP50: number[] = [];
    const lookupP95: number[] = [];
    const lookupP50: number[] = [];
    const districtP95: number[] = [];
    const rawP95: number[] = [];
    const rawLookupP95: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const lookups: number[] = [];
      for (const x of queries) {
        const t0 = performance.now();
        const res = await get(`/api/v1/people/${x.p.id}`);
        lookups.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`lookup ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      const searches: number[] = [];
      const withDistrict: number[] = [];
      for (const x of queries) {
        const t0 = performance.now();
        const res = await get(url(x));
        const ms = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`search ${res.statusCode} ${res.body.slice(0, 200)}`);
        searches.push(ms);
        if (x.district) withDistrict.push(ms);
      }
      const raw: number[] = [];
      for (const x of queries) {
        const input: PersonSearchInput = {
          q: queryFields(x.q),
          filter: { stateCode, ...(x.district ? { districtIds: [x.district] } : {}) },
          context: x.district ? { districtId: x.district } : {},
          limit: 10,
        };
        const t0 = performance.now();
        await runPersonSearch(db.kysely, input);
        raw.push(performance.now() - t0);
      }
      const rawLookups: number[] = [];
      for (const x of queries) {
        const t0 = performance.now();
        await db.kysely.selectFrom('person').selectAll().where('id', '=', x.p.id).executeTakeFirst();
        rawLookups.push(performance.now() - t0);
      }
      rawLookupP95.push(pct(rawLookups, 0.95));
      searchP95.push(pct(searches, 0.95));
      searchP50.push(pct(searches, 0.5));
      lookupP95.push(pct(lookups, 0.95));
      lookupP50.push(pct(lookups, 0.5));
      districtP95.push(pct(withDistrict, 0.95));
      rawP95.push(pct(raw, 0.95));
    }

    const explainOf = async (x: { q: string; district?: string }) => {
      const { text, values } = personSearchSql({
        q: queryFields(x.q),
        filter: { stateCode, ...(x.district ? { districtIds: [x.district] } : {}) },
        limit: 10,
      });
      const r = await db.kysely.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`explain (analyze, costs off, timing off, summary on) ${text}`, values),
      );
      return r.rows.map((row) => Object.values(row)[0]!);
    };
    const common = queries.find((x) => !x.district && x.kind === 'as recorded') ?? queries[0]!;
    const explain = await explainOf(common);
    const explainDistrict = await explainOf({ q: common.q, district: common.p.districtId });
    const counts = await sql<{
      persons: number;
      names: number;
    }>`select (select count(*) from person)::int as persons, (select count(*) from person_name)::int as names`.execute(db.kysely);
    const s95 = median(searchP95);
    const l95 = median(lookupP95);
    const r95 = median(rawP95);
    return {
      db: db.kind,
      persons: counts.rows[0]!.persons,
      nameRows: counts.rows[0]!.names,
      queries: nq,
      rounds,
      searchP95: s95,
      searchP50: median(searchP50),
      lookupP95: l95,
      lookupP50: median(lookupP50),
      rawSearchP95: r95,
      rawLookupP95: median(rawLookupP95),
      districtSearchP95: median(districtP95),
      ratio: s95 / l95,
      rawRatio: s95 / r95,
      explain: [`-- query: ${common.q}`, ...explain],
      explainDistrict: [`-- query: ${common.q}, district filter`, ...explainDistrict],
      // Only a scan that ran: the fallback tiers that were not needed show as "never executed".
      seqScan: [...explain, ...explainDistrict].some((l) => /Seq Scan on person_name/.test(l) && !/never executed/.test(l)),
    };
  } finally {
    await app.close();
  }
}

/** Opens (and prepares) the target database; seeds the demo organisation and users once. */
export async function openBenchDb(target: BenchTarget): Promise<Db> {
  const db = target.databaseUrl ? await openPostgres(target.databaseUrl, 4) : await openPglite(target.dataDir);
  await prepareDatabase(db);
  const users = await db.kysely.selectFrom('app_user').select('id').where('username', '=', 'io.ps1').executeTakeFirst();
  if (!users) await seedAll(db, PASSWORD, systemClock, { withRecords: false });
  return db;
}

export function formatPeopleReport(r: PeopleBenchReport): string {
  const f = (x: number) => `${x.toFixed(1)} ms`;
  const lines = [
    `Person search benchmark — ${r.db}, ${r.persons.toLocaleString('en-IN')} persons (${r.nameRows.toLocaleString('en-IN')} name rows), ${r.queries} queries × ${r.rounds} rounds (median of round p95s)`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| top-10 name search through the API, p95 | ${f(r.searchP95)} (p50 ${f(r.searchP50)}) |`,
    `| primary-key person lookup GET /people/:id, p95 | ${f(r.lookupP95)} (p50 ${f(r.lookupP50)}) |`,
    `| ratio search / lookup | ${r.ratio.toFixed(2)}× (goal < 5×) ${r.ratio < 5 ? 'PASS' : 'FALLS SHORT'} |`,
    `| same searches as raw SQL, p95 | ${f(r.rawSearchP95)} (API / raw ${r.rawRatio.toFixed(2)}×) |`,
    `| bare primary-key read of the person row in SQL, p95 | ${f(r.rawLookupP95)} |`,
    `| searches with a district filter, p95 | ${f(r.districtSearchP95)} |`,
    `| sequential scan of person_name in the plans | ${r.seqScan ? 'YES (regression)' : 'no'} |`,
    '',
    'EXPLAIN ANALYZE (costs and timing off):',
    ...r.explain.map((l) => `    ${l}`),
    '',
    ...r.explainDistrict.map((l) => `    ${l}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string', default: 'bench-people' },
      'data-dir': { type: 'string' },
      'skip-seed': { type: 'boolean', default: false },
      'seed-only': { type: 'boolean', default: false },
    },
  });
  const target: BenchTarget = { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: values['data-dir'] };
  const n = Number(values.persons);
  const db = await openBenchDb(target);
  try {
    if (!values['skip-seed']) {
      const t0 = performance.now();
      let lastDraw = 0;
      const r = await seedThroughGenerator(db, target, n, {
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastDraw < 2000 && p.chunksDone < p.chunksTotal) return;
          lastDraw = now;
          process.stderr.write(
            `generator: chunk ${p.chunksDone}/${p.chunksTotal} (${p.skipped} already done), ${p.rows.toLocaleString('en-IN')} rows, ${Math.round(p.rows / ((now - t0) / 1000)).toLocaleString('en-IN')} rows/s, ${((now - t0) / 1000).toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}\n`,
          );
        },
      });
      process.stderr.write(
        `generator run ${r.runKey}: ${r.rows.toLocaleString('en-IN')} rows in ${(r.ms / 1000).toFixed(0)} s (${Math.round(r.rows / Math.max(0.001, r.ms / 1000)).toLocaleString('en-IN')} rows/s, indexes built and analysed included); chunks written ${r.chunksWritten}, already done ${r.chunksSkipped}; total with ANALYZE ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    }
    if (values['seed-only']) return;
    const samples = await existingSamples(db, 2000);
    const report = await benchPeopleSearch(db, samples, {
      queries: Number(values.queries),
      rounds: Number(values.rounds),
      seed: values.seed,
    });
    console.log(formatPeopleReport(report));
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

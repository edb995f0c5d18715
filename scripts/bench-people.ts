/**
 * Person search at scale (issue 6): seed N persons quickly, then measure the ranked top-10 name
 * search against a primary-key person lookup through the same API, in the same run, and print
 * the EXPLAIN of the search so a regression to a sequential scan is visible.
 *
 *   npx tsx scripts/bench-people.ts --persons 100000                      (PGlite, in memory)
 *   npx tsx scripts/bench-people.ts --persons 1000000 --data-dir /tmp/p1m (PGlite on disk, resumable)
 *   DATABASE_URL=postgres://... npx tsx scripts/bench-people.ts --persons 10000000
 *
 * Options: --queries N (default 200), --rounds N (3), --seed S, --skip-seed (use the persons
 * already there), --explain-only.
 *
 * Seeding writes `person` and `person_name` rows exactly as people/service.ts createPerson does
 * (nameIndexFields in TypeScript), through COPY FROM STDIN on PostgreSQL and multi-row INSERTs
 * on PGlite (scripts/generate/sink.ts). The benchmark suite (scripts/bench.ts) can call
 * `seedBenchPersons` and `benchPeopleSearch` directly.
 */
import { parseArgs } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/src/app.js';
import { testConfig } from '../server/src/config.js';
import { openPglite, openPostgres, type Db } from '../server/src/db/index.js';
import { systemClock } from '../server/src/lib/clock.js';
import { newId } from '../server/src/lib/ids.js';
import { personSearchSql, runPersonSearch, type PersonSearchInput } from '../server/src/modules/people/name-search.js';
import { nameIndexFields, queryFields } from '../server/src/modules/search/names/fields.js';
import { seedAll } from '../server/src/seed/index.js';
import { prepareDatabase } from '../server/src/startup.js';
import { makeName } from './generate/names.js';
import { Rng } from './generate/prng.js';
import { num, pgliteSink, postgresSink, textArray, ts, type Cell, type Sink } from './generate/sink.js';

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

const PERSON_COLS = [
  'id',
  'state_code',
  'name',
  'name_hi',
  'father_name',
  'sex',
  'age_years',
  'age_on',
  'birth_year',
  'address',
  'district_id',
  'phone',
  'created_station_id',
  'created_at',
] as const;
const NAME_COLS = [
  'id',
  'person_id',
  'master_id',
  'state_code',
  'kind',
  'name',
  'name_norm',
  'name_keys',
  'father_norm',
  'birth_year',
  'sex',
  'district_id',
  'created_at',
] as const;

/**
 * Adds `n` persons (with their name index rows) to the database, in batches, through the sink
 * of the database kind. Returns sample persons to make queries from. Deterministic per seed.
 */
export async function seedBenchPersons(
  db: Db,
  target: BenchTarget,
  n: number,
  opts: { seed?: string; onProgress?: (done: number) => void } = {},
): Promise<SamplePerson[]> {
  const geo = await db.kysely.selectFrom('station').select(['id', 'district_id', 'state_code']).execute();
  if (geo.length === 0) throw new Error('no stations: seed the organisation first');
  const rng = new Rng(`${opts.seed ?? 'bench-people'}:${n}`);
  const samples: SamplePerson[] = [];
  const sampleEvery = Math.max(1, Math.floor(n / 2000));
  const BATCH = 10_000;
  const ageOn = new Date().toISOString().slice(0, 10);
  const year = Number(ageOn.slice(0, 4));
  const write = async (sink: Sink) => {
    for (let start = 0; start < n; start += BATCH) {
      const persons: Cell[][] = [];
      const names: Cell[][] = [];
      const at = ts(Date.now());
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const sex = rng.chance(0.8) ? 'male' : 'female';
        const g = makeName(rng, sex);
        const st = geo[rng.int(0, geo.length - 1)]!;
        const age = rng.int(16, 75);
        const id = newId();
        persons.push([
          id,
          st.state_code,
          g.name,
          g.nameHi,
          g.father,
          sex,
          num(age),
          ageOn,
          num(year - age),
          `${rng.int(1, 400)}, Ward ${rng.int(1, 60)}`,
          st.district_id,
          null,
          st.id,
          at,
        ]);
        const fatherNorm = nameIndexFields(g.father).norm || null;
        const forms: [string, string][] = [['primary', g.name]];
        if (g.nameHi && g.nameHi !== g.name) forms.push(['primary_hi', g.nameHi]);
        for (const [kind, name] of forms) {
          const f = nameIndexFields(name);
          if (f.tokens.length === 0) continue;
          names.push([
            newId(),
            id,
            id,
            st.state_code,
            kind,
            name,
            f.norm,
            textArray(f.keys),
            fatherNorm,
            num(year - age),
            sex,
            st.district_id,
            at,
          ]);
        }
        if (i % sampleEvery === 0)
          samples.push({ id, name: g.name, nameHi: g.nameHi, father: g.father, districtId: st.district_id, birthYear: year - age });
      }
      await sink.write('person', PERSON_COLS, persons);
      await sink.write('person_name', NAME_COLS, names);
      opts.onProgress?.(Math.min(n, start + BATCH));
    }
  };
  if (target.databaseUrl) {
    const sink = await postgresSink(target.databaseUrl);
    try {
      await write(sink);
    } finally {
      await sink.close();
    }
  } else {
    await db.withConnection((c) => write(pgliteSink(c)));
  }
  await sql`analyze person`.execute(db.kysely);
  await sql`analyze person_name`.execute(db.kysely);
  return samples;
}

/** Samples of persons already in the database (for --skip-seed). */
async function existingSamples(db: Db, k: number): Promise<SamplePerson[]> {
  const r = await sql<{
    id: string;
    name: string;
    name_hi: string | null;
    father_name: string | null;
    district_id: string;
    birth_year: number;
  }>`
    select id, name, name_hi, father_name, district_id, birth_year from person tablesample system (1) where district_id is not null limit ${k}`.execute(
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
 * Measures, through the API (app.inject, logged in as an IO, every call audited like in
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
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'io.ps1', password: PASSWORD } });
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
      seqScan: [...explain, ...explainDistrict].some((l) => /Seq Scan on person_name/.test(l)),
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
    },
  });
  const target: BenchTarget = { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: values['data-dir'] };
  const n = Number(values.persons);
  const db = await openBenchDb(target);
  try {
    const have = Number((await sql<{ n: number }>`select count(*)::int as n from person`.execute(db.kysely)).rows[0]!.n);
    let samples: SamplePerson[];
    if (values['skip-seed'] || have >= n) {
      process.stderr.write(`using the ${have.toLocaleString('en-IN')} persons already there\n`);
      samples = await existingSamples(db, 2000);
    } else {
      const t0 = performance.now();
      samples = await seedBenchPersons(db, target, n - have, {
        seed: values.seed,
        onProgress: (d) =>
          process.stderr.write(
            `\rseeding ${d.toLocaleString('en-IN')}/${(n - have).toLocaleString('en-IN')} persons  ${Math.round(d / ((performance.now() - t0) / 1000)).toLocaleString('en-IN')}/s   `,
          ),
      });
      process.stderr.write(`\nseeded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
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

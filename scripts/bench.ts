/**
 * npm run bench -- [--db pglite|postgres] [--scale small|district|state] [--quick]
 *
 * Builds (or reuses: the generator resumes) a generated database, starts the real app in a
 * child process, and runs the benchmarks of issue 7, each as three rounds alternating baseline
 * and subject, reporting the median. Prints the table and writes docs/benchmarks.md (the
 * section of this database kind). Not part of `npm test`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../server/src/db/index.js';
import { hashPassword } from '../server/src/modules/auth/password.js';
import { FIR_EXAMPLE } from '../server/src/modules/firs/schemas.js';
import { runGenerate } from './generate.js';
import { benchIngest } from './bench/ingest.js';
import { SCALES } from './generate/generator.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    scale: { type: 'string', default: 'small' },
    quick: { type: 'boolean', default: false },
    firs: { type: 'string' },
  },
});
const kind = values.db as 'pglite' | 'postgres';
const quick = values.quick!;
const scale = values.scale as keyof typeof SCALES;
const firs = values.firs ? Number(values.firs) : quick ? 3000 : SCALES[scale].firs;
const persons = firs * 3;
const SEC = quick ? 2 : 15;
const UNTIL = '2026-10-31';
const PASSWORD = 'bench-password-not-secret';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Line {
  n: number;
  what: string;
  subject: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  pass: boolean | null;
  note?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, d = 0) => x.toLocaleString('en-IN', { maximumFractionDigits: d, minimumFractionDigits: d });

async function target(k: 'pglite' | 'postgres' = kind): Promise<{ databaseUrl?: string; dataDir?: string }> {
  const label = `${k}-${firs}`;
  if (k === 'pglite') return { dataDir: process.env.BENCH_DATA_DIR ?? `./data-bench/${label}` };
  if (process.env.BENCH_DATABASE_URL) return { databaseUrl: process.env.BENCH_DATABASE_URL };
  const name = `cctns_bench_${firs}`;
  const admin = new pg.Client(ADMIN_URL);
  await admin.connect();
  const r = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (r.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return { databaseUrl: u.toString() };
}

function startChild(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/server.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (c) => reject(new Error(`bench server exited ${c}`)));
  });
}
const stop = (c: ChildProcess) =>
  new Promise<void>((r) => {
    c.removeAllListeners('exit');
    c.on('exit', () => r());
    c.kill('SIGTERM');
  });
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((res, rej) => autocannon({ ...opts }, (e, r) => (e ? rej(e) : res(r))));
}

/**
 * Generates (or reuses) the data of a target, gives the bench users their password, samples
 * the parameters, and returns the environment of an app child on it.
 */
async function prepare(tgt: { databaseUrl?: string; dataDir?: string }) {
  const gen = await runGenerate(tgt, { seed: 1, firs, persons, years: 3, until: UNTIL });
  const db: Db = tgt.databaseUrl ? await openPostgres(tgt.databaseUrl, 2) : await openPglite(tgt.dataDir);
  const q = async (text: string, p: unknown[] = []) => db.withConnection((c) => c.query(text, p)).then((r) => r.rows);
  const big = (
    await q(`select s.code, s.id from station s join generator_station g on g.station_id = s.id order by g.firs_planned desc limit 1`)
  )[0];
  const stationCode: string = big.code;
  const hash = await hashPassword(PASSWORD);
  await q(`update app_user set password_hash = $1, password_temporary = false where username in ($2, $3, $4)`, [
    hash,
    `gen.${stationCode.toLowerCase()}.duty`,
    `gen.${stationCode.toLowerCase()}.io`,
    `gen.${stationCode.slice(0, 3).toLowerCase()}.sp`,
  ]);
  const firRows = await q(
    `select f.id, f.fir_number, f.year from fir f join fir_status s on s.fir_id = f.id where f.station_id = $1 and not s.sensitive order by f.id limit 500`,
    [big.id],
  );
  const names = (await q(`select name from person_name where kind = 'primary' order by id limit 300`)).map((r: any) => r.name as string);
  const district = (await q(`select district_id from station where id = $1`, [big.id]))[0].district_id;
  const paramsFile = `/tmp/bench-params-${process.pid}-${tgt.databaseUrl ? 'pg' : 'lite'}.json`;
  writeFileSync(paramsFile, JSON.stringify({ pk: firRows.map((r: any) => r.id), search: names, dashboard: [district] }));
  await db.close();
  const env: NodeJS.ProcessEnv = {
    BENCH_PARAMS: paramsFile,
    BENCH_STATE: gen.stateCode,
    BENCH_UNTIL: `${UNTIL}T00:00:00Z`,
    STATE_CODE: gen.stateCode,
    NODE_ENV: 'development',
    // A state-scale run lasts hours (the other database of #7 is generated in the middle of it):
    // the bench users' sessions must outlive it, or the later lines measure fast 401s.
    SESSION_IDLE_MINUTES: '100000',
    SESSION_ABSOLUTE_HOURS: '10000',
    ...(tgt.databaseUrl ? { DATABASE_URL: tgt.databaseUrl } : { DATABASE_URL: '', DATA_DIR: tgt.dataDir }),
  };
  return { gen, stationCode, firRows, names, env };
}

/** Logs a bench user in on an app child; returns its cookie and CSRF token. */
async function loginAt(base: string, username: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = /cctns_sid=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  const j = (await r.json()) as any;
  if (!cookie) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(j)}`);
  return { cookie: `cctns_sid=${cookie}`, csrf: j.csrfToken as string };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const tgt = await target();
  process.stderr.write(
    `bench on ${kind} (${tgt.databaseUrl ?? tgt.dataDir}), ${fmt(firs)} FIRs; load average ${loadavg()[0]!.toFixed(1)}\n`,
  );
  const prep = await prepare(tgt);
  const { gen, stationCode, firRows, names, env } = prep;
  const app = await startChild(['app'], env);
  const base = `http://127.0.0.1:${app.port}`;
  const login = (username: string) => loginAt(base, username);
  const lines: Line[] = [];
  const exists = async (path: string, headers: Record<string, string> = {}) => (await fetch(base + path, { headers })).status !== 404;
  const io = await login(`gen.${stationCode.toLowerCase()}.io`);
  const duty = await login(`gen.${stationCode.toLowerCase()}.duty`);
  const loop = async (what: string, ms: number, inflight: number) =>
    (await (await fetch(`${base}/__bench/loop?what=${what}&ms=${ms}&inflight=${inflight}`)).json()) as { perSec: number; p95: number };
  let rr = 0;
  const pick = <T>(xs: T[]) => xs[rr++ % xs.length]!;

  // 1 + 8: public case status at 50 connections vs node:http hello world; RSS sampled meanwhile.
  {
    const hello = await startChild(['hello'], {});
    const s: number[] = [];
    const b: number[] = [];
    let rss = 0;
    const caseStatus = (r: any) =>
      `/api/v1/public/case-status?stationCode=${stationCode}&year=${r.year}&number=${encodeURIComponent(r.fir_number)}`;
    const ok = (await fetch(base + caseStatus(firRows[0]))).status;
    for (let k = 0; k < 3; k++) {
      b.push((await cannon({ url: `http://127.0.0.1:${hello.port}/`, connections: 50, duration: SEC })).requests.average);
      const timer = setInterval(() => (rss = Math.max(rss, rssMb(app.child.pid!))), 250);
      const r = await cannon({
        url: base,
        connections: 50,
        duration: SEC,
        requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: caseStatus(pick(firRows)) }) }],
      });
      clearInterval(timer);
      s.push(r.requests.average);
      if (r.non2xx > r.requests.total / 2) process.stderr.write(`case-status: ${r.non2xx} non-2xx of ${r.requests.total}\n`);
    }
    await stop(hello.child);
    const ratio = ok === 404 ? null : median(s) / median(b);
    lines.push({
      n: 1,
      what: 'Public case-status, req/s at 50 connections',
      subject: ok === 404 ? 'n/a (route missing)' : fmt(median(s)),
      baseline: `${fmt(median(b))} (node:http hello)`,
      ratio,
      goal: '≥ 0.35×',
      pass: ratio === null ? null : ratio >= 0.35,
    });
    lines.push({
      n: 8,
      what: 'Server RSS under benchmark 1',
      subject: `${fmt(rss)} MB`,
      baseline: '—',
      ratio: null,
      goal: '< 300 MB',
      pass: rss < 300,
    });
  }
  // 2: GET FIR by id, 8 in flight, vs the PK select through the same driver.
  {
    const s: number[] = [];
    const b: number[] = [];
    for (let k = 0; k < 3; k++) {
      b.push((await loop('pk', SEC * 1000, 8)).perSec);
      const r = await cannon({
        url: base,
        connections: 8,
        duration: SEC,
        headers: { cookie: io.cookie },
        requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/firs/${pick(firRows).id}` }) }],
      });
      s.push(r.requests.average);
    }
    const ratio = median(s) / median(b);
    lines.push({
      n: 2,
      what: 'GET FIR by id, logged in, 8 in flight, req/s',
      subject: fmt(median(s)),
      baseline: `${fmt(median(b))} (PK select, same driver)`,
      ratio,
      goal: '≥ 0.3×',
      pass: ratio >= 0.3,
    });
  }
  // 3: FIR registration sustained, vs pgbench TPC-B (PostgreSQL only).
  {
    const dur = quick ? 2 : 30;
    const s: number[] = [];
    const b: number[] = [];
    let n = 0;
    const body = JSON.stringify({ ...FIR_EXAMPLE, occurrence: { ...FIR_EXAMPLE.occurrence, beatCode: 'B1' } });
    const pgbench = existsSync('/usr/bin/pgbench') && tgt.databaseUrl;
    if (pgbench) execFileSync('pgbench', ['-i', '-q', '-s', '1', tgt.databaseUrl!], { stdio: 'ignore' });
    for (let k = 0; k < 3; k++) {
      if (pgbench) {
        const out = execFileSync('pgbench', ['-c', '8', '-j', '2', '-T', String(dur), tgt.databaseUrl!], { encoding: 'utf8' });
        b.push(Number(/tps = ([\d.]+)/.exec(out)![1]));
      }
      const r = await cannon({
        url: base,
        connections: 8,
        duration: dur,
        headers: { cookie: duty.cookie, 'x-csrf-token': duty.csrf, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            path: '/api/v1/firs',
            body,
            setupRequest: (req: any) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${n++}` } }),
          },
        ],
      });
      s.push(r['2xx'] / dur);
      if (r.non2xx > 0 && k === 0) process.stderr.write(`FIR registration: ${r.non2xx} non-2xx of ${r.requests.total}\n`);
    }
    if (pgbench)
      execFileSync(
        'psql',
        [tgt.databaseUrl!, '-q', '-c', 'drop table if exists pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers'],
        { stdio: 'ignore' },
      );
    const ratio = pgbench ? median(s) / median(b) : null;
    lines.push({
      n: 3,
      what: `FIR registration, FIRs/s sustained ${dur} s, fsync on`,
      subject: fmt(median(s), 1),
      baseline: pgbench ? `${fmt(median(b))} tps (pgbench TPC-B, 8 clients)` : 'n/a (pgbench needs a PostgreSQL server)',
      ratio,
      goal: '≥ 0.1×',
      pass: ratio === null ? null : ratio >= 0.1,
    });
  }
  // 4: person name search p95 vs the raw SQL of the same search. Like for like: the baseline
  // loop runs personSearchSql, the one statement the route runs (every retrieval tier, gated,
  // and the fold of names to persons); the subject is the route, one request in flight, over
  // the same names in the same order, timed by the client, p95 against p95.
  {
    const s: number[] = [];
    const b: number[] = [];
    const has = await exists('/api/v1/people/search?q=ram', { cookie: io.cookie });
    const p95 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))] ?? 0;
    for (let k = 0; k < 3 && has; k++) {
      b.push((await loop('search', SEC * 1000, 1)).p95);
      const lat: number[] = [];
      const until = Date.now() + SEC * 1000;
      for (let i = 0; Date.now() < until; i++) {
        const t = performance.now();
        const r = await fetch(`${base}/api/v1/people/search?q=${encodeURIComponent(names[i % names.length]!)}`, {
          headers: { cookie: io.cookie },
        });
        await r.arrayBuffer();
        lat.push(performance.now() - t);
        if (r.status !== 200) throw new Error(`people search: ${r.status}`);
      }
      s.push(p95(lat));
    }
    const ratio = has ? median(s) / median(b) : null;
    lines.push({
      n: 4,
      what: 'Person name search, top-10, p95 ms (HTTP, 1 in flight)',
      subject: has ? fmt(median(s), 1) : 'n/a (route missing)',
      baseline: has ? `${fmt(median(b), 1)} (the route's search statement, raw SQL p95)` : '—',
      ratio,
      goal: '≤ 1.3× time',
      pass: ratio === null ? null : ratio <= 1.3,
      note: has
        ? "The route also reads the ten persons' summaries (one query) and writes the hash-chained audit row of the search (issue 6: every search is audited); the baseline is the search statement alone."
        : undefined,
    });
  }
  // 5: district dashboard vs the GROUP BY over 12 months.
  {
    const sp = await login(`gen.${stationCode.slice(0, 3).toLowerCase()}.sp`).catch(() => null);
    const s: number[] = [];
    const b: number[] = [];
    for (let k = 0; k < 3 && sp; k++) {
      b.push(1000 / (await loop('dashboard', SEC * 1000, 1)).perSec);
      const r = await cannon({
        url: `${base}/api/v1/dashboard/trends?months=12`,
        connections: 1,
        duration: SEC,
        headers: { cookie: sp.cookie },
      });
      s.push(r.latency.average);
    }
    const ratio = sp ? median(s) / median(b) : null;
    lines.push({
      n: 5,
      what: 'District dashboard trends, 12 months (GET /api/v1/dashboard/trends as SP), mean ms',
      subject: sp ? fmt(median(s), 1) : 'n/a (login failed)',
      baseline: sp ? `${fmt(median(b), 1)} (the route's GROUP BY month × head × stage, raw SQL)` : '—',
      ratio,
      goal: '≤ 1.5× time',
      pass: ratio === null ? null : ratio <= 1.5,
    });
  }
  // 6: 200-row FIR list vs the same JSON served from memory.
  {
    const page = await fetch(`${base}/api/v1/firs?pageSize=200`, { headers: { cookie: io.cookie } });
    const file = `/tmp/bench-page-${process.pid}.json`;
    writeFileSync(file, Buffer.from(await page.arrayBuffer()));
    const st = await startChild(['static', file], {});
    const s: number[] = [];
    const b: number[] = [];
    for (let k = 0; k < 3; k++) {
      b.push((await cannon({ url: `http://127.0.0.1:${st.port}/`, connections: 10, duration: SEC })).requests.average);
      s.push(
        (await cannon({ url: `${base}/api/v1/firs?pageSize=200`, connections: 10, duration: SEC, headers: { cookie: io.cookie } })).requests
          .average,
      );
    }
    await stop(st.child);
    const ratio = median(s) / median(b);
    lines.push({
      n: 6,
      what: '200-row FIR list page, req/s',
      subject: page.status === 404 ? 'n/a (route missing)' : fmt(median(s)),
      baseline: `${fmt(median(b))} (same JSON from memory)`,
      ratio,
      goal: '≥ 0.5×',
      pass: ratio >= 0.5,
    });
  }
  // 7: single-client latency of GET /firs/:id on PGlite and on PostgreSQL: the same generated
  // data (same seed and scale) on each, both app children up, alternating rounds in this run.
  {
    const otherKind = kind === 'pglite' ? 'postgres' : 'pglite';
    let other: { child: ChildProcess; port: number } | undefined;
    let failed: string | undefined;
    const mine: number[] = [];
    const theirs: number[] = [];
    const firById = (b: string, cookie: string, rows: any[]) =>
      cannon({
        url: b,
        connections: 1,
        duration: Math.max(2, SEC / 2),
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/api/v1/firs/${rows[rr++ % rows.length].id}` }) }],
      });
    try {
      const oprep = await prepare(await target(otherKind));
      other = await startChild(['app'], oprep.env);
      const obase = `http://127.0.0.1:${other.port}`;
      const oio = await loginAt(obase, `gen.${oprep.stationCode.toLowerCase()}.io`);
      // Logged in again: this side's session is as old as the run.
      const mio = await loginAt(base, `gen.${stationCode.toLowerCase()}.io`);
      const measured = (r: autocannon.Result, side: string) => {
        if (r.non2xx > 0) throw new Error(`${side}: ${r.non2xx} of ${r.requests.total} answers were not 2xx`);
        return r.latency.average;
      };
      for (let k = 0; k < 3; k++) {
        mine.push(measured(await firById(base, mio.cookie, firRows), kind));
        theirs.push(measured(await firById(obase, oio.cookie, oprep.firRows), otherKind));
      }
    } catch (e) {
      failed = e instanceof Error ? e.message : String(e);
    } finally {
      if (other) await stop(other.child);
    }
    const pgl = kind === 'pglite' ? mine : theirs;
    const pgs = kind === 'postgres' ? mine : theirs;
    const ok = !failed && pgl.length === 3 && pgs.length === 3;
    const ratio = ok ? median(pgl) / median(pgs) : null;
    lines.push({
      n: 7,
      what: 'GET FIR by id, single client, mean ms: PGlite vs PostgreSQL (same data, same run)',
      subject: ok ? `${fmt(median(pgl), 2)} (PGlite)` : 'n/a',
      baseline: ok ? `${fmt(median(pgs), 2)} (PostgreSQL)` : 'n/a',
      ratio,
      goal: '≤ 1.5×',
      pass: ratio === null ? null : ratio <= 1.5,
      note: failed ? `The ${otherKind} side could not run: ${failed}` : undefined,
    });
  }
  const explain = (await (await fetch(`${base}/__bench/explain?q=${encodeURIComponent(names[0] ?? 'Ramesh')}`)).json()) as {
    plan: string;
    sql: string;
  };
  await stop(app.child);

  // 9: the generator's ingest rate vs a raw COPY of the same rows (PostgreSQL only: PGlite has no
  // COPY FROM STDIN from a client, so there is no raw baseline of the same kind).
  if (kind === 'postgres') {
    const n = quick ? 1_000 : 20_000;
    const rs: Awaited<ReturnType<typeof benchIngest>>[] = [];
    for (let k = 0; k < (quick ? 1 : 3); k++) rs.push(await benchIngest(ADMIN_URL, { firs: n, persons: n * 3, until: UNTIL }));
    const m = rs.map((r) => r.ratio).sort((a, b) => a - b)[Math.floor(rs.length / 2)]!;
    const r = rs.find((x) => x.ratio === m)!;
    lines.push({
      n: 9,
      what: `Generator ingest, rows/s (${fmt(n)} FIRs, ${fmt(r.rows)} rows into fresh databases)`,
      subject: fmt(r.generateRate),
      baseline: `${fmt(r.copyRate)} (raw COPY of the same rows)`,
      ratio: r.ratio,
      goal: '≥ 0.25×',
      pass: r.ratio >= 0.25,
      note: `The generator's wall clock includes drawing the state and rendering every row (${fmt(r.generateMs / 1000, 1)} s); the replay is COPY alone (${fmt(r.copyMs / 1000, 1)} s), same tables, indexes and triggers.`,
    });
  }

  lines.sort((a, b) => a.n - b.n);
  const table = [
    '| # | What | Subject | In-run baseline | Ratio | Goal | Result |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...lines.map(
      (l) =>
        `| ${l.n} | ${l.what} | ${l.subject} | ${l.baseline} | ${l.ratio === null ? '—' : `${l.ratio.toFixed(2)}×`} | ${l.goal} | ${l.pass === null ? 'n/a' : l.pass ? 'PASS' : 'FALLS SHORT'} |`,
    ),
  ].join('\n');
  console.log(table);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const section = [
    `<!-- bench:${kind} -->`,
    `## ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}${quick ? ' (--quick)' : ''}`,
    '',
    `${new Date().toISOString()}, commit ${commit}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM (${fmt(freemem() / 2 ** 30, 1)} free); load average at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}.`,
    `Data: ${fmt(firs)} FIRs / ${fmt(persons)} persons (seed 1; generator ${gen.chunksWritten ? `wrote ${fmt(gen.rows)} rows at ${fmt(gen.rows / (gen.ms / 1000))} rows/s` : 'reused'}). Rounds: 3 × ${SEC} s, median. Total ${fmt((Date.now() - t0) / 1000)} s.`,
    '',
    table,
    '',
    ...lines.filter((l) => l.note).map((l) => `- #${l.n}: ${l.note}`),
    '',
    '<details><summary>EXPLAIN ANALYZE of the name search</summary>',
    '',
    '```',
    explain.plan,
    '```',
    '</details>',
    `<!-- /bench:${kind} -->`,
  ].join('\n');
  const doc = existsSync('docs/benchmarks.md')
    ? readFileSync('docs/benchmarks.md', 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench`; see issue 7.\n';
  const re = new RegExp(`<!-- bench:${kind} -->[\\s\\S]*?<!-- /bench:${kind} -->`);
  writeFileSync('docs/benchmarks.md', re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`);
  process.stderr.write(`results written to docs/benchmarks.md (${kind})\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

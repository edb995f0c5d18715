/**
 * A benchmark server, run as a child process so its RSS and CPU are its own:
 *   app    the real app (buildApp) on the generated database, plus /__bench/* loops that run the
 *          in-run database baselines through the same driver in the same process
 *   hello  a bare node:http hello-world (baseline of benchmark 1)
 *   static a node:http server answering one JSON body from memory (baseline of benchmark 6)
 * Prints "listening <port>" on stdout when ready.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config.js';
import { openPglite, openPostgres } from '../../server/src/db/index.js';
import { prepareDatabase } from '../../server/src/startup.js';
import { buildApp } from '../../server/src/app.js';
import { personSearchSql } from '../../server/src/modules/people/name-search.js';
import { queryFields } from '../../server/src/modules/search/names/fields.js';
import { trendQuery } from '../../server/src/modules/dashboard/repository.js';
import { trendsFrom } from '../../server/src/modules/dashboard/service.js';

const kind = process.argv[2];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

async function main(): Promise<void> {
  if (kind === 'hello' || kind === 'static') {
    const body = kind === 'static' ? readFileSync(process.argv[3]!) : Buffer.from('hello world');
    const type = kind === 'static' ? 'application/json; charset=utf-8' : 'text/plain';
    const srv = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': type, 'content-length': body.length });
      res.end(body);
    });
    srv.listen(0, '127.0.0.1', () => console.log(`listening ${(srv.address() as any).port}`));
    return;
  }
  const config = loadConfig({
    ...process.env,
    CAPTCHA: 'off',
    LOG_LEVEL: 'silent',
    MFA_REQUIRED_ROLES: ',',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    NOTIFY_POLL_MS: '0',
  } as NodeJS.ProcessEnv);
  const db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL, 10) : await openPglite(config.DATA_DIR);
  await prepareDatabase(db);
  const app = await buildApp({ config, db });
  // In-run baselines: the same SQL through the same driver, in this process, `inflight` at a time.
  app.get('/__bench/loop', { config: { public: true } } as any, async (req: any) => {
    const { what, ms, inflight } = req.query as { what: string; ms: string; inflight: string };
    const params: string[] = JSON.parse(readFileSync(process.env.BENCH_PARAMS!, 'utf8'))[what];
    const until = Date.now() + Number(ms);
    const lat: number[] = [];
    let k = 0;
    const one = async (p: string) => {
      if (what === 'pk') await sql`select * from fir f join fir_status s on s.fir_id = f.id where f.id = ${p}`.execute(db.kysely);
      else if (what === 'search') {
        const q = personSearchSql({ q: queryFields(p), filter: { stateCode: process.env.BENCH_STATE! }, limit: 10 });
        await db.withConnection((c) => c.query(q.text, q.values));
      } else if (what === 'dashboard') {
        // The trend route's own query (GET /api/v1/dashboard/trends as the district's SP), raw.
        const scope = { level: 'district' as const, stateCode: process.env.BENCH_STATE!, districtId: p };
        const now = new Date(); // the app runs on the real clock too
        await db.withConnection((c) => {
          const q = trendQuery(scope, { from: trendsFrom(now, 12), to: now }).compile(db.kysely);
          return c.query(q.sql, q.parameters as unknown[]);
        });
      }
    };
    await Promise.all(
      Array.from({ length: Number(inflight) }, async () => {
        while (Date.now() < until) {
          const t = performance.now();
          await one(params[k++ % params.length]!);
          lat.push(performance.now() - t);
        }
      }),
    );
    return { n: lat.length, perSec: lat.length / (Number(ms) / 1000), p50: pct(lat, 0.5), p95: pct(lat, 0.95) };
  });
  app.get('/__bench/explain', { config: { public: true } } as any, async (req: any) => {
    const q = personSearchSql({ q: queryFields(String(req.query.q)), filter: { stateCode: process.env.BENCH_STATE! }, limit: 10 });
    const r = await db.withConnection((c) => c.query(`explain (analyze, buffers) ${q.text}`, q.values));
    return { plan: r.rows.map((x: any) => x['QUERY PLAN']).join('\n'), sql: q.text };
  });
  // Exit cleanly on SIGTERM so that `node --cpu-prof` writes its profile.
  process.once('SIGTERM', () => void app.close().then(() => db.close()).finally(() => process.exit(0)));
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${(app.server.address() as any).port}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

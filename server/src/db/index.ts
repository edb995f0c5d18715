import { mkdirSync } from 'node:fs';
import { namePreparedStatements } from './prepared.js';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.js';
import type { Database } from './types.js';

export type { Database } from './types.js';
export type Tx = Transaction<Database>;
export type DbKind = 'pglite' | 'postgres';

/** Runs a multi-statement SQL script on one connection (used by migrations and tools). */
export interface ScriptConnection {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
  script(text: string): Promise<void>;
}

export interface Db {
  kind: DbKind;
  kysely: Kysely<Database>;
  /** Holds one connection for `fn` (PGlite: the only one). */
  withConnection<T>(fn: (c: ScriptConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Same JS types from both drivers: int8 and numeric as numbers (counts, money), date as
// 'YYYY-MM-DD' (a calendar date has no time zone), timestamptz as Date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

/** `loadDataDir`: start from a dumped data directory (a tarball from `dumpDataDir`), e.g. a test template. */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Db & { dump?: () => Promise<Blob> }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Loaded on first use: a server on PostgreSQL never pays PGlite's ~80 MB of module and WASM.
  const [{ PGlite }, { pg_trgm }, { fuzzystrmatch }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/fuzzystrmatch'),
  ]);
  // Options go in one object: `new PGlite(undefined, opts)` silently drops the extensions.
  const pglite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm, fuzzystrmatch },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
    },
  });
  await pglite.waitReady;
  const pool = new PGlitePool(pglite);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as any }) });
  return {
    kind: 'pglite',
    kysely,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: (text, params) => pglite.query(text, params ?? []).then((r) => ({ rows: r.rows as any[] })),
          script: async (text) => {
            await pglite.exec(text);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
    async dump() {
      return (await pglite.dumpDataDir('gzip')) as Blob;
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  // Session settings for an OLTP workload: JIT compilation cost a name search ~1.4 s on a
  // 35 ms query at 10M persons, and 4 MB of work_mem made district-filtered typo searches
  // recheck a million rows (821 ms; 102 ms at 16 MB). See docs/benchmarks.md.
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'cctns', options: '-c jit=off -c work_mem=16MB' });
  // An idle client dropped by the server (restart, admin termination) must not crash the
  // process; the pool discards it and the next query opens a fresh connection.
  pool.on('error', () => {});
  pool.on('connect', namePreparedStatements);
  // Fail fast with a clear message when the server is not reachable.
  const c = await pool.connect();
  c.release();
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    kysely,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: (text, params) => client.query(text, params ?? []).then((r) => ({ rows: r.rows })),
          script: async (text) => {
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
}

export async function openDb(opts: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** True when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}

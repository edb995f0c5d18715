import { createHash } from 'node:crypto';
import type { Compilable, Kysely } from 'kysely';
import type pg from 'pg';

/**
 * Hot queries whose plans PostgreSQL keeps per connection (named prepared statements).
 *
 * Kysely sends every query unnamed, so PostgreSQL plans it on every execution. For the wide,
 * many-join reads on every request (an FIR with its station, beat, GD entry, transfer, origin
 * and sections) planning costs several times the execution (FIR by id: 3.1 ms planning, 0.4 ms
 * execution). A query run through `executePrepared` is sent under a name derived from its text;
 * the pg driver prepares it once per connection, and after five runs PostgreSQL uses the cached
 * generic plan when it is no worse. Only primary-key or unique lookups belong here: their plans do
 * not depend on the parameter values. At most MAX_TEXTS distinct texts are named, so a caller
 * that builds varying SQL cannot grow every backend's statement cache without bound.
 * On PGlite (one connection, in process) the pool adapter does the same with SQL `PREPARE` and
 * `EXECUTE` (see `runPreparedOnPglite`): there the planner is slower still (the FIR read planned
 * in ~19 ms against 0.3 ms to execute on a busy machine).
 */
const MAX_TEXTS = 200;
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  let n = names.get(text);
  if (!n && names.size < MAX_TEXTS) {
    n = `cctns_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, n);
  }
  return n;
}

/** The statement name of a text marked by `executePrepared`, if any. */
export const preparedName = (text: string): string | undefined => names.get(text);

/** Runs a query as a named prepared statement (PostgreSQL), returning its rows. */
export async function executePrepared<R>(db: Kysely<any>, q: Compilable<R>): Promise<R[]> {
  const c = q.compile();
  nameFor(c.sql);
  return (await db.executeQuery(c)).rows;
}

/** Installed on each new pool client: sends the texts marked by `executePrepared` under their name. */
export function namePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, cb?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && cb === undefined) {
      const name = names.get(text);
      if (name) return query({ name, text, values });
    }
    return cb === undefined ? (values === undefined ? query(text) : query(text, values)) : query(text, values, cb);
  };
}

/**
 * A parameter as an SQL literal for `EXECUTE name(...)`, or undefined when it cannot be written
 * safely as one (the caller then runs the query as usual). Strings are quoted by doubling quotes,
 * which is exact with standard_conforming_strings (PostgreSQL's default); a string holding a
 * backslash or NUL is not inlined at all.
 */
function literal(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : `'${v.toISOString()}'`;
  if (typeof v === 'string') return /[\\\0]/.test(v) ? undefined : `'${v.replace(/'/g, "''")}'`;
  return undefined;
}

const preparedOn = new WeakMap<object, Set<string>>();
const failuresOn = new WeakMap<object, Map<string, number>>();

/**
 * PGlite: runs a marked text as `PREPARE name AS …` once per database and `EXECUTE name(…)`
 * afterwards, so PostgreSQL keeps its plan. Returns undefined when the text is not marked, a
 * parameter cannot be inlined, or PREPARE was refused (the caller runs the query as usual).
 */
export async function runPreparedOnPglite(
  pglite: { exec(sql: string): Promise<unknown>; query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }> },
  text: string,
  params: readonly unknown[],
): Promise<{ rows: unknown[]; affectedRows?: number } | undefined> {
  const name = names.get(text);
  if (!name || params.length === 0) return undefined;
  const lits = params.map(literal);
  if (lits.some((x) => x === undefined)) return undefined;
  let done = preparedOn.get(pglite);
  if (!done) preparedOn.set(pglite, (done = new Set()));
  let failures = failuresOn.get(pglite);
  if (!failures) failuresOn.set(pglite, (failures = new Map()));
  if ((failures.get(name) ?? 0) >= 3) return undefined; // PREPARE keeps failing: run it as usual
  if (!done.has(name)) {
    try {
      await pglite.exec(`prepare ${name} as ${text}`);
    } catch {
      // E.g. inside a transaction that has already failed; tried again next time.
      failures.set(name, (failures.get(name) ?? 0) + 1);
      return undefined;
    }
    done.add(name);
  }
  return pglite.query(`execute ${name}(${lits.join(', ')})`);
}

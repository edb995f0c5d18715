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
 * On PGlite (one connection, in process) the query runs as usual.
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

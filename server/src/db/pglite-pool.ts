import type { PGlite } from '@electric-sql/pglite';
import { runPreparedOnPglite } from './prepared.js';

/**
 * Makes one PGlite instance look like a `pg` pool to Kysely's PostgresDialect, so that the
 * embedded database and the PostgreSQL server go through the same dialect and the same SQL.
 *
 * PGlite is a single connection, so a "connection" is a mutex on it: a transaction holds it
 * from BEGIN to COMMIT and nothing else interleaves. Asking for a second connection while
 * holding one waits forever, so code inside a transaction must use the transaction (`trx`),
 * never the outer `db`. (On PostgreSQL that mistake would read outside the transaction.)
 */
export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PGliteClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((r) => (release = r));
    await previous;
    return new PGliteClient(this.pglite, release);
  }

  async end(): Promise<void> {
    await this.queue;
  }
}

export class PGliteClient {
  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query(sql: string, params: readonly unknown[] = []) {
    // Hot primary-key reads marked by executePrepared run as PREPARE/EXECUTE (a kept plan).
    const r = (await runPreparedOnPglite(this.pglite, sql, params)) ?? (await this.pglite.query(sql, params as unknown[]));
    const command = sql.trimStart().slice(0, 6).toUpperCase();
    return {
      rows: r.rows,
      rowCount: r.affectedRows ?? r.rows.length,
      command,
    };
  }

  release(): void {
    this.onRelease();
  }
}

/**
 * Where generated rows go. One text form for every value (what COPY's text format reads), so
 * the same rows load through COPY FROM STDIN on PostgreSQL and through large multi-row INSERTs
 * on PGlite (one connection, in-process), and a capture sink can replay the exact rows as a
 * raw COPY for the ingest benchmark.
 */
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ScriptConnection } from '../../server/src/db/index.js';

/** A value already rendered as PostgreSQL text input; null is SQL NULL. */
export type Cell = string | null;

export const ts = (d: Date | number): string => new Date(d).toISOString();
export const json = (v: unknown): string => JSON.stringify(v);
export const bool = (b: boolean): string => (b ? 't' : 'f');
export const num = (n: number): string => String(n);
/** A text[] literal. */
export const textArray = (xs: readonly string[]): string =>
  `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

export interface Sink {
  readonly kind: 'pglite' | 'postgres';
  query<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  /** Appends rows to a table inside the current transaction. */
  write(table: string, columns: readonly string[], rows: readonly Cell[][]): Promise<void>;
  close(): Promise<void>;
}

function copyEscape(v: Cell): string {
  if (v === null) return '\\N';
  // Fast path: most values need no escaping.
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Rows as COPY text format. */
export function copyText(rows: readonly Cell[][]): string {
  let out = '';
  for (const r of rows) out += r.map(copyEscape).join('\t') + '\n';
  return out;
}

/** COPY FROM STDIN of pre-rendered text on a pg client. */
export async function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], text: string): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    // Write in slices so a large chunk does not become one giant buffer copy.
    const SLICE = 1 << 20;
    for (let i = 0; i < text.length; i += SLICE) stream.write(text.slice(i, i + SLICE));
    stream.end();
  });
}

/** PostgreSQL: a dedicated client; COPY FROM STDIN for every table. */
export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url, application_name: 'cctns-generate' });
  await client.connect();
  return {
    kind: 'postgres',
    async query(text, params) {
      return (await client.query(text, params as any[])).rows;
    },
    async write(table, columns, rows) {
      if (rows.length === 0) return;
      await copyInto(client, table, columns, copyText(rows));
    },
    async close() {
      await client.end();
    },
  };
}

const lit = (v: Cell): string => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

/**
 * PGlite: the app's single connection; multi-row INSERTs of a few hundred rows, sent as one
 * script per table batch (PGlite runs in-process, so the cost is parsing, not round trips).
 */
export function pgliteSink(conn: ScriptConnection): Sink {
  return {
    kind: 'pglite',
    async query(text, params) {
      return (await conn.query(text, params)).rows;
    },
    async write(table, columns, rows) {
      const head = `insert into ${table} (${columns.join(', ')}) values `;
      const PER_STATEMENT = 500;
      const stmts: string[] = [];
      for (let i = 0; i < rows.length; i += PER_STATEMENT) {
        const part = rows.slice(i, i + PER_STATEMENT);
        stmts.push(head + part.map((r) => `(${r.map(lit).join(',')})`).join(',') + ';');
      }
      // Several statements per script, bounded so one string stays a few MB.
      let batch = '';
      for (const s of stmts) {
        batch += s;
        if (batch.length > 4_000_000) {
          await conn.script(batch);
          batch = '';
        }
      }
      if (batch) await conn.script(batch);
    },
    async close() {},
  };
}

/** Records every write (as COPY text) and also forwards it; the ingest benchmark replays the capture. */
export function capturing(inner: Sink, capture: Map<string, { columns: readonly string[]; text: string[] }>): Sink {
  return {
    kind: inner.kind,
    query: (t, p) => inner.query(t, p),
    async write(table, columns, rows) {
      let c = capture.get(table);
      if (!c) capture.set(table, (c = { columns, text: [] }));
      c.text.push(copyText(rows));
      await inner.write(table, columns, rows);
    },
    close: () => inner.close(),
  };
}

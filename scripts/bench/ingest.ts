/**
 * The generator's ingest rate against a raw COPY of the same rows into the same PostgreSQL
 * (issue 7: at least 0.25×), measured in one run:
 *
 *  1. two fresh databases with the same schema and master data (the second a template copy of
 *     the first, so both start identical);
 *  2. the generator fills the first, and a capturing sink keeps every row it wrote as COPY text;
 *  3. the captured text is replayed into the second, table by table, with nothing but COPY.
 *
 * Subject: the generator's rows/s, wall clock (drawing the synthetic state, rendering rows and
 * loading them). Baseline: the same rows' COPY rows/s. Same tables, indexes and triggers.
 */
import pg from 'pg';
import { openPostgres } from '../../server/src/db/index.js';
import { prepareDatabase } from '../../server/src/startup.js';
import { getCatalogue } from '../../server/src/modules/masterdata/catalogue.js';
import { generate } from '../generate/generator.js';
import { capturing, copyInto, postgresSink } from '../generate/sink.js';

export interface IngestResult {
  rows: number;
  generateMs: number;
  copyMs: number;
  generateRate: number;
  copyRate: number;
  ratio: number;
}

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function benchIngest(adminUrl: string, o: { firs: number; persons: number; until: string }): Promise<IngestResult> {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const A = 'cctns_ingest_gen';
  const B = 'cctns_ingest_copy';
  try {
    for (const d of [A, B]) await admin.query(`drop database if exists ${d} with (force)`);
    await admin.query(`create database ${A}`);
    const prep = await openPostgres(withDb(adminUrl, A), 1);
    await prepareDatabase(prep);
    await prep.close();
    await admin.query(`create database ${B} template ${A}`);

    const capture = new Map<string, { columns: readonly string[]; text: string[] }>();
    const inner = await postgresSink(withDb(adminUrl, A));
    let generated;
    try {
      generated = await generate(capturing(inner, capture), getCatalogue(), { seed: 7, years: 3, ...o });
    } finally {
      await inner.close();
    }

    // The generator adds the synthetic state with one INSERT when the database has none; the
    // replay starts from the same point.
    const c = new pg.Client(withDb(adminUrl, B));
    await c.connect();
    let rows = 0;
    const t0 = performance.now();
    try {
      await c.query('begin');
      await c.query(
        `insert into state (code, name, name_hi, population, is_demo) values ('XG', 'Generated Pradesh (synthetic)', 'उत्पन्न प्रदेश (कृत्रिम)', 0, true) on conflict do nothing`,
      );
      // Tables in the order the generator first wrote them: parents before children.
      for (const [table, { columns, text }] of capture) {
        const all = text.join('');
        rows += text.reduce((n, t) => n + countLines(t), 0);
        await copyInto(c, table, columns, all);
      }
      await c.query('commit');
    } finally {
      await c.end();
    }
    const copyMs = performance.now() - t0;
    const generateRate = rows / (generated.ms / 1000);
    const copyRate = rows / (copyMs / 1000);
    return { rows, generateMs: generated.ms, copyMs, generateRate, copyRate, ratio: generateRate / copyRate };
  } finally {
    for (const d of [A, B]) await admin.query(`drop database if exists ${d} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

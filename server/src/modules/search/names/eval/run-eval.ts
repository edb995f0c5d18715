/**
 * The name-search evaluation, shared by `npm run eval:names` and a unit test.
 *
 * It loads the labelled pairs' targets and deterministic distractors into an
 * in-memory PGlite table shaped like the people table, then for every pair
 * runs (a) the real ranking from `sql.ts` and (b) the baseline every peer
 * system uses, plain pg_trgm `similarity(name, q)`, and measures:
 *
 *  - recall@10 on 'same' pairs: the target is among the first 10 results;
 *  - for 'different' pairs (hard negatives), the false-match rate: the target
 *    lands in the top 10, and (the stricter, more useful number) the target
 *    scores at or above MATCH_THRESHOLD, i.e. would be shown as a likely match.
 *
 * Rows are inserted in a shuffled order so that ties (ordered by id) favour
 * neither the targets nor the distractors.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { nameIndexFields, queryFields } from '../fields.js';
import { MATCH_THRESHOLD } from '../score.js';
import { buildNameSearchSql } from '../sql.js';
import { generateDistractors, prng } from './distractors.js';

export interface NamePair {
  query: string;
  target: string;
  label: 'same' | 'different';
  note: string;
}

/** Category of a pair: the note up to its first colon ("deva-latin", "typo"…). */
export function categoryOf(p: NamePair): string {
  const i = p.note.indexOf(':');
  return i < 0 ? p.note : p.note.slice(0, i);
}

/** Parse the pairs CSV (RFC 4180 quoting; header query,target,label,note). */
export function parsePairsCsv(text: string): NamePair[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  if (header?.join(',') !== 'query,target,label,note') throw new Error('name-pairs.csv: unexpected header');
  return body.map((r, i) => {
    const [query, target, label, note] = r;
    if (!query || !target || (label !== 'same' && label !== 'different')) {
      throw new Error(`name-pairs.csv line ${i + 2}: bad row ${JSON.stringify(r)}`);
    }
    return { query, target, label, note: note ?? '' };
  });
}

/** The labelled pairs kept in the repository. */
export function loadPairs(): NamePair[] {
  return parsePairsCsv(readFileSync(new URL('./name-pairs.csv', import.meta.url), 'utf8'));
}

export interface EvalOptions {
  pairs: NamePair[];
  distractors: number;
  seed?: number;
  /** Also rank with keys only (`trigramArm: false`) for `keysOnlyRecall10`; default true. */
  measureKeysOnly?: boolean;
  /**
   * Where the names live and how "ours" searches them. Default: an in-memory table searched
   * with `buildNameSearchSql` directly. `npm run eval:names` passes the people module's backend
   * (people/eval-backend.ts), so the measured search is the SQL the API runs.
   */
  backend?: () => Promise<EvalBackend>;
}

/** Row ids of an evaluation backend. */
export type EvalId = number | string;

/** The database side of the evaluation. */
export interface EvalBackend {
  /** What is measured, for the report ("in-memory table", "people API search"). */
  label: string;
  /** Stores the names (in this order) and returns the id of each distinct name (its first row). */
  load(names: readonly string[]): Promise<Map<string, EvalId>>;
  /** Our top 10, best first. `trigramArm: false` = candidates by phonetic keys only. */
  ours(q: string, opts: { trigramArm: boolean }): Promise<Array<{ id: EvalId; score: number }>>;
  /** Our score for one row (0 when it is not even a candidate). */
  scoreOf(q: string, id: EvalId): Promise<number>;
  /** Plain pg_trgm `similarity(name, q)`, top 10. */
  baseline(q: string): Promise<EvalId[]>;
  close(): Promise<void>;
}

export interface PairResult {
  pair: NamePair;
  oursRank: number | null;
  baselineRank: number | null;
  /** Our score for the target (0 when it is not even a candidate). */
  oursScore: number;
  /** Rank with candidates fetched by phonetic keys only (no trigram arm). */
  keysOnlyRank: number | null;
}

export interface EvalReport {
  /** The backend's label: what "ours" measured. */
  backend: string;
  rows: number;
  same: number;
  different: number;
  oursRecall10: number;
  /** recall@10 when candidates are fetched by keys only (`trigramArm: false`). */
  keysOnlyRecall10: number;
  baselineRecall10: number;
  /** oursRecall10 / baselineRecall10 (Infinity when the baseline finds nothing). */
  ratio: number;
  /** Share of 'same' pairs whose target scores ≥ MATCH_THRESHOLD. */
  oursRecallAtThreshold: number;
  /** Share of 'different' pairs whose target is in our top 10. */
  oursFalseTop10: number;
  baselineFalseTop10: number;
  /** Share of 'different' pairs whose target scores ≥ MATCH_THRESHOLD. */
  oursFalseAtThreshold: number;
  byCategory: Array<{ category: string; n: number; ours: number; baseline: number }>;
  /** At each score threshold: share of same pairs above it, share of hard negatives above it. */
  sweep: Array<{ threshold: number; recall: number; falseMatch: number }>;
  results: PairResult[];
  /** Mean milliseconds per ranked query (ours), for orientation only. */
  oursMsPerQuery: number;
}

const TABLE = 'eval_people';

/** Create the in-memory database with the searched table and its GIN indexes. */
export async function createEvalDb(): Promise<PGlite> {
  const db = new PGlite({ extensions: { pg_trgm, fuzzystrmatch } });
  await db.exec(`
    create extension if not exists pg_trgm;
    create extension if not exists fuzzystrmatch;
    create table ${TABLE} (
      id int primary key,
      name text not null,
      name_norm text not null,
      name_keys text[] not null,
      father_norm text,
      birth_year int,
      district_id int,
      sex text
    );
    create index ${TABLE}_keys on ${TABLE} using gin (name_keys);
    create index ${TABLE}_norm on ${TABLE} using gin (name_norm gin_trgm_ops);
  `);
  return db;
}

/** Insert names (in the given order, ids from 1); returns id by name. */
export async function insertNames(db: PGlite, names: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const batch = 2000;
  for (let start = 0; start < names.length; start += batch) {
    const chunk = names.slice(start, start + batch);
    const idCol: number[] = [];
    const norms: string[] = [];
    const keys: string[] = [];
    chunk.forEach((n, i) => {
      const f = nameIndexFields(n);
      idCol.push(start + i + 1);
      norms.push(f.norm);
      keys.push(f.keys.join(' '));
      if (!ids.has(n)) ids.set(n, start + i + 1);
    });
    // Keys never contain spaces, so a space-joined string carries the array.
    await db.query(
      `insert into ${TABLE} (id, name, name_norm, name_keys)
       select i, n, nn, case when k = '' then '{}'::text[] else string_to_array(k, ' ') end
       from unnest($1::int[], $2::text[], $3::text[], $4::text[]) as t(i, n, nn, k)`,
      [idCol, [...chunk], norms, keys],
    );
  }
  return ids;
}

async function oursTop10(db: PGlite, q: string, trigramArm = true): Promise<Array<{ id: number; score: number }>> {
  const fields = queryFields(q);
  if (fields.tokens.length === 0) return [];
  const { text, values } = buildNameSearchSql({ table: TABLE, q: fields, limit: 10, trigramArm });
  const r = await db.query<{ id: number; score: number }>(text, values);
  return r.rows;
}

async function oursScoreOf(db: PGlite, q: string, id: number): Promise<number> {
  const fields = queryFields(q);
  if (fields.tokens.length === 0) return 0;
  const { text, values } = buildNameSearchSql({
    table: TABLE,
    q: fields,
    limit: 1,
    extraWhere: (bind) => `c.id = ${bind(id)}::int`,
  });
  const r = await db.query<{ score: number }>(text, values);
  return r.rows[0]?.score ?? 0;
}

async function baselineTop10(db: PGlite, q: string): Promise<number[]> {
  const r = await db.query<{ id: number }>(`select id from ${TABLE} order by similarity(name, $1) desc, id limit 10`, [q]);
  return r.rows.map((x) => x.id);
}

/** The default backend: an in-memory table shaped like the people table, searched directly. */
export async function memoryBackend(): Promise<EvalBackend> {
  const db = await createEvalDb();
  return {
    label: 'in-memory table, buildNameSearchSql',
    async load(names) {
      const ids = await insertNames(db, names);
      await db.exec(`analyze ${TABLE}`);
      return ids;
    },
    ours: (q, o) => oursTop10(db, q, o.trigramArm),
    scoreOf: (q, id) => oursScoreOf(db, q, Number(id)),
    baseline: (q) => baselineTop10(db, q),
    close: () => db.close(),
  };
}

function rankOf(ids: readonly EvalId[], id: EvalId): number | null {
  const i = ids.indexOf(id);
  return i < 0 ? null : i + 1;
}

/** Run the evaluation. Deterministic for the same pairs, distractor count and seed. */
export async function runNameEval(opts: EvalOptions): Promise<EvalReport> {
  const seed = opts.seed ?? 20240701;
  const targets = [...new Set(opts.pairs.map((p) => p.target))];
  const names = [...targets, ...generateDistractors(opts.distractors, seed).map((d) => d.name)];
  // Fisher–Yates with the seeded PRNG: ids carry no hint of which row is a target.
  const rand = prng(seed ^ 0x5bd1e995);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const backend = await (opts.backend ?? memoryBackend)();
  try {
    const ids = await backend.load(names);
    const results: PairResult[] = [];
    let oursMs = 0;
    let oursQueries = 0;
    for (const pair of opts.pairs) {
      const id = ids.get(pair.target)!;
      const t0 = performance.now();
      const ours = await backend.ours(pair.query, { trigramArm: true });
      oursMs += performance.now() - t0;
      oursQueries++;
      const base = await backend.baseline(pair.query);
      const keysOnly = pair.label === 'same' && opts.measureKeysOnly !== false ? await backend.ours(pair.query, { trigramArm: false }) : [];
      const inTop = ours.find((r) => r.id === id);
      const oursScore = inTop ? inTop.score : await backend.scoreOf(pair.query, id);
      results.push({
        pair,
        oursRank: rankOf(
          ours.map((r) => r.id),
          id,
        ),
        baselineRank: rankOf(base, id),
        oursScore,
        keysOnlyRank: rankOf(
          keysOnly.map((r) => r.id),
          id,
        ),
      });
    }
    const same = results.filter((r) => r.pair.label === 'same');
    const diff = results.filter((r) => r.pair.label === 'different');
    const share = (xs: PairResult[], f: (r: PairResult) => boolean): number => (xs.length === 0 ? 0 : xs.filter(f).length / xs.length);
    const oursRecall10 = share(same, (r) => r.oursRank !== null);
    const baselineRecall10 = share(same, (r) => r.baselineRank !== null);
    const cats = new Map<string, PairResult[]>();
    for (const r of same) {
      const c = categoryOf(r.pair);
      cats.set(c, [...(cats.get(c) ?? []), r]);
    }
    return {
      backend: backend.label,
      rows: names.length,
      same: same.length,
      different: diff.length,
      oursRecall10,
      keysOnlyRecall10: share(same, (r) => r.keysOnlyRank !== null),
      baselineRecall10,
      ratio: baselineRecall10 === 0 ? Infinity : oursRecall10 / baselineRecall10,
      oursRecallAtThreshold: share(same, (r) => r.oursScore >= MATCH_THRESHOLD),
      oursFalseTop10: share(diff, (r) => r.oursRank !== null),
      baselineFalseTop10: share(diff, (r) => r.baselineRank !== null),
      oursFalseAtThreshold: share(diff, (r) => r.oursScore >= MATCH_THRESHOLD),
      byCategory: [...cats.entries()]
        .map(([category, rs]) => ({
          category,
          n: rs.length,
          ours: share(rs, (r) => r.oursRank !== null),
          baseline: share(rs, (r) => r.baselineRank !== null),
        }))
        .sort((a, b) => a.category.localeCompare(b.category)),
      sweep: [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((threshold) => ({
        threshold,
        recall: share(same, (r) => r.oursScore >= threshold),
        falseMatch: share(diff, (r) => r.oursScore >= threshold),
      })),
      results,
      oursMsPerQuery: oursQueries === 0 ? 0 : oursMs / oursQueries,
    };
  } finally {
    await backend.close();
  }
}

/**
 * The ranked name search as one parameterised SQL statement, for PostgreSQL and
 * PGlite alike (both ship pg_trgm and fuzzystrmatch).
 *
 * The table needs these columns (names can be overridden with `columns`):
 *
 *     id, name,
 *     name_norm   text    -- nameIndexFields(name).norm,  GIN (name_norm gin_trgm_ops)
 *     name_keys   text[]  -- nameIndexFields(name).keys,  GIN (name_keys)
 *     father_norm text    -- nameIndexFields(fatherName).norm  (only read when
 *     birth_year  int        the query gives that field; all nullable)
 *     district_id, sex
 *
 * Candidates come only through GIN-indexable predicates,
 * `name_keys && $retrievalKeys OR name_norm % $norm`, so the planner can use a
 * BitmapOr of the two indexes instead of a sequential scan (`%` uses
 * `pg_trgm.similarity_threshold`, 0.3 by default; `trigramArm: false` drops
 * that arm). The retrieval keys are the coarse "~" keys (see keys.ts), so a
 * vowel-only variant is still fetched. Then:
 *
 *  1. the candidates are pre-ranked by a cheap score (exact or coarse key hits
 *     per query token, and trigram similarity) and the best `candidateLimit`
 *     kept, which bounds the work on common names (every Sharma is a candidate
 *     for "Rajesh Sharma");
 *  2. those get the full score of `score.ts`, set-based (every query token
 *     against every candidate token, best match per query token), with the
 *     "why matched" reasons.
 *
 * Run it with `pool.query(text, values)`, PGlite's `db.query(text, values)`, or
 * in Kysely with `db.executeQuery(CompiledQuery.raw(text, values))`.
 */
import { nameIndexFields, queryFields, type NameQueryFields } from './fields.js';
import { COARSE_PREFIX, VOWEL_CLASSES } from './keys.js';
import { CREDIT, DEFAULT_BIRTH_YEAR_TOLERANCE, TRIGRAM_REASON_MIN, WEIGHTS, type MatchContext } from './score.js';

/** Column names of the searched table, when they differ from the defaults. */
export interface NameSearchColumns {
  id: string;
  name: string;
  nameNorm: string;
  nameKeys: string;
  fatherNorm: string;
  birthYear: string;
  districtId: string;
  sex: string;
}

const DEFAULT_COLUMNS: NameSearchColumns = {
  id: 'id',
  name: 'name',
  nameNorm: 'name_norm',
  nameKeys: 'name_keys',
  fatherNorm: 'father_norm',
  birthYear: 'birth_year',
  districtId: 'district_id',
  sex: 'sex',
};

/** Hard filters: rows that fail them are never returned. */
export interface NameSearchFilter {
  districtIds?: ReadonlyArray<string | number>;
  sex?: string;
  birthYearFrom?: number;
  birthYearTo?: number;
}

export interface NameSearchOptions {
  /** Table (or `schema.table`) to search. Validated as an identifier, then quoted. */
  table: string;
  /** The search box text, or fields already computed with `queryFields`. */
  q: string | NameQueryFields;
  /** Soft evidence: agreement raises the score, disagreement lowers it. */
  context?: MatchContext;
  filter?: NameSearchFilter;
  /**
   * More conditions on the candidate row `c`, such as the caller's jurisdiction
   * scope. `bind(value)` adds a parameter and returns its placeholder, e.g.
   * `(bind) => \`c.state_code = ${bind(scope.state)}\``.
   */
  extraWhere?: (bind: (value: unknown) => string) => string;
  /** Rows to return, 1…100 (default 10). */
  limit?: number;
  /** Drop candidates scoring below this (default: keep all). */
  minScore?: number;
  /**
   * How many pre-ranked candidates get the full score (default 100, at most
   * 5000). Bounds the work on very common names; raise it for more recall on
   * typo-only matches, lower it for speed.
   */
  candidateLimit?: number;
  columns?: Partial<NameSearchColumns>;
  /**
   * Also fetch candidates by trigram similarity, `name_norm % norm` (default
   * true). That arm finds typos the keys miss, but on a large table a query
   * with a common word ("Kumar") makes it visit every row with that word; a
   * caller may search with `false` first and repeat with `true` only when the
   * keys alone find too little. `npm run eval:names` prints the recall of both.
   */
  trigramArm?: boolean;
  /**
   * Fallback tiers of candidate retrieval, in one statement. Tier 1 fetches candidates with its
   * own arm (`trigramArm`, default false) and extra condition `where`; each later tier runs only
   * when every earlier tier found fewer than `limit` rows (the gate is a one-time filter on an
   * uncorrelated count, so a tier that is not needed is never executed: EXPLAIN ANALYZE shows
   * "never executed"), and the answer is the last tier that ran. Without `tiers`: one tier, with
   * `trigramArm` as given.
   */
  tiers?: ReadonlyArray<{ trigramArm?: boolean; where?: (bind: (value: unknown) => string) => string }>;
  /**
   * Fold the answer to one row per value of this column (the best-scoring row of each; e.g. a
   * person's master id over all their names), before the limit. The returned `id` is then that
   * column's value.
   */
  groupBy?: string;
}

/** A parameterised statement. Returned columns: id, name, score float8, why text[]. */
export interface SqlQuery {
  text: string;
  values: unknown[];
}

const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Candidates that get the full score; see `NameSearchOptions.candidateLimit`. */
export const DEFAULT_CANDIDATE_LIMIT = 100;

/** Quote a (possibly schema-qualified) identifier; throws on anything else. */
export function quoteIdent(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENT_RE.test(p))) {
    throw new TypeError(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  return parts.map((p) => `"${p}"`).join('.');
}

/** A number as a SQL literal; only finite numbers from our own constants. */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new TypeError('non-finite constant');
  return String(x);
}

/**
 * Build the ranked name search. Throws a TypeError for a bad table or column
 * name and a RangeError for a query with no name in it (the route should have
 * answered 400 before this). Returned columns: id, name, score float8
 * (see score.ts), why text[]; best first, ties by id.
 */
export function buildNameSearchSql(opts: NameSearchOptions): SqlQuery {
  const q = typeof opts.q === 'string' ? queryFields(opts.q) : opts.q;
  if (q.tokens.length === 0) throw new RangeError('the name query has no letters in it');
  const col = { ...DEFAULT_COLUMNS, ...opts.columns };
  const t = quoteIdent(opts.table);
  const c = Object.fromEntries(Object.entries(col).map(([k, v]) => [k, `c.${quoteIdent(v)}`])) as unknown as NameSearchColumns;
  const limit = Math.min(100, Math.max(1, Math.trunc(opts.limit ?? 10)));
  const candidateLimit = Math.min(5000, Math.max(limit, Math.trunc(opts.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT)));

  const values: unknown[] = [q.keys, q.tokens, q.weights, q.display, q.norm, q.retrievalKeys, q.coarse];
  const bind = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };

  // Extra columns carried from stage 1 to stage 2, only those the context needs
  // (a caller's table may not have them all).
  const carry: string[] = [];
  // Agreement terms on stage-2 row k: each is a [score expression, reason expression] pair.
  const ctx = opts.context ?? {};
  const agree: Array<[string, string]> = [];
  if (ctx.fatherName !== undefined) {
    carry.push(`${c.fatherNorm} as father_norm`);
    const p = bind(nameIndexFields(ctx.fatherName).norm);
    const sim = `(case when coalesce(k.father_norm, '') = '' then null else similarity(k.father_norm, ${p}::text) end)`;
    agree.push([
      `(case when ${sim} is null then 0 when ${sim} >= ${num(WEIGHTS.fatherMinSimilarity)} then ${num(WEIGHTS.father)} * ${sim}
             when ${sim} < ${num(WEIGHTS.fatherMismatchBelow)} then ${num(WEIGHTS.fatherMismatch)} else 0 end)`,
      `(case when ${sim} is null then null when ${sim} >= 0.8 then 'same father''s name'
             when ${sim} >= ${num(WEIGHTS.fatherMinSimilarity)} then 'similar father''s name ' || to_char(round(${sim}::numeric, 2), 'FM0.00')
             when ${sim} < ${num(WEIGHTS.fatherMismatchBelow)} then 'different father''s name' end)`,
    ]);
  }
  if (ctx.birthYear !== undefined) {
    carry.push(`${c.birthYear} as birth_year`);
    const p = bind(Math.trunc(ctx.birthYear));
    const tol = num(Math.trunc(ctx.birthYearTolerance ?? DEFAULT_BIRTH_YEAR_TOLERANCE));
    const diff = `abs(k.birth_year - ${p}::int)`;
    agree.push([
      `(case when k.birth_year is null then 0 when ${diff} <= ${tol} then ${num(WEIGHTS.birthYear)}
             when ${diff} > ${num(WEIGHTS.birthYearFarBeyond)} then ${num(WEIGHTS.birthYearFar)} else 0 end)`,
      `(case when k.birth_year is null then null when ${diff} = 0 then 'same birth year'
             when ${diff} <= ${tol} then 'birth year within ' || ${diff}
             when ${diff} > ${num(WEIGHTS.birthYearFarBeyond)} then 'birth year ' || ${diff} || ' apart' end)`,
    ]);
  }
  if (ctx.districtId !== undefined) {
    carry.push(`${c.districtId}::text as district_id`);
    const p = bind(String(ctx.districtId));
    const same = `(k.district_id = ${p}::text)`;
    agree.push([`(case when ${same} then ${num(WEIGHTS.district)} else 0 end)`, `(case when ${same} then 'same district' end)`]);
  }
  if (ctx.sex !== undefined) {
    carry.push(`${c.sex}::text as sex`);
    const p = bind(ctx.sex);
    const has = `coalesce(k.sex, '') <> ''`;
    const same = `lower(k.sex) = lower(${p}::text)`;
    agree.push([
      `(case when not (${has}) then 0 when ${same} then ${num(WEIGHTS.sex)} else ${num(WEIGHTS.sexMismatch)} end)`,
      `(case when not (${has}) then null when ${same} then 'same sex' else 'different sex' end)`,
    ]);
  }

  const where: string[] = [];
  const f = opts.filter ?? {};
  if (f.districtIds !== undefined) where.push(`${c.districtId} = any(${bind([...f.districtIds])})`);
  if (f.sex !== undefined) where.push(`${c.sex} = ${bind(f.sex)}`);
  if (f.birthYearFrom !== undefined) where.push(`${c.birthYear} >= ${bind(Math.trunc(f.birthYearFrom))}::int`);
  if (f.birthYearTo !== undefined) where.push(`${c.birthYear} <= ${bind(Math.trunc(f.birthYearTo))}::int`);
  if (opts.extraWhere) where.push(`(${opts.extraWhere(bind)})`);
  const tiers = (opts.tiers && opts.tiers.length > 0 ? opts.tiers : [{ trigramArm: opts.trigramArm !== false }]).map((tier) => ({
    fetch: tier.trigramArm ? `(${c.nameKeys} && $6::text[] or ${c.nameNorm} % $5::text)` : `${c.nameKeys} && $6::text[]`,
    where: 'where' in tier && tier.where ? `(${tier.where(bind)})` : null,
  }));
  const group = opts.groupBy !== undefined ? `c.${quoteIdent(opts.groupBy)}` : null;

  // Stage-1 pre-score: the token part of the score counting only exact key
  // hits (credit 1) and coarse key hits (the "vowel" credit), which the GIN
  // array can answer without looking inside the tokens.
  const weightSum = q.weights.reduce((a, b) => a + b, 0);
  const preTerms: string[] = [];
  q.tokens.forEach((_, i) => {
    if (q.coarse[i] === '') return;
    const key = bind(q.keys[i]);
    const coarse = bind(COARSE_PREFIX + q.coarse[i]);
    preTerms.push(
      `${num(q.weights[i]!)} * (case when ${key}::text = any(${c.nameKeys}) then ${num(CREDIT.phonetic)}
         when ${coarse}::text = any(${c.nameKeys}) then ${num(CREDIT.vowel)} else 0 end)`,
    );
  });
  const preToken = preTerms.length > 0 && weightSum > 0 ? `(${preTerms.join(' + ')}) / ${num(weightSum)}` : '0';

  const agreementScore = agree.length > 0 ? agree.map(([sc]) => sc).join(' + ') : '0';
  const agreementWhy = agree.map(([, w]) => w).join(', ');
  const minScore = opts.minScore !== undefined ? `where r.score >= ${bind(opts.minScore)}::float8` : '';

  // Token matching, per query token (q) against every candidate token (rt);
  // the CASE order is the precedence in score.ts `matchKind`. Initials are
  // stored as "x." keys; phonetic keys never contain a dot; "~" entries are
  // the coarse keys, used for retrieval only.
  const kind = `case
          when right(q.k, 1) <> '.' and right(rt.k, 1) <> '.' and q.k <> '' and q.k = rt.k then 'phonetic'
          when right(q.k, 1) = '.' and left(rt.t, 1) = left(q.k, 1) then 'initial'
          when right(rt.k, 1) = '.' and left(q.t, 1) = left(rt.k, 1) then 'initial'
          when right(q.k, 1) = '.' or right(rt.k, 1) = '.' then 'none'
          when q.c <> '' and q.c = left(rt.k, 1) || translate(substr(rt.k, 2), '${VOWEL_CLASSES}', '') then 'vowel'
          when length(q.k) >= 3 and length(rt.k) >= 3 and left(q.k, 1) = left(rt.k, 1)
               and levenshtein(q.k, rt.k) <= 1 then 'fuzzy'
          when length(q.t) >= 4 and length(rt.t) >= 4
               and levenshtein(q.t, rt.t) <= (case when length(q.t) >= 6 then 2 else 1 end) then 'typo'
          else 'none' end`;
  const credit = `case p.kind when 'phonetic' then ${num(CREDIT.phonetic)} when 'initial' then ${num(CREDIT.initial)}
          when 'vowel' then ${num(CREDIT.vowel)} when 'fuzzy' then ${num(CREDIT.fuzzy)} when 'typo' then ${num(CREDIT.typo)} else 0 end`;

  // One pipeline per tier; CTE names carry the tier's suffix ('' for the first).
  const sfx = (i: number) => (i === 0 ? '' : `_${i + 1}`);
  const count = (i: number) => `(select count(*) from res${sfx(i)})`;
  const pipeline = (i: number): string => {
    const s = sfx(i);
    const gate = Array.from({ length: i }, (_, j) => `${count(j)} < ${num(limit)}`);
    const conds = [...gate, tiers[i]!.fetch, ...where, ...(tiers[i]!.where ? [tiers[i]!.where!] : [])];
    const scored = `select k.id, k.grp, k.name,
    (${num(WEIGHTS.token)} * coalesce(tk.token_score, 0) + ${num(WEIGHTS.trigram)} * k.trgm + ${agreementScore})::float8 as score,
    coalesce(tk.reasons, '{}'::text[])
      || array_remove(array[
           case when k.trgm >= ${num(TRIGRAM_REASON_MIN)} then 'trigram ' || to_char(round(k.trgm::numeric, 2), 'FM0.00') end
           ${agreementWhy ? `, ${agreementWhy}` : ''}
         ]::text[], null) as why
  from cand${s} as k
  left join tk${s} as tk on tk.id = k.id`;
    const res = group
      ? `select r.grp as id, r.name, r.score, r.why
  from (select distinct on (r.grp) r.* from (${scored}) as r ${minScore} order by r.grp, r.score desc, r.id) as r
  order by r.score desc, r.grp
  limit ${num(limit)}`
      : `select r.id, r.name, r.score, r.why
  from (${scored}) as r
  ${minScore}
  order by r.score desc, r.id
  limit ${num(limit)}`;
    return `cand${s} as materialized (
  select ${c.id} as id, ${group ?? c.id} as grp, ${c.name} as name, ${c.nameNorm} as name_norm, ${c.nameKeys} as name_keys,
    ${carry.length > 0 ? `${carry.join(', ')},` : ''}
    similarity(${c.nameNorm}, $5::text)::float8 as trgm
  from ${t} as c
  where ${conds.join('\n    and ')}
  order by ${num(WEIGHTS.token)} * ${preToken} + ${num(WEIGHTS.trigram)} * similarity(${c.nameNorm}, $5::text) desc, ${c.id}
  limit ${num(candidateLimit)}
),
-- Every query token against every token of every candidate (initials and
-- coarse "~" entries excluded), then the best candidate token per query token.
pairs${s} as (
  select k.id, q.i, q.w, q.d, rt.t, rt.o, x.kind
  from cand${s} as k
  cross join unnest($1::text[], $2::text[], $3::float8[], $4::text[], $7::text[]) with ordinality as q(k, t, w, d, c, i)
  cross join lateral unnest(k.name_keys, string_to_array(k.name_norm, ' ')) with ordinality as rt(k, t, o)
  cross join lateral (select ${kind} as kind) as x
  where left(rt.k, 1) <> '${COARSE_PREFIX}' and rt.t is not null
),
best${s} as (
  select distinct on (p.id, p.i) p.id, p.i, p.w, cr.credit,
    case when cr.credit > 0 then p.kind || ': ' || p.d || '≈' || p.t end as reason
  from pairs${s} as p
  cross join lateral (select (${credit})::float8 as credit) as cr
  order by p.id, p.i, cr.credit desc, p.o
),
-- Materialized: computed once. Inlined, the planner may join it to cand in a
-- nested loop and recompute the aggregate for every candidate (quadratic).
tk${s} as materialized (
  select b.id,
    coalesce(sum(b.credit * b.w) / nullif(sum(b.w), 0), 0)::float8 as token_score,
    coalesce(array_agg(b.reason order by b.i) filter (where b.reason is not null), '{}'::text[]) as reasons
  from best${s} as b
  group by b.id
),
res${s} as materialized (
  ${res}
)`;
  };
  const n = tiers.length;
  // The answer is tier i when every earlier tier found fewer than `limit` and tier i found
  // enough, or is the last tier.
  const answer = tiers
    .map((_, i) => {
      const conds = [
        ...Array.from({ length: i }, (_, j) => `${count(j)} < ${num(limit)}`),
        ...(i < n - 1 ? [`${count(i)} >= ${num(limit)}`] : []),
      ];
      return `select * from res${sfx(i)}${conds.length > 0 ? ` where ${conds.join(' and ')}` : ''}`;
    })
    .join('\n  union all ');
  const text = `
with ${tiers.map((_, i) => pipeline(i)).join(',\n')}
select u.id, u.name, u.score, u.why
from (${answer}) as u
order by u.score desc, u.id`;
  return { text, values };
}

/**
 * The person name search as the API runs it, and as `npm run eval:names` and
 * `scripts/bench-people.ts` run it: one function builds the SQL, so the measured search is the
 * served search.
 *
 * It runs the ranked search of modules/search/names/sql.ts over `person_name` (every name of
 * every person: recorded, Devanagari, aliases, nicknames) and answers one row per person: the
 * best-scoring name of each master record (a merged record answers for the record it was
 * merged into).
 *
 * The score is the one documented in modules/search/names/score.ts:
 *   0.6 × token score (phonetic keys, initials, vowel variants, typos)
 *   + 0.4 × trigram similarity of the normalised names
 *   + agreement on father's name, birth year (age band), district and sex when given.
 *
 * Candidates are fetched in tiers, so that a query with a common word does not visit every row
 * with that word (every Sharma for "Rajesh Sharma"). The tiers, the fold of names to their
 * master record and the ranking are one SQL statement (`personSearchSql`): a later tier is
 * gated on the count of the earlier one and is never executed when not needed, and what the
 * route runs is exactly what the benchmarks' raw-SQL baselines run.
 *   tier 1  names that carry the coarse phonetic key of every name word of the query
 *           (`name_keys @> keys`: one GIN intersection, a few rows even among millions);
 *   tier 2  only when tier 1 finds fewer persons than asked for: names that carry the keys of
 *           every name word but one, and for that one the key of one of its one-edit variants
 *           (a letter dropped or two neighbours swapped: "Kavihta" → kavita); one GIN scan
 *           per word, a few hundred rows even for a common surname among millions;
 *   tier 3  only when tier 2 still finds fewer: names that carry any of the keys
 *           (`name_keys && keys`), e.g. when one word is misspelt beyond its variants. On a
 *           common surname this reads every row with it (all Sharmas), hence its place;
 *   tier 4  only when tier 3 still finds fewer: the library's trigram arm as well
 *           (`name_norm % q`), for a misspelt word that is the only distinctive one
 *           ("Rajseh Kumar"). Its GIN scan reads the posting list of every trigram of the
 *           query, which on a large table is the expensive path, so it is the last resort.
 * `npm run eval:names` measures recall through this same function.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { queryFields, type NameQueryFields } from '../search/names/fields.js';
import type { MatchContext } from '../search/names/score.js';
import { buildNameSearchSql, type SqlQuery } from '../search/names/sql.js';

/** Hard filters of a person search; all optional. */
export interface PersonSearchFilter {
  stateCode: string;
  /** Only persons whose home district is one of these. An empty list matches nothing. */
  districtIds?: readonly string[];
  sex?: string;
  /** Birth year range (from an age range on today's date). */
  birthYearFrom?: number;
  birthYearTo?: number;
  /** Only persons who were accused in at least one case. */
  accusedOnly?: boolean;
  /** Only persons with a case at this station, or first recorded there. */
  stationId?: string;
  /** Only these (master) person ids: to score one known record, e.g. in the evaluation. */
  onlyPersonIds?: readonly string[];
}

export interface PersonSearchInput {
  q: string | NameQueryFields;
  filter: PersonSearchFilter;
  /** Soft evidence for the ranking (father's name, birth year, district, sex). */
  context?: MatchContext;
  /** Persons to return, 1…50 (default 10). */
  limit?: number;
}

export interface PersonSearchHit {
  personId: string;
  /** The name of the person that matched best (any of their names). */
  matchedName: string;
  score: number;
  why: string[];
}

/** Which tier of candidate retrieval (see the module comment). */
export type SearchTier = 'all_keys' | 'typo_keys' | 'any_key' | 'trigram';

/** The key a one-word query is fetched by (as queryFields computes it), or undefined. */
function fetchKey(word: string): string | undefined {
  return queryFields(word).retrievalKeys[0];
}

/**
 * For each name word of the query that is fetched by a key: the keys of the other fetched words,
 * and the keys of the word's one-edit variants (one letter dropped, two neighbours swapped) that
 * differ from its own key. Words shorter than four letters get no variants.
 */
export function typoVariants(q: NameQueryFields): { others: string[]; variants: string[] }[] {
  const words: { key: string; text: string }[] = [];
  q.tokens.forEach((t, i) => {
    if (q.coarse[i] === '' || q.weights[i] !== 1) return;
    const key = fetchKey(t);
    if (key !== undefined) words.push({ key, text: t });
  });
  return words.flatMap((w, i) => {
    if (w.text.length < 4) return [];
    const edits = new Set<string>();
    for (let k = 0; k < w.text.length; k++) edits.add(w.text.slice(0, k) + w.text.slice(k + 1));
    for (let k = 0; k + 1 < w.text.length; k++) edits.add(w.text.slice(0, k) + w.text[k + 1] + w.text[k] + w.text.slice(k + 2));
    const variants = new Set<string>();
    for (const e of edits) {
      const key = fetchKey(e);
      if (key !== undefined && key !== w.key) variants.add(key);
    }
    if (variants.size === 0) return [];
    const others = [...new Set(words.filter((_, j) => j !== i).map((x) => x.key))];
    return [{ others, variants: [...variants] }];
  });
}

/**
 * The SQL of a person search: the one statement `runPersonSearch` runs (every tier, gated), or
 * with `tier` only that tier's retrieval (for EXPLAIN of one tier).
 */
export function personSearchSql(input: PersonSearchInput, tier?: SearchTier): SqlQuery {
  const limit = Math.min(50, Math.max(1, Math.trunc(input.limit ?? 10)));
  const f = input.filter;
  const q = typeof input.q === 'string' ? queryFields(input.q) : input.q;
  const allKeys = { trigramArm: false, where: (bind: (v: unknown) => string) => `c.name_keys @> ${bind(q.retrievalKeys)}::text[]` };
  const typo = typoVariants(q);
  const typoKeys = {
    trigramArm: false,
    where: (bind: (v: unknown) => string) =>
      typo
        .map((t) =>
          t.others.length > 0
            ? `(c.name_keys @> ${bind(t.others)}::text[] and c.name_keys && ${bind(t.variants)}::text[])`
            : `c.name_keys && ${bind(t.variants)}::text[]`,
        )
        .join(' or '),
  };
  const anyKey = { trigramArm: false };
  const trigram = { trigramArm: true };
  // With one name word, "all keys" and "any key" are the same query.
  const withTypo = typo.length > 0 ? [typoKeys] : [];
  const tiers =
    tier === 'all_keys'
      ? [allKeys]
      : tier === 'typo_keys'
        ? withTypo
        : tier === 'any_key'
          ? [anyKey]
          : tier === 'trigram'
            ? [trigram]
            : q.retrievalKeys.length > 1
              ? [allKeys, ...withTypo, anyKey, trigram]
              : [anyKey, ...withTypo, trigram];
  return buildNameSearchSql({
    table: 'person_name',
    q,
    context: input.context,
    limit,
    tiers,
    // Each name row is ranked on its own (tokens of two names of one person never mix); the
    // best name of each master record answers for it.
    groupBy: 'master_id',
    filter: {
      districtIds: f.districtIds,
      sex: f.sex,
      birthYearFrom: f.birthYearFrom,
      birthYearTo: f.birthYearTo,
    },
    extraWhere: (bind) => {
      const parts = [`c.state_code = ${bind(f.stateCode)}::text`];
      if (f.onlyPersonIds !== undefined) parts.push(`c.master_id = any(${bind([...f.onlyPersonIds])}::uuid[])`);
      if (f.accusedOnly) {
        parts.push(`exists (select 1 from person_name n2 join person_case_role r on r.person_id = n2.person_id
                            where n2.master_id = c.master_id and r.role = 'accused')`);
      }
      if (f.stationId !== undefined) {
        const s = bind(f.stationId);
        parts.push(`(exists (select 1 from person_name n2 join person_case_role r on r.person_id = n2.person_id
                             where n2.master_id = c.master_id and r.station_id = ${s}::uuid)
                     or exists (select 1 from person p where p.id = c.person_id and p.created_station_id = ${s}::uuid))`);
      }
      return parts.join(' and ');
    },
  });
}

/**
 * Runs the ranked person search: one statement. Returns at most `limit` persons, best first; an
 * input with no name in it returns []. Never throws on odd input: the query only ever reaches
 * SQL as bound parameters.
 */
export async function runPersonSearch(db: Kysely<Database>, input: PersonSearchInput): Promise<PersonSearchHit[]> {
  const q = typeof input.q === 'string' ? queryFields(input.q) : input.q;
  if (q.tokens.length === 0) return [];
  if (input.filter.districtIds !== undefined && input.filter.districtIds.length === 0) return [];
  const { text, values } = personSearchSql({ ...input, q });
  const r = await db.executeQuery<{ id: string; name: string; score: number; why: string[] }>(CompiledQuery.raw(text, values));
  return r.rows.map((row) => ({ personId: row.id, matchedName: row.name, score: Number(row.score), why: row.why ?? [] }));
}

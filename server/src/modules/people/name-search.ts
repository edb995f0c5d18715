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
 * with that word (every Sharma for "Rajesh Sharma"):
 *   tier 1  names that carry the coarse phonetic key of every name word of the query
 *           (`name_keys @> keys`: one GIN intersection, a few rows even among millions);
 *   tier 2  only when tier 1 finds fewer persons than asked for: names that carry any of them
 *           (`name_keys && keys`), e.g. when one word is misspelt beyond its key;
 *   tier 3  only when tier 2 still finds fewer: the library's trigram arm as well
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

/**
 * Several names of one person can match; rows are fetched for this many times the persons
 * asked for and folded to one per person, so a person with three names that all match does
 * not push others out of the top ten.
 */
const NAMES_PER_PERSON = 3;

/** Which tier of candidate retrieval (see the module comment). */
export type SearchTier = 'all_keys' | 'any_key' | 'trigram';

/** The SQL of a person search (exported for EXPLAIN in the benchmark). */
export function personSearchSql(input: PersonSearchInput, tier: SearchTier = 'all_keys'): SqlQuery {
  const limit = Math.min(50, Math.max(1, Math.trunc(input.limit ?? 10)));
  const f = input.filter;
  const q = typeof input.q === 'string' ? queryFields(input.q) : input.q;
  return buildNameSearchSql({
    table: 'person_name',
    q,
    context: input.context,
    limit: limit * NAMES_PER_PERSON,
    trigramArm: tier === 'trigram',
    // Each name row is ranked on its own (tokens of two names of one person never mix); the
    // rows are mapped to their person afterwards.
    columns: { id: 'id' },
    filter: {
      districtIds: f.districtIds,
      sex: f.sex,
      birthYearFrom: f.birthYearFrom,
      birthYearTo: f.birthYearTo,
    },
    extraWhere: (bind) => {
      const parts = [`c.state_code = ${bind(f.stateCode)}::text`];
      if (tier === 'all_keys' && q.retrievalKeys.length > 1) parts.push(`c.name_keys @> ${bind(q.retrievalKeys)}::text[]`);
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
 * Runs the ranked person search. Returns at most `limit` persons, best first; an input with
 * no name in it returns []. Never throws on odd input: the query only ever reaches SQL as
 * bound parameters.
 */
export async function runPersonSearch(db: Kysely<Database>, input: PersonSearchInput): Promise<PersonSearchHit[]> {
  const q = typeof input.q === 'string' ? queryFields(input.q) : input.q;
  if (q.tokens.length === 0) return [];
  if (input.filter.districtIds !== undefined && input.filter.districtIds.length === 0) return [];
  const limit = Math.min(50, Math.max(1, Math.trunc(input.limit ?? 10)));
  const run = async (tier: SearchTier): Promise<PersonSearchHit[]> => {
    const { text, values } = personSearchSql({ ...input, q }, tier);
    const r = await db.executeQuery<{ id: string; name: string; score: number; why: string[] }>(CompiledQuery.raw(text, values));
    if (r.rows.length === 0) return [];
    const masters = await db
      .selectFrom('person_name')
      .select(['id', 'master_id'])
      .where(
        'id',
        'in',
        r.rows.map((x) => x.id),
      )
      .execute();
    const masterOf = new Map(masters.map((m) => [m.id, m.master_id]));
    const out: PersonSearchHit[] = [];
    const seen = new Set<string>();
    for (const row of r.rows) {
      const personId = masterOf.get(row.id);
      if (personId === undefined || seen.has(personId)) continue;
      seen.add(personId);
      out.push({ personId, matchedName: row.name, score: Number(row.score), why: row.why ?? [] });
      if (out.length >= limit) break;
    }
    return out;
  };
  const first = await run('all_keys');
  if (first.length >= limit) return first;
  // With one name word, tiers 1 and 2 are the same query.
  const second = q.retrievalKeys.length > 1 ? await run('any_key') : first;
  if (second.length >= limit) return second;
  return run('trigram');
}

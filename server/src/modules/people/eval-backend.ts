/**
 * The name-search evaluation run through the people module: the names are stored as person
 * records in the real `person` / `person_name` tables (migrated schema, GIN indexes, name index
 * computed by nameIndexFields as createPerson does) and searched with `runPersonSearch`, the
 * function GET /people/search calls. So `npm run eval:names` measures the SQL the API serves.
 */
import { sql } from 'kysely';
import { openPglite } from '../../db/index.js';
import { migrate } from '../../db/migrate.js';
import { newId } from '../../lib/ids.js';
import { nameIndexFields } from '../search/names/fields.js';
import type { EvalBackend, EvalId } from '../search/names/eval/run-eval.js';
import { runPersonSearch } from './name-search.js';

const STATE = 'XE';

export async function peopleEvalBackend(): Promise<EvalBackend> {
  const db = await openPglite();
  await migrate(db);
  await sql`insert into state (code, name, name_hi) values (${STATE}, 'Evaluation', 'मूल्यांकन')`.execute(db.kysely);
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    label: 'people API search (person_name, runPersonSearch)',
    async load(names) {
      const ids = new Map<string, EvalId>();
      const BATCH = 1000;
      for (let start = 0; start < names.length; start += BATCH) {
        const persons: { id: string; state_code: string; name: string; created_at: Date }[] = [];
        const rows: {
          id: string;
          person_id: string;
          master_id: string;
          state_code: string;
          kind: 'primary';
          name: string;
          name_norm: string;
          name_keys: string[];
          created_at: Date;
        }[] = [];
        for (const name of names.slice(start, start + BATCH)) {
          const id = newId();
          persons.push({ id, state_code: STATE, name, created_at: at });
          const f = nameIndexFields(name);
          if (f.tokens.length > 0)
            rows.push({
              id: newId(),
              person_id: id,
              master_id: id,
              state_code: STATE,
              kind: 'primary',
              name,
              name_norm: f.norm,
              name_keys: f.keys,
              created_at: at,
            });
          if (!ids.has(name)) ids.set(name, id);
        }
        await db.kysely.insertInto('person').values(persons).execute();
        if (rows.length > 0) await db.kysely.insertInto('person_name').values(rows).execute();
      }
      await sql`analyze person_name`.execute(db.kysely);
      return ids;
    },
    // The API never uses the trigram arm (see name-search.ts), so both measurements are the API's.
    async ours(q) {
      const hits = await runPersonSearch(db.kysely, { q, filter: { stateCode: STATE }, limit: 10 });
      return hits.map((h) => ({ id: h.personId, score: h.score }));
    },
    async scoreOf(q, id) {
      const hits = await runPersonSearch(db.kysely, { q, filter: { stateCode: STATE, onlyPersonIds: [String(id)] }, limit: 1 });
      return hits[0]?.score ?? 0;
    },
    async baseline(q) {
      const r = await sql<{
        id: string;
      }>`select master_id as id from person_name order by similarity(name, ${q}) desc, master_id limit 10`.execute(db.kysely);
      return r.rows.map((x) => x.id);
    },
    close: () => db.close(),
  };
}

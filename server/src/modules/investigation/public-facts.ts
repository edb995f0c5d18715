import { sql } from 'kysely';
import { addCaseStatusFacts, type CaseStatusFactsProvider } from '../citizen/case-facts.js';

/**
 * What the public case status shows from the investigation: how many persons were arrested (a
 * count, never names) and the IO's rank (the citizen module's presenter adds the name only
 * where the state allows it).
 */
export const investigationFacts: CaseStatusFactsProvider = async (db, fir) => {
  const r = await db
    .selectFrom('arrest_memo')
    .select(sql<number>`count(*)`.as('n'))
    .where('fir_id', '=', fir.id)
    .executeTakeFirstOrThrow();
  const io = await db
    .selectFrom('case_state as c')
    .innerJoin('app_user as u', 'u.id', 'c.io_id')
    .select(['u.rank', 'u.name'])
    .where('c.fir_id', '=', fir.id)
    .executeTakeFirst();
  return { arrestCount: Number(r.n), ...(io ? { io: { rank: io.rank, name: io.name } } : {}) };
};

let registered = false;
/** Registers the provider once per process (called when the routes module loads). */
export function registerInvestigationFacts(): void {
  if (registered) return;
  registered = true;
  addCaseStatusFacts(investigationFacts);
}

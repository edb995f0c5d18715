import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

/** Counts of the organisation inside the caller's jurisdiction. */
export async function orgCounts(db: Kysely<Database>, scope: Scope, since: Date) {
  const stationScope = scope.level === 'station' ? inScope(scope, { station: 'id' }) : inScope(scope);
  const [stations, beats, officers, audits] = await Promise.all([
    db
      .selectFrom('station')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(stationScope)
      .where('active', '=', true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('beat')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(inScope(scope))
      .where('active', '=', true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.level === 'state' ? sql<boolean>`state_code = ${scope.stateCode}` : inScope(scope))
      .where('role', 'not in', ['citizen', 'court'])
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.level === 'state' ? sql<boolean>`state_code = ${scope.stateCode}` : inScope(scope, { subdivision: 'district_id' }))
      .where('occurred_at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    stations: Number(stations.n),
    beats: Number(beats.n),
    officers: Number(officers.n),
    auditEventsToday: Number(audits.n),
  };
}

import { sql } from 'kysely';
import type { AuthContext, Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { inScope } from '../../policy/index.js';
import { findClerkCourtSafe } from '../court/service.js';

/**
 * The prosecution counts of a dashboard. The court clerk: final reports waiting for the court's
 * acceptance, its cases before it (accepted or under trial) and hearings in the next 7 days.
 * Police in a jurisdiction: final reports filed and not yet accepted by the court, cases in
 * court, and hearings in the next 7 days (IST), all within the caller's scope.
 */
export async function prosecutionDashboard(deps: Deps, auth: AuthContext): Promise<Record<string, number>> {
  const db = deps.db.kysely;
  const today = istDate(deps.clock.now());
  const week = istDate(new Date(deps.clock.now().getTime() + 7 * 86_400_000));
  if (auth.user.role === 'court') {
    const court = await findClerkCourtSafe(db, auth.user.id);
    if (!court) return {};
    const r = await db
      .selectFrom('efiling_package as p')
      .innerJoin('fir_status as s', 's.fir_id', 'p.fir_id')
      .select([
        sql<number>`count(*) filter (where p.status <> 'accepted')`.as('waiting'),
        sql<number>`count(*) filter (where s.stage in ('accepted_by_court', 'under_trial'))`.as('pending'),
        sql<number>`(select count(*) from court_hearing h where h.court_id = ${court.id} and h.hearing_date between ${today} and ${week})`.as(
          'hearings',
        ),
      ])
      .where('p.court_id', '=', court.id)
      .executeTakeFirstOrThrow();
    return { courtReportsToAccept: Number(r.waiting), courtCasesPending: Number(r.pending), courtHearingsNext7Days: Number(r.hearings) };
  }
  if (auth.scope.level === 'self') return {};
  const r = await db
    .selectFrom('efiling_package as p')
    .innerJoin('fir_status as s', 's.fir_id', 'p.fir_id')
    .select([
      sql<number>`count(*) filter (where p.status <> 'accepted')`.as('waiting'),
      sql<number>`count(*) filter (where s.stage in ('accepted_by_court', 'under_trial'))`.as('in_court'),
    ])
    .where(
      inScope(auth.scope, { state: 'p.state_code', district: 'p.district_id', subdivision: 'p.subdivision_id', station: 'p.station_id' }),
    )
    .executeTakeFirstOrThrow();
  const h = await db
    .selectFrom('court_hearing as h')
    .select(sql<number>`count(*)`.as('n'))
    .where(
      inScope(auth.scope, { state: 'h.state_code', district: 'h.district_id', subdivision: 'h.subdivision_id', station: 'h.station_id' }),
    )
    .where('h.hearing_date', '>=', today)
    .where('h.hearing_date', '<=', week)
    .executeTakeFirstOrThrow();
  return { finalReportsWithCourt: Number(r.waiting), casesInCourt: Number(r.in_court), hearingsNext7Days: Number(h.n) };
}

import type { AuthContext, Deps } from '../../http/types.js';
import { istDate, istYear } from '../../lib/clock.js';
import { isPoliceRole } from '../../policy/index.js';
import { countGdEntriesSince } from '../gd/service.js';
import { firCounts } from './repository.js';

/**
 * The FIR and GD counts of a dashboard, within the caller's jurisdiction: FIRs registered today
 * and this year (IST), zero-FIR transfers pending out (sent, not yet acknowledged) and in (sent
 * to a station of the scope), GD entries today.
 */
export async function firDashboard(deps: Deps, auth: AuthContext): Promise<Record<string, number>> {
  if (!isPoliceRole(auth.user.role)) return {};
  const now = deps.clock.now();
  const today = new Date(`${istDate(now)}T00:00:00+05:30`);
  const db = deps.db.kysely;
  const [f, gd] = await Promise.all([firCounts(db, auth.scope, { today, year: istYear(now) }), countGdEntriesSince(db, auth.scope, today)]);
  return {
    firsRegisteredToday: f.today,
    firsRegisteredThisYear: f.year,
    firTransfersPendingOut: f.pendingOut,
    firTransfersPendingIn: f.pendingIn,
    gdEntriesToday: gd,
  };
}

import type { AuthContext, Deps } from '../../http/types.js';
import { clockCounts, listClocks } from '../clocks/service.js';
import * as repo from './repository.js';

/**
 * The investigation's dashboard counts and the clocks panel. An IO sees their own cases and
 * clocks; the SHO and supervisors their jurisdiction's. `clocksPanel` (not a number, so not a
 * card) lists the worst ten running clocks due within 7 days or overdue, each with its basis.
 */
export async function caseDashboard(deps: Deps, auth: AuthContext): Promise<Record<string, unknown>> {
  const role = auth.user.role;
  if (auth.scope.level === 'self') return {};
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const mine = role === 'io';
  const [cases, clocks, panelDue, panelOverdue] = await Promise.all([
    repo.caseCounts(db, auth.scope, mine ? auth.user.id : null),
    clockCounts(db, auth.scope, now, mine ? auth.user.id : undefined),
    listClocks(deps, db, auth, { due: '7d', ioId: mine ? auth.user.id : undefined, limit: 10, offset: 0 }),
    listClocks(deps, db, auth, { due: 'overdue', ioId: mine ? auth.user.id : undefined, limit: 10, offset: 0 }),
  ]);
  const panel = [...panelOverdue.items, ...panelDue.items].slice(0, 10);
  if (mine) return { myCases: cases.mine, myClocksOverdue: clocks.overdue, myClocksDue7d: clocks.due7d, clocksPanel: panel };
  return {
    ...(role === 'sho' || role === 'duty_officer' ? { casesAwaitingIo: cases.awaitingIo } : {}),
    casesUnderInvestigation: cases.underInvestigation,
    ...(role === 'sho' ? { reportsAwaitingApproval: cases.awaitingApproval } : {}),
    clocksOverdue: clocks.overdue,
    clocksDue7d: clocks.due7d,
    clocksPanel: panel,
  };
}

import type { AuthContext, Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { isPoliceRole } from '../../policy/index.js';
import { orgCounts } from './repository.js';
import { caseDashboard } from '../investigation/dashboard.js';
import { firDashboard } from '../firs/dashboard.js';
import { complaintsDashboard } from '../complaints/dashboard.js';
import { prosecutionDashboard } from '../prosecution/dashboard.js';

/**
 * A module that has something to count on a dashboard adds a contributor here. Each gets the
 * caller and returns named counts, computed with the caller's scope inside its own queries.
 */
export type DashboardContributor = (deps: Deps, auth: AuthContext) => Promise<Record<string, number | unknown>>;

export const dashboardContributors: DashboardContributor[] = [firDashboard, complaintsDashboard, caseDashboard, prosecutionDashboard];

export async function dashboardFor(deps: Deps, auth: AuthContext) {
  const now = deps.clock.now();
  const startOfIstDay = new Date(`${istDate(now)}T00:00:00+05:30`);
  const counts: Record<string, unknown> = {};
  if (isPoliceRole(auth.user.role)) Object.assign(counts, await orgCounts(deps.db.kysely, auth.scope, startOfIstDay));
  for (const c of dashboardContributors) Object.assign(counts, await c(deps, auth));
  return { role: auth.user.role, scope: auth.scope, asOf: now, counts };
}

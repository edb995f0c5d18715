import type { AuthContext, Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { isPoliceRole } from '../../policy/index.js';
import { crimeHeadNames, orgCounts, trendQuery } from './repository.js';
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

/** The IST months ('YYYY-MM') of a trend table ending with the current one. */
export function trendMonths(now: Date, months: number): string[] {
  const [y, m] = istDate(now).split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => new Date(Date.UTC(y, m - 1 - (months - 1) + i, 1)).toISOString().slice(0, 7));
}

/** The first instant (IST midnight on the 1st) of a trend table `months` long ending now. */
export const trendsFrom = (now: Date, months: number): Date => new Date(`${trendMonths(now, months)[0]}-01T00:00:00+05:30`);

/**
 * The trend table of a dashboard: FIRs registered from the first day of the IST month
 * `months - 1` months back until now, by month × crime head × current stage, with every month
 * listed (zero months included) so a chart has no holes.
 */
export async function trendsFor(deps: Deps, auth: AuthContext, q: { months: number; districtId?: string }) {
  const now = deps.clock.now();
  const months = trendMonths(now, q.months);
  const from = trendsFrom(now, q.months);
  const { rows } = await trendQuery(auth.scope, { from, to: now, districtId: q.districtId }).execute(deps.db.kysely);
  const names = await crimeHeadNames(deps.db.kysely, [...new Set(rows.map((r) => r.head).filter((h): h is string => !!h))]);
  return {
    from,
    to: now,
    months,
    rows: rows
      .map((r) => ({
        month: r.month,
        headCode: r.head,
        headEn: r.head ? (names.get(r.head)?.en ?? r.head) : 'Other / not mapped',
        headHi: r.head ? (names.get(r.head)?.hi ?? r.head) : 'अन्य / अवर्गीकृत',
        stage: r.stage,
        count: Number(r.n),
      }))
      .sort((a, b) => a.month.localeCompare(b.month) || b.count - a.count),
  };
}

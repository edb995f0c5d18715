import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { dashboardFor, trendsFor } from './service.js';

const trendsQuery = z.object({
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(36)
    .default(12)
    .meta({ description: 'Whole IST months back from the current one (1–36)', example: 12 }),
  districtId: z.uuid().optional().meta({ description: 'One district of the caller’s jurisdiction; outside it the answer is empty' }),
});

export async function dashboardRoutes(app: App, deps: Deps) {
  app.get(
    '/dashboard',
    { schema: { tags: ['dashboard'], summary: 'Counts for the caller’s role and jurisdiction' }, config: { permission: 'dashboard.read' } },
    async (req) => dashboardFor(deps, authOf(req)),
  );

  app.get(
    '/dashboard/trends',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'FIRs registered in the last N IST months inside the caller’s jurisdiction, by month, NCRB crime head of the first section, and current stage',
        querystring: trendsQuery,
      },
      config: { permission: 'fir.read' },
    },
    async (req) => trendsFor(deps, authOf(req), req.query),
  );
}

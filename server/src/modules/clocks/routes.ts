import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { clocksPage } from './service.js';

const clocksQuery = z.object({
  due: z.enum(['7d', 'overdue']).optional().describe('Due within the next 7 days, or overdue; default: every running clock'),
  mine: z.coerce.boolean().optional().describe('Only the clocks of cases whose designated IO is the caller'),
  stationId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The statutory clocks of the caller's jurisdiction. */
export async function clockRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  app.get(
    '/clocks',
    {
      schema: {
        tags: ['clocks'],
        summary:
          'Running statutory clocks in the caller’s jurisdiction (24 h production, 60/90-day charge sheet, 2-month rape/POCSO investigation, 90-day progress notice), worst first, each with its legal basis',
        querystring: clocksQuery,
      },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const auth = authOf(req);
      const q = req.query;
      const r = await clocksPage(deps, db, auth, {
        due: q.due,
        ioId: q.mine ? auth.user.id : undefined,
        stationId: q.stationId,
        firId: q.caseId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { ...r, page: q.page, pageSize: q.pageSize };
    },
  );
}

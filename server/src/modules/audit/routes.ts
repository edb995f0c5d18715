import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { listAuditEvents, verifyAuditChain } from './service.js';

const query = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().positive().optional(),
});

export async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/admin/audit',
    {
      schema: { tags: ['admin'], summary: 'Audit events, newest first, filtered', querystring: query },
      config: { permission: 'audit.read' },
    },
    async (req) => {
      const q = req.query;
      const rows = await listAuditEvents(deps.db.kysely, authOf(req).scope, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          seq: Number(r.seq),
          occurredAt: r.occurred_at,
          actorId: r.actor_id,
          actorUsername: r.actor_username,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          stationId: r.station_id,
          districtId: r.district_id,
          outcome: r.outcome,
          ip: r.ip,
          userAgent: r.user_agent,
          requestId: r.request_id,
          details: r.details,
        })),
      };
    },
  );

  app.get(
    '/admin/audit/verify',
    {
      schema: { tags: ['admin'], summary: 'Check the whole hash chain; names the first broken row' },
      config: { permission: 'audit.read' },
    },
    async () => verifyAuditChain(deps.db.kysely),
  );
}

import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { createRelay, devOutboxInUse } from './relay.js';
import { listDevMessages } from './repository.js';

const devOutboxQuery = z.object({
  to: z.string().max(200).optional().describe('Only messages to this e-mail address or mobile number'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Starts the notification relay with the app (stopped when the app closes) and, while some
 * channel has no provider configured, serves the dev outbox to administrators.
 */
export async function notifyRoutes(app: App, deps: Deps) {
  if (deps.config.NOTIFY_POLL_MS > 0) {
    const relay = createRelay(deps);
    relay.start();
    deps.onClose(() => relay.stop());
  }

  if (!devOutboxInUse(deps.config)) return;

  app.get(
    '/admin/dev-outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'E-mail and SMS delivered to the dev outbox (only while no SMTP server or SMS gateway is configured)',
        querystring: devOutboxQuery,
      },
      config: { permission: 'outbox.read' },
    },
    async (req) => {
      const rows = await listDevMessages(deps.db.kysely, authOf(req).user.stateCode, req.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          to: r.recipient,
          subject: r.subject,
          text: r.body,
          kind: r.kind,
          deliveredAt: r.delivered_at,
        })),
      };
    },
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/types.js';
import type { Clock } from '../../../lib/clock.js';
import { newId } from '../../../lib/ids.js';
import { insertDevMessage, type Channel } from '../repository.js';
import type { Sender } from './types.js';

const mask = (to: string) => (to.length <= 4 ? '****' : `${to.slice(0, 2)}${'*'.repeat(Math.max(0, to.length - 4))}${to.slice(-2)}`);

/**
 * The dev outbox: with no SMTP_URL / SMS_GATEWAY_URL a message "goes" to the notify_dev_message
 * table, where an administrator reads it at GET /api/v1/admin/dev-outbox, and is printed on the
 * console (not the log) so that `npm start` alone shows the whole forgot-password flow.
 * With NODE_ENV=production a message carrying a secret (an OTP) is never printed.
 */
export function devSender(opts: {
  channel: Channel;
  db: Kysely<Database>;
  clock: Clock;
  production: boolean;
  print?: (line: string) => void;
}): Sender {
  return {
    name: 'dev',
    async send(m, meta) {
      await insertDevMessage(opts.db, {
        id: newId(),
        outbox_id: meta.outboxId,
        state_code: meta.stateCode,
        channel: opts.channel,
        recipient: m.to,
        subject: m.subject ?? null,
        body: m.text,
        kind: m.kind,
        delivered_at: opts.clock.now(),
      });
      if (!opts.print) return;
      if (opts.production && m.secret) {
        opts.print(`[dev outbox] ${opts.channel} to ${mask(m.to)} (${m.kind}; content withheld: NODE_ENV=production)`);
      } else {
        const head = `[dev outbox] ${opts.channel} to ${m.to}${m.subject ? ` — ${m.subject}` : ''}`;
        opts.print(`${head}\n${m.text.replace(/^/gm, '    ')}`);
      }
    },
  };
}

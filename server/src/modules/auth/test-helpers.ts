import { expect } from 'vitest';
import type { Deps } from '../../http/types.js';
import type { TestContext } from '../../test/harness.js';
import { createRelay, type Relay } from '../notify/relay.js';

/** The relay the app would run, over the test's database and clock (tests call drain()). */
export function relayFor(
  t: TestContext,
  overrides: Partial<Record<keyof Deps['config'], unknown>> = {},
  log: Deps['log'] = silentLog,
): Relay {
  return createRelay({ config: { ...t.config, ...overrides } as Deps['config'], db: t.db, clock: t.clock, log });
}

export const silentLog = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  trace() {},
  fatal() {},
  child() {
    return silentLog;
  },
  level: 'silent',
} as unknown as Deps['log'];

/** Delivers what is due and returns the dev-outbox messages to `to`, newest (by enqueue time) first. */
export async function devMessages(t: TestContext, to: string) {
  await relayFor(t).drain();
  return t.db.kysely
    .selectFrom('notify_dev_message as m')
    .innerJoin('outbox as o', 'o.id', 'm.outbox_id')
    .selectAll('m')
    .where('m.recipient', '=', to)
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();
}

/** The 6-digit code in the newest password-reset message to `to` in the dev outbox. */
export async function latestOtp(t: TestContext, to: string): Promise<string> {
  const [m] = (await devMessages(t, to)).filter((x) => x.kind === 'password_reset_otp');
  expect(m, `no message to ${to}`).toBeTruthy();
  const code = /\b(\d{6})\b/.exec(m.body)?.[1];
  expect(code, `no code in: ${m.body}`).toBeTruthy();
  return code!;
}

export async function auditActions(t: TestContext, userId: string) {
  const rows = await t.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'details'])
    .where('entity_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ action: r.action, outcome: r.outcome, details: r.details as Record<string, unknown> }));
}

/** Outbox e-mail/SMS rows for a recipient, newest first. */
export async function outboxTo(t: TestContext, to: string) {
  const rows = await t.db.kysely
    .selectFrom('outbox')
    .selectAll()
    .where('topic', 'in', ['email', 'sms'])
    .orderBy('created_at', 'desc')
    .execute();
  return rows
    .map((r) => ({
      ...r,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as {
        to: string;
        text: string;
        kind: string;
        subject?: string;
      },
    }))
    .filter((r) => r.payload.to === to);
}

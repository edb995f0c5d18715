import type { Deps } from '../../http/types.js';
import { devSender } from './adapters/dev.js';
import { httpSmsSender } from './adapters/sms-http.js';
import { smtpSender } from './adapters/smtp.js';
import type { Sender } from './adapters/types.js';
import { claimDue, markDelivered, markFailed, markRetry, type Channel } from './repository.js';
import type { MessagePayload } from './service.js';

export interface DrainResult {
  delivered: number;
  retried: number;
  failed: number;
}

export interface Relay {
  readonly senders: Record<Channel, Sender>;
  /** Delivers every message due now (by the injected clock). Concurrent calls run one after another. */
  drain(): Promise<DrainResult>;
  /** Polls every NOTIFY_POLL_MS. */
  start(): void;
  /** Stops polling, waits for a delivery in progress and closes the providers' connections. */
  stop(): Promise<void>;
}

const BATCH = 20;
const MAX_PER_DRAIN = 500;
const LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 15_000;
const BACKOFF_CAP_MS = 3600_000;

/** Exponential backoff after the n-th failed attempt: 15 s, 30 s, 1 min … capped at 1 hour. */
export const backoffMs = (attempts: number): number => Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

/** Where e-mail and SMS go: the configured providers, or the dev outbox for a channel without one. */
export function sendersFromConfig(deps: Pick<Deps, 'config' | 'db' | 'clock'>, print?: (line: string) => void): Record<Channel, Sender> {
  const { config } = deps;
  const production = config.NODE_ENV === 'production';
  const dev = (channel: Channel) => devSender({ channel, db: deps.db.kysely, clock: deps.clock, production, print });
  return {
    email: config.SMTP_URL ? smtpSender({ url: config.SMTP_URL, from: config.SMTP_FROM }) : dev('email'),
    sms: config.SMS_GATEWAY_URL ? httpSmsSender({ url: config.SMS_GATEWAY_URL, token: config.SMS_GATEWAY_TOKEN }) : dev('sms'),
  };
}

/** True when some channel has no provider configured: the dev outbox is in use. */
export const devOutboxInUse = (config: Deps['config']): boolean => !config.SMTP_URL || !config.SMS_GATEWAY_URL;

const consolePrint = (line: string) => {
  process.stdout.write(`${line}\n`);
};

/** Removes the secret from a delivered (or abandoned) message, so the outbox does not keep OTPs. */
const scrub = (p: MessagePayload): MessagePayload | undefined => (p.secret ? { ...p, text: '[removed after delivery]' } : undefined);

/**
 * The notification relay: takes e-mail and SMS rows from the outbox after their transaction
 * committed and hands them to the providers, with exponential backoff on failure. A message is
 * never lost: a failure leaves the row for a later attempt, and after NOTIFY_MAX_ATTEMPTS it is
 * marked failed but kept. Nothing here runs on a request's path, so a provider that is down
 * never slows a login.
 */
export function createRelay(
  deps: Pick<Deps, 'config' | 'db' | 'clock' | 'log'>,
  opts: { senders?: Partial<Record<Channel, Sender>>; print?: (line: string) => void } = {},
): Relay {
  const print = opts.print ?? (deps.config.NODE_ENV === 'test' ? undefined : consolePrint);
  const senders = { ...sendersFromConfig(deps, print), ...opts.senders };
  const db = deps.db.kysely;
  let running: Promise<DrainResult> = Promise.resolve({ delivered: 0, retried: 0, failed: 0 });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let busy = false;

  async function deliverDue(): Promise<DrainResult> {
    const result: DrainResult = { delivered: 0, retried: 0, failed: 0 };
    let seen = 0;
    while (seen < MAX_PER_DRAIN) {
      const now = deps.clock.now();
      const batch = await claimDue(db, now, new Date(now.getTime() + LEASE_MS), BATCH);
      if (batch.length === 0) break;
      seen += batch.length;
      for (const m of batch) {
        const payload = (typeof m.payload === 'string' ? JSON.parse(m.payload) : m.payload) as MessagePayload;
        const sender = senders[m.topic];
        const at = deps.clock.now();
        if (payload.expiresAt && at.getTime() > Date.parse(payload.expiresAt)) {
          await markFailed(db, m.id, at, 'expired before it could be delivered', scrub(payload));
          result.failed++;
          continue;
        }
        try {
          await sender.send(payload, { outboxId: m.id, stateCode: m.state_code });
          await markDelivered(db, m.id, deps.clock.now(), scrub(payload));
          result.delivered++;
          deps.log.debug({ outboxId: m.id, topic: m.topic, kind: payload.kind, via: sender.name }, 'message delivered');
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          const later = deps.clock.now();
          if (m.attempts >= deps.config.NOTIFY_MAX_ATTEMPTS) {
            await markFailed(db, m.id, later, error, scrub(payload));
            result.failed++;
            deps.log.error(
              { outboxId: m.id, topic: m.topic, kind: payload.kind, via: sender.name, attempts: m.attempts, error },
              'message delivery gave up; kept in the outbox',
            );
          } else {
            await markRetry(db, m.id, new Date(later.getTime() + backoffMs(m.attempts)), error);
            result.retried++;
            deps.log.warn(
              { outboxId: m.id, topic: m.topic, kind: payload.kind, via: sender.name, attempts: m.attempts, error },
              'message delivery failed; will retry',
            );
          }
        }
      }
    }
    return result;
  }

  const relay: Relay = {
    senders,
    drain() {
      const next = running.catch(() => undefined).then(deliverDue);
      running = next;
      return next;
    },
    start() {
      if (timer || deps.config.NOTIFY_POLL_MS <= 0) return;
      timer = setInterval(() => {
        if (stopped || busy) return;
        busy = true;
        relay
          .drain()
          .catch((err) => deps.log.error({ err }, 'notification relay error'))
          .finally(() => {
            busy = false;
          });
      }, deps.config.NOTIFY_POLL_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running.catch(() => undefined);
      for (const s of new Set(Object.values(senders))) await s.close?.();
    },
  };
  return relay;
}

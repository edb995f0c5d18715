/**
 * The e-filing relay: delivers the outbox rows of topic court.efile to the court's system at
 * COURT_API_URL, after the approving transaction committed.
 *
 * - Never lost: a failure (network, timeout, a non-2xx answer, an answer that is not about
 *   this package) leaves the row for a later attempt with exponential backoff (15 s doubling,
 *   capped at 1 hour), and an e-filing is never given up: a final report must reach the court.
 *   Every attempt is kept in efiling_attempt.
 * - Never sent twice in effect: one outbox row per package (dedupe key court.efile:<id>),
 *   claimed with `for update skip locked`, and the court deduplicates on the package id
 *   (Idempotency-Key header), which covers the one window no outbox can close: the court took
 *   the package but the answer was lost.
 * - The court's answer may carry its CNR (it registered the case at once): the case is then
 *   accepted in the same transaction that records the delivery.
 */
import type { Deps } from '../../http/types.js';
import { newId } from '../../lib/ids.js';
import { backoffMs } from '../notify/relay.js';
import { courtActorContext, findCourt } from '../court/service.js';
import { acceptPackage } from './proceedings.js';
import { courtAnswerSchema, efilingPackageSchema, type EfilingDelivery } from './efiling-schema.js';
import * as repo from './repository.js';

export interface EfilingDrainResult {
  delivered: number;
  retried: number;
  skipped: number;
}

export interface EfilingRelay {
  /** Delivers every e-filing due now (by the injected clock). Concurrent calls run one after another. */
  drain(): Promise<EfilingDrainResult>;
  start(): void;
  stop(): Promise<void>;
}

const BATCH = 10;
const LEASE_MS = 5 * 60_000;
const TIMEOUT_MS = 30_000;

/** Sends one package; resolves with the court's answer or throws with the reason (and HTTP status when there was one). */
export type EfilingSender = (delivery: EfilingDelivery, meta: { packageId: string }) => Promise<{ status: number; body: unknown }>;

class DeliveryError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

/** The HTTP sender: POST COURT_API_URL with the package, Idempotency-Key = package id, and COURT_API_TOKEN as a bearer token. */
export function httpEfilingSender(url: string, token?: string): EfilingSender {
  return async (delivery, meta) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': meta.packageId,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(delivery),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new DeliveryError(`court API unreachable: ${e instanceof Error ? e.message : String(e)}`, null);
    }
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: not a receipt (the caller treats it as a failed attempt).
    }
    return { status: res.status, body };
  };
}

export function createEfilingRelay(
  deps: Pick<Deps, 'config' | 'db' | 'clock' | 'log'>,
  opts: { sender?: EfilingSender; pollMs?: number } = {},
): EfilingRelay {
  const db = deps.db.kysely;
  const url = deps.config.COURT_API_URL;
  const sender = opts.sender ?? (url ? httpEfilingSender(url, deps.config.COURT_API_TOKEN) : undefined);
  let running: Promise<EfilingDrainResult> = Promise.resolve({ delivered: 0, retried: 0, skipped: 0 });
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  async function deliverOne(row: repo.ClaimedEfiling, result: EfilingDrainResult) {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { packageId: string };
    const meta = await repo.findPackageMeta(db, payload.packageId);
    const now = deps.clock.now();
    if (!meta || meta.status === 'accepted') {
      // Already taken by the court another way (clerk screen, pull): nothing to push.
      await repo.closeOutboxRow(db, row.id, now, meta ? 'accepted by the court before delivery' : 'package missing');
      result.skipped++;
      return;
    }
    const pkg = efilingPackageSchema.parse(await repo.readPackageDocument(db, meta.id));
    const [en, hi] = [(await repo.readPackagePdf(db, meta.id, 'en'))!, (await repo.readPackagePdf(db, meta.id, 'hi'))!];
    const delivery: EfilingDelivery = {
      package: pkg,
      packageSha256: meta.package_sha256,
      attachments: [
        { name: 'final-report-en.pdf', contentType: 'application/pdf', sha256: en.sha256, contentBase64: en.bytes.toString('base64') },
        { name: 'final-report-hi.pdf', contentType: 'application/pdf', sha256: hi.sha256, contentBase64: hi.bytes.toString('base64') },
      ],
    };
    let httpStatus: number | null = null;
    try {
      const answer = await sender!(delivery, { packageId: meta.id });
      httpStatus = answer.status;
      if (answer.status < 200 || answer.status >= 300) throw new DeliveryError(`court API answered HTTP ${answer.status}`, answer.status);
      const parsed = courtAnswerSchema.safeParse(answer.body);
      if (!parsed.success) throw new DeliveryError('court API answer is not an e-filing receipt', answer.status);
      if (parsed.data.packageId !== meta.id) throw new DeliveryError('court API answered for another package', answer.status);
      const at = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.insertAttempt(trx, {
          id: newId(),
          package_id: meta.id,
          attempt: row.attempts,
          at,
          outcome: 'delivered',
          http_status: answer.status,
          error: null,
          cnr: parsed.data.cnr ?? null,
        });
        await repo.closeOutboxRow(trx, row.id, at);
        await repo.markPackageDelivered(trx, meta.id, at, 'push');
      });
      if (parsed.data.cnr) {
        // The delivery is recorded whatever happens next: a CNR that cannot be recorded (already
        // accepted under another one …) is logged, and the court can still accept through its API.
        try {
          await db.transaction().execute(async (trx) => {
            const court = (await findCourt(trx, meta.court_id))!;
            const audit = courtActorContext(meta.state_code, court, {
              stateCode: meta.state_code,
              userId: null,
              username: null,
              role: null,
              ip: null,
              userAgent: 'efiling relay',
              requestId: null,
            });
            await acceptPackage(
              deps,
              trx,
              { court, via: 'api', userId: null, name: court.name, audit },
              meta.id,
              { cnr: parsed.data.cnr, courtCaseNo: parsed.data.courtCaseNo },
              'efiling_response',
            );
          });
        } catch (e) {
          deps.log.warn(
            { packageId: meta.id, cnr: parsed.data.cnr, error: e instanceof Error ? e.message : String(e) },
            'court answered with a CNR that could not be recorded',
          );
        }
      }
      result.delivered++;
      deps.log.info({ packageId: meta.id, cnr: parsed.data.cnr ?? null, attempts: row.attempts }, 'e-filing delivered');
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const later = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.insertAttempt(trx, {
          id: newId(),
          package_id: meta.id,
          attempt: row.attempts,
          at: later,
          outcome: 'failed',
          http_status: e instanceof DeliveryError ? e.httpStatus : httpStatus,
          error: error.slice(0, 500),
          cnr: null,
        });
        await repo.retryOutboxRow(trx, row.id, new Date(later.getTime() + backoffMs(row.attempts)), error);
      });
      result.retried++;
      deps.log.warn({ packageId: meta.id, attempts: row.attempts, error }, 'e-filing delivery failed; will retry');
    }
  }

  async function deliverDue(): Promise<EfilingDrainResult> {
    const result: EfilingDrainResult = { delivered: 0, retried: 0, skipped: 0 };
    if (!sender) return result;
    for (;;) {
      const now = deps.clock.now();
      const batch = await repo.claimEfilings(db, now, new Date(now.getTime() + LEASE_MS), BATCH);
      if (!batch.length) break;
      for (const row of batch) await deliverOne(row, result);
    }
    return result;
  }

  const relay: EfilingRelay = {
    drain() {
      const next = running.catch(() => undefined).then(deliverDue);
      running = next;
      return next;
    },
    start() {
      const every = opts.pollMs ?? deps.config.NOTIFY_POLL_MS;
      if (timer || !sender || every <= 0) return;
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        relay
          .drain()
          .catch((err) => deps.log.error({ err }, 'e-filing relay error'))
          .finally(() => {
            busy = false;
          });
      }, every);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running.catch(() => undefined);
    },
  };
  return relay;
}

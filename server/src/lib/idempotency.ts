/**
 * Idempotency-Key for submissions that must happen once (an FIR, a complaint, an investigation
 * record): the key is claimed in the caller's transaction before the work, and the answer is
 * stored with it in the same transaction, so a double click or a retry after a lost answer gets
 * the first answer and makes nothing twice. A concurrent repeat waits on the claimed key until
 * the first commits, then finds its answer. The same key with a different request is a 422.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { badRequest, unprocessable } from './errors.js';
import { sha256Hex } from './ids.js';

const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9._:-]{8,200}$/;

/** JSON with the keys sorted and undefined left out, so that the same request always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** 400 for a key that is not 8–200 letters, digits or . _ : - */
export function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY_RE.test(key))
    throw badRequest(
      'The Idempotency-Key must be 8–200 letters, digits or . _ : -',
      'Idempotency-Key में 8–200 अक्षर, अंक या . _ : - हों।',
      { 'Idempotency-Key': 'malformed' },
      'idempotency_key_invalid',
    );
}

export interface IdempotentRequest {
  /** What is being done, e.g. 'fir.register': a key is one user's within one scope. */
  scope: string;
  userId: string;
  key: string;
  /** The request as the caller would repeat it (hashed, canonical JSON). */
  request: unknown;
  now: Date;
  /** The 422's words when the key comes again with another request. */
  reused: { en: string; hi: string };
}

/**
 * Claims the key for this request. Undefined: claimed, do the work and `storeIdempotentAnswer`.
 * Otherwise the answer stored for the same request earlier; 422 for a different request.
 */
export async function claimIdempotencyKey(
  trx: Kysely<Database>,
  r: IdempotentRequest,
): Promise<{ status: number; body: unknown } | undefined> {
  checkIdempotencyKey(r.key);
  const hash = sha256Hex(canonicalJson(r.request));
  const claimed = await trx
    .insertInto('idempotency_key')
    .values({
      key: r.key,
      scope: r.scope,
      user_id: r.userId,
      request_hash: hash,
      response_status: 0,
      response_body: '{}',
      created_at: r.now,
    })
    .onConflict((oc) => oc.columns(['scope', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (claimed) return undefined;
  const prior = await trx
    .selectFrom('idempotency_key')
    .selectAll()
    .where('scope', '=', r.scope)
    .where('user_id', '=', r.userId)
    .where('key', '=', r.key)
    .executeTakeFirstOrThrow();
  if (prior.request_hash !== hash)
    throw unprocessable('idempotency_key_reused', r.reused.en, r.reused.hi, { 'Idempotency-Key': 'used with a different request' });
  return { status: prior.response_status, body: prior.response_body };
}

/** Stores the answer of a claimed key, in the transaction that did the work. */
export async function storeIdempotentAnswer(
  trx: Kysely<Database>,
  r: Pick<IdempotentRequest, 'scope' | 'userId' | 'key'>,
  status: number,
  body: unknown,
): Promise<void> {
  await trx
    .updateTable('idempotency_key')
    .set({ response_status: status, response_body: JSON.stringify(body) })
    .where('scope', '=', r.scope)
    .where('user_id', '=', r.userId)
    .where('key', '=', r.key)
    .execute();
}

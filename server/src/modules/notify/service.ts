import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Channel } from './repository.js';

/** What an outbox row of topic 'email' or 'sms' carries. */
export interface MessagePayload {
  /** What the message is about (password_reset_otp, new_device_login …), for the dev outbox and the log. */
  kind: string;
  /** An e-mail address or a mobile number. */
  to: string;
  /** E-mail only. */
  subject?: string;
  text: string;
  /**
   * The text carries a secret (an OTP): it is removed from the outbox row once delivered, and
   * the dev outbox never prints it when NODE_ENV=production.
   */
  secret?: boolean;
  /** ISO time after which delivering is pointless (an OTP that has expired): the row is marked failed instead. */
  expiresAt?: string;
}

export interface Notice {
  kind: string;
  subject: string;
  /** The e-mail body (English and Hindi). */
  emailText: string;
  /** The SMS text, short (English and Hindi). */
  smsText: string;
  secret?: boolean;
  expiresAt?: Date;
}

/**
 * Writes one message to the outbox. Pass the transaction that makes the change the message
 * is about, so the message exists exactly when the change does; the relay delivers it after
 * commit, with retries, and never on the request's path.
 */
export async function enqueueMessage(
  db: Kysely<Database>,
  clock: Clock,
  stateCode: string,
  channel: Channel,
  payload: MessagePayload,
): Promise<string> {
  const id = newId();
  const now = clock.now();
  await db
    .insertInto('outbox')
    .values({ id, state_code: stateCode, topic: channel, payload: JSON.stringify(payload), created_at: now, available_at: now })
    .execute();
  return id;
}

/**
 * Sends a notice to a person's registered e-mail and mobile (whichever they have), in the same
 * transaction as the change. Returns the channels used.
 */
export async function notifyPerson(
  db: Kysely<Database>,
  clock: Clock,
  person: { stateCode: string; email: string | null; mobile: string | null },
  notice: Notice,
): Promise<Channel[]> {
  const used: Channel[] = [];
  const common = { kind: notice.kind, secret: notice.secret, expiresAt: notice.expiresAt?.toISOString() };
  if (person.email) {
    await enqueueMessage(db, clock, person.stateCode, 'email', {
      ...common,
      to: person.email,
      subject: notice.subject,
      text: notice.emailText,
    });
    used.push('email');
  }
  if (person.mobile) {
    await enqueueMessage(db, clock, person.stateCode, 'sms', { ...common, to: person.mobile, text: notice.smsText });
    used.push('sms');
  }
  return used;
}

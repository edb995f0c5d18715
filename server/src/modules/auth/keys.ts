import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';

/**
 * The server's keys for what must be stored but never in the clear: captcha answers, OTPs and
 * recovery codes (HMAC-SHA256) and TOTP secrets (AES-256-GCM, because the server must read
 * them back to check a code).
 *
 * With APP_SECRET set (required in production) the keys are derived from it, so every process
 * of a deployment agrees and a copy of the database alone does not reveal a TOTP secret.
 * Without it (embedded demo) a random key is made once and kept in the server_key table.
 */
export interface ServerKeys {
  /** HMAC-SHA256 hex of `parts` joined by '\n'. */
  mac(...parts: string[]): string;
  /** Constant-time comparison of a stored MAC with a fresh one. */
  macEquals(storedHex: string, ...parts: string[]): boolean;
  encrypt(plain: string): string;
  /** Throws when the value was sealed with another key. */
  decrypt(sealed: string): string;
}

const cache = new WeakMap<object, { secret: string | undefined; keys: Promise<ServerKeys> }>();

function derive(secret: Buffer, label: string): Buffer {
  return createHmac('sha256', secret).update(`cctns:${label}`).digest();
}

function makeKeys(secret: Buffer): ServerKeys {
  const macKey = derive(secret, 'mac');
  const encKey = derive(secret, 'enc');
  const mac = (...parts: string[]) => createHmac('sha256', macKey).update(parts.join('\n')).digest('hex');
  return {
    mac,
    macEquals(stored, ...parts) {
      const a = Buffer.from(stored, 'hex');
      const b = Buffer.from(mac(...parts), 'hex');
      return a.length === b.length && timingSafeEqual(a, b);
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown sealed format');
      const d = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

async function loadOrCreateDbSecret(db: Kysely<Database>): Promise<Buffer> {
  await db
    .insertInto('server_key')
    .values({ name: 'app', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_key').select('value').where('name', '=', 'app').executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'hex');
}

/**
 * The keys for this deployment. Call it with the plain connection (`deps.db.kysely`) outside a
 * transaction: on PGlite a second use of the connection inside a transaction waits forever.
 * The result is cached per database.
 */
export function serverKeys(config: Config, db: { kysely: Kysely<Database> }): Promise<ServerKeys> {
  const hit = cache.get(db);
  if (hit && hit.secret === config.APP_SECRET) return hit.keys;
  const keys = (async () => makeKeys(config.APP_SECRET ? Buffer.from(config.APP_SECRET, 'utf8') : await loadOrCreateDbSecret(db.kysely)))();
  keys.catch(() => cache.delete(db));
  cache.set(db, { secret: config.APP_SECRET, keys });
  return keys;
}

declare module '../../db/types.js' {
  interface Database {
    server_key: { name: string; value: string; created_at: import('kysely').ColumnType<Date, Date | string | undefined, never> };
  }
}

import { randomBytes, createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Record ids are UUIDv7: time-ordered (good for B-tree indexes) and unique across states. */
export const newId = (): string => uuidv7();

/** A random token of `bytes` bytes (default 32 = 256 bits), base64url. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

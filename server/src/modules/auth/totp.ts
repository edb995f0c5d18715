import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, generateSync, verifySync } from 'otplib';
import type { ServerKeys } from './keys.js';

/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, a 160-bit
 * secret. A code is accepted one step either side of the server's clock (phones drift) and
 * never twice: the last accepted time step is stored and any code from that step or before is
 * refused.
 */
export const TOTP_PERIOD_S = 30;
const TOLERANCE_S = 30;

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export function otpauthUrl(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** The QR code of the otpauth URL, as an SVG data: URL for an <img>. */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await (await import('qrcode')).default.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The time step of a code that is valid at `now` and newer than `lastStep`, or undefined. */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null | undefined): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const r = verifySync({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_S,
    ...(lastStep !== null && lastStep !== undefined ? { afterTimeStep: Number(lastStep) } : {}),
  });
  return r.valid ? (r as { timeStep: number }).timeStep : undefined;
}

/** The code an authenticator would show at `at` (tests and the harness). */
export const totpCode = (secret: string, at: Date): string => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });

// Recovery codes: 10 characters from an alphabet without look-alikes (~50 bits each), shown
// as XXXXX-XXXXX, matched without case, spaces or dashes.
const RC_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RC_ALPHABET[randomInt(RC_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export const normaliseRecoveryCode = (c: string): string => c.replace(/[\s-]+/g, '').toUpperCase();

export const looksLikeRecoveryCode = (c: string): boolean => /^[A-Z0-9]{10}$/.test(normaliseRecoveryCode(c));

export const recoveryCodeMac = (keys: ServerKeys, userId: string, code: string): string =>
  keys.mac('recovery', userId, normaliseRecoveryCode(code));

export const recoveryCodeMatches = (keys: ServerKeys, storedMac: string, userId: string, code: string): boolean =>
  keys.macEquals(storedMac, 'recovery', userId, normaliseRecoveryCode(code));

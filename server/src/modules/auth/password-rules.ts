import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { createRequire } from 'node:module';

/**
 * The password rules, as pure functions with no server imports, so that the web app can import
 * this file and show the same reasons while the user types (it runs in a browser as is).
 *
 * NIST SP 800-63B 3.1.1.2 and OWASP ASVS 5.0 V6.2: at least 12 and at most 128 characters,
 * any Unicode and spaces, no composition rules (no "one digit, one capital"), no forced
 * periodic change; refused when it is a known common or breached password, or contains the
 * username, the user's name or their station's name. The reason is shown, in both languages,
 * naming the field.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordReasonCode = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'contains_name' | 'contains_station';

export interface PasswordReason {
  code: PasswordReasonCode;
  field: string;
  message: string;
  messageHi: string;
}

export interface PasswordContext {
  username?: string | null;
  /** The user's name, in any script (English and Hindi both count). */
  names?: (string | null | undefined)[];
  /** The station's name(s), English and Hindi. */
  stationNames?: (string | null | undefined)[];
}

export interface PasswordCheck {
  ok: boolean;
  reasons: PasswordReason[];
  /** 0 (very weak) to 4 (strong), for a meter; 0 whenever a rule is broken. */
  strength: 0 | 1 | 2 | 3 | 4;
}

/** Code points, not UTF-16 units: "पासवर्ड" counts as what the user typed. */
export const passwordLength = (p: string): number => [...p.normalize('NFC')].length;

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('en-IN');
const compact = (s: string) => fold(s).replace(/[\s._\-@]+/g, '');

/** Parts of a name long enough that finding them in a password is not a coincidence. */
function nameParts(values: (string | null | undefined)[]): string[] {
  const parts = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    const whole = compact(v);
    if ([...whole].length >= 4) parts.add(whole);
    for (const w of fold(v).split(/[\s.,'’()-]+/)) if ([...w].length >= 4) parts.add(w);
  }
  return [...parts];
}

function containsAny(password: string, parts: string[]): boolean {
  const p = fold(password);
  const pc = compact(password);
  return parts.some((x) => p.includes(x) || pc.includes(x));
}

const REASONS: Record<PasswordReasonCode, (n?: number) => { en: string; hi: string }> = {
  too_short: () => ({
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember.`,
    hi: `पासवर्ड में कम से कम ${PASSWORD_MIN_LENGTH} अक्षर होने चाहिए। एक छोटा वाक्य याद रखना आसान है।`,
  }),
  too_long: () => ({
    en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
    hi: `पासवर्ड में अधिकतम ${PASSWORD_MAX_LENGTH} अक्षर हो सकते हैं।`,
  }),
  common: () => ({
    en: 'This password is in a list of common or leaked passwords. Choose another.',
    hi: 'यह पासवर्ड आम या लीक हुए पासवर्डों की सूची में है। कोई दूसरा चुनें।',
  }),
  contains_username: () => ({
    en: 'The password must not contain your username.',
    hi: 'पासवर्ड में आपका उपयोगकर्ता नाम नहीं होना चाहिए।',
  }),
  contains_name: () => ({
    en: 'The password must not contain your name.',
    hi: 'पासवर्ड में आपका नाम नहीं होना चाहिए।',
  }),
  contains_station: () => ({
    en: 'The password must not contain the name of your police station.',
    hi: 'पासवर्ड में आपके पुलिस थाने का नाम नहीं होना चाहिए।',
  }),
};

const reason = (code: PasswordReasonCode, field: string): PasswordReason => {
  const r = REASONS[code]();
  return { code, field, message: r.en, messageHi: r.hi };
};

// zxcvbn's dictionaries (~12 MB) are loaded on the first password check, not at start-up.
const require = createRequire(import.meta.url);
const common = () => require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary: common().dictionary, graphs: common().adjacencyGraphs }));

/** The common-password list that ships with zxcvbn (49,000 entries, lower-case). */
export const zxcvbnCommonPasswords = (): readonly string[] => common().dictionary['passwords-common'];

/**
 * A strength estimate from 0 to 4 for a meter (zxcvbn: 0 too guessable … 4 very unguessable),
 * taking the user's own words into account.
 */
export function passwordStrength(password: string, userWords: string[] = []): 0 | 1 | 2 | 3 | 4 {
  if (!password) return 0;
  // zxcvbn's cost grows with length; the rules cap a password at 128 characters anyway.
  return zxcvbn().check(password.slice(0, PASSWORD_MAX_LENGTH), userWords).score as 0 | 1 | 2 | 3 | 4;
}

/**
 * Checks a new password against every rule and returns all the reasons it breaks, so the form
 * can show them at once. `isCommon` is the common-password lookup (the server passes the full
 * list; the web app may pass a lookup over zxcvbnCommonPasswords()).
 */
export function checkPasswordRules(
  password: string,
  ctx: PasswordContext,
  isCommon: (password: string) => boolean,
  field = 'newPassword',
): PasswordCheck {
  const reasons: PasswordReason[] = [];
  const len = passwordLength(password);
  if (len < PASSWORD_MIN_LENGTH) reasons.push(reason('too_short', field));
  if (len > PASSWORD_MAX_LENGTH) reasons.push(reason('too_long', field));
  if (len > 0 && isCommon(password)) reasons.push(reason('common', field));
  const username = ctx.username ? fold(ctx.username.trim()) : '';
  if (username.length >= 3) {
    const forms = [...new Set([username, compact(username)].filter((u) => u.length >= 3))];
    if (containsAny(password, forms)) reasons.push(reason('contains_username', field));
  }
  const names = nameParts(ctx.names ?? []);
  if (names.length && containsAny(password, names)) reasons.push(reason('contains_name', field));
  const stations = nameParts(ctx.stationNames ?? []);
  if (stations.length && containsAny(password, stations)) reasons.push(reason('contains_station', field));
  const userWords = [username, ...names, ...stations].filter(Boolean);
  const strength = reasons.length ? 0 : passwordStrength(password, userWords);
  return { ok: reasons.length === 0, reasons, strength };
}

/**
 * Identity documents: normalising, checking and masking their numbers, and the keyed hash
 * that lets two records with the same document match without either number being readable.
 *
 * Aadhaar: the Aadhaar Act 2016 (s.29) and the Aadhaar (Data Security) Regulations 2016 allow
 * a requesting entity to keep the number only in an Aadhaar Data Vault. This system is not
 * one, so it never stores an Aadhaar number: only the last four digits (as UIDAI's own masked
 * Aadhaar shows them) and an HMAC under the server key. A copy of the database therefore
 * cannot be turned back into numbers (a plain SHA-256 of 12 digits could be brute-forced in
 * minutes; the HMAC key is not in the database when APP_SECRET is set).
 */

export const ID_DOC_TYPES = ['aadhaar', 'voter_id', 'passport', 'driving_licence', 'pan', 'ration_card', 'other'] as const;
export type IdDocType = (typeof ID_DOC_TYPES)[number];

// Verhoeff tables (dihedral group D5), the checksum of the 12th Aadhaar digit.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when the digits pass the Verhoeff check (the last digit is the check digit). */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  const rev = digits.split('').reverse();
  for (let i = 0; i < rev.length; i++) c = D[c]![P[i % 8]![Number(rev[i])]!]!;
  return c === 0;
}

/** The Verhoeff check digit for `digits` (for test data and the demo seed). */
export function verhoeffDigit(digits: string): string {
  for (let d = 0; d <= 9; d++) if (verhoeffValid(digits + d)) return String(d);
  throw new Error('unreachable');
}

/**
 * An Aadhaar number is 12 digits, never starting with 0 or 1, with a Verhoeff check digit.
 * Spaces and hyphens as printed ("2345 6789 0123") are accepted.
 */
export function normaliseAadhaar(raw: string): string | undefined {
  const d = raw.replace(/[\s-]/g, '');
  if (!/^[2-9][0-9]{11}$/.test(d)) return undefined;
  return verhoeffValid(d) ? d : undefined;
}

/**
 * A document number in upper-case letters and digits only ("dl-04 2011 0012345" →
 * "DL0420110012345"); undefined when it cannot be that kind of document.
 */
export function normaliseDocNumber(type: IdDocType, raw: string): string | undefined {
  if (type === 'aadhaar') return normaliseAadhaar(raw);
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (s.length < 3 || s.length > 30) return undefined;
  if (type === 'pan' && !/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(s)) return undefined;
  if (type === 'passport' && !/^[A-Z][0-9]{7}$/.test(s)) return undefined;
  return s;
}

/** What may be shown: Aadhaar as XXXX-XXXX-1234, other documents with all but the last four hidden. */
export function maskDocNumber(type: IdDocType, normalised: string): string {
  const last4 = normalised.slice(-4);
  if (type === 'aadhaar') return `XXXX-XXXX-${last4}`;
  return `${'X'.repeat(Math.max(0, normalised.length - 4))}${last4}`;
}

/** The parts fed to the server's HMAC for a document: its type and normalised number. */
export function docMacParts(type: IdDocType, normalised: string): [string, string, string] {
  return ['person-identity', type, normalised];
}

/** Indian phone numbers, digits only: +91 / 0 prefixes of a 10-digit mobile are dropped. */
export function normalisePhone(raw: string): string | undefined {
  let d = raw.replace(/[^0-9]/g, '');
  if (d.length === 12 && d.startsWith('91')) d = d.slice(2);
  else if (d.length === 11 && d.startsWith('0') && /^[6-9]/.test(d.slice(1))) d = d.slice(1);
  if (d.length < 6 || d.length > 15) return undefined;
  return d;
}

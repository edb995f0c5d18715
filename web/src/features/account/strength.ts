/**
 * A quick strength estimate made in the browser while the user types, before the server's own
 * check (common-password list, the user's name, the station's name) answers. 0 = unacceptable,
 * 4 = strong. NIST SP 800-63B: length matters, composition rules do not; so this mostly counts
 * length and penalises repetition and sequences, without demanding symbols.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export function estimateStrength(pw: string): { score: 0 | 1 | 2 | 3 | 4; reasons: string[] } {
  const chars = [...pw];
  const reasons: string[] = [];
  if (chars.length === 0) return { score: 0, reasons };
  if (chars.length < MIN_PASSWORD_LENGTH) reasons.push('too_short');
  if (chars.length > MAX_PASSWORD_LENGTH) reasons.push('too_long');
  const distinct = new Set(chars.map((c) => c.toLowerCase())).size;
  if (chars.length >= 6 && distinct <= Math.max(2, chars.length / 4)) reasons.push('repetitive');
  if (/(0123|1234|2345|3456|4567|5678|6789|abcd|bcde|qwer|wert|asdf|zxcv)/i.test(pw)) reasons.push('sequence');
  if (reasons.includes('too_short') || reasons.includes('too_long')) return { score: chars.length >= 8 ? 1 : 0, reasons };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length + (/[^\p{ASCII}]/u.test(pw) ? 1 : 0);
  let score = chars.length >= 20 ? 4 : chars.length >= 16 ? 3 : 2;
  if (classes >= 3 && score < 4) score += 1;
  if (reasons.length) score -= 1;
  return { score: Math.max(1, Math.min(4, score)) as 1 | 2 | 3 | 4, reasons };
}

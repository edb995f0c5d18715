/**
 * Normalising the identifiers officers type and records carry: vehicle registration numbers,
 * chassis and engine numbers, IMEIs and serial numbers. Pure.
 */

/** Letters and digits only, lower case: "MH 12 AB 1234" = "mh-12-ab-1234" = "mh12ab1234". */
export function normaliseIdentifier(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Indian registration marks in running text: a state code of the Motor Vehicles rules, district
 * number (Delhi's with a letter: 3C), series, number ("MP04 AB 1234", "MH-12-AB-1234",
 * "DL 3C AB 1234"), and the Bharat series ("22 BH 1234 AA"). Returns them normalised, without
 * duplicates.
 */
const STATE_CODES = 'AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UA|UP|WB';
const REG_RE = new RegExp(
  `\\b(?:${STATE_CODES})[\\s.-]*\\d{1,2}[A-Z]?[\\s.-]*[A-Z]{0,3}[\\s.-]*\\d{1,4}\\b|\\b\\d{2}[\\s.-]*BH[\\s.-]*\\d{4}[\\s.-]*[A-Z]{1,2}\\b`,
  'gi',
);

export function findRegistrations(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(REG_RE)) {
    const n = normaliseIdentifier(m[0]);
    // A state code alone with a short number ("BNS 303") is not a registration mark.
    if (n.length >= 6 && /\d{3,4}[a-z]{0,2}$/.test(n)) out.add(n);
  }
  return [...out];
}

/** A chassis (VIN) or engine number named as such in running text ("chassis no. MD2A11CZ5LCA12345"). */
export function findLabelled(text: string, label: 'chassis' | 'engine'): string | undefined {
  const re =
    label === 'chassis'
      ? /\b(?:chassis|vin)\s*(?:no\.?|number|#)?\s*[:.-]?\s*([A-Z0-9-]{6,25})/i
      : /\bengine\s*(?:no\.?|number|#)?\s*[:.-]?\s*([A-Z0-9-]{5,25})/i;
  const m = re.exec(text);
  return m ? normaliseIdentifier(m[1]!) : undefined;
}

/** IMEIs (15 digits, Luhn check digit) in running text. */
export function findImeis(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![0-9])(\d{2}[\s-]?\d{6}[\s-]?\d{6}[\s-]?\d)(?![0-9])/g)) {
    const d = m[1]!.replace(/\D/g, '');
    if (d.length === 15 && luhnValid(d)) out.add(d);
  }
  return [...out];
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The time of day of an instant in IST: night 21–05, morning 05–12, afternoon 12–17, evening 17–21. */
export function timeBandOf(at: Date): 'night' | 'morning' | 'afternoon' | 'evening' {
  const h = new Date(at.getTime() + 5.5 * 3600_000).getUTCHours();
  if (h >= 21 || h < 5) return 'night';
  if (h < 12) return 'morning';
  if (h < 17) return 'afternoon';
  return 'evening';
}

/** A locality for trigram comparison: lower-case words, digits dropped. */
export function normaliseArea(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z\p{Script=Devanagari}]+/gu, ' ')
    .trim();
}

/**
 * Name normalisation: any name as typed (Devanagari, Latin, IAST, with titles,
 * initials and abbreviations) → a list of folded Latin tokens.
 *
 * The folded form is what both the stored `name_norm` column (for pg_trgm) and
 * the phonetic keys (`keys.ts`) are built from, so a name typed two ways ends
 * up as the same tokens whenever the difference is a known Indian spelling
 * variant. It stays readable on purpose ("rajes kumar srivastava"): officers see
 * it in "why matched", and pg_trgm works best on strings that still look like
 * the name.
 *
 * Everything here is deterministic and pure; it runs once per saved name.
 */
import { devanagariToLatin } from './devanagari.js';

/** One token of a normalised name. */
export interface NameToken {
  /** Folded Latin form, e.g. "srinivas" for Shrinivas/श्रीनिवास. */
  text: string;
  /** The token as typed (lower-case, after transliteration), for explanations. */
  source: string;
  /** A lone initial ("R." in "R. K. Sharma"); `text` is then one letter. */
  initial: boolean;
  /**
   * A very common name part (Kumar, Devi, Singh, Mohammad…). It is matched and
   * scored with a lower weight and not used alone to find candidates, because
   * "Rajesh Kumar" and "Rajesh" are usually the same person and every tenth
   * record contains "Kumar".
   */
  filler: boolean;
}

/** Titles that say nothing about who the person is. Dropped. */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'smt',
  'shrimati',
  'srimati',
  'shreemati',
  'sushri',
  'dr',
  'late',
  'lt',
  'swargiya',
  'sv',
  'sw',
  'km',
  'ku',
  'sh',
  'pt',
  'adv',
  'prof',
  'capt',
  'janab',
  'jr',
  'sr',
]);

/** Abbreviations as written in Indian records, expanded before folding. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  md: 'mohammad',
  mohd: 'mohammad',
  mo: 'mohammad',
  mohm: 'mohammad',
  kr: 'kumar',
  kmr: 'kumar',
  pd: 'prasad',
  prd: 'prasad',
  sk: 'shaikh',
  skh: 'shaikh',
  ch: 'chaudhary',
  chy: 'chaudhary',
};

/**
 * Words that start the relation part of a name line ("Rajesh s/o Ramesh",
 * "राजेश पुत्र रमेश"). The father's name is its own field, so everything from
 * here on is dropped. Matched on tokens after transliteration.
 */
const RELATION_WORDS = new Set(['putra', 'putri', 'patni', 'pita', 'nivasi', 'urf', 'alias', 'alis']);
const RELATION_RE = /\b[sdwc]\s*\/\s*o\b|\b(?:son|daughter|wife|husband) of\b|@/;
const RELATION_HINT = /[/@]| of\b/;

/** Name parts so common that they only weakly identify a person (in folded form). */
export const FILLERS = new Set([
  'kumar',
  'kumari',
  'devi',
  'lal',
  'prasad',
  'sing',
  'kaur',
  'bai',
  'ben',
  'chand',
  'nat',
  'mohamad',
  'begum',
  'bibi',
  'katun',
]);

/**
 * Compound suffixes that are written joined or apart ("Rajkumar"/"Raj Kumar",
 * "Mohanlal"/"Mohan Lal", "Nizamuddin"/"Nizam Uddin", "Rameshbhai"/"Ramesh
 * Bhai"). Split off when at least three letters remain, so both spellings give
 * the same tokens. Checked on the folded token before doubled letters are
 * merged, so "jagannat" splits as "jagan" + "nat". Longest first.
 */
const SPLIT_SUFFIXES = [
  'kumari',
  'prasad',
  'kumar',
  'chand',
  'uddin',
  'ullah',
  'udin',
  'ulah',
  'devi',
  'sing',
  'sinh',
  'lal',
  'nat',
  'bai',
  'ben',
  'das',
  'raj',
  'pal',
] as const;

/**
 * Surname and name families whose spellings differ by more than the generic
 * folds can join. Checked on the folded token (grouped by first letter, to keep
 * the insert path fast); each maps to one canonical form.
 */
const FAMILIES: Readonly<Record<string, ReadonlyArray<readonly [RegExp, string]>>> = {
  c: [
    [/^ch(?:au|o)d(?:a|u)?ri$/, 'chaudari'], // Chaudhary, Choudhary, Chowdhury, Chaudhri, Chaudhuri
    [/^chakr[ao][bv][ao]rti$/, 'chakravarti'], // Chakraborty, Chakravarty, Chakrabarti
  ],
  m: [[/^m[ou]h?a?m[ae]d$/, 'mohamad']], // Mohammad, Mohammed, Muhammad, Mohamed, Mohmad
  a: [
    [/^ahm[ae]d$/, 'ahmad'], // Ahmad, Ahmed
    [/^a(?:i)?y[ae]r$/, 'ayar'], // Aiyar, Ayyar
  ],
  i: [[/^iy[ae]r$/, 'ayar']], // Iyer
  h: [[/^h[ou]s[ae]i?n$/, 'husain']], // Hussain, Husain, Hussein, Hossain
  s: [
    [/^s(?:ai|ei|e)k$/, 'saik'], // Shaikh, Sheikh, Shekh, Shaik
    [/^s(?:a|ai)?y[ae]d$/, 'sayad'], // Syed, Sayyed, Sayed, Saiyad
    [/^sinh$/, 'sing'], // Gujarati "sinh" = Singh
  ],
  b: [[/^beg[ua]m$/, 'begum']],
};

function isVowelCh(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

/**
 * Fold one lower-case ASCII token by the Indian spelling variants, returning one
 * token, or two when a joined compound suffix is split off.
 *
 * One left-to-right pass (this runs for every token of every saved name):
 *  - zh → l (Tamil ழ: Azhagiri/Alagiri); x → ks (Laxmi/Lakshmi);
 *    -que/qu+vowel → k (Rafique/Rafiq, Siddiqui/Siddiqi); chh → ch; other c → k;
 *  - aspirates lose the h: kh gh jh th dh bh rh (Bhaskar/Baskar, Santhosh);
 *    sh → s (Shrinivas/Srinivas, Sharma/Sarma); ph → f (Phool/Fool);
 *  - w → v, q → k, z → j (Zakir/Jakir in Bengali spelling);
 *  - ee, ii → i; oo, uu → u; ou, ow (before a consonant) → au (Choudhary,
 *    Chowdhury, Sourav/Saurav);
 *  - Urdu e before h, and e before r + consonant, → a (Rehman/Rahman,
 *    Verma/वर्मा "varma", Pervez/Parvez, Mukherjee);
 *  - at the end: -ey → -e (Pandey/Pande), consonant + y → i (Tiwary/Tiwari),
 *    -yaya → -yay (Upadhyaya/Upadhyay).
 * Then a joined compound suffix is split off, doubled letters are merged
 * (Reddy, Mohammad, Sattar) and surname families are mapped to one form.
 */
export function foldToken(token: string): string[] {
  const s = foldLetters(token);
  const candidates = s.length >= 6 ? SUFFIXES_BY_END.get(s.slice(-3)) : undefined;
  if (candidates !== undefined) {
    for (const suf of candidates) {
      if (s.length - suf.length >= 3 && s.endsWith(suf)) {
        return [canonical(dedupe(s.slice(0, -suf.length))), canonical(dedupe(suf))];
      }
    }
  }
  return [canonical(dedupe(s))];
}

/** SPLIT_SUFFIXES by their last three letters: one map lookup per token on the insert path. */
const SUFFIXES_BY_END = new Map<string, string[]>();
for (const suf of SPLIT_SUFFIXES) {
  const end = suf.slice(-3);
  SUFFIXES_BY_END.set(end, [...(SUFFIXES_BY_END.get(end) ?? []), suf]);
}

function foldLetters(t: string): string {
  if (t.length < 2) return t;
  const n = t.length;
  let out = '';
  for (let i = 0; i < n; i++) {
    const c = t[i]!;
    const next = t[i + 1];
    switch (c) {
      case 'z':
        if (next === 'h') {
          out += 'l';
          i++;
        } else out += 'j';
        break;
      case 'x':
        out += 'ks';
        break;
      case 'q':
        out += 'k';
        if (next === 'u' && isVowelCh(t[i + 2])) {
          // -que: the "ue" is silent (Rafique); qu + vowel: the u is a glide (Siddiqui)
          i += t[i + 2] === 'e' && i + 3 === n ? 2 : 1;
        }
        break;
      case 'c':
        if (next === 'h') {
          out += 'ch';
          i++;
          if (t[i + 1] === 'h') i++; // chh
        } else out += 'k';
        break;
      case 'k':
      case 'g':
      case 'j':
      case 't':
      case 'd':
      case 'b':
      case 'r':
        out += c;
        if (next === 'h') i++;
        break;
      case 's':
        out += 's';
        if (next === 'h') i++;
        break;
      case 'p':
        if (next === 'h') {
          out += 'f';
          i++;
        } else out += 'p';
        break;
      case 'w':
        out += 'v';
        break;
      case 'e':
        if (next === 'e') {
          out += 'i';
          i++;
        } else if ((next === 'h' || next === 'r') && t[i + 2] !== undefined && !isVowelCh(t[i + 2]) && t[i + 2] !== 'y') {
          out += 'a';
        } else out += 'e';
        break;
      case 'i':
        out += 'i';
        if (next === 'i') i++;
        break;
      case 'o':
        if (next === 'o') {
          out += 'u';
          i++;
        } else if (next === 'u' || (next === 'w' && !isVowelCh(t[i + 2]))) {
          out += 'au';
          i++;
        } else out += 'o';
        break;
      case 'u':
        out += 'u';
        if (next === 'u') i++;
        break;
      default:
        out += c;
    }
  }
  const len = out.length;
  if (len >= 2 && out[len - 1] === 'y') {
    const before = out[len - 2]!;
    if (before === 'e') return out.slice(0, -1);
    if (!isVowelCh(before)) return `${out.slice(0, -1)}i`;
  } else if (out.endsWith('yaya')) {
    return out.slice(0, -1);
  }
  return out;
}

/** Doubled letters are spelling noise in Latin Indian names (Reddy, Mohammad, Sattar). */
function dedupe(s: string): string {
  let i = 1;
  while (i < s.length && s[i] !== s[i - 1]) i++;
  if (i >= s.length) return s; // the common case: nothing doubled
  let out = s.slice(0, i);
  for (; i < s.length; i++) if (s[i] !== s[i - 1]) out += s[i];
  return out;
}

function canonical(s: string): string {
  const family = FAMILIES[s[0] ?? ''];
  if (family !== undefined) for (const [re, canon] of family) if (re.test(s)) return canon;
  return s;
}

/** Initials fold like the first letter of a full token would. */
function foldInitial(letter: string): string {
  switch (letter) {
    case 'q':
      return 'k';
    case 'w':
      return 'v';
    case 'z':
      return 'j';
    default:
      return letter;
  }
}

/** 2–4 consonants with no vowel ("RK", "RKS") are run-together initials. */
function isInitialsRun(t: string): boolean {
  if (t.length < 2 || t.length > 4) return false;
  for (let i = 0; i < t.length; i++) if (isVowelCh(t[i])) return false;
  return true;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\u0020-\u007e]/; // anything beyond printable ASCII
const NON_LETTERS = /[^a-z]+/;

/** Longest input considered; a name is never this long, and it bounds the work. */
export const MAX_NAME_CHARS = 200;
/** At most this many tokens are kept; more is not a name, and it bounds SQL work. */
export const MAX_TOKENS = 8;
/** Longer tokens are cut; it bounds levenshtein (fuzzystrmatch refuses > 255). */
export const MAX_TOKEN_CHARS = 30;

/**
 * Normalise a name (or a search query) to folded tokens in their original order.
 * Never throws; returns [] when nothing name-like is left.
 */
export function normaliseName(raw: string): NameToken[] {
  let s = raw.length > MAX_NAME_CHARS ? raw.slice(0, MAX_NAME_CHARS) : raw;
  // Most names are plain ASCII: then there is no Devanagari to transliterate
  // and no accent to strip, and those are the slowest steps of the insert path.
  if (NON_ASCII.test(s)) {
    s = devanagariToLatin(s);
    // IAST and other accented Latin: Śrīnivāsa → srinivasa.
    if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '');
  }
  s = s.toLowerCase();
  if (RELATION_HINT.test(s)) {
    const rel = RELATION_RE.exec(s);
    if (rel) s = s.slice(0, rel.index);
  }
  const out: NameToken[] = [];
  for (const word of s.split(NON_LETTERS)) {
    if (word === '') continue;
    if (RELATION_WORDS.has(word) && out.length > 0) break;
    if (HONORIFICS.has(word)) continue;
    const expanded = ABBREVIATIONS[word];
    if (expanded !== undefined) {
      pushFolded(out, expanded, word);
    } else if (word.length === 1) {
      out.push({ text: foldInitial(word), source: word, initial: true, filler: false });
    } else if (isInitialsRun(word)) {
      for (const letter of word) out.push({ text: foldInitial(letter), source: letter, initial: true, filler: false });
    } else {
      pushFolded(out, word.slice(0, MAX_TOKEN_CHARS), word);
    }
    if (out.length >= MAX_TOKENS) break;
  }
  return out.slice(0, MAX_TOKENS);
}

function pushFolded(out: NameToken[], word: string, source: string): void {
  for (const text of foldToken(word)) {
    if (text === '') continue;
    out.push({ text, source, initial: false, filler: FILLERS.has(text) });
  }
}

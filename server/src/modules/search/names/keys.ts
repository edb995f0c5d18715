/**
 * Phonetic key for one folded name token (see `normalise.ts`), designed for
 * Indian names.
 *
 * Why not Soundex or Double Metaphone (both in fuzzystrmatch): they are built
 * for English spelling. Double Metaphone reads "sh" and "x" the English way and
 * splits Shrinivas (XRNF) from Srinivas (SRNF) and Lakshmi (LKXM) from Laxmi
 * (LKSM); Soundex keeps the first letter as typed (Qasim Q250 / Kasim K250,
 * Vikas / Bikash) yet codes Rajesh and Rakesh alike (R220). Indian
 * romanisations vary in other places, so this key is built from what varies in
 * Indian names:
 *
 *  - The short "a" is dropped everywhere except at the start of a name. Latin
 *    spellings write it inconsistently because Hindi drops it in speech
 *    (Srivastava/Srivastav/श्रीवास्तव, Jagadish/Jagdish, Prakash/Parkash,
 *    Narasimha/Narsimha, Bhavana/Bhavna).
 *  - Other vowels keep a coarse class, because they do tell names apart
 *    (Sunil/Sonal, Kiran/Karan, Aditya/Aditi): i, e and vocalic y → I
 *    (Harish/Haresh, Tiwari/Tewari); ai and ay → E (Sanjay/Sanjai, but
 *    Jain ≠ Jena); u → U; o, au, ou → O (Saurabh/Sourav, Gautam/Goutam).
 *  - Consonants are grouped into classes that Indian spellings swap:
 *    b/v/w → B (Vikas/Bikash, Vishwas/Biswas), ch/chh/ksh/x → C
 *    (Lakshmi/Laxmi/Lachhmi), j/z → J, k/q/c → K. Aspiration (th/t, dh/d,
 *    bh/b) and sh/s were already folded by the normaliser.
 *  - An "e" between a consonant cluster and a final "r" is dropped, which joins
 *    the Punjabi and Sanskrit forms: Surinder/Surendra, Mahinder/Mahendra,
 *    Sunder/Sundar, Shanker/Shankar.
 *  - "i" before another vowel is a glide: Sonia/Soniya, Gian/Gyan, Riaz/Riyaz.
 *
 * The key is upper-case letters; a lone initial's key is its letter and a dot
 * ("r."), so the two can never be confused in the stored array.
 */

// prettier-ignore
const CONSONANT_CLASS: Readonly<Record<string, string>> = {
  b: 'B', v: 'B', w: 'B', p: 'P', f: 'F', m: 'M',
  k: 'K', q: 'K', c: 'K', g: 'G', j: 'J', z: 'J',
  t: 'T', d: 'D', n: 'N', r: 'R', l: 'L', s: 'S', h: 'H', x: 'C',
};

function isVowel(ch: string | undefined): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u';
}

/** -nder/-ndra, -nker/-nkar: the vowel before a final r after a cluster is unstable. */
const CLUSTER_ER_RE = /([^aeiouy][^aeiouy])er(a?)$/;

/**
 * Key for one folded token. `token` must come from `foldToken` (lower-case
 * ASCII letters, doubled letters merged). Returns "" for an empty token.
 */
export function phoneticKey(token: string): string {
  const s = token.length > 3 && (token.endsWith('er') || token.endsWith('era')) ? token.replace(CLUSTER_ER_RE, '$1r$2') : token;
  let key = '';
  let last = '';
  // A dropped "a" sits between two sounds: the same class on both sides is
  // then two sounds (Mamta), not a doubled letter.
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const next = s[i + 1];
    let c: string;
    switch (ch) {
      case 'a':
        if (next === 'u') {
          c = 'O';
          i++;
        } else if (next === 'i' || (next === 'y' && !isVowel(s[i + 2]))) {
          c = 'E'; // ai = ay: Sanjai/Sanjay, Jaiswal/Jayswal; but Jain ≠ Jena
          i++;
        } else if (i === 0) {
          c = 'A';
        } else {
          gap = true;
          continue;
        }
        break;
      case 'e':
      case 'i':
        if (i > 0 && (next === 'a' || next === 'o' || next === 'u')) c = 'Y';
        else if (i > 0 && next === 'y' && isVowel(s[i + 2]))
          continue; // "iya": the y carries the glide
        else c = 'I';
        break;
      case 'o':
        c = 'O';
        break;
      case 'u':
        c = 'U';
        break;
      case 'y':
        c = isVowel(next) ? 'Y' : 'I';
        break;
      case 'c':
        c = 'C';
        if (next === 'h') i++;
        break;
      case 'k':
        if (next === 's') {
          c = 'C';
          i++;
        } else c = 'K';
        break;
      default:
        c = CONSONANT_CLASS[ch] ?? '';
        if (c === '') continue;
    }
    if (c !== last || gap) key += c;
    last = c;
    gap = false;
  }
  return key;
}

/** Vowel and glide classes of a key; `sql.ts` drops the same letters with translate(). */
export const VOWEL_CLASSES = 'AEIOUY';

/**
 * The consonant skeleton of a phonetic key: its first letter, then the
 * consonant classes only ("MOHINDR" → "MHNDR"). Vowel quality is what varies
 * across Punjabi, Bengali and Odia spellings of one name (Mohinder/Mahendra,
 * Davinder/Devinder, Joydeep/Jaideep, Mohanty/Mahanty, Krushna/Krishna), so
 * candidates are fetched by this coarser key and then scored lower than an
 * exact key match. Stored with a "~" prefix in `name_keys` (see fields.ts).
 */
export function coarseKey(key: string): string {
  let out = key.slice(0, 1);
  for (let i = 1; i < key.length; i++) {
    const c = key[i]!;
    if (!VOWEL_CLASSES.includes(c)) out += c;
  }
  return out;
}

/** Prefix that marks a coarse (retrieval) key in the stored array. */
export const COARSE_PREFIX = '~';

/** Key stored for a lone initial: its letter and a dot. */
export function initialKey(letter: string): string {
  return `${letter}.`;
}

/** True for an initial's key ("r."), false for a phonetic key ("RJIS"). */
export function isInitialKey(key: string): boolean {
  return key.length === 2 && key[1] === '.';
}

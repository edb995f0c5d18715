/**
 * Devanagari → Latin transliteration for Hindi personal names.
 *
 * Why hand-written instead of a general Indic transliterator: a scheme such as
 * ITRANS or IAST writes every inherent vowel ("राजेश" → "rAjesha"), but police
 * records in Latin script spell names the way Hindi speakers say them
 * ("Rajesh"). So this module does three Hindi-specific things a plain scheme
 * does not:
 *
 *  - schwa deletion (the inherent "a" of a consonant is dropped at the end of a
 *    word and in the V C _ C V context, after Ohala's rule for Hindi);
 *  - nukta consonants (ज़ → z, फ़ → f, क़ → q, ड़ → r);
 *  - anusvara/chandrabindu as a nasal that takes the place of the following
 *    consonant (संपत → sampat, संजय → sanjay, चाँद → chand).
 *
 * The output is lower-case "popular" Latin (ā → a, ī → i, श/ष → sh), which is
 * what the normaliser in `normalise.ts` expects. Other characters pass through
 * untouched, so mixed-script input ("राजेश Kumar") works.
 */

/** Consonants with their popular romanisation (without the inherent vowel). */
// prettier-ignore
const CONSONANTS: Readonly<Record<string, string>> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n',
  च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm',
  य: 'y', र: 'r', ल: 'l', ळ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h',
};

/** The same consonant followed by a nukta (U+093C), as found after NFD. */
// prettier-ignore
const NUKTA_CONSONANTS: Readonly<Record<string, string>> = {
  क: 'q', ख: 'kh', ग: 'g', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y', न: 'n', र: 'r', ळ: 'l',
};

// prettier-ignore
const INDEPENDENT_VOWELS: Readonly<Record<string, string>> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ॠ: 'ri', ऌ: 'li',
  ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ऍ: 'e', ऎ: 'e', ऒ: 'o',
};

// prettier-ignore
const VOWEL_SIGNS: Readonly<Record<string, string>> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'ॄ': 'ri', 'ॢ': 'li',
  'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e', 'ॆ': 'e', 'ॊ': 'o',
};

const VIRAMA = '्';
const NUKTA = '़';
const ANUSVARA = 'ं';
const CHANDRABINDU = 'ँ';
const VISARGA = 'ः';
const DIGITS = '०१२३४५६७८९';

/**
 * Spelled-out Latin initials as written in Hindi ("आर. के. शर्मा" = "R. K. Sharma").
 * Only read as initials when followed by a dot, because "के" alone is a word.
 */
// prettier-ignore
const SPELLED_INITIALS: ReadonlyArray<readonly [string, string]> = [
  ['डब्ल्यू', 'w'], ['क्यू', 'q'], ['एक्स', 'x'], ['वाई', 'y'], ['जेड', 'z'], ['ज़ेड', 'z'],
  ['आई', 'i'], ['आर', 'r'], ['एस', 's'], ['एन', 'n'], ['एम', 'm'], ['एल', 'l'], ['एच', 'h'],
  ['एफ', 'f'], ['एफ़', 'f'], ['के', 'k'], ['पी', 'p'], ['बी', 'b'], ['सी', 'c'], ['डी', 'd'],
  ['जी', 'g'], ['टी', 't'], ['वी', 'v'], ['जे', 'j'], ['यू', 'u'], ['ओ', 'o'], ['ई', 'e'], ['ए', 'a'],
];
// Built from NFD forms because the input is decomposed before matching.
const SPELLED_INITIAL_RE = new RegExp(`(?<=^|[\\s,.])(${SPELLED_INITIALS.map(([d]) => d.normalize('NFD')).join('|')})\\s*\\.`, 'gu');
const SPELLED_INITIAL_MAP = new Map(SPELLED_INITIALS.map(([d, l]) => [d.normalize('NFD'), l] as const));

/** Consonants before which an anusvara is heard as "m" (labials). */
const LABIALS = new Set(['p', 'ph', 'b', 'bh', 'm', 'f']);

// Lookup tables indexed by code point − U+0900: the insert path transliterates
// millions of names, and array lookups beat object property lookups.
const BLOCK = 0x0900;
function table(map: Readonly<Record<string, string>>): Array<string | undefined> {
  const t = new Array<string | undefined>(128).fill(undefined);
  for (const [k, v] of Object.entries(map)) t[k.charCodeAt(0) - BLOCK] = v;
  return t;
}
const CONS = table(CONSONANTS);
const CONS_NUKTA = table(NUKTA_CONSONANTS);
const IND_VOWEL = table(INDEPENDENT_VOWELS);
const SIGN = table(VOWEL_SIGNS);
const C_VIRAMA = VIRAMA.charCodeAt(0);
const C_NUKTA = NUKTA.charCodeAt(0);
const C_ANUSVARA = ANUSVARA.charCodeAt(0);
const C_CHANDRABINDU = CHANDRABINDU.charCodeAt(0);
const C_VISARGA = VISARGA.charCodeAt(0);
const C_DIGIT0 = DIGITS.charCodeAt(0);
const C_DANDA = '।'.charCodeAt(0);
const C_DOUBLE_DANDA = '॥'.charCodeAt(0);

/**
 * The phonological units of the word being read, as parallel arrays reused
 * across calls. Kinds: a consonant (its Latin text; `cluster` when it follows
 * another consonant through a virama), a vowel (its text), a schwa (the
 * consonant's inherent "a"; `deleted` by schwa deletion), a nasal (anusvara).
 */
const K_CONS = 1;
const K_VOWEL = 2;
const K_SCHWA = 3;
const K_NASAL = 4;
const kinds: number[] = [];
const texts: string[] = [];
const clusters: boolean[] = [];
const deleted: boolean[] = [];
let units = 0;

function push(kind: number, text: string, cluster: boolean): void {
  kinds[units] = kind;
  texts[units] = text;
  clusters[units] = cluster;
  deleted[units] = false;
  units++;
}

const DEVANAGARI_RE = /[\u0900-\u097F]/;
/**
 * Precomposed nukta letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़, ऩ ऱ ऴ). NFD splits them into
 * base + nukta, which is the form the loop below reads; most names have none,
 * so the (slow) normalisation runs only when needed.
 */
const PRECOMPOSED_NUKTA = /[\u0929\u0931\u0934\u0958-\u095F]/;

/** True if the string contains any Devanagari character. */
export function hasDevanagari(s: string): boolean {
  return DEVANAGARI_RE.test(s);
}

/**
 * Transliterate Devanagari in `input` to popular lower-case Latin, leaving other
 * characters as they are. Pure (its scratch arrays never outlive a call); it
 * runs once per saved name.
 */
export function devanagariToLatin(input: string): string {
  if (!DEVANAGARI_RE.test(input)) return input;
  let text = PRECOMPOSED_NUKTA.test(input) ? input.normalize('NFD') : input;
  if (text.includes('.')) {
    text = text.replace(SPELLED_INITIAL_RE, (_m, d: string) => `${SPELLED_INITIAL_MAP.get(d) ?? d}.`);
  }
  let out = '';
  units = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const idx = code - BLOCK;
    if (idx < 0 || idx >= 128) {
      if (code === 0x200c || code === 0x200d) continue; // ZWNJ/ZWJ only shape the glyphs
      if (units > 0) out += renderWord();
      out += text[i];
      continue;
    }
    let latin = CONS[idx];
    if (latin !== undefined) {
      if (text.charCodeAt(i + 1) === C_NUKTA) {
        latin = CONS_NUKTA[idx] ?? latin;
        i++;
      }
      // A consonant directly after another consonant (no vowel, no schwa) was
      // joined by a virama: it is the second member of a cluster.
      push(K_CONS, latin, units > 0 && kinds[units - 1] === K_CONS);
      const next = text.charCodeAt(i + 1);
      const sign = next >= BLOCK && next < BLOCK + 128 ? SIGN[next - BLOCK] : undefined;
      if (next === C_VIRAMA) {
        i++;
      } else if (sign !== undefined) {
        push(K_VOWEL, sign, false);
        i++;
      } else {
        push(K_SCHWA, '', false);
      }
      continue;
    }
    const vowel = IND_VOWEL[idx];
    if (vowel !== undefined) push(K_VOWEL, vowel, false);
    else if (code === C_ANUSVARA || code === C_CHANDRABINDU) push(K_NASAL, '', false);
    else if (code === C_VISARGA) push(K_VOWEL, 'h', false);
    else if (code === C_NUKTA)
      continue; // stray nukta
    else {
      if (units > 0) out += renderWord();
      if (code >= C_DIGIT0 && code <= C_DIGIT0 + 9) out += String(code - C_DIGIT0);
      else if (code === C_DANDA || code === C_DOUBLE_DANDA) out += ' ';
      // other signs (om, avagraha…) are dropped
    }
  }
  if (units > 0) out += renderWord();
  return out;
}

/** True if unit i carries a vowel sound (a vowel, or a schwa that was kept). */
function isVocalic(i: number): boolean {
  return i >= 0 && i < units && (kinds[i] === K_VOWEL || (kinds[i] === K_SCHWA && !deleted[i]));
}

/**
 * Hindi schwa deletion over the current word, right to left (deleting a schwa
 * changes the context of the one before it, so the order matters).
 *
 *  - Word-final schwa goes ("राम" → ram), except after a cluster, where Latin
 *    spelling keeps it ("मिश्र" → mishra, "चंद्र" → chandra, "आदित्य" → aditya).
 *  - A medial schwa goes in V C _ C V ("कमला" → kamla, "अरविंद" → arvind), and
 *    also before a consonant + r cluster, which is how compounds are said
 *    ("गुरप्रीत" → gurpreet, "रामप्रसाद" → ramprasad).
 */
function deleteSchwas(): void {
  let lastSound = units - 1;
  while (lastSound >= 0 && kinds[lastSound] === K_NASAL) lastSound--;
  for (let i = units - 1; i >= 1; i--) {
    if (kinds[i] !== K_SCHWA || kinds[i - 1] !== K_CONS) continue;
    if (i === lastSound) {
      if (!clusters[i - 1]) deleted[i] = true;
      continue;
    }
    if (clusters[i - 1]) continue;
    const vowelBefore = isVocalic(i - 2) || (i >= 2 && kinds[i - 2] === K_NASAL);
    // (Bounds checked: the scratch arrays hold stale units past `units`.)
    if (!vowelBefore || i + 1 >= units || kinds[i + 1] !== K_CONS) continue;
    if (isVocalic(i + 2)) {
      deleted[i] = true;
    } else if (i + 2 < units && kinds[i + 2] === K_CONS && texts[i + 2] === 'r' && isVocalic(i + 3)) {
      deleted[i] = true;
    }
  }
}

/** Render the current word to Latin and clear it. */
function renderWord(): string {
  deleteSchwas();
  let s = '';
  for (let i = 0; i < units; i++) {
    switch (kinds[i]) {
      case K_CONS:
      case K_VOWEL:
        s += texts[i];
        break;
      case K_SCHWA:
        if (!deleted[i]) s += 'a';
        break;
      case K_NASAL:
        s += kinds[i + 1] === K_CONS && i + 1 < units && LABIALS.has(texts[i + 1]!) ? 'm' : 'n';
        break;
    }
  }
  units = 0;
  // सिंह is written "Singh" in Latin by universal convention, not "sinh".
  if (s.endsWith('sinh')) s = `${s.slice(0, -4)}singh`;
  return s;
}

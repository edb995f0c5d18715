import { describe, expect, it } from 'vitest';
import { devanagariToLatin, hasDevanagari } from './devanagari.js';

describe('devanagariToLatin', () => {
  it('deletes the word-final schwa: राजेश is "rajesh", not "rajesha"', () => {
    expect(devanagariToLatin('राजेश')).toBe('rajesh');
    expect(devanagariToLatin('राम')).toBe('ram');
    expect(devanagariToLatin('अजय')).toBe('ajay');
  });

  it('keeps the final a after a consonant cluster, as Latin spelling does', () => {
    expect(devanagariToLatin('मिश्र')).toBe('mishra');
    expect(devanagariToLatin('आदित्य')).toBe('aditya');
    expect(devanagariToLatin('नरेंद्र')).toBe('narendra');
  });

  it('deletes a medial schwa in V C _ C V (कमला → kamla) but not before a final consonant (कमल → kamal)', () => {
    expect(devanagariToLatin('कमला')).toBe('kamla');
    expect(devanagariToLatin('कमल')).toBe('kamal');
    expect(devanagariToLatin('अरविंद')).toBe('arvind');
    expect(devanagariToLatin('जगदीश')).toBe('jagdish');
    expect(devanagariToLatin('मनमोहन')).toBe('manmohan');
    expect(devanagariToLatin('अमरनाथ')).toBe('amarnath');
  });

  it('deletes the schwa before a consonant + r cluster in compounds (गुरप्रीत → gurprit)', () => {
    expect(devanagariToLatin('गुरप्रीत')).toBe('gurprit');
    expect(devanagariToLatin('रामप्रसाद')).toBe('ramprasad');
  });

  it('writes श्रीवास्तव as shrivastav', () => {
    expect(devanagariToLatin('श्रीवास्तव')).toBe('shrivastav');
  });

  it('reads nukta consonants, precomposed or combining: ज़ → z, फ़ → f, क़ → q, ड़ → r', () => {
    expect(devanagariToLatin('ज़ाकिर')).toBe('zakir');
    expect(devanagariToLatin('ज\u093Cाकिर')).toBe('zakir'); // base + combining nukta
    expect(devanagariToLatin('\u095Bाकिर')).toBe('zakir'); // precomposed ज़
    expect(devanagariToLatin('फ़ैज़')).toBe('faiz');
    expect(devanagariToLatin('क़ासिम')).toBe('qasim');
    expect(devanagariToLatin('पहाड़')).toBe('pahar');
  });

  it('turns anusvara into the nasal of the next consonant, and chandrabindu into n', () => {
    expect(devanagariToLatin('संजय')).toBe('sanjay');
    expect(devanagariToLatin('संपत')).toBe('sampat');
    expect(devanagariToLatin('शंभू')).toBe('shambhu');
    expect(devanagariToLatin('चाँद')).toBe('chand');
    expect(devanagariToLatin('हंसराज')).toBe('hansraj');
  });

  it('writes सिंह as Singh by convention', () => {
    expect(devanagariToLatin('सिंह')).toBe('singh');
    expect(devanagariToLatin('गुरप्रीत सिंह')).toBe('gurprit singh');
  });

  it('reads spelled-out initials followed by a dot (आर. के. शर्मा = R. K. Sharma)', () => {
    expect(devanagariToLatin('आर. के. शर्मा')).toBe('r. k. sharma');
    expect(devanagariToLatin('के.पी. यादव')).toBe('k.p. yadav');
  });

  it('leaves Latin text, digits and punctuation alone, and converts Devanagari digits', () => {
    expect(devanagariToLatin('Rajesh Kumar')).toBe('Rajesh Kumar');
    expect(devanagariToLatin('राजेश Kumar, १२')).toBe('rajesh Kumar, 12');
  });

  it('detects Devanagari', () => {
    expect(hasDevanagari('राम')).toBe(true);
    expect(hasDevanagari('Ram')).toBe(false);
  });
});

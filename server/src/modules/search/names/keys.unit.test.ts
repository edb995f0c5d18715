import { describe, expect, it } from 'vitest';
import { nameIndexFields } from './fields.js';
import { coarseKey, isInitialKey, phoneticKey } from './keys.js';
import { foldToken } from './normalise.js';

/** Key of a one-word name, through the same folding as a saved name. */
const key = (word: string): string => nameIndexFields(word).keys[0]!;

describe('phonetic key: spelling variants of one name share a key', () => {
  const families: Record<string, string[]> = {
    'sh/s': ['Shrinivas', 'Srinivas', 'Sreenivas', 'श्रीनिवास'],
    'ksh/x/chh': ['Lakshmi', 'Laxmi', 'Lachhmi', 'लक्ष्मी'],
    'v/w': ['Vishwanath', 'Viswanath', 'Vishvanath'],
    'b/v (Bengali)': ['Vikas', 'Bikash', 'विकास'],
    'ph/f': ['Phoolan', 'Foolan'],
    'z/j': ['Zakir', 'Jakir', 'ज़ाकिर'],
    'q/k': ['Qasim', 'Kasim', 'क़ासिम'],
    'aa/a, ee/i, oo/u': ['Raajesh', 'Rajesh', 'राजेश'],
    'oo/u': ['Pooja', 'Puja', 'पूजा'],
    'ou/au': ['Gaurav', 'Gourav', 'गौरव'],
    'doubled letters': ['Sattar', 'Satar'],
    'th/t': ['Santhosh', 'Santosh', 'संतोष'],
    'dh/d': ['Sudhir', 'Sudir'],
    'y/i endings': ['Tiwari', 'Tiwary', 'तिवारी'],
    'ey/e endings': ['Pandey', 'Pande', 'पाण्डेय', 'पांडे'],
    'ay/ai': ['Sanjay', 'Sanjai', 'संजय'],
    'Chaudhary family': ['Choudhary', 'Chaudhary', 'Chowdhury', 'Chaudhri', 'Chaudhuri', 'चौधरी'],
    'Mohammad family': ['Mohammad', 'Mohammed', 'Muhammad', 'Md.', 'Mohd', 'मोहम्मद'],
    Srivastava: ['Srivastava', 'Shrivastav', 'Shrivastava', 'Srivastav', 'श्रीवास्तव'],
    'Punjabi -inder': ['Surinder', 'Surendra', 'Surender', 'सुरेंद्र'],
    Shankar: ['Shankar', 'Shanker', 'Sankar'],
    'Urdu eh/ah': ['Rehman', 'Rahman', 'रहमान'],
    Verma: ['Verma', 'Varma', 'वर्मा'],
    Sheikh: ['Shaikh', 'Sheikh', 'Shekh', 'शेख़'],
    Syed: ['Syed', 'Sayyed', 'Saiyad', 'सैयद'],
    Upadhyay: ['Upadhyay', 'Upadhyaya', 'उपाध्याय'],
    Chakraborty: ['Chakraborty', 'Chakravarty', 'Chakrabarti'],
    'Tamil zh': ['Azhagiri', 'Alagiri'],
    '-que': ['Rafiq', 'Rafique', 'रफ़ीक़'],
    'glide i/iy': ['Sonia', 'Soniya'],
    'schwa kept in Latin': ['Jagadish', 'Jagdish', 'जगदीश'],
  };
  for (const [family, spellings] of Object.entries(families)) {
    it(`${family}: ${spellings.join(' = ')}`, () => {
      const keys = spellings.map(key);
      expect(new Set(keys).size, `${spellings.join(', ')} → ${keys.join(', ')}`).toBe(1);
    });
  }
});

describe('phonetic key: different names get different keys', () => {
  const pairs: Array<[string, string]> = [
    ['Rajesh', 'Ramesh'],
    ['Rajesh', 'Rakesh'],
    ['Sharma', 'Verma'],
    ['Mohan', 'Sohan'],
    ['Sunil', 'Sushil'],
    ['Sunil', 'Sonal'],
    ['Karan', 'Kiran'],
    ['Aditya', 'Aditi'],
    ['Singh', 'Sinha'],
    ['Sharma', 'Shriram'],
    ['Dinesh', 'Danish'],
    ['Kamal', 'Komal'],
    ['Rafi', 'Rafiq'],
    ['Sita', 'Sati'],
    ['Jain', 'Jena'],
    ['Vijay', 'Vinay'],
    ['Zakir', 'Zahir'],
    ['Imran', 'Irfan'],
  ];
  for (const [a, b] of pairs) {
    it(`${a} ≠ ${b}`, () => {
      expect(key(a)).not.toBe(key(b));
    });
  }
});

describe('coarse key', () => {
  it('drops vowel classes after the first letter, joining vowel-only variants', () => {
    expect(coarseKey(key('Mohinder'))).toBe(coarseKey(key('Mahendra')));
    expect(coarseKey(key('Davinder'))).toBe(coarseKey(key('Devinder')));
    expect(coarseKey(key('Joydeep'))).toBe(coarseKey(key('Jaideep')));
    expect(coarseKey('MOHINDR')).toBe('MHNDR');
  });

  it('still separates names whose consonants differ', () => {
    expect(coarseKey(key('Mohan'))).not.toBe(coarseKey(key('Sohan')));
    expect(coarseKey(key('Rajesh'))).not.toBe(coarseKey(key('Ramesh')));
  });
});

describe('key format', () => {
  it('is upper-case letters for a name and "letter." for an initial', () => {
    expect(phoneticKey(foldToken('rajesh')[0]!)).toMatch(/^[A-Z]+$/);
    expect(nameIndexFields('R. Sharma').keys[0]).toBe('r.');
    expect(isInitialKey('r.')).toBe(true);
    expect(isInitialKey('RJIS')).toBe(false);
  });
});

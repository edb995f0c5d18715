import { describe, expect, it } from 'vitest';
import { nameIndexFields, queryFields } from './fields.js';
import { foldToken, normaliseName } from './normalise.js';

const norm = (s: string): string => nameIndexFields(s).norm;

describe('normaliseName', () => {
  it('gives the same tokens for a Devanagari name and its Latin spelling', () => {
    expect(norm('राजेश श्रीवास्तव')).toBe(norm('Rajesh Shrivastav'));
    expect(norm('ज़ाकिर हुसैन')).toBe(norm('Zakir Hussain'));
    expect(norm('लक्ष्मी देवी')).toBe(norm('Laxmi Devi'));
  });

  it('keeps the folded form readable for pg_trgm and for officers', () => {
    expect(norm('Rajesh Kumar Shrivastava')).toBe('rajes kumar srivastava');
  });

  it('strips diacritics from IAST input', () => {
    expect(norm('Śrīnivāsa')).toBe(norm('Srinivasa'));
  });

  it('drops titles and expands record abbreviations (Smt., Dr., Md., Kr., Pd.)', () => {
    expect(norm('Smt. Sunita Devi')).toBe('sunita devi');
    expect(norm('Dr. Rajesh Kr. Sharma')).toBe(norm('Rajesh Kumar Sharma'));
    expect(norm('Md. Irfan')).toBe(norm('Mohammad Irfan'));
    expect(norm('Ram Pd. Yadav')).toBe(norm('Ram Prasad Yadav'));
  });

  it('cuts the relation part of a name line (s/o, पुत्र)', () => {
    expect(norm('Rajesh s/o Ramesh')).toBe('rajes');
    expect(norm('राजेश पुत्र रमेश')).toBe('rajes');
    expect(norm('Sunita w/o Mahesh')).toBe('sunita');
  });

  it('reads initials with or without dots and spaces', () => {
    for (const s of ['R. K. Sharma', 'R.K. Sharma', 'RK Sharma', 'R K Sharma', 'आर. के. शर्मा']) {
      const f = nameIndexFields(s);
      expect(f.tokens, s).toEqual(['r', 'k', 'sarma']);
      expect(f.keys.slice(0, 2), s).toEqual(['r.', 'k.']);
      expect(f.initials, s).toBe('rks');
    }
  });

  it('splits joined compound names so both spellings match (Rajkumar, Mohanlal, Nizamuddin, Rameshbhai)', () => {
    expect(norm('Rajkumar')).toBe(norm('Raj Kumar'));
    expect(norm('Mohanlal Sharma')).toBe(norm('Mohan Lal Sharma'));
    expect(norm('Nizamuddin')).toBe(norm('Nizam Uddin'));
    expect(norm('Jagannath')).toBe(norm('Jagan Nath'));
    expect(norm('Rameshbhai Patel')).toBe(norm('Ramesh Bhai Patel'));
    // …but not short names that merely end like a suffix
    expect(norm('Gopal')).toBe('gopal');
    expect(norm('Bilal')).toBe('bilal');
    expect(norm('Sukumar')).toBe('sukumar');
  });

  it('marks very common name parts as fillers', () => {
    const tokens = normaliseName('Rajesh Kumar Singh');
    expect(tokens.map((t) => t.filler)).toEqual([false, true, true]);
  });

  it('treats a 1,000-character or SQL-like query as text and bounds the work', () => {
    expect(normaliseName('a'.repeat(1000))[0]!.text.length).toBeLessThanOrEqual(30);
    expect(normaliseName('x '.repeat(500)).length).toBeLessThanOrEqual(8);
    expect(norm("Robert'); drop table people;--")).toBe('robart drop table people');
    expect(normaliseName('.*+?()[]{}|\\^$')).toEqual([]);
    expect(normaliseName('')).toEqual([]);
  });
});

describe('foldToken', () => {
  it('folds each variant family', () => {
    const same: Array<[string, string]> = [
      ['shrinivas', 'srinivas'],
      ['vishwanath', 'visvanat'],
      ['phool', 'ful'],
      ['laxmi', 'laksmi'],
      ['zakir', 'jakir'],
      ['qasim', 'kasim'],
      ['aarti', 'arti'],
      ['geeta', 'gita'],
      ['pooja', 'puja'],
      ['choudhary', 'chaudhari'],
      ['reddy', 'redi'],
      ['siddharth', 'sidart'],
      ['tiwary', 'tivari'],
      ['pandey', 'pande'],
      ['upadhyaya', 'upadyay'],
      ['siddiqui', 'sidiki'],
      ['rafique', 'rafik'],
    ];
    for (const [a, b] of same) expect(foldToken(a), a).toEqual(foldToken(b));
  });
});

describe('queryFields', () => {
  it('fetches candidates by the coarse keys of real name parts, not fillers or initials', () => {
    const q = queryFields('R. Rajesh Kumar');
    expect(q.retrievalKeys).toEqual(['~RJS']);
    expect(q.weights).toEqual([0.5, 1, 0.3]);
  });

  it('falls back to the fillers when the query has nothing else', () => {
    expect(queryFields('Kumar').retrievalKeys).toEqual(['~KMR']);
  });

  it('shows each token as typed for "why matched"', () => {
    expect(queryFields('Shrinivas Rao').display).toEqual(['shrinivas', 'rao']);
  });
});

import { describe, expect, it } from 'vitest';
import { CREDIT, MATCH_THRESHOLD, WEIGHTS, explainMatch, matchKind } from './score.js';
import { levenshtein, trigramSimilarity, trigrams } from './trigram.js';

describe('explainMatch', () => {
  it('says which tokens matched phonetically and how similar the spellings are', () => {
    const e = explainMatch('Shrinivas Rao', { name: 'Srinivasa Row' });
    expect(e.why).toContain('phonetic: shrinivas≈srinivasa');
    expect(e.why).toContain('phonetic: rao≈rau');
    expect(e.tokenScore).toBe(1);
    expect(e.why.some((w) => w.startsWith('trigram '))).toBe(true);
    expect(e.likelySame).toBe(true);
  });

  it('matches across scripts', () => {
    const e = explainMatch('श्रीवास्तव, राजेश', { name: 'Rajesh Shrivastava' });
    expect(e.tokens.map((t) => t.kind)).toEqual(['phonetic', 'phonetic']);
    expect(e.score).toBeGreaterThan(0.8);
  });

  it('credits initials against full names in either direction', () => {
    const a = explainMatch('R. K. Sharma', { name: 'Rajesh Kumar Sharma' });
    expect(a.tokens.map((t) => t.kind)).toEqual(['initial', 'initial', 'phonetic']);
    const b = explainMatch('Rajesh Kumar Sharma', { name: 'R. K. Sharma' });
    expect(b.tokens.map((t) => t.kind)).toEqual(['initial', 'initial', 'phonetic']);
  });

  it('ignores word order', () => {
    const a = explainMatch('Sharma Rajesh Kumar', { name: 'Rajesh Kumar Sharma' });
    expect(a.tokenScore).toBe(1);
  });

  it('names the kind of a near miss: vowel variant, fuzzy key, typo', () => {
    expect(explainMatch('Mohinder Singh', { name: 'Mahendra Singh' }).why).toContain('vowel: mohinder≈mahendra');
    expect(explainMatch('Rajseh Sharma', { name: 'Rajesh Sharma' }).tokens[0]!.kind).toBe('typo');
  });

  it('ranks a true variant above a hard negative for the same query', () => {
    const cases: Array<[string, string, string]> = [
      ['Rajesh Kumar', 'Raajesh Kumar', 'Ramesh Kumar'],
      ['Mohan Lal', 'Mohanlal', 'Sohan Lal'],
      ['Ravi Sharma', 'Ravi Sarma', 'Ravi Verma'],
      ['Laxmi Devi', 'लक्ष्मी देवी', 'Lalita Devi'],
      ['Zakir Hussain', 'Jakir Hossain', 'Zahir Hussain'],
    ];
    for (const [q, same, other] of cases) {
      expect(explainMatch(q, { name: same }).score, `${q}: ${same} vs ${other}`).toBeGreaterThan(explainMatch(q, { name: other }).score);
    }
  });

  it('adds agreement on father, birth year, district and sex, and subtracts disagreement', () => {
    const base = explainMatch('Rajesh Kumar', { name: 'Rajesh Kumar' }).score;
    const agree = explainMatch(
      'Rajesh Kumar',
      { name: 'Rajesh Kumar', fatherName: 'Ramesh Chandra', birthYear: 1985, districtId: 7, sex: 'M' },
      { fatherName: 'रमेश चंद्र', birthYear: 1987, districtId: '7', sex: 'm' },
    );
    expect(agree.why).toEqual(expect.arrayContaining(["same father's name", 'birth year within 2', 'same district', 'same sex']));
    expect(agree.score).toBeCloseTo(base + WEIGHTS.father + WEIGHTS.birthYear + WEIGHTS.district + WEIGHTS.sex, 6);

    const disagree = explainMatch(
      'Rajesh Kumar',
      { name: 'Rajesh Kumar', fatherName: 'Abdul Karim', birthYear: 1950, sex: 'F' },
      { fatherName: 'Ramesh Chandra', birthYear: 1987, sex: 'M' },
    );
    expect(disagree.why).toEqual(expect.arrayContaining(["different father's name", 'birth year 37 apart', 'different sex']));
    expect(disagree.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('ignores fields the candidate does not have', () => {
    const e = explainMatch('Rajesh Kumar', { name: 'Rajesh Kumar' }, { fatherName: 'Ramesh', sex: 'M', birthYear: 1980 });
    expect(e.why).toEqual(['phonetic: rajesh≈rajes', 'phonetic: kumar≈kumar', 'trigram 1.00']);
  });
});

describe('matchKind', () => {
  it('follows the documented precedence and credits', () => {
    expect(matchKind('RJIS', 'rajes', 'RJS', 'RJIS', 'rajes')).toBe('phonetic');
    expect(matchKind('r.', 'r', '', 'RJIS', 'rajes')).toBe('initial');
    expect(matchKind('r.', 'r', '', 'k.', 'k')).toBe('none');
    expect(CREDIT.phonetic).toBeGreaterThan(CREDIT.vowel);
    expect(CREDIT.vowel).toBeGreaterThan(CREDIT.typo);
  });
});

describe('trigram (pg_trgm compatible)', () => {
  it('pads words like pg_trgm', () => {
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
  });

  it('computes similarity as shared / union of trigram sets', () => {
    expect(trigramSimilarity('rajes', 'rajes')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('', 'x')).toBe(0);
  });

  it('computes levenshtein with unit costs', () => {
    expect(levenshtein('rajesh', 'rajseh')).toBe(2);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { MISSING_MATCH_MIN, scoreMissingMatch, type FoundFacts, type MissingFacts } from './missing-match.js';

const missing: MissingFacts = {
  sex: 'male',
  ageYears: 42,
  missingSince: '2026-01-05',
  heightCm: 168,
  marks: ['mole on left cheek', 'tattoo Om on right forearm'],
};
const found: FoundFacts = {
  sex: 'male',
  ageFrom: 38,
  ageTo: 48,
  foundOn: '2026-01-09',
  heightCm: 167,
  marks: ['mole left cheek', 'Om tattoo right forearm'],
};

describe('missing person ↔ unidentified matching', () => {
  it('scores sex, age band, height, marks and dates, with the reasons', () => {
    const r = scoreMissingMatch(missing, found)!;
    expect(r.score).toBeGreaterThanOrEqual(MISSING_MATCH_MIN);
    expect(r.reasons).toEqual(
      expect.arrayContaining([
        'same sex (male)',
        'age 42 within 38–48',
        'height 168/167 cm',
        'mark: mole on left cheek ≈ mole left cheek',
        'found 4 days after going missing',
      ]),
    );
  });

  it('rules out the other sex, a find before the person went missing, and an impossible age', () => {
    expect(scoreMissingMatch(missing, { ...found, sex: 'female' })).toBeUndefined();
    expect(scoreMissingMatch(missing, { ...found, foundOn: '2025-12-20' })).toBeUndefined();
    expect(scoreMissingMatch(missing, { ...found, ageFrom: 60, ageTo: 70 })).toBeUndefined();
    expect(scoreMissingMatch(missing, { ...found, foundOn: '2030-01-01' })).toBeUndefined();
  });

  it('ages the missing person to the date of the find', () => {
    const r = scoreMissingMatch({ ...missing, ageYears: 37, missingSince: '2024-01-01' }, { ...found, foundOn: '2026-01-09' })!;
    expect(r.reasons).toContain('age 39 within 38–48');
  });

  it('lowers the score when the heights are far apart, and keeps an unknown sex open', () => {
    const far = scoreMissingMatch(missing, { ...found, heightCm: 150 })!;
    expect(far.score).toBeLessThan(scoreMissingMatch(missing, found)!.score);
    expect(scoreMissingMatch({ ...missing, sex: 'unknown' }, found)).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { tooShortQuery } from './query.ts';

describe('tooShortQuery', () => {
  it('refuses an empty query, spaces, and one character in either script', () => {
    for (const q of ['', ' ', '   \t\n ', 'R', ' r ', 'र', ' र ', '\u200dर\u200c', 'R\u0000', '\u202eR'])
      expect(tooShortQuery(q), JSON.stringify(q)).toBe(true);
  });

  it('accepts two characters, counted as the server counts them (code points, not letters)', () => {
    // "रा" is a consonant and a vowel sign: two code points, which the server searches.
    for (const q of ['Ra', 'रा', 'R K', ' Rajesh ', 'श्रीवास्तव', '12', 'MP04']) expect(tooShortQuery(q), JSON.stringify(q)).toBe(false);
  });
});

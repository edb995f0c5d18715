import { describe, expect, it } from 'vitest';
import { heightOf, istDateTime, istWeekday, lineHeightOf, newDoc, scriptRuns } from './text.js';

describe('bilingual PDF text', () => {
  it('cuts mixed text into script runs, keeping spaces with the run they follow', () => {
    expect(scriptRuns('FIR सं. 0001/2026 धारा 303(2)')).toEqual([
      { script: 'latin', text: 'FIR ' },
      { script: 'deva', text: 'सं' },
      { script: 'latin', text: '. 0001/2026 ' },
      { script: 'deva', text: 'धारा ' },
      { script: 'latin', text: '303(2)' },
    ]);
  });

  it('keeps a conjunct with its virama and matras in one run (क्षेत्र, श्रीमती, सिद्धार्थ)', () => {
    for (const w of ['क्षेत्र', 'श्रीमती', 'सिद्धार्थ', 'शुद्ध']) expect(scriptRuns(w)).toEqual([{ script: 'deva', text: w }]);
  });

  it('wraps long text into more lines at a narrower width', () => {
    const doc = newDoc();
    const text = 'शिकायतकर्ता ने बताया कि दिनांक 20 नवंबर 2025 की रात्रि लगभग 21:30 बजे उसने अपनी मोटरसाइकिल घर के बाहर खड़ी की थी।';
    const wide = heightOf(doc, text, 500, { size: 10 });
    const narrow = heightOf(doc, text, 150, { size: 10 });
    expect(wide % lineHeightOf(10)).toBe(0);
    expect(narrow).toBeGreaterThan(wide);
    expect(heightOf(doc, 'a\nb\nc', 500, { size: 10 })).toBe(lineHeightOf(10) * 3);
  });

  it('shows times in IST', () => {
    expect(istDateTime('2026-01-15T18:45:00Z')).toBe('16/01/2026 00:15');
    expect(istWeekday('2026-01-15T18:45:00Z', 'hi')).toBe('शुक्रवार');
  });
});

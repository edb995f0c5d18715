import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { drawTable, splitToHeight } from './table.js';
import { heightOf, newDoc, toBuffer } from './text.js';

const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

describe('a register printed as a table', () => {
  it('carries a cell taller than a page over the next pages, losing no word of it', async () => {
    const doc = newDoc();
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    drawTable(
      doc,
      [
        { label: 'No.', w: 40 },
        { label: 'Substance', w: 0 },
        { label: 'Officer', w: 90 },
      ],
      [
        ['1', 'A short entry.', 'Ramesh Yadav'],
        ['2', words.join(' '), 'Sunita Verma'],
        ['3', 'THE-LAST-ENTRY', 'Ramesh Yadav'],
      ],
      { empty: 'none' },
    );
    const pdf = await toBuffer(doc);
    const text = textOf(pdf);
    const found = new Set(text.match(/\bw\d+\b/g));
    expect(words.filter((w) => !found.has(w))).toEqual([]);
    expect(text).toContain('2 (contd.)');
    expect(text).toContain('THE-LAST-ENTRY');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())![1])).toBeGreaterThan(1);
  });

  it('splits text at a word that fits the height, and cuts a word longer than a line rather than lose it', () => {
    const doc = newDoc();
    const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu';
    const oneLine = heightOf(doc, 'alpha', 60, { size: 9 });
    const [head, rest] = splitToHeight(doc, text, 60, oneLine, 9);
    expect(head.length).toBeGreaterThan(0);
    expect(`${head} ${rest}`).toBe(text);
    expect(heightOf(doc, head, 60, { size: 9 })).toBeLessThanOrEqual(oneLine);
    expect(splitToHeight(doc, text, 60, 1000, 9)).toEqual([text, '']);
    const [h2, r2] = splitToHeight(doc, 'x'.repeat(200), 60, oneLine, 9);
    expect(h2 + r2).toBe('x'.repeat(200));
    expect(h2.length).toBeGreaterThan(0);
  });
});

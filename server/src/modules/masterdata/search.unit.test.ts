import { describe, expect, it } from 'vitest';
import { searchSections } from './search.js';

const top = (q: string, date?: string) => searchSections(q, { date, limit: 5 }).map((h) => `${h.section.actCode} ${h.section.sectionCode}`);

describe('searchSections, the FIR form’s section picker', () => {
  it('finds a section by its number, sub-section first', () => {
    expect(top('303', '2025-01-01')[0]).toBe('BNS 303(2)');
    expect(top('303(2)', '2025-01-01')[0]).toBe('BNS 303(2)');
    expect(top('64', '2025-01-01').slice(0, 2)).toEqual(['BNS 64(1)', 'BNS 64(2)']);
  });
  it('reads "धारा" and Devanagari digits', () => {
    expect(top('धारा ३०३(२)', '2025-01-01')[0]).toBe('BNS 303(2)');
  });
  it('finds by Hindi words: the title’s legal Hindi and the everyday word', () => {
    expect(top('चोरी', '2025-01-01')[0]).toBe('BNS 303(2)');
    expect(top('बलात्संग', '2025-01-01')).toContain('BNS 64(1)');
    expect(top('बलात्कार', '2025-01-01')).toContain('BNS 64(1)'); // common word, via keywords
    expect(top('हत्या', '2025-01-01')[0]).toBe('BNS 103(1)');
  });
  it('finds by English words and Hinglish', () => {
    expect(top('theft', '2025-01-01')[0]).toBe('BNS 303(2)');
    expect(top('chain snatching', '2025-01-01')[0]).toBe('BNS 304(2)');
    expect(top('chori', '2025-01-01')[0]).toBe('BNS 303(2)');
  });
  it('offers only the code in force on the offence date', () => {
    expect(top('theft', '2023-05-01')[0]).toBe('IPC 379');
    expect(top('theft', '2023-05-01').every((k) => !k.startsWith('BNS'))).toBe(true);
    expect(top('theft', '2025-05-01').every((k) => !k.startsWith('IPC'))).toBe(true);
  });
  it('offers the BNS section for an IPC number typed for a BNS-era offence', () => {
    const hits = searchSections('420', { date: '2025-01-01' });
    expect(hits[0]).toMatchObject({ matchedBy: 'ipc_equivalent', viaIpc: '420', section: { actCode: 'BNS', sectionCode: '318(4)' } });
    expect(top('IPC 302', '2025-01-01')[0]).toBe('BNS 103(1)');
  });
  it('honours an act named in the query', () => {
    expect(top('NDPS 20', '2025-01-01')[0]).toBe('NDPS 20(b)(ii)(A)');
    expect(top('302 IPC', '2020-01-01')[0]).toBe('IPC 302');
  });
  it('never offers a disabled section, unless asked', () => {
    expect(top('hit and run', '2025-01-01')).not.toContain('BNS 106(2)');
    expect(searchSections('106(2)', { includeDisabled: true }).map((h) => h.section.sectionCode)).toContain('106(2)');
  });
  it('returns nothing for an empty query', () => {
    expect(searchSections('   ')).toEqual([]);
  });
});

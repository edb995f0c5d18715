import { describe, expect, it } from 'vitest';
import {
  band,
  bandWithBasis,
  custodyLimit,
  custodyLimitFor,
  forensicVisit,
  gravest,
  infirmArrestNeedsPermission,
  noticeOfAppearance,
  onContestedTenYearLine,
  parsePunishment,
  preliminaryEnquiry,
  type PunishmentNumbers,
} from './punishment.js';
import { getCatalogue } from './catalogue.js';

const years = (maxYears: number, minYears?: number): PunishmentNumbers => ({
  maxMonths: maxYears * 12,
  minMonths: minYears === undefined ? null : minYears * 12,
  maxDeath: false,
  maxLife: false,
  fineOnly: false,
});
const life: PunishmentNumbers = { maxMonths: null, minMonths: null, maxDeath: false, maxLife: true, fineOnly: false };
const death: PunishmentNumbers = { maxMonths: null, minMonths: null, maxDeath: true, maxLife: true, fineOnly: false };
const c = getCatalogue();

describe('parsePunishment reads the numbers out of the source text', () => {
  it.each([
    ['Imprisonment up to 3 years, or fine, or both', { maxMonths: 36, minMonths: null, maxLife: false, maxDeath: false, fineOnly: false }],
    [
      'Rigorous imprisonment not less than 10 years, may extend to imprisonment for life, and fine',
      { maxMonths: null, minMonths: 120, maxLife: true },
    ],
    ['Rigorous imprisonment 10-20 years and fine Rs 1-2 lakh (court may impose higher fine)', { maxMonths: 240, minMonths: 120 }],
    [
      'First: 6 months-1 year, or fine Rs 1,000-5,000, or both; subsequent within 3 years: up to 2 years, or fine Rs 10,000, or both',
      { maxMonths: 24, minMonths: null },
    ],
    [
      'Death, or imprisonment for life, or rigorous imprisonment not less than 10 years, and fine',
      { maxDeath: true, maxLife: true, minMonths: 120 },
    ],
    ['Fine up to Rs 5,000', { maxMonths: 0, fineOnly: true }],
    ['Simple imprisonment up to 24 hours, or fine up to Rs 1,000, or both, or community service', { maxMonths: 0.03, fineOnly: false }],
    ['Imprisonment up to 3 years and fine; if the intended offence is theft: up to 10 years', { maxMonths: 120, minMonths: null }],
    ['First conviction: 1-3 years and fine; second or subsequent conviction: 3-7 years and fine', { maxMonths: 84, minMonths: 12 }],
    ['Imprisonment not less than seven years, may extend to fourteen years, and fine', { maxMonths: 168, minMonths: 84 }],
  ])('%s', (text, expected) => {
    expect(parsePunishment(text)).toMatchObject(expected);
  });

  it('does not read a condition about another offence as this punishment', () => {
    // IPC 201: "If the offence is punishable with death: up to 7 years" is 7 years, not death.
    const p = parsePunishment(c.getSection('IPC', '201').punishmentText);
    expect(p).toMatchObject({ maxMonths: 84, maxDeath: false, maxLife: false });
  });

  it('treats read-with and fractional punishments as indeterminate', () => {
    for (const t of [
      'Same as for the offence abetted',
      'Definition; punishment under s.105',
      'Up to one-half of imprisonment for life or of the longest term provided for the offence, or fine, or both',
      'Up to 2 years in addition to the punishment for criminal intimidation',
      'Varies by State and quantity',
    ]) {
      expect(band(parsePunishment(t)), t).toBeUndefined();
    }
  });

  it('keeps a stated minimum without a maximum as indeterminate (Dowry Prohibition Act s.3)', () => {
    const p = parsePunishment(c.getSection('DPA', '3(1)').punishmentText);
    expect(p).toMatchObject({ maxMonths: null, minMonths: 60, maxLife: false });
    expect(band(p)).toBeUndefined();
  });
});

describe('band follows the law’s edges, not the source’s band column', () => {
  it('puts exactly 3 years in 3to7 (BNSS 173(3): three years or more)', () => {
    expect(band(years(3))).toBe('3to7');
    expect(band({ ...years(0), maxMonths: 35 })).toBe('upto3');
  });
  it('puts exactly 7 years in 7plus (BNSS 176(3): seven years or more)', () => {
    expect(band(years(7))).toBe('7plus');
    expect(band({ ...years(0), maxMonths: 83 })).toBe('3to7');
  });
  it('puts 10 years in 7plus and life or death in death_life', () => {
    expect(band(years(10))).toBe('7plus');
    expect(band(life)).toBe('death_life');
    expect(band(death)).toBe('death_life');
  });
  it('gives the basis of a band with it', () => {
    expect(bandWithBasis(years(3))).toEqual({ band: '3to7', basis: expect.stringMatching(/BNSS 173\(3\)/) });
  });
  it('puts fine-only offences in upto3', () => {
    expect(band(c.getSection('BNS', '285'))).toBe('upto3');
  });
  it('disagrees with the source band where the source was approximate: BNS 77 (7 years) is 7plus', () => {
    expect(band(c.getSection('BNS', '77'))).toBe('7plus');
    expect(band(c.getSection('BNS', '118(1)'))).toBe('3to7'); // source: upto_3y
  });
});

describe('rules that hang on the band return their legal basis', () => {
  it('allows a preliminary enquiry for exactly 3 years but not for exactly 7 years', () => {
    expect(preliminaryEnquiry(years(3))).toMatchObject({ applies: true, days: 14 });
    const seven = preliminaryEnquiry(years(7));
    expect(seven.applies).toBe(false);
    expect(seven.basis).toMatch(/BNSS 173\(3\)/);
  });
  it('requires a forensic visit for exactly 7 years, and for life, but not below 7', () => {
    expect(forensicVisit(years(7))).toMatchObject({ applies: true });
    expect(forensicVisit(years(7)).basis).toMatch(/BNSS 176\(3\)/);
    expect(forensicVisit(life).applies).toBe(true);
    expect(forensicVisit({ ...years(0), maxMonths: 83 }).applies).toBe(false);
  });
  it('gives a notice of appearance up to and including 7 years (BNSS 35(1)(b)), not above', () => {
    expect(noticeOfAppearance(years(7)).applies).toBe(true);
    expect(noticeOfAppearance(years(10)).applies).toBe(false);
    expect(noticeOfAppearance(life).applies).toBe(false);
  });
  it('needs DSP permission to arrest an infirm person only below 3 years (BNSS 35(7))', () => {
    expect(infirmArrestNeedsPermission({ ...years(0), maxMonths: 35 }).applies).toBe(true);
    expect(infirmArrestNeedsPermission(years(3)).applies).toBe(false);
  });
  it('judges a case by its gravest section and ignores read-with sections', () => {
    const theft = c.getSection('BNS', '303(2)');
    const commonIntention = c.getSection('BNS', '3(5)');
    const houseTheft = c.getSection('BNS', '305');
    expect(gravest([theft, commonIntention, houseTheft])).toBe(houseTheft);
    expect(forensicVisit([theft, commonIntention, houseTheft]).applies).toBe(true);
    expect(preliminaryEnquiry([commonIntention])).toMatchObject({ applies: false, indeterminate: true });
  });
});

describe('BNSS 187(3): the 60/90-day detention limit', () => {
  it('gives 90 days for death or life, with the basis', () => {
    expect(custodyLimitFor(death)).toMatchObject({ days: 90, contested: false });
    expect(custodyLimitFor(life).basis).toMatch(/^BNSS 187\(3\)\(i\): 90 days/);
  });
  it('gives 60 days below 10 years', () => {
    const l = custodyLimitFor({ ...years(0), maxMonths: 119 });
    expect(l).toMatchObject({ days: 60, contested: false });
    expect(l.basis).toMatch(/^BNSS 187\(3\)\(ii\)/);
  });
  it('gives 90 days uncontested when the minimum term is 10 years or more', () => {
    expect(custodyLimitFor(years(20, 10))).toMatchObject({ days: 90, contested: false });
  });
  it('marks exactly 10 years (no 10-year minimum) as the contested line: 90 on the words, 60 on Rakesh Kumar Paul', () => {
    const onWords = custodyLimitFor(years(10));
    expect(onWords).toMatchObject({ days: 90, contested: true, alternativeDays: 60 });
    expect(onWords.basis).toMatch(/Rakesh Kumar Paul/);
    const onRkp = custodyLimitFor(years(10), { reading: 'minimum' });
    expect(onRkp).toMatchObject({ days: 60, contested: true, alternativeDays: 90 });
    expect(onContestedTenYearLine(years(10))).toBe(true);
    expect(onContestedTenYearLine(years(20, 10))).toBe(false);
  });
  it('lets a per-section override decide the contested line, and cites it', () => {
    const extortion = { ...c.getSection('BNS', '308(5)'), custodyDaysOverride: 60 as const, overrideBasis: 'High Court circular 12/2025' };
    const l = custodyLimitFor(extortion);
    expect(l).toMatchObject({ days: 60, contested: false });
    expect(l.basis).toMatch(/BNS 308\(5\)/);
    expect(l.basis).toMatch(/High Court circular 12\/2025/);
  });
  it('reads the CrPC words with Rakesh Kumar Paul by default for investigations pending on 1 July 2024', () => {
    const l = custodyLimitFor(c.getSection('IPC', '386'), { procedure: 'CRPC' });
    expect(l.days).toBe(60);
    expect(l.basis).toMatch(/^CrPC 167\(2\)\(a\)\(ii\)/);
  });
  it('takes the longest limit across a case’s sections, preferring an uncontested 90', () => {
    const murder = c.getSection('BNS', '103(1)');
    const extortion = c.getSection('BNS', '308(5)');
    const theft = c.getSection('BNS', '303(2)');
    expect(custodyLimit([theft, extortion, murder])).toMatchObject({ days: 90, contested: false, decidedBy: { sectionCode: '103(1)' } });
    expect(custodyLimit([theft, extortion])).toMatchObject({ days: 90, contested: true });
    expect(custodyLimit([theft])).toMatchObject({ days: 60, contested: false });
    expect(custodyLimit([c.getSection('BNS', '3(5)')])).toMatchObject({ days: 60, indeterminate: true });
  });
});

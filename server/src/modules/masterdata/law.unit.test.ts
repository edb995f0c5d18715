import { describe, expect, it } from 'vitest';
import { getCatalogue } from './catalogue.js';
import {
  isSensitiveCase,
  penalCodeAt,
  penalCodeOn,
  penalCodesFor,
  procedureFor,
  sectionErrorFields,
  twoMonthInvestigation,
  validateSections,
} from './law.js';

const c = getCatalogue();

describe('which penal code applies follows the date of the offence', () => {
  it('is the IPC on 30 June 2024 and the BNS on 1 July 2024', () => {
    expect(penalCodeOn('2024-06-30')).toBe('IPC');
    expect(penalCodeOn('2024-07-01')).toBe('BNS');
  });
  it('judges an instant by its calendar date in India, not in UTC', () => {
    // 30 June 2024, 23:30 IST is 18:00 UTC: still the IPC. 1 July 00:10 IST is 30 June in UTC: the BNS.
    expect(penalCodeAt(new Date('2024-06-30T18:00:00Z'))).toBe('IPC');
    expect(penalCodeAt(new Date('2024-06-30T18:40:00Z'))).toBe('BNS');
  });
  it('admits both codes for an occurrence window that straddles 1 July 2024', () => {
    expect(penalCodesFor({ from: '2024-06-28', to: '2024-07-02' })).toEqual(['IPC', 'BNS']);
    expect(penalCodesFor({ from: '2024-07-01', to: '2024-07-02' })).toEqual(['BNS']);
  });
  it('keeps an investigation registered before 1 July 2024 under the CrPC (BNSS 531(2)(a))', () => {
    expect(procedureFor('2024-06-30')).toBe('CRPC');
    expect(procedureFor('2024-07-01')).toBe('BNSS');
  });
});

describe('validateSections names what is wrong with each item', () => {
  it('accepts IPC sections for an offence before 1 July 2024 even when registered later', () => {
    const v = validateSections(
      [
        { act: 'IPC', section: '379' },
        { act: 'IPC', section: '34' },
      ],
      '2024-06-30',
    );
    expect(v.ok).toBe(true);
    expect(v.sections.map((s) => s.sectionCode)).toEqual(['379', '34']);
  });
  it('refuses the IPC for an offence on 1 July 2024 and suggests the BNS section', () => {
    const v = validateSections([{ act: 'IPC', section: '420' }], '2024-07-01');
    expect(v.errors).toEqual([
      expect.objectContaining({ index: 0, code: 'act_not_applicable', suggestions: [{ act: 'BNS', section: '318(4)' }] }),
    ]);
    expect(v.errors[0].messageHi).toMatch(/भारतीय दंड संहिता/);
  });
  it('refuses the BNS for an offence before 1 July 2024 and suggests the IPC section', () => {
    const v = validateSections([{ act: 'BNS', section: '303(2)' }], '2024-06-30');
    expect(v.errors[0]).toMatchObject({ code: 'act_not_applicable', suggestions: [{ act: 'IPC', section: '379' }] });
  });
  it('refuses BNS 106(2), hit and run, which is not in force', () => {
    const v = validateSections([{ act: 'BNS', section: '106(2)' }], '2025-03-01');
    expect(v.errors[0]).toMatchObject({ code: 'section_disabled', section: '106(2)' });
    expect(v.errors[0].message).toMatch(/S\.O\. 850\(E\)/);
    expect(c.getSection('BNS', '106(2)')).toMatchObject({ enabled: false, inForceFrom: null });
    expect(validateSections([{ act: 'BNS', section: '106(1)' }], '2025-03-01').ok).toBe(true);
  });
  it('refuses IPC sections struck down or kept in abeyance (303, 124A)', () => {
    const v = validateSections(
      [
        { act: 'IPC', section: '303' },
        { act: 'IPC', section: '124A' },
      ],
      '2023-05-01',
    );
    expect(v.errors.map((e) => e.code)).toEqual(['section_disabled', 'section_disabled']);
  });
  it('refuses a section not yet in force on the date: IPC 376AB (2018) for a 2017 offence', () => {
    const v = validateSections([{ act: 'IPC', section: '376AB' }], '2017-12-31');
    expect(v.errors[0]).toMatchObject({ code: 'section_not_in_force' });
    expect(validateSections([{ act: 'IPC', section: '376AB' }], '2018-04-21').ok).toBe(true);
  });
  it('refuses a special Act before it came into force', () => {
    const v = validateSections([{ act: 'POCSO', section: '4' }], '2010-01-01');
    expect(v.errors[0]).toMatchObject({ code: 'act_not_applicable' });
  });
  it('names unknown acts and sections, one error per item, in order', () => {
    const v = validateSections(
      [
        { act: 'BNS', section: '303(2)' },
        { act: 'BNS', section: '999' },
        { act: 'XYZ', section: '1' },
      ],
      '2025-01-01',
    );
    expect(v.ok).toBe(false);
    expect(v.sections).toEqual([]);
    expect(v.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'unknown_section'],
      [2, 'unknown_act'],
    ]);
    expect(sectionErrorFields(v.errors)).toEqual({ 'sections.1': v.errors[0].message, 'sections.2': v.errors[1].message });
  });
  it('is forgiving about spacing and case in what the officer typed', () => {
    const v = validateSections(
      [
        { act: 'bns', section: ' 303 (2) ' },
        { act: 'NDPS', section: '20(B)(ii)(a)' },
      ],
      '2025-01-01',
    );
    expect(v.ok).toBe(true);
    expect(v.sections.map((s) => `${s.actCode} ${s.sectionCode}`)).toEqual(['BNS 303(2)', 'NDPS 20(b)(ii)(A)']);
  });
  it('accepts both codes inside a window that straddles the commencement', () => {
    const w = { from: '2024-06-29', to: '2024-07-03' };
    expect(validateSections([{ act: 'IPC', section: '379' }], w).ok).toBe(true);
    expect(validateSections([{ act: 'BNS', section: '303(2)' }], w).ok).toBe(true);
  });
  it('refuses a malformed date or a window that ends before it starts', () => {
    expect(validateSections([{ act: 'BNS', section: '303(2)' }], '2025-13-01').errors[0].code).toBe('invalid_date');
    expect(validateSections([{ act: 'BNS', section: '303(2)' }], { from: '2025-02-01', to: '2025-01-01' }).errors[0].code).toBe(
      'invalid_date',
    );
  });
});

describe('rules that name sections', () => {
  it('runs the two-month investigation clock for rape and POCSO sections (BNSS 193(2))', () => {
    expect(twoMonthInvestigation([c.getSection('BNS', '64(1)')]).applies).toBe(true);
    expect(twoMonthInvestigation([c.getSection('POCSO', '8')]).basis).toMatch(/BNSS 193\(2\)/);
    expect(twoMonthInvestigation([c.getSection('IPC', '376(1)')]).applies).toBe(true);
    expect(twoMonthInvestigation([c.getSection('BNS', '69')]).applies).toBe(false); // 69 is not in 193(2)
    expect(twoMonthInvestigation([c.getSection('BNS', '74')]).applies).toBe(false);
  });
  it('makes a case sensitive when any section is', () => {
    expect(isSensitiveCase([c.getSection('BNS', '303(2)'), c.getSection('BNS', '74')])).toBe(true);
    expect(isSensitiveCase([c.getSection('BNS', '303(2)')])).toBe(false);
  });
});

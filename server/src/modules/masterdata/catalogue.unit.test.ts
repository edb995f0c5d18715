import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASTERDATA_DIR, buildCatalogue, getCatalogue, loadCatalogue, readMasterDataDir } from './catalogue.js';
import { parseCsv, toCsv } from './csv.js';
import { sensitiveSections } from './index.js';

const c = getCatalogue();

describe('the shipped master data files', () => {
  it('load without a single problem: unique keys, known acts, crime heads and mapping targets that exist, numbers that match the text', () => {
    // buildCatalogue throws listing every problem; getCatalogue() above would have thrown.
    expect(() => buildCatalogue(readMasterDataDir())).not.toThrow();
    expect(c.sectionsOf('BNS').filter((s) => s.kind === 'offence')).toHaveLength(194);
    expect(c.sectionsOf('IPC').length).toBeGreaterThan(150);
  });

  it('has no duplicate section keys', () => {
    const keys = c.sections.map((s) => `${s.actCode} ${s.sectionCode.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('references only crime heads that exist', () => {
    const missing = c.sections.filter((s) => s.crimeHeadCode && !c.findCrimeHead(s.crimeHeadCode));
    expect(missing).toEqual([]);
    for (const mo of c.modusOperandi) for (const h of mo.crimeHeadCodes) expect(c.findCrimeHead(h), `${mo.code} → ${h}`).toBeDefined();
  });

  it('maps every IPC section to BNS sections that exist, and every mapped IPC section exists', () => {
    for (const m of c.mappings) {
      expect(c.findSection('BNS', m.bnsSection), `BNS ${m.bnsSection}`).toBeDefined();
      expect(c.findSection('IPC', m.ipcSection), `IPC ${m.ipcSection}`).toBeDefined();
    }
    expect(c.bnsForIpc('302').map((m) => m.bnsSection)).toEqual(['103(1)']);
    expect(
      c
        .ipcForBns('70(2)')
        .map((m) => m.ipcSection)
        .sort(),
    ).toEqual(['376DA', '376DB']);
  });

  it('keeps BNS 106(2) present but disabled', () => {
    expect(c.getSection('BNS', '106(2)')).toMatchObject({ enabled: false, maxMonths: 120 });
  });

  it('marks theft under BNS 303(2) cognizable and bailable "depends" (Rs 5,000 first-offence proviso)', () => {
    expect(c.getSection('BNS', '303(2)')).toMatchObject({ cognizable: 'depends', bailable: 'depends', compoundable: 'yes' });
  });

  it('marks sexual offences (BNS 63-79) and POCSO sensitive', () => {
    for (const s of c.sectionsOf('BNS')) {
      const n = parseInt(s.sectionCode, 10);
      if (n >= 63 && n <= 79) expect(s.sensitive, `BNS ${s.sectionCode}`).toBe('yes');
    }
    for (const s of c.sectionsOf('POCSO')) expect(s.sensitive, `POCSO ${s.sectionCode}`).toBe('yes');
    expect(sensitiveSections().has('BNS 64(1)')).toBe(true);
    expect(sensitiveSections().has('BNS 70(1)')).toBe(true);
    expect(sensitiveSections().has('IPC 376(1)')).toBe(true);
    expect(sensitiveSections().has('BNS 303(2)')).toBe(false);
  });

  it('records court-permission compounding (BNSS 359(2)) apart from compounding as of right', () => {
    expect(c.getSection('BNS', '318(4)').compoundable).toBe('court');
    expect(c.getSection('BNS', '115(2)').compoundable).toBe('yes');
    expect(c.getSection('BNS', '85').compoundable).toBe('no');
  });

  it('looks sections up regardless of case and spacing', () => {
    expect(c.findSection('bns', '64 (1)')?.titleEn).toBe('Punishment for rape');
    expect(c.findSection('IPC', '354a')?.sectionCode).toBe('354A');
    expect(() => c.getSection('BNS', '9999')).toThrow(/No section 9999/);
  });
});

describe('an administrator extending the files', () => {
  function copyOfShippedData(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'masterdata-'));
    cpSync(MASTERDATA_DIR, dir, { recursive: true });
    return dir;
  }

  it('adds a state’s local Act and a per-section 60/90-day decision in states/<CODE>/', () => {
    const dir = copyOfShippedData();
    const st = path.join(dir, 'states', 'BR');
    mkdirSync(st, { recursive: true });
    writeFileSync(
      path.join(st, 'acts.csv'),
      'code,state_code,short_name,name_en,name_hi,year,kind,in_force_from,in_force_to,replaced_by,enabled,notes\n' +
        'BR-PROHIBITION,,Bihar Prohibition Act,"Bihar Prohibition and Excise Act, 2016","बिहार मद्यनिषेध और उत्पाद अधिनियम, 2016",2016,local,2016-04-01,,,true,\n',
    );
    const header = readFileSync(path.join(dir, 'sections.csv'), 'utf8').split('\n')[0].split(',');
    writeFileSync(
      path.join(st, 'sections.csv'),
      toCsv(header, [
        {
          act_code: 'BR-PROHIBITION',
          section_code: '30(a)',
          kind: 'offence',
          title_en: 'Manufacture of liquor',
          title_hi: 'शराब का विनिर्माण',
          keywords: 'daru; दारू',
          punishment_max: 'Imprisonment not less than 10 years, may extend to imprisonment for life, and fine',
          max_months: '',
          min_months: '120',
          max_death: 'false',
          max_life: 'true',
          fine_only: 'false',
          cognizable: 'yes',
          bailable: 'no',
          compoundable: 'no',
          sensitive: 'no',
          crime_head_code: 'S04',
          in_force_from: '2016-04-01',
          enabled: 'true',
          verified: 'unverified',
        },
      ]),
    );
    writeFileSync(
      path.join(st, 'section-overrides.csv'),
      'act_code,section_code,custody_days_override,basis\nBNS,308(5),60,Patna High Court practice\n',
    );
    const cat = loadCatalogue(dir);
    expect(cat.findSection('BR-PROHIBITION', '30(a)')).toMatchObject({ stateCode: 'BR', maxLife: true });
    expect(cat.findAct('BR-PROHIBITION')?.stateCode).toBe('BR');
    expect(cat.sectionForState('BR', 'BNS', '308(5)')).toMatchObject({
      custodyDaysOverride: 60,
      overrideBasis: 'Patna High Court practice',
    });
    expect(cat.sectionForState('UP', 'BNS', '308(5)')?.custodyDaysOverride).toBeNull();
  });

  it('is refused with every problem named: a duplicate key, an unknown crime head, numbers that contradict the text', () => {
    const dir = copyOfShippedData();
    const file = path.join(dir, 'sections.csv');
    const text = readFileSync(file, 'utf8');
    const header = text.split('\n')[0].split(',');
    const rows = parseCsv(text);
    const theft = rows.find((r) => r.act_code === 'BNS' && r.section_code === '303(2)')!;
    rows.push({ ...theft }); // duplicate key
    rows.find((r) => r.act_code === 'BNS' && r.section_code === '305')!.crime_head_code = '99.9';
    rows.find((r) => r.act_code === 'BNS' && r.section_code === '64(1)')!.max_life = 'false';
    writeFileSync(file, toCsv(header, rows));
    let message = '';
    try {
      loadCatalogue(dir);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/duplicate key BNS 303\(2\)/);
    expect(message).toMatch(/BNS 305: crime head 99\.9 is not in crime-heads\.csv/);
    expect(message).toMatch(/BNS 64\(1\): max_life is false but punishment_max reads as true/);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks and a byte-order mark', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n');
    expect(rows).toEqual([
      { a: 'x, y', b: 'say "hi"', c: 'two\nlines' },
      { a: '1', b: '', c: '3' },
    ]);
  });
  it('names the line of a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3,4,5\n', 'f.csv')).toThrow('f.csv:3: expected 2 fields, found 3');
  });
  it('round-trips through toCsv', () => {
    const rows = [{ a: 'x, "y"', b: 'बलात्संग' }];
    expect(parseCsv(toCsv(['a', 'b'], rows))).toEqual(rows);
  });
});

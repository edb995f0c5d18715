/**
 * The acts-and-sections catalogue: the master data files read into memory, checked, and
 * indexed for lookups. Built from the CSV files (`readMasterDataDir`) or from the database
 * rows the loader wrote (`loader.ts`), through the same checks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, type CsvRow } from './csv.js';
import { parsePunishment } from './punishment-text.js';
import type {
  Act,
  ActKind,
  Compoundable,
  CrimeHead,
  IpcBnsMapping,
  ModusOperandi,
  Section,
  SectionKind,
  SectionOverride,
  TriState,
} from './types.js';

/** The master data release this code reads by default. */
export const MASTERDATA_VERSION = 1;
export const MASTERDATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../masterdata', `v${MASTERDATA_VERSION}`);

export const FILES = {
  acts: 'acts.csv',
  sections: 'sections.csv',
  map: 'ipc-bns-map.csv',
  heads: 'crime-heads.csv',
  mo: 'modus-operandi.csv',
  overrides: 'section-overrides.csv',
} as const;

/** The rows of every file, national first, then each state's folder under `states/<CODE>/`. */
export interface RawMasterData {
  acts: CsvRow[];
  sections: CsvRow[];
  map: CsvRow[];
  heads: CsvRow[];
  mo: CsvRow[];
  overrides: CsvRow[];
}

/** Reads the CSV files of a master data release, with the state folders' rows appended (their state_code filled in). */
export function readMasterDataDir(dir = MASTERDATA_DIR): RawMasterData {
  const raw: RawMasterData = { acts: [], sections: [], map: [], heads: [], mo: [], overrides: [] };
  const readInto = (folder: string, stateCode: string | null) => {
    for (const [key, file] of Object.entries(FILES) as [keyof RawMasterData, string][]) {
      const f = path.join(folder, file);
      if (!existsSync(f)) continue;
      const rows = parseCsv(readFileSync(f, 'utf8'), path.relative(dir, f) || file);
      for (const r of rows) {
        if (stateCode) {
          if (r.state_code && r.state_code !== stateCode) {
            throw new Error(`${path.relative(dir, f)}: a row has state_code ${r.state_code} in the folder of ${stateCode}`);
          }
          r.state_code = stateCode;
        }
        raw[key].push(r);
      }
    }
  };
  readInto(dir, null);
  const statesDir = path.join(dir, 'states');
  if (existsSync(statesDir)) {
    for (const st of readdirSync(statesDir, { withFileTypes: true })) {
      if (st.isDirectory()) readInto(path.join(statesDir, st.name), st.name.toUpperCase());
    }
  }
  return raw;
}

// ---------------------------------------------------------------------------------------------
// Row checks: every problem in the files is reported at once, naming file, key and column.

class Problems {
  readonly list: string[] = [];
  add(msg: string) {
    this.list.push(msg);
  }
  throwIfAny() {
    if (this.list.length) {
      throw new Error(`Master data has ${this.list.length} problem(s):\n- ${this.list.slice(0, 50).join('\n- ')}`);
    }
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATE = /^[A-Z]{2}$/;

function text(r: CsvRow, col: string): string {
  return (r[col] ?? '').trim();
}
function opt(r: CsvRow, col: string): string | null {
  const v = text(r, col);
  return v === '' ? null : v;
}
function oneOf<T extends string>(p: Problems, where: string, r: CsvRow, col: string, allowed: readonly T[]): T {
  const v = text(r, col);
  if (!(allowed as readonly string[]).includes(v)) p.add(`${where}: ${col} "${v}" is not one of ${allowed.join('/')}`);
  return v as T;
}
function bool(p: Problems, where: string, r: CsvRow, col: string): boolean {
  const v = text(r, col).toLowerCase();
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  p.add(`${where}: ${col} "${r[col]}" is not true/false`);
  return false;
}
function date(p: Problems, where: string, r: CsvRow, col: string): string | null {
  const v = opt(r, col);
  if (v !== null && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) p.add(`${where}: ${col} "${v}" is not a YYYY-MM-DD date`);
  return v;
}
function num(p: Problems, where: string, r: CsvRow, col: string): number | null {
  const v = opt(r, col);
  if (v === null) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) p.add(`${where}: ${col} "${v}" is not a non-negative number`);
  return n;
}
function stateCode(p: Problems, where: string, r: CsvRow): string | null {
  const v = opt(r, 'state_code');
  if (v !== null && !STATE.test(v)) p.add(`${where}: state_code "${v}" is not a two-letter state code`);
  return v;
}

const TRI = ['yes', 'no', 'depends'] as const;
const COMPOUND = ['yes', 'court', 'no', 'depends'] as const;
const SECTION_KINDS = ['offence', 'linking', 'definition'] as const;
const ACT_KINDS = ['penal_code', 'procedure', 'evidence', 'special', 'local'] as const;

export function sectionKey(actCode: string, sectionCode: string): string {
  return `${actCode.trim().toUpperCase()} ${normaliseSectionCode(sectionCode).toLowerCase()}`;
}

/** "s. 303 (2)" → "303(2)"; keeps the letters' case ("20(b)(ii)(A)", "354A"). */
export function normaliseSectionCode(s: string): string {
  return s
    .trim()
    .replace(/^(?:u\/s|sec(?:tion)?\.?|s\.)\s*/i, '')
    .replace(/\s+/g, '');
}

function toAct(p: Problems, r: CsvRow): Act {
  const code = text(r, 'code');
  const where = `acts.csv ${code || '(no code)'}`;
  if (!/^[A-Z][A-Z0-9-]*$/.test(code)) p.add(`${where}: code must be upper-case letters, digits or '-'`);
  const year = num(p, where, r, 'year');
  return {
    code,
    stateCode: stateCode(p, where, r),
    shortName: text(r, 'short_name') || code,
    nameEn: text(r, 'name_en'),
    nameHi: text(r, 'name_hi'),
    year: year === null ? null : Math.trunc(year),
    kind: oneOf<ActKind>(p, where, r, 'kind', ACT_KINDS),
    inForceFrom: date(p, where, r, 'in_force_from'),
    inForceTo: date(p, where, r, 'in_force_to'),
    replacedBy: opt(r, 'replaced_by'),
    enabled: bool(p, where, r, 'enabled'),
    notes: text(r, 'notes'),
  };
}

function toSection(p: Problems, r: CsvRow): Section {
  const actCode = text(r, 'act_code');
  const sectionCode = text(r, 'section_code');
  const where = `sections.csv ${actCode} ${sectionCode}`;
  if (!actCode || !sectionCode) p.add(`${where}: act_code and section_code are required`);
  if (sectionCode !== normaliseSectionCode(sectionCode)) p.add(`${where}: section_code must be written without spaces or "s."`);
  const override = num(p, where, r, 'custody_days_override');
  if (override !== null && override !== 60 && override !== 90) p.add(`${where}: custody_days_override must be 60, 90 or empty`);
  const title = text(r, 'title_en');
  if (!title) p.add(`${where}: title_en is required`);
  if (!text(r, 'title_hi')) p.add(`${where}: title_hi is required`);
  const s: Section = {
    actCode,
    sectionCode,
    stateCode: stateCode(p, where, r),
    kind: oneOf<SectionKind>(p, where, r, 'kind', SECTION_KINDS),
    titleEn: title,
    titleHi: text(r, 'title_hi'),
    keywords: text(r, 'keywords')
      .split(';')
      .map((k) => k.trim())
      .filter(Boolean),
    punishmentText: text(r, 'punishment_max'),
    maxMonths: num(p, where, r, 'max_months'),
    minMonths: num(p, where, r, 'min_months'),
    maxDeath: bool(p, where, r, 'max_death'),
    maxLife: bool(p, where, r, 'max_life'),
    fineOnly: bool(p, where, r, 'fine_only'),
    cognizable: oneOf<TriState>(p, where, r, 'cognizable', TRI),
    bailable: oneOf<TriState>(p, where, r, 'bailable', TRI),
    compoundable: oneOf<Compoundable>(p, where, r, 'compoundable', COMPOUND),
    sensitive: oneOf<TriState>(p, where, r, 'sensitive', TRI),
    crimeHeadCode: opt(r, 'crime_head_code'),
    triableBy: text(r, 'triable_by'),
    inForceFrom: date(p, where, r, 'in_force_from'),
    inForceTo: date(p, where, r, 'in_force_to'),
    enabled: bool(p, where, r, 'enabled'),
    disabledReason: text(r, 'disabled_reason'),
    custodyDaysOverride: override as 60 | 90 | null,
    verified: text(r, 'verified'),
    notes: text(r, 'notes'),
  };
  if (s.maxLife || s.maxDeath) {
    if (s.maxMonths !== null) p.add(`${where}: max_months must be empty when death or life is possible`);
  }
  if (s.minMonths !== null && s.maxMonths !== null && s.minMonths > s.maxMonths) p.add(`${where}: min_months exceeds max_months`);
  if (s.fineOnly && s.maxMonths !== 0) p.add(`${where}: fine_only rows have max_months 0`);
  if (!s.enabled && !s.disabledReason) p.add(`${where}: a disabled section needs a disabled_reason`);
  if (s.enabled && s.inForceFrom === null) p.add(`${where}: an enabled section needs in_force_from`);
  // The numbers are data, but they must say what the text says (the parser is the referee).
  const parsed = parsePunishment(s.punishmentText);
  for (const [col, a, b] of [
    ['max_months', s.maxMonths, parsed.maxMonths],
    ['min_months', s.minMonths, parsed.minMonths],
    ['max_death', s.maxDeath, parsed.maxDeath],
    ['max_life', s.maxLife, parsed.maxLife],
    ['fine_only', s.fineOnly, parsed.fineOnly],
  ] as const) {
    if (a !== b) p.add(`${where}: ${col} is ${a} but punishment_max reads as ${b}`);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------

export class Catalogue {
  readonly acts: readonly Act[];
  readonly sections: readonly Section[];
  readonly mappings: readonly IpcBnsMapping[];
  readonly crimeHeads: readonly CrimeHead[];
  readonly modusOperandi: readonly ModusOperandi[];
  readonly overrides: readonly SectionOverride[];
  /** Keys ("BNS 64(1)") of sections flagged sensitive: such FIRs never reach public pages. */
  readonly sensitiveSections: ReadonlySet<string>;

  private readonly actByCode = new Map<string, Act>();
  private readonly sectionByKey = new Map<string, Section>();
  private readonly headByCode = new Map<string, CrimeHead>();
  private readonly byIpc = new Map<string, IpcBnsMapping[]>();
  private readonly byBns = new Map<string, IpcBnsMapping[]>();
  private readonly overrideByKey = new Map<string, SectionOverride>();

  constructor(parts: {
    acts: Act[];
    sections: Section[];
    mappings: IpcBnsMapping[];
    crimeHeads: CrimeHead[];
    modusOperandi: ModusOperandi[];
    overrides: SectionOverride[];
  }) {
    this.acts = parts.acts;
    this.sections = parts.sections;
    this.mappings = parts.mappings;
    this.crimeHeads = parts.crimeHeads;
    this.modusOperandi = parts.modusOperandi;
    this.overrides = parts.overrides;
    for (const a of parts.acts) this.actByCode.set(a.code, a);
    for (const s of parts.sections) this.sectionByKey.set(sectionKey(s.actCode, s.sectionCode), s);
    for (const h of parts.crimeHeads) this.headByCode.set(h.code, h);
    for (const m of parts.mappings) {
      push(this.byIpc, m.ipcSection.toLowerCase(), m);
      push(this.byBns, m.bnsSection.toLowerCase(), m);
    }
    for (const o of parts.overrides) this.overrideByKey.set(`${o.stateCode} ${sectionKey(o.actCode, o.sectionCode)}`, o);
    this.sensitiveSections = new Set(parts.sections.filter((s) => s.sensitive === 'yes').map((s) => `${s.actCode} ${s.sectionCode}`));
  }

  findAct(code: string): Act | undefined {
    return this.actByCode.get(code.trim().toUpperCase());
  }

  findSection(actCode: string, sectionCode: string): Section | undefined {
    return this.sectionByKey.get(sectionKey(actCode, sectionCode));
  }

  /** Like findSection, but throws when the section is not in the master data. */
  getSection(actCode: string, sectionCode: string): Section {
    const s = this.findSection(actCode, sectionCode);
    if (!s) throw new Error(`No section ${sectionCode} of ${actCode} in the master data`);
    return s;
  }

  sectionsOf(actCode: string): Section[] {
    const code = actCode.trim().toUpperCase();
    return this.sections.filter((s) => s.actCode === code);
  }

  /**
   * The section as a state applies it: the state's override (its 60/90-day class for the
   * contested 10-year line) replaces the national value. Undefined if the section is unknown.
   */
  sectionForState(
    stateCode: string | null | undefined,
    actCode: string,
    sectionCode: string,
  ): (Section & { overrideBasis?: string }) | undefined {
    const s = this.findSection(actCode, sectionCode);
    if (!s || !stateCode) return s;
    const o = this.overrideByKey.get(`${stateCode} ${sectionKey(actCode, sectionCode)}`);
    return o ? { ...s, custodyDaysOverride: o.custodyDaysOverride, overrideBasis: o.basis } : s;
  }

  isSensitive(actCode: string, sectionCode: string): boolean {
    return this.findSection(actCode, sectionCode)?.sensitive === 'yes';
  }

  /** BNS sections that replaced an IPC section. */
  bnsForIpc(ipcSection: string): IpcBnsMapping[] {
    return this.byIpc.get(normaliseSectionCode(ipcSection).toLowerCase()) ?? [];
  }

  /** IPC sections that a BNS section replaced. */
  ipcForBns(bnsSection: string): IpcBnsMapping[] {
    return this.byBns.get(normaliseSectionCode(bnsSection).toLowerCase()) ?? [];
  }

  findCrimeHead(code: string): CrimeHead | undefined {
    return this.headByCode.get(code);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Checks every row and cross-reference and builds the catalogue. Throws one error listing
 * every problem: unknown columns values, duplicate keys, a section of an unknown act, a
 * crime head or mapping target that does not exist, numbers that disagree with the text.
 */
export function buildCatalogue(raw: RawMasterData): Catalogue {
  const p = new Problems();
  const acts = raw.acts.map((r) => toAct(p, r));
  const sections = raw.sections.map((r) => toSection(p, r));
  const heads: CrimeHead[] = raw.heads.map((r) => {
    const where = `crime-heads.csv ${text(r, 'code')}`;
    const level = num(p, where, r, 'level');
    return {
      code: text(r, 'code'),
      parentCode: opt(r, 'parent_code'),
      level: level ?? 1,
      stateCode: stateCode(p, where, r),
      categoryEn: text(r, 'category_en'),
      nameEn: text(r, 'name_en'),
      nameHi: text(r, 'name_hi'),
      kind: text(r, 'kind'),
      source: text(r, 'source'),
      notes: text(r, 'notes'),
    };
  });
  const mappings: IpcBnsMapping[] = raw.map.map((r) => ({
    ipcSection: text(r, 'ipc_section'),
    bnsSection: text(r, 'bns_section'),
    relation: oneOf(p, `ipc-bns-map.csv ${text(r, 'ipc_section')}→${text(r, 'bns_section')}`, r, 'relation', [
      'equivalent',
      'partial',
      'replaced',
    ] as const),
    note: text(r, 'note'),
    sources: text(r, 'sources'),
    verified: text(r, 'verified'),
  }));
  const mo: ModusOperandi[] = raw.mo.map((r) => ({
    code: text(r, 'code'),
    stateCode: stateCode(p, `modus-operandi.csv ${text(r, 'code')}`, r),
    categoryEn: text(r, 'category_en'),
    categoryHi: text(r, 'category_hi'),
    nameEn: text(r, 'name_en'),
    nameHi: text(r, 'name_hi'),
    crimeHeadCodes: text(r, 'crime_head_codes')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean),
    notes: text(r, 'notes'),
  }));
  const overrides: SectionOverride[] = raw.overrides.map((r) => {
    const where = `section-overrides.csv ${text(r, 'state_code')} ${text(r, 'act_code')} ${text(r, 'section_code')}`;
    const d = num(p, where, r, 'custody_days_override');
    if (d !== null && d !== 60 && d !== 90) p.add(`${where}: custody_days_override must be 60, 90 or empty`);
    const st = stateCode(p, where, r);
    if (!st) p.add(`${where}: a section override belongs to a state (state_code)`);
    return {
      stateCode: st ?? '',
      actCode: text(r, 'act_code'),
      sectionCode: text(r, 'section_code'),
      custodyDaysOverride: d as 60 | 90 | null,
      basis: text(r, 'basis'),
    };
  });

  // Keys are unique.
  dupes(
    p,
    'acts.csv',
    acts.map((a) => a.code),
  );
  dupes(
    p,
    'sections.csv',
    sections.map((s) => sectionKey(s.actCode, s.sectionCode)),
  );
  dupes(
    p,
    'crime-heads.csv',
    heads.map((h) => h.code),
  );
  dupes(
    p,
    'ipc-bns-map.csv',
    mappings.map((m) => `${m.ipcSection}→${m.bnsSection}`.toLowerCase()),
  );
  dupes(
    p,
    'modus-operandi.csv',
    mo.map((m) => m.code),
  );
  dupes(
    p,
    'section-overrides.csv',
    overrides.map((o) => `${o.stateCode} ${sectionKey(o.actCode, o.sectionCode)}`),
  );

  // Cross-references resolve.
  const actCodes = new Set(acts.map((a) => a.code));
  const headCodes = new Set(heads.map((h) => h.code));
  const keys = new Set(sections.map((s) => sectionKey(s.actCode, s.sectionCode)));
  for (const a of acts)
    if (a.replacedBy && !actCodes.has(a.replacedBy)) p.add(`acts.csv ${a.code}: replaced_by ${a.replacedBy} is not an act`);
  for (const s of sections) {
    if (!actCodes.has(s.actCode)) p.add(`sections.csv ${s.actCode} ${s.sectionCode}: act ${s.actCode} is not in acts.csv`);
    if (s.crimeHeadCode && !headCodes.has(s.crimeHeadCode)) {
      p.add(`sections.csv ${s.actCode} ${s.sectionCode}: crime head ${s.crimeHeadCode} is not in crime-heads.csv`);
    }
  }
  for (const h of heads)
    if (h.parentCode && !headCodes.has(h.parentCode)) p.add(`crime-heads.csv ${h.code}: parent ${h.parentCode} does not exist`);
  for (const m of mappings) {
    if (!keys.has(sectionKey('IPC', m.ipcSection))) p.add(`ipc-bns-map.csv: IPC ${m.ipcSection} is not in sections.csv`);
    if (!keys.has(sectionKey('BNS', m.bnsSection))) p.add(`ipc-bns-map.csv: BNS ${m.bnsSection} is not in sections.csv`);
  }
  for (const m of mo)
    for (const c of m.crimeHeadCodes) if (!headCodes.has(c)) p.add(`modus-operandi.csv ${m.code}: crime head ${c} does not exist`);
  for (const o of overrides) {
    if (!keys.has(sectionKey(o.actCode, o.sectionCode)))
      p.add(`section-overrides.csv: ${o.actCode} ${o.sectionCode} is not in sections.csv`);
  }
  p.throwIfAny();
  return new Catalogue({ acts, sections, mappings, crimeHeads: heads, modusOperandi: mo, overrides });
}

function dupes(p: Problems, file: string, keys: string[]) {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) p.add(`${file}: duplicate key ${k}`);
    seen.add(k);
  }
}

/** Reads and checks a master data release from its folder. */
export function loadCatalogue(dir = MASTERDATA_DIR): Catalogue {
  return buildCatalogue(readMasterDataDir(dir));
}

let shared: Catalogue | undefined;
/** The catalogue of the shipped master data, read once per process. */
export function getCatalogue(): Catalogue {
  shared ??= loadCatalogue();
  return shared;
}
/** Replaces the shared catalogue (after an administrator loads new rows into the database). */
export function setCatalogue(c: Catalogue): void {
  shared = c;
}

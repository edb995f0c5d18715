/**
 * The FIR form's section picker: find sections by number ("303", "धारा ३०३(२)", "BNS 64",
 * "420 IPC") or by words in English, Hindi or the words officers use ("chori", "बलात्कार").
 *
 * With an offence date, only sections that can be charged on that date are offered, and an
 * IPC number typed for a BNS-era offence also offers the BNS sections that replaced it.
 */
import { getCatalogue, type Catalogue } from './catalogue.js';
import { actApplies, penalCodeOn, sectionInForce, type OffenceDate } from './law.js';
import type { Section } from './types.js';

export interface SearchOptions {
  /** Offence date (YYYY-MM-DD) or window: only sections chargeable then are returned. */
  date?: OffenceDate;
  /** Restrict to these act codes. */
  acts?: string[];
  /** Include disabled sections (for administrators). Default false. */
  includeDisabled?: boolean;
  /** Default 20. */
  limit?: number;
}

export interface SectionHit {
  section: Section;
  score: number;
  matchedBy: 'number' | 'words' | 'ipc_equivalent';
  /** For 'ipc_equivalent' hits: the IPC section typed. */
  viaIpc?: string;
}

const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;

/** Lower case, Devanagari digits to ASCII, nukta dropped (क़त्ल = कत्ल), spaces collapsed. */
export function normaliseQuery(q: string): string {
  return q
    .normalize('NFC')
    .replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966))
    .normalize('NFD')
    .replace(/\u093C/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const SECTION_WORD = /^(?:u\/s|sec(?:tion)?\.?|s\.|धारा|दफा)\s*/;
const NUMBER = /^\d+[a-z]*[()0-9a-z]*$/;

function actAliases(c: Catalogue): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of c.acts) {
    m.set(a.code.toLowerCase(), a.code);
    m.set(a.shortName.toLowerCase(), a.code);
    m.set(a.shortName.toLowerCase().replace(/\s+act$/, ''), a.code);
  }
  for (const [alias, code] of Object.entries({
    it: 'ITA',
    mv: 'MVA',
    jj: 'JJA',
    'sc/st': 'SCSTPOA',
    scst: 'SCSTPOA',
    poa: 'SCSTPOA',
    dowry: 'DPA',
    arms: 'ARMS',
    'भारतीय न्याय संहिता': 'BNS',
    'भा.न्या.सं.': 'BNS',
    बीएनएस: 'BNS',
    'भारतीय दंड संहिता': 'IPC',
    'भा.दं.सं.': 'IPC',
    आईपीसी: 'IPC',
  })) {
    if (c.findAct(code)) m.set(alias, code);
  }
  return m;
}

/** Splits a leading or trailing act name off the query: "bns 64", "420 IPC", "NDPS Act 20". */
function splitAct(q: string, aliases: Map<string, string>): { act?: string; rest: string } {
  const names = [...aliases.keys()].sort((a, b) => b.length - a.length);
  for (const n of names) {
    for (const re of [
      new RegExp(`^${escape(n)}(?:\\s+act)?(?:\\s+|,\\s*)(.+)$`),
      new RegExp(`^(.+?)(?:\\s+|,\\s*)${escape(n)}(?:\\s+act)?$`),
    ]) {
      const m = q.match(re);
      if (m) return { act: aliases.get(n), rest: m[1].trim() };
    }
  }
  return { rest: q };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function offerable(c: Catalogue, s: Section, opts: SearchOptions): boolean {
  if (!opts.includeDisabled && !s.enabled) return false;
  if (opts.acts && !opts.acts.includes(s.actCode)) return false;
  const act = c.findAct(s.actCode);
  if (!act || act.kind === 'procedure' || act.kind === 'evidence') return false;
  if (opts.date !== undefined) {
    if (!act.enabled || !actApplies(act, opts.date)) return false;
    if (opts.includeDisabled ? s.inForceFrom !== null && !sectionInForce(s, opts.date) : !sectionInForce(s, opts.date)) return false;
  }
  return true;
}

function numberScore(code: string, n: string): number {
  const s = code.toLowerCase();
  if (s === n) return 100;
  if (s.startsWith(n + '(')) return 90 - Math.min(s.length - n.length, 9) / 10;
  if (s.startsWith(n) && /[a-z]/.test(s[n.length] ?? '')) return 70;
  if (s.startsWith(n) && /\d/.test(s[n.length] ?? '') && !n.includes('(')) return 50;
  return 0;
}

function haystack(s: Section): { title: string; all: string } {
  const title = normaliseQuery(`${s.titleEn} ${s.titleHi}`);
  return { title, all: normaliseQuery(`${title} ${s.keywords.join(' ')}`) };
}

const haystacks = new WeakMap<Section, { title: string; all: string }>();

/**
 * Searches the catalogue for sections; best first. An empty query returns nothing.
 * See the module comment for what a query may look like.
 */
export function searchSections(q: string, opts: SearchOptions = {}, catalogue: Catalogue = getCatalogue()): SectionHit[] {
  const limit = opts.limit ?? 20;
  let query = normaliseQuery(q).replace(SECTION_WORD, '');
  if (!query) return [];
  const { act, rest } = splitAct(query, actAliases(catalogue));
  query = rest.replace(SECTION_WORD, '');
  const scoped: SearchOptions = act ? { ...opts, acts: [act] } : opts;
  const candidates = catalogue.sections.filter((s) => offerable(catalogue, s, scoped));
  const hits: SectionHit[] = [];
  const compact = query.replace(/\s+/g, '');

  if (NUMBER.test(compact)) {
    for (const s of candidates) {
      const score = numberScore(s.sectionCode, compact);
      if (score > 0) hits.push({ section: s, score, matchedBy: 'number' });
    }
    // An IPC number typed for a BNS-era offence: offer the BNS sections that replaced it.
    const date = typeof opts.date === 'string' ? opts.date : (opts.date?.to ?? opts.date?.from);
    const wantsIpcBridge = date !== undefined && penalCodeOn(date) === 'BNS' && (!act || act === 'IPC');
    if (wantsIpcBridge) {
      const ipcCodes = catalogue.sectionsOf('IPC').filter((s) => numberScore(s.sectionCode, compact) >= 90);
      const bnsScope: SearchOptions = { ...opts, acts: ['BNS'] };
      for (const ipc of ipcCodes) {
        for (const m of catalogue.bnsForIpc(ipc.sectionCode)) {
          const bns = catalogue.findSection('BNS', m.bnsSection);
          if (bns && offerable(catalogue, bns, bnsScope) && !hits.some((h) => h.section === bns)) {
            hits.push({ section: bns, score: act === 'IPC' ? 95 : 60, matchedBy: 'ipc_equivalent', viaIpc: ipc.sectionCode });
          }
        }
      }
    }
  } else {
    const tokens = query.split(/[\s,;/]+/).filter((t) => t.length > 0);
    for (const s of candidates) {
      let h = haystacks.get(s);
      if (!h) haystacks.set(s, (h = haystack(s)));
      if (!tokens.every((t) => h.all.includes(t))) continue;
      let score = 30;
      for (const t of tokens) {
        if (h.title.includes(t)) score += 10;
        if (new RegExp(`(^|[\\s(—-])${escape(t)}`).test(h.title)) score += 5;
      }
      if (h.title.includes(query)) score += 10;
      // "Punishment for theft" / "चोरी के लिए दंड" is the theft section: compare without the wrapper.
      const titles = [normaliseQuery(s.titleEn), normaliseQuery(s.titleHi)].map((t) =>
        t.replace(/^punishment (?:for|of) /, '').replace(/ के लिए दंड$/, ''),
      );
      if (titles.includes(query)) score += 25;
      else if (titles.some((t) => t.startsWith(query))) score += 10;
      if (s.keywords.some((k) => normaliseQuery(k) === query)) score += 8;
      if (s.kind === 'offence') score += 3;
      if (s.kind === 'definition') score -= 20; // a definition is rarely what the officer means to cite
      hits.push({ section: s, score, matchedBy: 'words' });
    }
  }

  const preferred = preferredActs(opts.date);
  return hits
    .sort(
      (a, b) =>
        b.score - a.score ||
        preferred(a.section.actCode) - preferred(b.section.actCode) ||
        compareSectionCodes(a.section.sectionCode, b.section.sectionCode),
    )
    .slice(0, limit);
}

/** The code in force on the date comes first; without a date, the BNS. */
function preferredActs(date: OffenceDate | undefined): (act: string) => number {
  const d = typeof date === 'string' ? date : date?.from;
  const first = d && penalCodeOn(d) === 'IPC' ? 'IPC' : 'BNS';
  return (act) => (act === first ? 0 : act === 'BNS' || act === 'IPC' ? 2 : 1);
}

export function compareSectionCodes(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (na !== nb && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a.localeCompare(b, 'en');
}

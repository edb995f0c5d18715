/**
 * The contents of a final report (NCRB IIF-5) and how they are assembled from the
 * investigation records. The IO chooses (kind, who is charged with what, which witnesses,
 * documents and material objects are listed, the brief facts); everything that is a fact of
 * the records (names, custody or bail, statement dates, document hashes, where an item is) is
 * copied from the records at each save, never typed again (CAG Odisha 2025 found charge sheets
 * that did not match the case records).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { unprocessable } from '../../lib/errors.js';
import { getCatalogue } from '../masterdata/index.js';
import * as inv from '../investigation/repository.js';
import type { CaseRow } from '../investigation/repository.js';

export const REPORT_KINDS = ['charge_sheet', 'closure'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const CLOSURE_REASONS = ['false_case', 'mistake_of_fact', 'mistake_of_law', 'civil_nature', 'undetected'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CUSTODY_STATUSES = [
  'judicial_custody',
  'police_custody',
  'in_custody',
  'bail',
  'released',
  'notice_35',
  'not_arrested',
] as const;
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number];

export interface Bilingual {
  en: string;
  hi: string;
}

export const KIND_LABELS = {
  charge_sheet: { en: 'Charge sheet', hi: 'आरोप पत्र' },
  closure: { en: 'Closure report', hi: 'अंतिम रिपोर्ट (खात्मा / खारिजी)' },
} as const satisfies Record<ReportKind, Bilingual>;

/** BNSS 193(3) closure grounds as the police forms name them. */
export const CLOSURE_LABELS = {
  false_case: { en: 'False case', hi: 'असत्य मामला' },
  mistake_of_fact: { en: 'Mistake of fact', hi: 'तथ्य की भूल' },
  mistake_of_law: { en: 'Mistake of law', hi: 'विधि की भूल' },
  civil_nature: { en: 'Civil in nature', hi: 'दीवानी प्रकृति का' },
  undetected: { en: 'True but undetected / untraced', hi: 'सत्य किंतु अपता / अज्ञात' },
} as const satisfies Record<ClosureReason, Bilingual>;

export const CUSTODY_LABELS = {
  judicial_custody: { en: 'In judicial custody', hi: 'न्यायिक अभिरक्षा में' },
  police_custody: { en: 'In police custody', hi: 'पुलिस अभिरक्षा में' },
  in_custody: { en: 'Arrested; forwarded in custody', hi: 'गिरफ्तार; अभिरक्षा में प्रेषित' },
  bail: { en: 'On bail', hi: 'जमानत पर' },
  released: { en: 'Released', hi: 'रिहा' },
  notice_35: { en: 'Not arrested; notice of appearance (BNSS 35(3))', hi: 'गिरफ्तार नहीं; उपस्थिति सूचना (बीएनएसएस 35(3))' },
  not_arrested: { en: 'Not arrested', hi: 'गिरफ्तार नहीं' },
} as const satisfies Record<CustodyStatus, Bilingual>;

export interface SectionRef {
  act: string;
  section: string;
  titleEn: string | null;
  titleHi: string | null;
}

export interface Custody {
  status: CustodyStatus;
  /** When the person came to this status (the arrest, the remand, the bail order …). */
  since: string | null;
  arrestedAt: string | null;
  /** The court that remanded or bailed, when recorded. */
  courtName: string | null;
}

export interface AccusedEntry {
  casePersonId: string;
  code: string;
  name: string;
  nameHi: string | null;
  fatherName: string | null;
  sex: string | null;
  ageYears: number | null;
  address: string | null;
  juvenile: boolean;
  custody: Custody;
}

export interface ChargedAccused extends AccusedEntry {
  sections: SectionRef[];
}

export interface NotChargedAccused extends AccusedEntry {
  reason: string;
}

export interface WitnessEntry {
  casePersonId: string;
  code: string;
  name: string;
  role: string;
  address: string | null;
  /** A victim of a sexual offence or an offence against a child: the name never leaves the police side (BNS 72). */
  identityWithheld: boolean;
  statements: { no: number; recordedAt: string; language: string }[];
}

export interface DocumentEntry {
  documentId: string;
  title: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface MaterialObjectEntry {
  itemId: string;
  seizureMemoNo: number;
  itemNo: number;
  seizedAt: string;
  description: string;
  category: string;
  quantity: number;
  unit: string;
  value: number;
  identifyingMarks: string | null;
  /** Where the item is now on its chain of custody (malkhana, FSL, court …). */
  location: string;
}

export interface FinalReportContent {
  kind: ReportKind;
  closureReason: ClosureReason | null;
  /** The brief facts of the case and the result of the investigation. Starts as the FIR's narrative. */
  briefFacts: Bilingual;
  /** Closure report: why the case is closed (the IO's grounds). */
  closureGrounds: string | null;
  firSections: SectionRef[];
  accusedCharged: ChargedAccused[];
  accusedNotCharged: NotChargedAccused[];
  witnesses: WitnessEntry[];
  documents: DocumentEntry[];
  materialObjects: MaterialObjectEntry[];
}

/** What a case's records hold, read once for assembling or refreshing a report. */
export interface Sources {
  persons: Awaited<ReturnType<typeof inv.listCasePersons>>;
  arrests: Awaited<ReturnType<typeof inv.listArrests>>;
  events: Awaited<ReturnType<typeof inv.listArrestEvents>>;
  notices: Awaited<ReturnType<typeof inv.listAppearanceNotices>>;
  statements: Awaited<ReturnType<typeof inv.listStatements>>;
  documents: Awaited<ReturnType<typeof inv.listDocuments>>;
  items: Awaited<ReturnType<typeof inv.listItems>>;
  seizures: Awaited<ReturnType<typeof inv.listSeizures>>;
}

/** Reads the investigation records a final report is assembled from (through the investigation module's repository reads). */
export async function gatherSources(db: Kysely<Database>, firId: string): Promise<Sources> {
  const [persons, arrests, events, notices, statements, documents, items, seizures] = await Promise.all([
    inv.listCasePersons(db, firId),
    inv.listArrests(db, firId),
    inv.listArrestEvents(db, firId),
    inv.listAppearanceNotices(db, firId),
    inv.listStatements(db, firId),
    inv.listDocuments(db, firId),
    inv.listItems(db, firId),
    inv.listSeizures(db, firId),
  ]);
  return { persons, arrests, events, notices, statements, documents, items, seizures };
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The custody or bail status of an accused, from the arrest memo and what followed it. */
export function custodyOf(src: Sources, casePersonId: string): Custody {
  const memo = src.arrests.find((a) => a.case_person_id === casePersonId);
  if (!memo) {
    const notice = src.notices.find((n) => n.case_person_id === casePersonId);
    return notice
      ? { status: 'notice_35', since: iso(notice.issued_at), arrestedAt: null, courtName: null }
      : { status: 'not_arrested', since: null, arrestedAt: null, courtName: null };
  }
  const evs = src.events.filter((e) => e.arrest_id === memo.id);
  const last = evs[evs.length - 1];
  const arrestedAt = iso(memo.arrested_at);
  if (last) {
    const status: CustodyStatus | null =
      last.kind === 'bailed'
        ? 'bail'
        : last.kind === 'released'
          ? 'released'
          : last.kind === 'remanded_judicial'
            ? 'judicial_custody'
            : last.kind === 'remanded_police'
              ? 'police_custody'
              : null;
    if (status) return { status, since: iso(last.at), arrestedAt, courtName: last.court_name ?? memo.court_name };
  }
  const byOutcome: Record<string, CustodyStatus> = {
    sent_up: 'in_custody',
    bailed: 'bail',
    judicial_custody: 'judicial_custody',
    police_custody: 'police_custody',
  };
  return { status: byOutcome[memo.outcome] ?? 'in_custody', since: arrestedAt, arrestedAt, courtName: memo.court_name };
}

function accusedEntry(src: Sources, p: Sources['persons'][number]): AccusedEntry {
  return {
    casePersonId: p.id,
    code: p.code,
    name: p.name,
    nameHi: p.person_name_hi ?? null,
    fatherName: p.father_name ?? null,
    sex: p.sex ?? p.person_sex ?? null,
    ageYears: p.age_years ?? p.person_age ?? null,
    address: p.address ?? null,
    juvenile: p.juvenile,
    custody: custodyOf(src, p.id),
  };
}

const WITNESS_ROLES = new Set(['witness', 'complainant', 'victim']);

function witnessEntry(c: CaseRow, src: Sources, p: Sources['persons'][number]): WitnessEntry {
  return {
    casePersonId: p.id,
    code: p.code,
    name: p.name,
    role: p.role,
    address: p.address ?? null,
    identityWithheld: c.sensitive && p.role === 'victim',
    statements: src.statements
      .filter((s) => s.case_person_id === p.id)
      .map((s) => ({ no: s.statement_no, recordedAt: new Date(s.recorded_at).toISOString(), language: s.language })),
  };
}

function documentEntry(d: Sources['documents'][number]): DocumentEntry {
  return {
    documentId: d.id,
    title: d.title,
    kind: d.kind,
    fileName: d.file_name,
    contentType: d.content_type,
    sizeBytes: Number(d.size_bytes),
    sha256: d.sha256,
  };
}

function itemEntry(src: Sources, i: Sources['items'][number]): MaterialObjectEntry {
  const memo = src.seizures.find((s) => s.id === i.seizure_id);
  return {
    itemId: i.id,
    seizureMemoNo: memo?.memo_no ?? 0,
    itemNo: i.item_no,
    seizedAt: memo ? new Date(memo.seized_at).toISOString() : new Date(i.created_at).toISOString(),
    description: i.description,
    category: i.category,
    quantity: Number(i.quantity),
    unit: i.unit,
    value: Number(i.value),
    identifyingMarks: i.identifying_marks,
    location: i.location,
  };
}

export const firSectionsOf = (c: CaseRow): SectionRef[] =>
  c.sections.map((s) => ({ act: s.act, section: s.section, titleEn: s.titleEn, titleHi: s.titleHi }));

/**
 * The first draft, from the records alone: a charge sheet against every accused of the case
 * under the FIR's sections when there is an accused, else a closure report (true but
 * undetected); every witness, complainant and victim; every document and seized item.
 */
export function assembleDraft(c: CaseRow, src: Sources): FinalReportContent {
  const accused = src.persons.filter((p) => p.role === 'accused');
  const sections = firSectionsOf(c);
  const kind: ReportKind = accused.length ? 'charge_sheet' : 'closure';
  return {
    kind,
    closureReason: kind === 'closure' ? 'undetected' : null,
    briefFacts: { en: c.narrative, hi: '' },
    closureGrounds: null,
    firSections: sections,
    accusedCharged: kind === 'charge_sheet' ? accused.map((p) => ({ ...accusedEntry(src, p), sections })) : [],
    accusedNotCharged: [],
    witnesses: src.persons.filter((p) => WITNESS_ROLES.has(p.role)).map((p) => witnessEntry(c, src, p)),
    documents: src.documents.map(documentEntry),
    materialObjects: src.items.map((i) => itemEntry(src, i)),
  };
}

/** What the IO may change in a draft; names and facts come from the records. */
export interface ReportEdit {
  kind?: ReportKind;
  closureReason?: ClosureReason | null;
  closureGrounds?: string | null;
  briefFacts?: { en?: string; hi?: string };
  accusedCharged?: { code: string; sections?: { act: string; section: string }[] }[];
  accusedNotCharged?: { code: string; reason: string }[];
  witnesses?: string[];
  documentIds?: string[];
  itemIds?: string[];
}

const norm = (code: string) => code.trim().toUpperCase();

/** Resolves sections against the master data; 422 naming the field for one it does not know. */
function resolveSections(c: CaseRow, given: { act: string; section: string }[], field: string): SectionRef[] {
  const cat = getCatalogue();
  const out: SectionRef[] = [];
  given.forEach((g, j) => {
    const s = cat.sectionForState(c.state_code, g.act, g.section);
    if (!s)
      throw unprocessable(
        'unknown_section',
        `${g.act} ${g.section} is not a section in the master data.`,
        `${g.act} ${g.section} मास्टर डेटा में कोई धारा नहीं है।`,
        {
          [`${field}.${j}`]: 'unknown section',
        },
      );
    if (out.some((o) => o.act === s.actCode && o.section === s.sectionCode))
      throw unprocessable(
        'duplicate_section',
        `${s.actCode} ${s.sectionCode} is listed twice.`,
        `${s.actCode} ${s.sectionCode} दो बार दी गई है।`,
        { [`${field}.${j}`]: 'duplicate' },
      );
    out.push({ act: s.actCode, section: s.sectionCode, titleEn: s.titleEn, titleHi: s.titleHi });
  });
  return out;
}

/**
 * Applies an edit to a report's contents and refreshes every fact from the records. Throws 422
 * naming the field for a reference that is not in the case: an accused who is not an accused of
 * this case (CAG: charge sheets naming people who were not in the case), a witness, document or
 * item of another case, an accused both charged and not charged, or charges in a closure report.
 */
export function applyEdit(c: CaseRow, src: Sources, current: FinalReportContent, edit: ReportEdit): FinalReportContent {
  const kind = edit.kind ?? current.kind;
  const accusedByCode = new Map(src.persons.filter((p) => p.role === 'accused').map((p) => [p.code.toUpperCase(), p]));
  const personByCode = new Map(src.persons.map((p) => [p.code.toUpperCase(), p]));

  const notInCase = (field: string, code: string) => {
    const p = personByCode.get(norm(code));
    return p
      ? unprocessable(
          'not_an_accused',
          `${p.code} is a ${p.role} of this case, not an accused.`,
          `${p.code} इस प्रकरण का अभियुक्त नहीं है (${p.role})।`,
          { [field]: 'not an accused of this case' },
        )
      : unprocessable('accused_not_in_case', `There is no accused ${code} in this case.`, `इस प्रकरण में कोई अभियुक्त ${code} नहीं है।`, {
          [field]: 'not in this case',
        });
  };

  const chargedIn =
    edit.accusedCharged ??
    current.accusedCharged.map((a) => ({ code: a.code, sections: a.sections.map((s) => ({ act: s.act, section: s.section })) }));
  const notChargedIn = edit.accusedNotCharged ?? current.accusedNotCharged.map((a) => ({ code: a.code, reason: a.reason }));
  if (kind === 'closure' && edit.accusedCharged?.length)
    throw unprocessable(
      'closure_with_charges',
      'A closure report charges no one: leave the accused charged empty.',
      'खात्मा रिपोर्ट में किसी पर आरोप नहीं लगता: आरोपित अभियुक्त खाली छोड़ें।',
      {
        accusedCharged: 'must be empty for a closure report',
      },
    );
  const charged = kind === 'closure' ? [] : chargedIn;

  const seen = new Set<string>();
  const accusedCharged: ChargedAccused[] = charged.map((a, i) => {
    const p = accusedByCode.get(norm(a.code));
    if (!p) throw notInCase(`accusedCharged.${i}.code`, a.code);
    if (seen.has(p.id))
      throw unprocessable('accused_listed_twice', `${p.code} is listed twice.`, `${p.code} दो बार दिया गया है।`, {
        [`accusedCharged.${i}.code`]: 'listed twice',
      });
    seen.add(p.id);
    const sections = a.sections?.length ? resolveSections(c, a.sections, `accusedCharged.${i}.sections`) : firSectionsOf(c);
    return { ...accusedEntry(src, p), sections };
  });
  const accusedNotCharged: NotChargedAccused[] = notChargedIn.map((a, i) => {
    const p = accusedByCode.get(norm(a.code));
    if (!p) throw notInCase(`accusedNotCharged.${i}.code`, a.code);
    if (seen.has(p.id))
      throw unprocessable(
        'accused_listed_twice',
        `${p.code} cannot be both charged and not charged.`,
        `${p.code} एक साथ आरोपित और अनारोपित नहीं हो सकता।`,
        {
          [`accusedNotCharged.${i}.code`]: 'listed twice',
        },
      );
    seen.add(p.id);
    return { ...accusedEntry(src, p), reason: a.reason.trim() };
  });

  const witnessCodes = edit.witnesses ?? current.witnesses.map((w) => w.code);
  const wSeen = new Set<string>();
  const witnesses = witnessCodes.map((code, i) => {
    const p = personByCode.get(norm(code));
    if (!p || p.role === 'accused' || p.role === 'suspect')
      throw unprocessable(
        'witness_not_in_case',
        `There is no witness, complainant or victim ${code} in this case.`,
        `इस प्रकरण में कोई साक्षी, शिकायतकर्ता या पीड़ित ${code} नहीं है।`,
        {
          [`witnesses.${i}`]: 'not a witness of this case',
        },
      );
    if (wSeen.has(p.id))
      throw unprocessable('witness_listed_twice', `${p.code} is listed twice.`, `${p.code} दो बार दिया गया है।`, {
        [`witnesses.${i}`]: 'listed twice',
      });
    wSeen.add(p.id);
    return witnessEntry(c, src, p);
  });

  const docIds = edit.documentIds ?? current.documents.map((d) => d.documentId);
  const documents = [...new Set(docIds)].map((id, i) => {
    const d = src.documents.find((x) => x.id === id);
    if (!d)
      throw unprocessable('document_not_in_case', 'That document is not attached to this case.', 'यह दस्तावेज़ इस प्रकरण से संलग्न नहीं है।', {
        [`documentIds.${i}`]: 'not in this case',
      });
    return documentEntry(d);
  });

  const itemIds = edit.itemIds ?? current.materialObjects.map((m) => m.itemId);
  const materialObjects = [...new Set(itemIds)].map((id, i) => {
    const it = src.items.find((x) => x.id === id);
    if (!it)
      throw unprocessable('item_not_in_case', 'That item was not seized in this case.', 'यह वस्तु इस प्रकरण में जब्त नहीं हुई।', {
        [`itemIds.${i}`]: 'not in this case',
      });
    return itemEntry(src, it);
  });

  const closureReason = kind === 'closure' ? (edit.closureReason !== undefined ? edit.closureReason : current.closureReason) : null;
  return {
    kind,
    closureReason,
    briefFacts: { en: edit.briefFacts?.en ?? current.briefFacts.en, hi: edit.briefFacts?.hi ?? current.briefFacts.hi },
    closureGrounds: kind === 'closure' ? (edit.closureGrounds !== undefined ? edit.closureGrounds : current.closureGrounds) : null,
    firSections: firSectionsOf(c),
    accusedCharged,
    accusedNotCharged,
    witnesses,
    documents,
    materialObjects,
  };
}

/**
 * Whether a report may go to the SHO: a charge sheet charges at least one accused, each under
 * at least one section, and accounts for every accused of the case (charged, or not charged
 * with a reason); a closure report gives its ground. 422 `final_report_incomplete` naming what
 * is missing.
 */
export function checkComplete(src: Sources, r: FinalReportContent): void {
  const fields: Record<string, string> = {};
  if (!r.briefFacts.en.trim() && !r.briefFacts.hi.trim()) fields.briefFacts = 'required';
  if (r.kind === 'charge_sheet') {
    if (!r.accusedCharged.length) fields.accusedCharged = 'a charge sheet charges at least one accused';
    r.accusedCharged.forEach((a, i) => {
      if (!a.sections.length) fields[`accusedCharged.${i}.sections`] = 'required';
    });
    r.accusedNotCharged.forEach((a, i) => {
      if (!a.reason) fields[`accusedNotCharged.${i}.reason`] = 'required';
    });
    const listed = new Set([...r.accusedCharged, ...r.accusedNotCharged].map((a) => a.casePersonId));
    const missing = src.persons.filter((p) => p.role === 'accused' && !listed.has(p.id)).map((p) => p.code);
    if (missing.length)
      fields.accusedNotCharged = `account for every accused: ${missing.join(', ')} is neither charged nor listed as not charged`;
  } else if (!r.closureReason) fields.closureReason = 'required';
  if (Object.keys(fields).length)
    throw unprocessable(
      'final_report_incomplete',
      `The final report is not complete: ${Object.entries(fields)
        .map(([k, v]) => `${k} (${v})`)
        .join('; ')}.`,
      'अंतिम प्रतिवेदन पूर्ण नहीं है: चिह्नित फ़ील्ड पूरे करें।',
      fields,
    );
}

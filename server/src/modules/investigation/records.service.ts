/**
 * The investigation records the designated IO writes: case diary (BNSS 192), crime details
 * (IIF-2), persons in the case, statements (BNSS 180), notices of appearance (BNSS 35(3)),
 * progress notices (BNSS 193(3)(ii)) and forensic requests. Each write runs in the caller's
 * transaction behind `requireDesignatedIo`, is append-only (crime details: versioned), and is
 * audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { istDate } from '../../lib/clock.js';
import { conflict, preconditionRequired, staleVersion, type FieldErrors } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { getCatalogue, noticeOfAppearance } from '../masterdata/index.js';
import { enqueueMessage } from '../notify/service.js';
import { createPersonRecord, linkableRecord, linkPersonToCase, type PeopleDeps } from '../people/service.js';
import { refreshCaseClocks, caseSections } from './clock-facts.js';
import { badOrder, invalid, recordNotFound } from './errors.js';
import { identifiersOf, indexCrimeDetails, propertyAlerts, type PropertyAlert } from './property.js';
import * as repo from './repository.js';
import type { CaseRow, PersonRole } from './repository.js';
import { auditCase, authorOf, checkRecordTime, placeOfCase, requireDesignatedIo, timeOr, type InvDeps, type Officer } from './service.js';
import { CASE_WORKFLOW, isCaseStage } from './workflow.js';

type Trx = Kysely<Database>;

// ---------------------------------------------------------------------------------------------
// Persons in the case
// ---------------------------------------------------------------------------------------------

const ROLE_PREFIX: Record<PersonRole, string> = { accused: 'A', witness: 'W', victim: 'V', suspect: 'S', complainant: 'C' };

export interface NewPersonInput {
  name: string;
  nameHi?: string;
  fatherName?: string;
  motherName?: string;
  spouseName?: string;
  sex?: 'male' | 'female' | 'transgender' | 'unknown';
  birthDate?: string;
  ageYears?: number;
  address?: string;
  phone?: string;
  occupation?: string;
  nationality?: string;
}

export interface CasePersonInput {
  role: PersonRole;
  personId?: string;
  person?: NewPersonInput;
  juvenile?: boolean;
  description?: string;
  remarks?: string;
}

/** A detail as compared for a repeated submission: trimmed, spaces folded, case ignored; empty is absent. */
const fold = (v: string | null | undefined) => v?.trim().replace(/\s+/g, ' ').toLowerCase() || undefined;

/** Age in whole years on a date, from a date of birth. */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Adds a person to the case in a role, linking an existing person of the master index
 * (`personId`) or creating one (`person`). Codes are given per case and role under the case
 * lock: A1, A2 … for accused (W, V, S, C for witnesses, victims, suspects, complainants).
 * A person under 18 on the date of the offence is marked juvenile (JJ Act).
 */
export async function addCasePerson(
  deps: InvDeps & Partial<Pick<PeopleDeps, 'config' | 'db'>>,
  trx: Trx,
  o: Officer,
  id: string,
  input: CasePersonInput,
) {
  const { c } = await requireDesignatedIo(trx, o, id);
  const now = deps.clock.now();
  let person: Awaited<ReturnType<typeof repo.findPerson>>;
  if (input.personId) {
    // The person index is state-wide: any record of the case's state may be linked, but only a
    // record that stands on its own. One merged into another is refused in favour of the
    // surviving record, so the case links the record the person is now known by.
    const found = await linkableRecord(trx, c.state_code, input.personId);
    if (!found)
      throw invalid('person_not_found', 'No such person in the person index.', 'व्यक्ति सूचकांक में ऐसा कोई व्यक्ति नहीं है।', {
        personId: 'unknown person',
      });
    if ('mergedInto' in found)
      throw invalid(
        'person_merged',
        `This person record was merged into ${found.mergedInto}; link that record.`,
        `यह व्यक्ति अभिलेख ${found.mergedInto} में विलय हो चुका है; उस अभिलेख को जोड़ें।`,
        { personId: `merged into ${found.mergedInto}` },
      );
    // Already in the case in this role, by this record or by one merged into it.
    const dup = await repo.findCasePersonByPerson(trx, id, found.records, input.role);
    if (dup)
      throw conflict(
        'person_already_in_case',
        `This person is already ${dup.code} in this case.`,
        `यह व्यक्ति इस प्रकरण में पहले से ${dup.code} है।`,
        { personId: `already ${dup.code}` },
      );
    person = (await repo.findPerson(trx, c.state_code, found.masterId))!;
  } else if (input.person) {
    // A new person goes into the master index through the people module (names in both scripts
    // with their search keys, addresses, phones), in this transaction.
    const p = input.person;
    // A repeated submission of the same new person (a double click, a retry) would otherwise
    // make a second record and a second code. Two different persons are told apart by at
    // least one detail (father's name, sex, age, description).
    const same = (await repo.listCasePersons(trx, id)).find(
      (x) =>
        x.role === input.role &&
        fold(x.name) === fold(p.name) &&
        fold(x.father_name) === fold(p.fatherName) &&
        (x.person_sex ?? undefined) === p.sex &&
        (x.birth_date ?? undefined) === p.birthDate &&
        (x.person_age ?? undefined) === p.ageYears &&
        fold(x.description) === fold(input.description),
    );
    if (same)
      throw conflict(
        'person_already_in_case',
        `A person with exactly these details is already ${same.code} in this case. To add another person, give a detail that tells them apart (father's name, age, description).`,
        `इन्हीं विवरणों वाला व्यक्ति इस प्रकरण में पहले से ${same.code} है। दूसरा व्यक्ति जोड़ने के लिए कोई भिन्न विवरण दें (पिता का नाम, आयु, विवरण)।`,
        { 'person.name': `already ${same.code}` },
      );
    // No identity documents are passed, so the people service needs only the clock here (its
    // config and db serve the identity-number keys).
    const peopleDeps = { clock: deps.clock, config: deps.config, db: deps.db } as PeopleDeps;
    const pid = await createPersonRecord(peopleDeps, trx, o, {
      name: p.name,
      nameHi: p.nameHi,
      fatherName: p.fatherName,
      motherName: p.motherName,
      spouseName: p.spouseName,
      sex: p.sex,
      birthDate: p.birthDate,
      age: p.ageYears !== undefined ? { years: p.ageYears, onDate: istDate(now) } : undefined,
      addresses: p.address ? [{ kind: 'present', address: p.address }] : [],
      phones: p.phone ? [p.phone] : [],
      occupation: p.occupation,
      nationality: p.nationality,
    });
    person = (await repo.findPerson(trx, c.state_code, pid))!;
  } else {
    throw invalid(
      'person_required',
      'Give personId (a person already in the index) or person (a new one).',
      'personId (सूचकांक में उपस्थित व्यक्ति) या person (नया व्यक्ति) दें।',
      {
        personId: 'personId or person is required',
      },
    );
  }
  // Age on the date of the offence (the FIR's offence date), from the birth date or the stated age.
  const offenceDay = istDate(c.occurrence_from);
  const age = person.birth_date
    ? ageOn(person.birth_date, offenceDay)
    : person.age_years !== null && person.age_on
      ? person.age_years - Math.max(0, ageOn(offenceDay, person.age_on))
      : person.age_years;
  const juvenile = input.juvenile ?? (age !== null && age !== undefined && age < 18);
  const seq = await repo.nextPersonSeq(trx, id, input.role);
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    person_id: person.id,
    role: input.role,
    seq,
    code: `${ROLE_PREFIX[input.role]}${seq}`,
    name: person.name,
    sex: person.sex,
    age_years: age ?? null,
    juvenile,
    description: input.description ?? null,
    remarks: input.remarks ?? null,
    added_by: o.auth.user.id,
    added_by_name: o.auth.user.name,
    added_at: now,
  };
  await repo.insertRecord(trx, 'case_person', row);
  // The person's criminal record (people module) learns of the role in this case.
  await linkPersonToCase(trx, {
    personId: person.id,
    firId: c.id,
    role: input.role,
    code: row.code,
    stateCode: c.state_code,
    addedBy: o.auth.user.id,
    at: now,
  });
  // personCode, not code: the audit trail redacts any detail named "code" (one-time codes).
  await auditCase(trx, deps, o, c, 'case.person_add', {
    casePersonId: row.id,
    personId: person.id,
    role: input.role,
    personCode: row.code,
    linked: !!input.personId,
  });
  return row;
}

/** A person of the case by id or by code (A1, W2 …); 422 naming `field` if there is none. */
export async function resolveCasePerson(trx: Trx, firId: string, ref: { id?: string; code?: string }, field: string) {
  let p: Awaited<ReturnType<typeof repo.findCasePerson>>;
  if (ref.id) p = await repo.findCasePerson(trx, firId, ref.id);
  else if (ref.code) {
    const all = await repo.listCasePersons(trx, firId);
    const hit = all.find((x) => x.code.toUpperCase() === ref.code!.toUpperCase());
    p = hit ? await repo.findCasePerson(trx, firId, hit.id) : undefined;
  }
  if (!p!)
    throw invalid('case_person_not_found', 'No such person in this case.', 'इस प्रकरण में ऐसा कोई व्यक्ति नहीं है।', {
      [field]: 'not a person of this case',
    });
  return p!;
}

// ---------------------------------------------------------------------------------------------
// Case diary (BNSS 192)
// ---------------------------------------------------------------------------------------------

export interface DiaryInput {
  startedAt?: string;
  closedAt?: string;
  placesVisited: string[];
  circumstances: string;
  correctsId?: string;
}

/**
 * A case diary entry (BNSS 192(1)): the time the day's investigation began and closed, the
 * places visited and the circumstances ascertained. Numbered per case; never edited; a
 * correction is a new entry pointing at the old one.
 */
export async function addDiaryEntry(deps: InvDeps, trx: Trx, o: Officer, id: string, input: DiaryInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  const started = checkRecordTime(
    deps,
    c,
    timeOr(deps, input.startedAt),
    'startedAt',
    'start of the diary entry',
    'डायरी प्रविष्टि का प्रारंभ',
  );
  const closed = checkRecordTime(deps, c, timeOr(deps, input.closedAt), 'closedAt', 'close of the diary entry', 'डायरी प्रविष्टि की समाप्ति');
  if (closed < started)
    throw badOrder('closedAt', 'The investigation cannot close before it started.', 'विवेचना प्रारंभ से पहले समाप्त नहीं हो सकती।');
  if (input.correctsId && !(await repo.findDiaryEntry(trx, id, input.correctsId)))
    throw invalid(
      'diary_correction_target_invalid',
      'The entry to correct is not in this case diary.',
      'सुधारी जाने वाली प्रविष्टि इस केस डायरी में नहीं है।',
      { correctsId: 'not an entry of this case' },
    );
  const entryNo = await repo.nextNo(trx, 'case_diary_entry', 'entry_no', id);
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    entry_no: entryNo,
    diary_date: istDate(started),
    started_at: started,
    closed_at: closed,
    places_visited: input.placesVisited,
    circumstances: input.circumstances,
    corrects_id: input.correctsId ?? null,
    ...authorOf(o),
    author_rank: o.auth.user.rank,
    recorded_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'case_diary_entry', row);
  await auditCase(trx, deps, o, c, 'case.diary_entry', { entryId: row.id, entryNo, correctsId: row.corrects_id });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Crime details (IIF-2)
// ---------------------------------------------------------------------------------------------

export interface PropertyInput {
  description: string;
  category?: string;
  nature?: 'stolen' | 'involved' | 'recovered';
  value?: number;
  regNo?: string;
  engineNo?: string;
  chassisNo?: string;
  imei?: string[];
}

export interface CrimeDetailsInput {
  version?: number;
  majorHeadCode?: string | null;
  minorHeadCode?: string | null;
  moCodes?: string[];
  moText?: string | null;
  placeType?: string | null;
  sceneLat?: number | null;
  sceneLng?: number | null;
  sceneDescription?: string | null;
  sceneDocumentIds?: string[];
  properties?: PropertyInput[];
  weapons?: { description: string; kind?: string }[];
  vehicles?: { description: string; regNo?: string; role?: string }[];
  motive?: string | null;
}

async function checkCrimeDetails(trx: Trx, firId: string, input: CrimeDetailsInput) {
  const cat = getCatalogue();
  const fields: FieldErrors = {};
  const major = input.majorHeadCode ? cat.findCrimeHead(input.majorHeadCode) : undefined;
  if (input.majorHeadCode && !major) fields.majorHeadCode = 'not a crime head of the master data';
  if (input.minorHeadCode) {
    const minor = cat.findCrimeHead(input.minorHeadCode);
    if (!minor) fields.minorHeadCode = 'not a crime head of the master data';
    else if (major && minor.parentCode !== major.code && minor.code !== major.code)
      fields.minorHeadCode = `is not a sub-head of ${major.code}`;
  }
  const mo = new Set(cat.modusOperandi.map((m) => m.code));
  (input.moCodes ?? []).forEach((code, i) => {
    if (!mo.has(code)) fields[`moCodes.${i}`] = 'not in the modus operandi master list';
  });
  const docs = new Set((await repo.listDocuments(trx, firId)).map((d) => d.id));
  (input.sceneDocumentIds ?? []).forEach((d, i) => {
    if (!docs.has(d)) fields[`sceneDocumentIds.${i}`] = 'not a document of this case';
  });
  if (Object.keys(fields).length)
    throw invalid(
      'crime_details_invalid',
      `Check the crime details: ${Object.keys(fields).join(', ')}.`,
      `अपराध विवरण जांचें: ${Object.keys(fields).join(', ')}।`,
      fields,
    );
}

/**
 * Saves the crime details form (IIF-2). The first save creates it; each later one names the
 * version it edited (428 without it; 412 if someone saved meanwhile). Every version is kept.
 * Property identifiers (vehicle numbers, IMEIs) are indexed for the cross-case alert, whose
 * matches come back with the saved form.
 */
export async function saveCrimeDetails(
  deps: InvDeps,
  trx: Trx,
  o: Officer,
  id: string,
  input: CrimeDetailsInput,
): Promise<{ row: NonNullable<Awaited<ReturnType<typeof repo.findCrimeDetails>>>; alerts: PropertyAlert[] }> {
  const { c } = await requireDesignatedIo(trx, o, id);
  await checkCrimeDetails(trx, id, input);
  const now = deps.clock.now();
  const existing = await repo.findCrimeDetails(trx, id);
  const values = {
    major_head_code: input.majorHeadCode ?? null,
    minor_head_code: input.minorHeadCode ?? null,
    mo_codes: input.moCodes ?? [],
    mo_text: input.moText ?? null,
    place_type: input.placeType ?? null,
    scene_lat: input.sceneLat ?? null,
    scene_lng: input.sceneLng ?? null,
    scene_description: input.sceneDescription ?? null,
    scene_document_ids: input.sceneDocumentIds ?? [],
    properties: input.properties ?? [],
    weapons: input.weapons ?? [],
    vehicles: input.vehicles ?? [],
    motive: input.motive ?? null,
    updated_by: o.auth.user.id,
    updated_by_name: o.auth.user.name,
  };
  let version: number;
  if (!existing) {
    if (input.version !== undefined && input.version !== 0) throw staleVersion();
    await repo.insertCrimeDetails(trx, { fir_id: id, ...placeOfCase(c), ...values, version: 1, at: now });
    version = 1;
  } else {
    if (input.version === undefined)
      throw preconditionRequired(
        'version_required',
        'The crime details already exist: send the version you edited, so a newer save is not overwritten.',
        'अपराध विवरण पहले से है: आपने जिस संस्करण को संपादित किया उसका version भेजें, ताकि नया परिवर्तन न मिटे।',
      );
    if (input.version !== existing.version) throw staleVersion();
    const ok = await repo.updateCrimeDetails(trx, id, existing.version, { ...values, at: now });
    if (!ok) throw staleVersion();
    version = existing.version + 1;
  }
  await repo.insertRecord(trx, 'crime_details_revision', {
    id: newId(),
    fir_id: id,
    version,
    snapshot: values,
    author_id: o.auth.user.id,
    author_name: o.auth.user.name,
    saved_at: now,
  });
  const ids = (input.properties ?? []).flatMap((p) =>
    identifiersOf({ regNo: p.regNo, engineNo: p.engineNo, chassisNo: p.chassisNo, imei: p.imei }).map((x) => ({
      ...x,
      description: p.description,
    })),
  );
  await repo.replaceIdentifiers(
    trx,
    id,
    'crime_details',
    ids.map((x) => ({
      id: newId(),
      fir_id: id,
      ...placeOfCase(c),
      source: 'crime_details' as const,
      source_id: id,
      kind: x.kind,
      value: x.value,
      description: x.description,
    })),
    now,
  );
  await indexCrimeDetails(trx, c, input, now);
  await auditCase(trx, deps, o, c, 'case.crime_details', { version });
  const alerts = await propertyAlerts(trx, o.auth.scope, c, ids);
  return { row: (await repo.findCrimeDetails(trx, id))!, alerts };
}

// ---------------------------------------------------------------------------------------------
// Statements (BNSS 180)
// ---------------------------------------------------------------------------------------------

/**
 * BNSS 180(3), second proviso: the statement of a woman against whom an offence under BNS 64,
 * 65, 66, 67, 68, 69, 70, 71, 74, 75, 76, 77, 78, 79 or 124 is alleged to have been committed or
 * attempted is recorded by a woman police officer or any woman officer. (CrPC 161(3) proviso
 * named IPC 354, 354A-D, 376, 376A-E and 509 for older cases.) The list is the Act's own words,
 * not a punishment band, so it lives here beside the rule.
 */
const WOMAN_OFFICER_SECTIONS: Record<string, ReadonlySet<string>> = {
  BNS: new Set(['64', '65', '66', '67', '68', '69', '70', '71', '74', '75', '76', '77', '78', '79', '124']),
  IPC: new Set(['354', '354A', '354B', '354C', '354D', '376', '376A', '376AB', '376B', '376C', '376D', '376DA', '376DB', '376E', '509']),
};
export function womanOfficerSection(sections: { act: string; section: string }[]): string | null {
  const hit = sections.find((s) => WOMAN_OFFICER_SECTIONS[s.act.toUpperCase()]?.has(s.section.replace(/\(.*$/, '').toUpperCase()));
  return hit ? `${hit.act} ${hit.section}` : null;
}

export interface StatementInput {
  casePersonId?: string;
  personCode?: string;
  recordedAt?: string;
  place: string;
  language: 'hi' | 'en' | 'other';
  text: string;
  mediaDocumentId?: string;
  recordedByWomanOfficer?: boolean;
  recordingOfficerName?: string;
  correctsId?: string;
}

/**
 * A statement under BNSS 180: not before the FIR, by a person of the case, optionally with its
 * audio-video recording (a document of the case). Where BNSS 180(3) requires a woman officer,
 * the statement must say so and name her (422 otherwise).
 */
export async function addStatement(deps: InvDeps, trx: Trx, o: Officer, id: string, input: StatementInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  const at = checkRecordTime(deps, c, timeOr(deps, input.recordedAt), 'recordedAt', 'statement', 'बयान');
  const p = await resolveCasePerson(
    trx,
    id,
    { id: input.casePersonId, code: input.personCode },
    input.casePersonId ? 'casePersonId' : 'personCode',
  );
  const listed = womanOfficerSection(c.sections);
  const woman = (p.person_sex ?? p.sex) === 'female';
  const required = !!listed && woman && (p.role === 'victim' || p.role === 'complainant');
  if (required && !(input.recordedByWomanOfficer && input.recordingOfficerName))
    throw invalid(
      'woman_officer_required',
      `BNSS 180(3): the statement of a woman victim of ${listed} must be recorded by a woman officer. Mark it so and name the officer.`,
      `बीएनएसएस 180(3): ${listed} की पीड़ित महिला का बयान महिला अधिकारी द्वारा लिखा जाना अनिवार्य है। इसे चिह्नित करें और अधिकारी का नाम दें।`,
      { recordedByWomanOfficer: 'must be true, with recordingOfficerName' },
    );
  if (input.mediaDocumentId) {
    const d = await repo.findDocument(trx, id, input.mediaDocumentId);
    if (!d)
      throw invalid('document_not_found', 'The recording is not a document of this case.', 'रिकॉर्डिंग इस प्रकरण का दस्तावेज़ नहीं है।', {
        mediaDocumentId: 'not a document of this case',
      });
    if (!/^(audio|video)\//.test(d.content_type))
      throw invalid('recording_not_media', 'The recording must be an audio or video file.', 'रिकॉर्डिंग ऑडियो या वीडियो फ़ाइल होनी चाहिए।', {
        mediaDocumentId: `is ${d.content_type}`,
      });
  }
  if (input.correctsId && !(await repo.findStatement(trx, id, input.correctsId)))
    throw invalid(
      'statement_correction_target_invalid',
      'The statement to correct is not in this case.',
      'सुधारा जाने वाला बयान इस प्रकरण में नहीं है।',
      { correctsId: 'not a statement of this case' },
    );
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    statement_no: await repo.nextNo(trx, 'case_statement', 'statement_no', id),
    case_person_id: p.id,
    recorded_at: at,
    place: input.place,
    language: input.language,
    text: input.text,
    media_document_id: input.mediaDocumentId ?? null,
    woman_officer_required: required,
    recorded_by_woman_officer: !!input.recordedByWomanOfficer,
    recording_officer_name: input.recordingOfficerName ?? null,
    corrects_id: input.correctsId ?? null,
    ...authorOf(o),
    author_rank: o.auth.user.rank,
    created_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'case_statement', row);
  await auditCase(trx, deps, o, c, 'case.statement', { statementId: row.id, casePersonId: p.id, womanOfficerRequired: required });
  return { ...row, person_code: p.code, person_name: p.name };
}

// ---------------------------------------------------------------------------------------------
// Notice of appearance (BNSS 35(3))
// ---------------------------------------------------------------------------------------------

export interface AppearanceNoticeInput {
  casePersonId?: string;
  personCode?: string;
  issuedAt?: string;
  appearAt: string;
  appearPlace: string;
  servedHow: string;
  conditions?: string;
}

/**
 * A notice of appearance (BNSS 35(3); Arnesh Kumar v. State of Bihar): only where the case's
 * gravest punishment is up to seven years (the master data's rule says so, with its basis),
 * only to an accused or suspect, and not to one who has been arrested.
 */
export async function addAppearanceNotice(deps: InvDeps, trx: Trx, o: Officer, id: string, input: AppearanceNoticeInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  const issued = checkRecordTime(deps, c, timeOr(deps, input.issuedAt), 'issuedAt', 'notice', 'नोटिस');
  const appear = new Date(input.appearAt);
  if (appear < issued)
    throw badOrder('appearAt', 'The appearance cannot be before the notice is issued.', 'उपस्थिति नोटिस जारी होने से पहले नहीं हो सकती।');
  const ruling = noticeOfAppearance(caseSections(c.state_code, c.sections));
  if (!ruling.applies)
    throw invalid(
      'notice_not_applicable',
      `A notice of appearance does not apply: ${ruling.basis}`,
      'उपस्थिति की सूचना लागू नहीं: अपराध सात वर्ष से अधिक दंडनीय है।',
      { casePersonId: ruling.basis },
    );
  const p = await resolveCasePerson(
    trx,
    id,
    { id: input.casePersonId, code: input.personCode },
    input.casePersonId ? 'casePersonId' : 'personCode',
  );
  if (p.role !== 'accused' && p.role !== 'suspect')
    throw invalid(
      'not_an_accused',
      'A notice of appearance goes to an accused or a suspect.',
      'उपस्थिति की सूचना अभियुक्त या संदिग्ध को दी जाती है।',
      { personCode: `is a ${p.role}` },
    );
  if (await repo.findArrestOf(trx, id, p.id))
    throw conflict(
      'person_arrested',
      `${p.code} has been arrested; a notice of appearance is for a person not arrested.`,
      `${p.code} गिरफ्तार है; उपस्थिति की सूचना बिना गिरफ्तारी वाले व्यक्ति के लिए है।`,
    );
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    notice_no: await repo.nextNo(trx, 'appearance_notice', 'notice_no', id),
    case_person_id: p.id,
    issued_at: issued,
    appear_at: appear,
    appear_place: input.appearPlace,
    served_how: input.servedHow,
    conditions: input.conditions ?? null,
    basis: ruling.basis,
    ...authorOf(o),
    author_rank: o.auth.user.rank,
    created_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'appearance_notice', row);
  await auditCase(trx, deps, o, c, 'case.appearance_notice', { noticeId: row.id, casePersonId: p.id });
  return { ...row, person_code: p.code, person_name: p.name };
}

// ---------------------------------------------------------------------------------------------
// Progress notice to the informant / victim (BNSS 193(3)(ii))
// ---------------------------------------------------------------------------------------------

export interface ProgressNoticeInput {
  recipient: 'informant' | 'victim';
  victimCode?: string;
  text?: string;
  textHi?: string;
  deliveredBy?: 'in_person' | 'post';
}

function stageWords(c: CaseRow) {
  return isCaseStage(c.stage) ? CASE_WORKFLOW[c.stage].label : { en: c.stage, hi: c.stage };
}

/**
 * Tells the informant (the FIR's complainant) or a victim of the case the investigation's
 * progress (BNSS 193(3)(ii)): by SMS and e-mail through the outbox, in the same transaction, or
 * recorded as delivered in person / by post when they have neither. The first notice stops the
 * 90-day clock. In a sensitive case the message names no one.
 */
export async function sendProgressNotice(deps: InvDeps, trx: Trx, o: Officer, id: string, input: ProgressNoticeInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  let to: { name: string; phone: string | null; email: string | null };
  if (input.recipient === 'informant') {
    const comp = (c.complainant ?? {}) as { name?: string; phone?: string; email?: string };
    to = { name: comp.name ?? 'Informant', phone: comp.phone ?? null, email: comp.email ?? null };
  } else {
    if (!input.victimCode)
      throw invalid('victim_required', 'Name the victim by code (V1 …).', 'पीड़ित का कोड (V1 …) बताएं।', { victimCode: 'required' });
    const p = await resolveCasePerson(trx, id, { code: input.victimCode }, 'victimCode');
    if (p.role !== 'victim')
      throw invalid('not_a_victim', `${p.code} is not a victim of this case.`, `${p.code} इस प्रकरण के पीड़ित नहीं हैं।`, {
        victimCode: `is a ${p.role}`,
      });
    const person = await repo.findPerson(trx, c.state_code, p.person_id);
    to = { name: p.name, phone: person?.phone ?? null, email: null };
  }
  const stage = stageWords(c);
  const textEn =
    input.text ??
    `FIR No. ${c.fir_number}, PS ${c.station_name}: the investigation is at the stage "${stage.en}". Investigating officer: ${c.io_name ?? '-'}. Contact the police station for details.`;
  const textHi =
    input.textHi ??
    `एफआईआर क्र. ${c.fir_number}, थाना ${c.station_name_hi}: विवेचना "${stage.hi}" चरण पर है। विवेचक: ${c.io_name_hi ?? c.io_name ?? '-'}। विवरण हेतु थाने से संपर्क करें।`;
  const outbox: string[] = [];
  const channels: string[] = [];
  if (input.deliveredBy) channels.push(input.deliveredBy);
  else {
    if (to.phone) {
      outbox.push(
        await enqueueMessage(trx, deps.clock, c.state_code, 'sms', {
          kind: 'investigation_progress',
          to: to.phone,
          text: `${textEn}\n${textHi}`,
        }),
      );
      channels.push('sms');
    }
    if (to.email) {
      outbox.push(
        await enqueueMessage(trx, deps.clock, c.state_code, 'email', {
          kind: 'investigation_progress',
          to: to.email,
          subject: `Progress of investigation, FIR ${c.fir_number} / विवेचना की प्रगति`,
          text: `${textEn}\n\n${textHi}`,
        }),
      );
      channels.push('email');
    }
    if (!channels.length)
      throw invalid(
        'recipient_unreachable',
        'The recipient has no mobile number or e-mail on record. Deliver the notice in person or by post and record it with deliveredBy.',
        'प्राप्तकर्ता का मोबाइल या ई-मेल दर्ज नहीं है। सूचना व्यक्तिगत रूप से या डाक से दें और deliveredBy से दर्ज करें।',
        { deliveredBy: 'required when there is no phone or e-mail' },
      );
  }
  const now = deps.clock.now();
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    recipient: input.recipient,
    recipient_name: to.name,
    channels,
    text_en: textEn,
    text_hi: textHi,
    outbox_ids: outbox,
    sent_at: now,
    ...authorOf(o),
    created_at: now,
  };
  await repo.insertRecord(trx, 'progress_notice', row);
  await auditCase(trx, deps, o, c, 'case.progress_notice', { noticeId: row.id, recipient: input.recipient, channels });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Forensic requests and reports
// ---------------------------------------------------------------------------------------------

export interface ForensicRequestInput {
  lab: string;
  what: string;
  itemIds?: string[];
  itemNos?: number[];
  questions?: string;
  sentAt?: string;
}

export async function addForensicRequest(deps: InvDeps, trx: Trx, o: Officer, id: string, input: ForensicRequestInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const sent = checkRecordTime(deps, c, timeOr(deps, input.sentAt), 'sentAt', 'forensic request', 'फॉरेंसिक अनुरोध');
  const items = await repo.listItems(trx, id);
  const ids: string[] = [];
  const fields: FieldErrors = {};
  (input.itemIds ?? []).forEach((x, i) =>
    items.some((it) => it.id === x) ? ids.push(x) : (fields[`itemIds.${i}`] = 'not an item of this case'),
  );
  (input.itemNos ?? []).forEach((n, i) => {
    const it = items.find((x) => x.item_no === n);
    if (it) ids.push(it.id);
    else fields[`itemNos.${i}`] = 'not an item of this case';
  });
  if (Object.keys(fields).length)
    throw invalid('item_not_found', 'Some items are not items of this case.', 'कुछ वस्तुएं इस प्रकरण की नहीं हैं।', fields);
  const row = {
    id: newId(),
    fir_id: c.id,
    ...placeOfCase(c),
    request_no: await repo.nextNo(trx, 'forensic_request', 'request_no', id),
    lab: input.lab,
    what: input.what,
    item_ids: [...new Set(ids)],
    questions: input.questions ?? null,
    sent_at: sent,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'forensic_request', row);
  await auditCase(trx, deps, o, c, 'case.forensic_request', { requestId: row.id, lab: row.lab });
  return row;
}

export interface ForensicReportInput {
  receivedAt?: string;
  reportRef?: string;
  documentId?: string;
  summary: string;
}

export async function addForensicReport(deps: InvDeps, trx: Trx, o: Officer, id: string, requestId: string, input: ForensicReportInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const req = await repo.findForensicRequest(trx, id, requestId);
  if (!req) throw recordNotFound('Forensic request', 'फॉरेंसिक अनुरोध', 'forensic_request_not_found');
  const received = checkRecordTime(deps, c, timeOr(deps, input.receivedAt), 'receivedAt', 'report', 'रिपोर्ट');
  if (received < req.sent_at)
    throw badOrder('receivedAt', 'A report cannot be received before the request was sent.', 'रिपोर्ट अनुरोध भेजने से पहले प्राप्त नहीं हो सकती।');
  if (input.documentId && !(await repo.findDocument(trx, id, input.documentId)))
    throw invalid('document_not_found', 'The report file is not a document of this case.', 'रिपोर्ट फ़ाइल इस प्रकरण का दस्तावेज़ नहीं है।', {
      documentId: 'not a document of this case',
    });
  const row = {
    id: newId(),
    request_id: req.id,
    fir_id: c.id,
    ...placeOfCase(c),
    received_at: received,
    report_ref: input.reportRef ?? null,
    document_id: input.documentId ?? null,
    summary: input.summary,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'forensic_report', row);
  await auditCase(trx, deps, o, c, 'case.forensic_report', { requestId: req.id, reportId: row.id });
  return row;
}

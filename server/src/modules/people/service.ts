/**
 * The master person index: one record per real person across the state, with every name it is
 * known by in both scripts, and the rules for creating, matching, merging and reading it.
 *
 * For other modules (investigation adds persons to cases through these):
 *   createPerson(deps, trx, officer, input)     a new record; returns its view
 *   suggestMatches(trx, input, opts)            likely existing records, ranked, with evidence
 *   getPerson(db, stateCode, id) / findPerson   the record (a merged id answers with its survivor)
 *   linkableRecord(db, stateCode, id)           a record a case may link, or the one it was merged into
 *   linkPersonToCase(trx, link)                 the person's role in a case (antecedents)
 *   recordCaseResult(trx, result)               conviction, acquittal ... of the person in a case
 *   recordCourtResult(clock, trx, actor, r)     the same from the court (disposal, appeal), audited
 *   indexPersonNames(trx, personId)             (re)build the name index of a person row written elsewhere
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { fileTypeFromBuffer } from 'file-type';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, badRequest, notFound, staleVersion, unprocessable, type FieldErrors } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Scope } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { serverKeys, type ServerKeys } from '../auth/keys.js';
import { findFir } from '../firs/service.js';
import { findDistrict, findStation } from '../org/repository.js';
import { nameIndexFields, queryFields } from '../search/names/fields.js';
import { MATCH_THRESHOLD, fmt2 } from '../search/names/score.js';
import { trigramSimilarity } from '../search/names/trigram.js';
import { docMacParts, maskDocNumber, normaliseDocNumber, normalisePhone, type IdDocType } from './identity.js';
import { runPersonSearch, type PersonSearchFilter } from './name-search.js';
import { personCore, personSummary, type PersonSummary, type SummaryRow } from './presenter.js';
import * as repo from './repository.js';
import type { CaseResult, CaseRole, NameKind, PersonRow } from './repository.js';
import {
  matchBody,
  personInput,
  type AddressInput,
  type IdentityInput,
  type MarkInput,
  type MatchInput,
  type PersonInput,
  type PersonInputParsed,
  type UpdatePersonInput,
} from './schemas.js';

type Db = Kysely<Database>;

/** An officer acting through the API, or a module acting for one (same shape as the FIR module's Officer). */
export interface PeopleOfficer {
  auth: AuthContext;
  actor: ActorContext;
}

/** What the people services need of the app. */
export type PeopleDeps = Pick<Deps, 'clock' | 'config' | 'db'>;

export const personNotFound = () => notFound('Person', 'व्यक्ति', 'person_not_found');

const stateScope = (stateCode: string): Scope => ({ level: 'state', stateCode });

// ---------------------------------------------------------------------------------------------
// Keys for identity documents
// ---------------------------------------------------------------------------------------------

/**
 * The server keys inside a transaction. With APP_SECRET (production) they come from the secret
 * and touch no table; in the embedded demo the key lives in server_key and is read through the
 * transaction, because on PGlite the plain connection waits for the transaction to end.
 */
export function identityKeys(config: Config, trx: Db, db?: { kysely: Db }): Promise<ServerKeys> {
  if (config.APP_SECRET && db) return serverKeys(config, db);
  return serverKeys(config, { kysely: trx });
}

interface PreparedDoc {
  type: IdDocType;
  masked: string;
  hmac: string;
  number: string | null;
}

function prepareDocs(keys: ServerKeys, docs: readonly IdentityInput[], field = 'identityDocuments'): PreparedDoc[] {
  const fields: FieldErrors = {};
  const out: PreparedDoc[] = [];
  docs.forEach((d, i) => {
    const n = normaliseDocNumber(d.type, d.number);
    if (n === undefined) {
      fields[`${field}.${i}.number`] =
        d.type === 'aadhaar' ? 'not a valid Aadhaar number (12 digits, check digit)' : `not a valid ${d.type} number`;
      return;
    }
    out.push({
      type: d.type,
      masked: maskDocNumber(d.type, n),
      hmac: keys.mac(...docMacParts(d.type, n)),
      number: d.type === 'aadhaar' ? null : n,
    });
  });
  if (Object.keys(fields).length > 0)
    throw unprocessable(
      'identity_document_invalid',
      'An identity document number is not valid.',
      'पहचान दस्तावेज़ की संख्या मान्य नहीं है।',
      fields,
    );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names and ages
// ---------------------------------------------------------------------------------------------

function assertName(name: string, field: string): void {
  if (nameIndexFields(name).tokens.length === 0)
    throw unprocessable('name_has_no_letters', 'A name must contain letters.', 'नाम में अक्षर होने चाहिए।', { [field]: 'no letters in it' });
}

/** Birth year from a date of birth, or projected from "age X on date D". */
export function birthYearOf(
  birthDate: string | null | undefined,
  ageYears: number | null | undefined,
  ageOn: string | null | undefined,
): number | null {
  if (birthDate) return Number(birthDate.slice(0, 4));
  if (ageYears !== null && ageYears !== undefined && ageOn) return Number(ageOn.slice(0, 4)) - ageYears;
  return null;
}

function checkDates(now: Date, birthDate: string | null | undefined, ageOn: string | null | undefined, fieldPrefix = ''): void {
  const today = istDate(now);
  if (birthDate && birthDate > today)
    throw unprocessable('birth_date_in_future', 'The date of birth is in the future.', 'जन्म तिथि भविष्य में है।', {
      [`${fieldPrefix}birthDate`]: 'in the future',
    });
  if (ageOn && ageOn > today)
    throw unprocessable('age_date_in_future', 'The date of the age is in the future.', 'आयु की तिथि भविष्य में है।', {
      [`${fieldPrefix}age.onDate`]: 'in the future',
    });
}

interface NameRow {
  kind: NameKind;
  name: string;
}

async function insertNames(trx: Db, p: PersonRow, masterId: string, names: NameRow[], createdBy: string | null, at: Date): Promise<void> {
  const father = p.father_name ? nameIndexFields(p.father_name).norm || null : null;
  const rows = names
    .map((n) => ({ n, f: nameIndexFields(n.name) }))
    .filter(({ f }) => f.tokens.length > 0)
    .map(({ n, f }) => ({
      id: newId(),
      person_id: p.id,
      master_id: masterId,
      state_code: p.state_code,
      kind: n.kind,
      name: n.name,
      name_norm: f.norm,
      name_keys: f.keys,
      father_norm: father,
      birth_year: p.birth_year,
      sex: p.sex,
      district_id: p.district_id,
      created_at: at,
      created_by: createdBy,
    }));
  if (rows.length > 0) await trx.insertInto('person_name').values(rows).execute();
}

/**
 * (Re)builds the name index of a person row: its recorded name and Devanagari name, keeping
 * aliases and nicknames. For person rows written by another module straight into `person`
 * (call it in the same transaction); createPerson does it itself.
 */
export async function indexPersonNames(trx: Db, personId: string): Promise<void> {
  const p = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!p) throw personNotFound();
  const masterId = (await repo.resolveMasterId(trx, p.state_code, p.id)) ?? p.id;
  await trx.deleteFrom('person_name').where('person_id', '=', p.id).where('kind', 'in', ['primary', 'primary_hi']).execute();
  const names: NameRow[] = [{ kind: 'primary', name: p.name }];
  if (p.name_hi && p.name_hi !== p.name) names.push({ kind: 'primary_hi', name: p.name_hi });
  await insertNames(trx, p, masterId, names, p.created_by, p.created_at);
  await repo.refreshNameCopies(trx, p.id, {
    father_norm: p.father_name ? nameIndexFields(p.father_name).norm || null : null,
    birth_year: p.birth_year,
    sex: p.sex,
    district_id: p.district_id,
  });
}

/**
 * Indexes person rows that have no name index yet (written straight into `person` by code that
 * did not call indexPersonNames). Run at start-up; cheap when there is nothing to do.
 */
export async function indexUnindexedPersons(db: Db, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await db
      .selectFrom('person as p')
      .select('p.id')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('person_name as n').select('n.id').whereRef('n.person_id', '=', 'p.id'))),
      )
      .limit(batch)
      .execute();
    if (ids.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const { id } of ids) {
        const p = await trx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        if (p.birth_year === null) {
          const by = birthYearOf(p.birth_date, p.age_years, p.age_on);
          if (by !== null) await trx.updateTable('person').set({ birth_year: by }).where('id', '=', id).execute();
        }
        await indexPersonNames(trx, id);
      }
    });
    done += ids.length;
    if (ids.length < batch) return done;
  }
}

// ---------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------

async function checkPlaces(trx: Db, stateCode: string, addresses: readonly AddressInput[], prefix = 'addresses'): Promise<void> {
  const fields: FieldErrors = {};
  for (const [i, a] of addresses.entries()) {
    if (a.districtId && !(await findDistrict(trx, stateCode, a.districtId))) fields[`${prefix}.${i}.districtId`] = 'no such district';
    if (a.stationId) {
      const st = await findStation(trx, stateCode, a.stationId);
      if (!st) fields[`${prefix}.${i}.stationId`] = 'no such station';
      else if (a.districtId && st.district_id !== a.districtId) fields[`${prefix}.${i}.stationId`] = 'not in that district';
    }
  }
  if (Object.keys(fields).length > 0)
    throw unprocessable('place_invalid', 'An address names an unknown place.', 'पते में अज्ञात स्थान है।', fields);
}

function parseInput<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: FieldErrors = {};
  for (const i of r.error.issues) fields[i.path.map(String).join('.') || '(root)'] = i.message;
  const names = Object.keys(fields).join(', ');
  throw badRequest(`Please correct these fields: ${names}.`, `कृपया इन फ़ील्ड को ठीक करें: ${names}।`, fields);
}

/**
 * Creates a person record in the caller's transaction: the person row, every name (recorded,
 * Devanagari, aliases, nicknames) with its search keys, addresses, phones, identity documents
 * (Aadhaar masked and hashed only) and marks; writes the audit row. Validates `input` itself
 * (other modules may pass it unparsed). Throws 400 for a malformed input and 422 naming the
 * field for a bad document number, an unknown place or a date in the future.
 */
export async function createPerson(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, input: PersonInput): Promise<PersonView> {
  const id = await createPersonRecord(deps, trx, officer, input);
  return getPerson(trx, officer.auth.user.stateCode, id);
}

/** createPerson without reading the record back: returns the new id (bulk callers, the seed). */
export async function createPersonRecord(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, input: PersonInput): Promise<string> {
  const p: PersonInputParsed = parseInput(personInput, input);
  const now = deps.clock.now();
  const stateCode = officer.auth.user.stateCode;
  assertName(p.name, 'name');
  if (p.nameHi) assertName(p.nameHi, 'nameHi');
  const ageOn = p.age ? (p.age.onDate ?? istDate(now)) : null;
  checkDates(now, p.birthDate, ageOn);
  await checkPlaces(trx, stateCode, p.addresses);
  const phoneFields: FieldErrors = {};
  const phones = p.phones.map((ph, i) => {
    const n = normalisePhone(ph);
    if (!n) phoneFields[`phones.${i}`] = 'not a phone number';
    return n ?? '';
  });
  if (Object.keys(phoneFields).length > 0)
    throw unprocessable('phone_invalid', 'A phone number is not valid.', 'फ़ोन नंबर मान्य नहीं है।', phoneFields);
  const docs = p.identityDocuments.length > 0 ? prepareDocs(await identityKeys(deps.config, trx, deps.db), p.identityDocuments) : [];

  const present = p.addresses.find((a) => a.kind === 'present') ?? p.addresses[0];
  const id = newId();
  const userId = officer.auth.user.id;
  const row = {
    id,
    state_code: stateCode,
    name: p.name,
    name_hi: p.nameHi ?? null,
    father_name: p.fatherName ?? null,
    mother_name: p.motherName ?? null,
    spouse_name: p.spouseName ?? null,
    sex: p.sex ?? null,
    birth_date: p.birthDate ?? null,
    age_years: p.birthDate ? null : (p.age?.years ?? null),
    age_on: p.birthDate ? null : ageOn,
    birth_year: birthYearOf(p.birthDate, p.age?.years, ageOn),
    address: present?.address ?? null,
    district_id: present?.districtId ?? null,
    phone: phones[0] ?? null,
    nationality: p.nationality ?? 'Indian',
    occupation: p.occupation ?? null,
    height_cm: p.heightCm ?? null,
    build: p.build ?? null,
    complexion: p.complexion ?? null,
    notes: p.notes ?? null,
    created_station_id: officer.auth.user.stationId,
    created_by: userId,
    created_at: now,
  };
  await trx.insertInto('person').values(row).execute();
  const inserted = (await repo.findPersonRow(trx, stateCode, id))!;
  const names: NameRow[] = [{ kind: 'primary', name: p.name }];
  if (p.nameHi && p.nameHi !== p.name) names.push({ kind: 'primary_hi', name: p.nameHi });
  for (const a of p.aliases) names.push({ kind: 'alias', name: a });
  for (const n of p.nicknames) names.push({ kind: 'nickname', name: n });
  await insertNames(trx, inserted, id, names, userId, now);
  for (const a of p.addresses) await insertAddress(trx, stateCode, id, a, userId, now, false);
  for (const ph of new Set(phones))
    await trx
      .insertInto('person_phone')
      .values({ id: newId(), person_id: id, state_code: stateCode, phone: ph, kind: 'mobile', recorded_at: now, recorded_by: userId })
      .execute();
  for (const d of docs) await insertDoc(trx, stateCode, id, d, userId, now);
  for (const m of p.marks) await insertMark(trx, stateCode, id, m, userId, now);
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.create',
    entityType: 'person',
    entityId: id,
    stationId: officer.auth.user.stationId,
    districtId: officer.auth.user.districtId,
    details: { names: names.length, documents: docs.map((d) => d.type) },
  });
  return id;
}

async function insertAddress(
  trx: Db,
  stateCode: string,
  personId: string,
  a: AddressInput,
  userId: string | null,
  now: Date,
  closePrevious: boolean,
) {
  if (closePrevious && a.kind === 'present') {
    const from = a.fromDate ?? istDate(now);
    await trx
      .updateTable('person_address')
      .set({ to_date: sql<string>`greatest(coalesce(from_date, ${from}::date), ${from}::date)` })
      .where('person_id', '=', personId)
      .where('kind', '=', 'present')
      .where('to_date', 'is', null)
      .execute();
  }
  await trx
    .insertInto('person_address')
    .values({
      id: newId(),
      person_id: personId,
      state_code: stateCode,
      kind: a.kind,
      address: a.address,
      district_id: a.districtId ?? null,
      station_id: a.stationId ?? null,
      from_date: a.fromDate ?? null,
      to_date: null,
      recorded_at: now,
      recorded_by: userId,
    })
    .execute();
}

async function insertDoc(trx: Db, stateCode: string, personId: string, d: PreparedDoc, userId: string | null, now: Date) {
  await trx
    .insertInto('person_identity')
    .values({
      id: newId(),
      person_id: personId,
      state_code: stateCode,
      doc_type: d.type,
      number_masked: d.masked,
      number_hmac: d.hmac,
      number: d.number,
      recorded_at: now,
      recorded_by: userId,
    })
    .onConflict((oc) => oc.columns(['person_id', 'doc_type', 'number_hmac']).doNothing())
    .execute();
}

async function insertMark(trx: Db, stateCode: string, personId: string, m: MarkInput, userId: string | null, now: Date) {
  await trx
    .insertInto('person_mark')
    .values({
      id: newId(),
      person_id: personId,
      state_code: stateCode,
      kind: m.kind,
      body_part: m.bodyPart ?? null,
      description: m.description,
      recorded_at: now,
      recorded_by: userId,
    })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------------------------

/** Summaries (name, father, age, district, flags) of master records, in the order given. */
export async function personSummaries(db: Db, stateCode: string, ids: readonly string[]): Promise<PersonSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('person as p')
    .leftJoin('district as d', 'd.id', 'p.district_id')
    .select([
      'p.id',
      'p.name',
      'p.name_hi',
      'p.father_name',
      'p.sex',
      'p.birth_date',
      'p.birth_year',
      'p.age_years',
      'p.age_on',
      'p.district_id',
      'd.name as district_name',
      'p.address',
      // The record and every record merged into it: the person ids whose names answer for p.
      sql<number>`(select count(distinct r.fir_id) from person_case_role r
                   where r.person_id in (select n.person_id from person_name n where n.master_id = p.id) and r.role = 'accused')`.as(
        'accused_cases',
      ),
      sql<boolean>`exists (select 1 from history_sheet h
                   where h.person_id in (select n.person_id from person_name n where n.master_id = p.id) and h.status = 'open')`.as(
        'open_history_sheet',
      ),
      sql<boolean>`exists (select 1 from wanted_person w
                   where w.person_id in (select n.person_id from person_name n where n.master_id = p.id) and w.status = 'active')`.as(
        'wanted',
      ),
    ])
    .where('p.state_code', '=', stateCode)
    .where('p.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, personSummary(r as SummaryRow)]));
  return ids.map((i) => byId.get(i)).filter((x): x is PersonSummary => x !== undefined);
}

export interface PersonView extends ReturnType<typeof personCore> {
  /** Set when the id asked for was merged into this record. */
  requestedId?: string;
  names: { id: string; personId: string; kind: string; name: string; normalised: string }[];
  addresses: Awaited<ReturnType<typeof repo.listAddresses>>;
  phones: { id: string; phone: string; kind: string; recordedAt: Date }[];
  identityDocuments: { id: string; type: string; numberMasked: string; recordedAt: Date }[];
  marks: { id: string; kind: string; bodyPart: string | null; description: string }[];
  photos: {
    id: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    caption: string | null;
    takenOn: string | null;
    uploadedAt: Date;
  }[];
  roles: { firId: string; role: string; code: string | null; stationCode: string; stationName: string; personId: string }[];
  mergedRecords: string[];
  merges: {
    id: string;
    survivorId: string;
    mergedId: string;
    reason: string;
    mergedByName: string;
    mergedAt: Date;
    unmergedAt: Date | null;
  }[];
  summary: PersonSummary;
}

/** The record an id answers for (a merged id answers with its survivor), or undefined. */
export async function findPerson(db: Db, stateCode: string, id: string): Promise<PersonView | undefined> {
  const masterId = await repo.resolveMasterId(db, stateCode, id);
  if (!masterId) return undefined;
  const p = await repo.findPersonRow(db, stateCode, masterId);
  if (!p) return undefined;
  const tree = await repo.mergedTree(db, masterId);
  const [names, addresses, phones, ids, marks, photos, roles, merges, summaries] = [
    await repo.listNames(db, tree),
    await repo.listAddresses(db, tree),
    await repo.listPhones(db, tree),
    await repo.listIdentities(db, tree),
    await repo.listMarks(db, tree),
    await repo.listPhotoMeta(db, tree),
    await repo.listCaseRoles(db, tree),
    await repo.listMerges(db, tree),
    await personSummaries(db, stateCode, [masterId]),
  ];
  return {
    ...personCore(p),
    ...(masterId !== id ? { requestedId: id } : {}),
    names: names.map((n) => ({ id: n.id, personId: n.person_id, kind: n.kind, name: n.name, normalised: n.name_norm })),
    addresses,
    phones: phones.map((x) => ({ id: x.id, phone: x.phone, kind: x.kind, recordedAt: x.recorded_at })),
    identityDocuments: ids.map((x) => ({ id: x.id, type: x.doc_type, numberMasked: x.number_masked, recordedAt: x.recorded_at })),
    marks: marks.map((m) => ({ id: m.id, kind: m.kind, bodyPart: m.body_part, description: m.description })),
    photos: photos.map((x) => ({
      id: x.id,
      contentType: x.content_type,
      sizeBytes: x.size_bytes,
      sha256: x.sha256,
      caption: x.caption,
      takenOn: x.taken_on,
      uploadedAt: x.uploaded_at,
    })),
    roles: roles.map((r) => ({
      firId: r.fir_id,
      role: r.role,
      code: r.code,
      stationCode: r.station_code,
      stationName: r.station_name,
      personId: r.person_id,
    })),
    mergedRecords: tree.filter((t) => t !== masterId),
    merges: merges.map((m) => ({
      id: m.id,
      survivorId: m.survivor_id,
      mergedId: m.merged_id,
      reason: m.reason,
      mergedByName: m.merged_by_name,
      mergedAt: m.merged_at,
      unmergedAt: m.unmerged_at,
    })),
    summary: summaries[0]!,
  };
}

/**
 * What a case may link for a person id: a record of the state standing on its own (`masterId`,
 * with `records`: it and every record merged into it, whose case links count as its own); or,
 * for a record merged into another, the surviving record at the end of the chain
 * (`mergedInto`); undefined for an id unknown in the state (another state's answers the same).
 */
export async function linkableRecord(
  db: Db,
  stateCode: string,
  id: string,
): Promise<{ masterId: string; records: string[] } | { mergedInto: string } | undefined> {
  const masterId = await repo.resolveMasterId(db, stateCode, id);
  if (!masterId) return undefined;
  if (masterId !== id) return { mergedInto: masterId };
  return { masterId, records: await repo.mergedTree(db, masterId) };
}

/** The record an id answers for, or 404 (a person of another state answers like a missing one). */
export async function getPerson(db: Db, stateCode: string, id: string): Promise<PersonView> {
  const v = await findPerson(db, stateCode, id);
  if (!v) throw personNotFound();
  return v;
}

/** getPerson, with the audit row of the read (person.read). */
export async function readPerson(deps: PeopleDeps, db: Db, officer: PeopleOfficer, id: string): Promise<PersonView> {
  const v = await getPerson(db, officer.auth.user.stateCode, id);
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'person.read',
    entityType: 'person',
    entityId: v.id,
    details: v.requestedId ? { requestedId: v.requestedId } : {},
  });
  return v;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export interface SearchParams {
  q: string;
  districtId?: string;
  stationId?: string;
  ageFrom?: number;
  ageTo?: number;
  sex?: string;
  role?: 'accused' | 'any';
  fatherName?: string;
  limit?: number;
}

export interface SearchResult {
  person: PersonSummary;
  matchedName: string;
  score: number;
  why: string[];
  likelySame: boolean;
}

/** The longest query searched; longer input is cut (names are never this long). */
export const SEARCH_QUERY_MAX = 1000;

export const queryTooShort = () =>
  badRequest('Type at least 2 letters of the name.', 'नाम के कम से कम 2 अक्षर लिखें।', { q: 'at least 2 characters' }, 'query_too_short');

/**
 * The query as searched and audited: control characters (NUL ...) become spaces and format
 * characters (bidi overrides, zero-width joiners) are dropped, since PostgreSQL text cannot hold
 * NUL and they are never part of a name; and the
 * length is capped. Everything else stays text: it only ever reaches SQL as a bound parameter.
 */
export function cleanQuery(q: string): string {
  return q
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SEARCH_QUERY_MAX);
}

/** Whether a place filter lies inside the caller's scope; outside it, a search answers "no match". */
function districtInScope(scope: Scope, districtId: string): boolean {
  if (scope.level === 'state') return true;
  if (scope.level === 'self') return false;
  return scope.districtId === districtId;
}

async function stationInScope(db: Db, scope: Scope, stationId: string): Promise<boolean> {
  if (scope.level === 'self') return false;
  const st = await findStation(db, scope.stateCode, stationId);
  if (!st) return false;
  switch (scope.level) {
    case 'state':
      return true;
    case 'district':
      return st.district_id === scope.districtId;
    case 'subdivision':
      return st.subdivision_id === scope.subdivisionId;
    case 'station':
      return st.id === scope.stationId;
  }
}

/**
 * The ranked person search of GET /people/search, audited with its query. Persons are a
 * state-wide index; a district or station filter outside the caller's jurisdiction answers as
 * if nothing matched (the same as a place with no such person). Throws 400 for a query with
 * fewer than 2 characters; a long or odd query is cut and searched as text.
 */
export async function searchPeople(
  deps: PeopleDeps,
  db: Db,
  officer: PeopleOfficer,
  params: SearchParams,
): Promise<{ results: SearchResult[]; query: { normalised: string; keys: string[] } }> {
  const raw = cleanQuery(params.q);
  if ([...raw].length < 2) throw queryTooShort();
  const scope = officer.auth.scope;
  const year = Number(istDate(deps.clock.now()).slice(0, 4));
  const fields = queryFields(raw);
  const filter: PersonSearchFilter = {
    stateCode: officer.auth.user.stateCode,
    sex: params.sex,
    accusedOnly: params.role === 'accused',
    birthYearFrom: params.ageTo !== undefined ? year - params.ageTo - 1 : undefined,
    birthYearTo: params.ageFrom !== undefined ? year - params.ageFrom : undefined,
  };
  let outOfScope = false;
  if (params.districtId !== undefined) {
    if (districtInScope(scope, params.districtId)) filter.districtIds = [params.districtId];
    else outOfScope = true;
  }
  if (params.stationId !== undefined) {
    if (await stationInScope(db, scope, params.stationId)) filter.stationId = params.stationId;
    else outOfScope = true;
  }
  const hits = outOfScope
    ? []
    : await runPersonSearch(db, {
        q: fields,
        filter,
        context: {
          ...(params.fatherName ? { fatherName: params.fatherName } : {}),
          ...(params.sex ? { sex: params.sex } : {}),
          ...(params.districtId ? { districtId: params.districtId } : {}),
        },
        limit: params.limit ?? 10,
      });
  // The summaries of the hits and the audit row of the search are independent: on PostgreSQL
  // they run on two pooled connections at once (PGlite serialises them).
  const [summaries] = await Promise.all([
    personSummaries(
      db,
      officer.auth.user.stateCode,
      hits.map((h) => h.personId),
    ),
    recordAudit(db, deps.clock, officer.actor, {
      action: 'person.search',
      entityType: 'person',
      details: {
        q: raw.slice(0, 200),
        district: params.districtId ?? null,
        station: params.stationId ?? null,
        ageFrom: params.ageFrom ?? null,
        ageTo: params.ageTo ?? null,
        sex: params.sex ?? null,
        role: params.role ?? 'any',
        // Every hit is a master record of the caller's state, so each has a summary.
        results: hits.length,
        ...(outOfScope ? { outsideJurisdiction: true } : {}),
      },
    }),
  ]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const results = hits
    .filter((h) => byId.has(h.personId))
    .map((h) => ({
      person: byId.get(h.personId)!,
      matchedName: h.matchedName,
      score: Math.round(h.score * 1000) / 1000,
      why: h.why,
      likelySame: h.score >= MATCH_THRESHOLD,
    }));
  return { results, query: { normalised: fields.norm, keys: fields.keys } };
}

// ---------------------------------------------------------------------------------------------
// Likely matches before adding a person to a case
// ---------------------------------------------------------------------------------------------

export interface MatchEvidence {
  field: 'name' | 'fatherName' | 'birth' | 'address' | 'phone' | 'identityDocument' | 'sex' | 'district';
  /** same | similar | different */
  verdict: 'same' | 'similar' | 'different';
  detail: string;
}

export interface MatchSuggestion {
  person: PersonSummary;
  score: number;
  likelySame: boolean;
  why: string[];
  evidence: MatchEvidence[];
}

/** Extra weight of evidence beyond the name score (documented with the route). */
export const EVIDENCE_WEIGHTS = {
  identityDocument: 0.5,
  phone: 0.15,
  sameAddress: 0.08,
  similarAddress: 0.04,
  sameBirthDate: 0.05,
} as const;

function normAddress(a: string): string {
  return a
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Devanagari}]+/gu, ' ')
    .trim();
}

/**
 * Likely existing records for a person about to be added to a case, best first, each with the
 * evidence that makes it likely: the name (phonetic, either script), the same father's name,
 * the same date or year of birth, the same address, phone or identity document. A record
 * that shares an identity document or a phone is suggested even when the name differs.
 * Read-only; `opts.config` is needed to match identity documents (their keyed hash).
 */
export async function suggestMatches(
  trx: Db,
  input: MatchInput,
  opts: { stateCode: string; clock: Clock; config?: Config; db?: { kysely: Db } },
): Promise<MatchSuggestion[]> {
  const m = parseInput(matchBody, input);
  const today = istDate(opts.clock.now());
  const ageOn = m.age ? (m.age.onDate ?? today) : null;
  const birthYear = m.birthYear ?? birthYearOf(m.birthDate, m.age?.years, ageOn) ?? undefined;
  const hits = await runPersonSearch(trx, {
    q: m.name,
    filter: { stateCode: opts.stateCode },
    context: {
      ...(m.fatherName ? { fatherName: m.fatherName } : {}),
      ...(birthYear !== undefined ? { birthYear } : {}),
      ...(m.districtId ? { districtId: m.districtId } : {}),
      ...(m.sex ? { sex: m.sex } : {}),
    },
    limit: Math.max(m.limit * 2, 10),
  });
  const scores = new Map<string, { score: number; why: string[] }>(hits.map((h) => [h.personId, { score: h.score, why: [...h.why] }]));

  // Strong evidence finds records whatever their name.
  const phones = m.phones.map((p) => normalisePhone(p)).filter((p): p is string => !!p);
  const docs =
    m.identityDocuments.length > 0 && opts.config ? prepareDocs(await identityKeys(opts.config, trx, opts.db), m.identityDocuments) : [];
  const byPhone = phones.length
    ? await trx
        .selectFrom('person_phone as ph')
        .innerJoin('person_name as n', (j) => j.onRef('n.person_id', '=', 'ph.person_id').on('n.kind', '=', 'primary'))
        .select(['n.master_id', 'ph.phone'])
        .where('ph.phone', 'in', phones)
        .where('ph.state_code', '=', opts.stateCode)
        .limit(50)
        .execute()
    : [];
  const byDoc = docs.length
    ? await trx
        .selectFrom('person_identity as i')
        .innerJoin('person_name as n', (j) => j.onRef('n.person_id', '=', 'i.person_id').on('n.kind', '=', 'primary'))
        .select(['n.master_id', 'i.doc_type', 'i.number_masked'])
        .where(
          'i.number_hmac',
          'in',
          docs.map((d) => d.hmac),
        )
        .where('i.state_code', '=', opts.stateCode)
        .limit(50)
        .execute()
    : [];
  const ids = [...new Set([...scores.keys(), ...byPhone.map((x) => x.master_id), ...byDoc.map((x) => x.master_id)])];
  if (ids.length === 0) return [];

  const summaries = await personSummaries(trx, opts.stateCode, ids);
  const trees = new Map<string, string[]>();
  for (const id of ids) trees.set(id, await repo.mergedTree(trx, id));
  const allRecords = [...new Set([...trees.values()].flat())];
  const addresses = m.address ? await repo.listAddresses(trx, allRecords) : [];
  const masterOf = new Map<string, string>();
  for (const [master, tree] of trees) for (const t of tree) masterOf.set(t, master);

  const out: MatchSuggestion[] = [];
  for (const s of summaries) {
    const base = scores.get(s.id);
    // A record found only by phone or document still has its name compared.
    let score = base?.score ?? 0;
    const why = base ? [...base.why] : [];
    const evidence: MatchEvidence[] = [];
    if (base)
      evidence.push({
        field: 'name',
        verdict: base.score >= MATCH_THRESHOLD ? 'same' : 'similar',
        detail: `name score ${fmt2(base.score)}`,
      });
    if (m.fatherName && s.fatherName) {
      const sim = trigramSimilarity(nameIndexFields(m.fatherName).norm, nameIndexFields(s.fatherName).norm);
      evidence.push({
        field: 'fatherName',
        verdict: sim >= 0.8 ? 'same' : sim >= 0.45 ? 'similar' : 'different',
        detail: `${s.fatherName} (${fmt2(sim)})`,
      });
    }
    if (m.birthDate && s.birthDate) {
      const same = m.birthDate === s.birthDate;
      evidence.push({
        field: 'birth',
        verdict: same ? 'same' : 'different',
        detail: same ? `same date of birth ${s.birthDate}` : `born ${s.birthDate}`,
      });
      if (same) {
        score += EVIDENCE_WEIGHTS.sameBirthDate;
        why.push('same date of birth');
      }
    } else if (birthYear !== undefined && s.birthYear !== null) {
      const diff = Math.abs(birthYear - s.birthYear);
      evidence.push({
        field: 'birth',
        verdict: diff === 0 ? 'same' : diff <= 3 ? 'similar' : 'different',
        detail: `born about ${s.birthYear}`,
      });
    }
    if (m.sex && s.sex && s.sex !== 'unknown')
      evidence.push({ field: 'sex', verdict: m.sex === s.sex ? 'same' : 'different', detail: s.sex });
    if (m.districtId && s.districtId)
      evidence.push({
        field: 'district',
        verdict: m.districtId === s.districtId ? 'same' : 'different',
        detail: s.districtName ?? s.districtId,
      });
    if (m.address) {
      const q = normAddress(m.address);
      let best = 0;
      let bestText = '';
      for (const a of addresses) {
        if (masterOf.get(a.person_id) !== s.id) continue;
        const sim = trigramSimilarity(q, normAddress(a.address));
        if (sim > best) {
          best = sim;
          bestText = a.address;
        }
      }
      if (bestText) {
        const verdict = best >= 0.6 ? 'same' : best >= 0.35 ? 'similar' : 'different';
        evidence.push({ field: 'address', verdict, detail: `${bestText} (${fmt2(best)})` });
        if (verdict === 'same') {
          score += EVIDENCE_WEIGHTS.sameAddress;
          why.push('same address');
        } else if (verdict === 'similar') {
          score += EVIDENCE_WEIGHTS.similarAddress;
          why.push('similar address');
        }
      }
    }
    const phoneHit = byPhone.find((x) => x.master_id === s.id);
    if (phoneHit) {
      evidence.push({ field: 'phone', verdict: 'same', detail: `same phone ${phoneHit.phone}` });
      score += EVIDENCE_WEIGHTS.phone;
      why.push('same phone');
    }
    const docHit = byDoc.find((x) => x.master_id === s.id);
    if (docHit) {
      evidence.push({ field: 'identityDocument', verdict: 'same', detail: `same ${docHit.doc_type} ${docHit.number_masked}` });
      score += EVIDENCE_WEIGHTS.identityDocument;
      why.push(`same ${docHit.doc_type}`);
    }
    out.push({ person: s, score: Math.round(score * 1000) / 1000, likelySame: score >= MATCH_THRESHOLD, why, evidence });
  }
  out.sort((a, b) => b.score - a.score || a.person.id.localeCompare(b.person.id));
  return out.slice(0, m.limit);
}

// ---------------------------------------------------------------------------------------------
// Update and additions
// ---------------------------------------------------------------------------------------------

async function getOwnRecord(trx: Db, stateCode: string, id: string): Promise<PersonRow> {
  const p = await repo.lockPersonRow(trx, stateCode, id);
  if (!p) throw personNotFound();
  if (p.merged_into_id)
    throw unprocessable('person_merged', 'This record was merged into another; change that one.', 'यह अभिलेख दूसरे में विलय हो चुका है; उसे बदलें।', {
      id: `merged into ${p.merged_into_id}`,
    });
  return p;
}

/** Changes a person's own fields (optimistic version); a changed name is re-indexed. */
export async function updatePerson(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  const p = await getOwnRecord(trx, stateCode, id);
  if (p.version !== input.version) throw staleVersion();
  const now = deps.clock.now();
  if (input.name) assertName(input.name, 'name');
  if (input.nameHi) assertName(input.nameHi, 'nameHi');
  const set: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined) set[k] = v;
  };
  put('name', input.name);
  put('name_hi', input.nameHi);
  put('father_name', input.fatherName);
  put('mother_name', input.motherName);
  put('spouse_name', input.spouseName);
  put('sex', input.sex);
  put('height_cm', input.heightCm);
  put('build', input.build);
  put('complexion', input.complexion);
  put('occupation', input.occupation);
  put('notes', input.notes);
  if (input.birthDate !== undefined || input.age !== undefined) {
    const birthDate = input.birthDate !== undefined ? input.birthDate : p.birth_date;
    const age = input.age !== undefined ? input.age : p.age_years !== null && p.age_on ? { years: p.age_years, onDate: p.age_on } : null;
    const ageOn = age ? (age.onDate ?? istDate(now)) : null;
    checkDates(now, birthDate, ageOn);
    set.birth_date = birthDate;
    set.age_years = birthDate ? null : (age?.years ?? null);
    set.age_on = birthDate ? null : ageOn;
    set.birth_year = birthYearOf(birthDate, age?.years, ageOn);
  }
  const r = await trx
    .updateTable('person')
    .set({ ...set, version: p.version + 1, updated_at: now, updated_by: officer.auth.user.id })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw staleVersion();
  await indexPersonNames(trx, id);
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.update',
    entityType: 'person',
    entityId: id,
    details: { fields: Object.keys(set) },
  });
  return getPerson(trx, stateCode, id);
}

/** Adds an alias or nickname (searchable at once). */
export async function addName(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { name: string; kind: 'alias' | 'nickname' },
): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  const p = await getOwnRecord(trx, stateCode, id);
  assertName(input.name, 'name');
  const masterId = (await repo.resolveMasterId(trx, stateCode, id)) ?? id;
  await insertNames(trx, p, masterId, [{ kind: input.kind, name: input.name }], officer.auth.user.id, deps.clock.now());
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.add_name',
    entityType: 'person',
    entityId: id,
    details: { kind: input.kind },
  });
  return getPerson(trx, stateCode, id);
}

/** Adds an address; a new present address closes the previous present one (history is kept). */
export async function addAddress(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, id: string, input: AddressInput): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  await getOwnRecord(trx, stateCode, id);
  await checkPlaces(trx, stateCode, [input], 'address');
  const now = deps.clock.now();
  if (input.fromDate && input.fromDate > istDate(now))
    throw unprocessable('address_date_in_future', 'The date is in the future.', 'तिथि भविष्य में है।', { fromDate: 'in the future' });
  await insertAddress(trx, stateCode, id, input, officer.auth.user.id, now, true);
  if (input.kind === 'present') {
    await trx
      .updateTable('person')
      .set((eb) => ({
        address: input.address,
        district_id: input.districtId ?? null,
        version: eb('version', '+', 1),
        updated_at: now,
        updated_by: officer.auth.user.id,
      }))
      .where('id', '=', id)
      .execute();
    await indexPersonNames(trx, id);
  }
  await recordAudit(trx, deps.clock, officer.actor, { action: 'person.add_address', entityType: 'person', entityId: id });
  return getPerson(trx, stateCode, id);
}

export async function addPhone(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { phone: string; kind: 'mobile' | 'landline' | 'other' },
): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  await getOwnRecord(trx, stateCode, id);
  const phone = normalisePhone(input.phone);
  if (!phone)
    throw unprocessable('phone_invalid', 'The phone number is not valid.', 'फ़ोन नंबर मान्य नहीं है।', { phone: 'not a phone number' });
  await trx
    .insertInto('person_phone')
    .values({
      id: newId(),
      person_id: id,
      state_code: stateCode,
      phone,
      kind: input.kind,
      recorded_at: deps.clock.now(),
      recorded_by: officer.auth.user.id,
    })
    .onConflict((oc) => oc.columns(['person_id', 'phone']).doNothing())
    .execute();
  await recordAudit(trx, deps.clock, officer.actor, { action: 'person.add_phone', entityType: 'person', entityId: id });
  return getPerson(trx, stateCode, id);
}

/** Adds an identity document: Aadhaar is checked, masked and hashed; its number is never stored. */
export async function addIdentityDocument(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: IdentityInput,
): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  await getOwnRecord(trx, stateCode, id);
  const [doc] = prepareDocs(await identityKeys(deps.config, trx, deps.db), [input], 'document');
  await insertDoc(trx, stateCode, id, doc!, officer.auth.user.id, deps.clock.now());
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.add_identity',
    entityType: 'person',
    entityId: id,
    details: { type: input.type, masked: doc!.masked },
  });
  return getPerson(trx, stateCode, id);
}

export async function addMark(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, id: string, input: MarkInput): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  await getOwnRecord(trx, stateCode, id);
  await insertMark(trx, stateCode, id, input, officer.auth.user.id, deps.clock.now());
  await recordAudit(trx, deps.clock, officer.actor, { action: 'person.add_mark', entityType: 'person', entityId: id });
  return getPerson(trx, stateCode, id);
}

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Checks an uploaded photograph by its bytes: base64, at most 5 MB, and a JPEG, PNG or WebP by
 * its magic numbers (a renamed PDF or script is refused whatever it claims to be).
 */
export async function inspectPhoto(contentBase64: string): Promise<{ bytes: Buffer; mime: string; sha256: string }> {
  const b64 = contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
    throw unprocessable('photo_not_base64', 'The photograph is not base64.', 'फ़ोटो बेस64 में नहीं है।', { contentBase64: 'not base64' });
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw unprocessable('photo_empty', 'The photograph is empty.', 'फ़ोटो खाली है।', { contentBase64: 'empty' });
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError(413, 'photo_too_large', 'The photograph is larger than 5 MB.', 'फ़ोटो 5 एमबी से बड़ी है।', {
      contentBase64: 'larger than 5 MB',
    });
  const ft = await fileTypeFromBuffer(bytes);
  if (!ft || !PHOTO_TYPES.has(ft.mime))
    throw new AppError(415, 'photo_type_not_allowed', 'Upload a JPEG, PNG or WebP photograph.', 'जेपीईजी, पीएनजी या वेबपी फ़ोटो अपलोड करें।', {
      contentBase64: ft ? `is ${ft.mime}` : 'not an image (checked by its content)',
    });
  return { bytes, mime: ft.mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function addPhoto(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { contentBase64: string; caption?: string; takenOn?: string },
): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  await getOwnRecord(trx, stateCode, id);
  const file = await inspectPhoto(input.contentBase64);
  const photoId = newId();
  await trx
    .insertInto('person_photo')
    .values({
      id: photoId,
      person_id: id,
      state_code: stateCode,
      content_type: file.mime,
      size_bytes: file.bytes.length,
      sha256: file.sha256,
      data: file.bytes,
      caption: input.caption ?? null,
      taken_on: input.takenOn ?? null,
      uploaded_at: deps.clock.now(),
      uploaded_by: officer.auth.user.id,
    })
    .execute();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.add_photo',
    entityType: 'person',
    entityId: id,
    details: { photoId, sha256: file.sha256 },
  });
  return getPerson(trx, stateCode, id);
}

/** A photograph's bytes (audited as a read of the person). */
export async function readPhoto(deps: PeopleDeps, db: Db, officer: PeopleOfficer, id: string, photoId: string) {
  const stateCode = officer.auth.user.stateCode;
  const masterId = await repo.resolveMasterId(db, stateCode, id);
  if (!masterId) throw personNotFound();
  const photo = await repo.findPhoto(db, await repo.mergedTree(db, masterId), photoId);
  if (!photo) throw notFound('Photograph', 'फ़ोटो', 'photo_not_found');
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'person.photo_read',
    entityType: 'person',
    entityId: masterId,
    details: { photoId },
  });
  return photo;
}

// ---------------------------------------------------------------------------------------------
// Case roles and the criminal record summary
// ---------------------------------------------------------------------------------------------

export interface CaseLink {
  personId: string;
  firId: string;
  role: CaseRole;
  /** A1, A2 ... for accused. */
  code?: string | null;
  stateCode: string;
  addedBy?: string | null;
  at: Date;
}

/**
 * Records that a person has a role in a case (the investigation module calls it when it adds a
 * person to a case, in its transaction). The case's place is read from the FIR. Idempotent:
 * the same person, case and role is recorded once. Throws 404 for an unknown person or FIR.
 */
export async function linkPersonToCase(trx: Db, link: CaseLink): Promise<void> {
  const p = await repo.findPersonRow(trx, link.stateCode, link.personId);
  if (!p) throw personNotFound();
  const fir = await findFir(trx, stateScope(link.stateCode), link.firId);
  if (!fir) throw notFound('FIR', 'एफआईआर', 'fir_not_found');
  await trx
    .insertInto('person_case_role')
    .values({
      id: newId(),
      person_id: link.personId,
      fir_id: link.firId,
      role: link.role,
      code: link.code ?? null,
      state_code: fir.state_code,
      district_id: fir.district_id,
      subdivision_id: fir.subdivision_id,
      station_id: fir.station_id,
      result: null,
      result_on: null,
      added_at: link.at,
      added_by: link.addedBy ?? null,
    })
    .onConflict((oc) => oc.columns(['person_id', 'fir_id', 'role']).doNothing())
    .execute();
}

/**
 * Records what became of an accused in a case (the court or final report's result) on their
 * person record; `null` clears it (a judgment set aside for retrial). Returns the number of
 * role rows changed (0 when the person has no accused or suspect role in the case).
 */
export async function recordCaseResult(
  trx: Db,
  input: { personId: string; firId: string; result: CaseResult | null; on: string | null },
): Promise<number> {
  const r = await trx
    .updateTable('person_case_role')
    .set({ result: input.result, result_on: input.result === null ? null : input.on })
    .where('person_id', '=', input.personId)
    .where('fir_id', '=', input.firId)
    .where('role', 'in', ['accused', 'suspect'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface CourtResult {
  personId: string;
  firId: string;
  /** The accused's code in the case (A1 …). */
  accusedCode: string;
  result: CaseResult | null;
  /** The date of the judgment or appeal decision. */
  on: string;
  /** What decided it: the disposal (IIF-6) or an appeal (IIF-7), with its id. */
  basis: { kind: 'court.disposal' | 'court.appeal'; id: string; ref?: string };
}

/**
 * The court's result for an accused, written on their person record (the criminal record's
 * result and convicted count read it) in the court's transaction, with a person.case_result
 * audit row naming what decided it. Writing the same result again changes nothing and is not
 * audited again, so a retried court message leaves one row of each.
 */
export async function recordCourtResult(clock: Clock, trx: Db, actor: ActorContext, input: CourtResult): Promise<boolean> {
  const before = await trx
    .selectFrom('person_case_role')
    .select(['result', 'result_on', 'station_id', 'district_id'])
    .where('person_id', '=', input.personId)
    .where('fir_id', '=', input.firId)
    .where('role', 'in', ['accused', 'suspect'])
    .execute();
  if (before.length === 0) return false;
  const on = input.result === null ? null : input.on;
  if (before.every((b) => b.result === input.result && b.result_on === on)) return false;
  await recordCaseResult(trx, { personId: input.personId, firId: input.firId, result: input.result, on });
  await recordAudit(trx, clock, actor, {
    action: 'person.case_result',
    entityType: 'person',
    entityId: input.personId,
    stationId: before[0]!.station_id,
    districtId: before[0]!.district_id,
    details: {
      firId: input.firId,
      accusedCode: input.accusedCode,
      result: input.result,
      previous: before[0]!.result,
      on,
      basis: input.basis.kind,
      basisId: input.basis.id,
      ...(input.basis.ref ? { basisRef: input.basis.ref } : {}),
    },
  });
  return true;
}

export interface RecordCase {
  firId: string;
  firNumber: string;
  stationId: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  districtName: string;
  registeredAt: Date;
  offenceDate: string;
  sections: { act: string; section: string; title: string | null }[];
  stage: string;
  sensitive: boolean;
  role: string;
  code: string | null;
  result: string | null;
  resultOn: string | null;
  /** The record the link was made to (differs from the person's id after a merge). */
  linkedRecordId: string;
}

export interface CriminalRecord {
  person: PersonSummary;
  /** Every case in which the person was accused (or a suspect), newest first: the antecedents. */
  accused: RecordCase[];
  /** Other roles (complainant, victim, witness). */
  otherRoles: RecordCase[];
  counts: { accused: number; convicted: number; pending: number; stations: number };
}

/**
 * The criminal record summary ("antecedents") across every station of the state, for the
 * record and every record merged into it; audited (person.record_read).
 */
export async function criminalRecord(deps: PeopleDeps, db: Db, officer: PeopleOfficer, id: string): Promise<CriminalRecord> {
  const stateCode = officer.auth.user.stateCode;
  const masterId = await repo.resolveMasterId(db, stateCode, id);
  if (!masterId) throw personNotFound();
  const tree = await repo.mergedTree(db, masterId);
  const roles = await repo.listCaseRoles(db, tree);
  const cases: RecordCase[] = [];
  const firCache = new Map<string, Awaited<ReturnType<typeof findFir>>>();
  for (const r of roles) {
    if (!firCache.has(r.fir_id)) firCache.set(r.fir_id, await findFir(db, stateScope(stateCode), r.fir_id));
    const f = firCache.get(r.fir_id);
    if (!f) continue;
    cases.push({
      firId: f.id,
      firNumber: f.fir_number,
      stationId: f.station_id,
      stationCode: f.station_code,
      stationName: f.station_name,
      stationNameHi: f.station_name_hi,
      districtName: f.district_name,
      registeredAt: f.registered_at,
      offenceDate: f.offence_date,
      sections: f.sections.map((s) => ({ act: s.act, section: s.section, title: s.titleEn })),
      stage: f.stage,
      sensitive: f.sensitive,
      role: r.role,
      code: r.code,
      result: r.result,
      resultOn: r.result_on,
      linkedRecordId: r.person_id,
    });
  }
  cases.sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime());
  const accused = cases.filter((c) => c.role === 'accused' || c.role === 'suspect');
  const casesWhere = (f: (c: RecordCase) => boolean) => new Set(accused.filter(f).map((c) => c.firId)).size;
  const [summary] = await personSummaries(db, stateCode, [masterId]);
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'person.record_read',
    entityType: 'person',
    entityId: masterId,
    details: { cases: accused.length },
  });
  return {
    person: summary!,
    accused,
    otherRoles: cases.filter((c) => !(c.role === 'accused' || c.role === 'suspect')),
    counts: {
      accused: new Set(accused.filter((c) => c.role === 'accused').map((c) => c.firId)).size,
      // Cases, not role rows: a suspect later added again as the accused is one case.
      convicted: casesWhere((c) => c.result === 'convicted'),
      pending: casesWhere((c) => c.result === null || c.result === 'charge_sheeted'),
      stations: new Set(accused.map((c) => c.stationId)).size,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Merge and unmerge
// ---------------------------------------------------------------------------------------------

/**
 * Merges record `otherId` into `survivorId` (SHO or above; the route checks people.merge).
 * Nothing is copied or moved: the other record's names answer for the survivor and its case
 * links stay where they are, so every link is still there after a merge and after an unmerge.
 * Both must be records of their own (not merged already). Audited with the reason.
 */
export async function mergePersons(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  survivorId: string,
  otherId: string,
  reason: string,
): Promise<PersonView> {
  const stateCode = officer.auth.user.stateCode;
  if (survivorId === otherId)
    throw unprocessable('merge_same_record', 'A record cannot be merged into itself.', 'कोई अभिलेख स्वयं में विलय नहीं हो सकता।', {
      otherId: 'is the same record',
    });
  // Lock in id order so two merges of the same pair cannot deadlock.
  const [a, b] = [survivorId, otherId].sort();
  const rows = new Map<string, PersonRow | undefined>();
  rows.set(a!, await repo.lockPersonRow(trx, stateCode, a!));
  rows.set(b!, await repo.lockPersonRow(trx, stateCode, b!));
  const survivor = rows.get(survivorId);
  const other = rows.get(otherId);
  if (!survivor) throw personNotFound();
  if (!other)
    throw unprocessable('merge_other_not_found', 'The other record does not exist.', 'दूसरा अभिलेख मौजूद नहीं है।', {
      otherId: 'no such person',
    });
  if (survivor.merged_into_id)
    throw unprocessable('person_merged', 'This record was itself merged into another.', 'यह अभिलेख स्वयं दूसरे में विलय हो चुका है।', {
      id: `merged into ${survivor.merged_into_id}`,
    });
  if (other.merged_into_id)
    throw unprocessable('merge_other_already_merged', 'The other record was already merged.', 'दूसरा अभिलेख पहले ही विलय हो चुका है।', {
      otherId: `merged into ${other.merged_into_id}`,
    });
  const now = deps.clock.now();
  const r = await trx
    .updateTable('person')
    .set({ merged_into_id: survivorId, merged_at: now, version: other.version + 1, updated_at: now, updated_by: officer.auth.user.id })
    .where('id', '=', otherId)
    .where('version', '=', other.version)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw staleVersion();
  const moved = await repo.mergedTree(trx, otherId);
  await repo.setNamesMaster(trx, moved, survivorId);
  const mergeId = newId();
  await trx
    .insertInto('person_merge')
    .values({
      id: mergeId,
      state_code: stateCode,
      survivor_id: survivorId,
      merged_id: otherId,
      reason,
      merged_by: officer.auth.user.id,
      merged_by_name: officer.auth.user.name,
      merged_at: now,
      unmerged_at: null,
      unmerged_by: null,
      unmerge_reason: null,
    })
    .execute();
  const links = await trx
    .selectFrom('person_case_role')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', 'in', moved)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.merge',
    entityType: 'person',
    entityId: survivorId,
    details: { mergeId, survivorId, mergedId: otherId, records: moved, caseLinks: Number(links.n), reason },
  });
  return getPerson(trx, stateCode, survivorId);
}

/**
 * Undoes the merge of record `id` (SHO or above): it becomes a record of its own again with its
 * own names and case links, and with whatever had been merged into it. Audited with the reason.
 */
export async function unmergePerson(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  reason: string,
): Promise<{ restored: PersonView; survivor: PersonView }> {
  const stateCode = officer.auth.user.stateCode;
  const p = await repo.lockPersonRow(trx, stateCode, id);
  if (!p) throw personNotFound();
  if (!p.merged_into_id)
    throw unprocessable('person_not_merged', 'This record is not merged into another.', 'यह अभिलेख किसी दूसरे में विलय नहीं है।', {
      id: 'not merged',
    });
  const survivorId = p.merged_into_id;
  const now = deps.clock.now();
  await trx
    .updateTable('person')
    .set({ merged_into_id: null, merged_at: null, version: p.version + 1, updated_at: now, updated_by: officer.auth.user.id })
    .where('id', '=', id)
    .execute();
  const tree = await repo.mergedTree(trx, id);
  await repo.setNamesMaster(trx, tree, id);
  await trx
    .updateTable('person_merge')
    .set({ unmerged_at: now, unmerged_by: officer.auth.user.id, unmerge_reason: reason })
    .where('merged_id', '=', id)
    .where('survivor_id', '=', survivorId)
    .where('unmerged_at', 'is', null)
    .execute();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'person.unmerge',
    entityType: 'person',
    entityId: id,
    details: { survivorId, records: tree, reason },
  });
  const topSurvivor = (await repo.resolveMasterId(trx, stateCode, survivorId)) ?? survivorId;
  return { restored: await getPerson(trx, stateCode, id), survivor: await getPerson(trx, stateCode, topSurvivor) };
}

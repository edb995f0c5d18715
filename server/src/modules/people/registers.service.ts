/**
 * History sheets and the person registers.
 *
 * History sheets (state police rules, e.g. the Punjab Police Rules ch. 23 and the police
 * regulations of other states): opened and closed by an SHO or SP with the reason and the class
 * of offender; hold surveillance notes, known associates and the modus operandi. Police only,
 * read inside the keeping station's chain of command, every read audited. Elsewhere in the
 * state an officer sees only that a sheet exists (station, class, status) on the person's page.
 *
 * Registers: wanted persons and persons proclaimed under BNSS 84; missing persons; unidentified
 * persons and dead bodies. A missing-person report is matched against the open unidentified
 * records of the state (and each new unidentified record against the open missing reports),
 * and each possible match is shown to both stations.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { istDate } from '../../lib/clock.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { coversPlace } from '../../policy/index.js';
import { recordAudit } from '../audit/service.js';
import { findFir } from '../firs/service.js';
import { resolveStation } from '../gd/service.js';
import { scoreMissingMatch, FOUND_BEFORE_SLACK_DAYS, FOUND_WITHIN_DAYS, MISSING_MATCH_MIN } from './missing-match.js';
import * as repo from './repository.js';
import * as rr from './registers.repository.js';
import type { MissingInput, OpenSheetInput, SheetEntryInput, UnidentifiedInput, WantedInput } from './registers.schemas.js';
import { personNotFound, type PeopleDeps, type PeopleOfficer } from './service.js';

type Db = Kysely<Database>;

export const historySheetNotFound = () => notFound('History sheet', 'हिस्ट्री शीट', 'history_sheet_not_found');

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function masterOf(db: Db, stateCode: string, id: string, field = 'personId'): Promise<string> {
  const m = await repo.resolveMasterId(db, stateCode, id);
  if (!m)
    throw unprocessable('person_not_found', 'No such person in the person index.', 'व्यक्ति सूचकांक में ऐसा कोई व्यक्ति नहीं है।', {
      [field]: 'unknown person',
    });
  return m;
}

// ---------------------------------------------------------------------------------------------
// History sheets
// ---------------------------------------------------------------------------------------------

export function sheetView(s: rr.SheetRow) {
  return {
    id: s.id,
    personId: s.person_id,
    personName: s.person_name,
    personNameHi: s.person_name_hi,
    personFatherName: s.person_father_name,
    stationId: s.station_id,
    stationCode: s.station_code,
    stationName: s.station_name,
    stationNameHi: s.station_name_hi,
    sheetNo: s.sheet_no,
    offenderClass: s.offender_class,
    status: s.status,
    openReason: s.open_reason,
    modusOperandi: s.modus_operandi,
    openedAt: s.opened_at,
    openedByName: s.opened_by_name,
    closedAt: s.closed_at,
    closedByName: s.closed_by_name,
    closeReason: s.close_reason,
    version: s.version,
  };
}

/**
 * Opens a history sheet on a person (SHO at their station; SP at a station of the district).
 * One open sheet per person record; the sheet is kept on the surviving record of a merge.
 */
export async function openHistorySheet(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, input: OpenSheetInput) {
  const st = await resolveStation(trx, officer.auth, input.stationId);
  const personId = await masterOf(trx, st.stateCode, input.personId);
  const open = await trx
    .selectFrom('history_sheet')
    .select(['id', 'station_id'])
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open)
    throw conflict('history_sheet_open', 'This person already has an open history sheet.', 'इस व्यक्ति की हिस्ट्री शीट पहले से खुली है।', {
      personId: 'has an open history sheet',
    });
  const now = deps.clock.now();
  const id = newId();
  const sheetNo = await rr.nextSheetNo(trx, st.id);
  await trx
    .insertInto('history_sheet')
    .values({
      id,
      person_id: personId,
      state_code: st.stateCode,
      district_id: st.districtId,
      subdivision_id: st.subdivisionId,
      station_id: st.id,
      sheet_no: sheetNo,
      offender_class: input.offenderClass,
      status: 'open',
      open_reason: input.reason,
      modus_operandi: input.modusOperandi ?? null,
      opened_at: now,
      opened_by: officer.auth.user.id,
      opened_by_name: officer.auth.user.name,
      closed_at: null,
      closed_by: null,
      closed_by_name: null,
      close_reason: null,
      version: 1,
      updated_at: now,
    })
    .execute();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'history_sheet.open',
    entityType: 'history_sheet',
    entityId: id,
    stationId: st.id,
    districtId: st.districtId,
    details: { personId, offenderClass: input.offenderClass, sheetNo },
  });
  return readHistorySheet(deps, trx, officer, id, false);
}

/** A history sheet with its entries, inside the caller's scope (else 404); audited. */
export async function readHistorySheet(deps: PeopleDeps, db: Db, officer: PeopleOfficer, id: string, audit = true) {
  const s = await rr.findSheet(db, officer.auth.scope, id);
  if (!s) throw historySheetNotFound();
  const entries = await rr.listSheetEntries(db, id);
  if (audit)
    await recordAudit(db, deps.clock, officer.actor, {
      action: 'history_sheet.read',
      entityType: 'history_sheet',
      entityId: id,
      stationId: s.station_id,
      districtId: s.district_id,
      details: { personId: s.person_id },
    });
  return {
    ...sheetView(s),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      text: e.text,
      associatePersonId: e.associate_person_id,
      associateName: e.associate_name,
      recordedAt: e.recorded_at,
      recordedByName: e.recorded_by_name,
    })),
  };
}

export async function listHistorySheets(
  deps: PeopleDeps,
  db: Db,
  officer: PeopleOfficer,
  f: { status?: 'open' | 'closed'; stationId?: string; page: number; pageSize: number },
) {
  const rows = await rr.listSheets(db, officer.auth.scope, {
    status: f.status,
    stationId: f.stationId,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'history_sheet.list',
    entityType: 'history_sheet',
    details: { status: f.status ?? null, stationId: f.stationId ?? null, rows: rows.length },
  });
  return { items: rows.map(sheetView), page: f.page, pageSize: f.pageSize };
}

/**
 * The history sheets of a person: in full where the caller's scope holds them, elsewhere only
 * that one exists (station, class, status), so an officer anywhere in the state knows to ask.
 */
export async function personHistorySheets(deps: PeopleDeps, db: Db, officer: PeopleOfficer, personId: string) {
  const stateCode = officer.auth.user.stateCode;
  const master = await repo.resolveMasterId(db, stateCode, personId);
  if (!master) throw personNotFound();
  const tree = await repo.mergedTree(db, master);
  const full = await rr.listSheets(db, officer.auth.scope, { personIds: tree, limit: 100, offset: 0 });
  const fullIds = new Set(full.map((s) => s.id));
  const flags = (await rr.sheetFlags(db, stateCode, tree)).filter((f) => !fullIds.has(f.id));
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'history_sheet.read',
    entityType: 'person',
    entityId: master,
    details: { sheets: full.map((s) => s.id) },
  });
  return {
    sheets: full.map(sheetView),
    elsewhere: flags.map((f) => ({
      id: f.id,
      status: f.status,
      offenderClass: f.offender_class,
      stationCode: f.station_code,
      stationName: f.station_name,
      openedAt: f.opened_at,
      closedAt: f.closed_at,
    })),
  };
}

/** Appends a surveillance note, associate, MO or note to an open sheet in the caller's scope. */
export async function addSheetEntry(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, id: string, input: SheetEntryInput) {
  const s = await rr.lockSheet(trx, officer.auth.scope, id);
  if (!s) throw historySheetNotFound();
  if (s.status !== 'open') throw conflict('history_sheet_closed', 'The history sheet is closed.', 'हिस्ट्री शीट बंद है।');
  let associate: string | null = null;
  if (input.associatePersonId) {
    if (input.kind !== 'associate')
      throw unprocessable(
        'associate_only_for_associates',
        'Only an associate entry names a person.',
        'केवल सहयोगी प्रविष्टि में व्यक्ति जुड़ता है।',
        { associatePersonId: 'only with kind associate' },
      );
    associate = await masterOf(trx, s.state_code, input.associatePersonId, 'associatePersonId');
  }
  const now = deps.clock.now();
  await trx
    .insertInto('history_sheet_entry')
    .values({
      id: newId(),
      sheet_id: id,
      state_code: s.state_code,
      district_id: s.district_id,
      subdivision_id: s.subdivision_id,
      station_id: s.station_id,
      kind: input.kind,
      text: input.text,
      associate_person_id: associate,
      recorded_at: now,
      recorded_by: officer.auth.user.id,
      recorded_by_name: officer.auth.user.name,
    })
    .execute();
  if (input.kind === 'modus_operandi') {
    await trx
      .updateTable('history_sheet')
      .set({ modus_operandi: input.text, version: s.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'history_sheet.entry',
    entityType: 'history_sheet',
    entityId: id,
    stationId: s.station_id,
    districtId: s.district_id,
    details: { kind: input.kind },
  });
  return readHistorySheet(deps, trx, officer, id, false);
}

/** Closes a sheet (SHO/SP, with the reason; optimistic version). */
export async function closeHistorySheet(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { version: number; reason: string },
) {
  const s = await rr.lockSheet(trx, officer.auth.scope, id);
  if (!s) throw historySheetNotFound();
  if (s.status !== 'open') throw conflict('history_sheet_closed', 'The history sheet is already closed.', 'हिस्ट्री शीट पहले ही बंद है।');
  const now = deps.clock.now();
  const r = await trx
    .updateTable('history_sheet')
    .set({
      status: 'closed',
      closed_at: now,
      closed_by: officer.auth.user.id,
      closed_by_name: officer.auth.user.name,
      close_reason: input.reason,
      version: s.version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw staleVersion();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'history_sheet.close',
    entityType: 'history_sheet',
    entityId: id,
    stationId: s.station_id,
    districtId: s.district_id,
    details: { reason: input.reason },
  });
  return readHistorySheet(deps, trx, officer, id, false);
}

// ---------------------------------------------------------------------------------------------
// Wanted persons and proclaimed offenders (BNSS 84)
// ---------------------------------------------------------------------------------------------

export function wantedView(w: rr.WantedRow) {
  return {
    id: w.id,
    personId: w.person_id,
    personName: w.person_name,
    personNameHi: w.person_name_hi,
    personFatherName: w.person_father_name,
    personSex: w.person_sex,
    personBirthYear: w.person_birth_year,
    firId: w.fir_id,
    firNumber: w.fir_number,
    stationId: w.station_id,
    stationCode: w.station_code,
    stationName: w.station_name,
    stationNameHi: w.station_name_hi,
    kind: w.kind,
    court: w.court,
    orderRef: w.order_ref,
    orderDate: w.order_date,
    appearBy: w.appear_by,
    rewardAmount: w.reward_amount === null ? null : Number(w.reward_amount),
    description: w.description,
    status: w.status,
    statusReason: w.status_reason,
    statusAt: w.status_at,
    createdAt: w.created_at,
    version: w.version,
  };
}

/**
 * Enters a person in the wanted register at the caller's station. A proclamation (BNSS 84(1))
 * and a declaration as proclaimed offender (84(4)) are court orders: they need the court and the
 * order date, and the date to appear is at least 30 days after the order.
 */
export async function addWanted(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, input: WantedInput) {
  const st = await resolveStation(trx, officer.auth, input.stationId);
  const personId = await masterOf(trx, st.stateCode, input.personId);
  if (input.kind !== 'wanted' && (!input.court || !input.orderDate))
    throw unprocessable(
      'proclamation_needs_order',
      'A proclamation is a court order: give the court and the order date.',
      'उद्घोषणा न्यायालय का आदेश है: न्यायालय और आदेश की तिथि दें।',
      {
        ...(input.court ? {} : { court: 'required for a proclamation (BNSS 84)' }),
        ...(input.orderDate ? {} : { orderDate: 'required for a proclamation (BNSS 84)' }),
      },
    );
  if (input.appearBy && input.orderDate && input.appearBy < addDays(input.orderDate, 30))
    throw unprocessable(
      'proclamation_too_short',
      'BNSS 84(1): the person must be given at least 30 days to appear.',
      'बीएनएसएस 84(1): उपस्थित होने के लिए कम से कम 30 दिन दिए जाने चाहिए।',
      {
        appearBy: 'at least 30 days after the order date',
      },
    );
  if (input.firId && !(await findFir(trx, officer.auth.scope, input.firId)))
    throw unprocessable('fir_not_found', 'No such FIR in your jurisdiction.', 'आपके क्षेत्र में ऐसी कोई एफआईआर नहीं है।', { firId: 'unknown FIR' });
  const now = deps.clock.now();
  const id = newId();
  await trx
    .insertInto('wanted_person')
    .values({
      id,
      person_id: personId,
      fir_id: input.firId ?? null,
      state_code: st.stateCode,
      district_id: st.districtId,
      subdivision_id: st.subdivisionId,
      station_id: st.id,
      kind: input.kind,
      court: input.court ?? null,
      order_ref: input.orderRef ?? null,
      order_date: input.orderDate ?? null,
      appear_by: input.appearBy ?? null,
      reward_amount: input.rewardAmount ?? null,
      description: input.description ?? null,
      status: 'active',
      status_reason: null,
      status_at: null,
      created_at: now,
      created_by: officer.auth.user.id,
      version: 1,
    })
    .execute();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'wanted.add',
    entityType: 'wanted_person',
    entityId: id,
    stationId: st.id,
    districtId: st.districtId,
    details: { personId, kind: input.kind },
  });
  const [row] = await rr.listWanted(trx, st.stateCode, { id, limit: 1, offset: 0 });
  return wantedView(row!);
}

export async function listWanted(
  db: Db,
  officer: PeopleOfficer,
  f: { kind?: rr.WantedKind; status?: rr.WantedStatus; page: number; pageSize: number },
) {
  const rows = await rr.listWanted(db, officer.auth.user.stateCode, {
    kind: f.kind,
    status: f.status,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items: rows.map(wantedView), page: f.page, pageSize: f.pageSize };
}

/** Arrested, surrendered, withdrawn (or active again): the entering station's chain of command only. */
export async function setWantedStatus(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { version: number; status: rr.WantedStatus; reason: string },
) {
  const w = await rr.findWanted(trx, officer.auth.user.stateCode, id);
  if (
    !w ||
    !coversPlace(officer.auth.scope, {
      stateCode: w.state_code,
      districtId: w.district_id,
      subdivisionId: w.subdivision_id,
      stationId: w.station_id,
    })
  )
    throw notFound('Wanted entry', 'वांछित प्रविष्टि', 'wanted_not_found');
  const now = deps.clock.now();
  const r = await trx
    .updateTable('wanted_person')
    .set({ status: input.status, status_reason: input.reason, status_at: now, version: w.version + 1 })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw staleVersion();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'wanted.status',
    entityType: 'wanted_person',
    entityId: id,
    stationId: w.station_id,
    districtId: w.district_id,
    details: { status: input.status },
  });
  const [row] = await rr.listWanted(trx, w.state_code, { id, limit: 1, offset: 0 });
  return wantedView(row!);
}

// ---------------------------------------------------------------------------------------------
// Missing persons, unidentified persons and bodies
// ---------------------------------------------------------------------------------------------

export function missingView(m: rr.MissingRow) {
  return {
    id: m.id,
    personId: m.person_id,
    name: m.name,
    sex: m.sex,
    ageYears: m.age_years,
    heightCm: m.height_cm,
    build: m.build,
    complexion: m.complexion,
    marks: m.marks,
    clothing: m.clothing,
    missingSince: m.missing_since,
    lastSeenPlace: m.last_seen_place,
    reporterName: m.reporter_name,
    reporterRelation: m.reporter_relation,
    reporterPhone: m.reporter_phone,
    reportedAt: m.reported_at,
    firId: m.fir_id,
    status: m.status,
    statusAt: m.status_at,
    statusReason: m.status_reason,
    stationId: m.station_id,
    stationCode: m.station_code,
    stationName: m.station_name,
    stationNameHi: m.station_name_hi,
    matches: Number(m.matches),
    version: m.version,
  };
}

export function unidentifiedView(u: rr.UnidentifiedRow) {
  return {
    id: u.id,
    kind: u.kind,
    foundOn: u.found_on,
    place: u.place,
    sex: u.sex,
    ageFrom: u.age_from,
    ageTo: u.age_to,
    heightCm: u.height_cm,
    build: u.build,
    complexion: u.complexion,
    marks: u.marks,
    clothing: u.clothing,
    description: u.description,
    inquestRef: u.inquest_ref,
    status: u.status,
    identifiedMissingId: u.identified_missing_id,
    stationId: u.station_id,
    stationCode: u.station_code,
    stationName: u.station_name,
    stationNameHi: u.station_name_hi,
    createdAt: u.created_at,
    matches: Number(u.matches),
    version: u.version,
  };
}

export function matchView(x: rr.MatchRow) {
  return {
    id: x.id,
    missingId: x.missing_id,
    unidentifiedId: x.unidentified_id,
    score: Number(x.score),
    reasons: x.reasons,
    status: x.status,
    createdAt: x.created_at,
    decidedAt: x.decided_at,
    missing: {
      name: x.missing_name,
      sex: x.missing_sex,
      ageYears: x.missing_age,
      missingSince: x.missing_since,
      stationId: x.missing_station_id,
      stationName: x.missing_station_name,
    },
    found: {
      kind: x.found_kind,
      foundOn: x.found_on,
      place: x.found_place,
      ageFrom: x.age_from,
      ageTo: x.age_to,
      stationId: x.found_station_id,
      stationName: x.found_station_name,
    },
  };
}

type MissingDb = Awaited<ReturnType<typeof rr.findMissing>> & {};
type FoundDb = Awaited<ReturnType<typeof rr.findUnidentified>> & {};

async function saveMatch(trx: Db, m: MissingDb, u: FoundDb, now: Date): Promise<boolean> {
  const r = scoreMissingMatch(
    { sex: m.sex, ageYears: m.age_years, missingSince: m.missing_since, heightCm: m.height_cm, marks: m.marks },
    { sex: u.sex, ageFrom: u.age_from, ageTo: u.age_to, foundOn: u.found_on, heightCm: u.height_cm, marks: u.marks },
  );
  if (!r || r.score < MISSING_MATCH_MIN) return false;
  await trx
    .insertInto('missing_match')
    .values({
      id: newId(),
      state_code: m.state_code,
      missing_id: m.id,
      unidentified_id: u.id,
      missing_district_id: m.district_id,
      missing_subdivision_id: m.subdivision_id,
      missing_station_id: m.station_id,
      found_district_id: u.district_id,
      found_subdivision_id: u.subdivision_id,
      found_station_id: u.station_id,
      score: r.score,
      reasons: r.reasons,
      status: 'suggested',
      created_at: now,
      decided_at: null,
      decided_by: null,
    })
    .onConflict((oc) => oc.columns(['missing_id', 'unidentified_id']).doUpdateSet({ score: r.score, reasons: r.reasons }))
    .execute();
  return true;
}

/**
 * Registers a missing-person report at the caller's station and matches it at once. `link.firId`
 * ties the report to the FIR registered on the disappearance (the complaints module registers a
 * missing-person complaint's FIR and its report in one transaction).
 */
export async function addMissing(
  deps: Pick<PeopleDeps, 'clock'>,
  trx: Db,
  officer: PeopleOfficer,
  input: MissingInput,
  link: { firId?: string } = {},
) {
  const st = await resolveStation(trx, officer.auth, input.stationId);
  const now = deps.clock.now();
  if (input.missingSince > istDate(now))
    throw unprocessable('date_in_future', 'The date is in the future.', 'तिथि भविष्य में है।', { missingSince: 'in the future' });
  const personId = input.personId ? await masterOf(trx, st.stateCode, input.personId) : null;
  const id = newId();
  await trx
    .insertInto('missing_person')
    .values({
      id,
      person_id: personId,
      state_code: st.stateCode,
      district_id: st.districtId,
      subdivision_id: st.subdivisionId,
      station_id: st.id,
      name: input.name,
      sex: input.sex,
      age_years: input.ageYears ?? null,
      height_cm: input.heightCm ?? null,
      build: input.build ?? null,
      complexion: input.complexion ?? null,
      marks: input.marks,
      clothing: input.clothing ?? null,
      missing_since: input.missingSince,
      last_seen_place: input.lastSeenPlace ?? null,
      reporter_name: input.reporterName,
      reporter_relation: input.reporterRelation ?? null,
      reporter_phone: input.reporterPhone ?? null,
      reported_at: now,
      status: 'missing',
      status_at: null,
      status_reason: null,
      created_by: officer.auth.user.id,
      version: 1,
      fir_id: link.firId ?? null,
    })
    .execute();
  const m = (await rr.findMissing(trx, st.stateCode, id))!;
  let matched = 0;
  for (const u of await rr.unidentifiedCandidates(
    trx,
    st.stateCode,
    m.sex,
    addDays(m.missing_since, -FOUND_BEFORE_SLACK_DAYS),
    addDays(m.missing_since, FOUND_WITHIN_DAYS),
  ))
    if (await saveMatch(trx, m, u, now)) matched++;
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'missing.add',
    entityType: 'missing_person',
    entityId: id,
    stationId: st.id,
    districtId: st.districtId,
    details: { matches: matched, ...(link.firId ? { firId: link.firId } : {}) },
  });
  return getMissing(trx, officer, id);
}

/** Registers an unidentified person or dead body at the caller's station and matches it at once. */
export async function addUnidentified(deps: PeopleDeps, trx: Db, officer: PeopleOfficer, input: UnidentifiedInput) {
  const st = await resolveStation(trx, officer.auth, input.stationId);
  const now = deps.clock.now();
  if (input.foundOn > istDate(now))
    throw unprocessable('date_in_future', 'The date is in the future.', 'तिथि भविष्य में है।', { foundOn: 'in the future' });
  const id = newId();
  await trx
    .insertInto('unidentified_person')
    .values({
      id,
      kind: input.kind,
      state_code: st.stateCode,
      district_id: st.districtId,
      subdivision_id: st.subdivisionId,
      station_id: st.id,
      found_on: input.foundOn,
      place: input.place,
      sex: input.sex,
      age_from: input.ageFrom ?? null,
      age_to: input.ageTo ?? null,
      height_cm: input.heightCm ?? null,
      build: input.build ?? null,
      complexion: input.complexion ?? null,
      marks: input.marks,
      clothing: input.clothing ?? null,
      description: input.description ?? null,
      inquest_ref: input.inquestRef ?? null,
      status: 'unidentified',
      identified_missing_id: null,
      status_at: null,
      created_at: now,
      created_by: officer.auth.user.id,
      version: 1,
    })
    .execute();
  const u = (await rr.findUnidentified(trx, st.stateCode, id))!;
  let matched = 0;
  for (const m of await rr.missingCandidates(
    trx,
    st.stateCode,
    u.sex,
    addDays(u.found_on, -FOUND_WITHIN_DAYS),
    addDays(u.found_on, FOUND_BEFORE_SLACK_DAYS),
  ))
    if (await saveMatch(trx, m, u, now)) matched++;
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'unidentified.add',
    entityType: 'unidentified_person',
    entityId: id,
    stationId: st.id,
    districtId: st.districtId,
    details: { kind: input.kind, matches: matched },
  });
  return getUnidentified(trx, officer, id);
}

export async function getMissing(db: Db, officer: PeopleOfficer, id: string) {
  const full = await missingById(db, officer.auth.user.stateCode, id);
  if (!full) throw notFound('Missing-person report', 'गुमशुदगी रिपोर्ट', 'missing_not_found');
  const matches = await rr.listMatchesFor(db, officer.auth.user.stateCode, { missingId: id });
  return { ...missingView(full), matchList: matches.map(matchView) };
}

async function missingById(db: Db, stateCode: string, id: string) {
  const rows = await db
    .selectFrom('missing_person as m')
    .innerJoin('station as s', 's.id', 'm.station_id')
    .selectAll('m')
    .select(['s.code as station_code', 's.name as station_name', 's.name_hi as station_name_hi'])
    .select((eb) =>
      eb
        .selectFrom('missing_match as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.missing_id', '=', 'm.id')
        .where('x.status', '<>', 'rejected')
        .as('matches'),
    )
    .where('m.id', '=', id)
    .where('m.state_code', '=', stateCode)
    .executeTakeFirst();
  return rows as unknown as rr.MissingRow | undefined;
}

async function unidentifiedById(db: Db, stateCode: string, id: string) {
  const rows = await db
    .selectFrom('unidentified_person as u')
    .innerJoin('station as s', 's.id', 'u.station_id')
    .selectAll('u')
    .select(['s.code as station_code', 's.name as station_name', 's.name_hi as station_name_hi'])
    .select((eb) =>
      eb
        .selectFrom('missing_match as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.unidentified_id', '=', 'u.id')
        .where('x.status', '<>', 'rejected')
        .as('matches'),
    )
    .where('u.id', '=', id)
    .where('u.state_code', '=', stateCode)
    .executeTakeFirst();
  return rows as unknown as rr.UnidentifiedRow | undefined;
}

export async function getUnidentified(db: Db, officer: PeopleOfficer, id: string) {
  const u = await unidentifiedById(db, officer.auth.user.stateCode, id);
  if (!u) throw notFound('Unidentified person', 'अज्ञात व्यक्ति', 'unidentified_not_found');
  const matches = await rr.listMatchesFor(db, officer.auth.user.stateCode, { unidentifiedId: id });
  return { ...unidentifiedView(u), matchList: matches.map(matchView) };
}

export async function listMissing(db: Db, officer: PeopleOfficer, f: { status?: string; mine?: boolean; page: number; pageSize: number }) {
  const rows = await rr.listMissing(db, officer.auth.user.stateCode, {
    status: f.status,
    scope: f.mine ? officer.auth.scope : undefined,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items: rows.map(missingView), page: f.page, pageSize: f.pageSize };
}

export async function listUnidentified(
  db: Db,
  officer: PeopleOfficer,
  f: { status?: string; kind?: string; mine?: boolean; page: number; pageSize: number },
) {
  const rows = await rr.listUnidentified(db, officer.auth.user.stateCode, {
    status: f.status,
    kind: f.kind,
    scope: f.mine ? officer.auth.scope : undefined,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items: rows.map(unidentifiedView), page: f.page, pageSize: f.pageSize };
}

/** Possible matches that either of the caller's stations holds (the missing side or the found side). */
export async function listMatches(db: Db, officer: PeopleOfficer, status?: string) {
  return { items: (await rr.listMatchesInScope(db, officer.auth.scope, status)).map(matchView) };
}

/** A missing-person report traced or closed (the reporting station's chain of command). */
export async function setMissingStatus(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { version: number; status: 'traced' | 'closed'; reason: string },
) {
  const m = await rr.findMissing(trx, officer.auth.user.stateCode, id);
  if (
    !m ||
    !coversPlace(officer.auth.scope, {
      stateCode: m.state_code,
      districtId: m.district_id,
      subdivisionId: m.subdivision_id,
      stationId: m.station_id,
    })
  )
    throw notFound('Missing-person report', 'गुमशुदगी रिपोर्ट', 'missing_not_found');
  const r = await trx
    .updateTable('missing_person')
    .set({ status: input.status, status_reason: input.reason, status_at: deps.clock.now(), version: m.version + 1 })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw staleVersion();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'missing.status',
    entityType: 'missing_person',
    entityId: id,
    stationId: m.station_id,
    districtId: m.district_id,
    details: { status: input.status },
  });
  return getMissing(trx, officer, id);
}

/**
 * Confirms or rejects a possible match (either station). Confirming traces the missing person
 * and identifies the unidentified record; other matches of both stay for the record.
 */
export async function decideMatch(
  deps: PeopleDeps,
  trx: Db,
  officer: PeopleOfficer,
  id: string,
  input: { status: 'confirmed' | 'rejected'; reason?: string },
) {
  const x = await rr.lockMatch(trx, officer.auth.scope, id);
  if (!x) throw notFound('Match', 'मिलान', 'match_not_found');
  if (x.status !== 'suggested') throw conflict('match_decided', 'This match was already decided.', 'इस मिलान पर पहले ही निर्णय हो चुका है।');
  const now = deps.clock.now();
  await trx
    .updateTable('missing_match')
    .set({ status: input.status, decided_at: now, decided_by: officer.auth.user.id })
    .where('id', '=', id)
    .execute();
  if (input.status === 'confirmed') {
    await trx
      .updateTable('missing_person')
      .set((eb) => ({
        status: 'traced',
        status_at: now,
        status_reason: input.reason ?? 'Identified as an unidentified person/body (match confirmed).',
        version: eb('version', '+', 1),
      }))
      .where('id', '=', x.missing_id)
      .execute();
    await trx
      .updateTable('unidentified_person')
      .set((eb) => ({ status: 'identified', identified_missing_id: x.missing_id, status_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', x.unidentified_id)
      .execute();
  }
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'missing.match_decision',
    entityType: 'missing_match',
    entityId: id,
    details: { status: input.status, missingId: x.missing_id, unidentifiedId: x.unidentified_id },
  });
  const rows = await rr.listMatchesFor(trx, x.state_code, { missingId: x.missing_id });
  return matchView(rows.find((r) => r.id === id)!);
}

import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { istDate, istYear } from '../../lib/clock.js';
import { conflict, notFound, preconditionRequired, staleVersion, unprocessable, type FieldErrors } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { claimIdempotencyKey, storeIdempotentAnswer } from '../../lib/idempotency.js';
import { coversPlace, type Scope } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { findBeat, findStation, findStationByCode, listBeats } from '../org/repository.js';
import { findGdEntryAtStation, officerOf, placeOf, resolveStation, writeGdEntry, type GdKind, type StationPlace } from '../gd/service.js';
import { firView, type FirView } from './presenter.js';
import * as repo from './repository.js';
import type { FirRecord, FirSectionTable } from './repository.js';
import type { AcknowledgeInput, AddendumInput, RegisterFirInput, TransferInput } from './schemas.js';
import { isSensitiveCase, sectionKey, validateSections } from '../masterdata/index.js';

export type { FirRecord } from './repository.js';

/** An officer acting through the API (or a service calling on their behalf): who, with what scope, from where. */
export interface Officer {
  auth: AuthContext;
  actor: ActorContext;
}

/** What the FIR services need of the app: the clock. (Services get the transaction explicitly.) */
export type FirDeps = Pick<Deps, 'clock'>;

export const firNotFound = () => notFound('FIR', 'एफआईआर', 'fir_not_found');

/** The stages an FIR passes through. Registration creates 'registered'; the investigation module adds and moves the rest. */
export const FIR_STAGES = ['registered'] as const;

const VERIFY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A 12-character verification code (60 bits), printed with the QR on the FIR copy. */
export const newVerificationCode = () => Array.from({ length: 12 }, () => VERIFY_ALPHABET[randomInt(VERIFY_ALPHABET.length)]).join('');

const formatFirNumber = (serial: number, year: number) => `${String(serial).padStart(4, '0')}/${year}`;
const sectionLabel = (s: { act: string; section: string }) => `${s.act} ${s.section}`;

// ---------------------------------------------------------------------------------------------
// Validation of a registration
// ---------------------------------------------------------------------------------------------

interface CheckedSections {
  rows: Omit<FirSectionTable, 'fir_id'>[];
  sensitive: boolean;
}

/**
 * Checks every section against the master data and the offence date (or window), and returns
 * them as the FIR will keep them. One 422 names every bad section at once. The code is chosen
 * by the date of the offence: BNS on or after 1 July 2024, IPC before (BNS 358(2); Art. 20(1)).
 */
export function checkSections(refs: { act: string; section: string }[], offence: { from: string; to?: string | null }): CheckedSections {
  const fields: FieldErrors = {};
  const problems: string[] = [];
  const problemsHi: string[] = [];
  const seen = new Map<string, number>();
  refs.forEach((r, i) => {
    const k = sectionKey(r.act.trim(), r.section.replace(/\s+/g, ''));
    if (seen.has(k)) {
      fields[`sections.${i}`] = `${sectionLabel(r)} is given twice`;
      problems.push(`${sectionLabel(r)} is given twice`);
      problemsHi.push(`${sectionLabel(r)} दो बार दी गई है`);
    }
    seen.set(k, i);
  });
  const v = validateSections(refs, offence);
  for (const e of v.errors) {
    fields[e.index >= 0 ? `sections.${e.index}` : 'occurrence.from'] = e.message;
    problems.push(e.message.replace(/\.$/, ''));
    problemsHi.push(e.messageHi.replace(/।$/, ''));
  }
  if (Object.keys(fields).length) {
    const unknown = v.errors.some((e) => e.code === 'unknown_act' || e.code === 'unknown_section') || v.errors.length === 0;
    throw unprocessable(
      unknown ? 'section_invalid' : 'section_not_applicable',
      `Check the sections: ${problems.join('; ')}.`,
      `धाराएं जांचें: ${problemsHi.join('; ')}।`,
      fields,
    );
  }
  const rows = v.sections.map((s, i) => ({
    position: i + 1,
    act: s.actCode,
    section: s.sectionCode,
    title_en: s.titleEn,
    title_hi: s.titleHi,
    sensitive: s.sensitive === 'yes',
  }));
  return { rows, sensitive: isSensitiveCase(v.sections) };
}

function checkTimes(now: Date, from: Date, to: Date | null, received: Date) {
  const fields: FieldErrors = {};
  if (from > now) fields['occurrence.from'] = 'is in the future';
  if (to && to < from) fields['occurrence.to'] = 'is before occurrence.from';
  else if (to && to > now) fields['occurrence.to'] = 'is in the future';
  if (received > now) fields.informationReceivedAt = 'is in the future';
  else if (received < from) fields.informationReceivedAt = 'is before the occurrence began';
  if (Object.keys(fields).length)
    throw unprocessable(
      'occurrence_time_invalid',
      `Check the times: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}.`,
      'समय जांचें: घटना का समय भविष्य में या क्रम से बाहर है।',
      fields,
    );
}

async function resolveBeat(db: Kysely<Database>, station: StationPlace, beatId?: string, beatCode?: string): Promise<string | null> {
  if (beatId) {
    const b = await findBeat(db, station.stateCode, beatId);
    if (!b || b.station_id !== station.id)
      throw unprocessable('beat_not_in_station', 'The beat is not one of this station’s beats.', 'यह बीट इस थाने की नहीं है।', {
        'occurrence.beatId': 'not a beat of the registering station',
      });
    return b.id;
  }
  if (beatCode) {
    const b = (await listBeats(db, station.stateCode, station.id)).find((x) => x.code.toUpperCase() === beatCode.toUpperCase());
    if (!b)
      throw unprocessable('beat_not_in_station', `This station has no beat ${beatCode}.`, `इस थाने में बीट ${beatCode} नहीं है।`, {
        'occurrence.beatCode': 'not a beat of the registering station',
      });
    return b.id;
  }
  return null;
}

async function resolveOtherStation(
  db: Kysely<Database>,
  stateCode: string,
  id: string | undefined,
  code: string | undefined,
  field: string,
) {
  const st = id ? await findStation(db, stateCode, id) : code ? await findStationByCode(db, stateCode, code.toUpperCase()) : undefined;
  if (!st) throw unprocessable('station_not_found', 'No such police station.', 'ऐसा कोई पुलिस थाना नहीं है।', { [field]: 'unknown station' });
  return placeOf(st);
}

// ---------------------------------------------------------------------------------------------
// Creating the record
// ---------------------------------------------------------------------------------------------

/** Everything an FIR row needs once the input has been checked. */
interface FirDraft {
  station: StationPlace;
  gdEntryId?: string;
  informationReceivedAt: Date;
  informationType: 'written' | 'oral' | 'electronic';
  occurrenceFrom: Date;
  occurrenceTo: Date | null;
  place: string;
  lat: number | null;
  lng: number | null;
  distanceKm: number | null;
  direction: string | null;
  beatId: string | null;
  complainant: unknown;
  victims: unknown[];
  accused: unknown[];
  delayReason: string | null;
  properties: { value: number }[];
  inquestReportNo: string | null;
  narrative: string;
  actionTaken: string;
  zeroFir: boolean;
  jurisdictionStationId: string | null;
  originFirId: string | null;
  sections: Omit<FirSectionTable, 'fir_id'>[];
  sensitive: boolean;
  sensitiveBySection: boolean;
}

/**
 * Numbers and writes an FIR and the GD entry that records it, in the caller's transaction.
 * Locks are taken in one order everywhere (FIR serial, then GD day counter, then the audit
 * chain), so concurrent registrations queue rather than deadlock.
 */
async function createFir(
  deps: FirDeps,
  trx: Kysely<Database>,
  officer: Officer,
  d: FirDraft,
  gd: { kind: GdKind; text: (firNumber: string) => string },
): Promise<{ id: string; firNumber: string }> {
  const id = newId();
  const year = istYear(deps.clock.now());
  const serial = await repo.nextFirSerial(trx, d.station.id, year);
  const firNumber = formatFirNumber(serial, year);
  const entry = await writeGdEntry(deps, trx, officerOf(officer.auth), d.station, {
    kind: gd.kind,
    text: gd.text(firNumber),
    refType: 'fir',
    refId: id,
    details: { firNumber, informationGdEntryId: d.gdEntryId ?? null },
  });
  // Taken after the GD entry: the FIR is never earlier than the entry recording its information.
  const registeredAt = deps.clock.now();
  const u = officer.auth.user;
  await repo.insertFir(
    trx,
    {
      id,
      state_code: d.station.stateCode,
      district_id: d.station.districtId,
      subdivision_id: d.station.subdivisionId,
      station_id: d.station.id,
      year,
      serial,
      fir_number: firNumber,
      registered_at: registeredAt,
      registered_by: u.id,
      registering_officer_name: u.name,
      registering_officer_rank: u.rank,
      gd_entry_id: d.gdEntryId ?? entry.id,
      information_received_at: d.informationReceivedAt,
      information_type: d.informationType,
      occurrence_from: d.occurrenceFrom,
      occurrence_to: d.occurrenceTo,
      offence_date: istDate(d.occurrenceFrom),
      place: d.place,
      place_lat: d.lat,
      place_lng: d.lng,
      distance_km: d.distanceKm,
      direction: d.direction,
      beat_id: d.beatId,
      complainant: d.complainant,
      victims: d.victims,
      accused: d.accused,
      delay_reason: d.delayReason,
      properties: d.properties,
      property_total_value: Math.round(d.properties.reduce((s, p) => s + p.value, 0) * 100) / 100,
      inquest_report_no: d.inquestReportNo,
      narrative: d.narrative,
      action_taken: d.actionTaken,
      zero_fir: d.zeroFir,
      jurisdiction_station_id: d.jurisdictionStationId,
      origin_fir_id: d.originFirId,
      verification_code: newVerificationCode(),
      created_at: registeredAt,
    },
    d.sections,
    { stage: 'registered', sensitive: d.sensitive, sensitive_by_section: d.sensitiveBySection, at: registeredAt },
  );
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'fir.register',
    entityType: 'fir',
    entityId: id,
    stationId: d.station.id,
    districtId: d.station.districtId,
    details: { firNumber, zeroFir: d.zeroFir, originFirId: d.originFirId, sections: d.sections.map(sectionLabel) },
  });
  return { id, firNumber };
}

/**
 * Registers an FIR (IIF-1) at the caller's station, or at `input.stationId` when the caller's
 * jurisdiction covers it, inside the caller's transaction: checks the sections against the
 * offence date, the times, the beat and the GD entry; takes the next serial of the station's
 * IST year; writes the GD entry (or cites `gdEntryId`, an earlier entry of the same station).
 * Returns the FIR as read back. Throws 404 for a station outside the caller's jurisdiction
 * and 422 naming the field for anything the rules refuse. For the complaint module too.
 */
export async function registerFir(deps: FirDeps, trx: Kysely<Database>, officer: Officer, input: RegisterFirInput): Promise<FirRecord> {
  const station = await resolveStation(trx, officer.auth, input.stationId);
  const now = deps.clock.now();
  const from = new Date(input.occurrence.from);
  const to = input.occurrence.to ? new Date(input.occurrence.to) : null;
  const received = input.informationReceivedAt ? new Date(input.informationReceivedAt) : now;
  checkTimes(now, from, to, received);
  const sections = checkSections(input.sections, { from: istDate(from), to: to ? istDate(to) : null });
  const beatId = await resolveBeat(trx, station, input.occurrence.beatId, input.occurrence.beatCode);

  let jurisdiction: StationPlace | null = null;
  if (input.zeroFir) {
    if (!input.jurisdictionStationId && !input.jurisdictionStationCode)
      throw unprocessable(
        'jurisdiction_station_required',
        'A zero FIR names the station where the offence occurred.',
        'शून्य एफआईआर में उस थाने का नाम दें जहां अपराध हुआ।',
        {
          jurisdictionStationId: 'required when zeroFir is true',
        },
      );
    jurisdiction = await resolveOtherStation(
      trx,
      station.stateCode,
      input.jurisdictionStationId,
      input.jurisdictionStationCode,
      'jurisdictionStationId',
    );
    if (jurisdiction.id === station.id)
      throw unprocessable(
        'zero_fir_own_station',
        'A zero FIR is for an offence outside this station’s jurisdiction.',
        'शून्य एफआईआर इस थाने के क्षेत्र से बाहर के अपराध के लिए होती है।',
        {
          jurisdictionStationId: 'is the registering station itself',
        },
      );
  }

  if (input.gdEntryId) {
    const e = await findGdEntryAtStation(trx, station.id, input.gdEntryId);
    if (!e)
      throw unprocessable('gd_entry_invalid', 'The GD entry is not in this station’s diary.', 'यह जीडी प्रविष्टि इस थाने की दैनिकी में नहीं है।', {
        gdEntryId: 'not an entry of the registering station',
      });
    if (e.recorded_at > now)
      throw unprocessable(
        'gd_entry_after_fir',
        'The GD entry must be recorded before the FIR.',
        'जीडी प्रविष्टि एफआईआर से पहले दर्ज होनी चाहिए।',
        {
          gdEntryId: 'recorded after the registration time',
        },
      );
  }

  const c = input.complainant;
  const who = sections.sensitive ? 'the complainant (identity withheld: sensitive case)' : c.name;
  const { id } = await createFir(
    deps,
    trx,
    officer,
    {
      station,
      gdEntryId: input.gdEntryId,
      informationReceivedAt: received,
      informationType: input.informationType,
      occurrenceFrom: from,
      occurrenceTo: to,
      place: input.occurrence.place,
      lat: input.occurrence.lat ?? null,
      lng: input.occurrence.lng ?? null,
      distanceKm: input.occurrence.distanceKm ?? null,
      direction: input.occurrence.direction ?? null,
      beatId,
      complainant: c,
      victims: input.victims,
      accused: input.accused,
      delayReason: input.delayReason ?? null,
      properties: input.propertyItems,
      inquestReportNo: input.inquestReportNo ?? null,
      narrative: input.narrative,
      actionTaken: input.actionTaken,
      zeroFir: input.zeroFir,
      jurisdictionStationId: jurisdiction?.id ?? null,
      originFirId: null,
      sections: sections.rows,
      sensitive: sections.sensitive,
      sensitiveBySection: sections.sensitive,
    },
    {
      kind: 'fir_registered',
      text: (n) =>
        `${input.zeroFir ? 'Zero FIR' : 'FIR'} No. ${n} registered under ${sections.rows.map(sectionLabel).join(', ')} on the ${input.informationType} information of ${who}. ` +
        `Occurrence: ${input.occurrence.place}.` +
        (jurisdiction
          ? ` The offence lies within the jurisdiction of PS ${jurisdiction.name} (${jurisdiction.code}); to be transferred.`
          : ''),
    },
  );
  return getFir(trx, officer.auth.scope, id);
}

/** An FIR in the scope, or 404 (a record outside the scope answers exactly like a missing one). */
export async function getFir(db: Kysely<Database>, scope: Scope, id: string): Promise<FirRecord> {
  const r = await repo.findFir(db, scope, id);
  if (!r) throw firNotFound();
  return r;
}

export const findFir = repo.findFir;

/** Reads an FIR and writes the audit row of the read (fir.read). */
export async function readFir(db: Kysely<Database>, deps: FirDeps, officer: Officer, id: string): Promise<FirRecord> {
  const r = await getFir(db, officer.auth.scope, id);
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'fir.read',
    entityType: 'fir',
    entityId: id,
    stationId: r.station_id,
    districtId: r.district_id,
  });
  return r;
}

const ownPlace = (r: FirRecord) => ({
  stateCode: r.state_code,
  districtId: r.district_id,
  subdivisionId: r.subdivision_id,
  stationId: r.station_id,
});

/** An FIR that the caller's own jurisdiction holds (not merely one sent to it on transfer). */
async function getOwnFir(db: Kysely<Database>, scope: Scope, id: string): Promise<FirRecord> {
  const r = await getFir(db, scope, id);
  if (!coversPlace(scope, ownPlace(r))) throw firNotFound();
  return r;
}

// ---------------------------------------------------------------------------------------------
// Idempotent registration
// ---------------------------------------------------------------------------------------------

export const idempotencyKeyRequired = () =>
  preconditionRequired(
    'idempotency_key_required',
    'Send an Idempotency-Key header (a new random value for each new FIR) so that a repeated submission files one FIR.',
    'Idempotency-Key हेडर भेजें (हर नई एफआईआर के लिए नया मान) ताकि दोबारा भेजने पर एक ही एफआईआर दर्ज हो।',
  );

/**
 * Registers an FIR once per Idempotency-Key: the key is stored in the same transaction as the
 * FIR, with the answer. A repeat with the same key and body returns the stored answer (the
 * same FIR); the same key with a different body is refused with 422; no key is 428.
 */
export async function registerFirIdempotent(
  deps: FirDeps & Pick<Deps, 'db'>,
  officer: Officer,
  key: string | undefined,
  input: RegisterFirInput,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  if (!key) throw idempotencyKeyRequired();
  const call = {
    scope: 'fir.register',
    userId: officer.auth.user.id,
    key,
    request: input,
    now: deps.clock.now(),
    reused: {
      en: 'This Idempotency-Key was already used for a different FIR. Use a new key for a new FIR.',
      hi: 'यह Idempotency-Key किसी अन्य एफआईआर के लिए प्रयुक्त हो चुकी है। नई एफआईआर के लिए नई कुंजी दें।',
    },
  };
  return deps.db.kysely.transaction().execute(async (trx) => {
    const prior = await claimIdempotencyKey(trx, call);
    if (prior) return { ...prior, replayed: true };
    const fir = await registerFir(deps, trx, officer, input);
    const body = firView(fir);
    await storeIdempotentAnswer(trx, call, 201, body);
    return { status: 201, body, replayed: false };
  });
}

// ---------------------------------------------------------------------------------------------
// Addenda, sensitivity
// ---------------------------------------------------------------------------------------------

/** Appends a correction to a registered FIR (the FIR itself never changes). Returns the FIR with its addenda. */
export async function addAddendum(
  deps: FirDeps,
  trx: Kysely<Database>,
  officer: Officer,
  id: string,
  input: AddendumInput,
): Promise<FirRecord> {
  const fir = await getOwnFir(trx, officer.auth.scope, id);
  await repo.lockStatus(trx, id); // serialises addenda of one FIR so their numbers do not collide
  const u = officer.auth.user;
  const seq = await repo.insertAddendum(trx, {
    id: newId(),
    fir_id: id,
    state_code: fir.state_code,
    station_id: fir.station_id,
    reason: input.reason,
    text: input.text,
    corrections: input.corrections,
    author_id: u.id,
    author_name: u.name,
    author_rank: u.rank,
    created_at: deps.clock.now(),
  });
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'fir.addendum',
    entityType: 'fir',
    entityId: id,
    stationId: fir.station_id,
    districtId: fir.district_id,
    details: { seq, reason: input.reason },
  });
  return getFir(trx, officer.auth.scope, id);
}

/** An SHO/SP marks an FIR sensitive (never public; victim identity withheld). Marking is one-way. */
export async function markSensitive(
  deps: FirDeps,
  trx: Kysely<Database>,
  officer: Officer,
  id: string,
  input: { reason: string; version?: number },
): Promise<FirRecord> {
  const fir = await getOwnFir(trx, officer.auth.scope, id);
  const st = await repo.lockStatus(trx, id);
  if (!st) throw firNotFound();
  if (input.version !== undefined && input.version !== st.version) throw staleVersion();
  if (!st.sensitive || !st.sensitive_marked_by) {
    const now = deps.clock.now();
    const ok = await repo.updateStatus(trx, id, st.version, {
      sensitive: true,
      sensitive_marked_by: officer.auth.user.id,
      sensitive_marked_at: now,
      sensitive_reason: input.reason,
      updated_at: now,
    });
    if (!ok) throw staleVersion();
    await recordAudit(trx, deps.clock, officer.actor, {
      action: 'fir.mark_sensitive',
      entityType: 'fir',
      entityId: id,
      stationId: fir.station_id,
      districtId: fir.district_id,
      details: { reason: input.reason },
    });
  }
  return getFir(trx, officer.auth.scope, id);
}

// ---------------------------------------------------------------------------------------------
// Zero FIR transfer (BNSS 173(1))
// ---------------------------------------------------------------------------------------------

/**
 * Sends an FIR (typically a zero FIR) to the jurisdictional station. Writes a transfer_out GD
 * entry at the sending station; the FIR shows as pending on both stations until the receiving
 * one acknowledges. Throws 409 when a transfer was already sent, 412 on a stale version.
 */
export async function transferFir(
  deps: FirDeps,
  trx: Kysely<Database>,
  officer: Officer,
  id: string,
  input: TransferInput,
): Promise<FirRecord> {
  const fir = await getOwnFir(trx, officer.auth.scope, id);
  const st = await repo.lockStatus(trx, id);
  if (!st) throw firNotFound();
  if (input.version !== undefined && input.version !== st.version) throw staleVersion();
  if (st.transfer_state)
    throw conflict('fir_already_transferred', 'This FIR has already been sent on transfer.', 'यह एफआईआर पहले ही स्थानांतरण पर भेजी जा चुकी है।');
  if (fir.origin_fir_id)
    throw conflict(
      'fir_received_on_transfer',
      'This FIR was itself received on transfer; it cannot be sent on again.',
      'यह एफआईआर स्वयं स्थानांतरण पर प्राप्त हुई है; इसे आगे नहीं भेजा जा सकता।',
    );
  const target =
    input.toStationId || input.toStationCode
      ? await resolveOtherStation(trx, fir.state_code, input.toStationId, input.toStationCode, 'toStationId')
      : fir.jurisdiction_station_id
        ? await resolveOtherStation(trx, fir.state_code, fir.jurisdiction_station_id, undefined, 'toStationId')
        : null;
  if (!target)
    throw unprocessable('transfer_station_required', 'Name the station to transfer to.', 'जिस थाने को भेजना है उसका नाम दें।', {
      toStationId: 'required',
    });
  if (target.id === fir.station_id)
    throw unprocessable(
      'transfer_to_same_station',
      'An FIR cannot be transferred to its own station.',
      'एफआईआर उसी थाने को नहीं भेजी जा सकती।',
      {
        toStationId: 'is the FIR’s own station',
      },
    );
  const station = await resolveOtherStation(trx, fir.state_code, fir.station_id, undefined, 'stationId');
  const entry = await writeGdEntry(deps, trx, officerOf(officer.auth), station, {
    kind: 'transfer_out',
    text: `${fir.zero_fir ? 'Zero FIR' : 'FIR'} No. ${fir.fir_number} sent on transfer to PS ${target.name} (${target.code}). Reason: ${input.reason}`,
    refType: 'fir',
    refId: id,
    details: { toStationId: target.id },
  });
  const now = deps.clock.now();
  const ok = await repo.updateStatus(trx, id, st.version, {
    transfer_state: 'pending',
    transfer_to_station_id: target.id,
    transfer_to_district_id: target.districtId,
    transfer_to_subdivision_id: target.subdivisionId,
    transfer_reason: input.reason,
    transfer_requested_at: now,
    transfer_requested_by: officer.auth.user.id,
    transfer_gd_entry_id: entry.id,
    updated_at: now,
  });
  if (!ok) throw staleVersion();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'fir.transfer',
    entityType: 'fir',
    entityId: id,
    stationId: fir.station_id,
    districtId: fir.district_id,
    details: { toStationId: target.id, reason: input.reason },
  });
  return getFir(trx, officer.auth.scope, id);
}

/**
 * The receiving station accepts a transfer: re-registers the FIR under its own next number
 * (origin_fir_id points back; the zero FIR's status points forward), with a transfer_in GD
 * entry. Only the receiving station's officers can; another answers 404. A second acknowledgement
 * answers 409 (double submit), a stale version 412. Returns both FIRs.
 */
export async function acknowledgeTransfer(
  deps: FirDeps,
  trx: Kysely<Database>,
  officer: Officer,
  id: string,
  input: AcknowledgeInput,
): Promise<{ zeroFir: FirRecord; fir: FirRecord }> {
  const scope = officer.auth.scope;
  const zero = await getFir(trx, scope, id);
  if (
    !zero.transfer_to_station_id ||
    !coversPlace(scope, {
      stateCode: zero.state_code,
      districtId: zero.transfer_to_district_id,
      subdivisionId: zero.transfer_to_subdivision_id,
      stationId: zero.transfer_to_station_id,
    }) ||
    // The receiving station itself acts, not its supervisors.
    officer.auth.user.stationId !== zero.transfer_to_station_id
  )
    throw firNotFound();
  const st = await repo.lockStatus(trx, id);
  if (!st) throw firNotFound();
  if (st.transfer_state !== 'pending')
    throw conflict('transfer_not_pending', 'This transfer has already been acknowledged.', 'यह स्थानांतरण पहले ही स्वीकार किया जा चुका है।');
  if (input.version !== undefined && input.version !== st.version) throw staleVersion();
  const station = await resolveOtherStation(trx, zero.state_code, zero.transfer_to_station_id, undefined, 'stationId');
  const now = deps.clock.now();
  const origin = `${zero.zero_fir ? 'Zero FIR' : 'FIR'} No. ${zero.fir_number} of PS ${zero.station_name} (${zero.station_code})`;
  const created = await createFir(
    deps,
    trx,
    officer,
    {
      station,
      informationReceivedAt: now,
      informationType: zero.information_type,
      occurrenceFrom: zero.occurrence_from,
      occurrenceTo: zero.occurrence_to,
      place: zero.place,
      lat: zero.place_lat,
      lng: zero.place_lng,
      distanceKm: null,
      direction: null,
      beatId: null,
      complainant: zero.complainant,
      victims: (zero.victims as unknown[]) ?? [],
      accused: (zero.accused as unknown[]) ?? [],
      delayReason: zero.delay_reason,
      properties: (zero.properties as { value: number }[]) ?? [],
      inquestReportNo: zero.inquest_report_no,
      narrative: zero.narrative,
      actionTaken: `Received on transfer as ${origin}; re-registered and taken up for investigation.${input.remarks ? ` ${input.remarks}` : ''}`,
      zeroFir: false,
      jurisdictionStationId: null,
      originFirId: zero.id,
      sections: zero.sections.map((s, i) => ({
        position: i + 1,
        act: s.act,
        section: s.section,
        title_en: s.titleEn,
        title_hi: s.titleHi,
        sensitive: s.sensitive,
      })),
      sensitive: zero.sensitive,
      sensitiveBySection: zero.sensitive_by_section,
    },
    {
      kind: 'transfer_in',
      text: (n) => `Received ${origin} on transfer; re-registered as FIR No. ${n} under ${zero.sections.map(sectionLabel).join(', ')}.`,
    },
  );
  const ok = await repo.updateStatus(trx, id, st.version, {
    transfer_state: 'acknowledged',
    acknowledged_at: now,
    acknowledged_by: officer.auth.user.id,
    transferred_fir_id: created.id,
    updated_at: now,
  });
  if (!ok) throw staleVersion();
  await recordAudit(trx, deps.clock, officer.actor, {
    action: 'fir.transfer_acknowledge',
    entityType: 'fir',
    entityId: id,
    stationId: station.id,
    districtId: station.districtId,
    details: { newFirId: created.id, newFirNumber: created.firNumber },
  });
  return { zeroFir: await getFir(trx, scope, id), fir: await getFir(trx, scope, created.id) };
}

// ---------------------------------------------------------------------------------------------
// Lists, public data, dashboards
// ---------------------------------------------------------------------------------------------

export const listFirs = repo.listFirs;
export const listFirsJson = repo.listFirsJson;
export const findFirIdByNumber = repo.findFirIdByNumber;

/**
 * The data of a station's public FIR list (Youth Bar Association v. Union of India, SC 2016):
 * non-sensitive FIRs only, with date, sections and stage — nothing about people.
 */
export async function publicFirList(
  db: Kysely<Database>,
  stationId: string,
  range: { from: Date; to: Date },
  page = { limit: 50, offset: 0 },
) {
  const rows = await repo.listPublicFirRows(db, stationId, range.from, range.to, page.limit, page.offset);
  return rows.map((r) => ({
    firNumber: r.fir_number,
    year: r.year,
    registeredAt: r.registered_at,
    sections: r.sections.map((s) => ({ act: s.act, section: s.section, titleEn: s.titleEn, titleHi: s.titleHi })),
    stage: r.stage,
    stageChangedAt: r.stage_changed_at,
  }));
}

/** Public check of an FIR copy's verification code: the station, number and date, nothing private. */
export async function verifyCopyCode(db: Kysely<Database>, code: string) {
  const r = await repo.findFirByVerificationCode(db, code.replace(/[\s-]/g, '').toUpperCase());
  if (!r) return { valid: false as const };
  return {
    valid: true as const,
    stateCode: r.state_code,
    districtName: r.district_name,
    districtNameHi: r.district_name_hi,
    stationCode: r.station_code,
    stationName: r.station_name,
    stationNameHi: r.station_name_hi,
    firNumber: r.fir_number,
    registeredOn: istDate(r.registered_at),
  };
}

export { type FirView };

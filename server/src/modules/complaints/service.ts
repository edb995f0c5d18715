import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { istDate, istYear } from '../../lib/clock.js';
import { conflict, notFound, staleVersion, unprocessable, type FieldErrors } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { can, type Role } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { registerFirBody, type RegisterFirInput } from '../firs/schemas.js';
import { registerFir, type FirRecord, type Officer } from '../firs/service.js';
import { officerOf, placeOf, writeGdEntry, type GdKind, type GdOfficer, type StationPlace } from '../gd/service.js';
import { getCatalogue, preliminaryEnquiry } from '../masterdata/index.js';
import { notifyPerson } from '../notify/service.js';
import { findStation, findStationByCode, listDistricts } from '../org/repository.js';
import { notifyStageChange } from '../citizen/stages.js';
import { addMissing } from '../people/registers.service.js';
import { efirKinds, KIND_INFO } from './kinds.js';
import { ageWhenLastSeen, isMissingChild, type MissingPersonStored } from './missing.js';
import { acknowledgementNotice, complaintUpdateNotice, istDateTime } from './messages.js';
import * as repo from './repository.js';
import type { ComplaintRow } from './repository.js';
import type {
  CloseInput,
  ComplaintInput,
  EnquiryDecisionInput,
  EnquiryInput,
  NcrInput,
  RegisterFromComplaintInput,
  TransferComplaintInput,
} from './schemas.js';
import { discardStaged, storeStaged, unstore, uploadDir, type StagedFile } from './uploads.js';
import {
  ACTION_PERMISSION,
  allowedActions,
  MISSING_CHILD_BARRED,
  OPEN_STATUSES,
  WORKFLOW,
  type ActionState,
  type ComplaintAction,
  type ComplaintStatus,
} from './workflow.js';
import { claimIdempotencyKey, storeIdempotentAnswer } from '../../lib/idempotency.js';

export type { ComplaintRow } from './repository.js';

/** BNSS 173(1)(ii): electronic information is taken on record once signed within three days. */
export const EFIR_SIGN_MS = 3 * 86_400_000;
/** BNSS 173(3): a preliminary enquiry is completed within fourteen days. */
export const ENQUIRY_MS = 14 * 86_400_000;

export const complaintNotFound = () => notFound('Complaint', 'शिकायत', 'complaint_not_found');

/** A citizen acting through the API. */
export interface CitizenActor {
  auth: AuthContext;
  actor: ActorContext;
}

type ComplaintDeps = Pick<Deps, 'clock' | 'config'>;

/** The e-complaint portal writes the receipt entry in the GD; it is not an officer. */
const PORTAL: GdOfficer = { id: null, name: 'Online e-complaint portal (CCTNS)', rank: null };

const SENSITIVE_KINDS = new Set(['harassment_of_women']);

const stationPlaceById = async (db: Kysely<Database>, stateCode: string, id: string) => {
  const st = await findStation(db, stateCode, id);
  return st ? placeOf(st) : undefined;
};

const formatAck = (state: string, station: string, year: number, serial: number) =>
  `${state}/${station}/${year}/${String(serial).padStart(6, '0')}`;

function checkOccurrence(now: Date, from: Date, to: Date | null, lastSeenAt?: Date) {
  const fields: FieldErrors = {};
  if (from > now) fields['occurrence.from'] = 'is in the future';
  if (lastSeenAt && lastSeenAt > now) fields['missingPerson.lastSeenAt'] = 'is in the future';
  if (to && to < from) fields['occurrence.to'] = 'is before occurrence.from';
  else if (to && to > now) fields['occurrence.to'] = 'is in the future';
  if (Object.keys(fields).length)
    throw unprocessable(
      'occurrence_time_invalid',
      `Check the times: ${Object.entries(fields)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}.`,
      'समय जांचें: घटना का समय भविष्य में है या "तक" का समय "से" के पहले है।',
      fields,
    );
}

// ---------------------------------------------------------------------------------------------
// Filing
// ---------------------------------------------------------------------------------------------

async function resolveFilingStation(
  db: Kysely<Database>,
  stateCode: string,
  input: { stationId?: string; stationCode?: string },
): Promise<StationPlace> {
  const st = input.stationId
    ? await findStation(db, stateCode, input.stationId)
    : await findStationByCode(db, stateCode, (input.stationCode ?? '').toUpperCase());
  if (!st || !st.active)
    throw unprocessable('station_not_found', 'No such police station. Choose one from the list.', 'ऐसा कोई पुलिस थाना नहीं है। सूची में से चुनें।', {
      [input.stationId ? 'stationId' : 'stationCode']: 'unknown station',
    });
  return placeOf(st);
}

/**
 * Files a citizen's complaint in the caller's transaction: checks the times, numbers it
 * (STATE/STATION/YEAR/serial), writes the receipt in the station's GD, stores the attachments
 * (already checked by content), records the history and the audit row, and enqueues the
 * acknowledgement by SMS and e-mail. A kind the state allows online (EFIR_KINDS) becomes an
 * e-FIR with a 3-day signature clock (BNSS 173(1)(ii)). Stored files are removed again if the
 * transaction fails (see `fileComplaintAtomically`).
 */
async function fileComplaint(
  deps: ComplaintDeps,
  trx: Kysely<Database>,
  who: CitizenActor,
  input: ComplaintInput,
  files: StagedFile[],
  stored: string[],
): Promise<string> {
  const u = who.auth.user;
  const now = deps.clock.now();
  const from = new Date(input.occurrence.from);
  const to = input.occurrence.to ? new Date(input.occurrence.to) : null;
  checkOccurrence(now, from, to, input.missingPerson ? new Date(input.missingPerson.lastSeenAt) : undefined);
  const station = await resolveFilingStation(trx, u.stateCode, input);
  let placeDistrictId: string | null = station.districtId;
  if (input.occurrence.districtCode) {
    const d = (await listDistricts(trx, u.stateCode)).find((x) => x.code.toUpperCase() === input.occurrence.districtCode!.toUpperCase());
    if (!d)
      throw unprocessable('district_not_found', 'No such district.', 'ऐसा कोई ज़िला नहीं है।', {
        'occurrence.districtCode': 'unknown district',
      });
    placeDistrictId = d.id;
  }
  const efir = efirKinds(deps.config.EFIR_KINDS).includes(input.kind);
  const id = newId();
  const year = istYear(now);
  const serial = await repo.nextSerial(trx, 'complaint_serial', station.id, year);
  const ack = formatAck(station.stateCode, station.code, year, serial);
  const complainant = {
    name: input.complainant.name ?? u.name,
    relativeName: input.complainant.relativeName,
    relation: input.complainant.relation,
    yearOfBirth: input.complainant.yearOfBirth,
    sex: input.complainant.sex,
    occupation: input.complainant.occupation,
    address: input.complainant.address,
    mobile: u.mobile,
    email: u.email,
    isVictim: input.complainant.isVictim,
  };
  const kindLabel = KIND_INFO[input.kind].en;
  const who_ = SENSITIVE_KINDS.has(input.kind) ? 'the complainant (identity withheld)' : complainant.name;
  const signDue = efir ? new Date(now.getTime() + EFIR_SIGN_MS) : null;
  const missing = input.missingPerson;
  const child = isMissingChild(missing);
  const entry = await writeGdEntry(deps, trx, PORTAL, station, {
    kind: 'complaint',
    text:
      `${efir ? 'e-FIR' : 'e-Complaint'} ${ack} received online from ${who_}: ${kindLabel}. Place of occurrence: ${input.occurrence.place}.` +
      (missing
        ? ` Missing: ${missing.name}, ${missing.sex}, ${ageWhenLastSeen(missing)} years, last seen ${istDateTime(new Date(missing.lastSeenAt))} at ${missing.lastSeenPlace}.` +
          (child ? ' A missing child: to be registered as an FIR (Bachpan Bachao Andolan v. Union of India, 2013).' : '')
        : '') +
      (signDue ? ` To be signed by the informant at the station by ${istDateTime(signDue)} (BNSS 173(1)(ii)).` : '') +
      (files.length ? ` ${files.length} attachment(s).` : ''),
    refType: 'complaint',
    refId: id,
    details: { ackNumber: ack, kind: input.kind, efir, ...(missing ? { missingChild: child } : {}) },
  });
  const props = input.properties;
  await repo.insertComplaint(trx, {
    id,
    state_code: station.stateCode,
    district_id: station.districtId,
    subdivision_id: station.subdivisionId,
    station_id: station.id,
    ack_number: ack,
    citizen_id: u.id,
    kind: input.kind,
    efir,
    occurrence_from: from,
    occurrence_to: to,
    place: input.occurrence.place,
    place_district_id: placeDistrictId,
    place_lat: input.occurrence.lat ?? null,
    place_lng: input.occurrence.lng ?? null,
    description: input.description,
    complainant,
    suspects: input.suspects,
    properties: props,
    missing_person: missing ?? null,
    property_total_value: Math.round(props.reduce((s, p) => s + p.value, 0) * 100) / 100,
    submitted_at: now,
    original_station_id: station.id,
    information_gd_entry_id: entry.id,
    status: 'submitted',
    status_changed_at: now,
    efir_sign_due_at: signDue,
    efir_signed_by: null,
    pe_state: null,
    pe_reason: null,
    pe_requested_by: null,
    pe_decided_by: null,
    pe_decision_remarks: null,
    fir_id: null,
    ncr_id: null,
    closed_reason: null,
    closed_by: null,
    version: 1,
    updated_at: now,
  });
  await repo.insertEvent(trx, {
    id: newId(),
    complaint_id: id,
    state_code: station.stateCode,
    station_id: station.id,
    at: now,
    action: 'submitted',
    from_status: null,
    to_status: 'submitted',
    actor_id: u.id,
    actor_name: complainant.name,
    actor_rank: null,
    gd_entry_id: entry.id,
    public_note: signDue ? `Filed as an e-FIR: sign it at PS ${station.name} by ${istDateTime(signDue)} (BNSS 173(1)(ii)).` : null,
    details: { attachments: files.length },
  });
  let position = 0;
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.sha256)) continue; // the same file twice is kept once
    seen.add(f.sha256);
    await repo.insertAttachment(trx, {
      id: newId(),
      complaint_id: id,
      state_code: station.stateCode,
      position: ++position,
      sha256: f.sha256,
      size_bytes: f.size,
      mime: f.mime,
      ext: f.ext,
      original_name: f.originalName,
      created_at: now,
    });
  }
  await recordAudit(trx, deps.clock, who.actor, {
    action: 'complaint.file',
    entityType: 'complaint',
    entityId: id,
    stationId: station.id,
    districtId: station.districtId,
    details: { ackNumber: ack, kind: input.kind, efir, attachments: position },
  });
  await notifyPerson(
    trx,
    deps.clock,
    { stateCode: u.stateCode, email: u.email, mobile: u.mobile },
    acknowledgementNotice({ ack, stationName: station.name, stationNameHi: station.nameHi, at: now, efirSignDueAt: signDue }),
  );
  // Last, so that a failure before it leaves nothing on disk; a failure of the commit after it
  // is undone by the caller.
  stored.push(...(await storeStaged(uploadDir(deps.config), files)));
  return id;
}
const IDEMPOTENCY_SCOPE = 'complaint.file';

/**
 * Files a complaint in its own transaction. The attachments are moved into the store at the
 * end of the transaction; if it fails, the files it added are removed again and the temporary
 * files are always removed: nothing is half-stored.
 *
 * With an Idempotency-Key (optional here; the web form always sends one), a repeat of the same
 * submission — same body, same files — answers with the complaint already filed (a double
 * click files one complaint); the same key with a different submission is refused with 422.
 */
export async function fileComplaintAtomically(
  deps: ComplaintDeps & Pick<Deps, 'db'>,
  who: CitizenActor,
  input: ComplaintInput,
  files: StagedFile[],
  idempotencyKey?: string,
): Promise<{ row: ComplaintRow; replayed: boolean }> {
  const userId = who.auth.user.id;
  const call =
    idempotencyKey !== undefined
      ? {
          scope: IDEMPOTENCY_SCOPE,
          userId,
          key: idempotencyKey,
          request: { input, files: files.map((f) => f.sha256) },
          now: deps.clock.now(),
          reused: {
            en: 'This Idempotency-Key was already used for a different complaint. Use a new key for a new complaint.',
            hi: 'यह Idempotency-Key किसी अन्य शिकायत के लिए प्रयुक्त हो चुकी है। नई शिकायत के लिए नई कुंजी दें।',
          },
        }
      : undefined;
  const stored: string[] = [];
  try {
    return await deps.db.kysely.transaction().execute(async (trx) => {
      if (call) {
        const prior = await claimIdempotencyKey(trx, call);
        if (prior) {
          const row = await repo.findOwnComplaint(trx, userId, (prior.body as { id: string }).id);
          if (!row) throw complaintNotFound();
          return { row, replayed: true };
        }
      }
      const id = await fileComplaint(deps, trx, who, input, files, stored);
      if (call) await storeIdempotentAnswer(trx, call, 201, { id });
      const row = await repo.findOwnComplaint(trx, userId, id);
      if (!row) throw complaintNotFound();
      return { row, replayed: false };
    });
  } catch (e) {
    await unstore(stored, (sha) => repo.attachmentShaInUse(deps.db.kysely, sha));
    throw e;
  } finally {
    await discardStaged(files);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** A complaint in the officer's jurisdiction, or 404 exactly like a missing one. */
export async function getComplaint(db: Kysely<Database>, auth: AuthContext, id: string): Promise<ComplaintRow> {
  const r = await repo.findComplaint(db, auth.scope, id);
  if (!r) throw complaintNotFound();
  return r;
}

/** A citizen's own complaint, or 404 (another citizen's complaint answers like a missing one). */
export async function getOwnComplaint(db: Kysely<Database>, citizenId: string, id: string): Promise<ComplaintRow> {
  const r = await repo.findOwnComplaint(db, citizenId, id);
  if (!r) throw complaintNotFound();
  return r;
}

/** The actions this role may take now on the complaint (the inbox draws its buttons from these). */
export function actionsFor(role: Role, c: ComplaintRow): ComplaintAction[] {
  return allowedActions(actionState(c)).filter((a) => can(role, ACTION_PERMISSION[a]));
}

/** What the workflow table needs to know of a complaint. */
export function actionState(c: ComplaintRow): ActionState {
  return {
    status: c.status,
    efir: c.efir,
    efirSignedAt: c.efir_signed_at,
    peState: c.pe_state,
    missingChild: c.kind === 'missing_person' && isMissingChild(c.missing_person),
  };
}

/** Reads a complaint for an officer, with its history and attachments; the read is audited. */
export async function readComplaint(deps: ComplaintDeps & Pick<Deps, 'db'>, officer: Officer, id: string) {
  const db = deps.db.kysely;
  const row = await getComplaint(db, officer.auth, id);
  const [events, attachments] = await Promise.all([repo.listEvents(db, id), repo.listAttachments(db, id)]);
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'complaint.read',
    entityType: 'complaint',
    entityId: id,
    stationId: row.station_id,
    districtId: row.district_id,
  });
  return { row, events, attachments, actions: actionsFor(officer.auth.user.role, row) };
}

export async function inbox(
  db: Kysely<Database>,
  auth: AuthContext,
  q: {
    stationId?: string;
    status: 'open' | 'all' | ComplaintStatus;
    efir?: 'true' | 'false';
    /** Only those with a running clock (e-FIR signature, approved preliminary enquiry). */
    clocked?: boolean;
    page: number;
    pageSize: number;
  },
) {
  const statuses: readonly ComplaintStatus[] =
    q.status === 'open' ? OPEN_STATUSES : q.status === 'all' ? (Object.keys(WORKFLOW) as ComplaintStatus[]) : [q.status];
  return repo.listInbox(db, auth.scope, {
    stationId: q.stationId,
    statuses,
    efirOnly: q.efir === 'true',
    clocked: q.clocked,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

export const listOwnComplaints = repo.listOwnComplaints;
export const listAttachments = repo.listAttachments;
export const listEvents = repo.listEvents;
export const findAttachment = repo.findAttachment;
export const complaintCounts = repo.complaintCounts;
export const countOwnOpen = repo.countOwnOpen;
export const firIdsOfCitizen = repo.firIdsOfCitizen;
export const listNcrs = repo.listNcrs;

// ---------------------------------------------------------------------------------------------
// Station actions
// ---------------------------------------------------------------------------------------------

const actionRefused = (action: ComplaintAction, status: ComplaintStatus) =>
  conflict(
    'complaint_action_not_allowed',
    `This complaint is ${WORKFLOW[status].labelEn.toLowerCase()}; "${action.replace(/_/g, ' ')}" is not possible now.`,
    `यह शिकायत "${WORKFLOW[status].labelHi}" स्थिति में है; यह कार्रवाई अभी संभव नहीं है।`,
  );

const missingChildRefused = (action: ComplaintAction) =>
  conflict(
    'missing_child_fir_mandatory',
    `The complaint of a missing child must be registered as an FIR (Bachpan Bachao Andolan v. Union of India, 2013): "${action.replace(/_/g, ' ')}" is not possible. Register the FIR, or transfer the complaint to the station that has jurisdiction.`,
    'लापता बच्चे की शिकायत पर एफआईआर दर्ज करना अनिवार्य है (बचपन बचाओ आंदोलन बनाम भारत संघ, 2013): यह कार्रवाई संभव नहीं है। एफआईआर दर्ज करें, या शिकायत क्षेत्राधिकार वाले थाने को भेजें।',
  );

/**
 * Loads and locks a complaint for an action: 404 outside the scope, 412 on a stale version,
 * 409 when the workflow does not allow the action in the present state (with its own message
 * for the actions a missing child's complaint never takes).
 */
async function begin(trx: Kysely<Database>, officer: Officer, id: string, action: ComplaintAction, version: number | undefined) {
  await getComplaint(trx, officer.auth, id);
  const lock = await repo.lockComplaint(trx, id);
  if (!lock) throw complaintNotFound();
  const row = await getComplaint(trx, officer.auth, id); // read again under the lock
  if (version !== undefined && version !== row.version) throw staleVersion();
  const state = actionState(row);
  if (state.missingChild && (MISSING_CHILD_BARRED as readonly ComplaintAction[]).includes(action)) throw missingChildRefused(action);
  if (!allowedActions(state).includes(action)) throw actionRefused(action, row.status);
  const station = await stationPlaceById(trx, row.state_code, row.station_id);
  if (!station) throw complaintNotFound();
  return { row, station };
}

interface Step {
  action: string;
  to: ComplaintStatus;
  gd?: { kind: GdKind; text: string; station?: StationPlace; details?: Record<string, unknown> };
  gdEntryId?: string | null;
  publicNote?: { en: string; hi: string } | null;
  details?: Record<string, unknown>;
  notify?: boolean;
}

/** Writes the GD entry, the history row, the audit row and the citizen's notice of one action. */
async function record(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, row: ComplaintRow, station: StationPlace, step: Step) {
  const now = deps.clock.now();
  let gdEntryId = step.gdEntryId ?? null;
  if (step.gd) {
    const e = await writeGdEntry(deps, trx, officerOf(officer.auth), step.gd.station ?? station, {
      kind: step.gd.kind,
      text: step.gd.text,
      refType: 'complaint',
      refId: row.id,
      details: { ackNumber: row.ack_number, action: step.action, ...(step.gd.details ?? {}) },
    });
    gdEntryId = e.id;
  }
  const u = officer.auth.user;
  await repo.insertEvent(trx, {
    id: newId(),
    complaint_id: row.id,
    state_code: row.state_code,
    station_id: station.id,
    at: now,
    action: step.action,
    from_status: row.status,
    to_status: step.to,
    actor_id: u.id,
    actor_name: u.name,
    actor_rank: u.rank,
    gd_entry_id: gdEntryId,
    public_note: step.publicNote?.en ?? null,
    details: { ...(step.details ?? {}), ...(step.publicNote ? { publicNoteHi: step.publicNote.hi } : {}) },
  });
  await recordAudit(trx, deps.clock, officer.actor, {
    action: `complaint.${step.action}`,
    entityType: 'complaint',
    entityId: row.id,
    stationId: station.id,
    districtId: station.districtId,
    details: { ackNumber: row.ack_number, from: row.status, to: step.to, gdEntryId, ...(step.details ?? {}) },
  });
  if (step.notify !== false && step.publicNote) {
    const c = await repo.citizenContact(trx, row.citizen_id);
    if (c)
      await notifyPerson(
        trx,
        deps.clock,
        { stateCode: c.state_code, email: c.email, mobile: c.mobile },
        complaintUpdateNotice({ ack: row.ack_number, ...step.publicNote }),
      );
  }
  return gdEntryId;
}

async function save(trx: Kysely<Database>, row: ComplaintRow, set: repo.ComplaintChange) {
  if (!(await repo.updateComplaint(trx, row.id, row.version, set))) throw staleVersion();
}

/** Checks sections against the master data; 422 naming each unknown one. */
function sectionFacts(refs: { act: string; section: string }[], field = 'sections') {
  const cat = getCatalogue();
  const fields: FieldErrors = {};
  const found = refs.map((r, i) => {
    const s = cat.findSection(r.act, r.section);
    if (!s) fields[`${field}.${i}`] = `${r.act} ${r.section} does not exist in the acts-and-sections master data`;
    return s;
  });
  if (Object.keys(fields).length)
    throw unprocessable(
      'section_invalid',
      `Check the sections: ${Object.values(fields).join('; ')}.`,
      'धाराएं जांचें: कुछ धाराएं मास्टर डेटा में नहीं हैं।',
      fields,
    );
  return found.map((s) => s!);
}

const label = (s: { actCode: string; sectionCode: string }) => `${s.actCode} ${s.sectionCode}`;

/** The IIF-1 input for an FIR from a complaint: the complaint's facts and the officer's additions. */
function firInputFrom(row: ComplaintRow, input: RegisterFromComplaintInput): RegisterFirInput {
  const c = (row.complainant ?? {}) as Record<string, unknown>;
  const suspects = (row.suspects as { name?: string; description?: string; address?: string }[]) ?? [];
  const props = (row.properties as { type: string; description: string; value: number }[]) ?? [];
  const draft = {
    stationId: row.station_id,
    gdEntryId: row.information_gd_entry_id ?? undefined,
    informationReceivedAt: row.submitted_at.toISOString(),
    informationType: input.informationType,
    sections: input.sections,
    occurrence: {
      from: row.occurrence_from.toISOString(),
      to: row.occurrence_to?.toISOString(),
      place: row.place,
      lat: row.place_lat ?? undefined,
      lng: row.place_lng ?? undefined,
      ...input.occurrence,
    },
    complainant: {
      name: c.name,
      relativeName: c.relativeName,
      relation: c.relation,
      yearOfBirth: c.yearOfBirth,
      sex: c.sex,
      occupation: c.occupation,
      address: c.address,
      phone: c.mobile ?? undefined,
      email: c.email ?? undefined,
      isVictim: c.isVictim ?? true,
    },
    victims: input.victims ?? [],
    accused:
      input.accused ??
      suspects.map((s) =>
        s.name
          ? { known: true, name: s.name, address: s.address, description: s.description }
          : { known: false, description: s.description ?? 'Not known' },
      ),
    delayReason: input.delayReason,
    properties: props.map((p) => ({ description: p.description, category: p.type, nature: 'stolen', value: p.value })),
    narrative: input.narrative ?? row.description,
    actionTaken:
      input.actionTaken ?? `Registered from ${row.efir ? 'e-FIR' : 'e-complaint'} ${row.ack_number} and taken up for investigation.`,
    zeroFir: input.zeroFir,
    jurisdictionStationCode: input.jurisdictionStationCode,
  };
  const parsed = registerFirBody.safeParse(JSON.parse(JSON.stringify(draft)));
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const i of parsed.error.issues) fields[i.path.join('.') || '(root)'] = i.message;
    throw unprocessable(
      'complaint_incomplete_for_fir',
      `The complaint lacks what an FIR needs: ${Object.keys(fields).join(', ')}. Add it in the registration form.`,
      `शिकायत में एफआईआर के लिए आवश्यक जानकारी नहीं है: ${Object.keys(fields).join(', ')}।`,
      fields,
    );
  }
  return parsed.data;
}

/**
 * Registers an FIR from a complaint through the firs module's service, in the same transaction:
 * the FIR cites the GD entry that recorded the complaint's receipt. An e-FIR must have been
 * signed by the informant (BNSS 173(1)(ii)) — or be signed now (`informantSigned`). The
 * complaint becomes fir_registered, the FIR's stage history starts, and the citizen is told
 * that the FIR copy is ready. Returns the FIR.
 */
export async function registerFirFromComplaint(
  deps: ComplaintDeps,
  trx: Kysely<Database>,
  officer: Officer,
  id: string,
  input: RegisterFromComplaintInput,
): Promise<FirRecord> {
  const { row, station } = await begin(trx, officer, id, 'register_fir', input.version);
  const now = deps.clock.now();
  let signedAt = row.efir_signed_at;
  if (row.efir && !signedAt) {
    if (!input.informantSigned)
      throw unprocessable(
        'efir_not_signed',
        'An e-FIR is taken on record only when the informant signs it at the station (BNSS 173(1)(ii)). Record the signature first.',
        'ई-एफआईआर सूचनादाता के थाने में हस्ताक्षर करने पर ही अभिलेख पर ली जाती है (बीएनएसएस 173(1)(ii))। पहले हस्ताक्षर दर्ज करें।',
        { informantSigned: 'the informant has not signed the e-FIR' },
      );
    signedAt = now;
  }
  const fir = await registerFir(deps, trx, officer, firInputFrom(row, input));
  await save(trx, row, {
    status: 'fir_registered',
    status_changed_at: now,
    fir_id: fir.id,
    efir_signed_at: signedAt,
    efir_signed_by: row.efir_signed_by ?? (row.efir ? officer.auth.user.id : null),
    updated_at: now,
  });
  await record(deps, trx, officer, row, station, {
    action: 'fir_registered',
    to: 'fir_registered',
    gdEntryId: fir.gd_entry_id,
    details: { firId: fir.id, firNumber: fir.fir_number, signedNow: row.efir && !row.efir_signed_at },
    // The FIR's own notice (notifyStageChange) tells the citizen; no second message.
    publicNote: {
      en: `FIR No. ${fir.fir_number} registered at PS ${fir.station_name}. You can download a free copy of the FIR under "My FIRs".`,
      hi: `थाना ${fir.station_name_hi} में एफआईआर संख्या ${fir.fir_number} दर्ज हुई। एफआईआर की निःशुल्क प्रति "मेरी एफआईआर" में डाउनलोड करें।`,
    },
    notify: false,
  });
  await notifyStageChange(trx, fir.id, 'registered', { clock: deps.clock });
  if (row.kind === 'missing_person' && row.missing_person) await reportMissing(deps, trx, officer, row, fir);
  return fir;
}

/**
 * Enters the missing person of a registered complaint in the missing-persons register, through
 * the people module's service in the same transaction, so that the register's matching against
 * unidentified persons and bodies sees them at once. The report points at the FIR.
 */
async function reportMissing(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, row: ComplaintRow, fir: FirRecord) {
  const m = row.missing_person as MissingPersonStored;
  const c = (row.complainant ?? {}) as { name?: string; mobile?: string | null };
  await addMissing(
    deps,
    trx,
    officer,
    {
      name: m.name,
      sex: m.sex,
      ageYears: ageWhenLastSeen(m),
      heightCm: m.heightCm,
      marks: m.marks ?? [],
      clothing: m.clothing,
      missingSince: istDate(new Date(m.lastSeenAt)),
      lastSeenPlace: m.lastSeenPlace,
      reporterName: c.name ?? 'The complainant',
      reporterRelation: m.relation,
      reporterPhone: c.mobile ?? undefined,
      stationId: row.station_id,
    },
    { firId: fir.id },
  );
}

/**
 * BNSS 174(1): records a non-cognizable report. The sections must be non-cognizable: a
 * cognizable offence must be registered as an FIR (BNSS 173(1); Lalita Kumari v. State of UP).
 * Numbers the NCR per station and year, writes the GD entry, and refers the informant to the
 * Magistrate.
 */
export async function recordNcr(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, id: string, input: NcrInput) {
  const { row, station } = await begin(trx, officer, id, 'record_ncr', input.version);
  const facts = sectionFacts(input.sections);
  const cognizable = facts.map((f, i) => ({ f, i })).filter(({ f }) => f.cognizable === 'yes');
  if (cognizable.length) {
    const fields: FieldErrors = {};
    for (const { f, i } of cognizable) fields[`sections.${i}`] = `${label(f)} is cognizable: register an FIR`;
    throw unprocessable(
      'ncr_cognizable_offence',
      `A cognizable offence must be registered as an FIR (BNSS 173(1)): ${cognizable.map(({ f }) => label(f)).join(', ')}.`,
      'संज्ञेय अपराध में एफआईआर दर्ज करना अनिवार्य है (बीएनएसएस 173(1))।',
      fields,
    );
  }
  const now = deps.clock.now();
  const year = istYear(now);
  const serial = await repo.nextSerial(trx, 'ncr_serial', station.id, year);
  const ncrNumber = `${String(serial).padStart(4, '0')}/${year}`;
  const ncrId = newId();
  const sectionsText = facts.map(label).join(', ');
  const entry = await writeGdEntry(deps, trx, officerOf(officer.auth), station, {
    kind: 'ncr',
    text: `Non-cognizable report NCR No. ${ncrNumber} recorded on ${row.efir ? 'e-FIR' : 'e-complaint'} ${row.ack_number} under ${sectionsText}. The informant is referred to ${input.referredTo} (BNSS 174(1)).`,
    refType: 'ncr',
    refId: ncrId,
    details: { ackNumber: row.ack_number, ncrNumber },
  });
  const u = officer.auth.user;
  await repo.insertNcr(trx, {
    id: ncrId,
    state_code: station.stateCode,
    district_id: station.districtId,
    subdivision_id: station.subdivisionId,
    station_id: station.id,
    year,
    serial,
    ncr_number: ncrNumber,
    complaint_id: row.id,
    recorded_at: now,
    recorded_by: u.id,
    officer_name: u.name,
    officer_rank: u.rank,
    gd_entry_id: entry.id,
    sections: facts.map((f) => ({ act: f.actCode, section: f.sectionCode, titleEn: f.titleEn, titleHi: f.titleHi })),
    substance: input.substance ?? row.description,
    referred_to: input.referredTo,
  });
  await save(trx, row, { status: 'ncr_recorded', status_changed_at: now, ncr_id: ncrId, updated_at: now });
  await record(deps, trx, officer, row, station, {
    action: 'ncr_recorded',
    to: 'ncr_recorded',
    gdEntryId: entry.id,
    details: { ncrId, ncrNumber, sections: facts.map(label) },
    publicNote: {
      en: `Recorded as a non-cognizable report, NCR No. ${ncrNumber}, at PS ${station.name}. The police cannot investigate a non-cognizable offence without a Magistrate's order (BNSS 174(2)); you may approach ${input.referredTo}.`,
      hi: `थाना ${station.nameHi} में असंज्ञेय रिपोर्ट संख्या ${ncrNumber} के रूप में दर्ज। असंज्ञेय अपराध की विवेचना मजिस्ट्रेट के आदेश के बिना नहीं हो सकती (बीएनएसएस 174(2)); आप ${input.referredTo} के पास जा सकते हैं।`,
    },
  });
  return { ncrId, ncrNumber };
}

/**
 * BNSS 173(3): proposes a preliminary enquiry for an offence punishable with 3 years or more
 * but less than 7 (the gravest section, from the master data's punishments). It needs the prior
 * permission of a DSP-rank officer: the complaint waits for the SDPO's decision.
 */
export async function openEnquiry(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, id: string, input: EnquiryInput) {
  const { row, station } = await begin(trx, officer, id, 'open_enquiry', input.version);
  const facts = sectionFacts(input.sections);
  const ruling = preliminaryEnquiry(facts);
  if (!ruling.applies)
    throw unprocessable(
      'enquiry_not_allowed',
      ruling.basis,
      'प्रारंभिक जांच केवल तीन वर्ष या अधिक किंतु सात वर्ष से कम दंडनीय अपराधों में हो सकती है (बीएनएसएस 173(3))।',
      {
        sections: ruling.basis,
      },
    );
  const now = deps.clock.now();
  await save(trx, row, {
    status: 'preliminary_enquiry',
    status_changed_at: now,
    pe_state: 'awaiting_approval',
    pe_sections: JSON.stringify(facts.map((f) => ({ act: f.actCode, section: f.sectionCode }))),
    pe_reason: input.reason,
    pe_requested_at: now,
    pe_requested_by: officer.auth.user.id,
    pe_decided_at: null,
    pe_decided_by: null,
    pe_decision_remarks: null,
    pe_due_at: null,
    updated_at: now,
  });
  await record(deps, trx, officer, row, station, {
    action: 'enquiry_proposed',
    to: 'preliminary_enquiry',
    gd: {
      kind: 'complaint',
      text: `Preliminary enquiry proposed on ${row.ack_number} under BNSS 173(3) (${facts.map(label).join(', ')}); permission of the SDPO sought. Reason: ${input.reason}`,
    },
    details: { sections: facts.map(label), reason: input.reason },
    publicNote: {
      en: `A preliminary enquiry (BNSS 173(3)) has been proposed to see whether a case is made out; it needs the permission of a senior officer and is completed within 14 days of it.`,
      hi: `यह देखने के लिए कि मामला बनता है या नहीं, प्रारंभिक जांच (बीएनएसएस 173(3)) प्रस्तावित है; इसके लिए वरिष्ठ अधिकारी की अनुमति आवश्यक है और अनुमति के 14 दिनों में यह पूरी होती है।`,
    },
  });
}

/**
 * The SDPO (DSP rank) permits or refuses a proposed preliminary enquiry. Permitted: the 14-day
 * clock starts now. Refused: the complaint returns to the inbox for registration or another
 * action. Written to the station's GD under the deciding officer's name.
 */
export async function decideEnquiry(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, id: string, input: EnquiryDecisionInput) {
  const { row, station } = await begin(trx, officer, id, 'decide_enquiry', input.version);
  const now = deps.clock.now();
  const due = new Date(now.getTime() + ENQUIRY_MS);
  const u = officer.auth.user;
  await save(trx, row, {
    status: input.approve ? 'preliminary_enquiry' : 'submitted',
    status_changed_at: now,
    pe_state: input.approve ? 'approved' : 'refused',
    pe_decided_at: now,
    pe_decided_by: u.id,
    pe_decision_remarks: input.remarks,
    pe_due_at: input.approve ? due : null,
    updated_at: now,
  });
  await record(deps, trx, officer, row, station, {
    action: input.approve ? 'enquiry_approved' : 'enquiry_refused',
    to: input.approve ? 'preliminary_enquiry' : 'submitted',
    gd: {
      kind: 'complaint',
      text: input.approve
        ? `Preliminary enquiry on ${row.ack_number} permitted by ${u.rank ? `${u.rank.toUpperCase()} ` : ''}${u.name} under BNSS 173(3); to be completed by ${istDateTime(due)}. ${input.remarks}`
        : `Preliminary enquiry on ${row.ack_number} not permitted by ${u.name}; the complaint returns to the station for action. ${input.remarks}`,
    },
    details: { remarks: input.remarks, dueAt: input.approve ? due.toISOString() : null },
    publicNote: input.approve
      ? {
          en: `The preliminary enquiry was permitted; it is to be completed by ${istDateTime(due)}.`,
          hi: `प्रारंभिक जांच की अनुमति मिली; यह ${istDateTime(due)} तक पूरी होगी।`,
        }
      : null,
  });
}

/** Sends a complaint to the station that has jurisdiction: a transfer_out entry at the sender, a transfer_in entry at the receiver, whose inbox now holds it. */
export async function transferComplaint(
  deps: ComplaintDeps,
  trx: Kysely<Database>,
  officer: Officer,
  id: string,
  input: TransferComplaintInput,
) {
  const { row, station } = await begin(trx, officer, id, 'transfer', input.version);
  const target = input.toStationId
    ? await findStation(trx, row.state_code, input.toStationId)
    : await findStationByCode(trx, row.state_code, (input.toStationCode ?? '').toUpperCase());
  const field = input.toStationId ? 'toStationId' : 'toStationCode';
  if (!target || !target.active)
    throw unprocessable('station_not_found', 'No such police station.', 'ऐसा कोई पुलिस थाना नहीं है।', { [field]: 'unknown station' });
  if (target.id === row.station_id)
    throw unprocessable('transfer_to_same_station', 'The complaint is already at this station.', 'शिकायत पहले से इसी थाने में है।', {
      [field]: 'is the complaint’s own station',
    });
  const to = placeOf(target);
  const now = deps.clock.now();
  const kindWord = row.efir ? 'e-FIR' : 'e-complaint';
  const inEntry = await writeGdEntry(deps, trx, officerOf(officer.auth), to, {
    kind: 'transfer_in',
    text: `${kindWord} ${row.ack_number} received on transfer from PS ${station.name} (${station.code}). Reason: ${input.reason}`,
    refType: 'complaint',
    refId: row.id,
    details: { ackNumber: row.ack_number, fromStationId: station.id },
  });
  await save(trx, row, {
    station_id: to.id,
    district_id: to.districtId,
    subdivision_id: to.subdivisionId,
    information_gd_entry_id: inEntry.id,
    status_changed_at: now,
    updated_at: now,
  });
  await record(deps, trx, officer, row, station, {
    action: 'transferred',
    to: 'submitted',
    gd: {
      kind: 'transfer_out',
      text: `${kindWord} ${row.ack_number} sent on transfer to PS ${to.name} (${to.code}). Reason: ${input.reason}`,
      details: { toStationId: to.id, transferInGdEntryId: inEntry.id },
    },
    details: { toStationId: to.id, toStationCode: to.code, reason: input.reason },
    publicNote: {
      en: `Sent to PS ${to.name} (phone ${to.phone ?? 'not listed'}), which has jurisdiction. Reason: ${input.reason}`,
      hi: `क्षेत्राधिकार वाले थाना ${to.nameHi} (फ़ोन ${to.phone ?? 'उपलब्ध नहीं'}) को भेजी गई। कारण: ${input.reason}`,
    },
  });
  return to;
}

/**
 * Closes a complaint with a reason the citizen sees. No path closes a complaint without one
 * (Lalita Kumari v. State of UP, 2013); the notice reminds the informant of BNSS 173(4): the
 * substance may be sent to the Superintendent of Police.
 */
export async function closeComplaint(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, id: string, input: CloseInput) {
  const { row, station } = await begin(trx, officer, id, 'close', input.version);
  const now = deps.clock.now();
  const u = officer.auth.user;
  await save(trx, row, {
    status: 'closed',
    status_changed_at: now,
    closed_reason: input.reason,
    closed_at: now,
    closed_by: u.id,
    updated_at: now,
  });
  await record(deps, trx, officer, row, station, {
    action: 'closed',
    to: 'closed',
    gd: {
      kind: 'complaint',
      text: `${row.efir ? 'e-FIR' : 'e-Complaint'} ${row.ack_number} closed${row.status === 'preliminary_enquiry' ? ' after preliminary enquiry' : ''}. Reason: ${input.reason}`,
    },
    details: { reason: input.reason },
    publicNote: {
      en: `Closed by PS ${station.name}. Reason: ${input.reason} If you disagree, you may send the substance of your complaint to the Superintendent of Police (BNSS 173(4)).`,
      hi: `थाना ${station.nameHi} द्वारा बंद। कारण: ${input.reason} यदि आप असहमत हैं, तो अपनी शिकायत का सार पुलिस अधीक्षक को भेज सकते हैं (बीएनएसएस 173(4))।`,
    },
  });
}

/** Records that the informant signed the e-FIR at the station (BNSS 173(1)(ii)); a signature after the 3 days is recorded as late. */
export async function signEfir(deps: ComplaintDeps, trx: Kysely<Database>, officer: Officer, id: string, input: { version?: number }) {
  const { row, station } = await begin(trx, officer, id, 'sign', input.version);
  const now = deps.clock.now();
  const late = !!row.efir_sign_due_at && now >= row.efir_sign_due_at;
  await save(trx, row, { efir_signed_at: now, efir_signed_by: officer.auth.user.id, updated_at: now });
  await record(deps, trx, officer, row, station, {
    action: 'efir_signed',
    to: row.status,
    gd: {
      kind: 'complaint',
      text: `The informant signed e-FIR ${row.ack_number} at the station (BNSS 173(1)(ii))${late ? `, after the 3 days that ended ${istDateTime(row.efir_sign_due_at!)}` : ''}.`,
    },
    details: { late },
    publicNote: { en: 'Your signature on the e-FIR was recorded at the police station.', hi: 'ई-एफआईआर पर आपके हस्ताक्षर थाने में दर्ज हुए।' },
  });
}

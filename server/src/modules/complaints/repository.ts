import { sql, type ColumnType, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';
import type { ComplaintStatus } from './workflow.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type MutableTimestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, never>;
type MutableJson = ColumnType<unknown, string, string>;

export interface SerialTable {
  station_id: string;
  year: number;
  last: number;
}

export interface ComplaintTable {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  ack_number: string;
  citizen_id: string;
  kind: string;
  efir: boolean;
  occurrence_from: MutableTimestamp;
  occurrence_to: MutableTimestamp | null;
  place: string;
  place_district_id: string | null;
  place_lat: number | null;
  place_lng: number | null;
  description: string;
  complainant: MutableJson;
  suspects: MutableJson;
  properties: MutableJson;
  /** Kind missing_person: who is missing (missing.ts MissingPersonStored); else null. */
  missing_person: MutableJson | null;
  property_total_value: number;
  submitted_at: MutableTimestamp;
  original_station_id: string;
  information_gd_entry_id: string | null;
  status: ComplaintStatus;
  status_changed_at: MutableTimestamp;
  efir_sign_due_at: MutableTimestamp | null;
  efir_signed_at: MutableTimestamp | null;
  efir_signed_by: string | null;
  pe_state: 'awaiting_approval' | 'approved' | 'refused' | null;
  pe_sections: MutableJson | null;
  pe_reason: string | null;
  pe_requested_at: MutableTimestamp | null;
  pe_requested_by: string | null;
  pe_decided_at: MutableTimestamp | null;
  pe_decided_by: string | null;
  pe_decision_remarks: string | null;
  pe_due_at: MutableTimestamp | null;
  fir_id: string | null;
  ncr_id: string | null;
  closed_reason: string | null;
  closed_at: MutableTimestamp | null;
  closed_by: string | null;
  version: number;
  updated_at: MutableTimestamp;
}

export interface ComplaintEventTable {
  id: string;
  complaint_id: string;
  state_code: string;
  station_id: string;
  at: Timestamp;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  actor_rank: string | null;
  gd_entry_id: string | null;
  public_note: string | null;
  details: Json;
}

export interface ComplaintAttachmentTable {
  id: string;
  complaint_id: string;
  state_code: string;
  position: number;
  sha256: string;
  size_bytes: number;
  mime: string;
  ext: string;
  original_name: string;
  created_at: Timestamp;
}

export interface NcrTable {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  year: number;
  serial: number;
  ncr_number: string;
  complaint_id: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  officer_name: string;
  officer_rank: string | null;
  gd_entry_id: string;
  sections: Json;
  substance: string;
  referred_to: string;
}

declare module '../../db/types.js' {
  interface Database {
    complaint_serial: SerialTable;
    complaint: ComplaintTable;
    complaint_event: ComplaintEventTable;
    complaint_attachment: ComplaintAttachmentTable;
    ncr_serial: SerialTable;
    ncr: NcrTable;
  }
}

/** A complaint as the service reads it, with its station's and district's names. */
export interface ComplaintRow {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  station_id: string;
  ack_number: string;
  citizen_id: string;
  kind: string;
  efir: boolean;
  occurrence_from: Date;
  occurrence_to: Date | null;
  place: string;
  place_district_id: string | null;
  place_lat: number | null;
  place_lng: number | null;
  description: string;
  complainant: unknown;
  suspects: unknown;
  properties: unknown;
  missing_person: unknown;
  property_total_value: number;
  submitted_at: Date;
  original_station_id: string;
  information_gd_entry_id: string | null;
  status: ComplaintStatus;
  status_changed_at: Date;
  efir_sign_due_at: Date | null;
  efir_signed_at: Date | null;
  efir_signed_by: string | null;
  pe_state: 'awaiting_approval' | 'approved' | 'refused' | null;
  pe_sections: unknown;
  pe_reason: string | null;
  pe_requested_at: Date | null;
  pe_requested_by: string | null;
  pe_decided_at: Date | null;
  pe_decided_by: string | null;
  pe_decision_remarks: string | null;
  pe_due_at: Date | null;
  fir_id: string | null;
  ncr_id: string | null;
  closed_reason: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  version: number;
  updated_at: Date;
  station_code: string;
  station_name: string;
  station_name_hi: string;
  station_phone: string | null;
  district_name: string;
  district_name_hi: string;
  fir_number: string | null;
  ncr_number: string | null;
}

function complaintQuery(db: Kysely<Database>) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('station as st', 'st.id', 'c.station_id')
    .innerJoin('district as d', 'd.id', 'c.district_id')
    .leftJoin('fir as f', 'f.id', 'c.fir_id')
    .leftJoin('ncr as n', 'n.id', 'c.ncr_id')
    .selectAll('c')
    .select([
      'st.code as station_code',
      'st.name as station_name',
      'st.name_hi as station_name_hi',
      'st.phone as station_phone',
      'd.name as district_name',
      'd.name_hi as district_name_hi',
      'f.fir_number as fir_number',
      'n.ncr_number as ncr_number',
    ]);
}

const complaintScope = (scope: Scope) =>
  inScope(scope, { state: 'c.state_code', district: 'c.district_id', subdivision: 'c.subdivision_id', station: 'c.station_id' });

/** A complaint in the police caller's jurisdiction (its current station's), or undefined. */
export async function findComplaint(db: Kysely<Database>, scope: Scope, id: string): Promise<ComplaintRow | undefined> {
  return (await complaintQuery(db).where('c.id', '=', id).where(complaintScope(scope)).executeTakeFirst()) as ComplaintRow | undefined;
}

/** A citizen's own complaint, or undefined (another citizen's answers like a missing one). */
export async function findOwnComplaint(db: Kysely<Database>, citizenId: string, id: string): Promise<ComplaintRow | undefined> {
  return (await complaintQuery(db).where('c.id', '=', id).where('c.citizen_id', '=', citizenId).executeTakeFirst()) as
    ComplaintRow | undefined;
}

/** Locks a complaint row for an action in the caller's transaction. */
export async function lockComplaint(db: Kysely<Database>, id: string) {
  return db.selectFrom('complaint').select(['id', 'version', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listOwnComplaints(db: Kysely<Database>, citizenId: string, limit: number, offset: number) {
  const rows = (await complaintQuery(db)
    .where('c.citizen_id', '=', citizenId)
    .orderBy('c.submitted_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()) as ComplaintRow[];
  const total = await db
    .selectFrom('complaint')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export interface InboxFilter {
  stationId?: string;
  statuses: readonly ComplaintStatus[];
  efirOnly?: boolean;
  /** Only complaints with a running clock: an e-FIR awaiting the informant's signature, or an approved preliminary enquiry. */
  clocked?: boolean;
  limit: number;
  offset: number;
}

const withClock = sql<boolean>`((c.efir and c.efir_signed_at is null and c.status = 'submitted' and c.efir_sign_due_at is not null)
  or (c.status = 'preliminary_enquiry' and c.pe_state = 'approved' and c.pe_due_at is not null))`;

/** The inbox: complaints in the scope in the given statuses, oldest first. */
export async function listInbox(db: Kysely<Database>, scope: Scope, f: InboxFilter) {
  let q = complaintQuery(db)
    .where(complaintScope(scope))
    .where('c.status', 'in', [...f.statuses]);
  if (f.stationId) q = q.where('c.station_id', '=', f.stationId);
  if (f.efirOnly) q = q.where('c.efir', '=', true);
  if (f.clocked) q = q.where(withClock);
  let count = db
    .selectFrom('complaint as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(complaintScope(scope))
    .where('c.status', 'in', [...f.statuses]);
  if (f.stationId) count = count.where('c.station_id', '=', f.stationId);
  if (f.efirOnly) count = count.where('c.efir', '=', true);
  if (f.clocked) count = count.where(withClock);
  const [rows, total] = await Promise.all([
    q.orderBy('c.submitted_at', 'asc').orderBy('c.id', 'asc').limit(f.limit).offset(f.offset).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ComplaintRow[], total: Number(total.n) };
}

/** The next serial of a station's year for acknowledgements or NCRs (row lock until commit). */
export async function nextSerial(
  db: Kysely<Database>,
  table: 'complaint_serial' | 'ncr_serial',
  stationId: string,
  year: number,
): Promise<number> {
  const r = await db
    .insertInto(table)
    .values({ station_id: stationId, year, last: 1 })
    .onConflict((oc) => oc.columns(['station_id', 'year']).doUpdateSet({ last: sql<number>`${sql.ref(`${table}.last`)} + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

export type NewComplaint = Omit<
  ComplaintTable,
  | 'complainant'
  | 'suspects'
  | 'properties'
  | 'missing_person'
  | 'pe_sections'
  | 'occurrence_from'
  | 'occurrence_to'
  | 'submitted_at'
  | 'efir_sign_due_at'
  | 'efir_signed_at'
  | 'status_changed_at'
  | 'updated_at'
  | 'pe_requested_at'
  | 'pe_decided_at'
  | 'pe_due_at'
  | 'closed_at'
> & {
  complainant: unknown;
  suspects: unknown;
  properties: unknown;
  missing_person: unknown;
  occurrence_from: Date;
  occurrence_to: Date | null;
  submitted_at: Date;
  efir_sign_due_at: Date | null;
  status_changed_at: Date;
  updated_at: Date;
};

export async function insertComplaint(db: Kysely<Database>, row: NewComplaint) {
  await db
    .insertInto('complaint')
    .values({
      ...row,
      complainant: JSON.stringify(row.complainant),
      suspects: JSON.stringify(row.suspects),
      properties: JSON.stringify(row.properties),
      missing_person: row.missing_person === null || row.missing_person === undefined ? null : JSON.stringify(row.missing_person),
      pe_sections: null,
      efir_signed_at: null,
      pe_requested_at: null,
      pe_decided_at: null,
      pe_due_at: null,
      closed_at: null,
    })
    .execute();
}

export type ComplaintChange = Omit<Updateable<ComplaintTable>, 'id' | 'version'>;

/** Optimistic update: false when the version moved on (the caller answers 412). */
export async function updateComplaint(db: Kysely<Database>, id: string, version: number, set: ComplaintChange): Promise<boolean> {
  const r = await db
    .updateTable('complaint')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: Kysely<Database>,
  e: Omit<ComplaintEventTable, 'details' | 'at'> & { at: Date; details: Record<string, unknown> },
) {
  await db
    .insertInto('complaint_event')
    .values({ ...e, details: JSON.stringify(e.details) })
    .execute();
}

export async function listEvents(db: Kysely<Database>, complaintId: string) {
  return db
    .selectFrom('complaint_event as e')
    .innerJoin('station as st', 'st.id', 'e.station_id')
    .leftJoin('gd_entry as g', 'g.id', 'e.gd_entry_id')
    .selectAll('e')
    .select([
      'st.code as station_code',
      'st.name as station_name',
      'st.name_hi as station_name_hi',
      'g.entry_no as gd_entry_no',
      'g.day as gd_day',
    ])
    .where('e.complaint_id', '=', complaintId)
    .orderBy('e.at', 'asc')
    .orderBy('e.id', 'asc')
    .execute();
}
export type ComplaintEventRow = Awaited<ReturnType<typeof listEvents>>[number];

export async function insertAttachment(db: Kysely<Database>, a: Omit<ComplaintAttachmentTable, 'created_at'> & { created_at: Date }) {
  await db.insertInto('complaint_attachment').values(a).execute();
}

export async function listAttachments(db: Kysely<Database>, complaintId: string) {
  return db.selectFrom('complaint_attachment').selectAll().where('complaint_id', '=', complaintId).orderBy('position').execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export async function findAttachment(db: Kysely<Database>, complaintId: string, id: string) {
  return db.selectFrom('complaint_attachment').selectAll().where('complaint_id', '=', complaintId).where('id', '=', id).executeTakeFirst();
}

/** Whether any complaint still refers to a stored file (before removing it after a failure). */
export async function attachmentShaInUse(db: Kysely<Database>, sha256: string): Promise<boolean> {
  return !!(await db.selectFrom('complaint_attachment').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst());
}

export async function insertNcr(
  db: Kysely<Database>,
  n: Omit<NcrTable, 'sections' | 'recorded_at'> & { recorded_at: Date; sections: unknown },
) {
  await db
    .insertInto('ncr')
    .values({ ...n, sections: JSON.stringify(n.sections) })
    .execute();
}

/** The NCR register of the scope between two instants, in number order (the fortnightly diary to the Magistrate). */
export async function listNcrs(db: Kysely<Database>, scope: Scope, f: { stationId?: string; from: Date; to: Date }) {
  let q = db
    .selectFrom('ncr as n')
    .innerJoin('station as st', 'st.id', 'n.station_id')
    .innerJoin('gd_entry as g', 'g.id', 'n.gd_entry_id')
    .leftJoin('complaint as c', 'c.id', 'n.complaint_id')
    .selectAll('n')
    .select([
      'st.code as station_code',
      'st.name as station_name',
      'g.entry_no as gd_entry_no',
      'g.day as gd_day',
      'c.ack_number as ack_number',
    ])
    .where(inScope(scope, { state: 'n.state_code', district: 'n.district_id', subdivision: 'n.subdivision_id', station: 'n.station_id' }))
    .where('n.recorded_at', '>=', f.from)
    .where('n.recorded_at', '<', f.to);
  if (f.stationId) q = q.where('n.station_id', '=', f.stationId);
  return q.orderBy('st.code').orderBy('n.year').orderBy('n.serial').limit(2000).execute();
}

/** Counts for the station dashboard, within the scope, as of `now`. */
export async function complaintCounts(db: Kysely<Database>, scope: Scope, now: Date) {
  const r = await db
    .selectFrom('complaint as c')
    .select([
      sql<number>`count(*) filter (where c.status in ('submitted', 'preliminary_enquiry'))`.as('waiting'),
      sql<number>`count(*) filter (where c.status = 'submitted' and c.efir and c.efir_signed_at is null)`.as('efir_unsigned'),
      sql<number>`count(*) filter (where c.status = 'submitted' and c.efir and c.efir_signed_at is null and c.efir_sign_due_at <= ${now})`.as(
        'efir_overdue',
      ),
      sql<number>`count(*) filter (where c.status = 'preliminary_enquiry' and c.pe_state = 'awaiting_approval')`.as('pe_awaiting'),
      sql<number>`count(*) filter (where c.status = 'preliminary_enquiry' and c.pe_state = 'approved' and c.pe_due_at <= ${new Date(now.getTime() + 2 * 86_400_000)})`.as(
        'pe_due',
      ),
      sql<number>`count(*) filter (where c.status = 'preliminary_enquiry' and c.pe_state = 'approved' and c.pe_due_at <= ${now})`.as(
        'pe_overdue',
      ),
    ])
    .where(complaintScope(scope))
    .where('c.status', 'in', ['submitted', 'preliminary_enquiry'])
    .executeTakeFirstOrThrow();
  return {
    waiting: Number(r.waiting),
    efirUnsigned: Number(r.efir_unsigned),
    efirOverdue: Number(r.efir_overdue),
    peAwaiting: Number(r.pe_awaiting),
    peDue: Number(r.pe_due),
    peOverdue: Number(r.pe_overdue),
  };
}

export async function countOwnOpen(db: Kysely<Database>, citizenId: string) {
  const r = await db
    .selectFrom('complaint')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('citizen_id', '=', citizenId)
    .where('status', 'in', ['submitted', 'preliminary_enquiry'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The citizens who filed the complaints an FIR came from (to tell them of its stage changes). */
export async function citizensOfFir(db: Kysely<Database>, firId: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('app_user as u', 'u.id', 'c.citizen_id')
    .select(['c.id as complaint_id', 'c.ack_number', 'u.id as user_id', 'u.state_code', 'u.email', 'u.mobile'])
    .where('c.fir_id', '=', firId)
    .execute();
}

/** FIRs registered from a citizen's complaints. */
export async function firIdsOfCitizen(db: Kysely<Database>, citizenId: string) {
  return db
    .selectFrom('complaint')
    .select(['id', 'fir_id', 'ack_number'])
    .where('citizen_id', '=', citizenId)
    .where('fir_id', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .execute();
}

/** Where to send a citizen's notices: the account's current e-mail and mobile. */
export async function citizenContact(db: Kysely<Database>, userId: string) {
  return db.selectFrom('app_user').select(['state_code', 'email', 'mobile']).where('id', '=', userId).executeTakeFirst();
}

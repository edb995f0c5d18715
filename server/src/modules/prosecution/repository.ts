import { sql, type ColumnType, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/types.js';
import type { PlaceCols } from '../investigation/repository.js';
import type { ClosureReason, FinalReportContent, ReportKind } from './content.js';

type Timestamp = ColumnType<Date, Date | string, never>;
type MutableTimestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: written as a JSON string, read back parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;
type Bytes = ColumnType<Uint8Array, Buffer | Uint8Array, never>;

export type ReportStatus = 'draft' | 'submitted' | 'approved';

export interface FinalReportTable extends PlaceCols {
  id: string;
  fir_id: string;
  report_no: number;
  kind: ReportKind;
  closure_reason: ClosureReason | null;
  court_id: string | null;
  status: ReportStatus;
  content: Json<FinalReportContent>;
  io_id: string;
  version: number;
  returned_remarks: string | null;
  returned_at: MutableTimestamp | null;
  returned_by_name: string | null;
  submitted_at: MutableTimestamp | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  approved_at: MutableTimestamp | null;
  approved_by: string | null;
  approved_by_name: string | null;
  created_at: Timestamp;
  updated_at: MutableTimestamp;
}

export interface FinalReportRevisionTable {
  id: string;
  report_id: string;
  version: number;
  status: string;
  snapshot: Json<Record<string, unknown>>;
  author_id: string;
  author_name: string;
  saved_at: Timestamp;
}

export type PackageStatus = 'pending' | 'delivered' | 'accepted';

export interface EfilingPackageTable extends PlaceCols {
  id: string;
  fir_id: string;
  final_report_id: string;
  court_id: string;
  schema_version: string;
  package: Json<Record<string, unknown>>;
  package_sha256: string;
  pdf_en: Bytes;
  pdf_en_sha256: string;
  pdf_hi: Bytes;
  pdf_hi_sha256: string;
  outbox_id: string;
  delivered_via: 'push' | 'pull' | 'clerk' | null;
  status: PackageStatus;
  cnr: string | null;
  court_case_no: string | null;
  created_at: Timestamp;
  delivered_at: MutableTimestamp | null;
  accepted_at: MutableTimestamp | null;
  accepted_by_name: string | null;
}

export interface EfilingAttemptTable {
  id: string;
  package_id: string;
  attempt: number;
  at: Timestamp;
  outcome: 'delivered' | 'failed';
  http_status: number | null;
  error: string | null;
  cnr: string | null;
}

export interface CourtCaseTable extends PlaceCols {
  fir_id: string;
  court_id: string;
  package_id: string;
  cnr: string;
  court_case_no: string | null;
  accepted_at: Timestamp;
  accepted_via: 'api' | 'clerk' | 'efiling_response';
}

export type Source = 'api' | 'clerk';

export interface CourtHearingTable extends PlaceCols {
  id: string;
  fir_id: string;
  court_id: string;
  hearing_date: ColumnType<string, string, never>;
  purpose: string;
  charges_framed: boolean;
  source: Source;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export type DisposalResult = 'convicted' | 'acquitted' | 'discharged' | 'compounded';
export type CaseDisposalResult = DisposalResult | 'partly_convicted' | 'closure_accepted';

export interface Sentence {
  imprisonmentMonths?: number;
  imprisonmentKind?: 'rigorous' | 'simple' | 'life';
  fineRupees?: number;
  defaultImprisonmentMonths?: number;
  probation?: boolean;
  death?: boolean;
  text?: string;
}

export interface CourtDisposalTable extends PlaceCols {
  id: string;
  fir_id: string;
  court_id: string;
  decided_on: ColumnType<string, string, never>;
  judgment_ref: string | null;
  result: CaseDisposalResult;
  remarks: string | null;
  source: Source;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

export interface CourtDisposalAccusedTable {
  id: string;
  disposal_id: string;
  fir_id: string;
  case_person_id: string;
  code: string;
  name: string;
  result: DisposalResult;
  sections: Json<{ act: string; section: string }[]>;
  sentence: Json<Sentence | null> | null;
}

export type AppealResult = 'pending' | 'allowed' | 'dismissed' | 'partly_allowed' | 'remanded' | 'withdrawn' | 'abated';

export interface CourtAppealTable extends PlaceCols {
  id: string;
  fir_id: string;
  court_id: string;
  appeal_ref: string;
  appellate_court: string;
  appellant: 'state' | 'accused' | 'victim' | 'complainant';
  filed_on: ColumnType<string, string, never>;
  decided_on: ColumnType<string | null, string | null, never>;
  result: AppealResult;
  accused: Json<{ code: string; result: string; sentence?: Sentence | null }[]>;
  remarks: string | null;
  source: Source;
  recorded_by_name: string;
  recorded_at: Timestamp;
}

declare module '../../db/types.js' {
  interface Database {
    final_report: FinalReportTable;
    final_report_revision: FinalReportRevisionTable;
    efiling_package: EfilingPackageTable;
    efiling_attempt: EfilingAttemptTable;
    court_case: CourtCaseTable;
    court_hearing: CourtHearingTable;
    court_disposal: CourtDisposalTable;
    court_disposal_accused: CourtDisposalAccusedTable;
    court_appeal: CourtAppealTable;
  }
}

type DB = Kysely<Database>;

const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ---------------------------------------------------------------------------------------------
// Final report
// ---------------------------------------------------------------------------------------------

const reportColumns = [
  'r.id',
  'r.fir_id',
  'r.state_code',
  'r.district_id',
  'r.subdivision_id',
  'r.station_id',
  'r.report_no',
  'r.kind',
  'r.closure_reason',
  'r.court_id',
  'r.status',
  'r.content',
  'r.io_id',
  'r.version',
  'r.returned_remarks',
  'r.returned_at',
  'r.returned_by_name',
  'r.submitted_at',
  'r.submitted_by',
  'r.submitted_by_name',
  'r.approved_at',
  'r.approved_by',
  'r.approved_by_name',
  'r.created_at',
  'r.updated_at',
  'c.code as court_code',
  'c.name as court_name',
  'c.name_hi as court_name_hi',
  'u.name as io_name',
  'u.rank as io_rank',
] as const;

export type ReportRow = Omit<Selectable<FinalReportTable>, 'content'> & {
  content: FinalReportContent;
  court_code: string | null;
  court_name: string | null;
  court_name_hi: string | null;
  io_name: string;
  io_rank: string | null;
};

function reportQuery(db: DB) {
  return db
    .selectFrom('final_report as r')
    .leftJoin('court as c', 'c.id', 'r.court_id')
    .innerJoin('app_user as u', 'u.id', 'r.io_id')
    .select(reportColumns);
}

const asReport = (r: unknown): ReportRow => {
  const row = r as ReportRow;
  return { ...row, content: parse<FinalReportContent>(row.content) };
};

/** The case's latest final report (the open one if any, else the last approved). */
export async function findLatestReport(db: DB, firId: string, opts: { forUpdate?: boolean } = {}): Promise<ReportRow | undefined> {
  if (opts.forUpdate) {
    // Lock the row alone (a join cannot be locked on PostgreSQL's outer side), then read it.
    const id = await db
      .selectFrom('final_report')
      .select('id')
      .where('fir_id', '=', firId)
      .orderBy('report_no', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!id) return undefined;
    return findReport(db, id.id);
  }
  const r = await reportQuery(db).where('r.fir_id', '=', firId).orderBy('r.report_no', 'desc').limit(1).executeTakeFirst();
  return r ? asReport(r) : undefined;
}

export async function findReport(db: DB, id: string): Promise<ReportRow | undefined> {
  const r = await reportQuery(db).where('r.id', '=', id).executeTakeFirst();
  return r ? asReport(r) : undefined;
}

export async function nextReportNo(db: DB, firId: string): Promise<number> {
  const r = await db
    .selectFrom('final_report')
    .select(sql<number>`coalesce(max(report_no), 0)`.as('m'))
    .where('fir_id', '=', firId)
    .executeTakeFirstOrThrow();
  return Number(r.m) + 1;
}

export async function insertReport(
  db: DB,
  row: Omit<
    Insertable<FinalReportTable>,
    | 'content'
    | 'created_at'
    | 'updated_at'
    | 'version'
    | 'returned_remarks'
    | 'returned_at'
    | 'returned_by_name'
    | 'submitted_at'
    | 'submitted_by'
    | 'submitted_by_name'
    | 'approved_at'
    | 'approved_by'
    | 'approved_by_name'
  > & {
    content: FinalReportContent;
    at: Date;
  },
) {
  const { at, content, ...rest } = row;
  await db
    .insertInto('final_report')
    .values({ ...rest, content: JSON.stringify(content), version: 1, created_at: at, updated_at: at })
    .execute();
}

/** Updates a report if it is still at `version`; false when someone else saved first (412). */
export async function updateReport(
  db: DB,
  id: string,
  version: number,
  set: Omit<Updateable<FinalReportTable>, 'id' | 'content' | 'version' | 'created_at' | 'updated_at'> & {
    content?: FinalReportContent;
    at: Date;
  },
): Promise<boolean> {
  const { at, content, ...rest } = set;
  const r = await db
    .updateTable('final_report')
    .set({ ...rest, ...(content ? { content: JSON.stringify(content) } : {}), updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRevision(
  db: DB,
  row: Omit<Insertable<FinalReportRevisionTable>, 'snapshot' | 'saved_at'> & { snapshot: Record<string, unknown>; saved_at: Date },
) {
  await db
    .insertInto('final_report_revision')
    .values({ ...row, snapshot: JSON.stringify(row.snapshot) })
    .execute();
}

export async function listRevisions(db: DB, reportId: string) {
  return db
    .selectFrom('final_report_revision')
    .select(['version', 'status', 'author_name', 'saved_at'])
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// E-filing packages
// ---------------------------------------------------------------------------------------------

const packageMeta = [
  'p.id',
  'p.fir_id',
  'p.state_code',
  'p.district_id',
  'p.subdivision_id',
  'p.station_id',
  'p.final_report_id',
  'p.court_id',
  'p.schema_version',
  'p.package_sha256',
  'p.pdf_en_sha256',
  'p.pdf_hi_sha256',
  'p.outbox_id',
  'p.delivered_via',
  'p.status',
  'p.cnr',
  'p.court_case_no',
  'p.created_at',
  'p.delivered_at',
  'p.accepted_at',
  'p.accepted_by_name',
] as const;

export type PackageMeta = Pick<
  Selectable<EfilingPackageTable>,
  | 'id'
  | 'fir_id'
  | 'state_code'
  | 'district_id'
  | 'subdivision_id'
  | 'station_id'
  | 'final_report_id'
  | 'court_id'
  | 'schema_version'
  | 'package_sha256'
  | 'pdf_en_sha256'
  | 'pdf_hi_sha256'
  | 'outbox_id'
  | 'delivered_via'
  | 'status'
  | 'cnr'
  | 'court_case_no'
  | 'accepted_by_name'
> & { created_at: Date; delivered_at: Date | null; accepted_at: Date | null };

export type PackageListRow = PackageMeta & {
  fir_number: string;
  station_code: string;
  station_name: string;
  station_name_hi: string;
  kind: ReportKind;
  closure_reason: ClosureReason | null;
  stage: string;
};

export async function insertPackage(
  db: DB,
  row: Omit<
    Insertable<EfilingPackageTable>,
    'package' | 'created_at' | 'delivered_at' | 'delivered_via' | 'accepted_at' | 'accepted_by_name' | 'cnr' | 'court_case_no' | 'status'
  > & {
    package: Record<string, unknown>;
    created_at: Date;
  },
) {
  await db
    .insertInto('efiling_package')
    .values({ ...row, status: 'pending', package: JSON.stringify(row.package) })
    .execute();
}

export async function findPackageMeta(
  db: DB,
  id: string,
  opts: { courtId?: string; forUpdate?: boolean } = {},
): Promise<PackageMeta | undefined> {
  let q = db.selectFrom('efiling_package as p').select(packageMeta).where('p.id', '=', id);
  if (opts.courtId) q = q.where('p.court_id', '=', opts.courtId);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) as PackageMeta | undefined;
}

export async function findPackageOfCase(db: DB, firId: string): Promise<PackageMeta | undefined> {
  return (await db
    .selectFrom('efiling_package as p')
    .select(packageMeta)
    .where('p.fir_id', '=', firId)
    .orderBy('p.created_at', 'desc')
    .limit(1)
    .executeTakeFirst()) as PackageMeta | undefined;
}

export async function findPackageByCnr(db: DB, courtId: string, cnr: string): Promise<PackageMeta | undefined> {
  return (await db
    .selectFrom('efiling_package as p')
    .select(packageMeta)
    .where('p.cnr', '=', cnr)
    .where('p.court_id', '=', courtId)
    .executeTakeFirst()) as PackageMeta | undefined;
}

export async function readPackageDocument(db: DB, id: string): Promise<Record<string, unknown> | undefined> {
  const r = await db.selectFrom('efiling_package').select('package').where('id', '=', id).executeTakeFirst();
  return r ? parse<Record<string, unknown>>(r.package) : undefined;
}

export async function readPackagePdf(db: DB, id: string, lang: 'en' | 'hi'): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  const r =
    lang === 'en'
      ? await db
          .selectFrom('efiling_package')
          .select(['pdf_en as bytes', 'pdf_en_sha256 as sha256'])
          .where('id', '=', id)
          .executeTakeFirst()
      : await db
          .selectFrom('efiling_package')
          .select(['pdf_hi as bytes', 'pdf_hi_sha256 as sha256'])
          .where('id', '=', id)
          .executeTakeFirst();
  return r ? { bytes: Buffer.from(r.bytes), sha256: r.sha256 } : undefined;
}

/** Packages of a court, newest first, with what the clerk's list shows of each case. */
export async function listCourtPackages(
  db: DB,
  courtId: string,
  f: { status?: PackageStatus; limit: number; offset: number },
): Promise<PackageListRow[]> {
  let q = db
    .selectFrom('efiling_package as p')
    .innerJoin('fir as f', 'f.id', 'p.fir_id')
    .innerJoin('fir_status as s', 's.fir_id', 'p.fir_id')
    .innerJoin('station as st', 'st.id', 'p.station_id')
    .innerJoin('final_report as r', 'r.id', 'p.final_report_id')
    .select(packageMeta)
    .select([
      'f.fir_number',
      'st.code as station_code',
      'st.name as station_name',
      'st.name_hi as station_name_hi',
      'r.kind',
      'r.closure_reason',
      's.stage',
    ])
    .where('p.court_id', '=', courtId);
  if (f.status) q = q.where('p.status', '=', f.status);
  return (await q.orderBy('p.created_at', 'desc').limit(f.limit).offset(f.offset).execute()) as PackageListRow[];
}

/** Records that the court has the package (first time only). */
export async function markPackageDelivered(db: DB, id: string, at: Date, via: 'push' | 'pull' | 'clerk') {
  await db
    .updateTable('efiling_package')
    .set({ status: 'delivered', delivered_at: at, delivered_via: via })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function markPackageAccepted(
  db: DB,
  id: string,
  set: { cnr: string; court_case_no: string | null; at: Date; by: string; via: 'push' | 'pull' | 'clerk' },
) {
  await db
    .updateTable('efiling_package')
    .set({
      status: 'accepted',
      cnr: set.cnr,
      court_case_no: set.court_case_no,
      accepted_at: set.at,
      accepted_by_name: set.by,
      delivered_at: sql`coalesce(delivered_at, ${set.at})`,
      delivered_via: sql`coalesce(delivered_via, ${set.via})`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertAttempt(db: DB, row: Insertable<EfilingAttemptTable>) {
  await db.insertInto('efiling_attempt').values(row).execute();
}

export async function listAttempts(db: DB, packageId: string) {
  return db.selectFrom('efiling_attempt').selectAll().where('package_id', '=', packageId).orderBy('attempt').execute();
}

export async function countAttempts(db: DB, packageId: string): Promise<number> {
  const r = await db
    .selectFrom('efiling_attempt')
    .select(sql<number>`count(*)`.as('n'))
    .where('package_id', '=', packageId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------------------------------------------------------------------------------------------
// The case in court
// ---------------------------------------------------------------------------------------------

export async function findCourtCase(db: DB, firId: string) {
  return db
    .selectFrom('court_case as k')
    .innerJoin('court as c', 'c.id', 'k.court_id')
    .selectAll('k')
    .select(['c.code as court_code', 'c.name as court_name', 'c.name_hi as court_name_hi'])
    .where('k.fir_id', '=', firId)
    .executeTakeFirst();
}

export async function insertCourtCase(db: DB, row: Insertable<CourtCaseTable>) {
  await db.insertInto('court_case').values(row).execute();
}

/** The highest CNR serial a court has given in a year (CNR = establishment 6 + serial 6 + year 4). */
export async function maxCnrSerial(db: DB, courtId: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('court_case')
    .select(sql<number>`coalesce(max(substr(cnr, 7, 6)::int), 0)`.as('m'))
    .where('court_id', '=', courtId)
    .where(sql<boolean>`right(cnr, 4) = ${String(year)}`)
    .executeTakeFirstOrThrow();
  return Number(r.m);
}

export async function cnrTaken(db: DB, cnr: string): Promise<boolean> {
  const r = await db.selectFrom('efiling_package').select('id').where('cnr', '=', cnr).executeTakeFirst();
  return !!r;
}

export async function insertHearing(db: DB, row: Insertable<CourtHearingTable>) {
  await db.insertInto('court_hearing').values(row).execute();
}

export async function findHearing(db: DB, firId: string, date: string) {
  return db.selectFrom('court_hearing').selectAll().where('fir_id', '=', firId).where('hearing_date', '=', date).executeTakeFirst();
}

export async function listHearings(db: DB, firId: string) {
  return db.selectFrom('court_hearing').selectAll().where('fir_id', '=', firId).orderBy('hearing_date').execute();
}

export async function findDisposal(db: DB, firId: string) {
  const d = await db.selectFrom('court_disposal').selectAll().where('fir_id', '=', firId).executeTakeFirst();
  if (!d) return undefined;
  const accused = await db.selectFrom('court_disposal_accused').selectAll().where('disposal_id', '=', d.id).orderBy('code').execute();
  return {
    ...d,
    accused: accused.map((a) => ({
      ...a,
      sections: parse<{ act: string; section: string }[]>(a.sections),
      sentence: a.sentence === null ? null : parse<Sentence | null>(a.sentence),
    })),
  };
}

export async function insertDisposal(db: DB, row: Insertable<CourtDisposalTable>) {
  await db.insertInto('court_disposal').values(row).execute();
}

export async function insertDisposalAccused(
  db: DB,
  row: Omit<Insertable<CourtDisposalAccusedTable>, 'sections' | 'sentence'> & {
    sections: { act: string; section: string }[];
    sentence: Sentence | null;
  },
) {
  await db
    .insertInto('court_disposal_accused')
    .values({ ...row, sections: JSON.stringify(row.sections), sentence: row.sentence ? JSON.stringify(row.sentence) : null })
    .execute();
}

export async function insertAppeal(
  db: DB,
  row: Omit<Insertable<CourtAppealTable>, 'accused'> & { accused: { code: string; result: string; sentence?: Sentence | null }[] },
) {
  await db
    .insertInto('court_appeal')
    .values({ ...row, accused: JSON.stringify(row.accused) })
    .execute();
}

export async function findAppeal(db: DB, firId: string, appealRef: string, result: AppealResult) {
  const r = await db
    .selectFrom('court_appeal')
    .selectAll()
    .where('fir_id', '=', firId)
    .where('appeal_ref', '=', appealRef)
    .where('result', '=', result)
    .executeTakeFirst();
  return r ? { ...r, accused: parse<{ code: string; result: string; sentence?: Sentence | null }[]>(r.accused) } : undefined;
}

export async function listAppeals(db: DB, firId: string) {
  const rows = await db.selectFrom('court_appeal').selectAll().where('fir_id', '=', firId).orderBy('recorded_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, accused: parse<{ code: string; result: string; sentence?: Sentence | null }[]>(r.accused) }));
}

/** The appeal recorded last in the case (a decision is a row after the filing), or undefined. */
export async function findLatestAppeal(db: DB, firId: string) {
  return db
    .selectFrom('court_appeal')
    .select(['appeal_ref', 'result', 'decided_on'])
    .where('fir_id', '=', firId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// The court.efile outbox topic (the outbox table is shared; this module delivers this topic)
// ---------------------------------------------------------------------------------------------

export const EFILE_TOPIC = 'court.efile';

/** Writes the package's outbox row in the approval's transaction. The dedupe key makes a second row for the same package impossible. */
export async function enqueueEfiling(db: DB, row: { id: string; stateCode: string; packageId: string; courtCode: string; at: Date }) {
  await db
    .insertInto('outbox')
    .values({
      id: row.id,
      state_code: row.stateCode,
      topic: EFILE_TOPIC,
      payload: JSON.stringify({ packageId: row.packageId, courtCode: row.courtCode }),
      dedupe_key: `${EFILE_TOPIC}:${row.packageId}`,
      created_at: row.at,
      available_at: row.at,
    })
    .execute();
}

export interface ClaimedEfiling {
  id: string;
  payload: unknown;
  attempts: number;
}

/**
 * Claims due e-filing rows: pushes their available_at to `leaseUntil` and counts the attempt
 * in one statement (`for update skip locked`: several server processes never take the same
 * row). A process that dies mid-delivery leaves the row to be retried when the lease ends; the
 * court deduplicates on the package id.
 */
export async function claimEfilings(db: DB, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedEfiling[]> {
  const r = await sql<ClaimedEfiling>`
    update outbox set available_at = ${leaseUntil}, attempts = attempts + 1
     where id in (
       select id from outbox
        where delivered_at is null and failed_at is null
          and topic = ${EFILE_TOPIC}
          and available_at <= ${now}
        order by available_at
        limit ${limit}
        for update skip locked)
    returning id, payload, attempts`.execute(db);
  return r.rows;
}

export async function closeOutboxRow(db: DB, id: string, at: Date, note: string | null = null) {
  await db
    .updateTable('outbox')
    .set({ delivered_at: at, last_error: note })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}

export async function retryOutboxRow(db: DB, id: string, at: Date, error: string) {
  await db
    .updateTable('outbox')
    .set({ available_at: at, last_error: error.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}

export async function findOutboxRow(db: DB, id: string) {
  return db
    .selectFrom('outbox')
    .select(['id', 'attempts', 'available_at', 'delivered_at', 'failed_at', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirst();
}

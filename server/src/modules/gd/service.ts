import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext, Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { coversPlace } from '../../policy/index.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import { findStation } from '../org/repository.js';
import * as repo from './repository.js';
import type { GdEntryRow } from './repository.js';

export type { GdEntryRow } from './repository.js';

/** Every kind of GD entry the system writes. Modules that write their own kinds add them here. */
export const GD_KINDS = [
  'information',
  'fir_registered',
  'ncr',
  'complaint',
  'transfer_out',
  'transfer_in',
  'arrest',
  'release',
  'departure',
  'arrival',
  'manual',
  'correction',
] as const;
export type GdKind = (typeof GD_KINDS)[number];

/** The kinds an officer may write by hand; the others are written by the records they belong to. */
export const MANUAL_GD_KINDS = ['manual', 'departure', 'arrival', 'information'] as const satisfies readonly GdKind[];

export const gdEntryNotFound = () => notFound('GD entry', 'जीडी प्रविष्टि', 'gd_entry_not_found');
export const stationNotFound = () => notFound('Police station', 'पुलिस थाना', 'station_not_found');

/** A station as the records that belong to it need it: its place in the hierarchy and its names. */
export interface StationPlace {
  id: string;
  stateCode: string;
  districtId: string;
  subdivisionId: string;
  code: string;
  name: string;
  nameHi: string;
  address: string | null;
  phone: string | null;
}

/** Who writes an entry. A system entry has no user but still names the office. */
export interface GdOfficer {
  id: string | null;
  name: string;
  rank: string | null;
}

export const officerOf = (auth: AuthContext): GdOfficer => ({ id: auth.user.id, name: auth.user.name, rank: auth.user.rank });

/**
 * The station a caller acts at: the one given (which must lie in the caller's jurisdiction,
 * else 404 like a missing one) or the caller's own posting. Throws 422 when neither exists.
 */
export async function resolveStation(db: Kysely<Database>, auth: AuthContext, stationId?: string | null): Promise<StationPlace> {
  const id = stationId ?? auth.user.stationId;
  if (!id)
    throw unprocessable('station_required', 'Name the police station (stationId).', 'पुलिस थाना बताएं (stationId)।', {
      stationId: 'required for a user not posted at a station',
    });
  const st = await findStation(db, auth.user.stateCode, id);
  if (
    !st ||
    !coversPlace(auth.scope, { stateCode: st.state_code, districtId: st.district_id, subdivisionId: st.subdivision_id, stationId: st.id })
  )
    throw stationNotFound();
  return placeOf(st);
}

export const placeOf = (st: {
  id: string;
  state_code: string;
  district_id: string;
  subdivision_id: string;
  code: string;
  name: string;
  name_hi: string;
  address: string | null;
  phone: string | null;
}): StationPlace => ({
  id: st.id,
  stateCode: st.state_code,
  districtId: st.district_id,
  subdivisionId: st.subdivision_id,
  code: st.code,
  name: st.name,
  nameHi: st.name_hi,
  address: st.address,
  phone: st.phone,
});

export interface NewGdEntry {
  kind: GdKind;
  text: string;
  refType?: string | null;
  refId?: string | null;
  correctsId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends an entry to a station's General Diary inside the caller's transaction: numbered
 * within the station's IST day under a row lock, time-stamped by the server after the number
 * is taken, so number order is time order. Never updates an entry.
 */
export async function writeGdEntry(
  deps: Pick<Deps, 'clock'>,
  trx: Kysely<Database>,
  officer: GdOfficer,
  station: StationPlace,
  e: NewGdEntry,
): Promise<GdEntryRow> {
  const before = deps.clock.now();
  const day = istDate(before);
  const entryNo = await repo.nextGdNumber(trx, station.id, day);
  let at = deps.clock.now();
  // The day rolled over while waiting for the lock: the entry stays the last of its day.
  if (istDate(at) !== day) at = new Date(new Date(`${day}T23:59:59.999+05:30`).getTime());
  const row: GdEntryRow = {
    id: newId(),
    state_code: station.stateCode,
    district_id: station.districtId,
    subdivision_id: station.subdivisionId,
    station_id: station.id,
    day,
    entry_no: entryNo,
    recorded_at: at,
    kind: e.kind,
    text: e.text,
    officer_id: officer.id,
    officer_name: officer.name,
    officer_rank: officer.rank,
    ref_type: e.refType ?? null,
    ref_id: e.refId ?? null,
    corrects_id: e.correctsId ?? null,
    details: e.details ?? {},
  };
  await repo.insertGdEntry(trx, { ...row, details: e.details ?? {} });
  return row;
}

export interface ManualGdInput {
  stationId?: string | null;
  kind: (typeof MANUAL_GD_KINDS)[number];
  text: string;
  correctsId?: string | null;
  officers?: string[];
}

/** An officer's own GD entry (manual, departure/arrival, information), or a correction of an earlier one. Audited. */
export async function addGdEntry(
  deps: Pick<Deps, 'clock'>,
  trx: Kysely<Database>,
  auth: AuthContext,
  actor: ActorContext,
  input: ManualGdInput,
) {
  const station = await resolveStation(trx, auth, input.stationId);
  if (input.correctsId) {
    const old = await repo.findGdEntry(trx, auth.scope, input.correctsId);
    if (!old || old.station_id !== station.id)
      throw unprocessable(
        'gd_correction_target_invalid',
        'The entry to correct is not in this station’s diary.',
        'सुधारी जाने वाली प्रविष्टि इस थाने की दैनिकी में नहीं है।',
        {
          correctsId: 'not an entry of this station',
        },
      );
  }
  const details: Record<string, unknown> = {};
  if (input.officers?.length) details.officers = input.officers;
  const row = await writeGdEntry(deps, trx, officerOf(auth), station, {
    kind: input.correctsId ? 'correction' : input.kind,
    text: input.text,
    correctsId: input.correctsId ?? null,
    details: input.correctsId ? { ...details, intendedKind: input.kind } : details,
  });
  await recordAudit(trx, deps.clock, actor, {
    action: 'gd.write',
    entityType: 'gd_entry',
    entityId: row.id,
    stationId: station.id,
    districtId: station.districtId,
    details: { kind: row.kind, day: row.day, entryNo: row.entry_no },
  });
  return { station, entry: row };
}

/** A station's diary for one IST day, in number order. */
export async function gdDay(db: Kysely<Database>, auth: AuthContext, stationId: string | undefined, date: string) {
  const station = await resolveStation(db, auth, stationId);
  const items = await repo.listGdDay(db, auth.scope, station.id, date);
  return { station, date, items };
}

export const countGdEntriesSince = repo.countGdSince;
export const findGdEntryAtStation = repo.findGdEntryAtStation;

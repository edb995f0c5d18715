import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { AppError, notFound, unprocessable } from '../../lib/errors.js';
import type { ActorContext } from '../audit/service.js';
import { recordAudit } from '../audit/service.js';
import { verifyCaptcha } from '../auth/captcha.js';
import { findFirIdByNumber, publicFirList, type FirRecord } from '../firs/service.js';
import { findStationByCode, listDistricts, listStations } from '../org/repository.js';
import { firIdsOfCitizen } from '../complaints/repository.js';
import { caseStatusFacts } from './case-facts.js';
import { publicCaseStatus, publicListItem } from './presenter.js';
import { findFirById, stageHistory } from './stages.js';
import { findFir } from '../firs/service.js';

/**
 * The public side of the citizen module: case status by station + year + FIR number, the
 * station's list of non-sensitive FIRs, and a citizen's own FIRs.
 */

/**
 * A case that does not exist, one that is sensitive, one of another state: all answer with
 * exactly this, byte for byte, so that a lookup cannot tell them apart.
 */
export const caseNotFound = () =>
  new AppError(
    404,
    'case_not_found',
    'No case matches these details. Check the police station, the year and the FIR number.',
    'इन विवरणों से कोई मामला नहीं मिला। पुलिस थाना, वर्ष और एफआईआर संख्या जांचें।',
  );

export interface CaseStatusQuery {
  stateCode?: string;
  districtCode?: string;
  stationCode: string;
  year: number;
  number: string;
  captchaId?: string;
  captchaAnswer?: string;
}

/** "12", "0012" or "0012/2026" → 12; undefined when it is not an FIR number of that year. */
export function parseFirSerial(number: string, year: number): number | undefined {
  const m = /^0*(\d{1,7})(?:\/(\d{4}))?$/.exec(number.trim());
  if (!m) return undefined;
  if (m[2] && Number(m[2]) !== year) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}

/** A station of this deployment's state by code, and (when given) of the named district. */
async function stationOf(db: Kysely<Database>, stateCode: string, code: string, districtCode?: string) {
  const st = await findStationByCode(db, stateCode, code.trim().toUpperCase());
  if (!st) return undefined;
  if (districtCode) {
    const d = (await listDistricts(db, stateCode)).find((x) => x.id === st.district_id);
    if (!d || d.code.toUpperCase() !== districtCode.trim().toUpperCase()) return undefined;
  }
  return st;
}

/** An FIR of a station by year and serial (its unique key), read state-wide, for the public lookup only. */
async function firByNumber(
  db: Kysely<Database>,
  stateCode: string,
  stationId: string,
  year: number,
  serial: number,
): Promise<FirRecord | undefined> {
  const id = await findFirIdByNumber(db, stateCode, stationId, year, serial);
  return id ? findFir(db, { level: 'state', stateCode }, id) : undefined;
}

/**
 * The public case status. The captcha is checked first (400 captcha_mismatch); then a missing,
 * sensitive or out-of-state FIR all answer `caseNotFound()`. Sensitive FIRs (sections flagged
 * sensitive, or marked by an SHO) are never found (Youth Bar Association v. UoI, SC 2016;
 * BNS 72; POCSO s.23).
 */
export async function lookupCaseStatus(deps: Deps, actor: ActorContext, q: CaseStatusQuery) {
  await verifyCaptcha(deps, q.captchaId, q.captchaAnswer);
  const db = deps.db.kysely;
  const state = deps.config.STATE_CODE;
  const found = await (async () => {
    if (q.stateCode && q.stateCode.toUpperCase() !== state) return undefined;
    const serial = parseFirSerial(q.number, q.year);
    if (!serial) return undefined;
    const st = await stationOf(db, state, q.stationCode, q.districtCode);
    if (!st) return undefined;
    const fir = await firByNumber(db, state, st.id, q.year, serial);
    if (!fir || fir.sensitive) return undefined;
    return fir;
  })();
  // Every lookup is recorded, found or not (the answer itself says nothing of which).
  await recordAudit(db, deps.clock, actor, {
    action: 'public.case_status',
    outcome: found ? 'success' : 'failure',
    entityType: found ? 'fir' : undefined,
    entityId: found?.id,
    stationId: found?.station_id,
    districtId: found?.district_id,
    details: { stationCode: q.stationCode.slice(0, 12), year: q.year, number: q.number.slice(0, 12) },
  });
  if (!found) throw caseNotFound();
  const facts = await caseStatusFacts(db, { id: found.id, stateCode: found.state_code, stationId: found.station_id, stage: found.stage });
  return publicCaseStatus(found, facts, { showIoName: deps.config.PUBLIC_SHOW_IO_NAME });
}

export const stationNotFound = () => notFound('Police station', 'पुलिस थाना', 'station_not_found');

/**
 * The station's public list of non-sensitive FIRs (date, sections, stage only), registered in
 * [from, to] (IST days, at most 31 days; default the last 7). FIRs appear as soon as they are
 * registered, well within the 24 hours the Supreme Court allows.
 */
export async function stationFirList(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  code: string,
  q: { from?: string; to?: string; page: number; pageSize: number },
) {
  const db = deps.db.kysely;
  const st = await findStationByCode(db, deps.config.STATE_CODE, code.trim().toUpperCase());
  if (!st) throw stationNotFound();
  const today = istDate(deps.clock.now());
  const toDay = q.to ?? today;
  const fromDay = q.from ?? istDate(new Date(new Date(`${toDay}T00:00:00+05:30`).getTime() - 6 * 86_400_000));
  const from = new Date(`${fromDay}T00:00:00+05:30`);
  const to = new Date(new Date(`${toDay}T00:00:00+05:30`).getTime() + 86_400_000);
  if (to <= from || to.getTime() - from.getTime() > 31 * 86_400_000)
    throw unprocessable(
      'date_range_invalid',
      'Give a range of at most 31 days, "to" not before "from".',
      'अधिकतम 31 दिनों की अवधि दें, "तक" "से" के पहले न हो।',
      {
        to: 'out of range',
      },
    );
  const rows = await publicFirList(db, st.id, { from, to }, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    station: { code: st.code, name: st.name, nameHi: st.name_hi, phone: st.phone },
    from: fromDay,
    to: toDay,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map(publicListItem),
  };
}

const R = 6371;
const rad = (d: number) => (d * Math.PI) / 180;
const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};

/**
 * Stations suggested for a place: the nearest ones to a point, or those whose name, or whose
 * district's name, appears in the place as typed. A suggestion only; the citizen chooses.
 */
export async function suggestStations(
  db: Kysely<Database>,
  stateCode: string,
  q: { place?: string; lat?: number; lng?: number; limit: number },
) {
  const [stations, districts] = await Promise.all([listStations(db, stateCode), listDistricts(db, stateCode)]);
  const dn = new Map(districts.map((d) => [d.id, d]));
  const text = (q.place ?? '').toLowerCase();
  const scored = stations.map((s) => {
    let score = 0;
    let distanceKm: number | null = null;
    if (q.lat !== undefined && q.lng !== undefined && s.lat !== null && s.lng !== null) {
      distanceKm = Math.round(km({ lat: q.lat, lng: q.lng }, { lat: s.lat, lng: s.lng }) * 10) / 10;
      score += 1000 / (1 + distanceKm);
    }
    if (text) {
      if (text.includes(s.name.toLowerCase()) || text.includes(s.name_hi)) score += 500;
      const d = dn.get(s.district_id);
      if (d && (text.includes(d.name.toLowerCase()) || text.includes(d.name_hi))) score += 100;
    }
    return { s, score, distanceKm };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.s.code.localeCompare(b.s.code))
    .slice(0, q.limit)
    .map(({ s, distanceKm }) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      nameHi: s.name_hi,
      districtName: dn.get(s.district_id)?.name ?? null,
      districtNameHi: dn.get(s.district_id)?.name_hi ?? null,
      phone: s.phone,
      distanceKm,
    }));
}

// ---------------------------------------------------------------------------------------------
// The citizen's own FIRs
// ---------------------------------------------------------------------------------------------

export const firNotFoundForCitizen = () => notFound('FIR', 'एफआईआर', 'fir_not_found');

/**
 * The FIRs registered from a citizen's own complaints, and those they were transferred into
 * (a zero FIR re-registered at the jurisdictional station). Nothing else: another person's FIR
 * answers 404 like a missing one.
 */
export async function ownFirs(
  db: Kysely<Database>,
  citizenId: string,
): Promise<{ fir: FirRecord; ackNumber: string; complaintId: string }[]> {
  const links = await firIdsOfCitizen(db, citizenId);
  const out: { fir: FirRecord; ackNumber: string; complaintId: string }[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    let id: string | null = l.fir_id;
    // Follow a zero FIR to the FIR it was re-registered as (at most a few hops).
    for (let hop = 0; id && hop < 4; hop++) {
      if (seen.has(id)) break;
      const fir = await findFirById(db, id);
      if (!fir) break;
      seen.add(id);
      out.push({ fir, ackNumber: l.ack_number, complaintId: l.id });
      id = fir.transferred_fir_id;
    }
  }
  return out;
}

export async function ownFir(db: Kysely<Database>, citizenId: string, firId: string) {
  const hit = (await ownFirs(db, citizenId)).find((x) => x.fir.id === firId);
  if (!hit) throw firNotFoundForCitizen();
  return hit;
}

/** What the informant sees of their FIR: the public facts, the full stage history, and the copy's address. */
export async function citizenFirView(
  deps: Pick<Deps, 'config'> & { db: { kysely: Kysely<Database> } },
  hit: { fir: FirRecord; ackNumber: string; complaintId: string },
) {
  const db = deps.db.kysely;
  const { fir } = hit;
  const facts = await caseStatusFacts(db, { id: fir.id, stateCode: fir.state_code, stationId: fir.station_id, stage: fir.stage });
  return {
    id: fir.id,
    complaintId: hit.complaintId,
    ackNumber: hit.ackNumber,
    ...publicCaseStatus(fir, facts, { showIoName: deps.config.PUBLIC_SHOW_IO_NAME }),
    registeredAt: fir.registered_at,
    stageChangedAt: fir.stage_changed_at,
    zeroFir: fir.zero_fir,
    history: await stageHistory(db, fir),
    copyUrl: { en: `/api/v1/citizen/firs/${fir.id}/copy.pdf?lang=en`, hi: `/api/v1/citizen/firs/${fir.id}/copy.pdf?lang=hi` },
  };
}

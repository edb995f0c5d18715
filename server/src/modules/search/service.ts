/**
 * Searches other than the person name search (which is people/service.ts searchPeople):
 * vehicles, property by identifier, modus operandi, related cases, and the unified search box.
 *
 * The indexes are written by the exported index* functions below, which the FIR and
 * investigation modules call in their own transactions (indexFirProperties after an FIR is
 * registered; indexVehicle / indexProperty for seizures and recoveries; indexCaseFeatures when
 * the crime details (IIF-2) are saved), so this module never reads their tables.
 *
 * All of these are state-wide for police (a vehicle stolen in one district is recovered in
 * another); a district filter outside the caller's jurisdiction answers as if nothing matched.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Scope } from '../../policy/index.js';
import { recordAudit } from '../audit/service.js';
import { findFir, listFirs, type FirRecord } from '../firs/service.js';
import { getCatalogue } from '../masterdata/index.js';
import { normalisePhone } from '../people/identity.js';
import { runPersonSearch } from '../people/name-search.js';
import { cleanQuery, personSummaries, type PeopleDeps, type PeopleOfficer } from '../people/service.js';
import { queryFields } from './names/fields.js';
import { findImeis, findLabelled, findRegistrations, normaliseArea, normaliseIdentifier, timeBandOf } from './identifiers.js';
import * as repo from './repository.js';
import type { PropertyStatus, TimeBand, VehicleStatus } from './repository.js';

type Db = Kysely<Database>;

/** Where a record belongs: the case's (or the recording station's) place. */
export interface IndexPlace {
  stateCode: string;
  districtId: string;
  subdivisionId: string;
  stationId: string;
}

const placeCols = (p: IndexPlace) => ({
  state_code: p.stateCode,
  district_id: p.districtId,
  subdivision_id: p.subdivisionId,
  station_id: p.stationId,
});

// ---------------------------------------------------------------------------------------------
// Indexing (called by other modules)
// ---------------------------------------------------------------------------------------------

export interface VehicleIndexInput {
  /** What recorded it (fir_property, seizure, crime_details, recovery ...) and its id there: re-indexing the same pair updates the row. */
  source: string;
  sourceId: string;
  place: IndexPlace;
  firId?: string | null;
  firNumber?: string | null;
  registration?: string | null;
  chassis?: string | null;
  engine?: string | null;
  vehicleType?: string | null;
  make?: string | null;
  model?: string | null;
  colour?: string | null;
  description?: string | null;
  status: VehicleStatus;
  at: Date;
}

/**
 * Adds or updates a vehicle in the vehicle index (idempotent per source + sourceId). Does
 * nothing when it carries no registration, chassis or engine number.
 */
export async function indexVehicle(trx: Db, v: VehicleIndexInput): Promise<void> {
  const reg = v.registration ? normaliseIdentifier(v.registration) : '';
  const chassis = v.chassis ? normaliseIdentifier(v.chassis) : '';
  const engine = v.engine ? normaliseIdentifier(v.engine) : '';
  if (!reg && !chassis && !engine) return;
  await repo.upsertVehicle(trx, {
    id: newId(),
    ...placeCols(v.place),
    source: v.source,
    source_id: v.sourceId,
    fir_id: v.firId ?? null,
    fir_number: v.firNumber ?? null,
    registration: v.registration?.trim().toUpperCase() ?? null,
    registration_norm: reg || null,
    chassis_norm: chassis || null,
    engine_norm: engine || null,
    vehicle_type: v.vehicleType?.toLowerCase() ?? null,
    make: v.make ?? null,
    model: v.model ?? null,
    colour: v.colour?.toLowerCase() ?? null,
    description: v.description?.slice(0, 1000) ?? null,
    status: v.status,
    status_at: v.at,
    created_at: v.at,
    updated_at: v.at,
  });
}

export interface PropertyIndexInput {
  source: string;
  sourceId: string;
  place: IndexPlace;
  firId?: string | null;
  firNumber?: string | null;
  /** mobile_phone, electronic, jewellery, cash, document, ... (lower-case, underscores). */
  category: string;
  description: string;
  /** IMEI, serial and other numbers as written. */
  identifiers: string[];
  value?: number | null;
  status: PropertyStatus;
  at: Date;
}

/** Adds or updates an item of property in the property index (idempotent per source + sourceId). */
export async function indexProperty(trx: Db, p: PropertyIndexInput): Promise<void> {
  const ids = [...new Set(p.identifiers.map(normaliseIdentifier).filter((x) => x.length >= 4))];
  await repo.upsertProperty(trx, {
    id: newId(),
    ...placeCols(p.place),
    source: p.source,
    source_id: p.sourceId,
    fir_id: p.firId ?? null,
    fir_number: p.firNumber ?? null,
    category: normaliseCategory(p.category),
    description: p.description.slice(0, 1000),
    identifiers: ids,
    value: p.value ?? null,
    status: p.status,
    status_at: p.at,
    created_at: p.at,
    updated_at: p.at,
  });
}

export function normaliseCategory(c: string): string {
  const s = c
    .toLowerCase()
    .trim()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (/^(mobile|phone|mobile_phone|cell_phone|smartphone)s?$/.test(s)) return 'mobile_phone';
  return /^[a-z][a-z_]{1,39}$/.test(s) ? s : 'other';
}

export interface CaseFeaturesInput {
  firId: string;
  firNumber: string;
  place: IndexPlace;
  crimeHead?: string | null;
  moCodes?: string[];
  placeType?: string | null;
  occurredAt?: Date | null;
  lat?: number | null;
  lng?: number | null;
  beatId?: string | null;
  area?: string | null;
  isOpen?: boolean;
  at: Date;
}

/** Adds or replaces the MO-search features of a case (the FIR at registration; the crime details later). */
export async function indexCaseFeatures(trx: Db, c: CaseFeaturesInput): Promise<void> {
  await repo.upsertCaseFeature(trx, {
    fir_id: c.firId,
    fir_number: c.firNumber,
    ...placeCols(c.place),
    crime_head: c.crimeHead ?? null,
    mo_codes: [...new Set(c.moCodes ?? [])],
    place_type: c.placeType ?? null,
    time_band: c.occurredAt ? timeBandOf(c.occurredAt) : null,
    occurred_at: c.occurredAt ?? null,
    lat: c.lat ?? null,
    lng: c.lng ?? null,
    beat_id: c.beatId ?? null,
    area: c.area ?? null,
    area_norm: c.area ? normaliseArea(c.area) : null,
    is_open: c.isOpen ?? true,
    updated_at: c.at,
  });
}

/** The crime head of an FIR: that of its first section with one in the master data. */
export function crimeHeadOf(sections: readonly { act: string; section: string }[]): string | null {
  const cat = getCatalogue();
  for (const s of sections) {
    const h = cat.findSection(s.act, s.section)?.crimeHeadCode;
    if (h) return h;
  }
  return null;
}

interface FirProperty {
  description?: string;
  category?: string;
  nature?: string;
  value?: number;
}

/**
 * Indexes what a registered FIR says (call after registerFir, in the same transaction): its
 * case features (crime head from the sections, time of day, place, beat), the vehicles whose
 * registration marks its properties name, and items with IMEIs or a category.
 */
export async function indexFirProperties(
  trx: Db,
  fir: FirRecord,
  extra: { moCodes?: string[]; placeType?: string | null; area?: string | null } = {},
): Promise<void> {
  const place: IndexPlace = {
    stateCode: fir.state_code,
    districtId: fir.district_id,
    subdivisionId: fir.subdivision_id,
    stationId: fir.station_id,
  };
  const at = fir.registered_at;
  await indexCaseFeatures(trx, {
    firId: fir.id,
    firNumber: fir.fir_number,
    place,
    crimeHead: crimeHeadOf(fir.sections),
    moCodes: extra.moCodes ?? [],
    placeType: extra.placeType ?? null,
    occurredAt: fir.occurrence_from,
    lat: fir.place_lat,
    lng: fir.place_lng,
    beatId: fir.beat_id,
    area: extra.area ?? fir.place,
    isOpen: true,
    at,
  });
  const props = (Array.isArray(fir.properties) ? fir.properties : []) as FirProperty[];
  for (const [i, p] of props.entries()) {
    const text = p.description ?? '';
    const status: VehicleStatus & PropertyStatus = p.nature === 'recovered' ? 'recovered' : p.nature === 'involved' ? 'involved' : 'stolen';
    const regs = findRegistrations(text);
    const isVehicle = normaliseCategory(p.category ?? '') === 'vehicle' || regs.length > 0;
    if (isVehicle) {
      const chassis = findLabelled(text, 'chassis');
      const engine = findLabelled(text, 'engine');
      for (const [j, reg] of (regs.length > 0 ? regs : ['']).entries()) {
        if (!reg && !chassis && !engine) continue;
        await indexVehicle(trx, {
          source: 'fir_property',
          sourceId: `${fir.id}:${i}:${j}`,
          place,
          firId: fir.id,
          firNumber: fir.fir_number,
          registration: reg || null,
          chassis: j === 0 ? chassis : undefined,
          engine: j === 0 ? engine : undefined,
          description: text,
          make: guessMake(text),
          colour: guessColour(text),
          vehicleType: guessVehicleType(text),
          status,
          at,
        });
      }
      continue;
    }
    const imeis = findImeis(text);
    if (imeis.length > 0 || p.category) {
      await indexProperty(trx, {
        source: 'fir_property',
        sourceId: `${fir.id}:${i}`,
        place,
        firId: fir.id,
        firNumber: fir.fir_number,
        category: imeis.length > 0 && !p.category ? 'mobile_phone' : (p.category ?? 'other'),
        description: text || '(no description)',
        identifiers: imeis,
        value: p.value ?? null,
        status,
        at,
      });
    }
  }
}

const MAKES = [
  'hero',
  'honda',
  'bajaj',
  'tvs',
  'yamaha',
  'suzuki',
  'maruti',
  'hyundai',
  'tata',
  'mahindra',
  'toyota',
  'royal enfield',
  'kia',
  'renault',
  'ford',
  'ktm',
];
const COLOURS = ['black', 'white', 'red', 'blue', 'silver', 'grey', 'gray', 'green', 'yellow', 'brown', 'maroon', 'golden'];
const TYPES: [RegExp, string][] = [
  [/motor ?cycle|bike|scooty|scooter/i, 'two_wheeler'],
  [/\bcar\b|jeep|suv|sedan/i, 'car'],
  [/truck|lorry|tractor/i, 'goods'],
  [/auto ?rickshaw|e-rickshaw/i, 'three_wheeler'],
];
const guessMake = (t: string) => MAKES.find((m) => t.toLowerCase().includes(m)) ?? null;
const guessColour = (t: string) => COLOURS.find((c) => new RegExp(`\\b${c}\\b`, 'i').test(t)) ?? null;
const guessVehicleType = (t: string) => TYPES.find(([re]) => re.test(t))?.[1] ?? null;

// ---------------------------------------------------------------------------------------------
// Searches
// ---------------------------------------------------------------------------------------------

function districtAllowed(scope: Scope, districtId: string | undefined): boolean {
  if (districtId === undefined) return true;
  if (scope.level === 'state') return true;
  if (scope.level === 'self') return false;
  return scope.districtId === districtId;
}

const tooShort = () => badRequest('Type at least 2 characters.', 'कम से कम 2 अक्षर लिखें।', { q: 'at least 2 characters' }, 'query_too_short');

function vehicleView(v: repo.VehicleRow) {
  return {
    id: v.id,
    source: v.source,
    firId: v.fir_id,
    firNumber: v.fir_number,
    registration: v.registration,
    registrationNormalised: v.registration_norm,
    chassis: v.chassis_norm,
    engine: v.engine_norm,
    vehicleType: v.vehicle_type,
    make: v.make,
    model: v.model,
    colour: v.colour,
    description: v.description,
    status: v.status,
    statusAt: v.status_at,
    stationId: v.station_id,
    stationCode: v.station_code,
    stationName: v.station_name,
    stationNameHi: v.station_name_hi,
    score: Math.round(Number(v.rank) * 1000) / 1000,
  };
}

/**
 * Vehicles by registration (normalised: "MH 12 AB 1234" = "mh12ab1234"), chassis or engine
 * number, or by make / model / colour words; with the stolen / recovered status. Audited.
 */
export async function searchVehicles(
  deps: PeopleDeps,
  db: Db,
  officer: PeopleOfficer,
  p: { q: string; status?: VehicleStatus; districtId?: string; limit?: number },
) {
  const q = cleanQuery(p.q);
  if ([...q].length < 2) throw tooShort();
  const ident = normaliseIdentifier(q);
  const words = q
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3 && !/\d/.test(w))
    .slice(0, 5);
  const inScope = districtAllowed(officer.auth.scope, p.districtId);
  const rows = !inScope
    ? []
    : await repo.searchVehicles(db, {
        stateCode: officer.auth.user.stateCode,
        ident: ident.length >= 3 && /\d/.test(ident) ? ident.slice(0, 40) : undefined,
        words: /\d/.test(ident) ? words : words,
        status: p.status,
        districtId: p.districtId,
        limit: p.limit ?? 20,
      });
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'vehicle.search',
    entityType: 'vehicle',
    details: { q: q.slice(0, 200), status: p.status ?? null, district: p.districtId ?? null, results: rows.length },
  });
  return { normalised: ident, results: rows.map(vehicleView) };
}

function propertyView(r: repo.PropertyRow) {
  return {
    id: r.id,
    source: r.source,
    firId: r.fir_id,
    firNumber: r.fir_number,
    category: r.category,
    description: r.description,
    identifiers: r.identifiers,
    value: r.value === null ? null : Number(r.value),
    status: r.status,
    statusAt: r.status_at,
    stationId: r.station_id,
    stationCode: r.station_code,
    stationName: r.station_name,
    stationNameHi: r.station_name_hi,
  };
}

/** Property by identifier (IMEI, serial), by category, or by words of its description. Audited. */
export async function searchProperty(
  deps: PeopleDeps,
  db: Db,
  officer: PeopleOfficer,
  p: { q?: string; category?: string; status?: PropertyStatus; districtId?: string; limit?: number },
) {
  const q = cleanQuery(p.q ?? '');
  if (!p.category && [...q].length < 2) throw tooShort();
  const ident = normaliseIdentifier(q);
  const text = q
    .toLowerCase()
    .replace(/[%_\\]/g, '')
    .trim();
  const rows = !districtAllowed(officer.auth.scope, p.districtId)
    ? []
    : await repo.searchProperty(db, {
        stateCode: officer.auth.user.stateCode,
        ident: ident.length >= 4 ? ident.slice(0, 40) : undefined,
        text: text.length >= 3 ? text.slice(0, 100) : undefined,
        category: p.category ? normaliseCategory(p.category) : undefined,
        status: p.status,
        districtId: p.districtId,
        limit: p.limit ?? 20,
      });
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'property.search',
    entityType: 'property',
    details: { q: q.slice(0, 200), category: p.category ?? null, results: rows.length },
  });
  return { results: rows.map(propertyView) };
}

function featureView(f: repo.FeatureRow) {
  return {
    firId: f.fir_id,
    firNumber: f.fir_number,
    crimeHead: f.crime_head,
    crimeHeadName: f.crime_head ? (getCatalogue().findCrimeHead(f.crime_head)?.nameEn ?? null) : null,
    moCodes: f.mo_codes,
    placeType: f.place_type,
    timeBand: f.time_band,
    occurredAt: f.occurred_at,
    area: f.area,
    isOpen: f.is_open,
    stationId: f.station_id,
    stationCode: f.station_code,
    stationName: f.station_name,
    stationNameHi: f.station_name_hi,
  };
}

export interface MoParams {
  crimeHead?: string;
  mo?: string[];
  placeType?: string;
  timeBand?: TimeBand;
  area?: string;
  districtId?: string;
  from?: Date;
  to?: Date;
  openOnly?: boolean;
  limit?: number;
}

/** Cases by crime head, MO, type of place, time of day and area, newest first. Audited. */
export async function searchMo(deps: PeopleDeps, db: Db, officer: PeopleOfficer, p: MoParams) {
  if (!p.crimeHead && !(p.mo && p.mo.length) && !p.placeType && !p.timeBand && !p.area)
    throw badRequest(
      'Give at least one of crime head, MO, type of place, time of day or area.',
      'अपराध शीर्ष, कार्य-पद्धति, स्थान का प्रकार, समय या क्षेत्र में से कम से कम एक दें।',
      {
        crimeHead: 'or mo, placeType, timeBand, area',
      },
      'mo_query_empty',
    );
  const area = p.area ? normaliseArea(cleanQuery(p.area)).slice(0, 100) : undefined;
  const rows = !districtAllowed(officer.auth.scope, p.districtId)
    ? []
    : await repo.searchMo(db, {
        stateCode: officer.auth.user.stateCode,
        crimeHead: p.crimeHead,
        moCodes: p.mo,
        placeType: p.placeType,
        timeBand: p.timeBand,
        area: area || undefined,
        districtId: p.districtId,
        from: p.from,
        to: p.to,
        openOnly: p.openOnly,
        limit: p.limit ?? 50,
      });
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'mo.search',
    entityType: 'case',
    details: {
      crimeHead: p.crimeHead ?? null,
      mo: p.mo ?? [],
      placeType: p.placeType ?? null,
      timeBand: p.timeBand ?? null,
      area: area ?? null,
      results: rows.length,
    },
  });
  return { results: rows.map(featureView) };
}

const RELATED_WINDOW_DAYS = 730;

function distanceKm(a: { lat: number | null; lng: number | null }, b: { lat: number | null; lng: number | null }): number | null {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  const R = 6371;
  const dLat = ((b.lat - a.lat) * Math.PI) / 180;
  const dLng = ((b.lng - a.lng) * Math.PI) / 180;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos((a.lat * Math.PI) / 180) * Math.cos((b.lat * Math.PI) / 180) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}

/**
 * Cases related to an open investigation by modus operandi: state-wide cases of the last two
 * years (either side of the case) sharing its crime head or an MO code, ranked by what they share:
 *   each shared MO code 3, same crime head 2, same type of place 1, same time of day 1,
 *   same beat 1, within 3 km or a similar locality 1.
 * The case itself must be in the caller's jurisdiction (404 otherwise). Audited.
 */
export async function relatedCases(deps: PeopleDeps, db: Db, officer: PeopleOfficer, firId: string, limit = 20) {
  const fir = await findFir(db, officer.auth.scope, firId);
  if (!fir) throw notFound('FIR', 'एफआईआर', 'fir_not_found');
  const me = await repo.findFeature(db, firId);
  if (!me) return { case: null, results: [] };
  const centre = me.occurred_at ?? fir.registered_at;
  const cands = await repo.relatedCandidates(db, officer.auth.user.stateCode, {
    firId,
    crimeHead: me.crime_head,
    moCodes: me.mo_codes,
    from: new Date(centre.getTime() - RELATED_WINDOW_DAYS * 86_400_000),
    to: new Date(centre.getTime() + RELATED_WINDOW_DAYS * 86_400_000),
  });
  const { trigramSimilarity } = await import('./names/trigram.js');
  const scored = cands.map((c) => {
    const shared: string[] = [];
    let score = 0;
    const mos = c.mo_codes.filter((m) => me.mo_codes.includes(m));
    for (const m of mos) {
      score += 3;
      shared.push(`MO ${m}`);
    }
    if (me.crime_head && c.crime_head === me.crime_head) {
      score += 2;
      shared.push(`crime head ${c.crime_head}`);
    }
    if (me.place_type && c.place_type === me.place_type) {
      score += 1;
      shared.push(`place: ${c.place_type}`);
    }
    if (me.time_band && c.time_band === me.time_band) {
      score += 1;
      shared.push(`time: ${c.time_band}`);
    }
    if (me.beat_id && c.beat_id === me.beat_id) {
      score += 1;
      shared.push('same beat');
    }
    const d = distanceKm(me, c);
    if (d !== null && d <= 3) {
      score += 1;
      shared.push(`${d.toFixed(1)} km apart`);
    } else if (me.area_norm && c.area_norm && trigramSimilarity(me.area_norm, c.area_norm) >= 0.4) {
      score += 1;
      shared.push('similar locality');
    }
    return { ...featureView(c), score, shared };
  });
  scored.sort((a, b) => b.score - a.score || (b.occurredAt?.getTime() ?? 0) - (a.occurredAt?.getTime() ?? 0));
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'mo.related',
    entityType: 'fir',
    entityId: firId,
    stationId: fir.station_id,
    districtId: fir.district_id,
    details: { results: Math.min(limit, scored.length) },
  });
  return { case: featureView(me), results: scored.slice(0, limit) };
}

const FIR_NO_RE = /^\s*(\d{1,6})\s*\/\s*(\d{4})\s*$/;

/**
 * The unified search box: one query searched as a person name, an FIR number (0012/2026), a
 * vehicle (registration, chassis, engine), a phone number and a property identifier (IMEI),
 * answered grouped by type. Each group runs only when the query can be one of its kind.
 * FIR numbers are looked up in the caller's jurisdiction, the rest state-wide. Audited once.
 */
export async function unifiedSearch(deps: PeopleDeps, db: Db, officer: PeopleOfficer, rawQ: string) {
  const q = cleanQuery(rawQ);
  if ([...q].length < 2) throw tooShort();
  const stateCode = officer.auth.user.stateCode;
  const ident = normaliseIdentifier(q);
  const digits = q.replace(/\D/g, '');
  const out = {
    query: q,
    persons: [] as { person: Awaited<ReturnType<typeof personSummaries>>[number]; score: number; why: string[]; matchedName: string }[],
    firs: [] as { id: string; firNumber: string; stationCode: string; stationName: string; registeredAt: Date; stage: string }[],
    vehicles: [] as ReturnType<typeof vehicleView>[],
    phones: [] as { phone: string; person: Awaited<ReturnType<typeof personSummaries>>[number] }[],
    property: [] as ReturnType<typeof propertyView>[],
  };
  const fields = queryFields(q);
  if (fields.tokens.length > 0 && /\p{L}{2}/u.test(q)) {
    const hits = await runPersonSearch(db, { q: fields, filter: { stateCode }, limit: 5 });
    const sums = await personSummaries(
      db,
      stateCode,
      hits.map((h) => h.personId),
    );
    const byId = new Map(sums.map((s) => [s.id, s]));
    out.persons = hits
      .filter((h) => byId.has(h.personId))
      .map((h) => ({ person: byId.get(h.personId)!, score: Math.round(h.score * 1000) / 1000, why: h.why, matchedName: h.matchedName }));
  }
  const fm = FIR_NO_RE.exec(q);
  if (fm) {
    const number = `${fm[1]!.padStart(4, '0')}/${fm[2]}`;
    const { rows } = await listFirs(db, officer.auth.scope, { q: number, limit: 10, offset: 0 });
    out.firs = rows
      .filter((r) => r.fir_number === number)
      .map((r) => ({
        id: r.id,
        firNumber: r.fir_number,
        stationCode: r.station_code,
        stationName: r.station_name,
        registeredAt: r.registered_at,
        stage: r.stage,
      }));
  }
  if (ident.length >= 4 && /\d/.test(ident) && /[a-z]/.test(ident)) {
    out.vehicles = (await repo.searchVehicles(db, { stateCode, ident: ident.slice(0, 40), limit: 5 })).map(vehicleView);
  } else if (ident.length >= 4 && /^\d+$/.test(ident) && !fm) {
    out.vehicles = (await repo.searchVehicles(db, { stateCode, ident: ident.slice(0, 40), limit: 5 })).map(vehicleView);
  }
  const phone =
    digits.length >= 10 && digits.length <= 13 && digits.length === ident.replace(/[a-z]/g, '').length && !/[a-z]/.test(ident)
      ? normalisePhone(digits)
      : undefined;
  if (phone) {
    const owners = await repo.personsByPhone(db, stateCode, phone);
    const sums = await personSummaries(
      db,
      stateCode,
      owners.map((o) => o.master_id),
    );
    out.phones = sums.map((s) => ({ phone, person: s }));
  }
  if (ident.length >= 8 && /^\d+$/.test(ident)) {
    out.property = (await repo.searchProperty(db, { stateCode, ident, limit: 5 })).map(propertyView);
  }
  await recordAudit(db, deps.clock, officer.actor, {
    action: 'search.unified',
    details: {
      q: q.slice(0, 200),
      persons: out.persons.length,
      firs: out.firs.length,
      vehicles: out.vehicles.length,
      phones: out.phones.length,
      property: out.property.length,
    },
  });
  return out;
}

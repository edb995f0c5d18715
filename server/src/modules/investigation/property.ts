import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { coversPlace, type Scope } from '../../policy/index.js';
import { crimeHeadOf, indexCaseFeatures, indexProperty, indexVehicle, type IndexPlace } from '../search/service.js';
import * as repo from './repository.js';
import type { CaseRow } from './repository.js';

export type IdentifierKind = 'vehicle_reg' | 'engine_no' | 'chassis_no' | 'imei';

/** Upper case, letters and digits only: "MP 04 ab-1234" and "MP04AB1234" are the same plate. */
export const normaliseIdentifier = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The identifiers of one piece of property, normalised; too short to identify anything is dropped. */
export function identifiersOf(p: {
  regNo?: string | null;
  engineNo?: string | null;
  chassisNo?: string | null;
  imei?: string[] | null;
}): { kind: IdentifierKind; value: string }[] {
  const out: { kind: IdentifierKind; value: string }[] = [];
  const add = (kind: IdentifierKind, v: string | null | undefined) => {
    const n = v ? normaliseIdentifier(v) : '';
    if (n.length >= 4 && n.length <= 40 && !out.some((x) => x.kind === kind && x.value === n)) out.push({ kind, value: n });
  };
  add('vehicle_reg', p.regNo);
  add('engine_no', p.engineNo);
  add('chassis_no', p.chassisNo);
  for (const i of p.imei ?? []) add('imei', i);
  return out;
}

export interface PropertyAlert {
  kind: IdentifierKind;
  value: string;
  /** What was recorded here (the seized item or the property line). */
  description: string;
  /** The other case, named only when the officer's jurisdiction covers it. */
  otherCase: { caseId: string; firNumber: string; stationCode: string; stationName: string } | null;
  otherCaseText: string;
  otherCaseTextHi: string;
  /** How the other case has the property: seized there, or recorded as stolen/involved. */
  recordedAs: 'seizure' | 'crime_details';
}

/**
 * The cross-case property alert: identifiers (vehicle registration, engine and chassis numbers,
 * IMEIs) that match property recorded in another case of the state. Another case is named
 * (number and station) only if the officer may see it; otherwise it is "a case in another
 * station", so the alert leaks nothing outside the officer's jurisdiction.
 */
export async function propertyAlerts(
  db: Kysely<Database>,
  scope: Scope,
  c: CaseRow,
  ids: { kind: IdentifierKind; value: string; description: string }[],
): Promise<PropertyAlert[]> {
  const hits = await repo.findIdentifierMatches(db, c.state_code, c.id, ids);
  const seen = new Set<string>();
  const out: PropertyAlert[] = [];
  for (const h of hits) {
    const k = `${h.kind}|${h.value}|${h.fir_id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const visible = coversPlace(scope, {
      stateCode: h.state_code,
      districtId: h.district_id,
      subdivisionId: h.subdivision_id,
      stationId: h.station_id,
    });
    const mine = ids.find((x) => x.kind === h.kind && x.value === h.value);
    out.push({
      kind: h.kind,
      value: h.value,
      description: mine?.description ?? h.value,
      otherCase: visible ? { caseId: h.fir_id, firNumber: h.fir_number, stationCode: h.station_code, stationName: h.station_name } : null,
      otherCaseText: visible ? `FIR ${h.fir_number}, PS ${h.station_name} (${h.station_code})` : 'a case in another station',
      otherCaseTextHi: visible ? `एफआईआर ${h.fir_number}, थाना ${h.station_name} (${h.station_code})` : 'किसी अन्य थाने का एक प्रकरण',
      recordedAs: h.source,
    });
  }
  return out;
}

/** All current alerts of a case: every identifier it has recorded, matched against other cases. */
export async function caseAlerts(db: Kysely<Database>, scope: Scope, c: CaseRow): Promise<PropertyAlert[]> {
  const own = await db.selectFrom('property_identifier').select(['kind', 'value', 'description']).where('fir_id', '=', c.id).execute();
  return propertyAlerts(db, scope, c, own);
}

// ---------------------------------------------------------------------------------------------
// The search module's indexes (vehicles, property, case features), fed in the same transaction
// ---------------------------------------------------------------------------------------------

const placeOf = (c: CaseRow): IndexPlace => ({
  stateCode: c.state_code,
  districtId: c.district_id,
  subdivisionId: c.subdivision_id,
  stationId: c.station_id,
});

/** Seized items into the vehicle and property search (recovered in a recovery, seized otherwise). */
export async function indexSeizedItems(
  trx: Kysely<Database>,
  c: CaseRow,
  searchKind: string,
  items: {
    id: string;
    description: string;
    category: string;
    value: number;
    vehicle_reg_no: string | null;
    engine_no: string | null;
    chassis_no: string | null;
    imei: string[];
    created_at: Date;
  }[],
): Promise<void> {
  const status = searchKind === 'recovery' ? 'recovered' : 'seized';
  for (const it of items) {
    const base = {
      source: 'seizure',
      sourceId: it.id,
      place: placeOf(c),
      firId: c.id,
      firNumber: c.fir_number,
      status,
      at: it.created_at,
    } as const;
    if (it.category === 'vehicle' || it.vehicle_reg_no || it.engine_no || it.chassis_no)
      await indexVehicle(trx, {
        ...base,
        registration: it.vehicle_reg_no,
        engine: it.engine_no,
        chassis: it.chassis_no,
        description: it.description,
      });
    else await indexProperty(trx, { ...base, category: it.category, description: it.description, identifiers: it.imei, value: it.value });
  }
}

/** The crime details (IIF-2) into the search: the case's MO features and its property lines. */
export async function indexCrimeDetails(
  trx: Kysely<Database>,
  c: CaseRow,
  d: {
    majorHeadCode?: string | null;
    moCodes?: string[];
    placeType?: string | null;
    sceneLat?: number | null;
    sceneLng?: number | null;
    properties?: {
      description: string;
      category?: string;
      nature?: string;
      value?: number;
      regNo?: string;
      engineNo?: string;
      chassisNo?: string;
      imei?: string[];
    }[];
  },
  at: Date,
): Promise<void> {
  await indexCaseFeatures(trx, {
    firId: c.id,
    firNumber: c.fir_number,
    place: placeOf(c),
    crimeHead: d.majorHeadCode ?? crimeHeadOf(c.sections),
    moCodes: d.moCodes ?? [],
    placeType: d.placeType ?? null,
    occurredAt: c.occurrence_from,
    lat: d.sceneLat ?? null,
    lng: d.sceneLng ?? null,
    area: c.place,
    isOpen: true,
    at,
  });
  for (const [i, p] of (d.properties ?? []).entries()) {
    const status = p.nature === 'recovered' ? 'recovered' : p.nature === 'involved' ? 'involved' : 'stolen';
    const base = {
      source: 'crime_details',
      sourceId: `${c.id}:${i}`,
      place: placeOf(c),
      firId: c.id,
      firNumber: c.fir_number,
      status,
      at,
    } as const;
    if (p.regNo || p.engineNo || p.chassisNo || p.category === 'vehicle')
      await indexVehicle(trx, { ...base, registration: p.regNo, engine: p.engineNo, chassis: p.chassisNo, description: p.description });
    else if (p.imei?.length || p.category)
      await indexProperty(trx, {
        ...base,
        category: p.category ?? 'other',
        description: p.description,
        identifiers: p.imei ?? [],
        value: p.value,
      });
  }
}

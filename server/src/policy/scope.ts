import { sql, type Expression, type SqlBool } from 'kysely';
import { ROLE_LEVEL, type Role } from './roles.js';

/**
 * A caller's jurisdiction: station ⊂ sub-division ⊂ district ⊂ state. Citizens and courts have
 * 'self': they see no police records through scoped reads, only what their own module grants.
 */
export type Scope =
  | { level: 'state'; stateCode: string }
  | { level: 'district'; stateCode: string; districtId: string }
  | { level: 'subdivision'; stateCode: string; districtId: string; subdivisionId: string }
  | { level: 'station'; stateCode: string; districtId: string; subdivisionId: string; stationId: string }
  | { level: 'self'; stateCode: string; userId: string };

export interface ScopedUser {
  id: string;
  role: Role;
  state_code: string;
  district_id: string | null;
  subdivision_id: string | null;
  station_id: string | null;
}

/** The scope of a user from their role and postings. A posting that is missing narrows to nothing. */
export function scopeOf(u: ScopedUser): Scope {
  const level = ROLE_LEVEL[u.role];
  const none: Scope = { level: 'self', stateCode: u.state_code, userId: u.id };
  switch (level) {
    case 'state':
      return { level: 'state', stateCode: u.state_code };
    case 'district':
      return u.district_id ? { level: 'district', stateCode: u.state_code, districtId: u.district_id } : none;
    case 'subdivision':
      return u.district_id && u.subdivision_id
        ? { level: 'subdivision', stateCode: u.state_code, districtId: u.district_id, subdivisionId: u.subdivision_id }
        : none;
    case 'station':
      return u.district_id && u.subdivision_id && u.station_id
        ? {
            level: 'station',
            stateCode: u.state_code,
            districtId: u.district_id,
            subdivisionId: u.subdivision_id,
            stationId: u.station_id,
          }
        : none;
    default:
      return none;
  }
}

export interface ScopeColumns {
  state?: string;
  district?: string;
  subdivision?: string;
  station?: string;
}

/**
 * The jurisdiction filter as a SQL boolean, for a repository's `where`. Every scoped table
 * carries state_code, district_id, subdivision_id and station_id (denormalised at write time)
 * so the filter is one indexed comparison. 'self' scope matches nothing here.
 *
 *   .where(inScope(scope, { station: 'f.station_id', ... }))
 */
export function inScope(scope: Scope, cols: ScopeColumns = {}): Expression<SqlBool> {
  const c = {
    state: cols.state ?? 'state_code',
    district: cols.district ?? 'district_id',
    subdivision: cols.subdivision ?? 'subdivision_id',
    station: cols.station ?? 'station_id',
  };
  const state = sql<SqlBool>`${sql.ref(c.state)} = ${scope.stateCode}`;
  switch (scope.level) {
    case 'state':
      return state;
    case 'district':
      return sql<SqlBool>`(${state} and ${sql.ref(c.district)} = ${scope.districtId})`;
    case 'subdivision':
      return sql<SqlBool>`(${state} and ${sql.ref(c.subdivision)} = ${scope.subdivisionId})`;
    case 'station':
      return sql<SqlBool>`(${state} and ${sql.ref(c.station)} = ${scope.stationId})`;
    case 'self':
      return sql<SqlBool>`false`;
  }
}

/** Whether a place (a record's station and district) lies inside the scope. For checks on writes. */
export function coversPlace(
  scope: Scope,
  place: { stateCode: string; districtId?: string | null; subdivisionId?: string | null; stationId?: string | null },
): boolean {
  if (place.stateCode !== scope.stateCode) return false;
  switch (scope.level) {
    case 'state':
      return true;
    case 'district':
      return place.districtId === scope.districtId;
    case 'subdivision':
      return place.subdivisionId === scope.subdivisionId;
    case 'station':
      return place.stationId === scope.stationId;
    case 'self':
      return false;
  }
}

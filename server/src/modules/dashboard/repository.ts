import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { inScope, type Scope } from '../../policy/index.js';

/** Counts of the organisation inside the caller's jurisdiction. */
export async function orgCounts(db: Kysely<Database>, scope: Scope, since: Date) {
  const stationScope = scope.level === 'station' ? inScope(scope, { station: 'id' }) : inScope(scope);
  const [stations, beats, officers, audits] = await Promise.all([
    db
      .selectFrom('station')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(stationScope)
      .where('active', '=', true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('beat')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(inScope(scope))
      .where('active', '=', true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.level === 'state' ? sql<boolean>`state_code = ${scope.stateCode}` : inScope(scope))
      .where('role', 'not in', ['citizen', 'court'])
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(scope.level === 'state' ? sql<boolean>`state_code = ${scope.stateCode}` : inScope(scope, { subdivision: 'district_id' }))
      .where('occurred_at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    stations: Number(stations.n),
    beats: Number(beats.n),
    officers: Number(officers.n),
    auditEventsToday: Number(audits.n),
  };
}

/**
 * FIRs registered in [from, to] inside the caller's jurisdiction (optionally one district of
 * it), counted by IST month, NCRB crime head of the first section, and current stage: the
 * aggregates behind a district's trend table. One GROUP BY; the benchmark runs this same
 * compiled query raw as its baseline.
 */
export function trendQuery(scope: Scope, f: { from: Date; to: Date; districtId?: string }) {
  const own = inScope(scope, {
    state: 'f.state_code',
    district: 'f.district_id',
    subdivision: 'f.subdivision_id',
    station: 'f.station_id',
  });
  const district = f.districtId ? sql`and f.district_id = ${f.districtId}` : sql``;
  return sql<TrendRow>`
    select to_char(f.registered_at at time zone 'Asia/Kolkata', 'YYYY-MM') as month,
           sec.crime_head_code as head, s.stage, count(*)::int as n
      from fir f
      join fir_status s on s.fir_id = f.id
      join fir_section x on x.fir_id = f.id and x.position = 1
      left join section sec on sec.act_code = x.act and sec.section_code = x.section
     where ${own} and f.registered_at >= ${f.from} and f.registered_at <= ${f.to} ${district}
     group by 1, 2, 3`;
}

export interface TrendRow {
  month: string;
  head: string | null;
  stage: string;
  n: number;
}

/** NCRB crime heads by code, for labelling the trend rows. */
export async function crimeHeadNames(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return new Map<string, { en: string; hi: string }>();
  const r = await sql<{ code: string; name_en: string; name_hi: string }>`
    select code, name_en, name_hi from crime_head where code in (${sql.join(codes)})`.execute(db);
  return new Map(r.rows.map((x) => [x.code, { en: x.name_en, hi: x.name_hi }]));
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { storeCaseClocks, type CaseClockFacts } from '../clocks/service.js';
import type { ArrestFacts } from '../clocks/engine.js';
import { dutyClockFacts } from '../investigation-duties/facts.js';
import { forensicVisit, getCatalogue, procedureFor, twoMonthInvestigation, type CustodySection } from '../masterdata/index.js';
import * as repo from './repository.js';
import type { CaseRow } from './repository.js';

/**
 * The case's sections as the master data gives them for its state: numeric punishments and the
 * state's per-section 60/90 override (catalogue.sectionForState). A section the master data no
 * longer knows is left out (it cannot decide a limit).
 */
export function caseSections(stateCode: string, sections: { act: string; section: string }[]) {
  const cat = getCatalogue();
  const out: (CustodySection & { actCode: string; sectionCode: string })[] = [];
  for (const s of sections) {
    const m = cat.sectionForState(stateCode, s.act, s.section);
    if (!m) continue;
    out.push({
      actCode: m.actCode,
      sectionCode: m.sectionCode,
      maxMonths: m.maxMonths,
      minMonths: m.minMonths,
      maxDeath: m.maxDeath,
      maxLife: m.maxLife,
      fineOnly: m.fineOnly,
      custodyDaysOverride: m.custodyDaysOverride,
      overrideBasis: m.overrideBasis ?? null,
    });
  }
  return out;
}

/** Gathers a case's clock facts from its records (inside the caller's transaction). */
export async function gatherClockFacts(trx: Kysely<Database>, c: CaseRow): Promise<CaseClockFacts> {
  const sections = caseSections(c.state_code, c.sections);
  const [arrests, events, transitions, notices, duties] = await Promise.all([
    repo.listArrests(trx, c.id),
    repo.listArrestEvents(trx, c.id),
    repo.listTransitions(trx, c.id),
    repo.listProgressNotices(trx, c.id),
    dutyClockFacts(trx, c.id),
  ]);
  const arrestFacts: ArrestFacts[] = arrests.map((a) => {
    const evs = events.filter((e) => e.arrest_id === a.id);
    const firstRemand = evs.find((e) => e.kind === 'remanded_police' || e.kind === 'remanded_judicial');
    const produced = evs.find((e) => e.kind === 'produced') ?? firstRemand;
    const releases = evs.filter((e) => e.kind === 'bailed' || e.kind === 'released');
    return {
      id: a.id,
      label: `${a.person_code} ${a.person_name}`,
      kind: a.kind,
      arrestedAt: a.arrested_at,
      producedAt: produced?.at ?? null,
      journeyMinutes: evs.find((e) => e.kind === 'produced' && e.journey_minutes)?.journey_minutes ?? 0,
      firstRemandAt: firstRemand?.at ?? null,
      releasedBeforeProductionAt: releases.find((e) => !produced || e.at < produced.at)?.at ?? null,
      releasedAfterRemandAt: firstRemand ? (releases.find((e) => e.at >= firstRemand.at)?.at ?? null) : null,
    };
  });
  // The final report's moves stop the clocks only while the case is still past them (a report
  // returned by the SHO sets the investigation running again).
  const stage = c.stage;
  const lastOf = (action: string) => [...transitions].reverse().find((t) => t.action === action)?.at ?? null;
  const pastSubmission = stage !== 'registered' && stage !== 'under_investigation';
  const pastForwarding = pastSubmission && !(stage === 'final_report_submitted' && c.substate === 'awaiting_sho_approval');
  return {
    firId: c.id,
    registeredAt: c.registered_at,
    procedure: procedureFor(istDate(c.registered_at)),
    sections,
    twoMonth: twoMonthInvestigation(sections),
    arrests: arrestFacts,
    finalReportSubmittedAt: pastSubmission ? lastOf('submit_final_report') : null,
    finalReportForwardedAt: pastForwarding ? lastOf('approve_final_report') : null,
    progressNoticeAt: notices[0]?.sent_at ?? null,
    forensicVisit: forensicVisit(sections),
    ...duties,
  };
}

/** Recomputes and stores the clocks of a case, in the transaction that changed its events. */
export async function refreshCaseClocks(deps: Pick<Deps, 'clock'>, trx: Kysely<Database>, firId: string): Promise<void> {
  const c = await repo.findCaseUnscoped(trx, firId);
  if (!c) return;
  const facts = await gatherClockFacts(trx, c);
  await storeCaseClocks(
    deps,
    trx,
    {
      firId: c.id,
      firNumber: c.fir_number,
      stateCode: c.state_code,
      districtId: c.district_id,
      subdivisionId: c.subdivision_id,
      stationId: c.station_id,
      ioId: c.io_id,
    },
    facts,
  );
}

/**
 * Recomputes the clocks of every case still before its final report (registered or under
 * investigation), in batches of one transaction each: for a clock the engine learned after the
 * cases were written (the BNSS 176(3) forensic-visit flag, migration 0061), which a case would
 * otherwise get only at its next change. `npm run clocks:recompute`. Returns how many cases.
 */
export async function recomputeOpenCaseClocks(
  deps: Pick<Deps, 'clock'>,
  db: Kysely<Database>,
  onProgress?: (done: number) => void,
  batch = 200,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('fir_status')
        .select('fir_id')
        .where('stage', 'in', ['registered', 'under_investigation'])
        .where('fir_id', '>', after)
        .orderBy('fir_id')
        .limit(batch)
        .execute()
    ).map((r) => r.fir_id);
    if (!ids.length) return done;
    await db.transaction().execute(async (trx) => {
      for (const id of ids) await refreshCaseClocks(deps, trx, id);
    });
    done += ids.length;
    after = ids[ids.length - 1]!;
    onProgress?.(done);
  }
}

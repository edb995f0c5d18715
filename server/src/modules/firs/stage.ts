import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, notFound, staleVersion } from '../../lib/errors.js';
import { recordAudit, type ActorContext } from '../audit/service.js';
import * as repo from './repository.js';

/**
 * Moves an FIR's stage (fir_status.stage) inside the caller's transaction. The stage names and
 * the moves allowed between them are the investigation module's workflow table
 * (modules/investigation/workflow.ts); this function only writes the change safely:
 *
 * - locks the status row, then checks that the stage is still `from` (409 `stage_changed`
 *   otherwise: someone moved the case meanwhile) and, when given, that `expectedVersion`
 *   matches (412);
 * - updates stage and stage_changed_at with the optimistic version (412 if it lost a race);
 * - writes the audit row (`fir.stage`) in the same transaction.
 *
 * Returns the new version and the time of the change. 404 if the FIR has no status row.
 */
export async function changeFirStage(
  deps: { clock: Clock },
  trx: Kysely<Database>,
  actor: ActorContext,
  firId: string,
  change: { from: string; to: string; expectedVersion?: number; reason?: string | null },
): Promise<{ version: number; at: Date }> {
  const st = await repo.lockStatus(trx, firId);
  if (!st) throw notFound('FIR', 'एफआईआर', 'fir_not_found');
  if (st.stage !== change.from)
    throw conflict(
      'stage_changed',
      `The case is now at stage "${st.stage}", not "${change.from}". Reload it and try again.`,
      `प्रकरण अब "${st.stage}" चरण पर है, "${change.from}" पर नहीं। दोबारा लोड करके प्रयास करें।`,
    );
  if (change.expectedVersion !== undefined && change.expectedVersion !== st.version) throw staleVersion();
  const at = deps.clock.now();
  if (change.to !== change.from) {
    const ok = await repo.updateStatus(trx, firId, st.version, { stage: change.to, stage_changed_at: at, updated_at: at });
    if (!ok) throw staleVersion();
  }
  await recordAudit(trx, deps.clock, actor, {
    action: 'fir.stage',
    entityType: 'fir',
    entityId: firId,
    stationId: st.station_id,
    districtId: st.district_id,
    details: { from: change.from, to: change.to, ...(change.reason ? { reason: change.reason } : {}) },
  });
  return { version: change.to !== change.from ? st.version + 1 : st.version, at };
}

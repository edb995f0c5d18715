import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { CaseClockFacts } from '../clocks/engine.js';
import * as repo from './repository.js';

/**
 * The clock engine's facts from the investigation duties, for investigation/clock-facts.ts
 * (inside the transaction that changed them): the first forensic scene visit (BNSS 176(3)),
 * each victim medical examination with its report's receipt (BNSS 184(6)), each further
 * investigation with its latest extension and its completion (BNSS 193(9)).
 */
export async function dutyClockFacts(
  trx: Kysely<Database>,
  firId: string,
): Promise<Pick<CaseClockFacts, 'forensicVisitAt' | 'victimMedicals' | 'furtherInvestigations'>> {
  const [visitAt, exams, fi] = await Promise.all([repo.firstVisitAt(trx, firId), repo.examFacts(trx, firId), repo.orderFacts(trx, firId)]);
  return {
    forensicVisitAt: visitAt,
    victimMedicals: exams.map((e) => ({
      id: e.id,
      label: e.code,
      examinedAt: e.examined_at,
      reportReceivedAt: e.received_at ?? null,
    })),
    furtherInvestigations: fi.orders.map((o) => {
      const evs = fi.events.filter((e) => e.further_investigation_id === o.id);
      const extensions = evs.filter((e) => e.kind === 'extension');
      return {
        id: o.id,
        label: o.court_order_ref,
        orderedOn: o.ordered_on,
        // The court's last word on the period governs (each extension is checked to go further).
        extendedTo: extensions.length ? extensions[extensions.length - 1].extended_to : null,
        completedAt: evs.find((e) => e.kind === 'completed')?.completed_at ?? null,
      };
    }),
  };
}

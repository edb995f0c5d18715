import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

/**
 * The facts a public case-status answer shows beyond the FIR and its stage, supplied by the
 * modules that own them. The investigation module knows the arrests and the IO; the
 * prosecution/court module the charge sheet, the court and the hearings. Each registers a
 * provider once, at import time of its routes module:
 *
 *   import { addCaseStatusFacts } from '../citizen/case-facts.js';
 *   addCaseStatusFacts(async (db, fir) => ({ arrestCount: await countArrests(db, fir.id) }));
 *
 * A provider returns only what it knows (undefined for the rest); where two know the same
 * fact, the one registered later wins (this module's own fallback, registered first, yields to
 * the modules that own the facts). What a provider returns goes through the public presenter, which
 * keeps only these fields: no provider can put a person's name, address or phone in a public
 * answer (the IO's name shows only where the state allows it, PUBLIC_SHOW_IO_NAME).
 */
export interface CaseStatusFacts {
  /** Number of persons arrested (or who surrendered) in the case: a count, never names. */
  arrestCount?: number;
  /** IST date (YYYY-MM-DD) the charge sheet was filed in court. */
  chargeSheetDate?: string | null;
  /** IST date the final report (closure) was filed. */
  finalReportDate?: string | null;
  court?: { name: string; nameHi?: string | null } | null;
  /** IST date of the next hearing. */
  nextHearingDate?: string | null;
  /** The trial court's result (IIF-6), shown at 'disposed': convicted, acquitted, discharged, compounded, abated, ... */
  result?: string | null;
  /**
   * The latest appeal's result (IIF-7), shown at 'appealed' instead of the trial's: pending,
   * allowed, dismissed, partly_allowed, remanded, withdrawn, abated.
   */
  appealResult?: string | null;
  /** The investigating officer: the rank always; the name only if PUBLIC_SHOW_IO_NAME. */
  io?: { rank: string | null; name?: string | null } | null;
}

export interface FirForFacts {
  id: string;
  stateCode: string;
  stationId: string;
  stage: string;
}

export type CaseStatusFactsProvider = (db: Kysely<Database>, fir: FirForFacts) => Promise<CaseStatusFacts>;

const providers: CaseStatusFactsProvider[] = [];

/** Registers a provider of case-status facts (once per module). */
export function addCaseStatusFacts(p: CaseStatusFactsProvider): void {
  if (!providers.includes(p)) providers.push(p);
}

/** The facts every provider knows about an FIR, merged in registration order: a later defined value replaces an earlier one. */
export async function caseStatusFacts(db: Kysely<Database>, fir: FirForFacts): Promise<CaseStatusFacts> {
  const out: CaseStatusFacts = {};
  // Independent lookups: asked at once, merged in registration order.
  for (const f of await Promise.all(providers.map((p) => p(db, fir)))) {
    for (const [k, v] of Object.entries(f) as [keyof CaseStatusFacts, unknown][]) {
      if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

// This module's own provider: the result of a disposed case, or the latest appeal's of a case in
// appeal, from the stage history.
addCaseStatusFacts(async (db, fir) => {
  if (fir.stage !== 'disposed' && fir.stage !== 'appealed') return {};
  const r = await db
    .selectFrom('case_stage_event')
    .select('result')
    .where('fir_id', '=', fir.id)
    .where('stage', '=', fir.stage)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r?.result) return {};
  return fir.stage === 'disposed' ? { result: r.result } : { appealResult: r.result };
});

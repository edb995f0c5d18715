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
  /** For a disposed case: convicted, acquitted, discharged, compounded, abated, ... */
  result?: string | null;
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

// This module's own provider: the result of a disposed case, from the stage history.
addCaseStatusFacts(async (db, fir) => {
  if (fir.stage !== 'disposed') return {};
  const r = await db
    .selectFrom('case_stage_event')
    .select('result')
    .where('fir_id', '=', fir.id)
    .where('stage', '=', 'disposed')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.result ? { result: r.result } : {};
});

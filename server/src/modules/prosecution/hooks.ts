/**
 * Where the prosecution module plugs into the case workflow and the public case status. Imported
 * once by routes.ts; registering twice is harmless (the registries keep one of each).
 *
 * - submit_final_report / approve_final_report do the report's part inside the move's
 *   transaction, whichever route made the move (POST /cases/:id/final-report/submit, or the
 *   generic POST /cases/:id/transition that draws its buttons from the workflow table).
 * - return_final_report turns the report back into a draft with the SHO's remarks.
 * - Each move that changes what the public sees writes the stage history and tells the
 *   informant (citizen module's notifyStageChange), in the same transaction; the SHO's approval
 *   shows as "charge sheet filed" or "closure report filed", the report being in court.
 * - The public case status gets the charge-sheet (or closure) date, the court, the next hearing
 *   and the result (the trial's, or the latest appeal's) from this module's records.
 */
import { istDate } from '../../lib/clock.js';
import { addCaseStatusFacts, type CaseStatusFactsProvider } from '../citizen/case-facts.js';
import { notifyStageChange } from '../citizen/stages.js';
import { onAfterTransition, onBeforeTransition, type TransitionHook } from '../investigation/transition.js';
import type { CaseAction } from '../investigation/workflow.js';
import * as repo from './repository.js';
import { approveAndPackage, markReturned, markSubmitted } from './service.js';

const versionOf = (d: Record<string, unknown> | undefined): number | undefined =>
  typeof d?.reportVersion === 'number' ? d.reportVersion : undefined;

const beforeSubmit: TransitionHook = async (deps, ctx) => {
  const r = await markSubmitted(deps, ctx.trx, ctx.caseRow, ctx.actor, versionOf(ctx.options.details));
  ctx.options.details = { ...(ctx.options.details ?? {}), reportId: r.id, kind: r.kind };
};

const beforeApprove: TransitionHook = async (deps, ctx) => {
  const { reportId, packageId } = await approveAndPackage(deps, ctx.trx, ctx.caseRow, ctx.actor, versionOf(ctx.options.details));
  ctx.options.details = { ...(ctx.options.details ?? {}), reportId, packageId };
};

/** The moves whose public effect this module announces (the stage, or with it a result). */
const ANNOUNCED: readonly CaseAction[] = [
  'submit_final_report',
  'accept_final_report',
  'commence_trial',
  'record_disposal',
  'record_appeal',
];

const after: TransitionHook = async (deps, ctx) => {
  if (ctx.action === 'return_final_report') {
    await markReturned(deps, ctx.trx, ctx.caseRow, ctx.actor, ctx.options.reason ?? null);
    return;
  }
  if (ctx.action === 'approve_final_report') {
    // Sent to the court: the informant now hears whether it is a charge sheet or a closure report.
    const reportId = ctx.options.details?.reportId;
    const report = typeof reportId === 'string' ? await repo.findReport(ctx.trx, reportId) : undefined;
    if (report) {
      const stage = report.kind === 'charge_sheet' ? 'charge_sheeted' : 'final_report_filed';
      await notifyStageChange(ctx.trx, ctx.caseRow.id, stage, { clock: deps.clock });
    }
    return;
  }
  if (!ANNOUNCED.includes(ctx.action)) return;
  const result = typeof ctx.options.details?.result === 'string' ? ctx.options.details.result : undefined;
  await notifyStageChange(ctx.trx, ctx.caseRow.id, ctx.to, { clock: deps.clock, result });
};

/**
 * The public case status facts this module knows. The dates are IST days. The next hearing is
 * the date the court fixed last (as eCourts shows it), until the case is disposed. The result is
 * the trial's; the appeal's result is the latest appeal recorded (as filed or as decided), which
 * the public sees while the case is in appeal.
 */
export const prosecutionFacts: CaseStatusFactsProvider = async (db, fir) => {
  const pkg = await repo.findPackageOfCase(db, fir.id);
  if (!pkg) return {};
  const report = await repo.findReport(db, pkg.final_report_id);
  const court = await db.selectFrom('court').select(['name', 'name_hi']).where('id', '=', pkg.court_id).executeTakeFirst();
  const filedOn = istDate(pkg.created_at);
  const disposal = await repo.findDisposal(db, fir.id);
  // Only a case in appeal shows an appeal's result: a disposed case does not ask for one.
  const appeal = disposal && fir.stage === 'appealed' ? await repo.findLatestAppeal(db, fir.id) : undefined;
  let nextHearingDate: string | null = null;
  if (!disposal) {
    const last = await db
      .selectFrom('court_hearing')
      .select('hearing_date')
      .where('fir_id', '=', fir.id)
      .orderBy('recorded_at', 'desc')
      .orderBy('hearing_date', 'desc')
      .limit(1)
      .executeTakeFirst();
    nextHearingDate = last?.hearing_date ?? null;
  }
  return {
    chargeSheetDate: report?.kind === 'charge_sheet' ? filedOn : null,
    finalReportDate: report?.kind === 'closure' ? filedOn : null,
    court: court ? { name: court.name, nameHi: court.name_hi } : null,
    nextHearingDate,
    ...(disposal ? { result: disposal.result } : {}),
    ...(appeal ? { appealResult: appeal.result } : {}),
  };
};

let registered = false;
/** Registers the hooks and the facts provider (once per process). */
export function registerProsecutionHooks(): void {
  if (registered) return;
  registered = true;
  onBeforeTransition('submit_final_report', beforeSubmit);
  onBeforeTransition('approve_final_report', beforeApprove);
  onAfterTransition(after);
  addCaseStatusFacts(prosecutionFacts);
}

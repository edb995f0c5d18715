/**
 * The case workflow: ONE table of the stages a case (an FIR after registration) passes
 * through, the moves allowed from each, and who may make each move. The server enforces it
 * (`transition()` in transition.ts); the web app draws its buttons from it (`allowedActions`).
 *
 * Shared by the server and the browser: keep this file free of server-only imports (no node:,
 * no database, no errors module). Types only from policy/roles.
 *
 * The case id is the FIR id. The stage itself is kept in fir_status.stage (the firs module's
 * row, read by the public case status); the final report's sub-state and the designated IO in
 * case_state (migration 0040).
 */
import type { Role } from '../../policy/roles.js';

export const CASE_STAGES = [
  'registered',
  'under_investigation',
  'final_report_submitted',
  'accepted_by_court',
  'under_trial',
  'disposed',
  'appealed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/**
 * Sub-states of `final_report_submitted`: the IO has submitted the final report and it waits
 * for the SHO (`awaiting_sho_approval`), or the SHO approved it and it went to the court
 * (`approved`). The prosecution module owns the final report record (IIF-5); the moves are here.
 */
export const CASE_SUBSTATES = ['awaiting_sho_approval', 'approved'] as const;
export type CaseSubstate = (typeof CASE_SUBSTATES)[number];

export const CASE_ACTIONS = [
  'assign_io',
  'reassign_io',
  'submit_final_report',
  'approve_final_report',
  'return_final_report',
  'accept_final_report',
  'commence_trial',
  'record_disposal',
  'record_appeal',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Who makes a move: a role in relation to the case, not a role alone. `sho`: the SHO of the
 * case's station. `designated_io`: the IO the SHO assigned to this very case (CAG, Odisha 2025:
 * charge sheets by officers who were not the designated IO). `court`: the court side
 * (the court clerk screen or the court machine API of the prosecution module).
 */
export type WorkflowParty = 'sho' | 'designated_io' | 'court';

export interface Bilingual {
  en: string;
  hi: string;
}

export interface Move {
  /** The stage after the move (may equal the current one: a change of IO or of sub-state). */
  to: CaseStage;
  by: readonly WorkflowParty[];
  /** The move is possible only in this sub-state (null: only when there is none). Absent: any. */
  whenSubstate?: CaseSubstate | null;
  /** The sub-state after the move (null clears it). Absent: cleared. */
  setsSubstate?: CaseSubstate | null;
  /** Whether the move needs a reason in words (kept with the transition). */
  reason?: 'required' | 'optional';
  label: Bilingual;
  /** The law or rule behind the move, shown beside the button (basisHi: in Hindi). */
  basis?: string;
  basisHi?: string;
}

export interface StageDef {
  label: Bilingual;
  description: Bilingual;
  /** The investigation records (diary, statements, arrests, seizures …) may be written at this stage. */
  investigationOpen: boolean;
  moves: Partial<Record<CaseAction, Move>>;
}

export const CASE_WORKFLOW = {
  registered: {
    label: { en: 'Registered', hi: 'पंजीकृत' },
    description: { en: 'FIR registered; no investigating officer yet.', hi: 'एफआईआर पंजीकृत; अभी विवेचक नियुक्त नहीं।' },
    investigationOpen: false,
    moves: {
      assign_io: {
        to: 'under_investigation',
        by: ['sho'],
        reason: 'optional',
        label: { en: 'Assign investigating officer', hi: 'विवेचक नियुक्त करें' },
        basis: 'BNSS 176: the officer in charge of the station deputes a subordinate officer to investigate.',
        basisHi: 'बीएनएसएस 176: थाने का भारसाधक अधिकारी विवेचना हेतु अधीनस्थ अधिकारी को प्रतिनियुक्त करता है।',
      },
    },
  },
  under_investigation: {
    label: { en: 'Under investigation', hi: 'विवेचनाधीन' },
    description: { en: 'The designated IO investigates and keeps the case diary.', hi: 'नियुक्त विवेचक विवेचना करता है और केस डायरी रखता है।' },
    investigationOpen: true,
    moves: {
      reassign_io: {
        to: 'under_investigation',
        by: ['sho'],
        reason: 'required',
        label: { en: 'Reassign investigating officer', hi: 'विवेचक बदलें' },
        basis: 'A change of IO is recorded with its reason, so the chain of responsibility stays visible.',
        basisHi: 'विवेचक का परिवर्तन कारण सहित दर्ज होता है, ताकि उत्तरदायित्व की श्रृंखला स्पष्ट रहे।',
      },
      submit_final_report: {
        to: 'final_report_submitted',
        by: ['designated_io'],
        setsSubstate: 'awaiting_sho_approval',
        label: { en: 'Submit final report to SHO', hi: 'अंतिम प्रतिवेदन थाना प्रभारी को प्रस्तुत करें' },
        basis:
          'BNSS 193(3): the final report (charge sheet or closure) on completion of the investigation; only the designated IO submits it.',
        basisHi: 'बीएनएसएस 193(3): विवेचना पूर्ण होने पर अंतिम प्रतिवेदन (आरोप पत्र या खात्मा); केवल नियुक्त विवेचक प्रस्तुत करता है।',
      },
    },
  },
  final_report_submitted: {
    label: { en: 'Final report submitted', hi: 'अंतिम प्रतिवेदन प्रस्तुत' },
    description: {
      en: 'Charge sheet or closure report submitted: awaiting the SHO’s approval, then with the court.',
      hi: 'आरोप पत्र या खात्मा/खारिजी प्रतिवेदन प्रस्तुत: थाना प्रभारी के अनुमोदन की प्रतीक्षा, फिर न्यायालय में।',
    },
    investigationOpen: false,
    moves: {
      approve_final_report: {
        to: 'final_report_submitted',
        by: ['sho'],
        whenSubstate: 'awaiting_sho_approval',
        setsSubstate: 'approved',
        label: { en: 'Approve and forward to court', hi: 'अनुमोदित कर न्यायालय भेजें' },
        basis: 'BNSS 193(3)(i): the officer in charge forwards the report to the Magistrate.',
        basisHi: 'बीएनएसएस 193(3)(i): थाने का भारसाधक अधिकारी प्रतिवेदन मजिस्ट्रेट को भेजता है।',
      },
      return_final_report: {
        to: 'under_investigation',
        by: ['sho'],
        whenSubstate: 'awaiting_sho_approval',
        reason: 'required',
        label: { en: 'Return to IO for further investigation', hi: 'आगे की विवेचना हेतु विवेचक को लौटाएं' },
      },
      accept_final_report: {
        to: 'accepted_by_court',
        by: ['court'],
        whenSubstate: 'approved',
        label: { en: 'Court accepts the final report', hi: 'न्यायालय ने अंतिम प्रतिवेदन स्वीकार किया' },
      },
    },
  },
  accepted_by_court: {
    label: { en: 'Accepted by court', hi: 'न्यायालय द्वारा स्वीकृत' },
    description: { en: 'The court has taken the final report on file.', hi: 'न्यायालय ने अंतिम प्रतिवेदन अभिलेख पर लिया।' },
    investigationOpen: false,
    moves: {
      commence_trial: {
        to: 'under_trial',
        by: ['court'],
        label: { en: 'Trial commenced', hi: 'विचारण प्रारंभ' },
      },
      record_disposal: {
        to: 'disposed',
        by: ['court'],
        label: { en: 'Record disposal (IIF-6)', hi: 'निस्तारण दर्ज करें (आईआईएफ-6)' },
        basis: 'A closure report accepted, or a discharge, disposes of the case without a trial.',
        basisHi: 'स्वीकृत खात्मा प्रतिवेदन या उन्मोचन से प्रकरण बिना विचारण के निस्तारित होता है।',
      },
    },
  },
  under_trial: {
    label: { en: 'Under trial', hi: 'विचाराधीन' },
    description: { en: 'The court is trying the case.', hi: 'न्यायालय में विचारण चल रहा है।' },
    investigationOpen: false,
    moves: {
      record_disposal: {
        to: 'disposed',
        by: ['court'],
        label: { en: 'Record disposal (IIF-6)', hi: 'निस्तारण दर्ज करें (आईआईएफ-6)' },
      },
    },
  },
  disposed: {
    label: { en: 'Disposed', hi: 'निस्तारित' },
    description: { en: 'The court has decided the case.', hi: 'न्यायालय ने प्रकरण का निर्णय कर दिया।' },
    investigationOpen: false,
    moves: {
      record_appeal: {
        to: 'appealed',
        by: ['court'],
        label: { en: 'Record appeal (IIF-7)', hi: 'अपील दर्ज करें (आईआईएफ-7)' },
      },
    },
  },
  appealed: {
    label: { en: 'Appealed', hi: 'अपील में' },
    description: { en: 'An appeal against the judgment is pending or decided.', hi: 'निर्णय के विरुद्ध अपील लंबित या निर्णीत।' },
    investigationOpen: false,
    moves: {
      record_appeal: {
        to: 'appealed',
        by: ['court'],
        label: { en: 'Record further appeal (IIF-7)', hi: 'आगे की अपील दर्ज करें (आईआईएफ-7)' },
      },
    },
  },
} as const satisfies Record<CaseStage, StageDef>;

export const SUBSTATE_LABELS = {
  awaiting_sho_approval: { en: 'Awaiting SHO approval', hi: 'थाना प्रभारी के अनुमोदन की प्रतीक्षा' },
  approved: { en: 'Approved; sent to court', hi: 'अनुमोदित; न्यायालय भेजा गया' },
} as const satisfies Record<CaseSubstate, Bilingual>;

export const isCaseStage = (s: string): s is CaseStage => (CASE_STAGES as readonly string[]).includes(s);
export const isCaseAction = (s: string): s is CaseAction => (CASE_ACTIONS as readonly string[]).includes(s);

/** The moves of a stage, typed loosely for lookups by name. */
export function movesOf(stage: CaseStage): Partial<Record<CaseAction, Move>> {
  return (CASE_WORKFLOW as Record<CaseStage, StageDef>)[stage].moves;
}

/** The parties a user is, for a case: the SHO of the case's station, its designated IO, the court. */
export function partiesOf(role: Role, isDesignatedIo: boolean): WorkflowParty[] {
  const out: WorkflowParty[] = [];
  if (role === 'sho') out.push('sho');
  if (role === 'io' && isDesignatedIo) out.push('designated_io');
  if (role === 'court') out.push('court');
  return out;
}

export type MoveCheck = { ok: true; move: Move } | { ok: false; why: 'no_such_move' | 'wrong_substate' | 'not_your_move'; move?: Move };

/** Whether `action` may be made at `stage` (and `substate`) by a party among `parties`. Pure. */
export function checkMove(
  stage: CaseStage,
  substate: CaseSubstate | null,
  action: CaseAction,
  parties: readonly WorkflowParty[],
): MoveCheck {
  const move = movesOf(stage)[action];
  if (!move) return { ok: false, why: 'no_such_move' };
  if (move.whenSubstate !== undefined && move.whenSubstate !== substate) return { ok: false, why: 'wrong_substate', move };
  if (!move.by.some((p) => parties.includes(p))) return { ok: false, why: 'not_your_move', move };
  return { ok: true, move };
}

/**
 * The actions a user may take on a case at `stage`, for the web app's buttons. `role` is the
 * user's role; `isDesignatedIo` whether they are this case's designated IO; `substate` the
 * final report's sub-state when the stage is final_report_submitted (without it, moves that
 * need a sub-state are not offered).
 */
export function allowedActions(stage: CaseStage, role: Role, isDesignatedIo: boolean, substate: CaseSubstate | null = null): CaseAction[] {
  const parties = partiesOf(role, isDesignatedIo);
  return (Object.keys(movesOf(stage)) as CaseAction[]).filter((a) => checkMove(stage, substate, a, parties).ok);
}

/** Every stage from which `action` is possible (for error messages: "possible only when …"). */
export function stagesAllowing(action: CaseAction): CaseStage[] {
  return CASE_STAGES.filter((s) => !!movesOf(s)[action]);
}

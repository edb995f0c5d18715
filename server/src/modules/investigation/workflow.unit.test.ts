import { describe, expect, it } from 'vitest';
import { CUSTODY_MOVES, ITEM_LOCATIONS, movesFrom } from './custody.js';
import { allowedActions, CASE_STAGES, CASE_WORKFLOW, checkMove, isCaseStage, movesOf, type CaseAction } from './workflow.js';

describe('the workflow table', () => {
  it('has every stage, and every move leads to a stage', () => {
    expect(Object.keys(CASE_WORKFLOW).sort()).toEqual([...CASE_STAGES].sort());
    for (const s of CASE_STAGES) for (const m of Object.values(movesOf(s))) expect(isCaseStage(m!.to)).toBe(true);
  });

  it('runs registered → under investigation → final report → court → trial → disposed → appealed', () => {
    const path: [string, CaseAction][] = [
      ['registered', 'assign_io'],
      ['under_investigation', 'submit_final_report'],
      ['final_report_submitted', 'approve_final_report'],
      ['final_report_submitted', 'accept_final_report'],
      ['accepted_by_court', 'commence_trial'],
      ['under_trial', 'record_disposal'],
      ['disposed', 'record_appeal'],
    ];
    let substate: 'awaiting_sho_approval' | 'approved' | null = null;
    const reached: string[] = [];
    for (const [stage, action] of path) {
      const m = movesOf(stage as never)[action]!;
      const parties = m.by;
      const ok = checkMove(stage as never, substate, action, parties);
      expect(ok.ok, `${stage} ${action}`).toBe(true);
      substate = m.setsSubstate ?? null;
      reached.push(m.to);
    }
    expect(reached.at(-1)).toBe('appealed');
  });

  it('draws each role’s buttons: only the designated IO submits, only the SHO approves, only the court accepts', () => {
    expect(allowedActions('registered', 'sho', false)).toEqual(['assign_io']);
    expect(allowedActions('registered', 'io', true)).toEqual([]);
    expect(allowedActions('under_investigation', 'io', true)).toEqual(['submit_final_report']);
    expect(allowedActions('under_investigation', 'io', false)).toEqual([]);
    expect(allowedActions('under_investigation', 'sho', false)).toEqual(['reassign_io']);
    expect(allowedActions('under_investigation', 'sdpo', false)).toEqual([]);
    expect(allowedActions('final_report_submitted', 'sho', false, 'awaiting_sho_approval')).toEqual([
      'approve_final_report',
      'return_final_report',
    ]);
    expect(allowedActions('final_report_submitted', 'sho', false, 'approved')).toEqual([]);
    expect(allowedActions('final_report_submitted', 'court', false, 'approved')).toEqual(['accept_final_report']);
    expect(allowedActions('final_report_submitted', 'court', false, 'awaiting_sho_approval')).toEqual([]);
    expect(allowedActions('under_trial', 'court', false)).toEqual(['record_disposal']);
    expect(allowedActions('disposed', 'sho', false)).toEqual([]);
  });

  it('tells a move that does not exist from one that is not the caller’s', () => {
    expect(checkMove('registered', null, 'submit_final_report', ['designated_io'])).toEqual({ ok: false, why: 'no_such_move' });
    expect(checkMove('under_investigation', null, 'submit_final_report', ['sho']).ok).toBe(false);
    expect((checkMove('under_investigation', null, 'submit_final_report', ['sho']) as { why: string }).why).toBe('not_your_move');
    expect((checkMove('final_report_submitted', 'approved', 'approve_final_report', ['sho']) as { why: string }).why).toBe(
      'wrong_substate',
    );
  });

  it('keeps every move bilingual', () => {
    for (const s of CASE_STAGES) {
      expect(CASE_WORKFLOW[s].label.hi).not.toBe('');
      for (const m of Object.values(movesOf(s))) expect(m!.label.hi.length).toBeGreaterThan(0);
    }
  });
});

describe('the custody table', () => {
  it('offers from each place only the moves that start there; released and destroyed are final', () => {
    expect(movesFrom('seized')).toEqual(['malkhana_deposit']);
    expect(movesFrom('malkhana')).toEqual(['sent_to_fsl', 'sent_to_court', 'released_to_owner', 'destroyed']);
    expect(movesFrom('fsl')).toEqual(['returned_from_fsl']);
    expect(movesFrom('released')).toEqual([]);
    expect(movesFrom('destroyed')).toEqual([]);
    for (const m of Object.values(CUSTODY_MOVES)) expect(ITEM_LOCATIONS).toContain(m.to);
  });
});

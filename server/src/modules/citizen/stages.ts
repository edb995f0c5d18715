import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { findFir, type FirRecord } from '../firs/service.js';
import { citizensOfFir } from '../complaints/repository.js';
import { notifyPerson, type Notice } from '../notify/service.js';
import { istDay } from '../complaints/messages.js';
import { CASE_STAGES } from '../investigation/workflow.js';

/**
 * The stages of a case as the public and the informant see them, and the stage history that
 * the citizen's "My FIRs" shows. Other modules move an FIR's stage (fir_status.stage) and call
 * `notifyStageChange` in the same transaction; it appends to the history and tells the
 * informant by SMS/e-mail through the outbox.
 *
 * The public words are the case workflow's stages (investigation/workflow.ts) said for a
 * citizen, plus two the workflow keeps as one stage: once the SHO has sent the final report to
 * the court, the public sees whether it was a charge sheet or a closure report (before that the
 * IO's report waits for the SHO, and the public sees only that a final report was submitted).
 */
export const PUBLIC_STAGES = [...CASE_STAGES, 'charge_sheeted', 'final_report_filed'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const STAGE_LABELS = {
  registered: { en: 'Registered', hi: 'पंजीकृत' },
  under_investigation: { en: 'Under investigation', hi: 'विवेचना जारी' },
  final_report_submitted: { en: 'Final report submitted', hi: 'अंतिम प्रतिवेदन प्रस्तुत' },
  charge_sheeted: { en: 'Charge sheet filed in court', hi: 'न्यायालय में आरोप पत्र दाखिल' },
  final_report_filed: { en: 'Closure report filed in court', hi: 'न्यायालय में अंतिम रिपोर्ट (खात्मा) दाखिल' },
  accepted_by_court: { en: 'Court has taken the report on file', hi: 'न्यायालय ने प्रतिवेदन पर संज्ञान लिया' },
  under_trial: { en: 'Under trial', hi: 'विचारण जारी' },
  disposed: { en: 'Decided by the court', hi: 'न्यायालय द्वारा निर्णीत' },
  appealed: { en: 'In appeal', hi: 'अपील में' },
} as const satisfies Record<PublicStage, { en: string; hi: string }>;

export const isPublicStage = (s: string): s is PublicStage => (PUBLIC_STAGES as readonly string[]).includes(s);

/** A stage's labels; a stage another module adds later shows its own name until it is listed here. */
export function stageLabel(stage: string): { en: string; hi: string } {
  if (isPublicStage(stage)) return STAGE_LABELS[stage];
  const words = stage.replace(/_/g, ' ');
  return { en: words.charAt(0).toUpperCase() + words.slice(1), hi: words };
}

/**
 * The stage the public sees now: the workflow's stage, except that a final report the SHO has
 * sent to the court shows as what it is (the court-filing dates come from the prosecution
 * module's facts).
 */
export function publicStageOf(stage: string, facts: { chargeSheetDate?: string | null; finalReportDate?: string | null }): string {
  if (stage !== 'final_report_submitted') return stage;
  if (facts.chargeSheetDate) return 'charge_sheeted';
  if (facts.finalReportDate) return 'final_report_filed';
  return stage;
}

/** The court's results (the case's, IIF-6, and an appeal's, IIF-7) in words. */
export const RESULT_LABELS: Record<string, { en: string; hi: string }> = {
  convicted: { en: 'convicted', hi: 'दोषसिद्ध' },
  partly_convicted: { en: 'some accused convicted', hi: 'कुछ अभियुक्त दोषसिद्ध' },
  acquitted: { en: 'acquitted', hi: 'दोषमुक्त' },
  discharged: { en: 'discharged', hi: 'उन्मोचित' },
  compounded: { en: 'compounded (settled)', hi: 'राजीनामा (शमन)' },
  closure_accepted: { en: 'closure report accepted', hi: 'खात्मा रिपोर्ट स्वीकार' },
  pending: { en: 'appeal pending', hi: 'अपील लंबित' },
  allowed: { en: 'appeal allowed', hi: 'अपील स्वीकार' },
  dismissed: { en: 'appeal dismissed', hi: 'अपील खारिज' },
  partly_allowed: { en: 'appeal partly allowed', hi: 'अपील आंशिक रूप से स्वीकार' },
  remanded: { en: 'sent back to the trial court', hi: 'विचारण न्यायालय को प्रतिप्रेषित' },
  withdrawn: { en: 'appeal withdrawn', hi: 'अपील वापस ली गई' },
  abated: { en: 'abated', hi: 'उपशमित' },
};

export function resultLabel(result: string): { en: string; hi: string } {
  return RESULT_LABELS[result] ?? { en: result.replace(/_/g, ' '), hi: result.replace(/_/g, ' ') };
}

export interface CaseStageEventTable {
  id: string;
  fir_id: string;
  state_code: string;
  station_id: string;
  stage: string;
  result: string | null;
  at: ColumnType<Date, Date | string, never>;
  note: string | null;
  notified: boolean;
}

declare module '../../db/types.js' {
  interface Database {
    case_stage_event: CaseStageEventTable;
  }
}

/**
 * An FIR by id whatever the state's scope (for the informant's own views and the stage
 * history; never for a police read). Goes through the firs module's service.
 */
export async function findFirById(db: Kysely<Database>, firId: string): Promise<FirRecord | undefined> {
  const states = await db.selectFrom('state').select('code').orderBy('code').execute();
  for (const s of states) {
    const r = await findFir(db, { level: 'state', stateCode: s.code }, firId);
    if (r) return r;
  }
  return undefined;
}

function stageNotice(fir: FirRecord, stage: string, result: string | null): Notice {
  const l = stageLabel(stage);
  const what = `FIR No. ${fir.fir_number} of PS ${fir.station_name}`;
  const whatHi = `थाना ${fir.station_name_hi} की एफआईआर संख्या ${fir.fir_number}`;
  const r = result ? resultLabel(result) : null;
  const res = r ? ` (${r.en})` : '';
  const resHi = r ? ` (${r.hi})` : '';
  const copyEn =
    stage === 'registered' ? ' A free copy of the FIR (BNSS 173(2)) can be downloaded under "My FIRs" on the citizen portal.' : '';
  const copyHi = stage === 'registered' ? ' एफआईआर की निःशुल्क प्रति (बीएनएसएस 173(2)) नागरिक पोर्टल पर "मेरी एफआईआर" में डाउनलोड करें।' : '';
  return {
    kind: stage === 'registered' ? 'fir_registered' : 'case_stage_change',
    subject: `${what}: ${l.en} / ${whatHi}: ${l.hi}`,
    emailText: [
      `${what}: ${l.en}${res}, on ${istDay(fir.stage_changed_at)}.${copyEn}`,
      'Check the case status any time under "My FIRs" or on the public case status page. Do not reply to this message.',
      '',
      `${whatHi}: ${l.hi}${resHi}।${copyHi}`,
      'मामले की स्थिति "मेरी एफआईआर" या सार्वजनिक मामला स्थिति पृष्ठ पर देखें। इस संदेश का उत्तर न दें।',
    ].join('\n'),
    smsText: `CCTNS: FIR ${fir.fir_number} PS ${fir.station_name}: ${l.en}${res}.${stage === 'registered' ? ' FIR copy: My FIRs on the citizen portal.' : ''} / ${l.hi}${resHi}`,
  };
}

export interface StageChangeOptions {
  /** When the stage changed; defaults to opts.clock.now(), else the FIR's stage_changed_at. */
  at?: Date;
  clock?: Clock;
  /** For 'disposed': the result (convicted, acquitted, ...). */
  result?: string;
  note?: string;
}

/**
 * Records that an FIR reached `newStage` and tells its informant(s) — the citizens whose
 * complaints it was registered from — by SMS and e-mail, through the outbox, in the caller's
 * transaction (so the message exists exactly when the change does). Call it in the transaction
 * that moves fir_status.stage. Calling it again with the stage the history already ends on does
 * nothing. Returns whether a history row was written and how many people were told.
 * Throws nothing for an unknown FIR (returns recorded: false), so a caller's change never fails
 * on a notice.
 */
export async function notifyStageChange(
  trx: Kysely<Database>,
  firId: string,
  newStage: string,
  opts: StageChangeOptions = {},
): Promise<{ recorded: boolean; notified: number }> {
  const fir = await findFirById(trx, firId);
  if (!fir) return { recorded: false, notified: 0 };
  const last = await trx
    .selectFrom('case_stage_event')
    .select(['stage', 'result'])
    .where('fir_id', '=', firId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const result = opts.result ?? null;
  if (last && last.stage === newStage && (last.result ?? null) === result) return { recorded: false, notified: 0 };
  const at = opts.at ?? opts.clock?.now() ?? fir.stage_changed_at;
  const people = await citizensOfFir(trx, firId);
  const clock: Clock = opts.clock ?? { now: () => at };
  let notified = 0;
  const notice = stageNotice({ ...fir, stage_changed_at: at }, newStage, result);
  for (const p of people) {
    const used = await notifyPerson(trx, clock, { stateCode: p.state_code, email: p.email, mobile: p.mobile }, notice);
    if (used.length) notified++;
  }
  await trx
    .insertInto('case_stage_event')
    .values({
      id: newId(),
      fir_id: firId,
      state_code: fir.state_code,
      station_id: fir.station_id,
      stage: newStage,
      result,
      at,
      note: opts.note ?? null,
      notified: notified > 0,
    })
    .execute();
  return { recorded: true, notified };
}

/**
 * The stage history of an FIR, oldest first. An FIR registered before anyone recorded its
 * stages starts with 'registered' at its registration time.
 */
export async function stageHistory(db: Kysely<Database>, fir: Pick<FirRecord, 'id' | 'registered_at' | 'stage' | 'stage_changed_at'>) {
  const rows = await db
    .selectFrom('case_stage_event')
    .select(['stage', 'result', 'at', 'note'])
    .where('fir_id', '=', fir.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const items = rows.map((r) => ({ stage: r.stage, result: r.result, at: r.at, note: r.note }));
  if (!items.some((i) => i.stage === 'registered')) items.unshift({ stage: 'registered', result: null, at: fir.registered_at, note: null });
  const lastStage = items[items.length - 1]?.stage;
  const filed = lastStage === 'charge_sheeted' || lastStage === 'final_report_filed';
  // A stage moved without a notice still shows, at the time fir_status says it changed.
  if (lastStage !== fir.stage && !(filed && fir.stage === 'final_report_submitted'))
    items.push({ stage: fir.stage, result: null, at: fir.stage_changed_at, note: null });
  return items.map((i) => {
    const l = stageLabel(i.stage);
    const r = i.result ? resultLabel(i.result) : null;
    return { ...i, labelEn: l.en, labelHi: l.hi, resultLabelEn: r?.en ?? null, resultLabelHi: r?.hi ?? null };
  });
}

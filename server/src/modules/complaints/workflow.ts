import type { Action } from '../../policy/index.js';

/**
 * The life of a complaint, in one table: its statuses, the actions the station can take in
 * each, and the policy action each needs. The server enforces it (service.ts) and the web app
 * draws the inbox buttons from the same table (GET /api/v1/complaints/:id answers `actions`).
 *
 *   submitted ──register_fir──▶ fir_registered
 *       │  ├──record_ncr──────▶ ncr_recorded          (BNSS 174: non-cognizable)
 *       │  ├──close───────────▶ closed                 (reason shown to the citizen)
 *       │  ├──transfer────────▶ submitted (another station's inbox)
 *       │  ├──sign────────────▶ submitted (e-FIR signed at the station, BNSS 173(1)(ii))
 *       │  └──open_enquiry────▶ preliminary_enquiry    (BNSS 173(3), awaiting SDPO approval)
 *   preliminary_enquiry ──decide_enquiry (SDPO)──▶ approved: 14-day clock | refused: submitted
 *       ├──register_fir──▶ fir_registered  (a prima facie case)
 *       └──close─────────▶ closed          (no prima facie case; reason shown)
 *
 * A missing child (under 18 when last seen) is registered as an FIR or transferred, nothing
 * else: MISSING_CHILD_BARRED lists what the table's other actions lose for it.
 */
export const COMPLAINT_STATUSES = ['submitted', 'preliminary_enquiry', 'fir_registered', 'ncr_recorded', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = ['register_fir', 'record_ncr', 'open_enquiry', 'decide_enquiry', 'transfer', 'close', 'sign'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** The policy action (server/src/policy) each complaint action needs. */
export const ACTION_PERMISSION = {
  register_fir: 'complaint.act',
  record_ncr: 'complaint.act',
  open_enquiry: 'complaint.act',
  decide_enquiry: 'complaint.approve_enquiry',
  transfer: 'complaint.act',
  close: 'complaint.act',
  sign: 'complaint.act',
} as const satisfies Record<ComplaintAction, Action>;

interface StatusRule {
  /** Still waiting for the station: shown in the inbox. */
  open: boolean;
  labelEn: string;
  labelHi: string;
  actions: readonly ComplaintAction[];
}

export const WORKFLOW = {
  submitted: {
    open: true,
    labelEn: 'Received at the police station',
    labelHi: 'थाने में प्राप्त',
    actions: ['register_fir', 'record_ncr', 'open_enquiry', 'transfer', 'close', 'sign'],
  },
  preliminary_enquiry: {
    open: true,
    labelEn: 'Preliminary enquiry',
    labelHi: 'प्रारंभिक जांच',
    actions: ['decide_enquiry', 'register_fir', 'close'],
  },
  fir_registered: { open: false, labelEn: 'FIR registered', labelHi: 'एफआईआर दर्ज', actions: [] },
  ncr_recorded: { open: false, labelEn: 'Non-cognizable report recorded', labelHi: 'असंज्ञेय रिपोर्ट दर्ज', actions: [] },
  closed: { open: false, labelEn: 'Closed', labelHi: 'बंद', actions: [] },
} as const satisfies Record<ComplaintStatus, StatusRule>;

export const OPEN_STATUSES = COMPLAINT_STATUSES.filter((s) => WORKFLOW[s].open);

/**
 * Bachpan Bachao Andolan v. Union of India (2013): every complaint of a missing child is
 * registered as an FIR, presumed kidnapping or trafficking until the investigation finds
 * otherwise. So a missing child's complaint is never closed, recorded as non-cognizable or held
 * in a preliminary enquiry; the station registers it or sends it to the station that has
 * jurisdiction.
 */
export const MISSING_CHILD_BARRED = ['record_ncr', 'open_enquiry', 'close'] as const satisfies readonly ComplaintAction[];

export interface ActionState {
  status: ComplaintStatus;
  efir: boolean;
  efirSignedAt: Date | null;
  peState: 'awaiting_approval' | 'approved' | 'refused' | null;
  /** A complaint of a missing person under 18 when last seen. */
  missingChild?: boolean;
}

/**
 * The actions the table allows on a complaint in its present state, refined by the sub-state:
 * an e-FIR is signed once; an enquiry is decided once, and closed on only once approved; a
 * missing child's complaint is only registered or transferred (MISSING_CHILD_BARRED).
 */
export function allowedActions(c: ActionState): ComplaintAction[] {
  return WORKFLOW[c.status].actions.filter((a) => {
    if (c.missingChild && (MISSING_CHILD_BARRED as readonly ComplaintAction[]).includes(a)) return false;
    if (a === 'sign') return c.efir && !c.efirSignedAt;
    if (a === 'decide_enquiry') return c.peState === 'awaiting_approval';
    // Registering an FIR is always open (it is mandatory for a cognizable offence); closing
    // after an enquiry needs the enquiry to have been permitted and held.
    if (c.status === 'preliminary_enquiry' && a === 'close') return c.peState === 'approved';
    return true;
  });
}

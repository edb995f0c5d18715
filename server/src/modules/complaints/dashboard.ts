import type { AuthContext, Deps } from '../../http/types.js';
import { can } from '../../policy/index.js';
import { complaintCounts, countOwnOpen } from './repository.js';

/**
 * The complaint counts on the dashboard, for the caller's scope: complaints waiting at the
 * station(s), e-FIRs awaiting the informant's signature (and those past the 3 days of BNSS
 * 173(1)(ii)), preliminary enquiries awaiting the SDPO's permission, due within 2 days, and
 * past their 14 days (BNSS 173(3)). A citizen sees how many of their own complaints are open.
 */
export async function complaintsDashboard(deps: Deps, auth: AuthContext): Promise<Record<string, number>> {
  const db = deps.db.kysely;
  if (can(auth.user.role, 'citizen.own_cases')) return { myOpenComplaints: await countOwnOpen(db, auth.user.id) };
  if (!can(auth.user.role, 'complaint.read_station')) return {};
  const c = await complaintCounts(db, auth.scope, deps.clock.now());
  return {
    complaintsWaiting: c.waiting,
    efirsAwaitingSignature: c.efirUnsigned,
    efirsSignatureOverdue: c.efirOverdue,
    enquiriesAwaitingApproval: c.peAwaiting,
    enquiriesDue: c.peDue,
    enquiriesOverdue: c.peOverdue,
  };
}

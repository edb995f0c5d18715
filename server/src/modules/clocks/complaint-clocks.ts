import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { AuthContext } from '../../http/types.js';
import { can } from '../../policy/index.js';
import { inbox } from '../complaints/service.js';
import { clockStatus } from './engine.js';

/**
 * The registration issue's clocks, read from the complaints module (its service, not its
 * tables): an e-FIR must be signed by the informant within 3 days (BNSS 173(1)(ii)), and an
 * approved preliminary enquiry completed within 14 days (BNSS 173(3)). They belong to a
 * complaint, before any FIR, so they are listed beside the case clocks, not stored with them.
 */
export async function complaintClocks(db: Kysely<Database>, auth: AuthContext, now: Date, due?: '7d' | 'overdue') {
  if (!can(auth.user.role, 'complaint.read_station')) return [];
  // Every complaint with a running clock, page by page: none may drop off a busy station's list.
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await inbox(db, auth, { status: 'open', clocked: true, page, pageSize: 500 });
    rows.push(...r.rows);
    if (r.rows.length < 500) break;
  }
  const out = [];
  for (const r of rows) {
    if (r.efir && !r.efir_signed_at && r.status === 'submitted' && r.efir_sign_due_at)
      out.push({
        complaintId: r.id,
        ackNumber: r.ack_number,
        stationId: r.station_id,
        stationCode: r.station_code,
        kind: 'efir_signature_3d' as const,
        label: 'Informant to sign the e-FIR (3 days)',
        labelHi: 'सूचनाकर्ता द्वारा ई-एफआईआर पर हस्ताक्षर (3 दिन)',
        startedAt: r.submitted_at,
        dueAt: r.efir_sign_due_at,
        status: clockStatus({ dueAt: r.efir_sign_due_at, stoppedAt: null }, now),
        basis:
          'BNSS 173(1)(ii): information given by electronic communication is taken on record on being signed within three days by the person giving it.',
        basisHi: 'बीएनएसएस 173(1)(ii): इलेक्ट्रॉनिक माध्यम से दी गई सूचना, देने वाले व्यक्ति द्वारा तीन दिन के भीतर हस्ताक्षर करने पर अभिलेख पर ली जाती है।',
      });
    if (r.status === 'preliminary_enquiry' && r.pe_state === 'approved' && r.pe_due_at)
      out.push({
        complaintId: r.id,
        ackNumber: r.ack_number,
        stationId: r.station_id,
        stationCode: r.station_code,
        kind: 'preliminary_enquiry_14d' as const,
        label: 'Complete the preliminary enquiry (14 days)',
        labelHi: 'प्रारंभिक जांच पूर्ण करें (14 दिन)',
        startedAt: r.pe_decided_at ?? r.submitted_at,
        dueAt: r.pe_due_at,
        status: clockStatus({ dueAt: r.pe_due_at, stoppedAt: null }, now),
        basis:
          'BNSS 173(3): for an offence punishable with three years or more but less than seven, a preliminary enquiry with the permission of a DSP-rank officer, completed within fourteen days.',
        basisHi: 'बीएनएसएस 173(3): तीन वर्ष या अधिक किंतु सात वर्ष से कम दंडनीय अपराध में उप पुलिस अधीक्षक की अनुमति से प्रारंभिक जांच, चौदह दिन में पूर्ण।',
      });
  }
  const soon = now.getTime() + 7 * 86_400_000;
  return out
    .filter((c) =>
      due === 'overdue'
        ? c.dueAt.getTime() < now.getTime()
        : due === '7d'
          ? c.dueAt.getTime() >= now.getTime() && c.dueAt.getTime() <= soon
          : true,
    )
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { EfirClock, EnquiryClock } from './types.ts';

/** The e-FIR signature clock (BNSS 173(1)(ii), 3 days) and the enquiry clock (BNSS 173(3), 14 days) as badges. */
export function ClockBadges({ efir, enquiry }: { efir: EfirClock | null; enquiry: EnquiryClock | null }) {
  const { t, lang } = useT();
  return (
    <>
      {efir && !efir.signedAt && (
        <span
          className={efir.overdue ? 'badge badge-bad' : 'badge badge-warn'}
          title={efir.signDueAt ? formatDateTime(efir.signDueAt, lang) : undefined}
        >
          {efir.overdue ? t('complaints.clock.efir_overdue') : t('complaints.clock.efir_hours', { hours: efir.hoursLeft ?? 0 })}
        </span>
      )}
      {efir?.signedAt && <span className="badge badge-ok">{t('complaints.clock.efir_signed')}</span>}
      {enquiry?.state === 'awaiting_approval' && <span className="badge badge-warn">{t('complaints.clock.pe_awaiting')}</span>}
      {enquiry?.state === 'approved' && enquiry.daysLeft !== null && (
        <span className={enquiry.overdue ? 'badge badge-bad' : 'badge badge-warn'}>
          {enquiry.overdue ? t('complaints.clock.pe_overdue') : t('complaints.clock.pe_days', { days: enquiry.daysLeft })}
        </span>
      )}
    </>
  );
}

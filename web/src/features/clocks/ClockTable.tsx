import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { ClockItem, ComplaintClockItem } from './types.ts';

const BADGE: Record<ClockItem['status'], string> = {
  overdue: 'badge badge-bad',
  missed: 'badge badge-bad',
  due_soon: 'badge badge-warn',
  running: 'badge badge-neutral',
  met: 'badge badge-ok',
  required: 'badge badge-warn',
};

/** How far a due time is from now, in words: "in 5 h", "3 days late". */
export function dueIn(t: (k: string, v?: Record<string, string | number>) => string, dueAt: string, now = Date.now()): string {
  const ms = new Date(dueAt).getTime() - now;
  const abs = Math.abs(ms);
  const hours = Math.round(abs / 3_600_000);
  const amount = hours < 48 ? t('clocks.hours', { n: Math.max(hours, 0) }) : t('clocks.days', { n: Math.round(abs / 86_400_000) });
  return ms >= 0 ? t('clocks.due_in', { when: amount }) : t('clocks.late_by', { when: amount });
}

export function ClockBadge({ status }: { status: ClockItem['status'] }) {
  const { t } = useT();
  return <span className={BADGE[status]}>{t(`clocks.status.${status}`)}</span>;
}

/**
 * Statutory clocks as a table, worst first as the server sends them: what, for whom, by when,
 * the status, and the legal basis (opened on demand). `withCase` adds the case column.
 */
export function ClockTable({ items, withCase = true, caption }: { items: ClockItem[]; withCase?: boolean; caption: string }) {
  const { t, lang } = useT();
  if (!items.length) return <p role="status">{t('clocks.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-stack" data-testid="clock-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {withCase && <th scope="col">{t('clocks.col.case')}</th>}
            <th scope="col">{t('clocks.col.what')}</th>
            <th scope="col">{t('clocks.col.due')}</th>
            <th scope="col">{t('clocks.col.status')}</th>
            <th scope="col">{t('clocks.col.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-clock={c.kind}>
              {withCase && (
                <td data-label={t('clocks.col.case')}>
                  <Link to={`/cases/${c.caseId}`}>{c.firNumber}</Link>
                  {c.stationCode && <span className="muted"> · {c.stationCode}</span>}
                </td>
              )}
              <td data-label={t('clocks.col.what')}>
                {lang === 'hi' ? c.labelHi : c.label}
                {c.subject && <div className="muted">{c.subject}</div>}
              </td>
              <td data-label={t('clocks.col.due')} className="nowrap">
                {c.details?.statutoryPeriod === false ? (
                  // A requirement the law sets no period for (BNSS 176(3)): no date to be late against.
                  <>
                    {t('clocks.no_period')}
                    <div className="muted">{t('clocks.required_since', { when: formatDateTime(c.startedAt, lang) })}</div>
                  </>
                ) : (
                  <>
                    {formatDateTime(c.dueAt, lang)}
                    {!c.stoppedAt && <div className="muted">{dueIn(t, c.dueAt)}</div>}
                  </>
                )}
                {c.stoppedAt && <div className="muted">{t('clocks.stopped', { when: formatDateTime(c.stoppedAt, lang) })}</div>}
              </td>
              <td data-label={t('clocks.col.status')}>
                <ClockBadge status={c.status} />
                {c.details?.contested === true && (
                  <div className="muted">{t('clocks.contested', { days: String(c.details.alternativeDays ?? '') })}</div>
                )}
              </td>
              <td data-label={t('clocks.col.basis')}>
                <details>
                  <summary>{t('clocks.basis_show')}</summary>
                  <p lang={lang}>{lang === 'hi' ? c.basisHi : c.basis}</p>
                  {lang === 'hi' && (
                    <p lang="en" className="muted">
                      {c.basis}
                    </p>
                  )}
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The registration-stage clocks of complaints (e-FIR signature, preliminary enquiry). */
export function ComplaintClockTable({ items }: { items: ComplaintClockItem[] }) {
  const { t, lang } = useT();
  if (!items.length) return null;
  return (
    <section className="card" aria-labelledby="cc-title">
      <h2 id="cc-title">{t('clocks.complaints_title')}</h2>
      <div className="table-wrap">
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">{t('clocks.col.complaint')}</th>
              <th scope="col">{t('clocks.col.what')}</th>
              <th scope="col">{t('clocks.col.due')}</th>
              <th scope="col">{t('clocks.col.status')}</th>
              <th scope="col">{t('clocks.col.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={`${c.complaintId}:${c.kind}`}>
                <td data-label={t('clocks.col.complaint')}>
                  <Link to={`/complaints/${c.complaintId}`}>{c.ackNumber}</Link> <span className="muted">· {c.stationCode}</span>
                </td>
                <td data-label={t('clocks.col.what')}>{lang === 'hi' ? c.labelHi : c.label}</td>
                <td data-label={t('clocks.col.due')} className="nowrap">
                  {formatDateTime(c.dueAt, lang)}
                  <div className="muted">{dueIn(t, c.dueAt)}</div>
                </td>
                <td data-label={t('clocks.col.status')}>
                  <ClockBadge status={c.status} />
                </td>
                <td data-label={t('clocks.col.basis')}>
                  <details>
                    <summary>{t('clocks.basis_show')}</summary>
                    <p>{lang === 'hi' ? c.basisHi : c.basis}</p>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { ErrorAlert, Loading, Page, SelectField, CheckboxField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pick, statusBadge } from '../citizen/labels.ts';
import { ClockBadges } from './Clocks.tsx';
import type { InboxItem } from './types.ts';

const STATUSES = ['open', 'submitted', 'preliminary_enquiry', 'fir_registered', 'ncr_recorded', 'closed', 'all'] as const;

/**
 * The station's complaint inbox: complaints waiting for action, oldest first, with the e-FIR
 * signature clock (3 days) and the preliminary-enquiry clock (14 days) flagged.
 */
export default function InboxPage() {
  const { t, lang } = useT();
  const loc = useLocation();
  const status = loc.search.get('status') ?? 'open';
  const efir = loc.search.get('efir') === 'true';
  const list = useFetch<{ items: InboxItem[]; total: number }>(
    `/complaints${queryString({ status, efir: efir ? 'true' : undefined, pageSize: 200 })}`,
  );
  const go = (q: { status?: string; efir?: boolean }) =>
    navigate(`/complaints${queryString({ status: q.status ?? status, efir: (q.efir ?? efir) ? 'true' : undefined })}`);
  return (
    <Page title={t('complaints.inbox.title')}>
      <div className="panel filters" role="group" aria-label={t('complaints.inbox.filters')}>
        <SelectField id="ib-status" label={t('complaints.field.status')} value={status} onChange={(e) => go({ status: e.target.value })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`complaints.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          id="ib-efir"
          label={t('complaints.inbox.efir_only')}
          checked={efir}
          onChange={(e) => go({ efir: e.target.checked })}
        />
      </div>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('complaints.inbox.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('complaints.inbox.count', { n: list.data.total })}
          </p>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="sr-only">{t('complaints.inbox.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('complaints.field.ack')}</th>
                  <th scope="col">{t('complaints.field.kind')}</th>
                  <th scope="col">{t('complaints.field.received')}</th>
                  <th scope="col">{t('complaints.field.complainant')}</th>
                  <th scope="col">{t('complaints.field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id} className={c.efirClock?.overdue || c.enquiry?.overdue ? 'row-broken' : undefined}>
                    <td data-label={t('complaints.field.ack')}>
                      <Link to={`/complaints/${c.id}`}>{c.ackNumber}</Link>
                      <div className="muted">{pick(lang, c.station.name, c.station.nameHi)}</div>
                    </td>
                    <td data-label={t('complaints.field.kind')}>
                      {pick(lang, c.kindLabelEn, c.kindLabelHi)}
                      {c.efir && <> ({t('complaints.efir')})</>}
                    </td>
                    <td data-label={t('complaints.field.received')}>
                      {formatDateTime(c.submittedAt, lang)}
                      <div className="muted">{t('complaints.inbox.age', { hours: c.ageHours })}</div>
                    </td>
                    <td data-label={t('complaints.field.complainant')}>{c.complainantName ?? '—'}</td>
                    <td data-label={t('complaints.field.status')}>
                      <span className={statusBadge(c.status)}>{pick(lang, c.statusLabelEn, c.statusLabelHi)}</span>{' '}
                      <ClockBadges efir={c.efirClock} enquiry={c.enquiry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}

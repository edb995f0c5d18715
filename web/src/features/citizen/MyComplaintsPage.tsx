import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { ErrorAlert, Loading, Page } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pick, statusBadge } from './labels.ts';
import type { ComplaintItem } from './types.ts';

/** "My complaints": every complaint the citizen filed, newest first, with where it stands. */
export default function MyComplaintsPage() {
  const { t, lang } = useT();
  const list = useFetch<{ items: ComplaintItem[]; total: number }>('/citizen/complaints?pageSize=100');
  return (
    <Page
      title={t('citizen.mine.title')}
      actions={
        <Link to="/citizen/complaints/new" className="btn btn-primary">
          {t('citizen.mine.new')}
        </Link>
      }
    >
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('citizen.mine.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="sr-only">{t('citizen.mine.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizen.field.ack')}</th>
                <th scope="col">{t('citizen.field.kind')}</th>
                <th scope="col">{t('citizen.field.station')}</th>
                <th scope="col">{t('citizen.field.submitted')}</th>
                <th scope="col">{t('citizen.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('citizen.field.ack')}>
                    <Link to={`/citizen/complaints/${c.id}`}>{c.ackNumber}</Link>
                  </td>
                  <td data-label={t('citizen.field.kind')}>
                    {pick(lang, c.kindLabelEn, c.kindLabelHi)}
                    {c.efir && <span className="badge badge-neutral"> {t('citizen.efir')}</span>}
                  </td>
                  <td data-label={t('citizen.field.station')}>{pick(lang, c.station.name, c.station.nameHi)}</td>
                  <td data-label={t('citizen.field.submitted')}>{formatDateTime(c.submittedAt, lang)}</td>
                  <td data-label={t('citizen.field.status')}>
                    <span className={statusBadge(c.status)}>{pick(lang, c.statusLabelEn, c.statusLabelHi)}</span>
                    {c.fir && <span> · {t('citizen.fir_no', { number: c.fir.firNumber })}</span>}
                    {c.efirSignDueAt && (
                      <div className="muted">{t('citizen.sign_by', { when: formatDateTime(c.efirSignDueAt, lang) })}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

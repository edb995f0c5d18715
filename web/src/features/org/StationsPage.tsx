import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import { ErrorAlert, Loading, Page } from '../../components/ui.tsx';
import { formatNumber } from '../../lib/format.ts';
import { placeLabel, useStructure } from './structure.ts';

/** Police stations of the state, by district and sub-division. */
export default function StationsPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const { structure, error } = useStructure();
  const canManage = !!user && can(user.role, 'org.manage');

  return (
    <Page
      title={t('org.stations.title')}
      actions={
        canManage && (
          <Link to="/org/stations/new" className="btn btn-primary">
            {t('org.stations.new')}
          </Link>
        )
      }
    >
      <ErrorAlert error={error} />
      {!structure
        ? !error && <Loading />
        : structure.districts.map((d) => {
            const stations = structure.stations.filter((s) => s.districtId === d.id);
            return (
              <section key={d.id} aria-labelledby={`d-${d.id}`}>
                <h2 id={`d-${d.id}`}>
                  {placeLabel(lang, d)}
                  {d.population ? <span className="muted"> · {t('org.population', { n: formatNumber(d.population, lang) })}</span> : null}
                </h2>
                <div className="table-wrap">
                  <table className="table table-stack">
                    <caption className="sr-only">{t('org.stations.of_district', { district: placeLabel(lang, d) })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('common.code')}</th>
                        <th scope="col">{t('org.station')}</th>
                        <th scope="col">{t('org.subdivision')}</th>
                        <th scope="col">{t('org.phone')}</th>
                        <th scope="col">{t('common.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {stations.map((s) => (
                        <tr key={s.id}>
                          <td data-label={t('common.code')} className="nowrap">
                            {s.code}
                          </td>
                          <td data-label={t('org.station')}>
                            <Link to={`/org/stations/${s.id}`}>{lang === 'hi' ? s.nameHi : s.name}</Link>
                            <span className="muted" lang={lang === 'hi' ? 'en' : 'hi'}>
                              {' '}
                              · {lang === 'hi' ? s.name : s.nameHi}
                            </span>
                          </td>
                          <td data-label={t('org.subdivision')}>
                            {placeLabel(
                              lang,
                              structure.subdivisions.find((x) => x.id === s.subdivisionId),
                            )}
                          </td>
                          <td data-label={t('org.phone')}>{s.phone ?? '—'}</td>
                          <td data-label={t('common.status')}>
                            {s.active ? (
                              <span className="badge badge-ok">{t('common.active')}</span>
                            ) : (
                              <span className="badge badge-neutral">{t('common.inactive')}</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
    </Page>
  );
}

import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';

interface Feature {
  firId: string;
  firNumber: string;
  crimeHead: string | null;
  crimeHeadName: string | null;
  moCodes: string[];
  placeType: string | null;
  timeBand: string | null;
  occurredAt: string | null;
  area: string | null;
  stationName: string;
  stationNameHi: string;
  score?: number;
  shared?: string[];
}

const KEYS = ['crimeHead', 'mo', 'placeType', 'timeBand', 'area', 'from', 'to'] as const;

/**
 * Modus-operandi search: cases by crime head, MO, type of place, time of day and area; with
 * ?fir=<id>, the cases related to that open investigation and what each shares with it.
 */
export default function MoSearchPage() {
  const { t, lang } = useT();
  const s = useLocation().search;
  const fir = s.get('fir');
  const params = Object.fromEntries(KEYS.map((k) => [k, s.get(k) ?? ''])) as Record<(typeof KEYS)[number], string>;
  const any = KEYS.some((k) => params[k]);
  const list = useFetch<{ results: Feature[] }>(fir ? `/mo/related/${fir}` : any ? `/mo/search${queryString(params)}` : null);
  return (
    <Page title={fir ? t('search.mo.related_title') : t('search.mo.title')}>
      <form
        className="panel filters"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          navigate(`/search/mo${queryString(Object.fromEntries(KEYS.map((k) => [k, String(f.get(k) ?? '')])))}`);
        }}
      >
        <TextField
          id="mo-head"
          name="crimeHead"
          label={t('search.mo.crime_head')}
          hint={t('search.mo.crime_head_hint')}
          defaultValue={params.crimeHead}
        />
        <TextField id="mo-mo" name="mo" label={t('search.mo.mo')} hint={t('search.mo.mo_hint')} defaultValue={params.mo} />
        <TextField id="mo-place" name="placeType" label={t('search.mo.place_type')} defaultValue={params.placeType} />
        <SelectField id="mo-time" name="timeBand" label={t('search.mo.time')} defaultValue={params.timeBand}>
          <option value="">—</option>
          {['night', 'morning', 'afternoon', 'evening'].map((b) => (
            <option key={b} value={b}>
              {t(`search.mo.band.${b}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="mo-area" name="area" label={t('search.mo.area')} defaultValue={params.area} />
        <TextField id="mo-from" name="from" type="date" label={t('search.mo.from')} defaultValue={params.from} />
        <TextField id="mo-to" name="to" type="date" label={t('search.mo.to')} defaultValue={params.to} />
        <Button type="submit">{t('search.go')}</Button>
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data && !list.data.results.length ? (
        <p role="status">{t('search.none')}</p>
      ) : (
        list.data && (
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="sr-only">{t('search.mo.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('search.mo.fir')}</th>
                  <th scope="col">{t('search.mo.crime_head')}</th>
                  <th scope="col">{t('search.mo.mo')}</th>
                  <th scope="col">{t('search.mo.when_where')}</th>
                  {fir && <th scope="col">{t('search.mo.shared')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.data.results.map((c) => (
                  <tr key={c.firId}>
                    <td data-label={t('search.mo.fir')}>
                      <Link to={`/cases/${c.firId}`}>{c.firNumber}</Link>
                      <div className="muted">{localName(lang, { name: c.stationName, nameHi: c.stationNameHi })}</div>
                    </td>
                    <td data-label={t('search.mo.crime_head')}>{c.crimeHeadName ?? c.crimeHead ?? '—'}</td>
                    <td data-label={t('search.mo.mo')}>{c.moCodes.join(', ') || '—'}</td>
                    <td data-label={t('search.mo.when_where')}>
                      {c.occurredAt ? formatDateTime(c.occurredAt, lang) : '—'}{' '}
                      {c.timeBand && <span className="muted">({t(`search.mo.band.${c.timeBand}`)})</span>}
                      <div className="muted">{c.area}</div>
                    </td>
                    {fir && (
                      <td data-label={t('search.mo.shared')}>
                        <span className="badge badge-warn">{c.score}</span> {c.shared?.join(' · ')}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </Page>
  );
}

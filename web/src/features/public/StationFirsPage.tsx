import { useT } from '../../i18n/index.tsx';
import { Link, navigate, useParams } from '../../router.tsx';
import { ErrorAlert, Loading, Page, SelectField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { localName } from '../../i18n/index.tsx';
import { pick } from '../citizen/labels.ts';
import type { PublicStations } from '../citizen/types.ts';

interface StationList {
  station: { code: string; name: string; nameHi: string; phone: string | null };
  from: string;
  to: string;
  items: {
    firNumber: string;
    registeredOn: string;
    sections: { act: string; section: string; titleEn: string | null; titleHi: string | null }[];
    stageLabelEn: string;
    stageLabelHi: string;
  }[];
}

/** A police station's FIRs of the last 7 days, for the public: date, sections and stage only; never sensitive cases. */
export default function StationFirsPage() {
  const { t, lang } = useT();
  const { code } = useParams();
  const places = useFetch<PublicStations>('/public/stations');
  const list = useFetch<StationList>(code ? `/public/stations/${encodeURIComponent(code)}/firs` : null);
  return (
    <Page
      title={
        list.data
          ? t('public.list.title_at', { station: pick(lang, list.data.station.name, list.data.station.nameHi) })
          : t('public.list.title')
      }
    >
      <p>{t('public.list.intro')}</p>
      <SelectField
        id="sl-station"
        label={t('public.field.station')}
        value={code ?? ''}
        onChange={(e) => e.target.value && navigate(`/stations/${e.target.value}/firs`)}
      >
        <option value="">{t('public.choose')}</option>
        {places.data?.stations.map((s) => (
          <option key={s.code} value={s.code}>
            {localName(lang, s)} ({s.code})
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={list.error} />
      {code && list.loading && !list.data ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <p role="status">{t('public.list.none', { from: formatDate(list.data.from, lang), to: formatDate(list.data.to, lang) })}</p>
      ) : (
        list.data && (
          <div className="table-wrap">
            <table className="table table-stack">
              <caption>{t('public.list.caption', { from: formatDate(list.data.from, lang), to: formatDate(list.data.to, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('public.field.number')}</th>
                  <th scope="col">{t('public.field.registered')}</th>
                  <th scope="col">{t('public.field.sections')}</th>
                  <th scope="col">{t('public.field.stage')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((f) => (
                  <tr key={f.firNumber}>
                    <td data-label={t('public.field.number')}>{f.firNumber}</td>
                    <td data-label={t('public.field.registered')}>{formatDate(f.registeredOn, lang)}</td>
                    <td data-label={t('public.field.sections')}>{f.sections.map((s) => `${s.act} ${s.section}`).join(', ')}</td>
                    <td data-label={t('public.field.stage')}>{pick(lang, f.stageLabelEn, f.stageLabelHi)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <p>
        <Link to="/case-status">{t('public.list.to_status')}</Link>
      </p>
    </Page>
  );
}

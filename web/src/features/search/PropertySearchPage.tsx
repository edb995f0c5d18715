import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { useStructure } from '../org/structure.ts';

interface Property {
  id: string;
  firId: string | null;
  firNumber: string | null;
  category: string;
  description: string;
  identifiers: string[];
  value: number | null;
  status: string;
  stationName: string;
  stationNameHi: string;
}

const KEYS = ['q', 'category', 'status', 'district'] as const;
const STATUSES = ['stolen', 'lost', 'recovered', 'seized', 'involved'] as const;

/**
 * Property search: by category (all the mobile phones stolen in a district) and by identifier
 * (IMEI, serial number) or words of the description. Audited by the server.
 */
export default function PropertySearchPage() {
  const { t, lang } = useT();
  const { structure } = useStructure();
  const s = useLocation().search;
  const params = Object.fromEntries(KEYS.map((k) => [k, s.get(k) ?? ''])) as Record<(typeof KEYS)[number], string>;
  // The server needs a category or 2 characters of a query; an empty form asks nothing.
  const ready = !!params.category.trim() || params.q.trim().length >= 2;
  const list = useFetch<{ results: Property[] }>(ready ? `/property/search${queryString({ ...params, limit: '50' })}` : null);
  return (
    <Page title={t('search.property_search.title')}>
      <form
        className="panel filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          navigate(`/search/property${queryString(Object.fromEntries(KEYS.map((k) => [k, String(f.get(k) ?? '')])))}`);
        }}
      >
        <TextField
          id="pr-q"
          name="q"
          label={t('search.property_search.q')}
          hint={t('search.property_search.q_hint')}
          defaultValue={params.q}
          autoComplete="off"
        />
        <TextField
          id="pr-category"
          name="category"
          label={t('search.property_search.category')}
          hint={t('search.property_search.category_hint')}
          defaultValue={params.category}
        />
        <SelectField id="pr-status" name="status" label={t('search.property_search.status')} defaultValue={params.status}>
          <option value="">—</option>
          {STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(`search.status.${x}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="pr-district" name="district" label={t('search.property_search.district')} defaultValue={params.district}>
          <option value="">—</option>
          {structure?.districts.map((d) => (
            <option key={d.id} value={d.id}>
              {localName(lang, d)}
            </option>
          ))}
        </SelectField>
        <Button type="submit">{t('search.go')}</Button>
      </form>
      <ErrorAlert error={list.error} />
      {!ready ? (
        <p className="muted">{t('search.property_search.intro')}</p>
      ) : list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.results.length ? (
        <p role="status">{t('search.none')}</p>
      ) : (
        <ul className="message-list" data-testid="property-results">
          {list.data.results.map((p) => (
            <li key={p.id} className="panel">
              <strong>{p.description}</strong>{' '}
              <span className={`badge ${p.status === 'stolen' || p.status === 'lost' ? 'badge-bad' : 'badge-ok'}`}>
                {t(`search.status.${p.status}`)}
              </span>
              <div className="muted">
                {p.category}
                {p.identifiers.length > 0 && ` · ${p.identifiers.join(', ')}`}
                {p.value !== null && ` · ₹${p.value}`} · {localName(lang, { name: p.stationName, nameHi: p.stationNameHi })}{' '}
                {p.firId && <Link to={`/cases/${p.firId}`}>{p.firNumber}</Link>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

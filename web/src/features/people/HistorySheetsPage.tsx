import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { ErrorAlert, Loading, Page, SelectField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import type { SheetView } from './types.ts';

/** History sheets kept in the caller's jurisdiction (police only; the list is audited). */
export default function HistorySheetsPage() {
  const { t, lang } = useT();
  const s = useLocation().search;
  const status = s.get('status') ?? 'open';
  const list = useFetch<{ items: SheetView[] }>(`/history-sheets${queryString({ status: status || undefined, pageSize: 100 })}`);
  return (
    <Page title={t('people.sheets.list_title')}>
      <div className="panel filters">
        <SelectField
          id="hs-status"
          label={t('people.sheets.status')}
          value={status}
          onChange={(e) => navigate(`/history-sheets${queryString({ status: e.target.value })}`)}
        >
          <option value="open">{t('people.sheets.status.open')}</option>
          <option value="closed">{t('people.sheets.status.closed')}</option>
          <option value="">{t('people.search.any')}</option>
        </SelectField>
      </div>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('people.sheets.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="sr-only">{t('people.sheets.list_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.sheets.no')}</th>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.sheets.class')}</th>
                <th scope="col">{t('people.record.station')}</th>
                <th scope="col">{t('people.sheets.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((x) => (
                <tr key={x.id}>
                  <td data-label={t('people.sheets.no')}>
                    <Link to={`/history-sheets/${x.id}`}>HS {x.sheetNo}</Link>
                  </td>
                  <td data-label={t('people.name')}>
                    <Link to={`/people/${x.personId}`}>{localName(lang, { name: x.personName, nameHi: x.personNameHi })}</Link>
                  </td>
                  <td data-label={t('people.sheets.class')}>{t(`people.sheets.class_${x.offenderClass}`)}</td>
                  <td data-label={t('people.record.station')}>{localName(lang, { name: x.stationName, nameHi: x.stationNameHi })}</td>
                  <td data-label={t('people.sheets.opened')}>
                    {formatDate(x.openedAt, lang)} <span className="muted">{x.openedByName}</span>
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

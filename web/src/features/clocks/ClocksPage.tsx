import { useT } from '../../i18n/index.tsx';
import { navigate, queryString, useLocation } from '../../router.tsx';
import { CheckboxField, ErrorAlert, Loading, Page, SelectField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { ClockTable, ComplaintClockTable } from './ClockTable.tsx';
import type { ClocksPage as Data } from './types.ts';

const DUE = ['overdue', '7d', 'all'] as const;

/**
 * The statutory clocks of the caller's jurisdiction (an IO: their own cases by default),
 * overdue first: production within 24 h, the 60/90-day charge sheet, the 2-month rape/POCSO
 * investigation, the 90-day progress notice; and the complaints' e-FIR and enquiry clocks.
 */
export default function ClocksPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const loc = useLocation();
  const due = (loc.search.get('due') as (typeof DUE)[number] | null) ?? 'overdue';
  const mine = loc.search.get('mine') ? loc.search.get('mine') === 'true' : user?.role === 'io';
  const go = (q: { due?: string; mine?: boolean }) =>
    navigate(`/clocks${queryString({ due: q.due ?? due, mine: String(q.mine ?? mine) })}`);
  const data = useFetch<Data>(`/clocks${queryString({ due: due === 'all' ? undefined : due, mine: mine || undefined, pageSize: 200 })}`);
  return (
    <Page title={t('clocks.title')}>
      <p className="lead">{t('clocks.intro')}</p>
      <div className="panel filters">
        <SelectField id="clk-due" label={t('clocks.filter.due')} value={due} onChange={(e) => go({ due: e.target.value })}>
          {DUE.map((d) => (
            <option key={d} value={d}>
              {t(`clocks.filter.${d}`)}
            </option>
          ))}
        </SelectField>
        <CheckboxField id="clk-mine" label={t('clocks.filter.mine')} checked={mine} onChange={(e) => go({ mine: e.target.checked })} />
      </div>
      <ErrorAlert error={data.error} />
      {data.loading && !data.data ? (
        <Loading />
      ) : data.data ? (
        <>
          <p className="muted">
            {t('clocks.count', { n: data.data.total })} · {t('clocks.as_of', { time: formatDateTime(data.data.asOf, lang) })}
          </p>
          <ClockTable items={data.data.items} caption={t('clocks.title')} />
          <ComplaintClockTable items={data.data.complaintClocks} />
        </>
      ) : null}
    </Page>
  );
}

import { useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { ErrorAlert, Loading, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import { CASE_STAGES } from '../../../../server/src/modules/investigation/workflow.ts';
import { stageLabel } from './labels.ts';
import type { FirList } from './types.ts';

const PAGE_SIZE = 25;

/**
 * The FIRs of the caller's jurisdiction, newest first: filters by year, stage, sensitivity,
 * pending transfer and FIR number / complainant / place, paged; each row opens the FIR.
 */
export default function FirsPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const s = useLocation().search;
  const f = {
    year: s.get('year') ?? '',
    stage: s.get('stage') ?? '',
    sensitive: s.get('sensitive') ?? '',
    transfer: s.get('transfer') ?? '',
    q: s.get('q') ?? '',
  };
  const page = Math.max(1, Number(s.get('page') ?? '1') || 1);
  const href = (over: Record<string, string | number>) => `/firs${queryString({ ...f, page: 1, ...over })}`;
  const go = (over: Record<string, string | number>) => navigate(href(over));
  const list = useFetch<FirList>(`/firs${queryString({ ...f, page, pageSize: PAGE_SIZE })}`);
  const thisYear = new Date(Date.now() + 5.5 * 3600_000).getUTCFullYear();
  const more =
    !!list.data &&
    (page * list.data.pageSize < list.data.total || (!!list.data.totalCapped && list.data.items.length === list.data.pageSize));

  return (
    <Page
      title={t('firs.list.title')}
      actions={
        user && can(user.role, 'fir.register') ? (
          <Link className="btn btn-primary" to="/firs/new">
            {t('firs.list.new')}
          </Link>
        ) : undefined
      }
    >
      <form
        className="panel filters"
        role="search"
        aria-label={t('firs.list.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          go({ q: String(d.get('q') ?? '').trim() });
        }}
      >
        <SelectField id="fl-year" label={t('firs.list.year')} value={f.year} onChange={(e) => go({ year: e.target.value })}>
          <option value="">{t('firs.list.any')}</option>
          {Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField id="fl-stage" label={t('firs.list.stage')} value={f.stage} onChange={(e) => go({ stage: e.target.value })}>
          <option value="">{t('firs.list.any')}</option>
          {CASE_STAGES.map((x) => (
            <option key={x} value={x}>
              {stageLabel(x, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="fl-sensitive"
          label={t('firs.list.sensitive')}
          value={f.sensitive}
          onChange={(e) => go({ sensitive: e.target.value })}
        >
          <option value="">{t('firs.list.any')}</option>
          <option value="true">{t('firs.list.sensitive_only')}</option>
          <option value="false">{t('firs.list.not_sensitive')}</option>
        </SelectField>
        <SelectField id="fl-transfer" label={t('firs.list.transfer')} value={f.transfer} onChange={(e) => go({ transfer: e.target.value })}>
          <option value="">{t('firs.list.any')}</option>
          <option value="pending_out">{t('firs.list.pending_out')}</option>
          <option value="pending_in">{t('firs.list.pending_in')}</option>
        </SelectField>
        <TextField
          id="fl-q"
          name="q"
          type="search"
          label={t('firs.list.search')}
          hint={t('firs.list.search_hint')}
          defaultValue={f.q}
          key={`q-${f.q}`}
        />
        <div>
          <button type="submit" className="btn btn-secondary">
            {t('common.search')}
          </button>
        </div>
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('firs.list.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t(list.data.totalCapped ? 'firs.list.count_capped' : 'firs.list.count', { n: formatNumber(list.data.total, lang) })}
          </p>
          <div className="table-wrap">
            <table className="table table-stack" data-testid="fir-list">
              <caption className="sr-only">{t('firs.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('firs.list.fir')}</th>
                  <th scope="col">{t('firs.list.registered')}</th>
                  <th scope="col">{t('firs.list.sections')}</th>
                  <th scope="col">{t('firs.list.complainant')}</th>
                  <th scope="col">{t('firs.list.stage')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((x) => (
                  <tr key={x.id}>
                    <td data-label={t('firs.list.fir')}>
                      <Link to={`/firs/${x.id}`}>{x.firNumber}</Link>
                      <div className="muted">{x.stationCode}</div>
                      {x.sensitive && <span className="badge badge-warn">{t('firs.sensitive')}</span>}{' '}
                      {x.zeroFir && <span className="badge badge-neutral">{t('firs.zero_fir')}</span>}{' '}
                      {x.transferState === 'pending' && (
                        <span className="badge badge-warn">
                          {t('firs.list.transfer_pending', { station: x.transferToStationCode ?? '' })}
                        </span>
                      )}
                    </td>
                    <td data-label={t('firs.list.registered')} className="nowrap">
                      {formatDateTime(x.registeredAt, lang)}
                      <div className="muted">{t('firs.list.occurred', { date: formatDate(x.occurrenceFrom, lang) })}</div>
                    </td>
                    <td data-label={t('firs.list.sections')}>{x.sections.join(', ')}</td>
                    <td data-label={t('firs.list.complainant')}>
                      {x.complainantName ?? <span className="muted">{t('firs.withheld')}</span>}
                      <div className="muted">{x.place}</div>
                    </td>
                    <td data-label={t('firs.list.stage')}>{stageLabel(x.stage, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(page > 1 || more) && (
            <nav className="button-row" aria-label={t('firs.list.pages')}>
              {page > 1 && <Link to={href({ page: page - 1 })}>{t('firs.list.prev')}</Link>}
              <span className="muted">
                {list.data.totalCapped
                  ? t('firs.list.page_only', { page })
                  : t('firs.list.page', { page, pages: Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) })}
              </span>
              {more && <Link to={href({ page: page + 1 })}>{t('firs.list.next')}</Link>}
            </nav>
          )}
        </>
      )}
    </Page>
  );
}

import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { CheckboxField, ErrorAlert, Loading, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { CASE_STAGES, CASE_WORKFLOW, SUBSTATE_LABELS, type CaseSubstate } from '../../../../server/src/modules/investigation/workflow.ts';
import type { CaseListItem } from './types.ts';

/**
 * Cases of the caller's jurisdiction, with their stage, IO and next statutory deadline. An IO
 * opens it on "My cases" (their own); filters by stage and by clocks due or overdue.
 */
export default function CasesPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const loc = useLocation();
  const s = loc.search;
  const mine = s.get('mine') ? s.get('mine') === 'true' : user?.role === 'io';
  const stage = s.get('stage') ?? '';
  const due = s.get('due') ?? '';
  const q = s.get('q') ?? '';
  const page = Number(s.get('page') ?? '1') || 1;
  const go = (over: Record<string, string | number | boolean | undefined>) =>
    navigate(`/cases${queryString({ mine: String(mine), stage, due, q, page: 1, ...over })}`);
  const list = useFetch<{ items: CaseListItem[]; total: number; page: number; pageSize: number }>(
    `/cases${queryString({ mine: mine || undefined, stage: stage || undefined, due: due || undefined, q: q || undefined, page, pageSize: 50 })}`,
  );
  const title = mine ? t('investigation.list.mine_title') : t('investigation.list.title');
  return (
    <Page title={title}>
      <form
        className="panel filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: String(new FormData(e.currentTarget).get('q') ?? '') });
        }}
      >
        <CheckboxField
          id="cl-mine"
          label={t('investigation.list.only_mine')}
          checked={mine}
          onChange={(e) => go({ mine: e.target.checked })}
        />
        <SelectField id="cl-stage" label={t('investigation.list.stage')} value={stage} onChange={(e) => go({ stage: e.target.value })}>
          <option value="">{t('investigation.list.any')}</option>
          {CASE_STAGES.map((x) => (
            <option key={x} value={x}>
              {CASE_WORKFLOW[x].label[lang]}
            </option>
          ))}
        </SelectField>
        <SelectField id="cl-due" label={t('investigation.list.due')} value={due} onChange={(e) => go({ due: e.target.value })}>
          <option value="">{t('investigation.list.any')}</option>
          <option value="overdue">{t('clocks.filter.overdue')}</option>
          <option value="7d">{t('clocks.filter.7d')}</option>
        </SelectField>
        <TextField id="cl-q" name="q" label={t('investigation.list.search')} defaultValue={q} hint={t('investigation.list.search_hint')} />
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('investigation.list.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('investigation.list.count', { n: list.data.total })}
          </p>
          <div className="table-wrap">
            <table className="table table-stack" data-testid="case-list">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('investigation.list.fir')}</th>
                  <th scope="col">{t('investigation.list.sections')}</th>
                  <th scope="col">{t('investigation.list.stage')}</th>
                  <th scope="col">{t('investigation.list.io')}</th>
                  <th scope="col">{t('investigation.list.next_due')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t('investigation.list.fir')}>
                      <Link to={`/cases/${c.id}`}>{c.firNumber}</Link>
                      <div className="muted">
                        {localName(lang, { name: c.stationName, nameHi: c.stationNameHi })} · {formatDate(c.registeredAt, lang)}
                      </div>
                      {c.sensitive && <span className="badge badge-warn">{t('investigation.sensitive')}</span>}
                    </td>
                    <td data-label={t('investigation.list.sections')}>{c.sections.map((x) => `${x.act} ${x.section}`).join(', ')}</td>
                    <td data-label={t('investigation.list.stage')}>
                      {CASE_WORKFLOW[c.stage as keyof typeof CASE_WORKFLOW]?.label[lang] ?? c.stage}
                      {c.substate && <div className="muted">{SUBSTATE_LABELS[c.substate as CaseSubstate]?.[lang] ?? c.substate}</div>}
                    </td>
                    <td data-label={t('investigation.list.io')}>
                      {c.io ? (
                        localName(lang, { name: c.io.name ?? '', nameHi: c.io.nameHi })
                      ) : (
                        <span className="muted">{t('investigation.no_io')}</span>
                      )}
                    </td>
                    <td data-label={t('investigation.list.next_due')} className="nowrap">
                      {c.nextDue ? (
                        <>
                          {c.nextDue.noPeriod
                            ? t('clocks.required_since', { when: formatDateTime(c.nextDue.at, lang) })
                            : formatDateTime(c.nextDue.at, lang)}
                          <div className="muted">{t(`investigation.clock.${c.nextDue.kind}`)}</div>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.total > list.data.pageSize && (
            <nav className="button-row" aria-label={t('investigation.list.pages')}>
              {page > 1 && (
                <Link to={`/cases${queryString({ mine: String(mine), stage, due, q, page: page - 1 })}`}>
                  {t('investigation.list.prev')}
                </Link>
              )}
              {page * list.data.pageSize < list.data.total && (
                <Link to={`/cases${queryString({ mine: String(mine), stage, due, q, page: page + 1 })}`}>
                  {t('investigation.list.next')}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </Page>
  );
}

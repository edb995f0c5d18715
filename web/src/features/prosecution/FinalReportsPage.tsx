import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { ErrorAlert, Loading, Page, SelectField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { CASE_WORKFLOW, SUBSTATE_LABELS, type CaseSubstate } from '../../../../server/src/modules/investigation/workflow.ts';

const STAGES = ['under_investigation', 'final_report_submitted', 'accepted_by_court', 'under_trial', 'disposed', 'appealed'] as const;

interface CaseItem {
  id: string;
  firNumber: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  stage: string;
  substate: string | null;
  stageChangedAt: string;
  io: { name: string | null; nameHi: string | null } | null;
}

/**
 * Final reports and cases in court, in the caller's jurisdiction, by stage (the investigation
 * module's case list): the SHO finds here the reports waiting for approval.
 */
export default function FinalReportsPage() {
  const { t, lang } = useT();
  const loc = useLocation();
  const stage = (loc.search.get('stage') as (typeof STAGES)[number] | null) ?? 'final_report_submitted';
  const list = useFetch<{ items: CaseItem[]; total: number }>(`/cases${queryString({ stage, pageSize: 100 })}`);
  return (
    <Page title={t('prosecution.list.title')}>
      <div className="panel filters">
        <SelectField
          id="frl-stage"
          label={t('prosecution.list.stage')}
          value={stage}
          onChange={(e) => navigate(`/final-reports${queryString({ stage: e.target.value })}`)}
        >
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {CASE_WORKFLOW[s].label[lang]}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('prosecution.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="sr-only">{t('prosecution.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prosecution.list.fir')}</th>
                <th scope="col">{t('prosecution.list.io')}</th>
                <th scope="col">{t('prosecution.list.state')}</th>
                <th scope="col">{t('prosecution.list.since')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('prosecution.list.fir')}>
                    <Link to={`/cases/${c.id}/final-report`}>{c.firNumber}</Link>
                    <div className="muted">{localName(lang, { name: c.stationName, nameHi: c.stationNameHi })}</div>
                  </td>
                  <td data-label={t('prosecution.list.io')}>
                    {c.io ? localName(lang, { name: c.io.name ?? '', nameHi: c.io.nameHi }) : '—'}
                  </td>
                  <td data-label={t('prosecution.list.state')}>
                    {c.substate ? (SUBSTATE_LABELS[c.substate as CaseSubstate]?.[lang] ?? c.substate) : CASE_WORKFLOW[stage].label[lang]}
                  </td>
                  <td data-label={t('prosecution.list.since')}>{formatDateTime(c.stageChangedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

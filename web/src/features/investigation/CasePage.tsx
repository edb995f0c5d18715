import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, useParams } from '../../router.tsx';
import { Button, ErrorAlert, Facts, Loading, Notice, Page, TextArea } from '../../components/ui.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import {
  CASE_WORKFLOW,
  SUBSTATE_LABELS,
  isCaseStage,
  movesOf,
  type CaseAction,
  type CaseSubstate,
} from '../../../../server/src/modules/investigation/workflow.ts';
import { ClockTable } from '../clocks/ClockTable.tsx';
import { RecordForm } from './forms.tsx';
import { CrimeDetailsSection, DiarySection, PersonsSection, StatementsSection } from './Records.tsx';
import { ArrestsSection, NoticesSection } from './Arrests.tsx';
import { DocumentsSection, ForensicSection, SeizuresSection } from './Evidence.tsx';
import { DutiesSection } from './Duties.tsx';
import type { CaseView } from './types.ts';

export interface SectionProps {
  c: CaseView;
  /** The designated IO, while the investigation is open. */
  canWrite: boolean;
  /** The designated IO, at any stage after the case was opened (custody, production, documents, lab reports). */
  canWriteAny: boolean;
  after: (message: string) => void;
}

/**
 * The case page for the police: the FIR it is, its stage with the buttons the workflow table
 * gives this user, the statutory clocks with their legal basis, and every investigation record
 * with the forms the designated IO writes them with. Supervisors add notes; the SHO assigns the IO.
 */
export default function CasePage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const { user } = useSession();
  const data = useFetch<CaseView>(`/cases/${encodeURIComponent(id ?? '')}`);
  const [done, setDone] = useState<string | null>(null);
  if (data.loading && !data.data) return <Loading />;
  const c = data.data;
  if (!c || !user)
    return (
      <Page title={t('investigation.case.title_plain')}>
        <ErrorAlert error={data.error} />
        <Link to="/cases">{t('investigation.back')}</Link>
      </Page>
    );
  const stage = isCaseStage(c.stage) ? CASE_WORKFLOW[c.stage] : null;
  const canWrite = c.isDesignatedIo && !!stage?.investigationOpen;
  const canWriteAny = c.isDesignatedIo && c.stage !== 'registered';
  const after = (msg: string) => {
    setDone(msg);
    data.reload();
  };
  const props: SectionProps = { c, canWrite, canWriteAny, after };
  const station = localName(lang, { name: c.stationName, nameHi: c.stationNameHi });
  const toc: [string, string][] = [
    ['case-clocks', t('investigation.clocks.title')],
    ['case-persons', t('investigation.persons.title')],
    ['case-diary', t('investigation.diary.title')],
    ['case-crime', t('investigation.crime.title')],
    ['case-statements', t('investigation.statements.title')],
    ['case-arrests', t('investigation.arrests.title')],
    ['case-notices', t('investigation.notices.title')],
    ['case-seizures', t('investigation.seizures.title')],
    ['case-documents', t('investigation.documents.title')],
    ['case-forensic', t('investigation.forensic.title')],
    ['case-duties', t('investigation.duties.title')],
    ['case-supervision', t('investigation.supervision.title')],
    ['case-history', t('investigation.history.title')],
  ];
  return (
    <Page title={t('investigation.case.title', { fir: c.firNumber, station })}>
      {done && <Notice kind="success">{done}</Notice>}
      <p>
        <span className="badge badge-neutral" data-testid="case-stage">
          {lang === 'hi' ? c.stageLabelHi : c.stageLabel}
          {c.substate ? ` — ${SUBSTATE_LABELS[c.substate as CaseSubstate]?.[lang] ?? c.substate}` : ''}
        </span>{' '}
        {c.sensitive && <span className="badge badge-warn">{t('investigation.sensitive')}</span>}
        {c.isDesignatedIo && <span className="badge badge-ok">{t('investigation.you_are_io')}</span>}
      </p>
      <Facts
        items={[
          [t('investigation.case.registered'), formatDateTime(c.registeredAt, lang)],
          [
            t('investigation.case.sections'),
            c.sections
              .map((s) => `${s.act} ${s.section}${s.titleEn ? ` (${lang === 'hi' && s.titleHi ? s.titleHi : s.titleEn})` : ''}`)
              .join('; '),
          ],
          [t('investigation.case.place'), c.place],
          [t('investigation.case.complainant'), c.complainant.name ?? '—'],
          [
            t('investigation.case.io'),
            c.io
              ? `${localName(lang, { name: c.io.name ?? '', nameHi: c.io.nameHi })}${c.io.rank ? ` (${t(`rank.${c.io.rank}`)})` : ''}`
              : t('investigation.no_io'),
          ],
        ]}
      />
      <p>
        <Link to={`/firs/${c.id}`}>{t('investigation.case.open_fir')}</Link>
        {can(user.role, 'search.use') && (
          <>
            {' · '}
            <Link to={`/search/mo?fir=${c.id}`}>{t('search.mo.related_title')}</Link>
          </>
        )}
        {c.stage !== 'registered' && (
          <>
            {' · '}
            <Link to={`/cases/${c.id}/final-report`}>{t('investigation.case.final_report')}</Link>
          </>
        )}
      </p>
      <Workflow c={c} after={after} />

      <nav aria-label={t('investigation.case.contents')} className="panel">
        <ul className="link-list">
          {toc.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section className="card" id="case-clocks" aria-labelledby="case-clocks-h">
        <h2 id="case-clocks-h">{t('investigation.clocks.title')}</h2>
        <ClockTable items={c.clocks} withCase={false} caption={t('investigation.clocks.title')} />
      </section>
      <PersonsSection {...props} />
      <DiarySection {...props} />
      <CrimeDetailsSection {...props} />
      <StatementsSection {...props} />
      <ArrestsSection {...props} />
      <NoticesSection {...props} />
      <SeizuresSection {...props} />
      <DocumentsSection {...props} />
      <ForensicSection {...props} />
      <DutiesSection {...props} />
      <Supervision c={c} after={after} canNote={can(user.role, 'case.supervise')} />
      <History c={c} />
    </Page>
  );
}

/** The stage's buttons, drawn from the workflow table through the server's allowedActions. */
function Workflow({ c, after }: { c: CaseView; after: (m: string) => void }) {
  const { t, lang } = useT();
  const [reason, setReason] = useState('');
  const [ioId, setIoId] = useState('');
  const [pending, setPending] = useState<CaseAction | null>(null);
  const act = useAction(async (action: CaseAction) => {
    if (action === 'assign_io' || action === 'reassign_io')
      return api.post(`/cases/${c.id}/assign-io`, { ioId, ...(reason.trim() ? { reason: reason.trim() } : {}), version: c.version });
    return api.post(`/cases/${c.id}/transition`, { action, ...(reason.trim() ? { reason: reason.trim() } : {}), version: c.version });
  });
  if (!isCaseStage(c.stage) || c.allowedActions.length === 0) return null;
  const moves = movesOf(c.stage);
  const submit = async (e: FormEvent, action: CaseAction) => {
    e.preventDefault();
    setPending(action);
    const r = await act.run(action);
    setPending(null);
    if (r !== undefined) {
      setReason('');
      after(t('investigation.workflow.done', { action: moves[action]?.label[lang] ?? action }));
    }
  };
  return (
    <section className="card" aria-labelledby="wf-h" data-testid="workflow">
      <h2 id="wf-h">{t('investigation.workflow.title')}</h2>
      <ErrorAlert error={act.error} />
      {c.allowedActions.map((a) => {
        const m = moves[a];
        if (!m) return null;
        // The final report is written on its own page; the submit move is made there.
        if (a === 'submit_final_report')
          return (
            <p key={a}>
              <Link className="btn btn-primary" to={`/cases/${c.id}/final-report`}>
                {m.label[lang]}
              </Link>{' '}
              <span className="muted">{lang === 'hi' ? (m.basisHi ?? m.basis) : m.basis}</span>
            </p>
          );
        const withIo = a === 'assign_io' || a === 'reassign_io';
        return (
          <form key={a} onSubmit={(e) => submit(e, a)} className="workflow-move" aria-label={m.label[lang]}>
            {withIo && (
              <div className="field">
                <label htmlFor={`wf-io-${a}`}>{t('investigation.workflow.io')}</label>
                <select id={`wf-io-${a}`} value={ioId} onChange={(e) => setIoId(e.target.value)} required>
                  <option value="">—</option>
                  {c.ioOptions
                    .filter((o) => o.id !== c.io?.id)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {localName(lang, o)}
                        {o.rank ? ` (${t(`rank.${o.rank}`)})` : ''}
                      </option>
                    ))}
                </select>
              </div>
            )}
            {m.reason && (
              <TextArea
                id={`wf-reason-${a}`}
                label={m.reason === 'required' ? `${t('investigation.workflow.reason')} *` : t('investigation.workflow.reason_optional')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
              />
            )}
            <div className="button-row">
              <Button type="submit" busy={pending === a} disabled={withIo && !ioId}>
                {m.label[lang]}
              </Button>
              {m.basis && <span className="muted">{lang === 'hi' ? (m.basisHi ?? m.basis) : m.basis}</span>}
            </div>
          </form>
        );
      })}
    </section>
  );
}

function Supervision({ c, after, canNote }: { c: CaseView; after: (m: string) => void; canNote: boolean }) {
  const { t, lang } = useT();
  return (
    <section className="card" id="case-supervision" aria-labelledby="case-supervision-h">
      <h2 id="case-supervision-h">{t('investigation.supervision.title')}</h2>
      {c.supervisionNotes.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <ul className="message-list">
          {c.supervisionNotes.map((n) => (
            <li key={n.id}>
              <strong>
                {n.authorName} ({t(`role.${n.authorRole}`)})
              </strong>{' '}
              <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
              <p>{n.text}</p>
              {n.directions.length > 0 && (
                <ol>
                  {n.directions.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ol>
              )}
              {n.complyBy && <p className="muted">{t('investigation.supervision.comply_by', { date: formatDate(n.complyBy, lang) })}</p>}
            </li>
          ))}
        </ul>
      )}
      {canNote && (
        <RecordForm
          id="sn"
          title={t('investigation.supervision.add')}
          fields={[
            { name: 'text', label: t('investigation.supervision.text'), kind: 'textarea', required: true },
            { name: 'directions', label: t('investigation.supervision.directions'), kind: 'lines', hint: t('investigation.one_per_line') },
            { name: 'complyBy', label: t('investigation.supervision.comply'), kind: 'date' },
          ]}
          send={(b) => api.post(`/cases/${c.id}/supervision-notes`, b)}
          onDone={() => after(t('investigation.saved'))}
        />
      )}
    </section>
  );
}

function History({ c }: { c: CaseView }) {
  const { t, lang } = useT();
  const label = (s: string) => (isCaseStage(s) ? CASE_WORKFLOW[s].label[lang] : s);
  return (
    <section className="card" id="case-history" aria-labelledby="case-history-h">
      <h2 id="case-history-h">{t('investigation.history.title')}</h2>
      <div className="table-wrap">
        <table className="table table-stack">
          <thead>
            <tr>
              <th scope="col">{t('investigation.history.when')}</th>
              <th scope="col">{t('investigation.history.move')}</th>
              <th scope="col">{t('investigation.history.by')}</th>
              <th scope="col">{t('investigation.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {c.transitions.map((x) => (
              <tr key={x.id}>
                <td data-label={t('investigation.history.when')} className="nowrap">
                  {formatDateTime(x.at, lang)}
                </td>
                <td data-label={t('investigation.history.move')}>
                  {label(x.fromStage)} → {label(x.toStage)}
                </td>
                <td data-label={t('investigation.history.by')}>{x.actorName}</td>
                <td data-label={t('investigation.history.reason')}>{x.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.assignments.length > 0 && (
        <>
          <h3>{t('investigation.history.assignments')}</h3>
          <ul>
            {c.assignments.map((a) => (
              <li key={a.id}>
                {formatDateTime(a.assignedAt, lang)}: {a.ioName} — {t('investigation.history.assigned_by', { name: a.assignedByName })}
                {a.reason ? ` (${a.reason})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

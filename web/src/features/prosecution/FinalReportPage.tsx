import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { localName, useT, type Lang, type T } from '../../i18n/index.tsx';
import { Link, useParams } from '../../router.tsx';
import { Button, CheckboxField, ErrorAlert, Facts, Loading, Notice, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import { CASE_WORKFLOW, SUBSTATE_LABELS, isCaseStage, type CaseSubstate } from '../../../../server/src/modules/investigation/workflow.ts';
import { Proceedings } from './Proceedings.tsx';
import type { Court, FinalReportPageData, Report } from './types.ts';

const CLOSURE_REASONS = ['false_case', 'mistake_of_fact', 'mistake_of_law', 'civil_nature', 'undetected'] as const;
type Mode = 'charged' | 'not_charged' | 'none';

/** "BNS 303(2), 317(2); ITA 66D" → [{act:'BNS',section:'303(2)'}, {act:'BNS',section:'317(2)'}, {act:'ITA',section:'66D'}]. */
export function parseSections(text: string): { act: string; section: string }[] {
  const out: { act: string; section: string }[] = [];
  let act = 'BNS';
  for (const raw of text.split(/[,;\n]+/)) {
    const parts = raw.trim().split(/\s+/).filter(Boolean);
    if (!parts.length) continue;
    if (parts.length > 1 && /^[A-Za-z]/.test(parts[0])) {
      act = parts[0].toUpperCase();
      out.push({ act, section: parts.slice(1).join('') });
    } else out.push({ act, section: parts.join('') });
  }
  return out;
}
const sectionsText = (s: { act: string; section: string }[]) => s.map((x) => `${x.act} ${x.section}`).join(', ');

interface Draft {
  kind: 'charge_sheet' | 'closure';
  closureReason: string;
  closureGrounds: string;
  courtId: string;
  briefEn: string;
  briefHi: string;
  accused: Record<string, { mode: Mode; sections: string; reason: string }>;
  witnesses: string[];
  documentIds: string[];
  itemIds: string[];
}

function draftOf(r: Report, d: FinalReportPageData): Draft {
  const c = r.content;
  const accused: Draft['accused'] = {};
  for (const a of d.sources.accused) {
    const ch = c.accusedCharged.find((x) => x.code === a.code);
    const nc = c.accusedNotCharged.find((x) => x.code === a.code);
    accused[a.code] = {
      mode: ch ? 'charged' : nc ? 'not_charged' : 'none',
      sections: sectionsText(ch?.sections ?? c.firSections),
      reason: nc?.reason ?? '',
    };
  }
  return {
    kind: r.kind,
    closureReason: r.closureReason ?? 'undetected',
    closureGrounds: c.closureGrounds ?? '',
    courtId: r.court?.id ?? '',
    briefEn: c.briefFacts.en,
    briefHi: c.briefFacts.hi,
    accused,
    witnesses: c.witnesses.map((w) => w.code),
    documentIds: c.documents.map((x) => x.documentId),
    itemIds: c.materialObjects.map((x) => x.itemId),
  };
}

function bodyOf(d: Draft) {
  const entries = Object.entries(d.accused);
  return {
    kind: d.kind,
    closureReason: d.kind === 'closure' ? d.closureReason : null,
    closureGrounds: d.kind === 'closure' ? d.closureGrounds : null,
    ...(d.courtId ? { courtId: d.courtId } : {}),
    briefFacts: { en: d.briefEn, hi: d.briefHi },
    accusedCharged:
      d.kind === 'charge_sheet'
        ? entries.filter(([, a]) => a.mode === 'charged').map(([code, a]) => ({ code, sections: parseSections(a.sections) }))
        : [],
    accusedNotCharged: entries
      .filter(([, a]) => a.mode === 'not_charged' || (d.kind === 'closure' && a.mode === 'charged'))
      .map(([code, a]) => ({ code, reason: a.reason || '—' })),
    witnesses: d.witnesses,
    documentIds: d.documentIds,
    itemIds: d.itemIds,
  };
}

const toggle = (list: string[], v: string, on: boolean) => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));

function stageText(lang: Lang, stage: string, substate: string | null): string {
  const s = isCaseStage(stage) ? CASE_WORKFLOW[stage].label[lang] : stage;
  const sub = substate ? SUBSTATE_LABELS[substate as CaseSubstate]?.[lang] : null;
  return sub ? `${s} — ${sub}` : s;
}

/**
 * A case's final report (IIF-5): the designated IO prepares it from the case's records and edits
 * the draft (saved with the version read: a save that lost a race is refused and nothing is
 * overwritten), submits it to the SHO, who approves it (it is then e-filed to the court) or
 * returns it with remarks. Everyone in the case's jurisdiction reads it, with its PDFs, its
 * e-filing and what the court has done since.
 */
export default function FinalReportPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const caseId = id ?? '';
  const page = useFetch<FinalReportPageData>(`/cases/${encodeURIComponent(caseId)}/final-report`);
  const [done, setDone] = useState<ReactNode>(null);
  if (page.loading && !page.data) return <Loading />;
  const d = page.data;
  if (!d)
    return (
      <Page title={t('prosecution.title_plain')}>
        <ErrorAlert error={page.error} />
        <Link to="/final-reports">{t('prosecution.back')}</Link>
      </Page>
    );
  const r = d.report;
  const after = (msg: ReactNode) => {
    setDone(msg);
    page.reload();
  };
  return (
    <Page title={t('prosecution.title', { fir: d.firNumber })}>
      {done && <Notice kind="success">{done}</Notice>}
      <p>
        <span className="badge badge-neutral" data-testid="case-stage">
          {stageText(lang, d.stage, d.substate)}
        </span>{' '}
        {r && (
          <span className="badge badge-warn" data-testid="report-status">
            {t(`prosecution.status.${r.status}`)} · {t('prosecution.version', { v: r.version })}
          </span>
        )}
      </p>
      {r?.returned && r.status === 'draft' && (
        <Notice kind="warning">{t('prosecution.returned', { by: r.returned.by ?? '', remarks: r.returned.remarks ?? '' })}</Notice>
      )}
      {!r && <Prepare d={d} onDone={() => after(t('prosecution.prepared'))} />}
      {r && r.status === 'draft' && d.isDesignatedIo && (
        <Editor key={`${r.id}:${r.version}`} d={d} r={r} onSaved={after} onStale={page.reload} />
      )}
      {r && r.status === 'submitted' && <Approval d={d} r={r} onDone={after} />}
      {r && <ReportView d={d} r={r} />}
      {d.efiling && <EfilingView d={d} />}
      {d.court && (
        <section className="card" aria-labelledby="fr-court">
          <h2 id="fr-court">{t('prosecution.court.title')}</h2>
          <Facts
            items={[
              [t('prosecution.court.name'), localName(lang, d.court)],
              [t('prosecution.court.cnr'), <span data-testid="cnr">{d.court.cnr}</span>],
              [t('prosecution.court.case_no'), d.court.courtCaseNo ?? '—'],
              [t('prosecution.court.accepted'), formatDateTime(d.court.acceptedAt, lang)],
            ]}
          />
          <Proceedings hearings={d.court.hearings} disposal={d.court.disposal} appeals={d.court.appeals} />
        </section>
      )}
      {d.revisions.length > 0 && (
        <details className="card">
          <summary>{t('prosecution.revisions')}</summary>
          <ul>
            {d.revisions.map((v) => (
              <li key={v.version}>
                {t('prosecution.version', { v: v.version })} — {t(`prosecution.status.${v.status}`)}, {v.by}, {formatDateTime(v.at, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Page>
  );
}

function Prepare({ d, onDone }: { d: FinalReportPageData; onDone: () => void }) {
  const { t } = useT();
  const act = useAction(() => api.post(`/cases/${d.caseId}/final-report`, {}));
  if (!d.isDesignatedIo || d.stage !== 'under_investigation') return <p className="muted">{t('prosecution.none_yet')}</p>;
  return (
    <section className="card" aria-labelledby="fr-prepare">
      <h2 id="fr-prepare">{t('prosecution.prepare.title')}</h2>
      <p>{t('prosecution.prepare.intro')}</p>
      <ErrorAlert error={act.error} />
      <Button busy={act.busy} onClick={() => void act.run().then((x) => x && onDone())}>
        {t('prosecution.prepare.button')}
      </Button>
    </section>
  );
}

function Editor({ d, r, onSaved, onStale }: { d: FinalReportPageData; r: Report; onSaved: (msg: ReactNode) => void; onStale: () => void }) {
  const { t, lang } = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(r, d));
  const [dirty, setDirty] = useState(false);
  const courts = useFetch<{ items: Court[] }>('/courts');
  const set = (p: Partial<Draft>) => {
    setDraft((x) => ({ ...x, ...p }));
    setDirty(true);
  };
  const setAccused = (code: string, p: Partial<Draft['accused'][string]>) =>
    set({ accused: { ...draft.accused, [code]: { ...draft.accused[code], ...p } } });
  const headers = (v: number) => ({ headers: { 'If-Match': `"${v}"` } });
  const save = useAction(async () => api.put<Report>(`/cases/${d.caseId}/final-report`, bodyOf(draft), headers(r.version)));
  const submit = useAction(async () => {
    let v = r.version;
    if (dirty) v = (await api.put<Report>(`/cases/${d.caseId}/final-report`, bodyOf(draft), headers(v))).version;
    return api.post(`/cases/${d.caseId}/final-report/submit`, {}, headers(v));
  });
  const error = save.error ?? submit.error;
  const stale = error instanceof ApiError && error.status === 412;
  const fields = fieldErrorsOf(error, t);
  useEffect(() => setDirty(false), [r.version]);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const x = await save.run();
    if (x) onSaved(t('prosecution.saved', { v: x.version }));
  };
  return (
    <form className="card" aria-labelledby="fr-edit" onSubmit={(e) => void onSave(e)} noValidate>
      <h2 id="fr-edit">{t('prosecution.edit.title')}</h2>
      <p className="muted">{t('prosecution.edit.intro')}</p>
      <ErrorAlert error={error} />
      {stale && (
        <Notice kind="warning">
          {t('prosecution.edit.stale')}{' '}
          <Button variant="secondary" onClick={onStale}>
            {t('prosecution.edit.load_latest')}
          </Button>
        </Notice>
      )}
      <SelectField
        id="fr-kind"
        label={t('prosecution.field.kind')}
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as Draft['kind'] })}
      >
        <option value="charge_sheet">{t('prosecution.kind.charge_sheet')}</option>
        <option value="closure">{t('prosecution.kind.closure')}</option>
      </SelectField>
      {draft.kind === 'closure' && (
        <>
          <SelectField
            id="fr-closure"
            label={t('prosecution.field.closure_reason')}
            value={draft.closureReason}
            error={fields.closureReason}
            onChange={(e) => set({ closureReason: e.target.value })}
          >
            {CLOSURE_REASONS.map((c) => (
              <option key={c} value={c}>
                {t(`prosecution.closure.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextArea
            id="fr-grounds"
            label={t('prosecution.field.closure_grounds')}
            rows={3}
            value={draft.closureGrounds}
            onChange={(e) => set({ closureGrounds: e.target.value })}
          />
        </>
      )}
      <SelectField
        id="courtId"
        label={t('prosecution.field.court')}
        value={draft.courtId}
        error={fields.courtId}
        onChange={(e) => set({ courtId: e.target.value })}
      >
        <option value="">{t('prosecution.field.court_choose')}</option>
        {(courts.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {localName(lang, c)} ({c.code})
          </option>
        ))}
      </SelectField>

      <fieldset>
        <legend>{t('prosecution.field.accused')}</legend>
        {d.sources.accused.length === 0 && <p className="muted">{t('prosecution.edit.no_accused')}</p>}
        {d.sources.accused.map((a, i) => {
          const x = draft.accused[a.code] ?? { mode: 'none' as Mode, sections: '', reason: '' };
          return (
            <div key={a.code} className="panel">
              <SelectField
                id={`accusedCharged.${i}.code`}
                label={t('prosecution.edit.accused_mode', { code: a.code, name: a.name })}
                value={x.mode}
                onChange={(e) => setAccused(a.code, { mode: e.target.value as Mode })}
              >
                {draft.kind === 'charge_sheet' && <option value="charged">{t('prosecution.mode.charged')}</option>}
                <option value="not_charged">{t('prosecution.mode.not_charged')}</option>
                <option value="none">{t('prosecution.mode.none')}</option>
              </SelectField>
              {x.mode === 'charged' && draft.kind === 'charge_sheet' && (
                <TextField
                  id={`accusedCharged.${i}.sections`}
                  label={t('prosecution.edit.sections_of', { code: a.code })}
                  hint={t('prosecution.edit.sections_hint')}
                  value={x.sections}
                  error={fields[`accusedCharged.${i}.sections`] ?? fields[`accusedCharged.${i}.sections.0`]}
                  onChange={(e) => setAccused(a.code, { sections: e.target.value })}
                />
              )}
              {x.mode === 'not_charged' && (
                <TextField
                  id={`accusedNotCharged.${i}.reason`}
                  label={t('prosecution.edit.reason_of', { code: a.code })}
                  value={x.reason}
                  onChange={(e) => setAccused(a.code, { reason: e.target.value })}
                />
              )}
            </div>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('prosecution.field.witnesses')}</legend>
        {d.sources.witnesses.map((w) => (
          <CheckboxField
            key={w.code}
            id={`fr-w-${w.code}`}
            label={`${w.code} ${w.name} (${t(`prosecution.role.${w.role}`)})`}
            checked={draft.witnesses.includes(w.code)}
            onChange={(e) => set({ witnesses: toggle(draft.witnesses, w.code, e.target.checked) })}
          />
        ))}
      </fieldset>
      {d.sources.documents.length > 0 && (
        <fieldset>
          <legend>{t('prosecution.field.documents')}</legend>
          {d.sources.documents.map((x) => (
            <CheckboxField
              key={x.documentId}
              id={`fr-d-${x.documentId}`}
              label={`${x.title} — ${x.fileName}`}
              hint={`SHA-256 ${x.sha256}`}
              checked={draft.documentIds.includes(x.documentId)}
              onChange={(e) => set({ documentIds: toggle(draft.documentIds, x.documentId, e.target.checked) })}
            />
          ))}
        </fieldset>
      )}
      {d.sources.items.length > 0 && (
        <fieldset>
          <legend>{t('prosecution.field.material_objects')}</legend>
          {d.sources.items.map((x) => (
            <CheckboxField
              key={x.itemId}
              id={`fr-i-${x.itemId}`}
              label={`${x.itemNo}. ${x.description} (${t(`prosecution.location.${x.location}`)})`}
              checked={draft.itemIds.includes(x.itemId)}
              onChange={(e) => set({ itemIds: toggle(draft.itemIds, x.itemId, e.target.checked) })}
            />
          ))}
        </fieldset>
      )}
      <TextArea
        id="briefFacts"
        label={t('prosecution.field.brief_en')}
        rows={5}
        value={draft.briefEn}
        error={fields.briefFacts}
        onChange={(e) => set({ briefEn: e.target.value })}
      />
      <TextArea
        id="fr-brief-hi"
        label={t('prosecution.field.brief_hi')}
        rows={5}
        lang="hi"
        value={draft.briefHi}
        onChange={(e) => set({ briefHi: e.target.value })}
      />
      <div className="form-actions">
        <Button type="submit" busy={save.busy} disabled={!dirty}>
          {t('prosecution.edit.save')}
        </Button>
        <Button
          variant="secondary"
          busy={submit.busy}
          onClick={() => void submit.run().then((x) => x && onSaved(t('prosecution.submitted_msg')))}
        >
          {t('prosecution.edit.submit')}
        </Button>
      </div>
    </form>
  );
}

function Approval({ d, r, onDone }: { d: FinalReportPageData; r: Report; onDone: (msg: ReactNode) => void }) {
  const { t } = useT();
  const { user } = useSession();
  const [remarks, setRemarks] = useState('');
  const headers = { headers: { 'If-Match': `"${r.version}"` } };
  const approve = useAction(() => api.post(`/cases/${d.caseId}/final-report/approve`, {}, headers));
  const ret = useAction(() => api.post(`/cases/${d.caseId}/final-report/return`, { remarks }, headers));
  if (!user || !can(user.role, 'case.approve_final_report') || d.substate !== 'awaiting_sho_approval')
    return <Notice>{t('prosecution.awaiting_sho')}</Notice>;
  const error = approve.error ?? ret.error;
  return (
    <section className="card" aria-labelledby="fr-approve">
      <h2 id="fr-approve">{t('prosecution.approve.title')}</h2>
      <p>{t('prosecution.approve.intro')}</p>
      <ErrorAlert error={error} />
      <Button busy={approve.busy} onClick={() => void approve.run().then((x) => x && onDone(t('prosecution.approved_msg')))}>
        {t('prosecution.approve.button')}
      </Button>
      <TextArea
        id="remarks"
        label={t('prosecution.approve.remarks')}
        rows={3}
        value={remarks}
        error={fieldErrorsOf(ret.error, t).remarks}
        onChange={(e) => setRemarks(e.target.value)}
      />
      <Button variant="secondary" busy={ret.busy} onClick={() => void ret.run().then((x) => x && onDone(t('prosecution.returned_msg')))}>
        {t('prosecution.approve.return')}
      </Button>
    </section>
  );
}

const personLine = (
  t: T,
  lang: Lang,
  a: { code: string; name: string; nameHi: string | null; fatherName: string | null; ageYears: number | null; address: string | null },
) =>
  [
    `${a.code} ${lang === 'hi' && a.nameHi ? a.nameHi : a.name}`,
    a.fatherName ? t('prosecution.view.father', { name: a.fatherName }) : null,
    a.ageYears !== null ? t('prosecution.view.age', { n: a.ageYears }) : null,
    a.address,
  ]
    .filter(Boolean)
    .join(', ');

/** The report as assembled: what the IO chose and the facts the records give. */
function ReportView({ d, r }: { d: FinalReportPageData; r: Report }) {
  const { t, lang } = useT();
  const c = r.content;
  const pdf = (l: 'en' | 'hi') => `/api/v1/cases/${d.caseId}/final-report/pdf?lang=${l}`;
  return (
    <section className="card" aria-labelledby="fr-view">
      <h2 id="fr-view">{t('prosecution.view.title')}</h2>
      <p>
        <a href={pdf('en')} target="_blank" rel="noopener">
          {t('prosecution.view.pdf_en')}
        </a>{' '}
        ·{' '}
        <a href={pdf('hi')} target="_blank" rel="noopener">
          {t('prosecution.view.pdf_hi')}
        </a>
      </p>
      <Facts
        items={[
          [
            t('prosecution.field.kind'),
            `${lang === 'hi' ? r.kindLabel.hi : r.kindLabel.en}${r.closureLabel ? `: ${lang === 'hi' ? r.closureLabel.hi : r.closureLabel.en}` : ''}`,
          ],
          [t('prosecution.field.sections'), sectionsText(c.firSections)],
          [t('prosecution.field.io'), `${r.io.name}${r.io.rank ? ` (${r.io.rank.toUpperCase()})` : ''}`],
          [t('prosecution.field.court'), r.court ? `${lang === 'hi' && r.court.nameHi ? r.court.nameHi : (r.court.name ?? '')}` : '—'],
          [t('prosecution.field.submitted'), r.submitted ? `${r.submitted.by ?? ''}, ${formatDateTime(r.submitted.at, lang)}` : '—'],
          [t('prosecution.field.approved'), r.approved ? `${r.approved.by ?? ''}, ${formatDateTime(r.approved.at, lang)}` : '—'],
        ]}
      />
      <h3>{t('prosecution.field.accused_charged')}</h3>
      {c.accusedCharged.length === 0 ? (
        <p className="muted">{t('prosecution.none')}</p>
      ) : (
        <ul data-testid="accused-charged">
          {c.accusedCharged.map((a) => (
            <li key={a.code}>
              {personLine(t, lang, a)} — {sectionsText(a.sections)}
              <div className="muted">
                {lang === 'hi' ? a.custodyLabel.hi : a.custodyLabel.en}
                {a.custody.arrestedAt ? ` · ${t('prosecution.view.arrested', { when: formatDateTime(a.custody.arrestedAt, lang) })}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
      {c.accusedNotCharged.length > 0 && (
        <>
          <h3>{t('prosecution.field.accused_not_charged')}</h3>
          <ul>
            {c.accusedNotCharged.map((a) => (
              <li key={a.code}>
                {personLine(t, lang, a)} — {a.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('prosecution.field.witnesses')}</h3>
      <ul data-testid="witnesses">
        {c.witnesses.map((w) => (
          <li key={w.code}>
            {w.code} {w.name} ({t(`prosecution.role.${w.role}`)}){w.identityWithheld ? ` — ${t('prosecution.view.withheld')}` : ''}
            {w.statements.length > 0 &&
              ` — ${t('prosecution.view.statements', { list: w.statements.map((s) => `${s.no} (${formatDate(s.recordedAt, lang)})`).join(', ') })}`}
          </li>
        ))}
      </ul>
      {c.documents.length > 0 && (
        <>
          <h3>{t('prosecution.field.documents')}</h3>
          <ul>
            {c.documents.map((x) => (
              <li key={x.documentId}>
                {x.title} — {x.fileName} <code className="muted">SHA-256 {x.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.materialObjects.length > 0 && (
        <>
          <h3>{t('prosecution.field.material_objects')}</h3>
          <ul data-testid="material-objects">
            {c.materialObjects.map((m) => (
              <li key={m.itemId}>
                {t('prosecution.view.item', { memo: m.seizureMemoNo, no: m.itemNo })} {m.description} × {m.quantity} {m.unit}, ₹
                {formatNumber(m.value, lang)} — {t(`prosecution.location.${m.location}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('prosecution.field.brief')}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>
        {(lang === 'hi' ? c.briefFacts.hi || c.briefFacts.en : c.briefFacts.en || c.briefFacts.hi) || '—'}
      </p>
      {c.kind === 'closure' && c.closureGrounds && (
        <>
          <h3>{t('prosecution.field.closure_grounds')}</h3>
          <p>{c.closureGrounds}</p>
        </>
      )}
    </section>
  );
}

function EfilingView({ d }: { d: FinalReportPageData }) {
  const { t, lang } = useT();
  const e = d.efiling!;
  return (
    <section className="card" aria-labelledby="fr-efiling">
      <h2 id="fr-efiling">{t('prosecution.efiling.title')}</h2>
      <Facts
        items={[
          [t('prosecution.efiling.status'), <span data-testid="efiling-status">{t(`prosecution.efiling.status_${e.status}`)}</span>],
          [t('prosecution.efiling.package'), <code>{e.packageId}</code>],
          [t('prosecution.efiling.filed'), formatDateTime(e.createdAt, lang)],
          [
            t('prosecution.efiling.delivered'),
            e.deliveredAt
              ? `${formatDateTime(e.deliveredAt, lang)}${e.deliveredVia ? ` (${t(`prosecution.efiling.via_${e.deliveredVia}`)})` : ''}`
              : '—',
          ],
          [t('prosecution.efiling.sha'), <code className="muted">{e.packageSha256}</code>],
          ['PDF (en / hi) SHA-256', <code className="muted">{`${e.pdf.en.sha256} / ${e.pdf.hi.sha256}`}</code>],
        ]}
      />
      {e.attempts.length > 0 && (
        <>
          <h3>{t('prosecution.efiling.attempts')}</h3>
          <ol>
            {e.attempts.map((a) => (
              <li key={a.attempt}>
                {formatDateTime(a.at, lang)} — {t(`prosecution.efiling.outcome_${a.outcome}`)}
                {a.httpStatus ? ` (HTTP ${a.httpStatus})` : ''}
                {a.error ? `: ${a.error}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, useParams } from '../../router.tsx';
import { Button, CheckboxField, ErrorAlert, Facts, Loading, Notice, Page, SelectField, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { CASE_WORKFLOW, isCaseStage } from '../../../../server/src/modules/investigation/workflow.ts';
import { Proceedings } from '../prosecution/Proceedings.tsx';
import type { CourtCase } from './types.ts';

/** Today's date in India (for date inputs' defaults). */
const todayIst = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });

/**
 * One case e-filed to the clerk's court: the package as filed (with the PDFs and every hash),
 * acceptance with the CNR, hearing dates (framing of charges starts the trial), the judgment
 * per accused (IIF-6) and appeals (IIF-7). The buttons are the workflow's moves for the court.
 */
export default function CourtCasePage() {
  const { t, lang } = useT();
  const { ref } = useParams();
  const c = useFetch<CourtCase>(`/court-clerk/cases/${encodeURIComponent(ref ?? '')}`);
  const [done, setDone] = useState<ReactNode>(null);
  if (c.loading && !c.data) return <Loading />;
  if (!c.data)
    return (
      <Page title={t('court.case.title_plain')}>
        <ErrorAlert error={c.error} />
        <Link to="/court">{t('court.case.back')}</Link>
      </Page>
    );
  const x = c.data;
  const p = x.package;
  const after = (msg: ReactNode) => {
    setDone(msg);
    c.reload();
  };
  const inCourt = x.stage === 'accepted_by_court' || x.stage === 'under_trial';
  const pdf = (l: 'en' | 'hi') => `/api/v1/court-clerk/packages/${x.packageId}/pdf/${l}`;
  return (
    <Page title={t('court.case.title', { fir: x.firNumber, station: lang === 'hi' ? x.station.nameHi : x.station.name })}>
      {done && <Notice kind="success">{done}</Notice>}
      <p>
        <span className="badge badge-neutral" data-testid="court-stage">
          {isCaseStage(x.stage) ? CASE_WORKFLOW[x.stage].label[lang] : x.stage}
        </span>{' '}
        {x.courtCase && <span className="badge badge-ok">CNR {x.courtCase.cnr}</span>}
      </p>
      {x.actions.includes('accept_final_report') && <Accept x={x} onDone={(cnr) => after(t('court.accept.done', { cnr }))} />}
      {inCourt && <HearingForm x={x} onDone={() => after(t('court.hearing.done'))} />}
      {x.actions.includes('record_disposal') && <DisposalForm x={x} onDone={() => after(t('court.disposal.done'))} />}
      {x.actions.includes('record_appeal') && <AppealForm x={x} onDone={() => after(t('court.appeal.done'))} />}

      <section className="card" aria-labelledby="cc-package">
        <h2 id="cc-package">{t('court.case.package')}</h2>
        <p>
          <a href={pdf('en')} target="_blank" rel="noopener">
            {t('court.case.pdf_en')}
          </a>{' '}
          ·{' '}
          <a href={pdf('hi')} target="_blank" rel="noopener">
            {t('court.case.pdf_hi')}
          </a>
        </p>
        <Facts
          items={[
            [t('court.field.kind'), t(`court.kind.${p.finalReport.kind}`)],
            [t('court.case.sections'), p.fir.sections.map((s) => `${s.act} ${s.section}`).join(', ')],
            [t('court.case.io'), p.finalReport.investigatingOfficer.name],
            [t('court.case.approved'), `${p.finalReport.approvedBy.name}, ${formatDateTime(p.finalReport.approvedAt, lang)}`],
            [t('court.case.package_id'), <code>{x.packageId}</code>],
            ['SHA-256', <code className="muted">{x.packageSha256}</code>],
          ]}
        />
        {p.finalReport.accusedCharged.length > 0 && (
          <>
            <h3>{t('court.case.accused')}</h3>
            <ul>
              {p.finalReport.accusedCharged.map((a) => (
                <li key={a.code}>
                  {a.code} {a.name}
                  {a.fatherName ? `, ${a.fatherName}` : ''} — {a.sections.map((s) => `${s.act} ${s.section}`).join(', ')} (
                  {t(`court.custody.${a.custody.status}`)})
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('court.case.witnesses')}</h3>
        <ul>
          {p.finalReport.witnesses.map((w) => (
            <li key={w.code}>
              {w.code} {w.identityWithheld ? t('court.case.withheld') : w.name}
            </li>
          ))}
        </ul>
        {p.finalReport.documents.length > 0 && (
          <>
            <h3>{t('court.case.documents')}</h3>
            <ul>
              {p.finalReport.documents.map((d) => (
                <li key={d.documentId}>
                  {d.title} <code className="muted">SHA-256 {d.sha256}</code>
                </li>
              ))}
            </ul>
          </>
        )}
        {p.finalReport.materialObjects.length > 0 && (
          <>
            <h3>{t('court.case.objects')}</h3>
            <ul>
              {p.finalReport.materialObjects.map((m) => (
                <li key={m.itemId}>
                  {m.seizureMemoNo}/{m.itemNo} {m.description}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('court.case.facts')}</h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>
          {lang === 'hi'
            ? p.finalReport.briefFacts.hi || p.finalReport.briefFacts.en
            : p.finalReport.briefFacts.en || p.finalReport.briefFacts.hi}
        </p>
      </section>

      {x.courtCase && (
        <section className="card" aria-labelledby="cc-record">
          <h2 id="cc-record">{t('court.case.record')}</h2>
          <Proceedings hearings={x.hearings} disposal={x.disposal} appeals={x.appeals} />
        </section>
      )}
    </Page>
  );
}

function Accept({ x, onDone }: { x: CourtCase; onDone: (cnr: string) => void }) {
  const { t } = useT();
  const [cnr, setCnr] = useState('');
  const [no, setNo] = useState('');
  const act = useAction(() =>
    api.post<{ cnr: string }>(`/court-clerk/packages/${x.packageId}/accept`, {
      ...(cnr.trim() ? { cnr: cnr.trim() } : {}),
      ...(no.trim() ? { courtCaseNo: no.trim() } : {}),
    }),
  );
  const fields = fieldErrorsOf(act.error, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await act.run();
    if (r) onDone(r.cnr);
  };
  return (
    <form className="card" aria-labelledby="cc-accept" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="cc-accept">{t('court.accept.title')}</h2>
      <ErrorAlert error={act.error} />
      <TextField
        id="cnr"
        label={t('court.accept.cnr')}
        hint={t('court.accept.cnr_hint')}
        value={cnr}
        error={fields.cnr}
        onChange={(e) => setCnr(e.target.value.toUpperCase())}
        maxLength={16}
      />
      <TextField id="courtCaseNo" label={t('court.accept.case_no')} value={no} onChange={(e) => setNo(e.target.value)} />
      <Button type="submit" busy={act.busy}>
        {t('court.accept.button')}
      </Button>
    </form>
  );
}

function HearingForm({ x, onDone }: { x: CourtCase; onDone: () => void }) {
  const { t } = useT();
  const [date, setDate] = useState('');
  const [purpose, setPurpose] = useState('');
  const [framed, setFramed] = useState(false);
  const act = useAction(() =>
    api.post(`/court-clerk/cases/${x.packageId}/hearings`, { date, purpose, ...(framed ? { chargesFramed: true } : {}) }),
  );
  const fields = fieldErrorsOf(act.error, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act.run()) {
      setDate('');
      setPurpose('');
      setFramed(false);
      onDone();
    }
  };
  return (
    <form className="card" aria-labelledby="cc-hearing" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="cc-hearing">{t('court.hearing.title')}</h2>
      <ErrorAlert error={act.error} />
      <TextField
        id="date"
        type="date"
        label={t('court.hearing.date')}
        value={date}
        error={fields.date}
        onChange={(e) => setDate(e.target.value)}
        required
      />
      <TextField
        id="purpose"
        label={t('court.hearing.purpose')}
        value={purpose}
        error={fields.purpose}
        onChange={(e) => setPurpose(e.target.value)}
        required
      />
      {x.stage === 'accepted_by_court' && x.package.finalReport.kind === 'charge_sheet' && (
        <CheckboxField
          id="cc-framed"
          label={t('court.hearing.framed')}
          hint={t('court.hearing.framed_hint')}
          checked={framed}
          onChange={(e) => setFramed(e.target.checked)}
        />
      )}
      <Button type="submit" busy={act.busy}>
        {t('court.hearing.button')}
      </Button>
    </form>
  );
}

interface AccusedResult {
  result: string;
  months: string;
  kind: string;
  fine: string;
}

function DisposalForm({ x, onDone }: { x: CourtCase; onDone: () => void }) {
  const { t } = useT();
  const accused = x.package.finalReport.accusedCharged;
  const [decidedOn, setDecidedOn] = useState(todayIst());
  const [ref, setRef] = useState('');
  const [rows, setRows] = useState<Record<string, AccusedResult>>(() =>
    Object.fromEntries(accused.map((a) => [a.code, { result: 'convicted', months: '', kind: 'simple', fine: '' }])),
  );
  const setRow = (code: string, p: Partial<AccusedResult>) => setRows((r) => ({ ...r, [code]: { ...r[code], ...p } }));
  const body = () => ({
    decidedOn,
    ...(ref.trim() ? { judgmentRef: ref.trim() } : {}),
    accused: accused.map((a) => {
      const r = rows[a.code];
      const sentence =
        r.result === 'convicted'
          ? {
              ...(r.kind === 'life'
                ? { imprisonmentKind: 'life' }
                : r.months
                  ? { imprisonmentMonths: Number(r.months), imprisonmentKind: r.kind }
                  : {}),
              ...(r.fine ? { fineRupees: Number(r.fine) } : {}),
            }
          : undefined;
      return { code: a.code, result: r.result, ...(sentence ? { sentence } : {}) };
    }),
  });
  const act = useAction(() => api.post(`/court-clerk/cases/${x.packageId}/disposal`, body()));
  const fields = fieldErrorsOf(act.error, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act.run()) onDone();
  };
  return (
    <form className="card" aria-labelledby="cc-disposal" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="cc-disposal">{t('court.disposal.title')}</h2>
      <ErrorAlert error={act.error} />
      <TextField
        id="decidedOn"
        type="date"
        label={t('court.disposal.date')}
        value={decidedOn}
        error={fields.decidedOn}
        onChange={(e) => setDecidedOn(e.target.value)}
      />
      <TextField id="judgmentRef" label={t('court.disposal.ref')} value={ref} onChange={(e) => setRef(e.target.value)} />
      {accused.length === 0 && <p>{t('court.disposal.closure')}</p>}
      {accused.map((a, i) => {
        const r = rows[a.code];
        return (
          <fieldset key={a.code}>
            <legend>
              {a.code} {a.name}
            </legend>
            <SelectField
              id={`accused.${i}.code`}
              label={t('court.disposal.result_of', { code: a.code })}
              value={r.result}
              onChange={(e) => setRow(a.code, { result: e.target.value })}
            >
              {['convicted', 'acquitted', 'discharged', 'compounded'].map((v) => (
                <option key={v} value={v}>
                  {t(`court.result.${v}`)}
                </option>
              ))}
            </SelectField>
            {r.result === 'convicted' && (
              <>
                <SelectField
                  id={`accused.${i}.kind`}
                  label={t('court.disposal.kind_of', { code: a.code })}
                  value={r.kind}
                  onChange={(e) => setRow(a.code, { kind: e.target.value })}
                >
                  {['simple', 'rigorous', 'life'].map((v) => (
                    <option key={v} value={v}>
                      {t(`court.imprisonment.${v}`)}
                    </option>
                  ))}
                </SelectField>
                {r.kind !== 'life' && (
                  <TextField
                    id={`accused.${i}.sentence`}
                    type="number"
                    min={0}
                    label={t('court.disposal.months_of', { code: a.code })}
                    value={r.months}
                    error={fields[`accused.${i}.sentence`]}
                    onChange={(e) => setRow(a.code, { months: e.target.value })}
                  />
                )}
                <TextField
                  id={`accused.${i}.fine`}
                  type="number"
                  min={0}
                  label={t('court.disposal.fine_of', { code: a.code })}
                  value={r.fine}
                  onChange={(e) => setRow(a.code, { fine: e.target.value })}
                />
              </>
            )}
          </fieldset>
        );
      })}
      <Button type="submit" busy={act.busy}>
        {accused.length ? t('court.disposal.button') : t('court.disposal.accept_closure')}
      </Button>
    </form>
  );
}

function AppealForm({ x, onDone }: { x: CourtCase; onDone: () => void }) {
  const { t } = useT();
  const [f, setF] = useState({ appealRef: '', appellateCourt: '', appellant: 'accused', result: 'pending' });
  const act = useAction(() => api.post(`/court-clerk/cases/${x.packageId}/appeals`, f));
  const fields = fieldErrorsOf(act.error, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await act.run()) onDone();
  };
  return (
    <form className="card" aria-labelledby="cc-appeal" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="cc-appeal">{t('court.appeal.title')}</h2>
      <ErrorAlert error={act.error} />
      <TextField
        id="appealRef"
        label={t('court.appeal.ref')}
        value={f.appealRef}
        error={fields.appealRef}
        onChange={(e) => setF({ ...f, appealRef: e.target.value })}
      />
      <TextField
        id="appellateCourt"
        label={t('court.appeal.court')}
        value={f.appellateCourt}
        error={fields.appellateCourt}
        onChange={(e) => setF({ ...f, appellateCourt: e.target.value })}
      />
      <SelectField
        id="appellant"
        label={t('court.appeal.appellant')}
        value={f.appellant}
        onChange={(e) => setF({ ...f, appellant: e.target.value })}
      >
        {['state', 'accused', 'victim', 'complainant'].map((v) => (
          <option key={v} value={v}>
            {t(`court.appellant.${v}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="result" label={t('court.appeal.result')} value={f.result} onChange={(e) => setF({ ...f, result: e.target.value })}>
        {['pending', 'allowed', 'dismissed', 'partly_allowed', 'remanded', 'withdrawn', 'abated'].map((v) => (
          <option key={v} value={v}>
            {t(`court.appeal_result.${v}`)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" busy={act.busy}>
        {t('court.appeal.button')}
      </Button>
    </form>
  );
}

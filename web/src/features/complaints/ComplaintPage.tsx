import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, useParams } from '../../router.tsx';
import { CheckboxField, ErrorAlert, Facts, Loading, Notice, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { ClientError, fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { ComplaintItems } from '../../components/ComplaintItems.tsx';
import { MissingPersonFacts } from '../../components/MissingPersonFacts.tsx';
import { ActionForm } from '../../components/forms.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { pick, statusBadge } from '../citizen/labels.ts';
import type { PublicStations } from '../citizen/types.ts';
import { ClockBadges } from './Clocks.tsx';
import type { ComplaintAction, PoliceComplaint } from './types.ts';

/** "BNS 303(2), 305; ITA 66D" → [{act:'BNS',section:'303(2)'}, {act:'BNS',section:'305'}, {act:'ITA',section:'66D'}]. */
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

/**
 * One complaint at the station: what the citizen sent, its clocks and history, and the actions
 * the workflow allows this officer now (the server's own list): register an FIR, record an NCR,
 * propose a preliminary enquiry, decide on one (SDPO), transfer, close with a reason, or record
 * the informant's signature on an e-FIR.
 */
export default function ComplaintPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const c = useFetch<PoliceComplaint>(`/complaints/${encodeURIComponent(id ?? '')}`);
  const [done, setDone] = useState<ReactNode>(null);

  if (c.loading && !c.data) return <Loading />;
  if (!c.data)
    return (
      <Page title={t('complaints.inbox.title')}>
        <ErrorAlert error={c.error} />
        <Link to="/complaints">{t('complaints.detail.back')}</Link>
      </Page>
    );
  const x = c.data;
  const after = (msg: ReactNode) => {
    setDone(msg);
    c.reload();
  };
  return (
    <Page title={t('complaints.detail.title', { ack: x.ackNumber })}>
      {done && <Notice kind="success">{done}</Notice>}
      <p>
        <span className={statusBadge(x.status)}>{pick(lang, x.statusLabelEn, x.statusLabelHi)}</span>{' '}
        <ClockBadges efir={x.efirClock} enquiry={x.enquiry} />
      </p>
      {x.efirClock && !x.efirClock.signedAt && x.efirClock.signDueAt && (
        <Notice kind={x.efirClock.overdue ? 'warning' : 'info'}>
          {t(x.efirClock.overdue ? 'complaints.detail.efir_overdue' : 'complaints.detail.efir_due', {
            when: formatDateTime(x.efirClock.signDueAt, lang),
          })}
        </Notice>
      )}
      {x.enquiry?.state === 'approved' && x.enquiry.dueAt && (
        <Notice kind={x.enquiry.overdue ? 'warning' : 'info'}>
          {t('complaints.detail.pe_due', { when: formatDateTime(x.enquiry.dueAt, lang) })}
        </Notice>
      )}
      {x.fir && (
        <Notice>
          {t('complaints.detail.fir', { number: x.fir.firNumber ?? '' })}{' '}
          <Link to={`/firs/${x.fir.id}`}>{t('complaints.detail.open_fir')}</Link>
        </Notice>
      )}
      {x.ncr && <Notice>{t('complaints.detail.ncr', { number: x.ncr.ncrNumber ?? '' })}</Notice>}
      {x.closedReason && <Notice>{t('complaints.detail.closed', { reason: x.closedReason })}</Notice>}

      {x.actions.length > 0 && <Actions c={x} onDone={after} onStale={c.reload} />}

      <section className="card" aria-labelledby="cd-what">
        <h2 id="cd-what">{t('complaints.detail.what')}</h2>
        <Facts
          items={[
            [t('complaints.field.kind'), `${pick(lang, x.kindLabelEn, x.kindLabelHi)}${x.efir ? ` (${t('complaints.efir')})` : ''}`],
            [t('complaints.field.received'), formatDateTime(x.submittedAt, lang)],
            [
              t('complaints.field.occurred'),
              `${formatDateTime(x.occurrence.from, lang)}${x.occurrence.to ? ` – ${formatDateTime(x.occurrence.to, lang)}` : ''}`,
            ],
            [t('complaints.field.place'), x.occurrence.place],
            [t('complaints.field.station'), `${pick(lang, x.station.name, x.station.nameHi)} (${x.station.code})`],
            [t('complaints.field.property_total'), `₹${formatNumber(x.propertyTotalValue, lang)}`],
          ]}
        />
        {x.missingPerson && <MissingPersonFacts m={x.missingPerson} />}
        <h3>{t('complaints.field.description')}</h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>{x.description}</p>
        <h3>{t('complaints.field.complainant')}</h3>
        <Facts
          items={[
            [t('complaints.field.name'), x.complainant.name ?? '—'],
            [t('complaints.field.relative'), x.complainant.relativeName ?? '—'],
            [t('complaints.field.address'), x.complainant.address ?? '—'],
            [t('complaints.field.mobile'), x.complainant.mobile ?? '—'],
            [t('complaints.field.email'), x.complainant.email ?? '—'],
          ]}
        />
        {x.suspects.length > 0 && (
          <>
            <h3>{t('complaints.field.suspects')}</h3>
            <ul>
              {x.suspects.map((s, i) => (
                <li key={i}>{[s.name, s.description, s.address].filter(Boolean).join(' — ')}</li>
              ))}
            </ul>
          </>
        )}
        <ComplaintItems
          properties={x.properties}
          attachments={x.attachments}
          headings={{ property: t('complaints.field.property'), attachments: t('complaints.field.attachments') }}
          showType
        />
      </section>

      <section className="card" aria-labelledby="cd-history">
        <h2 id="cd-history">{t('complaints.detail.history')}</h2>
        <ol>
          {x.history.map((h, i) => (
            <li key={i}>
              <strong>{t(`complaints.event.${h.action}`)}</strong> — {formatDateTime(h.at, lang)} ·{' '}
              {pick(lang, h.station.name, h.station.nameHi)} · {h.officer.name}
              {h.gdEntry?.entryNo ? ` · ${t('complaints.detail.gd', { no: h.gdEntry.entryNo, date: h.gdEntry.date ?? '' })}` : ''}
              {h.publicNote && <div className="muted">{h.publicNote}</div>}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to="/complaints">{t('complaints.detail.back')}</Link>
      </p>
    </Page>
  );
}

function Actions({ c, onDone, onStale }: { c: PoliceComplaint; onDone: (msg: ReactNode) => void; onStale: () => void }) {
  const { t } = useT();
  const [action, setAction] = useState<ComplaintAction>(c.actions[0]);
  const current = c.actions.includes(action) ? action : c.actions[0];
  return (
    <section className="card" aria-labelledby="cd-actions">
      <h2 id="cd-actions">{t('complaints.actions.title')}</h2>
      <fieldset>
        <legend>{t('complaints.actions.choose')}</legend>
        {c.actions.map((a) => (
          <div className="check-row" key={a}>
            <input type="radio" id={`act-${a}`} name="complaint-action" value={a} checked={current === a} onChange={() => setAction(a)} />
            <label htmlFor={`act-${a}`}>{t(`complaints.action.${a}`)}</label>
          </div>
        ))}
      </fieldset>
      <ComplaintActionForm key={`${current}-${c.version}`} c={c} action={current} onDone={onDone} onStale={onStale} />
    </section>
  );
}

function ComplaintActionForm({
  c,
  action,
  onDone,
  onStale,
}: {
  c: PoliceComplaint;
  action: ComplaintAction;
  onDone: (msg: ReactNode) => void;
  onStale: () => void;
}) {
  const { t, lang } = useT();
  const stations = useFetch<PublicStations>(action === 'transfer' ? '/public/stations' : null);
  // The server's suggestion for this complaint: the kind's sections, or kidnapping for a missing child.
  const suggested = c.suggestedSections;
  const [sections, setSections] = useState(action === 'open_enquiry' ? '' : '');
  const [signed, setSigned] = useState(false);
  const [beatCode, setBeatCode] = useState('');
  const [text, setText] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const [approve, setApprove] = useState<'yes' | 'no'>('yes');
  const [toStation, setToStation] = useState('');
  const sectionsValue = sections || (action === 'register_fir' ? sectionsText(suggested) : '');

  const run = useAction(async () => {
    const v = { version: c.version };
    const path = `/complaints/${c.id}`;
    try {
      switch (action) {
        case 'register_fir': {
          const s = parseSections(sectionsValue);
          if (!s.length) throw new ClientError('error.fix_fields', { sections: 'common.required' });
          if (c.efirClock && !c.efirClock.signedAt && !signed)
            throw new ClientError('error.fix_fields', { informantSigned: 'complaints.form.must_sign' });
          const r = await api.post<{ fir: { firNumber: string } }>(`${path}/register-fir`, {
            ...v,
            sections: s,
            ...(signed ? { informantSigned: true } : {}),
            ...(beatCode.trim() ? { occurrence: { beatCode: beatCode.trim() } } : {}),
            ...(text.trim() ? { actionTaken: text.trim() } : {}),
          });
          onDone(t('complaints.done.fir', { number: r.fir.firNumber }));
          return;
        }
        case 'record_ncr': {
          const s = parseSections(sections);
          if (!s.length) throw new ClientError('error.fix_fields', { sections: 'common.required' });
          const r = await api.post<{ ncr: { ncrNumber: string } }>(`${path}/ncr`, {
            ...v,
            sections: s,
            ...(referredTo.trim() ? { referredTo: referredTo.trim() } : {}),
          });
          onDone(t('complaints.done.ncr', { number: r.ncr.ncrNumber }));
          return;
        }
        case 'open_enquiry': {
          const s = parseSections(sections);
          requireFields({ reason: text }, ['reason'], s.length ? {} : { sections: 'common.required' });
          await api.post(`${path}/enquiry`, { ...v, sections: s, reason: text });
          onDone(t('complaints.done.enquiry'));
          return;
        }
        case 'decide_enquiry':
          requireFields({ remarks: text }, ['remarks']);
          await api.post(`${path}/enquiry/decision`, { ...v, approve: approve === 'yes', remarks: text });
          onDone(t(approve === 'yes' ? 'complaints.done.approved' : 'complaints.done.refused'));
          return;
        case 'transfer':
          requireFields({ toStationCode: toStation, reason: text }, ['toStationCode', 'reason']);
          await api.post(`${path}/transfer`, { ...v, toStationCode: toStation, reason: text });
          onDone(
            <>
              {t('complaints.done.transferred', { station: toStation })} <Link to="/complaints">{t('complaints.detail.back')}</Link>
            </>,
          );
          return;
        case 'close':
          requireFields({ reason: text }, ['reason']);
          await api.post(`${path}/close`, { ...v, reason: text });
          onDone(t('complaints.done.closed'));
          return;
        case 'sign':
          await api.post(`${path}/sign`, v);
          onDone(t('complaints.done.signed'));
          return;
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version') onStale();
      throw e;
    }
  });

  const fe = fieldErrorsOf(run.error, t);
  const sectionsField = (hint: string) => (
    <TextField
      id="ca-sections"
      label={t('complaints.form.sections')}
      hint={hint}
      required
      value={action === 'register_fir' ? sectionsValue : sections}
      error={fe.sections ?? Object.entries(fe).find(([k]) => k.startsWith('sections.'))?.[1]}
      onChange={(e) => setSections(e.target.value)}
    />
  );
  // The action's free text: its reason or remarks (required), or the action taken on an FIR.
  const textBox = (label: string, rows: number, field?: 'reason' | 'remarks') => (
    <TextArea
      id={`ca-${field ?? 'reason'}`}
      label={label}
      required={!!field}
      rows={rows}
      maxLength={2000}
      value={text}
      error={field && fe[field]}
      onChange={(e) => setText(e.target.value)}
    />
  );
  const labels = {
    sections: t('complaints.form.sections'),
    informantSigned: t('complaints.form.signed'),
    reason: t('complaints.form.reason'),
    remarks: t('complaints.form.remarks'),
    toStationCode: t('complaints.form.to_station'),
  };

  return (
    <ActionForm
      action={run}
      idPrefix="ca-"
      fieldLabels={labels}
      submit={t(`complaints.submit.${action}`)}
      variant={action === 'close' ? 'danger' : 'primary'}
      buttonRow
    >
      {action === 'register_fir' && (
        <>
          {sectionsField(t('complaints.form.sections_hint'))}
          {c.efirClock && !c.efirClock.signedAt && (
            <CheckboxField
              id="ca-informantSigned"
              label={t('complaints.form.signed')}
              hint={t('complaints.form.signed_hint')}
              checked={signed}
              error={fe.informantSigned}
              onChange={(e) => setSigned(e.target.checked)}
            />
          )}
          <TextField
            id="ca-beat"
            label={t('complaints.form.beat')}
            hint={t('complaints.form.beat_hint')}
            maxLength={12}
            value={beatCode}
            error={fe['occurrence.beatCode']}
            onChange={(e) => setBeatCode(e.target.value)}
          />
          {textBox(t('complaints.form.action_taken'), 2)}
        </>
      )}
      {action === 'record_ncr' && (
        <>
          <Notice>{t('complaints.form.ncr_note')}</Notice>
          {sectionsField(t('complaints.form.ncr_sections_hint'))}
          <TextField
            id="ca-referred"
            label={t('complaints.form.referred_to')}
            maxLength={200}
            value={referredTo}
            onChange={(e) => setReferredTo(e.target.value)}
          />
        </>
      )}
      {action === 'open_enquiry' && (
        <>
          <Notice>{t('complaints.form.pe_note')}</Notice>
          {sectionsField(t('complaints.form.pe_sections_hint'))}
          {textBox(t('complaints.form.reason'), 3, 'reason')}
        </>
      )}
      {action === 'decide_enquiry' && (
        <>
          {c.enquiry && (
            <Facts
              items={[
                [t('complaints.form.sections'), sectionsText(c.enquiry.sections)],
                [t('complaints.form.reason'), c.enquiry.reason ?? ''],
              ]}
            />
          )}
          <SelectField
            id="ca-approve"
            label={t('complaints.form.decision')}
            value={approve}
            onChange={(e) => setApprove(e.target.value as 'yes' | 'no')}
          >
            <option value="yes">{t('complaints.form.permit')}</option>
            <option value="no">{t('complaints.form.refuse')}</option>
          </SelectField>
          {textBox(t('complaints.form.remarks'), 2, 'remarks')}
        </>
      )}
      {action === 'transfer' && (
        <>
          <SelectField
            id="ca-toStationCode"
            label={t('complaints.form.to_station')}
            required
            value={toStation}
            error={fe.toStationCode}
            onChange={(e) => setToStation(e.target.value)}
          >
            <option value="">{t('complaints.form.choose')}</option>
            {stations.data?.stations
              .filter((s) => s.code !== c.station.code)
              .map((s) => (
                <option key={s.code} value={s.code}>
                  {localName(lang, s)} ({s.code})
                </option>
              ))}
          </SelectField>
          {textBox(t('complaints.form.reason'), 2, 'reason')}
        </>
      )}
      {action === 'close' && (
        <>
          <Notice kind="warning">{t('complaints.form.close_note')}</Notice>
          {textBox(t('complaints.form.close_reason'), 3, 'reason')}
        </>
      )}
      {action === 'sign' && <p>{t('complaints.form.sign_note')}</p>}
    </ActionForm>
  );
}

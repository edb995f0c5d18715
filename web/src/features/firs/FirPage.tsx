import { useState, type ReactNode } from 'react';
import { api, API_BASE, ApiError } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, useLocation, useParams } from '../../router.tsx';
import { ActionCard, ActionForm } from '../../components/forms.tsx';
import { Button, Dialog, ErrorAlert, Facts, Loading, Notice, Page, SelectField, TextArea } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useSession, type User } from '../../session.tsx';
import { can } from '../../policy.ts';
import type { PublicStations } from '../citizen/types.ts';
import { sectionText, stageLabel, weekday } from './labels.ts';
import type { FirView } from './types.ts';

/**
 * One FIR as registered (every IIF-1 item), its stage, its addenda (the FIR itself never
 * changes: a correction is an addendum with its reason), the FIR copy in English and Hindi,
 * and the zero-FIR transfer: sending it to the jurisdictional station, and that station's
 * acknowledgement, which re-registers it there under its own number. Whom the policy lets
 * ('fir.mark_sensitive': the SHO and those above) mark an FIR sensitive, with its reason.
 */
export default function FirPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const loc = useLocation();
  const { user } = useSession();
  const fir = useFetch<FirView>(`/firs/${encodeURIComponent(id ?? '')}`);
  const [done, setDone] = useState<ReactNode>(loc.search.get('registered') ? 'registered' : null);

  if (fir.loading && !fir.data) return <Loading />;
  const f = fir.data;
  if (!f || !user)
    return (
      <Page title={t('firs.view.title_plain')}>
        <ErrorAlert error={fir.error} />
        <Link to="/firs">{t('firs.back')}</Link>
      </Page>
    );
  const station = localName(lang, { name: f.stationName, nameHi: f.stationNameHi });
  const c = f.complainant;
  const after = (msg: ReactNode) => {
    setDone(msg);
    fir.reload();
  };
  const dash = '—';
  const yes = (b: boolean | undefined) => (b ? t('common.yes') : t('common.no'));
  const copyBase = `${API_BASE}/firs/${f.id}/copy.pdf`;
  const receiving = f.transfer?.state === 'pending' && user.stationId === f.transfer.toStationId;
  const mayTransfer = can(user.role, 'fir.transfer') && !f.transfer && !f.originFir && user.stationId === f.stationId;
  // The server only marks (there is no unmarking): an FIR already sensitive offers nothing.
  const mayMarkSensitive = can(user.role, 'fir.mark_sensitive') && !f.sensitive && holds(user, f);

  return (
    <Page title={t('firs.view.title', { number: f.firNumber, station })}>
      {done === 'registered' ? (
        <Notice kind="success">{t('firs.view.registered_notice', { number: f.firNumber })}</Notice>
      ) : (
        done && <Notice kind="success">{done}</Notice>
      )}
      <p>
        <span className="badge badge-neutral" data-testid="fir-stage">
          {stageLabel(f.stage, lang)}
        </span>{' '}
        {f.sensitive && (
          <span className="badge badge-warn" data-testid="fir-sensitive">
            {t('firs.sensitive')}
          </span>
        )}{' '}
        {f.zeroFir && <span className="badge badge-neutral">{t('firs.zero_fir')}</span>}{' '}
        {f.transfer?.state === 'pending' && (
          <span className="badge badge-warn" data-testid="transfer-pending">
            {t('firs.view.transfer_pending_badge', { station: f.transfer.toStationCode })}
          </span>
        )}
      </p>

      <div className="button-row">
        <a className="btn btn-primary" href={`${copyBase}?lang=en`} download>
          {t('firs.view.copy_en')}
        </a>
        <a className="btn btn-secondary" href={`${copyBase}?lang=hi`} download lang="hi">
          {t('firs.view.copy_hi')}
        </a>
        {can(user.role, 'case.read') && (
          <Link className="btn btn-secondary" to={`/cases/${f.id}`}>
            {t('firs.view.case_page')}
          </Link>
        )}
      </div>

      {f.sensitive && (
        <Notice kind="warning" live={false}>
          {t('firs.view.sensitive_notice')}{' '}
          {f.sensitiveReason
            ? t('firs.view.sensitive_reason', { reason: f.sensitiveReason })
            : f.sensitiveBySection && t('firs.view.sensitive_by_section')}
        </Notice>
      )}
      {f.transfer && <TransferStatus f={f} />}
      {f.originFir && (
        <Notice live={false}>
          {t('firs.view.origin', { number: f.originFir.firNumber, station: f.originFir.stationCode })}{' '}
          <Link to={`/firs/${f.originFir.id}`}>{t('firs.view.open_origin')}</Link>
        </Notice>
      )}
      {receiving && <Acknowledge f={f} />}

      <section className="card" aria-labelledby="fv-head">
        <h2 id="fv-head">{t('firs.view.part.registration')}</h2>
        <Facts
          items={[
            [t('firs.view.district'), localName(lang, { name: f.districtName, nameHi: f.districtNameHi })],
            [t('firs.view.station'), `${station} (${f.stationCode})`],
            [t('firs.view.year'), String(f.year)],
            [t('firs.view.number'), <strong key="n">{f.firNumber}</strong>],
            [t('firs.view.registered_at'), formatDateTime(f.registeredAt, lang)],
            [
              t('firs.view.officer'),
              `${f.registeringOfficer.name}${f.registeringOfficer.rank ? ` (${t(`rank.${f.registeringOfficer.rank}`)})` : ''}`,
            ],
          ]}
        />
      </section>

      <section className="card" aria-labelledby="fv-sections">
        <h2 id="fv-sections">{t('firs.form.part.sections')}</h2>
        <ul data-testid="fir-sections">
          {f.sections.map((s) => (
            <li key={s.label}>
              {sectionText(s, lang)}
              {s.sensitive && <span className="badge badge-warn"> {t('firs.sensitive')}</span>}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="fv-occ">
        <h2 id="fv-occ">{t('firs.form.part.occurrence')}</h2>
        <Facts
          items={[
            [t('firs.view.day'), weekday(f.occurrence.from, lang)],
            [t('firs.field.occurrence_from'), formatDateTime(f.occurrence.from, lang)],
            [t('firs.field.occurrence_to'), f.occurrence.to ? formatDateTime(f.occurrence.to, lang) : dash],
            [t('firs.field.informationReceivedAt'), formatDateTime(f.informationReceivedAt, lang)],
            [
              t('firs.field.gdEntryId'),
              f.gdEntry.entryNo ? (
                <Link key="gd" to={`/gd?date=${f.gdEntry.date ?? ''}&stationId=${f.stationId}`}>
                  {t('firs.view.gd_ref', {
                    no: f.gdEntry.entryNo,
                    date: f.gdEntry.date ? formatDate(`${f.gdEntry.date}T12:00:00+05:30`, lang) : '',
                  })}
                </Link>
              ) : (
                dash
              ),
            ],
            [t('firs.field.informationType'), t(`firs.info_type.${f.informationType}`)],
            [t('firs.field.occurrence_place'), f.occurrence.place],
            [
              t('firs.view.distance_direction'),
              [
                f.occurrence.distanceKm !== null ? t('firs.view.km', { km: formatNumber(f.occurrence.distanceKm, lang) }) : '',
                f.occurrence.direction ? t(`firs.direction.${f.occurrence.direction}`) : '',
              ]
                .filter(Boolean)
                .join(', ') || dash,
            ],
            [
              t('firs.field.occurrence_beatCode'),
              f.occurrence.beatCode ? `${f.occurrence.beatCode}${f.occurrence.beatName ? ` — ${f.occurrence.beatName}` : ''}` : dash,
            ],
            [
              t('firs.view.outside_limits'),
              f.zeroFir && f.jurisdictionStation ? `${f.jurisdictionStation.name} (${f.jurisdictionStation.code})` : t('common.no'),
            ],
          ]}
        />
      </section>

      <section className="card" aria-labelledby="fv-comp">
        <h2 id="fv-comp">{t('firs.form.part.complainant')}</h2>
        <Facts
          items={[
            [t('firs.field.complainant_name'), c.name ?? <em key="w">{t('firs.withheld')}</em>],
            [
              t('firs.field.complainant_relativeName'),
              c.relativeName ? `${c.relation ? `${t(`firs.relation.${c.relation}`)}: ` : ''}${c.relativeName}` : dash,
            ],
            [t('firs.field.complainant_yearOfBirth'), c.dateOfBirth ?? (c.yearOfBirth ? String(c.yearOfBirth) : dash)],
            [t('firs.field.complainant_sex'), c.sex ? t(`firs.sex.${c.sex}`) : dash],
            [t('firs.field.complainant_nationality'), c.nationality ?? dash],
            [
              t('firs.field.complainant_idDocument'),
              c.idDocument ? `${t(`firs.id_type.${c.idDocument.type}`)} ${c.idDocument.number}` : dash,
            ],
            [t('firs.field.complainant_occupation'), c.occupation ?? dash],
            [t('firs.field.complainant_address'), c.address ?? dash],
            [t('firs.field.complainant_phone'), c.phone ?? dash],
            [t('firs.field.complainant_email'), c.email ?? dash],
            [t('firs.field.complainant_isVictim'), yes(c.isVictim)],
          ]}
        />
        {f.victims.length > 0 && (
          <>
            <h3>{t('firs.form.victims')}</h3>
            <ul>
              {f.victims.map((v, i) => (
                <li key={i}>
                  {[v.name, v.age !== undefined ? t('firs.view.age', { age: v.age }) : '', v.sex ? t(`firs.sex.${v.sex}`) : '', v.address]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="fv-acc">
        <h2 id="fv-acc">{t('firs.form.part.accused')}</h2>
        {f.accused.length === 0 ? (
          <p className="muted">{t('firs.view.no_accused')}</p>
        ) : (
          <ul>
            {f.accused.map((a, i) => (
              <li key={i}>
                {a.known
                  ? [
                      a.name,
                      a.relativeName ? t('firs.view.relative', { name: a.relativeName }) : '',
                      a.age !== undefined ? t('firs.view.age', { age: a.age }) : '',
                      a.sex ? t(`firs.sex.${a.sex}`) : '',
                      a.address,
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : `${t('firs.view.unknown_accused')}: ${a.description ?? ''}`}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="fv-prop">
        <h2 id="fv-prop">{t('firs.form.part.property')}</h2>
        <Facts items={[[t('firs.form.part.delay'), f.delayReason ?? dash]]} />
        {f.propertyItems.length > 0 && (
          <ul>
            {f.propertyItems.map((p, i) => (
              <li key={i}>
                {p.description}
                {p.category ? ` (${p.category})` : ''} — {p.nature ? `${t(`firs.nature.${p.nature}`)}, ` : ''}₹{formatNumber(p.value, lang)}
              </li>
            ))}
          </ul>
        )}
        <Facts
          items={[
            [t('firs.form.total_value'), `₹${formatNumber(f.propertyTotalValue, lang)}`],
            [t('firs.field.inquestReportNo'), f.inquestReportNo ?? dash],
          ]}
        />
      </section>

      <section className="card" aria-labelledby="fv-narr">
        <h2 id="fv-narr">{t('firs.form.part.narrative')}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }} data-testid="fir-narrative">
          {f.narrative}
        </p>
        <h3>{t('firs.field.actionTaken')}</h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>{f.actionTaken}</p>
      </section>

      <section className="card" aria-labelledby="fv-add">
        <h2 id="fv-add">{t('firs.view.addenda')}</h2>
        {f.addenda.length === 0 ? (
          <p className="muted">{t('firs.view.no_addenda')}</p>
        ) : (
          <ol data-testid="fir-addenda">
            {f.addenda.map((a) => (
              <li key={a.seq}>
                <strong>{t('firs.view.addendum_head', { seq: a.seq, when: formatDateTime(a.createdAt, lang) })}</strong> · {a.authorName}
                {a.authorRank ? ` (${t(`rank.${a.authorRank}`)})` : ''}
                <div>
                  {t('firs.view.addendum_reason')}: {a.reason}
                </div>
                <p style={{ whiteSpace: 'pre-wrap' }}>{a.text}</p>
              </li>
            ))}
          </ol>
        )}
        {can(user.role, 'fir.addendum') && <AddendumForm f={f} onDone={() => after(t('firs.view.addendum_added'))} />}
      </section>

      {mayTransfer && <TransferForm f={f} onDone={() => after(t('firs.view.transfer_sent'))} />}
      {mayMarkSensitive && <MarkSensitive f={f} onDone={() => after(t('firs.view.sensitive_marked'))} onStale={fir.reload} />}
      <p>
        <Link to="/firs">{t('firs.back')}</Link>
      </p>
    </Page>
  );
}

/**
 * Whether the FIR lies in the user's own jurisdiction, where the server lets them change it (an
 * FIR that another station sent them on transfer is theirs to read, not to change). The view
 * names the FIR's station and district but not its sub-division: a sub-division officer is
 * matched by district, and the server has the last word.
 */
function holds(u: User, f: FirView): boolean {
  if (u.stationId) return u.stationId === f.stationId;
  if (u.districtId) return u.districtId === f.districtId;
  return u.stateCode === f.stateCode;
}

function TransferStatus({ f }: { f: FirView }) {
  const { t, lang } = useT();
  const tr = f.transfer!;
  return tr.state === 'pending' ? (
    <Notice kind="warning" live={false}>
      {t('firs.view.transfer_pending', {
        station: `${tr.toStationName} (${tr.toStationCode})`,
        when: formatDateTime(tr.requestedAt, lang),
      })}{' '}
      {t('firs.view.transfer_reason', { reason: tr.reason })}
    </Notice>
  ) : (
    <Notice live={false}>
      {t('firs.view.transfer_done', {
        station: `${tr.toStationName} (${tr.toStationCode})`,
        when: formatDateTime(tr.acknowledgedAt, lang),
        number: tr.transferredFir?.firNumber ?? '',
      })}{' '}
      {tr.transferredFir && <Link to={`/firs/${tr.transferredFir.id}`}>{t('firs.view.open_transferred')}</Link>}
    </Notice>
  );
}

/** The reason an action on the FIR records with it: required, a line or two. */
function ReasonField({
  onChange,
  ...field
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return <TextArea {...field} required rows={2} onChange={(e) => onChange(e.target.value)} />;
}

function AddendumForm({ f, onDone }: { f: FirView; onDone: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const run = useAction(async () => {
    requireFields({ reason, text }, ['reason', 'text']);
    await api.post(`/firs/${f.id}/addenda`, { reason: reason.trim(), text: text.trim() });
    setReason('');
    setText('');
    onDone();
  });
  const fe = fieldErrorsOf(run.error, t);
  const labels = { reason: t('firs.view.addendum_reason'), text: t('firs.view.addendum_text') };
  return (
    <ActionForm
      action={run}
      submit={t('firs.view.addendum_submit')}
      fieldLabels={labels}
      idPrefix="add-"
      labelledBy="fv-add-new"
      head={
        <>
          <h3 id="fv-add-new">{t('firs.view.addendum_new')}</h3>
          <p className="hint">{t('firs.view.addendum_hint')}</p>
        </>
      }
    >
      <ReasonField id="add-reason" label={labels.reason} value={reason} error={fe.reason} onChange={setReason} />
      <TextArea
        id="add-text"
        label={labels.text}
        required
        rows={4}
        value={text}
        error={fe.text}
        onChange={(e) => setText(e.target.value)}
      />
    </ActionForm>
  );
}

function TransferForm({ f, onDone }: { f: FirView; onDone: () => void }) {
  const { t, lang } = useT();
  const stations = useFetch<PublicStations>('/public/stations');
  const [to, setTo] = useState(f.jurisdictionStation?.code ?? '');
  const [reason, setReason] = useState('');
  const run = useAction(async () => {
    requireFields({ toStationId: to, reason }, ['toStationId', 'reason']);
    await api.post(`/firs/${f.id}/transfer`, { toStationCode: to, reason: reason.trim(), version: f.version });
    onDone();
  });
  const fe = fieldErrorsOf(run.error, t);
  const labels = { toStationId: t('firs.view.transfer_to'), reason: t('firs.view.transfer_why') };
  return (
    <ActionCard
      id="fv-transfer"
      title={t('firs.view.transfer_title')}
      intro={<p className="hint">{t('firs.view.transfer_hint')}</p>}
      action={run}
      submit={t('firs.view.transfer_submit')}
      fieldLabels={labels}
      idPrefix="tr-"
    >
      <SelectField
        id="tr-toStationId"
        label={labels.toStationId}
        required
        value={to}
        error={fe.toStationId ?? fe.toStationCode}
        onChange={(e) => setTo(e.target.value)}
      >
        <option value="">—</option>
        {(stations.data?.stations ?? [])
          .filter((s) => s.id !== f.stationId)
          .map((s) => (
            <option key={s.id} value={s.code}>
              {localName(lang, s)} ({s.code})
            </option>
          ))}
      </SelectField>
      <ReasonField id="tr-reason" label={labels.reason} value={reason} error={fe.reason} onChange={setReason} />
    </ActionCard>
  );
}

function Acknowledge({ f }: { f: FirView }) {
  const { t } = useT();
  const [remarks, setRemarks] = useState('');
  const run = useAction(async () => {
    try {
      const r = await api.post<{ fir: { id: string; firNumber: string } }>(`/firs/${f.id}/acknowledge`, {
        version: f.version,
        ...(remarks.trim() ? { remarks: remarks.trim() } : {}),
      });
      navigate(`/firs/${r.fir.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'transfer_not_pending') navigate(`/firs/${f.id}`, { replace: true });
      throw e;
    }
  });
  return (
    <ActionCard
      id="fv-ack"
      title={t('firs.view.ack_title')}
      intro={<p>{t('firs.view.ack_hint', { number: f.firNumber, station: f.stationCode })}</p>}
      action={run}
      submit={t('firs.view.ack_submit')}
    >
      <TextArea id="ack-remarks" label={t('firs.view.ack_remarks')} rows={2} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
    </ActionCard>
  );
}

/**
 * Marks the FIR sensitive (sexual offences, offences against children, a victim whose identity is
 * protected: BNS 72, POCSO s.23): from then on the public never finds it. Submitting asks first,
 * saying what it does; only the dialog's own button sends.
 */
function MarkSensitive({ f, onDone, onStale }: { f: FirView; onDone: () => void; onStale: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const run = useAction(async (confirmed?: boolean) => {
    requireFields({ reason }, ['reason']);
    if (!confirmed) {
      setConfirming(true);
      return;
    }
    try {
      await api.post(`/firs/${f.id}/mark-sensitive`, { reason: reason.trim(), version: f.version });
    } catch (e) {
      // Changed by someone else meanwhile: load the FIR again, so that a retry sends its new version.
      if (e instanceof ApiError && e.code === 'stale_version') onStale();
      throw e;
    }
    onDone();
  });
  const fe = fieldErrorsOf(run.error, t);
  const labels = { reason: t('firs.view.sensitive_why') };
  return (
    <>
      <ActionCard
        id="fv-sensitive"
        title={t('firs.view.sensitive_title')}
        intro={<p className="hint">{t('firs.view.sensitive_hint')}</p>}
        action={run}
        submit={t('firs.view.sensitive_submit')}
        fieldLabels={labels}
        idPrefix="sens-"
      >
        <ReasonField id="sens-reason" label={labels.reason} value={reason} error={fe.reason} onChange={setReason} />
      </ActionCard>
      <Dialog
        open={confirming}
        title={t('firs.view.sensitive_confirm_title', { number: f.firNumber })}
        onClose={() => setConfirming(false)}
        describedBy="sens-confirm-text"
      >
        <p id="sens-confirm-text">{t('firs.view.sensitive_confirm')}</p>
        <div className="button-row">
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              void run.run(true);
            }}
          >
            {t('firs.view.sensitive_submit')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { Button, CheckboxField, ErrorAlert, Notice, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { ClientError, fieldErrorsOf } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime, formatNumber, formatTime } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import type { PublicStations } from '../citizen/types.ts';
import { istToday, type GdDay } from '../gd/types.ts';
import {
  clearDraft,
  emptyAccused,
  emptyDraft,
  emptyProperty,
  emptyVictim,
  hasContent,
  loadDraft,
  offenceDay,
  saveDraft,
  toBody,
  totalValue,
  type DraftAccused,
  type DraftProperty,
  type DraftVictim,
  type FirDraft,
} from './draft.ts';
import { useEditedFields } from './edited-fields.ts';
import { weekday } from './labels.ts';
import { SectionPicker } from './SectionPicker.tsx';

const SEXES = ['male', 'female', 'transgender', 'other'] as const;
const RELATIONS = ['father', 'husband', 'mother', 'wife', 'guardian'] as const;
const ID_TYPES = ['aadhaar', 'voter_id', 'passport', 'driving_licence', 'pan', 'ration_card', 'other'] as const;
const DIRECTIONS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
const INFO_TYPES = ['written', 'oral', 'electronic'] as const;
const NATURES = ['stolen', 'involved', 'recovered'] as const;

/** Fields the server may name another way: by the id the body carries, or by the object the field belongs to. */
const ALSO: Record<string, readonly string[]> = {
  'occurrence.beatCode': ['occurrence.beatId'],
  jurisdictionStationId: ['jurisdictionStationCode'],
  'complainant.idDocument.type': ['complainant.idDocument'],
};

/** "Now" in IST as a datetime-local value, the latest an occurrence may be. */
const nowLocal = () => new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 16);

/**
 * Registers an FIR (NCRB IIF-1) at the officer's station: every item of the form, in the order
 * of the IIF-1, with the sections picked by number or words under the law of the offence date.
 * What the officer types is kept as a draft in this browser until the FIR is registered (or the
 * draft discarded), and the draft's Idempotency-Key makes a double submit register one FIR.
 * The server's 400/422 answers are shown next to the fields they name, each until that field is edited.
 */
export default function NewFirPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const userId = user?.id ?? 'anonymous';
  const [initial] = useState(() => loadDraft(userId));
  const [d, setD] = useState<FirDraft>(() => initial ?? emptyDraft());
  const [restoredAt] = useState(() => (initial && hasContent(initial) ? initial.savedAt : 0));
  const [savedAt, setSavedAt] = useState(0);
  const done = useRef(false);

  // Every change goes to localStorage at once: a reload or a crash loses nothing.
  useEffect(() => {
    if (done.current) return;
    if (!hasContent(d)) {
      clearDraft(userId);
      return;
    }
    const at = Date.now();
    saveDraft(userId, { ...d, savedAt: at });
    setSavedAt(at);
  }, [d, userId]);

  const set = (patch: Partial<FirDraft>) => setD((x) => ({ ...x, ...patch }));
  const setC = (patch: Partial<FirDraft['complainant']>) => setD((x) => ({ ...x, complainant: { ...x.complainant, ...patch } }));
  const setRow = <K extends 'victims' | 'accused' | 'properties'>(k: K, i: number, patch: Partial<FirDraft[K][number]>) =>
    setD((x) => ({ ...x, [k]: (x[k] as FirDraft[K][number][]).map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const addRow = <K extends 'victims' | 'accused' | 'properties'>(k: K, row: FirDraft[K][number]) =>
    setD((x) => ({ ...x, [k]: [...(x[k] as FirDraft[K][number][]), row] }));
  const removeRow = (k: 'victims' | 'accused' | 'properties', i: number) =>
    setD((x) => ({ ...x, [k]: (x[k] as unknown[]).filter((_, j) => j !== i) }));

  const discard = () => {
    clearDraft(userId);
    setD(emptyDraft());
    submit.setError(null);
    document.getElementById('fir-occurrence.from')?.focus();
  };

  const today = istToday();
  const gd = useFetch<GdDay>(user?.stationId ? `/gd?date=${today}` : null);
  const beats = useFetch<{ items: { id: string; code: string; name: string; nameHi: string | null; active: boolean }[] }>(
    user?.stationId ? `/org/stations/${user.stationId}/beats` : null,
  );
  const stations = useFetch<PublicStations>(d.zeroFir ? '/public/stations' : null);
  const gdChoices = useMemo(() => (gd.data?.items ?? []).filter((e) => ['information', 'manual', 'complaint'].includes(e.kind)), [gd.data]);

  const [gdText, setGdText] = useState('');
  const writeGd = useAction(async () => {
    if (!gdText.trim()) throw new ClientError('error.fix_fields', { gdText: 'common.required' });
    const e = await api.post<{ id: string }>('/gd', { kind: 'information', text: gdText.trim() });
    setGdText('');
    set({ gdEntryId: e.id });
    gd.reload();
  });

  const submit = useAction(async () => {
    const missing: Record<string, string> = {};
    if (!d.occurrenceFrom) missing['occurrence.from'] = 'common.required';
    else if (d.occurrenceFrom > nowLocal()) missing['occurrence.from'] = 'firs.form.in_future';
    if (!d.sections.length) missing.sections = 'firs.form.section_required';
    if (!d.informationType) missing.informationType = 'common.required';
    if (!d.place.trim()) missing['occurrence.place'] = 'common.required';
    if (!d.complainant.name.trim()) missing['complainant.name'] = 'common.required';
    if (!d.narrative.trim()) missing.narrative = 'common.required';
    if (d.zeroFir && !d.jurisdictionStationCode) missing.jurisdictionStationId = 'common.required';
    if (Object.keys(missing).length) throw new ClientError('error.fix_fields', missing);
    const fir = await api.post<{ id: string; firNumber: string }>('/firs', toBody(d), {
      headers: { 'Idempotency-Key': d.idempotencyKey },
    });
    // Registered: the draft has done its work (a later visit starts a new FIR with a new key).
    done.current = true;
    clearDraft(userId);
    navigate(`/firs/${fir.id}?registered=1`);
  });

  // Field → message in the UI language. The server names fields in English; in Hindi the
  // alert carries its Hindi message and each field says plainly that it needs correcting.
  // A field edited since the answer no longer shows its error (the alert still lists it).
  const edits = useEditedFields(submit.error, 'fir-', ALSO);
  const raw = fieldErrorsOf(submit.error, t);
  const shown = edits.shown(raw);
  const fe: Record<string, string> =
    lang === 'hi' && submit.error instanceof ApiError
      ? Object.fromEntries(Object.keys(shown).map((k) => [k, t('firs.form.field_problem')]))
      : shown;
  const sectionItemErrors: Record<number, string> = {};
  for (const [k, v] of Object.entries(fe)) {
    const m = /^sections\.(\d+)/.exec(k);
    if (m) sectionItemErrors[Number(m[1])] = v;
  }

  const label = labelsOf(t);
  const labelFor = (path: string): string => {
    if (label[path]) return label[path];
    const m = /^(victims|accused|propertyItems|sections)\.(\d+)(?:\.(.+))?$/.exec(path);
    if (m) {
      const row = t(`firs.form.row.${m[1]}`, { n: Number(m[2]) + 1 });
      return m[3] ? `${row}: ${label[`${m[1]}.*.${m[3]}`] ?? m[3]}` : row;
    }
    return path;
  };
  const fieldLabels = Object.fromEntries(Object.keys(raw).map((k) => [k, labelFor(k)]));
  const err = (path: string) => fe[path] ?? ALSO[path]?.map((k) => fe[k]).find(Boolean);
  const rowProps = <K extends 'victims' | 'accused' | 'properties'>(k: K, i: number): RowProps<FirDraft[K][number]> => ({
    i,
    row: d[k][i] as FirDraft[K][number],
    err,
    label,
    onChange: (p) => setRow(k, i, p),
    onRemove: () => removeRow(k, i),
  });
  const day = offenceDay(d.occurrenceFrom);
  const station = user?.stationId;

  const sexOptions = (
    <>
      <option value="">—</option>
      {SEXES.map((s) => (
        <option key={s} value={s}>
          {t(`firs.sex.${s}`)}
        </option>
      ))}
    </>
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };

  return (
    <Page title={t('firs.form.title')}>
      {restoredAt > 0 && hasContent(d) && (
        <Notice kind="info">
          {t('firs.form.restored', { when: formatDateTime(restoredAt, lang) })}{' '}
          <Button variant="secondary" onClick={discard}>
            {t('firs.form.discard')}
          </Button>
        </Notice>
      )}
      {!station && <Notice kind="warning">{t('firs.form.no_station')}</Notice>}
      <form className="form" noValidate onSubmit={onSubmit} onChange={edits.onChange} aria-describedby="fir-form-intro">
        <p id="fir-form-intro" className="muted">
          {t('firs.form.intro')}
        </p>
        <ErrorAlert error={submit.error} fieldLabels={fieldLabels} idPrefix="fir-" />

        <Part id="fir-p-occurrence" title={t('firs.form.part.occurrence')}>
          <div className="form-grid">
            <TextField
              id="fir-occurrence.from"
              type="datetime-local"
              label={label['occurrence.from']}
              hint={t('firs.form.ist')}
              required
              max={nowLocal()}
              value={d.occurrenceFrom}
              error={err('occurrence.from')}
              onChange={(e) => set({ occurrenceFrom: e.target.value })}
            />
            <TextField
              id="fir-occurrence.to"
              type="datetime-local"
              label={label['occurrence.to']}
              hint={t('firs.form.to_hint')}
              max={nowLocal()}
              value={d.occurrenceTo}
              error={err('occurrence.to')}
              onChange={(e) => set({ occurrenceTo: e.target.value })}
            />
          </div>
          {d.occurrenceFrom && (
            <p className="muted" data-testid="occurrence-day">
              {t('firs.form.day_of_week', { day: weekday(`${d.occurrenceFrom}:00+05:30`, lang) })}
            </p>
          )}
        </Part>

        <Part id="fir-p-sections" title={t('firs.form.part.sections')}>
          <SectionPicker
            day={day}
            sections={d.sections}
            onChange={(sections) => {
              set({ sections });
              edits.edited('sections');
            }}
            error={err('sections')}
            itemErrors={sectionItemErrors}
          />
        </Part>

        <Part id="fir-p-information" title={t('firs.form.part.information')}>
          <div className="form-grid">
            <SelectField
              id="fir-informationType"
              label={label.informationType}
              required
              value={d.informationType}
              error={err('informationType')}
              onChange={(e) => set({ informationType: e.target.value as FirDraft['informationType'] })}
            >
              <option value="">—</option>
              {INFO_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`firs.info_type.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="fir-informationReceivedAt"
              type="datetime-local"
              label={label.informationReceivedAt}
              hint={t('firs.form.received_hint')}
              max={nowLocal()}
              value={d.informationReceivedAt}
              error={err('informationReceivedAt')}
              onChange={(e) => set({ informationReceivedAt: e.target.value })}
            />
          </div>
          <SelectField
            id="fir-gdEntryId"
            label={label.gdEntryId}
            hint={t('firs.form.gd_hint')}
            value={d.gdEntryId}
            error={err('gdEntryId')}
            onChange={(e) => set({ gdEntryId: e.target.value })}
          >
            <option value="">{t('firs.form.gd_auto')}</option>
            {gdChoices.map((e) => (
              <option key={e.id} value={e.id}>
                {t('firs.form.gd_option', { no: e.entryNo, time: formatTime(e.recordedAt, lang), text: e.text.slice(0, 60) })}
              </option>
            ))}
            {d.gdEntryId && !gdChoices.some((e) => e.id === d.gdEntryId) && (
              <option value={d.gdEntryId}>{t('firs.form.gd_earlier')}</option>
            )}
          </SelectField>
          {station && (
            <details>
              <summary>{t('firs.form.gd_write')}</summary>
              <ErrorAlert error={writeGd.error} fieldLabels={{ gdText: t('firs.form.gd_text') }} idPrefix="fir-" />
              <TextArea
                id="fir-gdText"
                label={t('firs.form.gd_text')}
                hint={t('firs.form.gd_text_hint')}
                rows={3}
                value={gdText}
                error={fieldErrorsOf(writeGd.error, t).gdText ?? fieldErrorsOf(writeGd.error, t).text}
                onChange={(e) => setGdText(e.target.value)}
              />
              <Button variant="secondary" busy={writeGd.busy} onClick={() => void writeGd.run()}>
                {t('firs.form.gd_write_button')}
              </Button>
            </details>
          )}
        </Part>

        <Part id="fir-p-place" title={t('firs.form.part.place')}>
          <TextArea
            id="fir-occurrence.place"
            label={label['occurrence.place']}
            required
            rows={2}
            value={d.place}
            error={err('occurrence.place')}
            onChange={(e) => set({ place: e.target.value })}
          />
          <div className="form-grid">
            <TextField
              id="fir-occurrence.distanceKm"
              label={label['occurrence.distanceKm']}
              inputMode="decimal"
              value={d.distanceKm}
              error={err('occurrence.distanceKm')}
              onChange={(e) => set({ distanceKm: e.target.value })}
            />
            <SelectField
              id="fir-occurrence.direction"
              label={label['occurrence.direction']}
              value={d.direction}
              error={err('occurrence.direction')}
              onChange={(e) => set({ direction: e.target.value })}
            >
              <option value="">—</option>
              {DIRECTIONS.map((x) => (
                <option key={x} value={x}>
                  {t(`firs.direction.${x}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="fir-occurrence.beatCode"
              label={label['occurrence.beatCode']}
              value={d.beatCode}
              error={err('occurrence.beatCode')}
              onChange={(e) => set({ beatCode: e.target.value })}
            >
              <option value="">—</option>
              {(beats.data?.items ?? [])
                .filter((b) => b.active || b.code === d.beatCode)
                .map((b) => (
                  <option key={b.id} value={b.code}>
                    {b.code} — {localName(lang, b)}
                  </option>
                ))}
            </SelectField>
          </div>
          <CheckboxField
            id="fir-zeroFir"
            label={t('firs.form.zero_fir')}
            hint={t('firs.form.zero_fir_hint')}
            checked={d.zeroFir}
            onChange={(e) => set({ zeroFir: e.target.checked })}
          />
          {d.zeroFir && (
            <SelectField
              id="fir-jurisdictionStationId"
              label={label.jurisdictionStationId}
              required
              value={d.jurisdictionStationCode}
              error={err('jurisdictionStationId')}
              onChange={(e) => set({ jurisdictionStationCode: e.target.value })}
            >
              <option value="">—</option>
              {(stations.data?.stations ?? [])
                .filter((s) => s.id !== station)
                .map((s) => (
                  <option key={s.id} value={s.code}>
                    {localName(lang, s)} ({s.code})
                  </option>
                ))}
            </SelectField>
          )}
        </Part>

        <Part id="fir-p-complainant" title={t('firs.form.part.complainant')}>
          <div className="form-grid">
            <TextField
              id="fir-complainant.name"
              label={label['complainant.name']}
              required
              autoComplete="off"
              value={d.complainant.name}
              error={err('complainant.name')}
              onChange={(e) => setC({ name: e.target.value })}
            />
            <TextField
              id="fir-complainant.relativeName"
              label={label['complainant.relativeName']}
              value={d.complainant.relativeName}
              error={err('complainant.relativeName')}
              onChange={(e) => setC({ relativeName: e.target.value })}
            />
            <SelectField
              id="fir-complainant.relation"
              label={label['complainant.relation']}
              value={d.complainant.relation}
              error={err('complainant.relation')}
              onChange={(e) => setC({ relation: e.target.value })}
            >
              <option value="">—</option>
              {RELATIONS.map((x) => (
                <option key={x} value={x}>
                  {t(`firs.relation.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="fir-complainant.yearOfBirth"
              label={label['complainant.yearOfBirth']}
              inputMode="numeric"
              maxLength={4}
              value={d.complainant.yearOfBirth}
              error={err('complainant.yearOfBirth')}
              onChange={(e) => setC({ yearOfBirth: e.target.value })}
            />
            <SelectField
              id="fir-complainant.sex"
              label={label['complainant.sex']}
              value={d.complainant.sex}
              error={err('complainant.sex')}
              onChange={(e) => setC({ sex: e.target.value })}
            >
              {sexOptions}
            </SelectField>
            <TextField
              id="fir-complainant.nationality"
              label={label['complainant.nationality']}
              value={d.complainant.nationality}
              error={err('complainant.nationality')}
              onChange={(e) => setC({ nationality: e.target.value })}
            />
            <SelectField
              id="fir-complainant.idDocument.type"
              label={label['complainant.idDocument.type']}
              value={d.complainant.idType}
              error={err('complainant.idDocument.type')}
              onChange={(e) => setC({ idType: e.target.value })}
            >
              <option value="">—</option>
              {ID_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`firs.id_type.${x}`)}
                </option>
              ))}
            </SelectField>
            {d.complainant.idType && (
              <TextField
                id="fir-complainant.idDocument.number"
                label={label['complainant.idDocument.number']}
                value={d.complainant.idNumber}
                error={err('complainant.idDocument.number')}
                onChange={(e) => setC({ idNumber: e.target.value })}
              />
            )}
            <TextField
              id="fir-complainant.occupation"
              label={label['complainant.occupation']}
              value={d.complainant.occupation}
              error={err('complainant.occupation')}
              onChange={(e) => setC({ occupation: e.target.value })}
            />
            <TextField
              id="fir-complainant.phone"
              type="tel"
              label={label['complainant.phone']}
              hint={t('firs.form.phone_hint')}
              value={d.complainant.phone}
              error={err('complainant.phone')}
              onChange={(e) => setC({ phone: e.target.value })}
            />
            <TextField
              id="fir-complainant.email"
              type="email"
              label={label['complainant.email']}
              value={d.complainant.email}
              error={err('complainant.email')}
              onChange={(e) => setC({ email: e.target.value })}
            />
          </div>
          <TextArea
            id="fir-complainant.address"
            label={label['complainant.address']}
            rows={2}
            value={d.complainant.address}
            error={err('complainant.address')}
            onChange={(e) => setC({ address: e.target.value })}
          />
          <CheckboxField
            id="fir-complainant.isVictim"
            label={label['complainant.isVictim']}
            checked={d.complainant.isVictim}
            onChange={(e) => setC({ isVictim: e.target.checked })}
          />
          <h3>{t('firs.form.victims')}</h3>
          {d.victims.map((_, i) => (
            <VictimRow key={i} {...rowProps('victims', i)} sexOptions={sexOptions} />
          ))}
          <Button variant="secondary" onClick={() => addRow('victims', emptyVictim())}>
            {t('firs.form.add_victim')}
          </Button>
        </Part>

        <Part id="fir-p-accused" title={t('firs.form.part.accused')}>
          {d.accused.length === 0 && <p className="muted">{t('firs.form.no_accused')}</p>}
          {d.accused.map((_, i) => (
            <AccusedRow key={i} {...rowProps('accused', i)} sexOptions={sexOptions} />
          ))}
          <Button variant="secondary" onClick={() => addRow('accused', emptyAccused())}>
            {t('firs.form.add_accused')}
          </Button>
        </Part>

        <Part id="fir-p-delay" title={t('firs.form.part.delay')}>
          <TextArea
            id="fir-delayReason"
            label={label.delayReason}
            hint={t('firs.form.delay_hint')}
            rows={2}
            value={d.delayReason}
            error={err('delayReason')}
            onChange={(e) => set({ delayReason: e.target.value })}
          />
        </Part>

        <Part id="fir-p-property" title={t('firs.form.part.property')}>
          {d.properties.map((_, i) => (
            <PropertyRow key={i} {...rowProps('properties', i)} />
          ))}
          <Button variant="secondary" onClick={() => addRow('properties', emptyProperty())}>
            {t('firs.form.add_property')}
          </Button>
          <p data-testid="property-total">
            {t('firs.form.total_value')}: <strong>₹{formatNumber(totalValue(d), lang)}</strong>
          </p>
          <TextField
            id="fir-inquestReportNo"
            label={label.inquestReportNo}
            hint={t('firs.form.inquest_hint')}
            value={d.inquestReportNo}
            error={err('inquestReportNo')}
            onChange={(e) => set({ inquestReportNo: e.target.value })}
          />
        </Part>

        <Part id="fir-p-narrative" title={t('firs.form.part.narrative')}>
          <TextArea
            id="fir-narrative"
            label={label.narrative}
            hint={t('firs.form.narrative_hint')}
            required
            rows={8}
            value={d.narrative}
            error={err('narrative')}
            onChange={(e) => set({ narrative: e.target.value })}
          />
          <TextArea
            id="fir-actionTaken"
            label={label.actionTaken}
            hint={t('firs.form.action_hint')}
            rows={2}
            value={d.actionTaken}
            error={err('actionTaken')}
            onChange={(e) => set({ actionTaken: e.target.value })}
          />
        </Part>

        <div className="button-row">
          <Button type="submit" busy={submit.busy}>
            {t('firs.form.submit')}
          </Button>
          {hasContent(d) && (
            <Button variant="secondary" onClick={discard}>
              {t('firs.form.discard')}
            </Button>
          )}
          <span className="muted" data-testid="draft-saved">
            {savedAt > 0 && hasContent(d) ? t('firs.form.draft_saved', { time: formatTime(savedAt, lang) }) : ''}
          </span>
        </div>
      </form>
    </Page>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

type Err = (path: string) => string | undefined;
type RowList = 'victims' | 'accused' | 'propertyItems';

/** What a victim, accused or property row is given: its place in the list, the draft row, and how to change or drop it. */
interface RowProps<T> {
  i: number;
  row: T;
  err: Err;
  label: Record<string, string>;
  onChange: (p: Partial<T>) => void;
  onRemove: () => void;
}

/** The id, label, value, error and change handler of one field of a victim, accused or property row. */
function rowField<T extends object>(list: RowList, { i, row, err, label, onChange }: RowProps<T>, key: keyof T & string) {
  const path = `${list}.${i}.${key}`;
  return {
    id: `fir-${path}`,
    label: label[`${list}.*.${key}`],
    value: String(row[key] ?? ''),
    error: err(path),
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value } as Partial<T>),
  };
}

/** One row as a fieldset: its legend ("Victim 2"), its fields, and the button that removes it. */
function RowPanel({ list, i, onRemove, children }: { list: RowList; i: number; onRemove: () => void; children: ReactNode }) {
  const { t } = useT();
  const name = t(`firs.form.row.${list}`, { n: i + 1 });
  return (
    <fieldset className="panel">
      <legend>{name}</legend>
      {children}
      <Button variant="link" onClick={onRemove}>
        {t('firs.form.remove_row', { row: name })}
      </Button>
    </fieldset>
  );
}

function VictimRow({ sexOptions, ...r }: RowProps<DraftVictim> & { sexOptions: ReactNode }) {
  const f = (key: keyof DraftVictim & string) => rowField('victims', r, key);
  return (
    <RowPanel list="victims" i={r.i} onRemove={r.onRemove}>
      <div className="form-grid">
        <TextField {...f('name')} required />
        <TextField {...f('age')} inputMode="numeric" />
        <SelectField {...f('sex')}>{sexOptions}</SelectField>
        <TextField {...f('address')} />
      </div>
    </RowPanel>
  );
}

function AccusedRow({ sexOptions, ...r }: RowProps<DraftAccused> & { sexOptions: ReactNode }) {
  const { t } = useT();
  const f = (key: keyof DraftAccused & string) => rowField('accused', r, key);
  return (
    <RowPanel list="accused" i={r.i} onRemove={r.onRemove}>
      <CheckboxField
        id={`fir-accused.${r.i}.known`}
        label={t('firs.form.accused_known')}
        checked={r.row.known}
        onChange={(e) => r.onChange({ known: e.target.checked })}
      />
      {r.row.known ? (
        <div className="form-grid">
          <TextField {...f('name')} required />
          <TextField {...f('relativeName')} />
          <TextField {...f('age')} inputMode="numeric" />
          <SelectField {...f('sex')}>{sexOptions}</SelectField>
          <TextField {...f('address')} />
        </div>
      ) : (
        <TextArea {...f('description')} hint={t('firs.form.accused_description_hint')} required rows={2} />
      )}
    </RowPanel>
  );
}

function PropertyRow(r: RowProps<DraftProperty>) {
  const { t } = useT();
  const f = (key: keyof DraftProperty & string) => rowField('propertyItems', r, key);
  return (
    <RowPanel list="propertyItems" i={r.i} onRemove={r.onRemove}>
      <TextField {...f('description')} required />
      <div className="form-grid">
        <TextField {...f('category')} />
        <SelectField {...f('nature')}>
          {NATURES.map((x) => (
            <option key={x} value={x}>
              {t(`firs.nature.${x}`)}
            </option>
          ))}
        </SelectField>
        <TextField {...f('value')} inputMode="decimal" required />
      </div>
    </RowPanel>
  );
}

/** The label of every field the server may name, by its path in the request body. */
function labelsOf(t: (k: string) => string): Record<string, string> {
  const keys = [
    'occurrence.from',
    'occurrence.to',
    'sections',
    'informationType',
    'informationReceivedAt',
    'gdEntryId',
    'occurrence.place',
    'occurrence.distanceKm',
    'occurrence.direction',
    'occurrence.beatCode',
    'occurrence.beatId',
    'jurisdictionStationId',
    'jurisdictionStationCode',
    'complainant.name',
    'complainant.relativeName',
    'complainant.relation',
    'complainant.yearOfBirth',
    'complainant.sex',
    'complainant.nationality',
    'complainant.idDocument',
    'complainant.idDocument.type',
    'complainant.idDocument.number',
    'complainant.occupation',
    'complainant.address',
    'complainant.phone',
    'complainant.email',
    'complainant.isVictim',
    'victims.*.name',
    'victims.*.age',
    'victims.*.sex',
    'victims.*.address',
    'accused.*.name',
    'accused.*.relativeName',
    'accused.*.age',
    'accused.*.sex',
    'accused.*.address',
    'accused.*.description',
    'propertyItems.*.description',
    'propertyItems.*.category',
    'propertyItems.*.nature',
    'propertyItems.*.value',
    'delayReason',
    'inquestReportNo',
    'narrative',
    'actionTaken',
    'Idempotency-Key',
  ];
  return Object.fromEntries(
    keys.map((k) => [
      k,
      t(
        `firs.field.${k
          .replace(/\.\*\./g, '.')
          .replace(/\./g, '_')
          .replace('Idempotency-Key', 'idempotency_key')}`,
      ),
    ]),
  );
}

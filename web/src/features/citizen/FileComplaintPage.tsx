import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Notice, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { ClientError, fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime, istLocalToIso } from '../../lib/format.ts';
import { pick } from './labels.ts';
import type { CitizenComplaint, Kinds } from './types.ts';
import { StationPicker, useStationChoice } from './StationPicker.tsx';
import { ACCEPT, formatBytes, newIdempotencyKey, postMultipart } from './upload.ts';

interface PropertyRow {
  type: string;
  description: string;
  value: string;
}

const PROPERTY_TYPES = ['mobile_phone', 'vehicle', 'cash', 'jewellery', 'document', 'other'] as const;
const MISSING_SEXES = ['female', 'male', 'transgender', 'unknown'] as const;

/** The missing person's fields as typed (kind missing_person). */
const NO_MISSING = {
  name: '',
  sex: '',
  ageYears: '',
  dateOfBirth: '',
  heightCm: '',
  clothing: '',
  marks: '',
  lastSeenAt: '',
  lastSeenPlace: '',
  relation: '',
};
type MissingFields = typeof NO_MISSING;

/** The request's missingPerson from the fields, only what was given (the server names what is missing). */
function missingPersonBody(m: MissingFields) {
  return {
    name: m.name,
    sex: m.sex,
    ...(m.ageYears ? { ageYears: Number(m.ageYears) } : {}),
    ...(m.dateOfBirth ? { dateOfBirth: m.dateOfBirth } : {}),
    ...(m.heightCm ? { heightCm: Number(m.heightCm) } : {}),
    clothing: m.clothing,
    marks: m.marks
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean),
    lastSeenAt: m.lastSeenAt ? istLocalToIso(m.lastSeenAt) : '',
    lastSeenPlace: m.lastSeenPlace,
    ...(m.relation.trim() ? { relation: m.relation.trim() } : {}),
  };
}
const DESCRIPTION_MAX = 10_000;

/** "Now" in IST as a datetime-local value, the latest an occurrence may be. */
function nowLocal(): string {
  return new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 16);
}

/**
 * File an e-complaint (or an e-FIR, for the kinds the state allows online): what happened, when
 * and where, the police station (chosen, or suggested from the place), the complainant's
 * details, suspects and lost property if any, and up to 5 attachments. The server checks every
 * file by its content; this form checks count and size first so nobody uploads 50 MB in vain.
 */
export default function FileComplaintPage() {
  const { t, lang } = useT();
  const kinds = useFetch<Kinds>('/public/complaint-kinds');
  const choice = useStationChoice();
  const { places, district, districtCode, stationCode, setStationCode } = choice;
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [relativeName, setRelativeName] = useState('');
  const [relation, setRelation] = useState('');
  const [yearOfBirth, setYearOfBirth] = useState('');
  const [sex, setSex] = useState('');
  const [occupation, setOccupation] = useState('');
  const [suspect, setSuspect] = useState('');
  const [properties, setProperties] = useState<PropertyRow[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState<MissingFields>(NO_MISSING);
  const setM = (k: keyof MissingFields) => (e: { target: { value: string } }) => setMissing({ ...missing, [k]: e.target.value });
  const isMissing = kind === 'missing_person';
  // One key per form: a double click or a retry after a lost answer files one complaint.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [suggested, setSuggested] = useState<{ code: string; name: string; nameHi: string }[] | undefined>();

  const kindInfo = kinds.data?.items.find((k) => k.kind === kind);
  const max = kinds.data?.maxAttachments ?? 5;
  const maxBytes = kinds.data?.maxAttachmentBytes ?? 10 * 1024 * 1024;

  const suggest = useAction(async () => {
    const r = await api.get<{ items: { code: string; name: string; nameHi: string }[] }>(
      `/public/station-suggestions?place=${encodeURIComponent(`${place} ${district?.name ?? ''}`)}`,
    );
    setSuggested(r.items);
    if (r.items[0] && !stationCode) setStationCode(r.items[0].code);
  });

  const submit = useAction(async () => {
    const problems: Record<string, string> = {};
    if (files.length > max) problems.files = 'citizen.file.too_many_files';
    if (files.some((f) => f.size > maxBytes)) problems.files = 'citizen.file.file_too_big';
    if (to && from && to < from) problems['occurrence.to'] = 'citizen.file.to_before_from';
    if (from && from > nowLocal()) problems['occurrence.from'] = 'citizen.file.in_future';
    if (isMissing) {
      if (!missing.ageYears && !missing.dateOfBirth) problems['missingPerson.ageYears'] = 'citizen.missing.age_or_dob';
      if (missing.lastSeenAt && missing.lastSeenAt > nowLocal()) problems['missingPerson.lastSeenAt'] = 'citizen.file.in_future';
    }
    const missingRequired = isMissing
      ? {
          'missingPerson.name': missing.name,
          'missingPerson.sex': missing.sex,
          'missingPerson.clothing': missing.clothing,
          'missingPerson.lastSeenAt': missing.lastSeenAt,
          'missingPerson.lastSeenPlace': missing.lastSeenPlace,
        }
      : {};
    requireFields(
      {
        kind,
        'occurrence.from': from,
        'occurrence.place': place,
        stationCode,
        description,
        'complainant.address': address,
        ...missingRequired,
      },
      ['kind', 'occurrence.from', 'occurrence.place', 'stationCode', 'description', 'complainant.address', ...Object.keys(missingRequired)],
      problems,
    );
    const props = properties.filter((p) => p.description.trim());
    const badValue = props.findIndex((p) => !(Number(p.value) >= 0));
    if (badValue >= 0) throw new ClientError('error.fix_fields', { [`properties.${badValue}.value`]: 'citizen.file.value_invalid' });
    const body = {
      kind,
      stationCode,
      occurrence: { from: istLocalToIso(from), ...(to ? { to: istLocalToIso(to) } : {}), place, ...(districtCode ? { districtCode } : {}) },
      description,
      complainant: {
        address,
        ...(relativeName.trim() ? { relativeName } : {}),
        ...(relation ? { relation } : {}),
        ...(yearOfBirth ? { yearOfBirth: Number(yearOfBirth) } : {}),
        ...(sex ? { sex } : {}),
        ...(occupation.trim() ? { occupation } : {}),
      },
      suspects: suspect.trim() ? [{ description: suspect.trim() }] : [],
      properties: props.map((p) => ({ type: p.type, description: p.description, value: Number(p.value) || 0 })),
      ...(isMissing ? { missingPerson: missingPersonBody(missing) } : {}),
    };
    const created = await postMultipart<CitizenComplaint>('/public/complaints', { name: 'complaint', value: body }, files, {
      'Idempotency-Key': idempotencyKey,
    });
    navigate(`/citizen/complaints/${created.id}?filed=1`);
  });

  if (kinds.loading || places.loading) return <Loading />;
  const fe = fieldErrorsOf(submit.error, t);
  const labels: Record<string, string> = {
    kind: t('citizen.file.kind'),
    'occurrence.from': t('citizen.file.from'),
    'occurrence.to': t('citizen.file.to'),
    'occurrence.place': t('citizen.file.place'),
    stationCode: t('citizen.file.station'),
    description: t('citizen.file.description'),
    'complainant.address': t('citizen.file.address'),
    files: t('citizen.file.attachments'),
    'missingPerson.name': t('citizen.missing.name'),
    'missingPerson.sex': t('citizen.missing.sex'),
    'missingPerson.ageYears': t('citizen.missing.age'),
    'missingPerson.dateOfBirth': t('citizen.missing.dob'),
    'missingPerson.heightCm': t('citizen.missing.height'),
    'missingPerson.clothing': t('citizen.missing.clothing'),
    'missingPerson.marks': t('citizen.missing.marks'),
    'missingPerson.lastSeenAt': t('citizen.missing.last_seen_at'),
    'missingPerson.lastSeenPlace': t('citizen.missing.last_seen_place'),
  };
  const fileError = fe.files ?? Object.entries(fe).find(([k]) => k.startsWith('files.'))?.[1];

  return (
    <Page title={t('citizen.file.title')}>
      <ErrorAlert error={kinds.error ?? places.error} />
      <form
        className="form card"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit.run();
        }}
      >
        <ErrorAlert error={submit.error} idPrefix="fc-" fieldLabels={labels} />
        <p className="muted">{t('citizen.file.intro')}</p>

        <fieldset>
          <legend>{t('citizen.file.what')}</legend>
          <SelectField
            id="fc-kind"
            label={t('citizen.file.kind')}
            required
            value={kind}
            error={fe.kind}
            onChange={(e) => setKind(e.target.value)}
          >
            <option value="">{t('citizen.file.choose')}</option>
            {kinds.data?.items.map((k) => (
              <option key={k.kind} value={k.kind}>
                {pick(lang, k.labelEn, k.labelHi)}
                {k.efir ? ` — ${t('citizen.file.efir_short')}` : ''}
              </option>
            ))}
          </SelectField>
          {kindInfo?.efir && <Notice kind="warning">{t('citizen.file.efir_note')}</Notice>}
          <TextArea
            id="fc-description"
            label={t('citizen.file.description')}
            hint={t('citizen.file.description_hint', { used: description.length, max: DESCRIPTION_MAX })}
            required
            rows={7}
            maxLength={DESCRIPTION_MAX}
            value={description}
            error={fe.description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </fieldset>

        {isMissing && (
          <fieldset>
            <legend>{t('citizen.missing.legend')}</legend>
            <p className="muted">{t('citizen.missing.intro')}</p>
            <div className="form-grid">
              <TextField
                id="fc-missingPerson.name"
                label={t('citizen.missing.name')}
                required
                maxLength={200}
                value={missing.name}
                error={fe['missingPerson.name']}
                onChange={setM('name')}
              />
              <SelectField
                id="fc-missingPerson.sex"
                label={t('citizen.missing.sex')}
                required
                value={missing.sex}
                error={fe['missingPerson.sex']}
                onChange={setM('sex')}
              >
                <option value="">{t('citizen.file.choose')}</option>
                {MISSING_SEXES.map((x) => (
                  <option key={x} value={x}>
                    {t(`common.missing.sex_${x}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="fc-missingPerson.ageYears"
                label={t('citizen.missing.age')}
                hint={t('citizen.missing.age_hint')}
                inputMode="numeric"
                maxLength={3}
                value={missing.ageYears}
                error={fe['missingPerson.ageYears']}
                onChange={(e) => setMissing({ ...missing, ageYears: e.target.value.replace(/\D/g, '') })}
              />
              <TextField
                id="fc-missingPerson.dateOfBirth"
                type="date"
                label={t('citizen.missing.dob')}
                hint={t('citizen.common.optional')}
                value={missing.dateOfBirth}
                error={fe['missingPerson.dateOfBirth']}
                onChange={setM('dateOfBirth')}
              />
              <TextField
                id="fc-missingPerson.heightCm"
                label={t('citizen.missing.height')}
                hint={t('citizen.common.optional')}
                inputMode="numeric"
                maxLength={3}
                value={missing.heightCm}
                error={fe['missingPerson.heightCm']}
                onChange={(e) => setMissing({ ...missing, heightCm: e.target.value.replace(/\D/g, '') })}
              />
              <TextField
                id="fc-missingPerson.relation"
                label={t('citizen.missing.relation')}
                hint={t('citizen.common.optional')}
                maxLength={60}
                value={missing.relation}
                onChange={setM('relation')}
              />
              <TextField
                id="fc-missingPerson.lastSeenAt"
                type="datetime-local"
                label={t('citizen.missing.last_seen_at')}
                required
                max={nowLocal()}
                value={missing.lastSeenAt}
                error={fe['missingPerson.lastSeenAt']}
                onChange={setM('lastSeenAt')}
              />
              <TextField
                id="fc-missingPerson.lastSeenPlace"
                label={t('citizen.missing.last_seen_place')}
                required
                maxLength={500}
                value={missing.lastSeenPlace}
                error={fe['missingPerson.lastSeenPlace']}
                onChange={setM('lastSeenPlace')}
              />
            </div>
            <TextArea
              id="fc-missingPerson.clothing"
              label={t('citizen.missing.clothing')}
              required
              rows={2}
              maxLength={1000}
              value={missing.clothing}
              error={fe['missingPerson.clothing']}
              onChange={setM('clothing')}
            />
            <TextArea
              id="fc-missingPerson.marks"
              label={t('citizen.missing.marks')}
              hint={t('citizen.common.optional')}
              rows={2}
              maxLength={2000}
              value={missing.marks}
              error={fe['missingPerson.marks'] ?? Object.entries(fe).find(([k]) => k.startsWith('missingPerson.marks.'))?.[1]}
              onChange={setM('marks')}
            />
          </fieldset>
        )}

        <fieldset>
          <legend>{t('citizen.file.when_where')}</legend>
          <div className="form-grid">
            <TextField
              id="fc-occurrence.from"
              type="datetime-local"
              label={t('citizen.file.from')}
              required
              max={nowLocal()}
              value={from}
              error={fe['occurrence.from']}
              onChange={(e) => setFrom(e.target.value)}
            />
            <TextField
              id="fc-occurrence.to"
              type="datetime-local"
              label={t('citizen.file.to')}
              hint={t('citizen.common.optional')}
              max={nowLocal()}
              value={to}
              error={fe['occurrence.to']}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
          <TextField
            id="fc-occurrence.place"
            label={t('citizen.file.place')}
            hint={t('citizen.file.place_hint')}
            required
            maxLength={500}
            value={place}
            error={fe['occurrence.place']}
            onChange={(e) => setPlace(e.target.value)}
          />
          <div className="form-grid">
            <StationPicker
              idPrefix="fc"
              choice={choice}
              labels={{ district: t('citizen.file.district'), station: t('citizen.file.station'), choose: t('citizen.file.choose') }}
              error={fe.stationCode}
            />
          </div>
          <div className="button-row">
            <Button variant="secondary" busy={suggest.busy} disabled={!place.trim()} onClick={() => void suggest.run()}>
              {t('citizen.file.suggest')}
            </Button>
          </div>
          <ErrorAlert error={suggest.error} />
          {suggested && (
            <p role="status" className="muted">
              {suggested.length
                ? t('citizen.file.suggested', { stations: suggested.map((s) => `${localName(lang, s)} (${s.code})`).join(', ') })
                : t('citizen.file.no_suggestion')}
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('citizen.file.about_you')}</legend>
          <TextArea
            id="fc-complainant.address"
            label={t('citizen.file.address')}
            required
            rows={2}
            maxLength={500}
            value={address}
            error={fe['complainant.address']}
            onChange={(e) => setAddress(e.target.value)}
          />
          <div className="form-grid">
            <TextField
              id="fc-relativeName"
              label={t('citizen.file.relative_name')}
              hint={t('citizen.common.optional')}
              maxLength={120}
              value={relativeName}
              onChange={(e) => setRelativeName(e.target.value)}
            />
            <SelectField id="fc-relation" label={t('citizen.file.relation')} value={relation} onChange={(e) => setRelation(e.target.value)}>
              <option value="">—</option>
              {(['father', 'husband', 'mother', 'wife', 'guardian'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`citizen.relation.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="fc-yearOfBirth"
              label={t('citizen.file.year_of_birth')}
              inputMode="numeric"
              maxLength={4}
              value={yearOfBirth}
              error={fe['complainant.yearOfBirth']}
              onChange={(e) => setYearOfBirth(e.target.value.replace(/\D/g, ''))}
            />
            <SelectField id="fc-sex" label={t('citizen.file.sex')} value={sex} onChange={(e) => setSex(e.target.value)}>
              <option value="">—</option>
              {(['female', 'male', 'transgender', 'other'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`citizen.sex.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="fc-occupation"
              label={t('citizen.file.occupation')}
              maxLength={120}
              value={occupation}
              onChange={(e) => setOccupation(e.target.value)}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('citizen.file.suspects_property')}</legend>
          <TextArea
            id="fc-suspect"
            label={t('citizen.file.suspect')}
            hint={t('citizen.file.suspect_hint')}
            rows={2}
            maxLength={2000}
            value={suspect}
            onChange={(e) => setSuspect(e.target.value)}
          />
          {properties.map((p, i) => (
            <div className="form-grid" key={i} role="group" aria-label={t('citizen.file.property_n', { n: i + 1 })}>
              <SelectField
                id={`fc-properties.${i}.type`}
                label={t('citizen.file.property_type')}
                value={p.type}
                onChange={(e) => setProperties(properties.map((x, j) => (j === i ? { ...x, type: e.target.value } : x)))}
              >
                {PROPERTY_TYPES.map((pt) => (
                  <option key={pt} value={pt}>
                    {t(`citizen.property.${pt}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`fc-properties.${i}.description`}
                label={t('citizen.file.property_description')}
                maxLength={500}
                value={p.description}
                onChange={(e) => setProperties(properties.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))}
              />
              <TextField
                id={`fc-properties.${i}.value`}
                label={t('citizen.file.property_value')}
                inputMode="decimal"
                value={p.value}
                error={fe[`properties.${i}.value`]}
                onChange={(e) => setProperties(properties.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
              />
              <div className="button-row">
                <Button variant="link" onClick={() => setProperties(properties.filter((_, j) => j !== i))}>
                  {t('citizen.file.property_remove')}
                </Button>
              </div>
            </div>
          ))}
          <div className="button-row">
            <Button
              variant="secondary"
              disabled={properties.length >= 20}
              onClick={() => setProperties([...properties, { type: 'other', description: '', value: '' }])}
            >
              {t('citizen.file.property_add')}
            </Button>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('citizen.file.attachments')}</legend>
          <div className={`field ${fileError ? 'field-invalid' : ''}`}>
            <label htmlFor="fc-files">{t('citizen.file.choose_files')}</label>
            <div id="fc-files-hint" className="hint">
              {t('citizen.file.attachments_hint', { max, size: formatBytes(maxBytes) })}
            </div>
            {fileError && (
              <div id="fc-files-error" className="field-error">
                {fileError}
              </div>
            )}
            <input
              id="fc-files"
              type="file"
              multiple
              accept={ACCEPT}
              aria-describedby={fileError ? 'fc-files-hint fc-files-error' : 'fc-files-hint'}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          </div>
          {files.length > 0 && (
            <ul aria-live="polite">
              {files.map((f) => (
                <li key={f.name + f.size}>
                  {f.name} — {formatBytes(f.size)}
                  {f.size > maxBytes ? ` (${t('citizen.file.file_too_big')})` : ''}
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <p className="muted">{t('citizen.file.declaration', { now: formatDateTime(new Date(), lang) })}</p>
        <div className="button-row">
          <Button type="submit" busy={submit.busy}>
            {kindInfo?.efir ? t('citizen.file.submit_efir') : t('citizen.file.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

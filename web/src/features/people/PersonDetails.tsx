import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { ActionForm } from '../../components/forms.tsx';
import { ClientError, fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { Notice, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { BUILDS, COMPLEXIONS, DOC_TYPES, MARK_KINDS, editBody, editValuesOf, rebase, type EditValues } from './details.ts';
import type { PersonView } from './types.ts';

/** The server's limit for a photograph (people/service.ts inspectPhoto): checked here first to save the upload. */
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

interface Props {
  v: PersonView;
  /** The record as the server answered the change (every person route answers with it). */
  onSaved: (v: PersonView) => void;
}

/** A <details> holding one form, its summary naming the form (for assistive technology too). */
function Fold({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <details className="panel">
      <summary id={id}>{title}</summary>
      {children}
    </details>
  );
}

/**
 * Correcting and adding to a person's record, for those allowed people.write: the core fields
 * (optimistic version: a 412 loads the record again and keeps the officer's changes), and
 * addresses, phones, identity documents, marks and photographs, each added on its own.
 */
export function PersonDetailForms({ v, onSaved, onStale }: Props & { onStale: () => void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="pd-h">
      <h2 id="pd-h">{t('people.edit.section')}</h2>
      <EditPerson v={v} onSaved={onSaved} onStale={onStale} />
      <AddAddress v={v} onSaved={onSaved} />
      <AddPhone v={v} onSaved={onSaved} />
      <AddDocument v={v} onSaved={onSaved} />
      <AddMark v={v} onSaved={onSaved} />
      <AddPhoto v={v} onSaved={onSaved} />
    </section>
  );
}

function EditPerson({ v, onSaved, onStale }: Props & { onStale: () => void }) {
  const { t } = useT();
  const [base, setBase] = useState<EditValues>(() => editValuesOf(v));
  const [draft, setDraft] = useState<EditValues>(base);
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState(false);
  // The record came back changed (after a 412, or an addition): rebase the draft on it.
  const seen = useRef(v.version);
  useEffect(() => {
    if (seen.current === v.version) return;
    seen.current = v.version;
    const next = editValuesOf(v);
    setDraft((d) => rebase(base, d, next));
    setBase(next);
    // `base` is read as it was before this version arrived; only a new version re-runs this.
  }, [v]);
  const save = useAction(async () => {
    setSaved(false);
    setStale(false);
    const { body, changed, problems } = editBody(base, draft, v.version);
    if (Object.keys(problems).length) throw new ClientError('error.fix_fields', problems);
    if (changed.length === 0) throw new ClientError('people.edit.nothing');
    try {
      const p = await api.patch<PersonView>(`/people/${v.id}`, body);
      setBase(editValuesOf(p));
      setDraft(editValuesOf(p));
      seen.current = p.version;
      onSaved(p);
      setSaved(true);
    } catch (e) {
      // Changed by someone else meanwhile: load it again; the officer's changes stay in the form.
      if (e instanceof ApiError && e.code === 'stale_version') {
        setStale(true);
        onStale();
      }
      throw e;
    }
  });
  const fe = fieldErrorsOf(save.error, t);
  const err = (k: string) => fe[k] ?? fe[`${k}.years`];
  const set = (k: keyof EditValues) => (e: { target: { value: string } }) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  };
  const labels: Record<string, string> = {
    name: t('people.name'),
    nameHi: t('people.name_hi'),
    fatherName: t('people.father'),
    motherName: t('people.mother'),
    spouseName: t('people.spouse'),
    sex: t('people.sex'),
    birthDate: t('people.dob'),
    age: t('people.new.age'),
    'age.years': t('people.new.age'),
    heightCm: t('people.height'),
    build: t('people.build'),
    complexion: t('people.complexion'),
    occupation: t('people.occupation'),
    notes: t('people.notes'),
  };
  return (
    <Fold id="pe-title" title={t('people.edit.title')}>
      {saved && <Notice kind="success">{t('common.saved')}</Notice>}
      {stale && <Notice kind="warning">{t('people.edit.stale')}</Notice>}
      <ActionForm action={save} submit={t('people.edit.save')} fieldLabels={labels} idPrefix="pe-" labelledBy="pe-title">
        <div className="form-grid">
          <TextField id="pe-name" label={`${labels.name} *`} value={draft.name} onChange={set('name')} error={err('name')} />
          <TextField id="pe-nameHi" lang="hi" label={labels.nameHi} value={draft.nameHi} onChange={set('nameHi')} error={err('nameHi')} />
          <TextField
            id="pe-fatherName"
            label={labels.fatherName}
            value={draft.fatherName}
            onChange={set('fatherName')}
            error={err('fatherName')}
          />
          <TextField
            id="pe-motherName"
            label={labels.motherName}
            value={draft.motherName}
            onChange={set('motherName')}
            error={err('motherName')}
          />
          <TextField
            id="pe-spouseName"
            label={labels.spouseName}
            value={draft.spouseName}
            onChange={set('spouseName')}
            error={err('spouseName')}
          />
          <SelectField id="pe-sex" label={labels.sex} value={draft.sex} onChange={set('sex')} error={err('sex')}>
            <option value="">—</option>
            {['male', 'female', 'transgender', 'unknown'].map((x) => (
              <option key={x} value={x}>
                {t(`people.sex.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="pe-birthDate"
            type="date"
            label={labels.birthDate}
            value={draft.birthDate}
            onChange={set('birthDate')}
            error={err('birthDate')}
          />
          <TextField
            id="pe-age"
            inputMode="numeric"
            label={labels.age}
            hint={t('people.new.age_hint')}
            value={draft.age}
            onChange={set('age')}
            error={err('age')}
          />
          <TextField
            id="pe-heightCm"
            inputMode="numeric"
            label={labels.heightCm}
            value={draft.heightCm}
            onChange={set('heightCm')}
            error={err('heightCm')}
          />
          <SelectField id="pe-build" label={labels.build} value={draft.build} onChange={set('build')} error={err('build')}>
            <option value="">—</option>
            {BUILDS.map((x) => (
              <option key={x} value={x}>
                {t(`people.build.${x}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="pe-complexion"
            label={labels.complexion}
            value={draft.complexion}
            onChange={set('complexion')}
            error={err('complexion')}
          >
            <option value="">—</option>
            {COMPLEXIONS.map((x) => (
              <option key={x} value={x}>
                {t(`people.complexion.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="pe-occupation"
            label={labels.occupation}
            value={draft.occupation}
            onChange={set('occupation')}
            error={err('occupation')}
          />
        </div>
        <TextArea id="pe-notes" label={labels.notes} value={draft.notes} onChange={set('notes')} error={err('notes')} rows={2} />
      </ActionForm>
    </Fold>
  );
}

/**
 * One addition form: its values, the POST of `body(values)` (which may throw a ClientError), the
 * record back to the page, and the form emptied.
 */
function useAddition(
  v: PersonView,
  path: string,
  onSaved: (p: PersonView) => void,
  initial: Record<string, string>,
  body: (vals: Record<string, string>) => unknown,
) {
  const { t } = useT();
  const [vals, setVals] = useState<Record<string, string>>(initial);
  const [added, setAdded] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) => {
    setAdded(false);
    setVals((o) => ({ ...o, [k]: e.target.value }));
  };
  const act = useAction(async () => {
    setAdded(false);
    const p = await api.post<PersonView>(`/people/${v.id}/${path}`, body(vals));
    setVals(initial);
    setAdded(true);
    onSaved(p);
  });
  return { vals, set, added, act, fe: fieldErrorsOf(act.error, t), t };
}

function AddAddress({ v, onSaved }: Props) {
  const { vals, set, added, act, fe, t } = useAddition(v, 'addresses', onSaved, { kind: 'present' }, (x) => {
    requireFields(x, ['address']);
    return { kind: x.kind, address: x.address!.trim(), fromDate: x.fromDate || undefined };
  });
  const labels = { address: t('people.address'), kind: t('people.address_kind'), fromDate: t('people.address_from') };
  return (
    <Fold id="pa-title" title={t('people.address.add')}>
      {added && <Notice kind="success">{t('people.added')}</Notice>}
      <ActionForm action={act} submit={t('people.address.save')} fieldLabels={labels} idPrefix="pa-" labelledBy="pa-title">
        <TextArea
          id="pa-address"
          label={`${labels.address} *`}
          value={vals.address ?? ''}
          onChange={set('address')}
          error={fe.address}
          rows={2}
        />
        <div className="form-grid">
          <SelectField id="pa-kind" label={labels.kind} value={vals.kind} onChange={set('kind')} error={fe.kind}>
            {['present', 'permanent', 'other'].map((x) => (
              <option key={x} value={x}>
                {t(`people.address_kind.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="pa-fromDate"
            type="date"
            label={labels.fromDate}
            hint={t('people.address.present_hint')}
            value={vals.fromDate ?? ''}
            onChange={set('fromDate')}
            error={fe.fromDate}
          />
        </div>
      </ActionForm>
    </Fold>
  );
}

function AddPhone({ v, onSaved }: Props) {
  const { vals, set, added, act, fe, t } = useAddition(v, 'phones', onSaved, { kind: 'mobile' }, (x) => {
    requireFields(x, ['phone']);
    return { phone: x.phone!.trim(), kind: x.kind };
  });
  const labels = { phone: t('people.phone'), kind: t('people.phone_kind') };
  return (
    <Fold id="pp-title" title={t('people.phone.add')}>
      {added && <Notice kind="success">{t('people.added')}</Notice>}
      <ActionForm action={act} submit={t('people.phone.save')} fieldLabels={labels} idPrefix="pp-" labelledBy="pp-title">
        <div className="form-grid">
          <TextField
            id="pp-phone"
            type="tel"
            inputMode="tel"
            label={`${labels.phone} *`}
            value={vals.phone ?? ''}
            onChange={set('phone')}
            error={fe.phone}
          />
          <SelectField id="pp-kind" label={labels.kind} value={vals.kind} onChange={set('kind')} error={fe.kind}>
            {['mobile', 'landline', 'other'].map((x) => (
              <option key={x} value={x}>
                {t(`people.phone_kind.${x}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </ActionForm>
    </Fold>
  );
}

/**
 * An identity document. The number typed goes to the server once and the form is emptied: the
 * page then shows only what the server keeps (an Aadhaar number only as its last 4 digits).
 */
function AddDocument({ v, onSaved }: Props) {
  const { vals, set, added, act, fe, t } = useAddition(v, 'identity-documents', onSaved, { type: 'aadhaar' }, (x) => {
    requireFields(x, ['number']);
    return { type: x.type, number: x.number!.trim() };
  });
  const labels = { type: t('people.doc.type'), number: t('people.doc.number') };
  return (
    <Fold id="pi-title" title={t('people.doc.add')}>
      {added && <Notice kind="success">{t('people.added')}</Notice>}
      <ActionForm action={act} submit={t('people.doc.save')} fieldLabels={labels} idPrefix="pi-" labelledBy="pi-title">
        <div className="form-grid">
          <SelectField id="pi-type" label={labels.type} value={vals.type} onChange={set('type')} error={fe.type}>
            {DOC_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`people.doc.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="pi-number"
            label={`${labels.number} *`}
            hint={t('people.doc.aadhaar_hint')}
            value={vals.number ?? ''}
            onChange={set('number')}
            error={fe.number}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </ActionForm>
    </Fold>
  );
}

function AddMark({ v, onSaved }: Props) {
  const { vals, set, added, act, fe, t } = useAddition(v, 'marks', onSaved, { kind: 'mole' }, (x) => {
    requireFields(x, ['description']);
    return { kind: x.kind, bodyPart: x.bodyPart?.trim() || undefined, description: x.description!.trim() };
  });
  const labels = { kind: t('people.mark.kind'), bodyPart: t('people.mark.body_part'), description: t('people.mark.description') };
  return (
    <Fold id="pm-title" title={t('people.mark.add')}>
      {added && <Notice kind="success">{t('people.added')}</Notice>}
      <ActionForm action={act} submit={t('people.mark.save')} fieldLabels={labels} idPrefix="pm-" labelledBy="pm-title">
        <div className="form-grid">
          <SelectField id="pm-kind" label={labels.kind} value={vals.kind} onChange={set('kind')} error={fe.kind}>
            {MARK_KINDS.map((x) => (
              <option key={x} value={x}>
                {t(`people.mark.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="pm-bodyPart" label={labels.bodyPart} value={vals.bodyPart ?? ''} onChange={set('bodyPart')} error={fe.bodyPart} />
        </div>
        <TextField
          id="pm-description"
          label={`${labels.description} *`}
          value={vals.description ?? ''}
          onChange={set('description')}
          error={fe.description}
        />
      </ActionForm>
    </Fold>
  );
}

/** The file as base64, without the data: prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** A photograph: the server checks its bytes (JPEG, PNG or WebP, 5 MB), whatever the file claims to be. */
function AddPhoto({ v, onSaved }: Props) {
  const { t } = useT();
  const [file, setFile] = useState<File | undefined>();
  const [caption, setCaption] = useState('');
  const [takenOn, setTakenOn] = useState('');
  const [added, setAdded] = useState(false);
  // A new key empties the file input after an upload (its value cannot be set).
  const [fileKey, setFileKey] = useState(0);
  const act = useAction(async () => {
    setAdded(false);
    if (!file) throw new ClientError('error.fix_fields', { contentBase64: 'common.required' });
    if (file.size > PHOTO_MAX_BYTES) throw new ClientError('error.fix_fields', { contentBase64: 'people.photo.too_large' });
    const p = await api.post<PersonView>(`/people/${v.id}/photos`, {
      contentBase64: await readBase64(file),
      caption: caption.trim() || undefined,
      takenOn: takenOn || undefined,
    });
    setFile(undefined);
    setCaption('');
    setTakenOn('');
    setFileKey((k) => k + 1);
    setAdded(true);
    onSaved(p);
  });
  const fe = fieldErrorsOf(act.error, t);
  const labels = { contentBase64: t('people.photo.file'), caption: t('people.photo.caption'), takenOn: t('people.photo.taken_on') };
  return (
    <Fold id="pf-title" title={t('people.photo.add')}>
      {added && <Notice kind="success">{t('people.added')}</Notice>}
      <ActionForm action={act} submit={t('people.photo.save')} fieldLabels={labels} idPrefix="pf-" labelledBy="pf-title">
        <TextField
          id="pf-contentBase64"
          key={fileKey}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          label={`${labels.contentBase64} *`}
          hint={t('people.photo.hint')}
          onChange={(e) => {
            setAdded(false);
            setFile(e.target.files?.[0]);
          }}
          error={fe.contentBase64}
        />
        <div className="form-grid">
          <TextField
            id="pf-caption"
            label={labels.caption}
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            error={fe.caption}
          />
          <TextField
            id="pf-takenOn"
            type="date"
            label={labels.takenOn}
            value={takenOn}
            onChange={(e) => setTakenOn(e.target.value)}
            error={fe.takenOn}
          />
        </div>
      </ActionForm>
    </Fold>
  );
}

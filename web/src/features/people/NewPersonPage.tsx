import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { Button, ErrorAlert, Notice, Page, SelectField, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import type { MatchSuggestion, PersonView } from './types.ts';
import { MatchList } from './MatchList.tsx';
import { BUILDS, MARK_KINDS } from './details.ts';

type Values = Record<string, string>;

function bodyOf(v: Values) {
  const s = (k: string) => v[k]?.trim() || undefined;
  return {
    name: s('name') ?? '',
    nameHi: s('nameHi'),
    fatherName: s('fatherName'),
    motherName: s('motherName'),
    spouseName: s('spouseName'),
    sex: s('sex'),
    birthDate: s('birthDate'),
    age: !s('birthDate') && s('age') ? { years: Number(s('age')) } : undefined,
    addresses: s('address') ? [{ kind: 'present', address: s('address') }] : [],
    phones: s('phone') ? [s('phone')] : [],
    identityDocuments: s('docNumber') ? [{ type: s('docType') ?? 'aadhaar', number: s('docNumber') }] : [],
    marks: s('markDescription') ? [{ kind: s('markKind') ?? 'mole', bodyPart: s('markBodyPart'), description: s('markDescription') }] : [],
    // A height that is not a number is sent as it is, and the server names the field.
    heightCm: s('heightCm') ? (/^\d+$/.test(s('heightCm')!) ? Number(s('heightCm')) : s('heightCm')) : undefined,
    build: s('build'),
  };
}

/**
 * A new person record. "Check for existing records" first shows the likely matches, ranked, with
 * the evidence for each (same father, same birth, same address, phone, document); the officer
 * opens one of them or creates a new record.
 */
export default function NewPersonPage() {
  const { t } = useT();
  const [v, setV] = useState<Values>({ docType: 'aadhaar', markKind: 'mole' });
  const [matches, setMatches] = useState<MatchSuggestion[] | undefined>();
  const set = (k: string) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const check = useAction(async () => {
    const b = bodyOf(v);
    const r = await api.post<{ items: MatchSuggestion[] }>('/people/match', {
      name: b.name,
      fatherName: b.fatherName,
      sex: b.sex,
      birthDate: b.birthDate,
      age: b.age,
      address: b.addresses[0]?.address,
      phones: b.phones,
      identityDocuments: b.identityDocuments,
    });
    setMatches(r.items);
  });
  const create = useAction(async () => {
    const p = await api.post<PersonView>('/people', bodyOf(v));
    navigate(`/people/${p.id}`);
  });
  const errors = { ...fieldErrorsOf(check.error, t), ...fieldErrorsOf(create.error, t) };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void check.run();
  };
  return (
    <Page title={t('people.new.title')}>
      <p>{t('people.new.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={check.error ?? create.error} />
        <div className="form-grid">
          <TextField
            id="np-name"
            label={`${t('people.name')} *`}
            hint={t('people.new.name_hint')}
            value={v.name ?? ''}
            onChange={set('name')}
            error={errors.name}
          />
          <TextField
            id="np-namehi"
            label={t('people.name_hi')}
            lang="hi"
            value={v.nameHi ?? ''}
            onChange={set('nameHi')}
            error={errors.nameHi}
          />
          <TextField id="np-father" label={t('people.father')} value={v.fatherName ?? ''} onChange={set('fatherName')} />
          <TextField
            id="np-mother"
            label={t('people.mother')}
            value={v.motherName ?? ''}
            onChange={set('motherName')}
            error={errors.motherName}
          />
          <TextField
            id="np-spouse"
            label={t('people.spouse')}
            value={v.spouseName ?? ''}
            onChange={set('spouseName')}
            error={errors.spouseName}
          />
          <SelectField id="np-sex" label={t('people.sex')} value={v.sex ?? ''} onChange={set('sex')}>
            <option value="">—</option>
            {['male', 'female', 'transgender', 'unknown'].map((x) => (
              <option key={x} value={x}>
                {t(`people.sex.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="np-dob"
            type="date"
            label={t('people.dob')}
            value={v.birthDate ?? ''}
            onChange={set('birthDate')}
            error={errors.birthDate}
          />
          <TextField
            id="np-age"
            type="number"
            min={0}
            max={130}
            label={t('people.new.age')}
            hint={t('people.new.age_hint')}
            value={v.age ?? ''}
            onChange={set('age')}
          />
          <TextField
            id="np-height"
            inputMode="numeric"
            label={t('people.height')}
            value={v.heightCm ?? ''}
            onChange={set('heightCm')}
            error={errors.heightCm}
          />
          <SelectField id="np-build" label={t('people.build')} value={v.build ?? ''} onChange={set('build')}>
            <option value="">—</option>
            {BUILDS.map((x) => (
              <option key={x} value={x}>
                {t(`people.build.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="np-address" label={t('people.address')} value={v.address ?? ''} onChange={set('address')} />
          <TextField
            id="np-phone"
            label={t('people.phone')}
            inputMode="tel"
            value={v.phone ?? ''}
            onChange={set('phone')}
            error={errors['phones.0']}
          />
          <SelectField id="np-doctype" label={t('people.doc.type')} value={v.docType ?? 'aadhaar'} onChange={set('docType')}>
            {['aadhaar', 'voter_id', 'passport', 'driving_licence', 'pan', 'ration_card', 'other'].map((x) => (
              <option key={x} value={x}>
                {t(`people.doc.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="np-docno"
            label={t('people.doc.number')}
            hint={t('people.doc.aadhaar_hint')}
            value={v.docNumber ?? ''}
            onChange={set('docNumber')}
            error={errors['identityDocuments.0.number']}
            autoComplete="off"
          />
          <SelectField id="np-markkind" label={t('people.mark.kind')} value={v.markKind ?? 'mole'} onChange={set('markKind')}>
            {MARK_KINDS.map((x) => (
              <option key={x} value={x}>
                {t(`people.mark.${x}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="np-markpart"
            label={t('people.mark.body_part')}
            value={v.markBodyPart ?? ''}
            onChange={set('markBodyPart')}
            error={errors['marks.0.bodyPart']}
          />
          <TextField
            id="np-mark"
            label={t('people.mark.description')}
            hint={t('people.new.mark_hint')}
            value={v.markDescription ?? ''}
            onChange={set('markDescription')}
            error={errors['marks.0.description']}
          />
        </div>
        <div className="button-row">
          <Button type="submit" busy={check.busy}>
            {t('people.new.check')}
          </Button>
        </div>
      </form>
      {matches && (
        <section aria-labelledby="np-matches">
          <h2 id="np-matches">{t('people.new.matches')}</h2>
          {matches.length === 0 ? <Notice>{t('people.new.no_matches')}</Notice> : <MatchList matches={matches} />}
          <div className="button-row">
            <Button variant="secondary" busy={create.busy} onClick={() => void create.run()}>
              {t('people.new.create')}
            </Button>
          </div>
        </section>
      )}
    </Page>
  );
}

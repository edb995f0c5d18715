import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Button, ErrorAlert, Notice } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { MatchList, usePersonMatches } from '../people/MatchList.tsx';
import { bodyOf, FieldGrid, type Field, type Values } from './forms.tsx';
import { matchQueryOf } from './person-match.ts';
import type { CaseView } from './types.ts';

const ROLES = ['complainant', 'victim', 'accused', 'suspect', 'witness'] as const;

/**
 * Adding a person to the case. As the officer types the name (and the father's name, sex,
 * age, date of birth, address or phone), the records already in the person index that may be
 * this person are shown, ranked, with the evidence for each; the officer links one of them, or
 * creates a new record. "Create" waits until the matches of exactly the details typed have
 * been shown, so a new record is never made without the officer having seen them.
 */
export function AddPersonForm({ c, onDone }: { c: CaseView; onDone: (added: { code: string }) => void }) {
  const { t } = useT();
  const fields: Field[] = [
    {
      name: 'role',
      label: t('investigation.persons.role'),
      kind: 'select',
      required: true,
      options: ROLES.map((r) => ({ value: r, label: t(`investigation.role.${r}`) })),
    },
    { name: 'person.name', label: t('investigation.persons.name'), required: true },
    { name: 'person.nameHi', label: t('investigation.persons.name_hi') },
    { name: 'person.fatherName', label: t('investigation.persons.father') },
    {
      name: 'person.sex',
      label: t('investigation.persons.sex'),
      kind: 'select',
      options: ['male', 'female', 'transgender', 'unknown'].map((s) => ({ value: s, label: t(`investigation.sex.${s}`) })),
    },
    { name: 'person.ageYears', label: t('investigation.persons.age'), kind: 'number' },
    { name: 'person.birthDate', label: t('investigation.persons.birth_date'), kind: 'date' },
    { name: 'person.address', label: t('investigation.persons.address'), kind: 'textarea' },
    { name: 'person.phone', label: t('investigation.persons.phone') },
    { name: 'person.occupation', label: t('investigation.persons.occupation') },
    { name: 'description', label: t('investigation.persons.description'), kind: 'textarea' },
  ];
  const [values, setValues] = useState<Values>({});
  const matches = usePersonMatches(matchQueryOf(values));
  const role = typeof values.role === 'string' ? values.role : '';
  const description = typeof values.description === 'string' ? values.description.trim() : '';

  /** Links the record `personId`, or (without it) creates a new record from the details. */
  const add = useAction(async (personId?: string) => {
    requireFields(values, personId ? ['role'] : ['role', 'person.name']);
    let body: Record<string, unknown>;
    if (personId) body = { role, personId, ...(description ? { description } : {}) };
    else {
      body = bodyOf(fields, values);
      const person = body.person as Record<string, unknown> | undefined;
      if (person && typeof person.ageYears === 'number' && Number.isNaN(person.ageYears)) delete person.ageYears;
    }
    return api.post<{ code: string }>(`/cases/${c.id}/persons`, body);
  });
  const done = (r: { code: string } | undefined) => {
    if (!r) return;
    setValues({});
    onDone(r);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    done(await add.run());
  };
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const shown = matches.shown ?? [];
  return (
    <details className="record-form">
      <summary>{t('investigation.persons.add')}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={t('investigation.persons.add')}>
        <p className="muted">{t('investigation.persons.match_intro')}</p>
        <ErrorAlert error={add.error} fieldLabels={labels} idPrefix="pe-" />
        <FieldGrid
          id="pe"
          fields={fields}
          values={values}
          errors={fieldErrorsOf(add.error, t)}
          onChange={(n, v) => setValues((o) => ({ ...o, [n]: v }))}
        />
        <section aria-labelledby="pe-matches-h" aria-busy={matches.checking || undefined}>
          <h3 id="pe-matches-h">{t('investigation.persons.matches')}</h3>
          <ErrorAlert error={matches.error} />
          {matches.shown === undefined ? (
            <p className="muted" role="status">
              {matches.checking ? t('investigation.persons.matches_checking') : t('investigation.persons.matches_hint')}
            </p>
          ) : shown.length === 0 ? (
            <Notice>{matches.checking ? t('investigation.persons.matches_checking') : t('investigation.persons.matches_none')}</Notice>
          ) : (
            <>
              {matches.checking && (
                <p className="muted" role="status">
                  {t('investigation.persons.matches_checking')}
                </p>
              )}
              <MatchList
                matches={shown}
                action={(m) => {
                  const already = c.persons.find((p) => p.personId === m.person.id && p.role === role);
                  return already ? (
                    <span className="badge badge-neutral">{t('investigation.persons.in_case', { code: already.code })}</span>
                  ) : (
                    <Button variant="secondary" busy={add.busy} onClick={() => void add.run(m.person.id).then(done)}>
                      {role
                        ? t('investigation.persons.link_as', { role: t(`investigation.role.${role}`) })
                        : t('investigation.persons.link')}
                    </Button>
                  );
                }}
              />
            </>
          )}
        </section>
        <div className="button-row">
          <Button type="submit" busy={add.busy || matches.checking}>
            {shown.length > 0 ? t('investigation.persons.create_none_of_these') : t('investigation.persons.create_new')}
          </Button>
        </div>
      </form>
    </details>
  );
}

import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ROLES, RANKS, ROLE_LEVEL, type Role } from '../../policy.ts';
import { Button, ErrorAlert, SelectField, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { PlaceSelect } from '../org/PlaceSelect.tsx';
import type { Structure } from '../org/structure.ts';

export interface UserDraft {
  username: string;
  name: string;
  nameHi: string;
  email: string;
  mobile: string;
  role: Role | '';
  rank: string;
  stationId: string;
  subdivisionId: string;
  districtId: string;
}

export const emptyDraft: UserDraft = {
  username: '',
  name: '',
  nameHi: '',
  email: '',
  mobile: '',
  role: '',
  rank: '',
  stationId: '',
  subdivisionId: '',
  districtId: '',
};

/** The posting field a role needs: its station, sub-division or district (the server derives the rest). */
export function postingField(role: Role | ''): 'stationId' | 'subdivisionId' | 'districtId' | undefined {
  if (!role) return undefined;
  const level = ROLE_LEVEL[role];
  return level === 'station' ? 'stationId' : level === 'subdivision' ? 'subdivisionId' : level === 'district' ? 'districtId' : undefined;
}

/** Turns the form into the API body: empty strings become null, only the role's posting is sent. */
export function draftToBody(d: UserDraft, opts: { includeUsername: boolean }) {
  const field = postingField(d.role);
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    ...(opts.includeUsername ? { username: d.username.trim() } : {}),
    name: d.name.trim(),
    nameHi: orNull(d.nameHi),
    email: orNull(d.email),
    mobile: orNull(d.mobile),
    role: d.role || undefined,
    rank: orNull(d.rank),
    stationId: field === 'stationId' ? orNull(d.stationId) : null,
    subdivisionId: field === 'subdivisionId' ? orNull(d.subdivisionId) : null,
    districtId: field === 'districtId' ? orNull(d.districtId) : null,
  };
}

/** Create and edit share one form. */
export function UserForm({
  idPrefix,
  draft,
  onChange,
  structure,
  error,
  busy,
  onSubmit,
  submitLabel,
  withUsername,
  extra,
}: {
  idPrefix: string;
  draft: UserDraft;
  onChange: (d: UserDraft) => void;
  structure: Structure | undefined;
  error: unknown;
  busy: boolean;
  onSubmit: () => void;
  submitLabel: string;
  withUsername: boolean;
  extra?: ReactNode;
}) {
  const { t } = useT();
  const fe = fieldErrorsOf(error, t);
  const set = (k: keyof UserDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [k]: e.target.value });
  const field = postingField(draft.role);
  const labels: Record<string, string> = {
    username: t('users.field.username'),
    name: t('users.field.name'),
    nameHi: t('users.field.name_hi'),
    email: t('users.field.email'),
    mobile: t('users.field.mobile'),
    role: t('users.field.role'),
    rank: t('users.field.rank'),
    stationId: t('users.field.station'),
    subdivisionId: t('users.field.subdivision'),
    districtId: t('users.field.district'),
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <ErrorAlert error={error} fieldLabels={labels} idPrefix={idPrefix} />
      <div className="form-grid">
        {withUsername && (
          <TextField
            id={`${idPrefix}username`}
            label={labels.username}
            hint={t('users.field.username_hint')}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            value={draft.username}
            error={fe.username}
            onChange={set('username')}
          />
        )}
        <TextField
          id={`${idPrefix}name`}
          label={labels.name}
          required
          autoComplete="off"
          value={draft.name}
          error={fe.name}
          onChange={set('name')}
        />
        <TextField
          id={`${idPrefix}nameHi`}
          label={labels.nameHi}
          lang="hi"
          autoComplete="off"
          value={draft.nameHi}
          error={fe.nameHi}
          onChange={set('nameHi')}
        />
        <TextField
          id={`${idPrefix}email`}
          label={labels.email}
          type="email"
          autoComplete="off"
          value={draft.email}
          error={fe.email}
          onChange={set('email')}
        />
        <TextField
          id={`${idPrefix}mobile`}
          label={labels.mobile}
          hint={t('users.field.mobile_hint')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={draft.mobile}
          error={fe.mobile}
          onChange={set('mobile')}
        />
        <SelectField id={`${idPrefix}role`} label={labels.role} required value={draft.role} error={fe.role} onChange={set('role')}>
          <option value="">{t('users.choose_role')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idPrefix}rank`} label={labels.rank} value={draft.rank} error={fe.rank} onChange={set('rank')}>
          <option value="">{t('common.none')}</option>
          {RANKS.map((r) => (
            <option key={r} value={r}>
              {t(`rank.${r}`)}
            </option>
          ))}
        </SelectField>
        {field && (
          <PlaceSelect
            id={`${idPrefix}${field}`}
            level={field === 'stationId' ? 'station' : field === 'subdivisionId' ? 'subdivision' : 'district'}
            structure={structure}
            label={labels[field]}
            hint={t('users.field.posting_hint')}
            required
            value={draft[field]}
            error={fe[field]}
            onChange={set(field)}
          />
        )}
      </div>
      {extra}
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

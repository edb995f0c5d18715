import type { FormEvent } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Button, CheckboxField, ErrorAlert, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { PlaceSelect } from './PlaceSelect.tsx';
import type { Structure } from './structure.ts';

export interface StationDraft {
  subdivisionId: string;
  code: string;
  name: string;
  nameHi: string;
  address: string;
  phone: string;
  lat: string;
  lng: string;
  active: boolean;
}

export const emptyStation: StationDraft = {
  subdivisionId: '',
  code: '',
  name: '',
  nameHi: '',
  address: '',
  phone: '',
  lat: '',
  lng: '',
  active: true,
};

const num = (v: string) => (v.trim() === '' ? null : Number(v));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function stationBody(d: StationDraft, create: boolean) {
  return {
    ...(create ? { subdivisionId: d.subdivisionId, code: d.code.trim().toUpperCase() } : { active: d.active }),
    name: d.name.trim(),
    nameHi: d.nameHi.trim(),
    address: orNull(d.address),
    phone: orNull(d.phone),
    lat: num(d.lat),
    lng: num(d.lng),
  };
}

/** Create or edit a police station. Code and sub-division are fixed once created. */
export function StationForm({
  draft,
  onChange,
  structure,
  create,
  error,
  busy,
  onSubmit,
}: {
  draft: StationDraft;
  onChange: (d: StationDraft) => void;
  structure: Structure | undefined;
  create: boolean;
  error: unknown;
  busy: boolean;
  onSubmit: () => void;
}) {
  const { t } = useT();
  const fe = fieldErrorsOf(error, t);
  const set = (k: keyof StationDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [k]: e.target.value });
  const labels = {
    subdivisionId: t('org.subdivision'),
    code: t('common.code'),
    name: t('common.name'),
    nameHi: t('common.name_hi'),
    address: t('org.address'),
    phone: t('org.phone'),
    lat: t('org.lat'),
    lng: t('org.lng'),
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
      <ErrorAlert error={error} fieldLabels={labels} idPrefix="st-" />
      <div className="form-grid">
        {create && (
          <>
            <PlaceSelect
              id="st-subdivisionId"
              level="subdivision"
              structure={structure}
              label={labels.subdivisionId}
              required
              value={draft.subdivisionId}
              error={fe.subdivisionId}
              onChange={set('subdivisionId')}
            />
            <TextField
              id="st-code"
              label={labels.code}
              hint={t('org.station_code_hint')}
              required
              autoCapitalize="characters"
              value={draft.code}
              error={fe.code}
              onChange={set('code')}
            />
          </>
        )}
        <TextField id="st-name" label={labels.name} required value={draft.name} error={fe.name} onChange={set('name')} />
        <TextField
          id="st-nameHi"
          label={labels.nameHi}
          lang="hi"
          required
          value={draft.nameHi}
          error={fe.nameHi}
          onChange={set('nameHi')}
        />
        <TextField id="st-address" label={labels.address} value={draft.address} error={fe.address} onChange={set('address')} />
        <TextField id="st-phone" label={labels.phone} type="tel" value={draft.phone} error={fe.phone} onChange={set('phone')} />
        <TextField
          id="st-lat"
          label={labels.lat}
          inputMode="decimal"
          hint={t('org.lat_hint')}
          value={draft.lat}
          error={fe.lat}
          onChange={set('lat')}
        />
        <TextField
          id="st-lng"
          label={labels.lng}
          inputMode="decimal"
          hint={t('org.lng_hint')}
          value={draft.lng}
          error={fe.lng}
          onChange={set('lng')}
        />
      </div>
      {!create && (
        <CheckboxField
          id="st-active"
          label={t('org.station_active')}
          checked={draft.active}
          onChange={(e) => onChange({ ...draft, active: e.target.checked })}
        />
      )}
      <div className="button-row">
        <Button type="submit" busy={busy}>
          {create ? t('org.stations.create') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}

import type { SelectHTMLAttributes } from 'react';
import { useT } from '../../i18n/index.tsx';
import { SelectField } from '../../components/ui.tsx';
import { placeLabel, type Structure } from './structure.ts';

type Level = 'station' | 'subdivision' | 'district';

/** A select of stations, sub-divisions or districts, grouped by district. */
export function PlaceSelect({
  level,
  structure,
  label,
  error,
  hint,
  emptyLabel,
  includeInactive = false,
  ...rest
}: {
  level: Level;
  structure: Structure | undefined;
  label: string;
  error?: string;
  hint?: string;
  emptyLabel?: string;
  includeInactive?: boolean;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t, lang } = useT();
  const districts = structure?.districts ?? [];
  return (
    <SelectField label={label} error={error} hint={hint} {...rest}>
      <option value="">{emptyLabel ?? t('org.choose')}</option>
      {level === 'district'
        ? districts.map((d) => (
            <option key={d.id} value={d.id}>
              {placeLabel(lang, d)}
            </option>
          ))
        : districts.map((d) => (
            <optgroup key={d.id} label={placeLabel(lang, d)}>
              {(level === 'station'
                ? (structure?.stations ?? []).filter((s) => s.districtId === d.id && (includeInactive || s.active))
                : (structure?.subdivisions ?? []).filter((s) => s.districtId === d.id)
              ).map((p) => (
                <option key={p.id} value={p.id}>
                  {placeLabel(lang, p)}
                </option>
              ))}
            </optgroup>
          ))}
    </SelectField>
  );
}

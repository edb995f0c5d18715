import { localName, useT } from '../i18n/index.tsx';
import type { PublicStations } from '../features/citizen/types.ts';
import { useFetch } from './hooks.ts';
import { SelectField } from './ui.tsx';

/** The police station an officer above a station is looking at (the GD, the NCR register…), by id. */
export function StationSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (stationId: string) => void;
}) {
  const { lang } = useT();
  const stations = useFetch<PublicStations>('/public/stations');
  return (
    <SelectField id={id} label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {(stations.data?.stations ?? []).map((x) => (
        <option key={x.id} value={x.id}>
          {localName(lang, x)} ({x.code})
        </option>
      ))}
    </SelectField>
  );
}

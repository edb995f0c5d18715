import { useMemo, useState } from 'react';
import { localName, useT } from '../../i18n/index.tsx';
import { SelectField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import type { PublicStations } from './types.ts';

/** The state's districts and police stations, and a choice of one station, narrowed by district. */
export function useStationChoice() {
  const places = useFetch<PublicStations>('/public/stations');
  const [districtCode, setDistrictCode] = useState('');
  const [stationCode, setStationCode] = useState('');
  const district = places.data?.districts.find((d) => d.code === districtCode);
  const stations = useMemo(
    () => (places.data?.stations ?? []).filter((s) => !district || s.districtId === district.id),
    [places.data, district],
  );
  return { places, district, districtCode, setDistrictCode, stationCode, setStationCode, stations };
}

/** The district and police-station selects of a public form (the district only narrows the list). */
export function StationPicker({
  idPrefix,
  choice,
  labels,
  error,
}: {
  idPrefix: string;
  choice: ReturnType<typeof useStationChoice>;
  labels: { district: string; station: string; choose: string };
  error?: string;
}) {
  const { t, lang } = useT();
  return (
    <>
      <SelectField
        id={`${idPrefix}-district`}
        label={labels.district}
        value={choice.districtCode}
        onChange={(e) => {
          choice.setDistrictCode(e.target.value);
          choice.setStationCode('');
        }}
      >
        <option value="">{t('common.all')}</option>
        {choice.places.data?.districts.map((d) => (
          <option key={d.code} value={d.code}>
            {localName(lang, d)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-stationCode`}
        label={labels.station}
        required
        value={choice.stationCode}
        error={error}
        onChange={(e) => choice.setStationCode(e.target.value)}
      >
        <option value="">{labels.choose}</option>
        {choice.stations.map((s) => (
          <option key={s.code} value={s.code}>
            {localName(lang, s)} ({s.code})
          </option>
        ))}
      </SelectField>
    </>
  );
}

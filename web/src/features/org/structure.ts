import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { localName } from '../../i18n/index.tsx';

export interface District {
  id: string;
  code: string;
  name: string;
  nameHi: string;
  population?: number | null;
}
export interface Subdivision {
  id: string;
  districtId: string;
  code: string;
  name: string;
  nameHi: string;
}
export interface Station {
  id: string;
  districtId: string;
  subdivisionId: string;
  code: string;
  name: string;
  nameHi: string;
  address: string | null;
  phone: string | null;
  lat: number | null;
  lng: number | null;
  active: boolean;
  version: number;
}
export interface Beat {
  id: string;
  stationId: string;
  code: string;
  name: string;
  nameHi: string;
  active: boolean;
  version: number;
}
export interface Structure {
  state: { code: string; name: string; nameHi: string; population?: number | null; demo?: boolean } | null;
  districts: District[];
  subdivisions: Subdivision[];
  stations: Station[];
}

// One copy per page load: the organisation changes rarely, and every admin form needs it.
let cached: Promise<Structure> | undefined;

/** Forget the cached structure (after a station is created or changed). */
export function invalidateStructure() {
  cached = undefined;
}

/** GET /org/structure, shared by every screen that names districts and stations. */
export function useStructure(enabled = true): { structure: Structure | undefined; error: unknown; reload: () => void } {
  const [structure, setStructure] = useState<Structure | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    cached ??= api.get<Structure>('/org/structure');
    const p = cached;
    p.then(
      (s) => live && setStructure(s),
      (e: unknown) => {
        if (cached === p) cached = undefined;
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, tick]);
  return {
    structure,
    error,
    reload: () => {
      invalidateStructure();
      setTick((n) => n + 1);
    },
  };
}

/** "Kotwali (PS01)" in the UI language. */
export function placeLabel(lang: Lang, p: { name: string; nameHi?: string | null; code?: string } | undefined): string {
  if (!p) return '';
  return p.code ? `${localName(lang, p)} (${p.code})` : localName(lang, p);
}

/** A user's posting as words: the station, sub-division or district their role is tied to. */
export function postingLabel(
  lang: Lang,
  s: Structure | undefined,
  u: { stationId: string | null; subdivisionId: string | null; districtId: string | null },
): string {
  if (!s) return '';
  if (u.stationId)
    return placeLabel(
      lang,
      s.stations.find((x) => x.id === u.stationId),
    );
  if (u.subdivisionId)
    return placeLabel(
      lang,
      s.subdivisions.find((x) => x.id === u.subdivisionId),
    );
  if (u.districtId)
    return placeLabel(
      lang,
      s.districts.find((x) => x.id === u.districtId),
    );
  return '';
}

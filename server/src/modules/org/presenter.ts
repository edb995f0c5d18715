type UserRow = {
  id: string;
  username: string;
  name: string;
  name_hi: string | null;
  email: string | null;
  mobile: string | null;
  role: string;
  rank: string | null;
  district_id: string | null;
  subdivision_id: string | null;
  station_id: string | null;
  password_temporary: boolean;
  disabled_at: Date | null;
  version: number;
  created_at: Date;
};

/** A user as an administrator sees them: never the password hash. */
export const adminUserView = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  nameHi: u.name_hi,
  email: u.email,
  mobile: u.mobile,
  role: u.role,
  rank: u.rank,
  districtId: u.district_id,
  subdivisionId: u.subdivision_id,
  stationId: u.station_id,
  passwordTemporary: u.password_temporary,
  disabled: u.disabled_at !== null,
  disabledAt: u.disabled_at,
  version: u.version,
  createdAt: u.created_at,
});

type StationRow = {
  id: string;
  district_id: string;
  subdivision_id: string;
  code: string;
  name: string;
  name_hi: string;
  address: string | null;
  phone: string | null;
  lat: number | null;
  lng: number | null;
  active: boolean;
  version: number;
};

export const stationView = (s: StationRow) => ({
  id: s.id,
  districtId: s.district_id,
  subdivisionId: s.subdivision_id,
  code: s.code,
  name: s.name,
  nameHi: s.name_hi,
  address: s.address,
  phone: s.phone,
  lat: s.lat,
  lng: s.lng,
  active: s.active,
  version: s.version,
});

type BeatRow = { id: string; station_id: string; code: string; name: string; name_hi: string; active: boolean; version: number };
export const beatView = (b: BeatRow) => ({
  id: b.id,
  stationId: b.station_id,
  code: b.code,
  name: b.name,
  nameHi: b.name_hi,
  active: b.active,
  version: b.version,
});

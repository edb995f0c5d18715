/** The roles of the system, in the order of the organisation from a citizen up to the state. */
export const ROLES = ['citizen', 'duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb', 'admin', 'court'] as const;
export type Role = (typeof ROLES)[number];

export const POLICE_ROLES = ['duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb', 'admin'] as const satisfies readonly Role[];
export const STATION_ROLES = ['duty_officer', 'io', 'sho'] as const satisfies readonly Role[];

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
export const isPoliceRole = (r: string): boolean => (POLICE_ROLES as readonly string[]).includes(r);

/** What each role's jurisdiction is tied to. */
export const ROLE_LEVEL = {
  citizen: 'self',
  court: 'self',
  duty_officer: 'station',
  io: 'station',
  sho: 'station',
  sdpo: 'subdivision',
  sp: 'district',
  scrb: 'state',
  admin: 'state',
} as const satisfies Record<Role, 'self' | 'station' | 'subdivision' | 'district' | 'state'>;

export const ROLE_LABELS = {
  citizen: { en: 'Citizen', hi: 'नागरिक' },
  duty_officer: { en: 'Duty officer', hi: 'ड्यूटी अधिकारी' },
  io: { en: 'Investigating officer', hi: 'विवेचना अधिकारी' },
  sho: { en: 'Station house officer', hi: 'थाना प्रभारी' },
  sdpo: { en: 'Sub-divisional police officer', hi: 'उप-मंडल पुलिस अधिकारी' },
  sp: { en: 'Superintendent of police', hi: 'पुलिस अधीक्षक' },
  scrb: { en: 'State HQ / SCRB', hi: 'राज्य मुख्यालय / एससीआरबी' },
  admin: { en: 'System administrator', hi: 'सिस्टम प्रशासक' },
  court: { en: 'Court clerk', hi: 'न्यायालय लिपिक' },
} as const satisfies Record<Role, { en: string; hi: string }>;

/** Police ranks, junior to senior. */
export const RANKS = [
  'constable',
  'head_constable',
  'asi',
  'si',
  'inspector',
  'dsp',
  'addl_sp',
  'sp',
  'dig',
  'ig',
  'adg',
  'dgp',
  'civilian',
] as const;
export type Rank = (typeof RANKS)[number];

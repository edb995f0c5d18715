/**
 * The mix of FIRs by crime head, with the sections each is registered under (IPC before
 * 1 July 2024, BNS from then: the date of the offence decides, BNS 358), the hour-of-day
 * family, near-repeat behaviour, persons and police-disposal rates.
 *
 * Shares: NCRB Crime in India 2022, share of IPC crime per head (../shared/domain/
 * ncrb-crime-heads.csv), scaled to 70 % of FIRs; the other 30 % are special and local laws
 * (NCRB: 38.9 % SLL nationally, mostly police-detected excise/NDPS/gambling/arms cases).
 * Arrests per case, chargesheeting and conviction rates from the same table.
 */
import type { Catalogue } from '../../server/src/modules/masterdata/catalogue.js';

export type Family = 'theft' | 'vehicle' | 'burglary' | 'robbery' | 'violence' | 'traffic' | 'domestic' | 'cyber' | 'raid' | 'sexual';

export interface Head {
  code: string;
  label: string;
  /** Share of all FIRs, in percent before normalisation. */
  share: number;
  ipc: string[];
  bns: string[];
  family: Family;
  /** Self-exciting: spawns near-repeat follow-ups (property crime). */
  nearRepeat: boolean;
  /** Probability that at least one accused is named in the FIR. */
  knownAccused: number;
  /** Mean number of accused when known. */
  accusedMean: number;
  arrestsPerCase: number;
  chargesheetRate: number;
  convictionRate: number;
  victimFemale: number;
  propertyValue?: [number, number];
}

const T = (ipc: string, bns: string) => ({ ipc: ipc.split(','), bns: bns.split(',') });

/** IPC heads, shares in % of IPC crime (NCRB 2022). */
const IPC_HEADS: Head[] = [
  {
    code: 'theft',
    label: 'Other theft',
    share: 11.24,
    ...T('IPC 379', 'BNS 303(2)'),
    family: 'theft',
    nearRepeat: true,
    knownAccused: 0.4,
    accusedMean: 1.4,
    arrestsPerCase: 0.46,
    chargesheetRate: 0.3,
    convictionRate: 0.45,
    victimFemale: 0.3,
    propertyValue: [2000, 1.2],
  },
  {
    code: 'vehicle_theft',
    label: 'Motor vehicle theft',
    share: 7.09,
    ...T('IPC 379', 'BNS 303(2)'),
    family: 'vehicle',
    nearRepeat: true,
    knownAccused: 0.15,
    accusedMean: 1.3,
    arrestsPerCase: 0.42,
    chargesheetRate: 0.29,
    convictionRate: 0.45,
    victimFemale: 0.12,
    propertyValue: [40000, 0.8],
  },
  {
    code: 'burglary',
    label: 'Burglary',
    share: 3.01,
    ...T('IPC 457,IPC 380', 'BNS 331(4),BNS 305'),
    family: 'burglary',
    nearRepeat: true,
    knownAccused: 0.25,
    accusedMean: 1.5,
    arrestsPerCase: 0.8,
    chargesheetRate: 0.43,
    convictionRate: 0.36,
    victimFemale: 0.25,
    propertyValue: [25000, 1.1],
  },
  {
    code: 'robbery',
    label: 'Robbery',
    share: 0.8,
    ...T('IPC 392', 'BNS 309(4)'),
    family: 'robbery',
    nearRepeat: true,
    knownAccused: 0.45,
    accusedMean: 1.8,
    arrestsPerCase: 1.58,
    chargesheetRate: 0.7,
    convictionRate: 0.38,
    victimFemale: 0.3,
    propertyValue: [8000, 1.0],
  },
  {
    code: 'dacoity',
    label: 'Dacoity',
    share: 0.07,
    ...T('IPC 395', 'BNS 310(2)'),
    family: 'robbery',
    nearRepeat: false,
    knownAccused: 0.7,
    accusedMean: 4.6,
    arrestsPerCase: 4.5,
    chargesheetRate: 0.75,
    convictionRate: 0.21,
    victimFemale: 0.2,
    propertyValue: [60000, 1.0],
  },
  {
    code: 'hurt',
    label: 'Simple hurt',
    share: 14.57,
    ...T('IPC 323,IPC 506', 'BNS 115(2),BNS 351(2)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.97,
    accusedMean: 1.8,
    arrestsPerCase: 1.0,
    chargesheetRate: 0.9,
    convictionRate: 0.36,
    victimFemale: 0.3,
  },
  {
    code: 'grievous_hurt',
    label: 'Grievous hurt',
    share: 3.06,
    ...T('IPC 325', 'BNS 117(2)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.95,
    accusedMean: 1.8,
    arrestsPerCase: 1.0,
    chargesheetRate: 0.9,
    convictionRate: 0.34,
    victimFemale: 0.25,
  },
  {
    code: 'rash_driving',
    label: 'Rash driving / hurt by rash act',
    share: 13.8,
    ...T('IPC 279,IPC 337', 'BNS 281,BNS 125(a)'),
    family: 'traffic',
    nearRepeat: false,
    knownAccused: 0.8,
    accusedMean: 1,
    arrestsPerCase: 0.66,
    chargesheetRate: 0.92,
    convictionRate: 0.86,
    victimFemale: 0.25,
  },
  {
    code: 'negligent_death',
    label: 'Death by negligence (road)',
    share: 4.24,
    ...T('IPC 304A', 'BNS 106(1)'),
    family: 'traffic',
    nearRepeat: false,
    knownAccused: 0.7,
    accusedMean: 1,
    arrestsPerCase: 0.67,
    chargesheetRate: 0.75,
    convictionRate: 0.29,
    victimFemale: 0.2,
  },
  {
    code: 'intimidation',
    label: 'Criminal intimidation',
    share: 4.2,
    ...T('IPC 506', 'BNS 351(2)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.95,
    accusedMean: 1.3,
    arrestsPerCase: 0.71,
    chargesheetRate: 0.91,
    convictionRate: 0.43,
    victimFemale: 0.35,
  },
  {
    code: 'cruelty',
    label: 'Cruelty by husband or relatives',
    share: 3.93,
    ...T('IPC 498A', 'BNS 85'),
    family: 'domestic',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 2.3,
    arrestsPerCase: 1.04,
    chargesheetRate: 0.85,
    convictionRate: 0.18,
    victimFemale: 1,
  },
  {
    code: 'kidnapping',
    label: 'Kidnapping & abduction',
    share: 3.02,
    ...T('IPC 363', 'BNS 137(2)'),
    family: 'domestic',
    nearRepeat: false,
    knownAccused: 0.5,
    accusedMean: 1.2,
    arrestsPerCase: 0.6,
    chargesheetRate: 0.36,
    convictionRate: 0.34,
    victimFemale: 0.75,
  },
  {
    code: 'assault_women',
    label: 'Assault on women (modesty)',
    share: 2.34,
    ...T('IPC 354', 'BNS 74'),
    family: 'sexual',
    nearRepeat: false,
    knownAccused: 0.9,
    accusedMean: 1.2,
    arrestsPerCase: 1.07,
    chargesheetRate: 0.84,
    convictionRate: 0.26,
    victimFemale: 1,
  },
  {
    code: 'rape',
    label: 'Rape',
    share: 0.88,
    ...T('IPC 376(1)', 'BNS 64(1)'),
    family: 'sexual',
    nearRepeat: false,
    knownAccused: 0.97,
    accusedMean: 1.1,
    arrestsPerCase: 1.14,
    chargesheetRate: 0.78,
    convictionRate: 0.27,
    victimFemale: 1,
  },
  {
    code: 'insult_women',
    label: 'Insult to the modesty of women',
    share: 0.25,
    ...T('IPC 509', 'BNS 79'),
    family: 'sexual',
    nearRepeat: false,
    knownAccused: 0.9,
    accusedMean: 1.1,
    arrestsPerCase: 0.8,
    chargesheetRate: 0.85,
    convictionRate: 0.19,
    victimFemale: 1,
  },
  {
    code: 'cheating',
    label: 'Cheating',
    share: 3.41,
    ...T('IPC 420', 'BNS 318(4)'),
    family: 'cyber',
    nearRepeat: false,
    knownAccused: 0.6,
    accusedMean: 1.5,
    arrestsPerCase: 0.85,
    chargesheetRate: 0.55,
    convictionRate: 0.27,
    victimFemale: 0.3,
    propertyValue: [30000, 1.3],
  },
  {
    code: 'forgery',
    label: 'Forgery',
    share: 1.4,
    ...T('IPC 467,IPC 468,IPC 471', 'BNS 338,BNS 336(3),BNS 340(2)'),
    family: 'cyber',
    nearRepeat: false,
    knownAccused: 0.9,
    accusedMean: 1.8,
    arrestsPerCase: 0.8,
    chargesheetRate: 0.6,
    convictionRate: 0.25,
    victimFemale: 0.25,
  },
  {
    code: 'breach_of_trust',
    label: 'Criminal breach of trust',
    share: 0.8,
    ...T('IPC 406', 'BNS 316(2)'),
    family: 'cyber',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1.5,
    arrestsPerCase: 0.5,
    chargesheetRate: 0.6,
    convictionRate: 0.25,
    victimFemale: 0.3,
    propertyValue: [50000, 1.2],
  },
  {
    code: 'murder',
    label: 'Murder',
    share: 0.8,
    ...T('IPC 302', 'BNS 103(1)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.85,
    accusedMean: 1.9,
    arrestsPerCase: 1.96,
    chargesheetRate: 0.82,
    convictionRate: 0.44,
    victimFemale: 0.25,
  },
  {
    code: 'attempt_murder',
    label: 'Attempt to murder',
    share: 1.61,
    ...T('IPC 307', 'BNS 109(1)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.9,
    accusedMean: 1.9,
    arrestsPerCase: 1.87,
    chargesheetRate: 0.91,
    convictionRate: 0.25,
    victimFemale: 0.2,
  },
  {
    code: 'rioting',
    label: 'Rioting',
    share: 1.06,
    ...T('IPC 147,IPC 148,IPC 149', 'BNS 191(2),BNS 191(3),BNS 190'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 4.8,
    arrestsPerCase: 3.54,
    chargesheetRate: 0.87,
    convictionRate: 0.25,
    victimFemale: 0.2,
  },
  {
    code: 'restraint',
    label: 'Wrongful restraint',
    share: 0.71,
    ...T('IPC 341', 'BNS 126(2)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.95,
    accusedMean: 1.5,
    arrestsPerCase: 0.6,
    chargesheetRate: 0.4,
    convictionRate: 0.31,
    victimFemale: 0.3,
  },
  {
    code: 'dowry_death',
    label: 'Dowry death',
    share: 0.18,
    ...T('IPC 304B', 'BNS 80(2)'),
    family: 'domestic',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 2.5,
    arrestsPerCase: 2.21,
    chargesheetRate: 0.88,
    convictionRate: 0.33,
    victimFemale: 1,
  },
  {
    code: 'abetment_suicide',
    label: 'Abetment of suicide',
    share: 0.26,
    ...T('IPC 306', 'BNS 108'),
    family: 'domestic',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1.8,
    arrestsPerCase: 1.2,
    chargesheetRate: 0.85,
    convictionRate: 0.18,
    victimFemale: 0.45,
  },
  {
    code: 'extortion',
    label: 'Extortion',
    share: 0.33,
    ...T('IPC 384', 'BNS 308(2)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.8,
    accusedMean: 1.6,
    arrestsPerCase: 1.0,
    chargesheetRate: 0.72,
    convictionRate: 0.26,
    victimFemale: 0.2,
  },
  {
    code: 'trespass',
    label: 'House trespass',
    share: 1.2,
    ...T('IPC 448', 'BNS 333'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.95,
    accusedMean: 1.6,
    arrestsPerCase: 0.6,
    chargesheetRate: 0.8,
    convictionRate: 0.3,
    victimFemale: 0.35,
  },
  {
    code: 'mischief',
    label: 'Mischief',
    share: 1.0,
    ...T('IPC 427', 'BNS 324(4)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 0.8,
    accusedMean: 1.5,
    arrestsPerCase: 0.4,
    chargesheetRate: 0.6,
    convictionRate: 0.3,
    victimFemale: 0.25,
  },
  {
    code: 'disobedience',
    label: 'Disobedience of order (IPC 188)',
    share: 1.9,
    ...T('IPC 188', 'BNS 223(a)'),
    family: 'raid',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1.5,
    arrestsPerCase: 0.9,
    chargesheetRate: 0.97,
    convictionRate: 0.8,
    victimFemale: 0,
  },
];

/** Special and local laws, shares in % of all FIRs. */
const SLL_HEADS: Head[] = [
  {
    code: 'excise',
    label: 'Excise',
    share: 9,
    ...T('EXCISE generic-possession-sale', 'EXCISE generic-possession-sale'),
    family: 'raid',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1.1,
    arrestsPerCase: 1.05,
    chargesheetRate: 0.98,
    convictionRate: 0.9,
    victimFemale: 0,
  },
  {
    code: 'gambling',
    label: 'Gambling',
    share: 5,
    ...T('GAMBLING 13', 'GAMBLING 13'),
    family: 'raid',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 3.5,
    arrestsPerCase: 3.4,
    chargesheetRate: 0.98,
    convictionRate: 0.9,
    victimFemale: 0,
  },
  {
    code: 'ndps',
    label: 'NDPS',
    share: 3,
    ...T('NDPS 20(b)(ii)(A)', 'NDPS 20(b)(ii)(A)'),
    family: 'raid',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1.2,
    arrestsPerCase: 1.2,
    chargesheetRate: 0.95,
    convictionRate: 0.75,
    victimFemale: 0,
  },
  {
    code: 'arms',
    label: 'Arms Act',
    share: 2.5,
    ...T('ARMS 25(1B)(a)', 'ARMS 25(1B)(a)'),
    family: 'raid',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1,
    arrestsPerCase: 1,
    chargesheetRate: 0.95,
    convictionRate: 0.6,
    victimFemale: 0,
  },
  {
    code: 'mva_drunk',
    label: 'Drunken driving (MV Act)',
    share: 5,
    ...T('MVA 185', 'MVA 185'),
    family: 'traffic',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 1,
    arrestsPerCase: 0.3,
    chargesheetRate: 0.99,
    convictionRate: 0.95,
    victimFemale: 0,
  },
  {
    code: 'pocso',
    label: 'POCSO',
    share: 1.8,
    ...T('POCSO 4,IPC 376(1)', 'POCSO 4,BNS 65(1)'),
    family: 'sexual',
    nearRepeat: false,
    knownAccused: 0.97,
    accusedMean: 1.1,
    arrestsPerCase: 1.1,
    chargesheetRate: 0.9,
    convictionRate: 0.3,
    victimFemale: 0.95,
  },
  {
    code: 'scst',
    label: 'SC/ST (Prevention of Atrocities)',
    share: 1.0,
    ...T('SCSTPOA 3(1)(r),IPC 323', 'SCSTPOA 3(1)(r),BNS 115(2)'),
    family: 'violence',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 2,
    arrestsPerCase: 1.2,
    chargesheetRate: 0.8,
    convictionRate: 0.32,
    victimFemale: 0.4,
  },
  {
    code: 'it_fraud',
    label: 'Cyber fraud (IT Act)',
    share: 1.2,
    ...T('ITA 66D,IPC 420', 'ITA 66D,BNS 318(4)'),
    family: 'cyber',
    nearRepeat: false,
    knownAccused: 0.3,
    accusedMean: 1.3,
    arrestsPerCase: 0.3,
    chargesheetRate: 0.3,
    convictionRate: 0.3,
    victimFemale: 0.35,
    propertyValue: [25000, 1.3],
  },
  {
    code: 'dowry_act',
    label: 'Dowry Prohibition Act',
    share: 0.5,
    ...T('DPA 4,IPC 498A', 'DPA 4,BNS 85'),
    family: 'domestic',
    nearRepeat: false,
    knownAccused: 1,
    accusedMean: 2.3,
    arrestsPerCase: 1,
    chargesheetRate: 0.85,
    convictionRate: 0.2,
    victimFemale: 1,
  },
];

export interface ResolvedSection {
  act: string;
  section: string;
  titleEn: string;
  titleHi: string;
  sensitive: boolean;
}

export interface ResolvedHead extends Head {
  ipcSections: ResolvedSection[];
  bnsSections: ResolvedSection[];
}

/**
 * The heads with their sections looked up in the master-data catalogue (titles and the
 * sensitive flag are copied from it, as registration does). A head whose sections are not
 * all in the catalogue is dropped and reported in `dropped`.
 */
export function resolveMix(cat: Catalogue): { heads: ResolvedHead[]; weights: number[]; dropped: string[] } {
  const ipcTotal = IPC_HEADS.reduce((s, h) => s + h.share, 0);
  const sllTotal = SLL_HEADS.reduce((s, h) => s + h.share, 0);
  const all = [
    ...IPC_HEADS.map((h) => ({ ...h, share: (h.share / ipcTotal) * 70 })),
    ...SLL_HEADS.map((h) => ({ ...h, share: (h.share / sllTotal) * 30 })),
  ];
  const heads: ResolvedHead[] = [];
  const dropped: string[] = [];
  const resolve = (ref: string): ResolvedSection | undefined => {
    const i = ref.indexOf(' ');
    const act = ref.slice(0, i);
    const section = ref.slice(i + 1);
    const s = cat.findSection(act, section);
    if (!s) return undefined;
    return { act, section: s.sectionCode, titleEn: s.titleEn, titleHi: s.titleHi, sensitive: cat.isSensitive(act, s.sectionCode) };
  };
  for (const h of all) {
    const ipc = h.ipc.map(resolve);
    const bns = h.bns.map(resolve);
    if (ipc.some((x) => !x) || bns.some((x) => !x)) {
      dropped.push(`${h.code} (${[...h.ipc, ...h.bns].filter((r, k) => !(k < h.ipc.length ? ipc[k] : bns[k - h.ipc.length])).join(', ')})`);
      continue;
    }
    heads.push({ ...h, ipcSections: ipc as ResolvedSection[], bnsSections: bns as ResolvedSection[] });
  }
  return { heads, weights: heads.map((h) => h.share), dropped };
}

/** Hour-of-day weights (IST), 24 per family. Sources in ../shared/domain/temporal-spatial.md §6. */
const expand3h = (w: number[]) => w.flatMap((x) => [x, x, x]);
export const HOUR_WEIGHTS: Record<Family, number[]> = {
  // ADSI 2022 road accidents by 3-hour bin.
  traffic: expand3h([5.3, 5.7, 10.7, 14.4, 14.9, 17.3, 20.3, 11.2]),
  // 84 % by night (20–06), peaking 00–04; day share 10–16.
  burglary: [14, 14, 14, 14, 8, 4, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 5, 6, 8, 10],
  // Bimodal: markets 10–13 and 17–21.
  theft: [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 7, 8, 8, 6, 5, 5, 6, 8, 9, 9, 7, 4, 2, 1],
  // Parked vehicles at night, discovered in the morning.
  vehicle: [6, 6, 6, 5, 4, 3, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 6, 7, 7, 7, 7, 6],
  // Delhi robbery profile: evening heavy.
  robbery: [3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 6, 6, 6, 6, 9, 9, 9, 9],
  violence: [2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 7, 7, 8, 9, 10, 10, 9, 6, 3],
  domestic: [2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 3],
  sexual: [3, 2, 2, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 6, 5, 4, 3],
  cyber: [1, 1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 9, 8, 7, 5, 4, 3, 2, 1, 1],
  // Raids and patrols: 10:00–02:00.
  raid: [6, 5, 3, 1, 1, 1, 1, 1, 2, 3, 6, 6, 6, 6, 6, 6, 6, 7, 8, 8, 8, 8, 7, 7],
};

/** Day-of-week multipliers, Sunday first. */
export const WEEKDAY_WEIGHTS: Record<Family, number[]> = {
  traffic: [1.1, 0.95, 0.95, 0.95, 0.95, 1.05, 1.15],
  violence: [1.15, 0.95, 0.92, 0.92, 0.95, 1.05, 1.15],
  sexual: [1.05, 1, 1, 1, 1, 1, 1.05],
  burglary: [0.9, 1.05, 1.05, 1.05, 1.05, 1.0, 0.9],
  theft: [1.05, 0.98, 0.98, 0.98, 0.98, 1.02, 1.1],
  vehicle: [1.05, 1, 1, 1, 1, 1, 1.05],
  robbery: [1.05, 1, 1, 1, 1, 1.02, 1.08],
  domestic: [1.05, 1, 1, 1, 1, 1, 1.05],
  cyber: [0.6, 1.1, 1.1, 1.1, 1.1, 1.1, 0.9],
  raid: [0.9, 1.05, 1.05, 1.05, 1.05, 1.0, 0.95],
};

/** Month of peak for a ±10 % annual sinusoid (0 = January): property in the festival season, violence in the heat. */
export const PEAK_MONTH: Record<Family, number> = {
  traffic: 4,
  violence: 4,
  sexual: 5,
  domestic: 5,
  burglary: 10,
  theft: 10,
  vehicle: 10,
  robbery: 11,
  cyber: 2,
  raid: 2,
};

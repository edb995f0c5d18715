import type { PunishmentNumbers } from './punishment-text.js';

/** yes / no / depends on the facts (the officer answers on the form). */
export type TriState = 'yes' | 'no' | 'depends';
/** BNSS 359(1) 'yes' (by the person named, without leave); 359(2) 'court' (only with the court's permission); 'depends' on the facts. */
export type Compoundable = 'yes' | 'court' | 'no' | 'depends';
/** 'linking': cited with a principal offence whose punishment it takes (BNS 3(5), 61(2)(a), 62, 190). */
export type SectionKind = 'offence' | 'linking' | 'definition';
export type ActKind = 'penal_code' | 'procedure' | 'evidence' | 'special' | 'local';

export interface Act {
  code: string;
  /** null = national; a state code for a state's local Act. */
  stateCode: string | null;
  shortName: string;
  nameEn: string;
  nameHi: string;
  year: number | null;
  kind: ActKind;
  /** YYYY-MM-DD; the first day offences under it can be committed. */
  inForceFrom: string | null;
  /** YYYY-MM-DD; the last day (IPC: 2024-06-30). null = still in force. */
  inForceTo: string | null;
  replacedBy: string | null;
  enabled: boolean;
  notes: string;
}

export interface Section extends PunishmentNumbers {
  actCode: string;
  sectionCode: string;
  stateCode: string | null;
  kind: SectionKind;
  titleEn: string;
  titleHi: string;
  keywords: string[];
  /** The punishment as the source states it (`punishment_max`). */
  punishmentText: string;
  cognizable: TriState;
  bailable: TriState;
  compoundable: Compoundable;
  /** Sexual offences and offences against children: never public (BNS 72, POCSO s.23, JJ Act s.74). */
  sensitive: TriState;
  crimeHeadCode: string | null;
  triableBy: string;
  /** null = never notified (BNS 106(2)). */
  inForceFrom: string | null;
  inForceTo: string | null;
  enabled: boolean;
  disabledReason: string;
  /** The BNSS 187(3) class set for this section, overriding the computed one; null = computed. */
  custodyDaysOverride: 60 | 90 | null;
  verified: string;
  notes: string;
}

export interface IpcBnsMapping {
  ipcSection: string;
  bnsSection: string;
  /** 'partial': only part of the IPC section moved; 'replaced': a differently worded offence. */
  relation: 'equivalent' | 'partial' | 'replaced';
  note: string;
  sources: string;
  verified: string;
}

export interface CrimeHead {
  code: string;
  parentCode: string | null;
  level: number;
  stateCode: string | null;
  categoryEn: string;
  nameEn: string;
  nameHi: string;
  kind: string;
  source: string;
  notes: string;
}

export interface ModusOperandi {
  code: string;
  stateCode: string | null;
  categoryEn: string;
  categoryHi: string;
  nameEn: string;
  nameHi: string;
  crimeHeadCodes: string[];
  notes: string;
}

/** A state's decision for one section, e.g. its 60/90-day class on the contested 10-year line. */
export interface SectionOverride {
  stateCode: string;
  actCode: string;
  sectionCode: string;
  custodyDaysOverride: 60 | 90 | null;
  basis: string;
}

export interface SectionRef {
  act: string;
  section: string;
}

import { istLocalToIso } from '../../lib/format.ts';
import { newIdempotencyKey } from '../citizen/upload.ts';
import type { InformationType } from './types.ts';

/**
 * The FIR form as the officer types it, kept in localStorage so that a reload, a crash or a
 * power cut loses nothing. Each draft carries its own Idempotency-Key: a double submit (or a
 * retry after a lost answer) of the same draft registers one FIR; a new draft gets a new key.
 */
export interface DraftSection {
  act: string;
  section: string;
  titleEn: string;
  titleHi: string;
}
export interface DraftVictim {
  name: string;
  age: string;
  sex: string;
  address: string;
}
export interface DraftAccused {
  known: boolean;
  name: string;
  relativeName: string;
  age: string;
  sex: string;
  address: string;
  description: string;
}
export interface DraftProperty {
  description: string;
  category: string;
  nature: 'stolen' | 'involved' | 'recovered';
  value: string;
}
export interface FirDraft {
  idempotencyKey: string;
  savedAt: number;
  occurrenceFrom: string;
  occurrenceTo: string;
  sections: DraftSection[];
  informationReceivedAt: string;
  informationType: '' | InformationType;
  gdEntryId: string;
  place: string;
  distanceKm: string;
  direction: string;
  beatCode: string;
  zeroFir: boolean;
  jurisdictionStationCode: string;
  complainant: {
    name: string;
    relativeName: string;
    relation: string;
    yearOfBirth: string;
    sex: string;
    nationality: string;
    idType: string;
    idNumber: string;
    occupation: string;
    address: string;
    phone: string;
    email: string;
    isVictim: boolean;
  };
  victims: DraftVictim[];
  accused: DraftAccused[];
  delayReason: string;
  properties: DraftProperty[];
  inquestReportNo: string;
  narrative: string;
  actionTaken: string;
}

export const emptyDraft = (): FirDraft => ({
  idempotencyKey: newIdempotencyKey(),
  savedAt: 0,
  occurrenceFrom: '',
  occurrenceTo: '',
  sections: [],
  informationReceivedAt: '',
  informationType: '',
  gdEntryId: '',
  place: '',
  distanceKm: '',
  direction: '',
  beatCode: '',
  zeroFir: false,
  jurisdictionStationCode: '',
  complainant: {
    name: '',
    relativeName: '',
    relation: '',
    yearOfBirth: '',
    sex: '',
    nationality: 'Indian',
    idType: '',
    idNumber: '',
    occupation: '',
    address: '',
    phone: '',
    email: '',
    isVictim: true,
  },
  victims: [],
  accused: [],
  delayReason: '',
  properties: [],
  inquestReportNo: '',
  narrative: '',
  actionTaken: '',
});

export const emptyVictim = (): DraftVictim => ({ name: '', age: '', sex: '', address: '' });
export const emptyAccused = (): DraftAccused => ({
  known: false,
  name: '',
  relativeName: '',
  age: '',
  sex: '',
  address: '',
  description: '',
});
export const emptyProperty = (): DraftProperty => ({ description: '', category: '', nature: 'stolen', value: '' });

/** One draft per officer (a shared station computer keeps each officer's own). */
export const draftKey = (userId: string) => `cctns.firDraft.${userId}`;

export function loadDraft(userId: string): FirDraft | undefined {
  try {
    const raw = localStorage.getItem(draftKey(userId));
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<FirDraft>;
    if (!d || typeof d.idempotencyKey !== 'string') return undefined;
    const base = emptyDraft();
    return { ...base, ...d, complainant: { ...base.complainant, ...d.complainant } };
  } catch {
    return undefined;
  }
}

export function saveDraft(userId: string, d: FirDraft) {
  try {
    localStorage.setItem(draftKey(userId), JSON.stringify(d));
  } catch {
    /* storage full or blocked: the form still works, only without the safety net */
  }
}

export function clearDraft(userId: string) {
  try {
    localStorage.removeItem(draftKey(userId));
  } catch {
    /* nothing to clear */
  }
}

/** Whether the officer has typed anything worth keeping. */
export function hasContent(d: FirDraft): boolean {
  const e = emptyDraft();
  const strip = (x: FirDraft) => JSON.stringify({ ...x, idempotencyKey: '', savedAt: 0 });
  return strip(d) !== strip({ ...e, idempotencyKey: d.idempotencyKey });
}

/** The IST calendar day of a datetime-local value ('2025-11-20T21:30' → '2025-11-20'). */
export const offenceDay = (local: string): string | undefined => (/^\d{4}-\d{2}-\d{2}/.test(local) ? local.slice(0, 10) : undefined);

/** The law in force on the day (BNS 358(2)): BNS on or after 1 July 2024, IPC before. */
export const penalCodeOn = (day: string): 'BNS' | 'IPC' => (day >= '2024-07-01' ? 'BNS' : 'IPC');

const str = (v: string) => (v.trim() ? v.trim() : undefined);
const num = (v: string) => {
  const s = v.trim().replace(/,/g, '');
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** The POST /firs body; empty fields are left out so the server's own defaults apply. */
export function toBody(d: FirDraft) {
  const c = d.complainant;
  return {
    ...(d.gdEntryId ? { gdEntryId: d.gdEntryId } : {}),
    ...(d.informationReceivedAt ? { informationReceivedAt: istLocalToIso(d.informationReceivedAt) } : {}),
    informationType: d.informationType || undefined,
    sections: d.sections.map((s) => ({ act: s.act, section: s.section })),
    occurrence: {
      from: istLocalToIso(d.occurrenceFrom),
      to: d.occurrenceTo ? istLocalToIso(d.occurrenceTo) : undefined,
      place: d.place.trim(),
      distanceKm: num(d.distanceKm),
      direction: d.direction || undefined,
      beatCode: d.beatCode || undefined,
    },
    complainant: {
      name: c.name.trim(),
      relativeName: str(c.relativeName),
      relation: c.relation || undefined,
      yearOfBirth: num(c.yearOfBirth),
      sex: c.sex || undefined,
      nationality: str(c.nationality),
      idDocument: c.idType ? { type: c.idType, number: c.idNumber.trim() } : undefined,
      occupation: str(c.occupation),
      address: str(c.address),
      phone: str(c.phone)?.replace(/[\s-]/g, ''),
      email: str(c.email),
      isVictim: c.isVictim,
    },
    victims: d.victims.map((v) => ({ name: v.name.trim(), age: num(v.age), sex: v.sex || undefined, address: str(v.address) })),
    accused: d.accused.map((a) =>
      a.known
        ? {
            known: true,
            name: str(a.name),
            relativeName: str(a.relativeName),
            age: num(a.age),
            sex: a.sex || undefined,
            address: str(a.address),
          }
        : { known: false, description: str(a.description) },
    ),
    delayReason: str(d.delayReason),
    propertyItems: d.properties.map((p) => ({
      description: p.description.trim(),
      category: str(p.category),
      nature: p.nature,
      value: num(p.value) ?? 0,
    })),
    inquestReportNo: str(d.inquestReportNo),
    narrative: d.narrative.trim(),
    actionTaken: str(d.actionTaken),
    zeroFir: d.zeroFir,
    ...(d.zeroFir && d.jurisdictionStationCode ? { jurisdictionStationCode: d.jurisdictionStationCode } : {}),
  };
}

/** The sum of the property values, in rupees (IIF-1 item 10). */
export function totalValue(d: FirDraft): number {
  return d.properties.reduce((s, p) => {
    const n = num(p.value);
    return s + (n && Number.isFinite(n) ? n : 0);
  }, 0);
}

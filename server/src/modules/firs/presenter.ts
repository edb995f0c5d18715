import type { SectionHit } from '../masterdata/index.js';
import type { FirRecord } from './repository.js';

/**
 * Shapes FIRs for each viewer. Police views carry the whole IIF-1; the copy withholds what may
 * not be shared; public views (verification, public list) carry no person at all.
 */

interface Complainant {
  name?: string;
  relativeName?: string;
  relation?: string;
  dateOfBirth?: string;
  yearOfBirth?: number;
  sex?: string;
  nationality?: string;
  idDocument?: { type: string; number: string };
  occupation?: string;
  address?: string;
  phone?: string;
  email?: string;
  isVictim?: boolean;
}
interface Accused {
  known: boolean;
  name?: string;
  relativeName?: string;
  age?: number;
  sex?: string;
  address?: string;
  description?: string;
}
interface Property {
  description: string;
  category?: string;
  nature?: string;
  value: number;
}
interface Victim {
  name: string;
  age?: number;
  sex?: string;
  address?: string;
}

const sectionLabel = (s: { act: string; section: string }) => `${s.act} ${s.section}`;

/** The full FIR for police users in whose jurisdiction it lies: the original as registered, its addenda, its status. */
export function firView(r: FirRecord) {
  return {
    id: r.id,
    stateCode: r.state_code,
    districtId: r.district_id,
    districtName: r.district_name,
    districtNameHi: r.district_name_hi,
    stationId: r.station_id,
    stationCode: r.station_code,
    stationName: r.station_name,
    stationNameHi: r.station_name_hi,
    stationPhone: r.station_phone,
    year: r.year,
    serial: r.serial,
    firNumber: r.fir_number,
    registeredAt: r.registered_at,
    registeringOfficer: { id: r.registered_by, name: r.registering_officer_name, rank: r.registering_officer_rank },
    gdEntry: { id: r.gd_entry_id, entryNo: r.gd_entry_no, date: r.gd_day, recordedAt: r.gd_recorded_at },
    informationReceivedAt: r.information_received_at,
    informationType: r.information_type,
    sections: r.sections.map((s) => ({
      act: s.act,
      section: s.section,
      label: sectionLabel(s),
      titleEn: s.titleEn,
      titleHi: s.titleHi,
      sensitive: s.sensitive,
    })),
    occurrence: {
      from: r.occurrence_from,
      to: r.occurrence_to,
      offenceDate: r.offence_date,
      place: r.place,
      lat: r.place_lat,
      lng: r.place_lng,
      distanceKm: r.distance_km,
      direction: r.direction,
      beatId: r.beat_id,
      beatCode: r.beat_code,
      beatName: r.beat_name,
    },
    complainant: r.complainant as Complainant,
    victims: (r.victims as Victim[]) ?? [],
    accused: (r.accused as Accused[]) ?? [],
    delayReason: r.delay_reason,
    propertyItems: (r.properties as Property[]) ?? [],
    propertyTotalValue: r.property_total_value,
    inquestReportNo: r.inquest_report_no,
    narrative: r.narrative,
    actionTaken: r.action_taken,
    zeroFir: r.zero_fir,
    jurisdictionStation: r.jurisdiction_station_id
      ? { id: r.jurisdiction_station_id, code: r.jurisdiction_station_code, name: r.jurisdiction_station_name }
      : null,
    originFir: r.origin_fir_id ? { id: r.origin_fir_id, firNumber: r.origin_fir_number, stationCode: r.origin_station_code } : null,
    transfer: r.transfer_state
      ? {
          state: r.transfer_state,
          toStationId: r.transfer_to_station_id,
          toStationCode: r.transfer_to_station_code,
          toStationName: r.transfer_to_station_name,
          reason: r.transfer_reason,
          requestedAt: r.transfer_requested_at,
          acknowledgedAt: r.acknowledged_at,
          transferredFir: r.transferred_fir_id
            ? { id: r.transferred_fir_id, firNumber: r.transferred_fir_number, stationCode: r.transferred_station_code }
            : null,
        }
      : null,
    stage: r.stage,
    stageChangedAt: r.stage_changed_at,
    sensitive: r.sensitive,
    sensitiveBySection: r.sensitive_by_section,
    sensitiveReason: r.sensitive_reason,
    version: r.version,
    verificationCode: r.verification_code,
    addenda: r.addenda.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
  };
}
export type FirView = ReturnType<typeof firView>;

type ListRow = {
  id: string;
  fir_number: string;
  year: number;
  serial: number;
  station_id: string;
  station_code: string;
  station_name: string;
  registered_at: Date;
  occurrence_from: Date;
  place: string;
  zero_fir: boolean;
  origin_fir_id: string | null;
  complainant_name: string;
  stage: string;
  sensitive: boolean;
  transfer_state: string | null;
  transfer_to_station_id: string | null;
  transfer_to_station_code: string | null;
  transferred_fir_id: string | null;
  version: number;
  sections: { act: string; section: string }[];
};

/** A hit of the FIR form's section picker: what the officer needs to choose the right section. */
export const sectionHitView = (h: SectionHit) => ({
  act: h.section.actCode,
  section: h.section.sectionCode,
  label: sectionLabel({ act: h.section.actCode, section: h.section.sectionCode }),
  titleEn: h.section.titleEn,
  titleHi: h.section.titleHi,
  cognizable: h.section.cognizable,
  bailable: h.section.bailable,
  sensitive: h.section.sensitive,
  matchedBy: h.matchedBy,
  viaIpc: h.viaIpc ?? null,
});

/** A row of the police FIR list. Sensitive FIRs hide the complainant's name even here: lists are glanced at. */
export const firListItem = (r: ListRow) => ({
  id: r.id,
  firNumber: r.fir_number,
  year: r.year,
  serial: r.serial,
  stationId: r.station_id,
  stationCode: r.station_code,
  stationName: r.station_name,
  registeredAt: r.registered_at,
  occurrenceFrom: r.occurrence_from,
  place: r.place,
  sections: r.sections.map(sectionLabel),
  complainantName: r.sensitive ? null : r.complainant_name,
  stage: r.stage,
  sensitive: r.sensitive,
  zeroFir: r.zero_fir,
  receivedOnTransfer: r.origin_fir_id !== null,
  transferState: r.transfer_state,
  transferToStationId: r.transfer_to_station_id,
  transferToStationCode: r.transfer_to_station_code,
  transferredFirId: r.transferred_fir_id,
  version: r.version,
});

const WITHHELD = { en: 'Withheld (identity of the victim is protected: BNS 72)', hi: 'रोका गया (पीड़ित की पहचान सुरक्षित: बीएनएस 72)' };

const mask = (s: string | undefined, keep = 4) => (s ? `${'•'.repeat(Math.max(0, s.length - keep))}${s.slice(-keep)}` : undefined);

/**
 * What the free FIR copy (BNSS 173(2)) may carry. In a sensitive FIR the complainant's and
 * victims' identity is withheld (BNS 72; POCSO s.23), because a copy travels. Phone numbers and
 * ID numbers are masked in every copy.
 */
export function firCopyData(r: FirRecord) {
  const v = firView(r);
  const c = v.complainant;
  const hide = r.sensitive;
  return {
    ...v,
    complainant: hide
      ? { withheld: true as const }
      : {
          withheld: false as const,
          name: c.name,
          relativeName: c.relativeName,
          relation: c.relation,
          dateOfBirth: c.dateOfBirth,
          yearOfBirth: c.yearOfBirth,
          sex: c.sex,
          nationality: c.nationality,
          idDocument: c.idDocument ? { type: c.idDocument.type, number: mask(c.idDocument.number) } : undefined,
          occupation: c.occupation,
          address: c.address,
          phone: mask(c.phone),
        },
    victims: hide ? [] : v.victims,
    victimsWithheld: hide && v.victims.length > 0,
  };
}
export type FirCopyData = ReturnType<typeof firCopyData>;
export const WITHHELD_TEXT = WITHHELD;

/** Fields that must never appear in any public answer about an FIR (for tests). */
export const PUBLIC_FORBIDDEN_FIELDS = [
  'complainant',
  'victims',
  'accused',
  'narrative',
  'phone',
  'address',
  'name',
  'propertyItems',
  'registeringOfficer',
];

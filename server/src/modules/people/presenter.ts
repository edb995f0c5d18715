/**
 * How person records leave the server. Only police roles reach these views (people.read);
 * nothing here is ever served on a public route. An identity document is shown masked only:
 * an Aadhaar number is not even stored, and the matching HMAC never leaves the database.
 */
import type { PersonRow } from './repository.js';

export interface PersonSummary {
  id: string;
  name: string;
  nameHi: string | null;
  fatherName: string | null;
  sex: string | null;
  birthDate: string | null;
  birthYear: number | null;
  age: { years: number; onDate: string } | null;
  districtId: string | null;
  districtName: string | null;
  address: string | null;
  /** Cases in which the person (or a record merged into it) is accused. */
  accusedCases: number;
  openHistorySheet: boolean;
  wanted: boolean;
}

export interface SummaryRow {
  id: string;
  name: string;
  name_hi: string | null;
  father_name: string | null;
  sex: string | null;
  birth_date: string | null;
  birth_year: number | null;
  age_years: number | null;
  age_on: string | null;
  district_id: string | null;
  district_name: string | null;
  address: string | null;
  accused_cases: number | null;
  open_history_sheet: boolean | null;
  wanted: boolean | null;
}

export function personSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    nameHi: r.name_hi,
    fatherName: r.father_name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    age: r.age_years !== null && r.age_on ? { years: r.age_years, onDate: r.age_on } : null,
    districtId: r.district_id,
    districtName: r.district_name,
    address: r.address,
    accusedCases: Number(r.accused_cases ?? 0),
    openHistorySheet: r.open_history_sheet === true,
    wanted: r.wanted === true,
  };
}

/** The fields of a person row as the police view shows them. */
export function personCore(p: PersonRow) {
  return {
    id: p.id,
    stateCode: p.state_code,
    name: p.name,
    nameHi: p.name_hi,
    fatherName: p.father_name,
    motherName: p.mother_name,
    spouseName: p.spouse_name,
    sex: p.sex,
    birthDate: p.birth_date,
    birthYear: p.birth_year,
    age: p.age_years !== null && p.age_on ? { years: p.age_years, onDate: p.age_on } : null,
    address: p.address,
    districtId: p.district_id,
    phone: p.phone,
    nationality: p.nationality,
    occupation: p.occupation,
    heightCm: p.height_cm,
    build: p.build,
    complexion: p.complexion,
    notes: p.notes,
    createdStationId: p.created_station_id,
    createdAt: p.created_at,
    mergedIntoId: p.merged_into_id,
    mergedAt: p.merged_at,
    version: p.version,
  };
}

/** Fields that a person view must never contain (tested). */
export const PERSON_FORBIDDEN_FIELDS = ['number_hmac', 'numberHmac', 'hmac', 'aadhaar', 'data'] as const;

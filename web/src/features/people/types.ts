/** Shapes of the people API (server/src/modules/people) as the web app reads them. */
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
  accusedCases: number;
  openHistorySheet: boolean;
  wanted: boolean;
}

export interface SearchResult {
  person: PersonSummary;
  matchedName: string;
  score: number;
  why: string[];
  likelySame: boolean;
}

/** What POST /people/match takes: the details of a person about to be added. */
export interface MatchQuery {
  name: string;
  fatherName?: string;
  sex?: string;
  birthDate?: string;
  age?: { years: number };
  address?: string;
  phones?: string[];
  identityDocuments?: { type: string; number: string }[];
  limit?: number;
}

export interface MatchSuggestion {
  person: PersonSummary;
  score: number;
  likelySame: boolean;
  why: string[];
  evidence: { field: string; verdict: 'same' | 'similar' | 'different'; detail: string }[];
}

export interface PersonView {
  id: string;
  requestedId?: string;
  name: string;
  nameHi: string | null;
  fatherName: string | null;
  motherName: string | null;
  spouseName: string | null;
  sex: string | null;
  birthDate: string | null;
  birthYear: number | null;
  age: { years: number; onDate: string } | null;
  address: string | null;
  districtId: string | null;
  phone: string | null;
  nationality: string | null;
  occupation: string | null;
  heightCm: number | null;
  build: string | null;
  complexion: string | null;
  notes: string | null;
  createdAt: string;
  mergedIntoId: string | null;
  version: number;
  names: { id: string; personId: string; kind: string; name: string; normalised: string }[];
  addresses: {
    id: string;
    person_id: string;
    kind: string;
    address: string;
    district_name: string | null;
    station_name: string | null;
    from_date: string | null;
    to_date: string | null;
    recorded_at: string;
  }[];
  phones: { id: string; phone: string; kind: string }[];
  identityDocuments: { id: string; type: string; numberMasked: string }[];
  marks: { id: string; kind: string; bodyPart: string | null; description: string }[];
  photos: { id: string; contentType: string; sizeBytes: number; sha256: string; caption: string | null; takenOn: string | null }[];
  mergedRecords: string[];
  merges: {
    id: string;
    survivorId: string;
    mergedId: string;
    reason: string;
    mergedByName: string;
    mergedAt: string;
    unmergedAt: string | null;
  }[];
  summary: PersonSummary;
}

export interface RecordCase {
  firId: string;
  firNumber: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  districtName: string;
  registeredAt: string;
  offenceDate: string;
  sections: { act: string; section: string; title: string | null }[];
  stage: string;
  sensitive: boolean;
  role: string;
  code: string | null;
  result: string | null;
  resultOn: string | null;
  linkedRecordId: string;
}

export interface CriminalRecord {
  person: PersonSummary;
  accused: RecordCase[];
  otherRoles: RecordCase[];
  counts: { accused: number; convicted: number; pending: number; stations: number };
}

export interface SheetView {
  id: string;
  personId: string;
  personName: string;
  personNameHi: string | null;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  sheetNo: number;
  offenderClass: string;
  status: 'open' | 'closed';
  openReason: string;
  modusOperandi: string | null;
  openedAt: string;
  openedByName: string;
  closedAt: string | null;
  closedByName: string | null;
  closeReason: string | null;
  version: number;
  entries?: {
    id: string;
    kind: string;
    text: string;
    associatePersonId: string | null;
    associateName: string | null;
    recordedAt: string;
    recordedByName: string;
  }[];
}

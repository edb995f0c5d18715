/** The shapes of the FIR routes (server: modules/firs/presenter.ts), as far as the screens use them. */

export type InformationType = 'written' | 'oral' | 'electronic';
export type Sex = 'male' | 'female' | 'transgender' | 'other';

export interface FirSection {
  act: string;
  section: string;
  label: string;
  titleEn: string | null;
  titleHi: string | null;
  sensitive: boolean;
}

export interface FirComplainant {
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

export interface FirAccused {
  known: boolean;
  name?: string;
  relativeName?: string;
  age?: number;
  sex?: string;
  address?: string;
  description?: string;
}

export interface FirVictim {
  name: string;
  age?: number;
  sex?: string;
  address?: string;
}

export interface FirProperty {
  description: string;
  category?: string;
  nature?: string;
  value: number;
}

export interface FirAddendum {
  seq: number;
  reason: string;
  text: string;
  corrections: { field: string; from?: string; to: string }[];
  authorName: string;
  authorRank: string | null;
  createdAt: string;
}

export interface FirView {
  id: string;
  stateCode: string;
  districtId: string;
  districtName: string;
  districtNameHi: string | null;
  stationId: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string | null;
  year: number;
  serial: number;
  firNumber: string;
  registeredAt: string;
  registeringOfficer: { id: string; name: string; rank: string | null };
  gdEntry: { id: string; entryNo: number | null; date: string | null; recordedAt: string | null };
  informationReceivedAt: string;
  informationType: InformationType;
  sections: FirSection[];
  occurrence: {
    from: string;
    to: string | null;
    offenceDate: string;
    place: string;
    lat: number | null;
    lng: number | null;
    distanceKm: number | null;
    direction: string | null;
    beatId: string | null;
    beatCode: string | null;
    beatName: string | null;
  };
  complainant: FirComplainant;
  victims: FirVictim[];
  accused: FirAccused[];
  delayReason: string | null;
  propertyItems: FirProperty[];
  propertyTotalValue: number;
  inquestReportNo: string | null;
  narrative: string;
  actionTaken: string;
  zeroFir: boolean;
  jurisdictionStation: { id: string; code: string; name: string } | null;
  originFir: { id: string; firNumber: string; stationCode: string } | null;
  transfer: {
    state: 'pending' | 'acknowledged';
    toStationId: string;
    toStationCode: string;
    toStationName: string;
    reason: string;
    requestedAt: string;
    acknowledgedAt: string | null;
    transferredFir: { id: string; firNumber: string; stationCode: string } | null;
  } | null;
  stage: string;
  stageChangedAt: string;
  sensitive: boolean;
  /** Sensitive because of a section chosen at registration (not marked by an officer). */
  sensitiveBySection: boolean;
  /** The reason an officer gave when marking it sensitive. */
  sensitiveReason: string | null;
  version: number;
  verificationCode: string;
  addenda: FirAddendum[];
}

export interface FirListItem {
  id: string;
  firNumber: string;
  year: number;
  stationId: string;
  stationCode: string;
  stationName: string;
  registeredAt: string;
  occurrenceFrom: string;
  place: string;
  sections: string[];
  complainantName: string | null;
  stage: string;
  sensitive: boolean;
  zeroFir: boolean;
  receivedOnTransfer: boolean;
  transferState: 'pending' | 'acknowledged' | null;
  transferToStationCode: string | null;
  transferredFirId: string | null;
}

export interface FirList {
  items: FirListItem[];
  total: number;
  /** More FIRs match than `total`: the server stops counting at a cap. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface SectionHit {
  act: string;
  section: string;
  label: string;
  titleEn: string;
  titleHi: string;
  cognizable: string;
  bailable: string;
  sensitive: string;
  matchedBy: 'number' | 'words' | 'ipc_equivalent';
  viaIpc: string | null;
}

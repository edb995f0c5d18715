import type { CaseAction } from '../../../../server/src/modules/investigation/workflow.ts';
import type { ClockItem } from '../clocks/types.ts';

/** The shapes of the case routes (server: modules/investigation/presenter.ts), as far as the screens use them. */

export interface SectionRef {
  act: string;
  section: string;
  titleEn?: string | null;
  titleHi?: string | null;
  sensitive?: boolean;
}

export interface CaseListItem {
  id: string;
  firNumber: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  registeredAt: string;
  place: string;
  sensitive: boolean;
  sections: SectionRef[];
  stage: string;
  substate: string | null;
  io: { id: string; name: string | null; nameHi: string | null } | null;
  /** noPeriod: a requirement with no statutory period (BNSS 176(3)); `at` is since when it is required. */
  nextDue: { at: string; kind: string; noPeriod?: boolean } | null;
}

export interface Person {
  id: string;
  personId: string;
  role: 'complainant' | 'victim' | 'accused' | 'suspect' | 'witness';
  code: string;
  name: string;
  personNameHi?: string | null;
  fatherName?: string | null;
  address?: string | null;
  phone?: string | null;
  sex: string | null;
  ageYears: number | null;
  juvenile: boolean;
  addedAt: string;
}

export interface DiaryEntry {
  id: string;
  entryNo: number;
  diaryDate: string;
  startedAt: string;
  closedAt: string;
  placesVisited: string[];
  circumstances: string;
  correctsId: string | null;
  authorName: string;
  recordedAt: string;
}

export interface Statement {
  id: string;
  statementNo: number;
  personCode: string;
  personName: string;
  recordedAt: string;
  place: string;
  language: string;
  text: string;
  mediaDocumentId: string | null;
  womanOfficerRequired: boolean;
  recordedByWomanOfficer: boolean;
  recordingOfficerName: string | null;
  authorName: string;
}

export interface ArrestEvent {
  id: string;
  seq: number;
  kind: string;
  at: string;
  courtName: string | null;
  orderRef: string | null;
  remandUntil: string | null;
  journeyMinutes: number | null;
}

export interface Arrest {
  id: string;
  personCode: string;
  personName: string;
  kind: 'arrest' | 'court_surrender';
  arrestedAt: string;
  place: string;
  grounds: string;
  groundsGivenAt: string | null;
  informedName: string | null;
  informedRelation: string | null;
  informedAt: string | null;
  medicalExaminedAt: string | null;
  outcome: string;
  necessityReason: string | null;
  witnessName: string | null;
  countersigned: boolean;
  juvenile: boolean;
  events: ArrestEvent[];
}

export interface CustodyMove {
  id: string;
  seq: number;
  kind: string;
  fromLocation: string;
  toLocation: string;
  place: string;
  at: string;
  reason: string;
  handedTo: string | null;
  orderRef: string | null;
  authorName: string;
}

export interface Item {
  id: string;
  itemNo: number;
  description: string;
  category: string;
  quantity: number;
  unit: string;
  identifyingMarks: string | null;
  value: number;
  vehicleRegNo: string | null;
  imei: string[];
  location: string;
  locationLabel: { en: string; hi: string };
  possibleMoves: string[];
  moves: CustodyMove[];
}

export interface Seizure {
  id: string;
  memoNo: number;
  seizedAt: string;
  place: string;
  searchKind: string;
  witnesses: { name: string; address?: string }[];
  recordingDocumentId: string | null;
  recordingRef: string | null;
  recordingSha256: string | null;
  recordingAbsentReason: string | null;
  items: Item[];
}

export interface CaseDocument {
  id: string;
  kind: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface ForensicRequest {
  id: string;
  requestNo: number;
  lab: string;
  what: string;
  sentAt: string;
  questions: string | null;
  reports: { id: string; receivedAt: string; summary: string; reportRef: string | null }[];
}

export interface CrimeDetails {
  version: number;
  majorHeadCode: string | null;
  minorHeadCode: string | null;
  moCodes: string[];
  moText: string | null;
  placeType: string | null;
  sceneLat: number | null;
  sceneLng: number | null;
  sceneDescription: string | null;
  properties: {
    description: string;
    category?: string;
    nature?: string;
    value?: number;
    regNo?: string;
    engineNo?: string;
    chassisNo?: string;
    imei?: string[];
  }[];
  weapons: { description: string }[];
  vehicles: { description: string; regNo?: string }[];
  motive: string | null;
  updatedByName: string;
  updatedAt: string;
}

export interface CaseView {
  id: string;
  firNumber: string;
  stationId: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  registeredAt: string;
  occurrenceFrom: string;
  place: string;
  sensitive: boolean;
  sections: SectionRef[];
  stage: string;
  stageLabel: string;
  stageLabelHi: string;
  substate: string | null;
  substateLabel: string | null;
  substateLabelHi: string | null;
  io: { id: string; name: string | null; nameHi: string | null; rank: string | null; assignedAt: string | null } | null;
  version: number;
  complainant: { name: string | null; phone: string | null; email: string | null };
  narrative: string;
  allowedActions: CaseAction[];
  ioOptions: { id: string; name: string; nameHi: string | null; rank: string | null }[];
  isDesignatedIo: boolean;
  transitions: {
    id: string;
    seq: number;
    action: string;
    fromStage: string;
    toStage: string;
    actorName: string;
    party: string;
    reason: string | null;
    at: string;
  }[];
  assignments: { id: string; ioName: string; reason: string | null; assignedByName: string; assignedAt: string }[];
  supervisionNotes: {
    id: string;
    authorName: string;
    authorRole: string;
    text: string;
    directions: string[];
    complyBy: string | null;
    createdAt: string;
  }[];
  diary: DiaryEntry[];
  crimeDetails: CrimeDetails | null;
  persons: Person[];
  statements: Statement[];
  arrests: Arrest[];
  appearanceNotices: {
    id: string;
    noticeNo: number;
    personCode: string;
    personName: string;
    issuedAt: string;
    appearAt: string;
    appearPlace: string;
    basis: string;
  }[];
  progressNotices: {
    id: string;
    recipient: string;
    recipientName: string;
    channels: string[];
    sentAt: string;
    textEn: string;
    textHi: string;
  }[];
  documents: CaseDocument[];
  seizures: Seizure[];
  forensicRequests: ForensicRequest[];
  clocks: ClockItem[];
}

export interface PropertyAlert {
  kind: string;
  value: string;
  description: string;
  otherCase: { caseId: string; firNumber: string; stationCode: string; stationName: string } | null;
  otherCaseText: string;
  otherCaseTextHi: string;
  recordedAs: string;
}

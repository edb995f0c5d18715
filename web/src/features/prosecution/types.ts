/** What GET /api/v1/cases/:id/final-report answers (server: modules/prosecution/routes.ts). */

export interface Bilingual {
  en: string;
  hi: string;
}

export interface SectionRef {
  act: string;
  section: string;
  titleEn: string | null;
  titleHi: string | null;
}

export interface Custody {
  status: string;
  since: string | null;
  arrestedAt: string | null;
  courtName: string | null;
}

export interface AccusedEntry {
  casePersonId: string;
  code: string;
  name: string;
  nameHi: string | null;
  fatherName: string | null;
  sex: string | null;
  ageYears: number | null;
  address: string | null;
  juvenile: boolean;
  custody: Custody;
  custodyLabel: Bilingual;
}

export interface ReportContent {
  kind: 'charge_sheet' | 'closure';
  closureReason: string | null;
  briefFacts: Bilingual;
  closureGrounds: string | null;
  firSections: SectionRef[];
  accusedCharged: (AccusedEntry & { sections: SectionRef[] })[];
  accusedNotCharged: (AccusedEntry & { reason: string })[];
  witnesses: {
    casePersonId: string;
    code: string;
    name: string;
    role: string;
    address: string | null;
    identityWithheld: boolean;
    statements: { no: number; recordedAt: string; language: string }[];
  }[];
  documents: {
    documentId: string;
    title: string;
    kind: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
  }[];
  materialObjects: {
    itemId: string;
    seizureMemoNo: number;
    itemNo: number;
    seizedAt: string;
    description: string;
    quantity: number;
    unit: string;
    value: number;
    identifyingMarks: string | null;
    location: string;
  }[];
}

export interface Report {
  id: string;
  caseId: string;
  reportNo: number;
  kind: 'charge_sheet' | 'closure';
  kindLabel: Bilingual;
  closureReason: string | null;
  closureLabel: Bilingual | null;
  status: 'draft' | 'submitted' | 'approved';
  version: number;
  court: { id: string; code: string | null; name: string | null; nameHi: string | null } | null;
  io: { id: string; name: string; rank: string | null };
  content: ReportContent;
  returned: { at: string; by: string | null; remarks: string | null } | null;
  submitted: { at: string; by: string | null } | null;
  approved: { at: string; by: string | null } | null;
}

export interface Hearing {
  id: string;
  date: string;
  purpose: string;
  chargesFramed: boolean;
  source: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Sentence {
  imprisonmentMonths?: number;
  imprisonmentKind?: string;
  fineRupees?: number;
  defaultImprisonmentMonths?: number;
  probation?: boolean;
  death?: boolean;
  text?: string;
}

export interface Disposal {
  id: string;
  decidedOn: string;
  judgmentRef: string | null;
  result: string;
  remarks: string | null;
  accused: { code: string; name: string; result: string; sections: { act: string; section: string }[]; sentence: Sentence | null }[];
}

export interface Appeal {
  id: string;
  appealRef: string;
  appellateCourt: string;
  appellant: string;
  filedOn: string;
  decidedOn: string | null;
  result: string;
  remarks: string | null;
}

export interface Efiling {
  packageId: string;
  schema: string;
  packageSha256: string;
  pdf: { en: { sha256: string }; hi: { sha256: string } };
  status: 'pending' | 'delivered' | 'accepted';
  deliveredVia: string | null;
  cnr: string | null;
  createdAt: string;
  deliveredAt: string | null;
  acceptedAt: string | null;
  attempts: { attempt: number; at: string; outcome: string; httpStatus: number | null; error: string | null; cnr: string | null }[];
}

export interface FinalReportPageData {
  caseId: string;
  firNumber: string;
  stage: string;
  substate: string | null;
  isDesignatedIo: boolean;
  report: Report | null;
  revisions: { version: number; status: string; by: string; at: string }[];
  sources: {
    accused: { casePersonId: string; code: string; name: string }[];
    witnesses: { casePersonId: string; code: string; name: string; role: string }[];
    documents: { documentId: string; title: string; fileName: string; sha256: string }[];
    items: { itemId: string; itemNo: number; description: string; location: string }[];
  };
  efiling: Efiling | null;
  court: {
    code: string;
    name: string;
    nameHi: string;
    cnr: string;
    courtCaseNo: string | null;
    acceptedAt: string;
    hearings: Hearing[];
    disposal: Disposal | null;
    appeals: Appeal[];
  } | null;
}

export interface Court {
  id: string;
  code: string;
  name: string;
  nameHi: string;
  establishmentCode: string;
}

/** The shapes the citizen, complaint and public-status APIs answer (server/src/modules/complaints, citizen). */

export interface KindInfo {
  kind: string;
  labelEn: string;
  labelHi: string;
  efir: boolean;
  suggestedSections: { act: string; section: string }[];
}

export interface Kinds {
  items: KindInfo[];
  maxAttachments: number;
  maxAttachmentBytes: number;
}

export interface PublicStation {
  id: string;
  code: string;
  districtId: string;
  name: string;
  nameHi: string;
  phone: string | null;
}

export interface PublicStations {
  districts: { id: string; code: string; name: string; nameHi: string }[];
  stations: PublicStation[];
}

export interface StationRef {
  id?: string;
  code: string;
  name: string;
  nameHi: string;
  phone?: string | null;
}

export interface Attachment {
  id: string;
  position: number;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  url: string;
}

export interface ComplaintItem {
  id: string;
  ackNumber: string;
  kind: string;
  kindLabelEn: string;
  kindLabelHi: string;
  efir: boolean;
  efirSignDueAt: string | null;
  submittedAt: string;
  status: string;
  statusLabelEn: string;
  statusLabelHi: string;
  statusChangedAt: string;
  station: StationRef;
  fir: { id: string; firNumber: string } | null;
}

/** Who is missing, on a missing-person complaint (server: complaints/presenter.ts missingPerson). */
export interface MissingPerson {
  name: string;
  sex: 'male' | 'female' | 'transgender' | 'unknown';
  ageYears?: number;
  dateOfBirth?: string;
  ageWhenLastSeen: number | null;
  child: boolean;
  heightCm?: number;
  clothing: string;
  marks: string[];
  lastSeenAt: string;
  lastSeenPlace: string;
  relation?: string;
}

export interface CitizenComplaint extends ComplaintItem {
  missingPerson: MissingPerson | null;
  efirSignedAt: string | null;
  occurrence: { from: string; to: string | null; place: string };
  description: string;
  complainant: Record<string, unknown>;
  properties: { type: string; description: string; value: number }[];
  suspects: { name?: string; description?: string }[];
  fir: { id: string; firNumber: string; copyUrl: string } | null;
  ncrNumber: string | null;
  closedReason: string | null;
  enquiry: { state: string; dueAt: string | null } | null;
  attachments: Attachment[];
  history: {
    at: string;
    action: string;
    status: string;
    statusLabelEn: string;
    statusLabelHi: string;
    station: StationRef;
    note: string | null;
    noteHi: string | null;
  }[];
}

export interface PublicCaseStatus {
  stateCode: string;
  district: { name: string; nameHi: string };
  station: StationRef;
  firNumber: string;
  year: number;
  registeredOn: string;
  sections: { act: string; section: string; titleEn: string | null; titleHi: string | null }[];
  stage: string;
  stageLabelEn: string;
  stageLabelHi: string;
  lastChangedOn: string;
  result: string | null;
  resultLabelEn: string | null;
  resultLabelHi: string | null;
  arrestMade: boolean | null;
  arrestCount: number | null;
  chargeSheetDate: string | null;
  finalReportDate: string | null;
  court: { name: string; nameHi: string | null } | null;
  nextHearingDate: string | null;
  investigatingOfficer: { rank: { code: string; labelEn: string; labelHi: string } | null; name?: string } | null;
  transferredTo: { stationCode: string | null; firNumber: string } | null;
}

export interface CitizenFir extends PublicCaseStatus {
  id: string;
  complaintId: string;
  ackNumber: string;
  registeredAt: string;
  history: {
    stage: string;
    result: string | null;
    at: string;
    note: string | null;
    labelEn: string;
    labelHi: string;
    resultLabelEn: string | null;
    resultLabelHi: string | null;
  }[];
  copyUrl: { en: string; hi: string };
}

import type { Attachment, MissingPerson, StationRef } from '../citizen/types.ts';

/** The station side of a complaint (server/src/modules/complaints/presenter.ts). */
export interface EfirClock {
  signDueAt: string | null;
  signedAt: string | null;
  overdue: boolean;
  hoursLeft: number | null;
}

export interface EnquiryClock {
  state: 'awaiting_approval' | 'approved' | 'refused';
  sections: { act: string; section: string }[];
  reason: string | null;
  requestedAt: string | null;
  decidedAt: string | null;
  decisionRemarks: string | null;
  dueAt: string | null;
  overdue: boolean;
  daysLeft: number | null;
}

export interface InboxItem {
  id: string;
  ackNumber: string;
  kind: string;
  kindLabelEn: string;
  kindLabelHi: string;
  efir: boolean;
  submittedAt: string;
  ageHours: number;
  place: string;
  complainantName: string | null;
  station: StationRef & { id: string };
  status: string;
  statusLabelEn: string;
  statusLabelHi: string;
  efirClock: EfirClock | null;
  enquiry: EnquiryClock | null;
  version: number;
}

export type ComplaintAction = 'register_fir' | 'record_ncr' | 'open_enquiry' | 'decide_enquiry' | 'transfer' | 'close' | 'sign';

export interface PoliceComplaint extends InboxItem {
  districtName: string;
  missingPerson: MissingPerson | null;
  /** Where the registration form starts (a missing child: BNS 137(2), or IPC 363 before 1 July 2024). */
  suggestedSections: { act: string; section: string }[];
  occurrence: { from: string; to: string | null; place: string };
  description: string;
  complainant: {
    name?: string;
    relativeName?: string;
    address?: string;
    mobile?: string | null;
    email?: string | null;
    yearOfBirth?: number;
    sex?: string;
    occupation?: string;
  };
  suspects: { name?: string; description?: string; address?: string }[];
  properties: { type: string; description: string; value: number }[];
  propertyTotalValue: number;
  fir: { id: string; firNumber: string | null } | null;
  ncr: { id: string; ncrNumber: string | null } | null;
  closedReason: string | null;
  attachments: Attachment[];
  history: {
    at: string;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    station: StationRef;
    officer: { id: string | null; name: string; rank: string | null };
    gdEntry: { id: string; entryNo: number | null; date: string | null } | null;
    publicNote: string | null;
  }[];
  actions: ComplaintAction[];
}

/** A statutory clock as GET /clocks and GET /cases/:id give it (server: modules/clocks/service.ts clockView). */
export interface ClockItem {
  id: string;
  caseId: string;
  firNumber: string;
  stationId: string;
  stationCode?: string;
  stationName?: string;
  stationNameHi?: string;
  kind: string;
  label: string;
  labelHi: string;
  /** The arrest, examination or order a per-subject clock belongs to. */
  subjectId: string | null;
  subject: string | null;
  ioName?: string | null;
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  stopReason: string | null;
  /** 'required': a requirement with no statutory period not yet met (BNSS 176(3) forensic visit). */
  status: 'met' | 'missed' | 'running' | 'due_soon' | 'overdue' | 'required';
  overdueByMs: number | null;
  basis: string;
  basisHi: string;
  details: Record<string, unknown>;
}

/** A clock of a complaint before any FIR (e-FIR signature, preliminary enquiry). */
export interface ComplaintClockItem {
  complaintId: string;
  ackNumber: string;
  stationCode: string;
  kind: string;
  label: string;
  labelHi: string;
  startedAt: string;
  dueAt: string;
  status: ClockItem['status'];
  basis: string;
  basisHi: string;
}

export interface ClocksPage {
  items: ClockItem[];
  total: number;
  asOf: string;
  complaintClocks: ComplaintClockItem[];
}

import { KIND_INFO, isComplaintKind } from './kinds.js';
import { ageWhenLastSeen, isMissingChild, suggestedSectionsFor, type MissingPersonStored } from './missing.js';
import type { AttachmentRow, ComplaintEventRow, ComplaintRow } from './repository.js';
import { WORKFLOW, type ComplaintAction } from './workflow.js';

/**
 * Shapes complaints for each viewer. Police in the complaint's jurisdiction see everything;
 * the citizen sees their own complaint and, of its history, what happened and what they are
 * told (the officers' names and the GD numbers stay on the police side). Complaints are never
 * public.
 */

const kindLabels = (k: string) =>
  isComplaintKind(k) ? { kindLabelEn: KIND_INFO[k].en, kindLabelHi: KIND_INFO[k].hi } : { kindLabelEn: k, kindLabelHi: k };
const statusLabels = (s: ComplaintRow['status']) => ({ statusLabelEn: WORKFLOW[s].labelEn, statusLabelHi: WORKFLOW[s].labelHi });

/** The clocks of a complaint as of `now`: the e-FIR signature (3 days) and the preliminary enquiry (14 days). */
export function clocks(r: ComplaintRow, now: Date) {
  const open = WORKFLOW[r.status].open;
  return {
    efirClock: r.efir
      ? {
          signDueAt: r.efir_sign_due_at,
          signedAt: r.efir_signed_at,
          overdue: open && !r.efir_signed_at && !!r.efir_sign_due_at && r.efir_sign_due_at <= now,
          hoursLeft:
            open && !r.efir_signed_at && r.efir_sign_due_at ? Math.floor((r.efir_sign_due_at.getTime() - now.getTime()) / 3_600_000) : null,
        }
      : null,
    enquiry: r.pe_state
      ? {
          state: r.pe_state,
          sections: (r.pe_sections as { act: string; section: string }[] | null) ?? [],
          reason: r.pe_reason,
          requestedAt: r.pe_requested_at,
          decidedAt: r.pe_decided_at,
          decisionRemarks: r.pe_decision_remarks,
          dueAt: r.pe_due_at,
          overdue: r.status === 'preliminary_enquiry' && r.pe_state === 'approved' && !!r.pe_due_at && r.pe_due_at <= now,
          daysLeft:
            r.status === 'preliminary_enquiry' && r.pe_due_at ? Math.floor((r.pe_due_at.getTime() - now.getTime()) / 86_400_000) : null,
        }
      : null,
  };
}

/** Who is missing (kind missing_person), with the age when last seen and whether a child; else null. */
function missingPerson(r: ComplaintRow) {
  if (!r.missing_person) return null;
  const m = r.missing_person as MissingPersonStored;
  return { ...m, ageWhenLastSeen: ageWhenLastSeen(m) ?? null, child: isMissingChild(m) };
}

const station = (r: ComplaintRow) => ({
  id: r.station_id,
  code: r.station_code,
  name: r.station_name,
  nameHi: r.station_name_hi,
  phone: r.station_phone,
});

/** A row of the station's inbox. */
export function inboxItem(r: ComplaintRow, now: Date) {
  const c = (r.complainant ?? {}) as { name?: string };
  return {
    id: r.id,
    ackNumber: r.ack_number,
    kind: r.kind,
    ...kindLabels(r.kind),
    efir: r.efir,
    submittedAt: r.submitted_at,
    ageHours: Math.floor((now.getTime() - r.submitted_at.getTime()) / 3_600_000),
    place: r.place,
    complainantName: c.name ?? null,
    /** A missing child's complaint: registered as an FIR or transferred, nothing else (workflow.ts). */
    missingChild: r.kind === 'missing_person' && isMissingChild(r.missing_person),
    station: station(r),
    status: r.status,
    ...statusLabels(r.status),
    ...clocks(r, now),
    version: r.version,
  };
}

export const attachmentView = (a: AttachmentRow, base: string) => ({
  id: a.id,
  position: a.position,
  name: a.original_name,
  mime: a.mime,
  sizeBytes: a.size_bytes,
  sha256: a.sha256,
  url: `${base}/${a.id}`,
});

/** The whole complaint for police in its jurisdiction, with its history and the actions open to the viewer. */
export function policeComplaintView(
  r: ComplaintRow,
  events: ComplaintEventRow[],
  attachments: AttachmentRow[],
  actions: ComplaintAction[],
  now: Date,
) {
  return {
    ...inboxItem(r, now),
    districtName: r.district_name,
    occurrence: { from: r.occurrence_from, to: r.occurrence_to, place: r.place, lat: r.place_lat, lng: r.place_lng },
    description: r.description,
    complainant: r.complainant,
    suspects: r.suspects,
    properties: r.properties,
    missingPerson: missingPerson(r),
    /** Where the registration form starts: a missing child's complaint suggests BNS 137(2) (IPC 363 before 1 July 2024). */
    suggestedSections: suggestedSectionsFor(r.kind, r.missing_person, r.occurrence_from),
    propertyTotalValue: r.property_total_value,
    informationGdEntryId: r.information_gd_entry_id,
    fir: r.fir_id ? { id: r.fir_id, firNumber: r.fir_number } : null,
    ncr: r.ncr_id ? { id: r.ncr_id, ncrNumber: r.ncr_number } : null,
    closedReason: r.closed_reason,
    closedAt: r.closed_at,
    attachments: attachments.map((a) => attachmentView(a, `/api/v1/complaints/${r.id}/attachments`)),
    history: events.map((e) => ({
      at: e.at,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      station: { code: e.station_code, name: e.station_name, nameHi: e.station_name_hi },
      officer: { id: e.actor_id, name: e.actor_name, rank: e.actor_rank },
      gdEntry: e.gd_entry_id ? { id: e.gd_entry_id, entryNo: e.gd_entry_no, date: e.gd_day } : null,
      publicNote: e.public_note,
      details: e.details,
    })),
    actions,
  };
}

/** The citizen's own complaint: what they sent, where it stands, and its history as they may see it. */
export function citizenComplaintView(r: ComplaintRow, events: ComplaintEventRow[], attachments: AttachmentRow[], now: Date) {
  const cl = clocks(r, now);
  return {
    id: r.id,
    ackNumber: r.ack_number,
    kind: r.kind,
    ...kindLabels(r.kind),
    efir: r.efir,
    efirSignDueAt: cl.efirClock?.signDueAt ?? null,
    efirSignedAt: cl.efirClock?.signedAt ?? null,
    submittedAt: r.submitted_at,
    status: r.status,
    ...statusLabels(r.status),
    statusChangedAt: r.status_changed_at,
    station: station(r),
    occurrence: { from: r.occurrence_from, to: r.occurrence_to, place: r.place },
    description: r.description,
    complainant: r.complainant,
    suspects: r.suspects,
    properties: r.properties,
    missingPerson: missingPerson(r),
    fir: r.fir_id ? { id: r.fir_id, firNumber: r.fir_number, copyUrl: `/api/v1/citizen/firs/${r.fir_id}/copy.pdf` } : null,
    ncrNumber: r.ncr_number,
    closedReason: r.closed_reason,
    enquiry: cl.enquiry ? { state: cl.enquiry.state, dueAt: cl.enquiry.dueAt } : null,
    attachments: attachments.map((a) => attachmentView(a, `/api/v1/citizen/complaints/${r.id}/attachments`)),
    history: events.map((e) => ({
      at: e.at,
      action: e.action,
      status: e.to_status,
      statusLabelEn: WORKFLOW[e.to_status as ComplaintRow['status']]?.labelEn ?? e.to_status,
      statusLabelHi: WORKFLOW[e.to_status as ComplaintRow['status']]?.labelHi ?? e.to_status,
      station: { code: e.station_code, name: e.station_name, nameHi: e.station_name_hi },
      note: e.public_note,
      noteHi: ((e.details ?? {}) as { publicNoteHi?: string }).publicNoteHi ?? null,
    })),
  };
}

/** A row of "My complaints". */
export const citizenComplaintItem = (r: ComplaintRow) => ({
  id: r.id,
  ackNumber: r.ack_number,
  kind: r.kind,
  ...kindLabels(r.kind),
  efir: r.efir,
  efirSignDueAt: r.efir && !r.efir_signed_at ? r.efir_sign_due_at : null,
  submittedAt: r.submitted_at,
  status: r.status,
  ...statusLabels(r.status),
  statusChangedAt: r.status_changed_at,
  station: { code: r.station_code, name: r.station_name, nameHi: r.station_name_hi },
  fir: r.fir_id ? { id: r.fir_id, firNumber: r.fir_number } : null,
});

/**
 * Shapes the investigation module's rows for the police viewers of a case (the only viewers:
 * nothing here reaches a public page except the arrest board, which has its own shape in
 * arrests.service.ts). Column names become camelCase; the place columns every row carries for
 * the scope filter are dropped.
 */
import { NO_PERIOD_KINDS } from '../clocks/repository.js';
import { LOCATION_LABELS, movesFrom, type ItemLocation } from './custody.js';
import type { CaseRow } from './repository.js';
import type { CaseBundle } from './service.js';
import { CASE_WORKFLOW, isCaseStage, SUBSTATE_LABELS, type CaseSubstate } from './workflow.js';

const DROP = new Set(['state_code', 'district_id', 'subdivision_id', 'station_id', 'storage_key']);

const camelKey = (k: string) => k.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** snake_case row → camelCase object, without the place columns. */
export function camel<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!DROP.has(k)) out[camelKey(k)] = v;
  return out;
}

export function stageInfo(stage: string, substate: string | null) {
  const def = isCaseStage(stage) ? CASE_WORKFLOW[stage] : null;
  return {
    stage,
    stageLabel: def?.label.en ?? stage,
    stageLabelHi: def?.label.hi ?? stage,
    substate,
    substateLabel: substate ? (SUBSTATE_LABELS[substate as CaseSubstate]?.en ?? substate) : null,
    substateLabelHi: substate ? (SUBSTATE_LABELS[substate as CaseSubstate]?.hi ?? substate) : null,
  };
}

/** The head of a case: the FIR it is, where, its sections, stage and IO. */
export function caseHead(c: CaseRow) {
  return {
    id: c.id,
    firNumber: c.fir_number,
    year: c.year,
    stationId: c.station_id,
    stationCode: c.station_code,
    stationName: c.station_name,
    stationNameHi: c.station_name_hi,
    registeredAt: c.registered_at,
    occurrenceFrom: c.occurrence_from,
    place: c.place,
    sensitive: c.sensitive,
    sections: c.sections,
    ...stageInfo(c.stage, c.substate),
    stageChangedAt: c.stage_changed_at,
    io: c.io_id ? { id: c.io_id, name: c.io_name, nameHi: c.io_name_hi, rank: c.io_rank, assignedAt: c.io_assigned_at } : null,
    version: c.case_version ?? 0,
  };
}

type ListRow = {
  id: string;
  fir_number: string;
  year: number;
  station_id: string;
  station_code: string;
  station_name: string;
  station_name_hi: string;
  registered_at: Date;
  place: string;
  stage: string;
  stage_changed_at: Date;
  sensitive: boolean;
  substate: string | null;
  io_id: string | null;
  io_name: string | null;
  io_name_hi: string | null;
  sections: unknown;
  next_due_at: Date | null;
  next_due_kind: string | null;
};

export function caseListItem(r: ListRow) {
  return {
    id: r.id,
    firNumber: r.fir_number,
    year: r.year,
    stationId: r.station_id,
    stationCode: r.station_code,
    stationName: r.station_name,
    stationNameHi: r.station_name_hi,
    registeredAt: r.registered_at,
    place: r.place,
    sensitive: r.sensitive,
    sections: r.sections,
    ...stageInfo(r.stage, r.substate),
    stageChangedAt: r.stage_changed_at,
    io: r.io_id ? { id: r.io_id, name: r.io_name, nameHi: r.io_name_hi } : null,
    // noPeriod: a requirement the law sets no period for (BNSS 176(3)); `at` is only since when.
    nextDue: r.next_due_at
      ? { at: r.next_due_at, kind: r.next_due_kind, noPeriod: (NO_PERIOD_KINDS as readonly (string | null)[]).includes(r.next_due_kind) }
      : null,
  };
}

/** The whole case page. */
export function caseView(b: CaseBundle) {
  const c = b.c;
  const complainant = (c.complainant ?? {}) as Record<string, unknown>;
  const eventsByArrest = new Map<string, unknown[]>();
  for (const e of b.events) eventsByArrest.set(e.arrest_id, [...(eventsByArrest.get(e.arrest_id) ?? []), camel(e)]);
  const movesByItem = new Map<string, unknown[]>();
  for (const m of b.moves) movesByItem.set(m.item_id, [...(movesByItem.get(m.item_id) ?? []), camel(m)]);
  const reportsByRequest = new Map<string, unknown[]>();
  for (const r of b.reports) reportsByRequest.set(r.request_id, [...(reportsByRequest.get(r.request_id) ?? []), camel(r)]);
  return {
    ...caseHead(c),
    complainant: { name: complainant.name ?? null, phone: complainant.phone ?? null, email: complainant.email ?? null },
    narrative: c.narrative,
    allowedActions: b.actions,
    ioOptions: b.ioOptions.map((u) => ({ id: u.id, name: u.name, nameHi: u.name_hi, rank: u.rank })),
    isDesignatedIo: b.isDesignatedIo,
    transitions: b.transitions.map(camel),
    assignments: b.assignments.map(camel),
    supervisionNotes: b.notes.map(camel),
    diary: b.diary.map(camel),
    crimeDetails: b.crime ? camel(b.crime) : null,
    persons: b.persons.map(camel),
    statements: b.statements.map(camel),
    arrests: b.arrests.map((a) => ({ ...camel(a), events: eventsByArrest.get(a.id) ?? [] })),
    appearanceNotices: b.notices.map(camel),
    progressNotices: b.progress.map(camel),
    documents: b.documents.map(camel),
    seizures: b.seizures.map((s) => ({
      ...camel(s),
      items: b.items
        .filter((i) => i.seizure_id === s.id)
        .map((i) => ({
          ...camel(i),
          locationLabel: LOCATION_LABELS[i.location as ItemLocation],
          possibleMoves: movesFrom(i.location as ItemLocation),
          moves: movesByItem.get(i.id) ?? [],
        })),
    })),
    forensicRequests: b.forensic.map((f) => ({ ...camel(f), reports: reportsByRequest.get(f.id) ?? [] })),
    clocks: b.clocks,
  };
}

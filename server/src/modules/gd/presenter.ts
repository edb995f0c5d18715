import type { GdEntryRow } from './repository.js';

/** A GD entry as police users see it. GD is never public. */
export const gdEntryView = (r: GdEntryRow) => ({
  id: r.id,
  stationId: r.station_id,
  date: r.day,
  entryNo: r.entry_no,
  /** As cited on an FIR: "GD 12 dated 2026-01-15". */
  gdRef: `${r.entry_no}/${r.day}`,
  recordedAt: r.recorded_at,
  kind: r.kind,
  text: r.text,
  officerId: r.officer_id,
  officerName: r.officer_name,
  officerRank: r.officer_rank,
  refType: r.ref_type,
  refId: r.ref_id,
  correctsId: r.corrects_id,
  details: r.details,
});
export type GdEntryView = ReturnType<typeof gdEntryView>;

/** The shapes of the GD routes (server: modules/gd/presenter.ts). */

/** Every kind of entry the server writes (server: modules/gd/service.ts GD_KINDS). */
export const GD_KINDS = [
  'information',
  'fir_registered',
  'ncr',
  'complaint',
  'transfer_out',
  'transfer_in',
  'arrest',
  'release',
  'departure',
  'arrival',
  'manual',
  'correction',
] as const;

/** The kinds an officer writes by hand (server: MANUAL_GD_KINDS). */
export const MANUAL_GD_KINDS = ['manual', 'departure', 'arrival', 'information'] as const;
export type ManualGdKind = (typeof MANUAL_GD_KINDS)[number];

export interface GdEntry {
  id: string;
  stationId: string;
  date: string;
  entryNo: number;
  gdRef: string;
  recordedAt: string;
  kind: string;
  text: string;
  officerName: string;
  officerRank: string | null;
  refType: string | null;
  refId: string | null;
  correctsId: string | null;
  details: Record<string, unknown>;
}

export interface GdDay {
  stationId: string;
  stationCode: string;
  date: string;
  items: GdEntry[];
}

/** Today's date in India (YYYY-MM-DD), whatever the browser's zone. */
export function istToday(now = Date.now()): string {
  return new Date(now + 5.5 * 3600_000).toISOString().slice(0, 10);
}

/** The GD kind's label key; an unknown kind (a newer server) falls back to "other". */
export const gdKindKey = (kind: string) => `gd.kind.${(GD_KINDS as readonly string[]).includes(kind) ? kind : 'other'}`;

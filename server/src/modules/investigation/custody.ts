/**
 * The chain of custody of a seized item, as one table: where an item can be, and the moves
 * from each place. Shared by the server (which enforces it) and the web app (which offers only
 * the moves possible from where the item is). No server-only imports here.
 *
 *   seized ──deposit──▶ malkhana ──▶ fsl ──▶ malkhana
 *                          │  ▲
 *                          ▼  │
 *                         court ──▶ released (court order)
 *   malkhana ──▶ released (court order) | destroyed (order)
 */
export const ITEM_LOCATIONS = ['seized', 'malkhana', 'fsl', 'court', 'released', 'destroyed'] as const;
export type ItemLocation = (typeof ITEM_LOCATIONS)[number];

export const CUSTODY_MOVES = {
  malkhana_deposit: { from: ['seized'], to: 'malkhana', needsOrder: false, label: { en: 'Deposit in malkhana', hi: 'मालखाने में जमा' } },
  sent_to_fsl: { from: ['malkhana'], to: 'fsl', needsOrder: false, label: { en: 'Send to forensic lab', hi: 'विधि विज्ञान प्रयोगशाला भेजें' } },
  returned_from_fsl: {
    from: ['fsl'],
    to: 'malkhana',
    needsOrder: false,
    label: { en: 'Returned from forensic lab', hi: 'प्रयोगशाला से वापस' },
  },
  sent_to_court: { from: ['malkhana'], to: 'court', needsOrder: false, label: { en: 'Produce in court', hi: 'न्यायालय में प्रस्तुत' } },
  returned_from_court: { from: ['court'], to: 'malkhana', needsOrder: false, label: { en: 'Returned from court', hi: 'न्यायालय से वापस' } },
  released_to_owner: {
    from: ['malkhana', 'court'],
    to: 'released',
    needsOrder: true,
    label: { en: 'Release to owner (court order)', hi: 'स्वामी को सुपुर्दगी (न्यायालय आदेश)' },
  },
  destroyed: { from: ['malkhana'], to: 'destroyed', needsOrder: true, label: { en: 'Destroy (order)', hi: 'नष्ट (आदेश)' } },
} as const satisfies Record<
  string,
  { from: readonly ItemLocation[]; to: ItemLocation; needsOrder: boolean; label: { en: string; hi: string } }
>;
export type CustodyMoveKind = keyof typeof CUSTODY_MOVES;
export const CUSTODY_MOVE_KINDS = Object.keys(CUSTODY_MOVES) as CustodyMoveKind[];

export const LOCATION_LABELS = {
  seized: { en: 'With the seizing officer', hi: 'जब्ती अधिकारी के पास' },
  malkhana: { en: 'Malkhana', hi: 'मालखाना' },
  fsl: { en: 'Forensic lab', hi: 'विधि विज्ञान प्रयोगशाला' },
  court: { en: 'Court', hi: 'न्यायालय' },
  released: { en: 'Released to owner', hi: 'स्वामी को सुपुर्द' },
  destroyed: { en: 'Destroyed', hi: 'नष्ट' },
} as const satisfies Record<ItemLocation, { en: string; hi: string }>;

/** The moves possible for an item that is at `at`. */
export function movesFrom(at: ItemLocation): CustodyMoveKind[] {
  return CUSTODY_MOVE_KINDS.filter((k) => (CUSTODY_MOVES[k].from as readonly ItemLocation[]).includes(at));
}

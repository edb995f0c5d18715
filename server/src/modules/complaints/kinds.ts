/**
 * The kinds of complaint a citizen can file online, with the sections a duty officer is
 * likely to start from (a suggestion for the registration form, never applied by itself).
 *
 * Which kinds may be filed as an e-FIR is the state's choice (EFIR_KINDS); by default theft of
 * a vehicle or a mobile phone and other property theft, as most states allow.
 */
export const COMPLAINT_KINDS = [
  'vehicle_theft',
  'mobile_theft',
  'property_theft',
  'house_break_in',
  'robbery_snatching',
  'cheating_fraud',
  'cyber_fraud',
  'hurt_assault',
  'threat_intimidation',
  'harassment_of_women',
  'missing_person',
  'other',
] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

interface KindInfo {
  en: string;
  hi: string;
  suggestedSections: { act: string; section: string }[];
}

export const KIND_INFO = {
  vehicle_theft: { en: 'Theft of a vehicle', hi: 'वाहन चोरी', suggestedSections: [{ act: 'BNS', section: '303(2)' }] },
  mobile_theft: { en: 'Theft of a mobile phone', hi: 'मोबाइल फ़ोन चोरी', suggestedSections: [{ act: 'BNS', section: '303(2)' }] },
  property_theft: { en: 'Theft of other property', hi: 'अन्य संपत्ति की चोरी', suggestedSections: [{ act: 'BNS', section: '303(2)' }] },
  house_break_in: {
    en: 'House break-in / burglary',
    hi: 'घर में सेंधमारी / चोरी',
    suggestedSections: [
      { act: 'BNS', section: '331(3)' },
      { act: 'BNS', section: '305' },
    ],
  },
  robbery_snatching: { en: 'Robbery or snatching', hi: 'लूट या झपटमारी', suggestedSections: [{ act: 'BNS', section: '309(4)' }] },
  cheating_fraud: { en: 'Cheating or fraud', hi: 'धोखाधड़ी', suggestedSections: [{ act: 'BNS', section: '318(4)' }] },
  cyber_fraud: {
    en: 'Online / cyber fraud',
    hi: 'ऑनलाइन / साइबर धोखाधड़ी',
    suggestedSections: [
      { act: 'BNS', section: '318(4)' },
      { act: 'ITA', section: '66D' },
    ],
  },
  hurt_assault: { en: 'Hurt or assault', hi: 'चोट या मारपीट', suggestedSections: [{ act: 'BNS', section: '115(2)' }] },
  threat_intimidation: { en: 'Threat or intimidation', hi: 'धमकी', suggestedSections: [{ act: 'BNS', section: '351(2)' }] },
  harassment_of_women: { en: 'Harassment of a woman', hi: 'महिला का उत्पीड़न', suggestedSections: [{ act: 'BNS', section: '79' }] },
  missing_person: { en: 'Missing person', hi: 'गुमशुदा व्यक्ति', suggestedSections: [] },
  other: { en: 'Other', hi: 'अन्य', suggestedSections: [] },
} as const satisfies Record<ComplaintKind, KindInfo>;

export const isComplaintKind = (k: string): k is ComplaintKind => (COMPLAINT_KINDS as readonly string[]).includes(k);

/** The kinds of `configured` (EFIR_KINDS) that exist; unknown names are ignored. */
export function efirKinds(configured: readonly string[]): ComplaintKind[] {
  return configured.filter(isComplaintKind);
}

/** What the complaint form shows: every kind, its labels, and whether it is filed as an e-FIR here. */
export function kindList(configured: readonly string[]) {
  const online = new Set(efirKinds(configured));
  return COMPLAINT_KINDS.map((k) => ({
    kind: k,
    labelEn: KIND_INFO[k].en,
    labelHi: KIND_INFO[k].hi,
    efir: online.has(k),
    suggestedSections: KIND_INFO[k].suggestedSections,
  }));
}

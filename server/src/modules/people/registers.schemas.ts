import { z } from 'zod';

/** Request shapes of history sheets and the person registers, with OpenAPI examples. */
/** PostgreSQL text cannot hold NUL: refused as bad input (400), never a 500. */
const noNul = (s: string) => !s.includes('\u0000');
const str = (min: number, max: number) => z.string().trim().min(min).max(max).refine(noNul, 'contains a NUL character');
const text = (max: number) => str(1, max);
const date = z.iso.date();
const sex = z.enum(['male', 'female', 'transgender', 'unknown']);
const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export const OFFENDER_CLASSES = ['A', 'B', 'rowdy', 'other'] as const;

export const openSheetBody = z
  .object({
    personId: z.uuid(),
    offenderClass: z
      .enum(OFFENDER_CLASSES)
      .describe('A: confirmed habitual offender; B: suspected, not yet confirmed; rowdy: rowdy/goonda sheet'),
    reason: str(10, 5000).describe('Why the sheet is opened: convictions, cases, the rule of the state police regulations'),
    modusOperandi: text(5000).optional(),
    stationId: z.uuid().optional().describe('The keeping station; an SP names one in the district, an SHO keeps it at their own'),
  })
  .meta({
    examples: [
      {
        personId: '01950000-0000-7000-8000-000000000000',
        offenderClass: 'A',
        reason: 'Three house-breaking cases in two years at PS Kotwali and PS Civil Lines; convicted once (BNS 331(4)).',
        modusOperandi: 'Breaks locks of closed houses at night with an iron rod; sells gold to a receiver in Sarafa Bazaar.',
      },
    ],
  });
export type OpenSheetInput = z.output<typeof openSheetBody>;

export const sheetEntryBody = z
  .object({
    kind: z.enum(['surveillance', 'associate', 'modus_operandi', 'note']),
    text: str(1, 10_000),
    associatePersonId: z.uuid().optional().describe('For an associate: their record in the person index, when known'),
  })
  .meta({ examples: [{ kind: 'surveillance', text: 'Checked at home at 23:10 by beat constable; present.' }] });
export type SheetEntryInput = z.output<typeof sheetEntryBody>;

export const closeSheetBody = z
  .object({ version: z.number().int().positive(), reason: str(10, 5000) })
  .meta({ examples: [{ version: 1, reason: 'No offence for seven years; reformed, in regular employment (verified).' }] });

export const listSheetsQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  stationId: z.uuid().optional(),
  ...page,
});

export const wantedBody = z
  .object({
    personId: z.uuid(),
    kind: z.enum(['wanted', 'proclaimed_person', 'proclaimed_offender']),
    firId: z.uuid().optional(),
    court: text(300).optional(),
    orderRef: text(100).optional(),
    orderDate: date.optional(),
    appearBy: date.optional().describe('BNSS 84(1): not less than 30 days from the publication of the proclamation'),
    rewardAmount: z.number().min(0).max(100_000_000).optional(),
    description: text(5000).optional(),
    stationId: z.uuid().optional().describe('The entering station; defaults to the caller’s own'),
  })
  .meta({
    examples: [
      {
        personId: '01950000-0000-7000-8000-000000000000',
        kind: 'proclaimed_offender',
        court: 'Chief Judicial Magistrate, Vindhyanagar',
        orderRef: 'Misc. 45/2025',
        orderDate: '2025-10-01',
        appearBy: '2025-11-05',
        description: 'Absconding in a dacoity case; declared a proclaimed offender under BNSS 84(4).',
      },
    ],
  });
export type WantedInput = z.output<typeof wantedBody>;

export const wantedStatusBody = z
  .object({ version: z.number().int().positive(), status: z.enum(['arrested', 'surrendered', 'withdrawn', 'active']), reason: text(2000) })
  .meta({ examples: [{ version: 1, status: 'arrested', reason: 'Arrested at Rampura bus stand; GD 14 of 12/01/2026.' }] });

export const listWantedQuery = z.object({
  kind: z.enum(['wanted', 'proclaimed_person', 'proclaimed_offender']).optional(),
  status: z.enum(['active', 'arrested', 'surrendered', 'withdrawn']).optional(),
  ...page,
});

const marks = z.array(str(2, 300)).max(20).default([]);

export const missingBody = z
  .object({
    personId: z.uuid().optional().describe('The missing person’s record in the index, when there is one'),
    name: str(1, 200),
    sex,
    ageYears: z.number().int().min(0).max(130).optional(),
    heightCm: z.number().int().min(30).max(272).optional(),
    build: text(40).optional(),
    complexion: text(40).optional(),
    marks,
    clothing: text(1000).optional(),
    missingSince: date,
    lastSeenPlace: text(500).optional(),
    reporterName: text(200),
    reporterRelation: text(60).optional(),
    reporterPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9]{10,13}$/)
      .optional(),
    stationId: z.uuid().optional().describe('The reporting station; defaults to the caller’s own'),
  })
  .meta({
    examples: [
      {
        name: 'Sunil Kumar Yadav',
        sex: 'male',
        ageYears: 42,
        heightCm: 168,
        build: 'thin',
        marks: ['mole on left cheek', 'tattoo "Om" on right forearm'],
        clothing: 'white kurta, brown trousers',
        missingSince: '2026-01-05',
        lastSeenPlace: 'Vindhyanagar railway station',
        reporterName: 'Kamla Devi',
        reporterRelation: 'wife',
        reporterPhone: '9826054321',
      },
    ],
  });
export type MissingInput = z.output<typeof missingBody>;

export const unidentifiedBody = z
  .object({
    kind: z.enum(['person', 'dead_body']),
    foundOn: date,
    place: str(3, 500),
    sex,
    ageFrom: z.number().int().min(0).max(130).optional(),
    ageTo: z.number().int().min(0).max(130).optional(),
    heightCm: z.number().int().min(30).max(272).optional(),
    build: text(40).optional(),
    complexion: text(40).optional(),
    marks,
    clothing: text(1000).optional(),
    description: text(5000).optional(),
    inquestRef: text(100).optional().describe('For a dead body: the inquest report (BNSS 194)'),
    stationId: z.uuid().optional().describe('The station where found; defaults to the caller’s own'),
  })
  .refine((u) => u.ageFrom === undefined || u.ageTo === undefined || u.ageTo >= u.ageFrom, {
    message: 'ageTo must not be below ageFrom',
    path: ['ageTo'],
  })
  .meta({
    examples: [
      {
        kind: 'dead_body',
        foundOn: '2026-01-09',
        place: 'Near the culvert on the Sonpur–Kesla road, km 12',
        sex: 'male',
        ageFrom: 38,
        ageTo: 48,
        heightCm: 167,
        marks: ['mole left cheek', 'tattoo Om on right forearm'],
        clothing: 'white kurta',
        inquestRef: 'Inquest 3/2026',
      },
    ],
  });
export type UnidentifiedInput = z.output<typeof unidentifiedBody>;

export const statusBody = z
  .object({ version: z.number().int().positive(), status: z.enum(['traced', 'closed']), reason: text(2000) })
  .meta({ examples: [{ version: 1, status: 'traced', reason: 'Returned home on 10/01/2026; statement recorded.' }] });

export const matchDecisionBody = z
  .object({ status: z.enum(['confirmed', 'rejected']), reason: text(2000).optional() })
  .meta({ examples: [{ status: 'confirmed', reason: 'Identified by the wife from the photographs and the tattoo.' }] });

export const listRegisterQuery = z.object({
  status: z.string().trim().max(20).optional(),
  kind: z.enum(['person', 'dead_body']).optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only those of the caller’s jurisdiction'),
  ...page,
});

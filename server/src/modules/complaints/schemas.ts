import { z } from 'zod';
import { accused, sectionRef, victim } from '../firs/schemas.js';
import { COMPLAINT_KINDS } from './kinds.js';
import { COMPLAINT_STATUSES } from './workflow.js';

/**
 * Request shapes of the complaint routes, with OpenAPI examples that work against the demo data
 * as seeded (station codes, not ids; times in the past of any clock after 2026-01-12).
 */
const datetime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const mobile = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\+91|0)?[6-9][0-9]{9}$/, 'a 10-digit Indian mobile number'))
  .transform((s) => s.slice(-10));

export const COMPLAINT_EXAMPLE = {
  kind: 'mobile_theft',
  stationCode: 'PS01',
  occurrence: {
    from: '2026-01-10T18:30:00+05:30',
    to: '2026-01-10T19:15:00+05:30',
    place: 'Sarafa Bazaar, near Hanuman Mandir, Vindhyanagar',
    districtCode: 'D1',
  },
  description:
    'My mobile phone was taken from my bag while I was shopping in Sarafa Bazaar between 6:30 and 7:15 in the evening. I noticed it was missing when I reached the bus stand.',
  complainant: {
    relativeName: 'Prakash Joshi',
    relation: 'father',
    yearOfBirth: 1992,
    sex: 'female',
    occupation: 'Teacher',
    address: '22, Shanti Nagar, Vindhyanagar',
  },
  suspects: [],
  properties: [{ type: 'mobile_phone', description: 'Redmi Note 12, blue, IMEI 861234567890123', value: 14000 }],
};

/**
 * Who is missing, for a complaint of kind missing_person: enough for the station to look for
 * them and for the missing-persons register to match them against unidentified persons and
 * bodies. Age in years or the date of birth decides whether the person is a child (under 18 when
 * last seen), whose complaint must be registered as an FIR (Bachpan Bachao Andolan v. Union of
 * India, 2013).
 */
export const missingPersonDetails = z
  .object({
    name: text(200).describe('The missing person’s name'),
    sex: z.enum(['male', 'female', 'transgender', 'unknown']),
    ageYears: z.number().int().min(0).max(130).optional().describe('Age in years when last seen; or give dateOfBirth'),
    dateOfBirth: z.iso.date().optional().describe('YYYY-MM-DD; or give ageYears'),
    heightCm: z.number().int().min(30).max(272).optional(),
    clothing: text(1000).describe('What they wore when last seen'),
    marks: z.array(z.string().trim().min(2).max(300)).max(20).default([]).describe('Identifying marks: moles, scars, tattoos'),
    lastSeenAt: datetime.describe('When they were last seen (ISO 8601 with offset)'),
    lastSeenPlace: z.string().trim().min(3).max(500).describe('Where they were last seen'),
    relation: text(60).optional().describe('The complainant’s relation to them: son, daughter, wife, brother …'),
  })
  .refine((m) => m.ageYears !== undefined || m.dateOfBirth !== undefined, {
    message: 'give the age in years or the date of birth',
    path: ['ageYears'],
  });
export type MissingPersonDetails = z.output<typeof missingPersonDetails>;

export const MISSING_CHILD_EXAMPLE = {
  kind: 'missing_person',
  stationCode: 'PS01',
  occurrence: { from: '2026-01-10T16:00:00+05:30', place: 'Government Middle School, Shanti Nagar, Vindhyanagar', districtCode: 'D1' },
  description:
    'My son Rohit did not come home from school on 10 January. His teacher says he left the school gate at 4 in the evening. We have searched everywhere.',
  complainant: { relativeName: 'Ramesh Verma', relation: 'father', sex: 'female', address: '22, Shanti Nagar, Vindhyanagar' },
  missingPerson: {
    name: 'Rohit Verma',
    sex: 'male',
    ageYears: 11,
    heightCm: 140,
    clothing: 'White school shirt, navy blue trousers, black shoes, red school bag',
    marks: ['scar above the left eyebrow'],
    lastSeenAt: '2026-01-10T16:00:00+05:30',
    lastSeenPlace: 'Gate of Government Middle School, Shanti Nagar',
    relation: 'son',
  },
};

export const complaintBody = z
  .object({
    kind: z.enum(COMPLAINT_KINDS),
    stationId: z.uuid().optional().describe('The police station, by id; or give stationCode'),
    stationCode: z.string().trim().min(2).max(12).optional().describe('The police station, by its code (PS01)'),
    occurrence: z.object({
      from: datetime.describe('When it began (ISO 8601 with offset)'),
      to: datetime.optional(),
      place: z.string().trim().min(3).max(500),
      districtCode: z.string().trim().min(1).max(12).optional(),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
    }),
    description: z.string().trim().min(10).max(10_000).describe('In Hindi or English, up to 10,000 characters'),
    complainant: z
      .object({
        name: z.string().trim().min(2).max(120).optional().describe('Defaults to the name on the account'),
        relativeName: text(120).optional(),
        relation: z.enum(['father', 'husband', 'mother', 'wife', 'guardian']).optional(),
        yearOfBirth: z.number().int().min(1900).max(2100).optional(),
        sex: z.enum(['male', 'female', 'transgender', 'other']).optional(),
        occupation: text(120).optional(),
        address: z.string().trim().min(5).max(500),
        isVictim: z.boolean().default(true),
      })
      .describe('The complainant; the mobile number and e-mail come from the account'),
    suspects: z
      .array(
        z
          .object({ name: text(120).optional(), description: text(2000).optional(), address: text(500).optional() })
          .refine((s) => s.name || s.description, { message: 'give a name or a description', path: ['name'] }),
      )
      .max(20)
      .default([]),
    properties: z
      .array(
        z.object({
          type: text(60).describe('mobile_phone, vehicle, cash, jewellery, document, other'),
          description: text(500),
          value: z.number().min(0).max(100_000_000_000),
        }),
      )
      .max(50)
      .default([]),
    missingPerson: missingPersonDetails.optional().describe('Required for kind missing_person, and only for it'),
  })
  .refine((b) => b.stationId || b.stationCode, { message: 'choose the police station (stationId or stationCode)', path: ['stationCode'] })
  .refine((b) => b.kind !== 'missing_person' || b.missingPerson, {
    message: 'describe the missing person (name, sex, age, clothing, when and where last seen)',
    path: ['missingPerson'],
  })
  .refine((b) => b.kind === 'missing_person' || !b.missingPerson, {
    message: 'only for a complaint of a missing person',
    path: ['missingPerson'],
  })
  .meta({ examples: [COMPLAINT_EXAMPLE, MISSING_CHILD_EXAMPLE] });
export type ComplaintInput = z.output<typeof complaintBody>;

const version = z.number().int().positive().describe('The version read; a stale one answers 412');

export const REGISTER_EXAMPLE = {
  sections: [{ act: 'BNS', section: '303(2)' }],
  informantSigned: true,
  occurrence: { beatCode: 'B1', distanceKm: 1.2, direction: 'NE' },
  actionTaken: 'The case was registered from the e-complaint and taken up for investigation.',
};

export const registerFromComplaintBody = z
  .object({
    version: version.optional(),
    sections: z.array(sectionRef).min(1).max(30),
    informationType: z.enum(['written', 'oral', 'electronic']).default('electronic'),
    informantSigned: z.boolean().default(false).describe('e-FIR: the informant signed it at the station now (BNSS 173(1)(ii))'),
    occurrence: z
      .object({
        beatCode: z.string().trim().min(1).max(12).optional(),
        distanceKm: z.number().min(0).max(10_000).optional(),
        direction: z.enum(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']).optional(),
      })
      .default({}),
    narrative: z.string().trim().min(10).max(20_000).optional().describe('Defaults to the complaint’s description'),
    victims: z.array(victim).max(50).optional(),
    accused: z.array(accused).max(100).optional().describe('Defaults to the suspects the complainant named'),
    delayReason: text(2000).optional(),
    actionTaken: text(2000).optional(),
    zeroFir: z.boolean().default(false),
    jurisdictionStationCode: z.string().trim().min(2).max(12).optional(),
  })
  .meta({ examples: [REGISTER_EXAMPLE] });
export type RegisterFromComplaintInput = z.output<typeof registerFromComplaintBody>;

export const ncrBody = z
  .object({
    version: version.optional(),
    sections: z.array(sectionRef).min(1).max(10).describe('Non-cognizable sections only'),
    substance: z
      .string()
      .trim()
      .min(10)
      .max(10_000)
      .optional()
      .describe('The substance entered in the register; defaults to the complaint’s description'),
    referredTo: text(200).default('the Judicial Magistrate First Class having jurisdiction'),
  })
  .meta({ examples: [{ sections: [{ act: 'BNS', section: '115(2)' }], referredTo: 'JMFC, Vindhyanagar' }] });
export type NcrInput = z.output<typeof ncrBody>;

export const enquiryBody = z
  .object({
    version: version.optional(),
    sections: z
      .array(sectionRef)
      .min(1)
      .max(10)
      .describe('The offence(s) the information discloses: punishable with 3 years or more but under 7'),
    reason: z.string().trim().min(10).max(2000),
  })
  .meta({
    examples: [
      {
        sections: [{ act: 'BNS', section: '318(2)' }],
        reason:
          'The dispute appears to be a civil matter over a loan; an enquiry is needed to see whether a prima facie case of cheating exists.',
      },
    ],
  });
export type EnquiryInput = z.output<typeof enquiryBody>;

export const enquiryDecisionBody = z
  .object({
    version: version.optional(),
    approve: z.boolean(),
    remarks: z.string().trim().min(3).max(2000),
  })
  .meta({ examples: [{ approve: true, remarks: 'Permitted under BNSS 173(3); complete within 14 days.' }] });
export type EnquiryDecisionInput = z.output<typeof enquiryDecisionBody>;

export const transferBody = z
  .object({
    version: version.optional(),
    toStationId: z.uuid().optional(),
    toStationCode: z.string().trim().min(2).max(12).optional(),
    reason: z.string().trim().min(5).max(2000),
  })
  .refine((b) => b.toStationId || b.toStationCode, { message: 'name the station (toStationId or toStationCode)', path: ['toStationCode'] })
  .meta({ examples: [{ toStationCode: 'PS02', reason: 'The place of occurrence lies within the jurisdiction of PS Civil Lines.' }] });
export type TransferComplaintInput = z.output<typeof transferBody>;

export const closeBody = z
  .object({
    version: version.optional(),
    reason: z.string().trim().min(10).max(2000).describe('Shown to the citizen'),
  })
  .meta({
    examples: [
      { reason: 'The matter is a civil dispute over property boundaries; no offence is disclosed. You may approach the civil court.' },
    ],
  });
export type CloseInput = z.output<typeof closeBody>;

export const signBody = z.object({ version: version.optional() }).meta({ examples: [{}] });

export const inboxQuery = z.object({
  stationId: z.uuid().optional(),
  status: z.enum(['open', 'all', ...COMPLAINT_STATUSES]).default('open'),
  efir: z.enum(['true', 'false']).optional().describe('Only e-FIRs'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ncrQuery = z.object({
  stationId: z.uuid().optional(),
  from: z.iso.date().describe('First day (IST)'),
  to: z.iso.date().describe('Last day (IST), at most 31 days after from'),
});

export const idParam = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
export { mobile as mobileNumber };

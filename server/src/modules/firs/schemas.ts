import { z } from 'zod';

/**
 * Request shapes of the FIR routes (zod 4), with OpenAPI examples that work against the demo
 * data as seeded: no ids that differ per seed. The registering station defaults to the
 * caller's, and a beat may be named by its code.
 */
const datetime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const sectionRef = z.object({
  act: text(40).describe('BNS, IPC, NDPS, ARMS, POCSO, ITA, MVA, DPA, ...'),
  section: text(30).describe('As written in the Act: 303(2), 64(1), 20(b)(ii)(A)'),
});

export const complainant = z
  .object({
    name: z.string().trim().min(2).max(120),
    relativeName: text(120).optional().describe('Father’s or husband’s name'),
    relation: z.enum(['father', 'husband', 'mother', 'wife', 'guardian']).optional(),
    dateOfBirth: z.iso.date().optional(),
    yearOfBirth: z.number().int().min(1900).max(2100).optional(),
    sex: z.enum(['male', 'female', 'transgender', 'other']).optional(),
    nationality: text(60).default('Indian'),
    idDocument: z
      .object({
        type: z.enum(['aadhaar', 'voter_id', 'passport', 'driving_licence', 'pan', 'ration_card', 'other']),
        number: z.string().trim().min(3).max(40),
      })
      .optional(),
    occupation: text(120).optional(),
    address: text(500).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9]{10,13}$/, 'a 10-digit mobile number, optionally with +91')
      .optional(),
    email: z.email().optional(),
    isVictim: z.boolean().default(false).describe('The complainant is also the victim'),
  })
  .describe('IIF-1 item 6: the complainant / informant');

export const victim = z.object({
  name: z.string().trim().min(2).max(120),
  age: z.number().int().min(0).max(120).optional(),
  sex: z.enum(['male', 'female', 'transgender', 'other']).optional(),
  address: text(500).optional(),
});

export const accused = z
  .object({
    known: z.boolean(),
    name: text(120).optional(),
    relativeName: text(120).optional(),
    age: z.number().int().min(0).max(120).optional(),
    sex: z.enum(['male', 'female', 'transgender', 'other']).optional(),
    address: text(500).optional(),
    description: text(2000).optional().describe('For an unknown accused: build, clothes, marks, vehicle'),
  })
  .refine((a) => !a.known || !!a.name, { message: 'a known accused needs a name', path: ['name'] })
  .refine((a) => a.known || !!a.description, { message: 'an unknown accused needs a description', path: ['description'] });

export const property = z.object({
  description: text(500),
  category: text(60).optional().describe('mobile phone, vehicle, cash, jewellery, document, ...'),
  nature: z.enum(['stolen', 'involved', 'recovered']).default('stolen'),
  value: z.number().min(0).max(100_000_000_000).describe('In rupees'),
});

export const occurrence = z.object({
  from: datetime.describe('Start of the occurrence (ISO 8601 with offset)'),
  to: datetime.optional(),
  place: z.string().trim().min(3).max(500),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  distanceKm: z.number().min(0).max(10_000).optional().describe('Distance from the police station'),
  direction: z.enum(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']).optional().describe('Direction from the police station'),
  beatId: z.uuid().optional(),
  beatCode: z.string().trim().min(1).max(12).optional().describe('The beat by its code within the station (B1, B2 ...)'),
});

export const FIR_EXAMPLE = {
  informationType: 'written',
  sections: [{ act: 'BNS', section: '303(2)' }],
  occurrence: {
    from: '2025-11-20T21:30:00+05:30',
    to: '2025-11-21T06:00:00+05:30',
    place: 'Outside house no. 14, Sarafa Bazaar, near Hanuman Mandir',
    distanceKm: 1.5,
    direction: 'NE',
    beatCode: 'B1',
  },
  complainant: {
    name: 'Ravi Kumar Sharma',
    relativeName: 'Shyam Lal Sharma',
    relation: 'father',
    yearOfBirth: 1986,
    sex: 'male',
    nationality: 'Indian',
    occupation: 'Shopkeeper',
    address: '14, Sarafa Bazaar, Vindhyanagar',
    phone: '9826012345',
    isVictim: true,
  },
  accused: [{ known: false, description: 'Unknown person(s)' }],
  delayReason: 'The complainant searched for the motorcycle in the neighbourhood before reporting.',
  propertyItems: [{ description: 'Hero Splendor motorcycle, black, MP04 AB 1234', category: 'vehicle', nature: 'stolen', value: 45000 }],
  narrative:
    'The complainant states that he parked his motorcycle outside his house at about 21:30 on 20 November 2025 and found it missing at 06:00 the next morning. He suspects that unknown persons stole it during the night.',
  actionTaken: 'The case was registered and taken up for investigation.',
};

export const registerFirBody = z
  .object({
    stationId: z.uuid().optional().describe('Defaults to the caller’s own station'),
    gdEntryId: z
      .uuid()
      .optional()
      .describe('An earlier GD entry of the same station recording the information; by default registration writes one'),
    informationReceivedAt: datetime.optional().describe('When the information reached the station; defaults to now'),
    informationType: z.enum(['written', 'oral', 'electronic']),
    sections: z.array(sectionRef).min(1).max(30),
    occurrence,
    complainant,
    victims: z.array(victim).max(50).default([]),
    accused: z.array(accused).max(100).default([]),
    delayReason: text(2000).optional(),
    propertyItems: z
      .array(property)
      .max(200)
      .default([])
      .describe('IIF-1 item 9: properties stolen or involved (named propertyItems: OpenAPI tooling mangles a field called "properties")'),
    inquestReportNo: text(60).optional(),
    narrative: z.string().trim().min(10).max(20_000),
    actionTaken: text(2000).default('The case was registered and taken up for investigation.'),
    zeroFir: z.boolean().default(false).describe('The offence lies outside this station’s jurisdiction (BNSS 173(1))'),
    jurisdictionStationId: z.uuid().optional().describe('For a zero FIR: the station where the offence occurred'),
    jurisdictionStationCode: z.string().trim().min(2).max(12).optional(),
  })
  .meta({ examples: [FIR_EXAMPLE] });
export type RegisterFirInput = z.output<typeof registerFirBody>;

export const addendumBody = z
  .object({
    reason: z.string().trim().min(3).max(1000),
    text: z.string().trim().min(3).max(10_000),
    corrections: z
      .array(z.object({ field: text(100), from: z.string().max(2000).optional(), to: z.string().max(2000) }))
      .max(50)
      .default([]),
  })
  .meta({
    examples: [
      {
        reason: 'Registration number of the motorcycle was mistyped',
        text: 'The registration number of the stolen motorcycle is MP04 AB 1243, not MP04 AB 1234.',
        corrections: [{ field: 'propertyItems[0].description', from: 'MP04 AB 1234', to: 'MP04 AB 1243' }],
      },
    ],
  });
export type AddendumInput = z.output<typeof addendumBody>;

export const transferBody = z
  .object({
    toStationId: z.uuid().optional().describe('Defaults to the zero FIR’s jurisdictional station'),
    toStationCode: z.string().trim().min(2).max(12).optional(),
    reason: z.string().trim().min(3).max(2000),
    version: z.number().int().positive().optional().describe('The status version read; a stale one answers 412'),
  })
  .meta({ examples: [{ reason: 'The place of occurrence lies within the jurisdiction of PS Kotwali.' }] });
export type TransferInput = z.output<typeof transferBody>;

export const acknowledgeBody = z
  .object({
    version: z.number().int().positive().optional(),
    remarks: z.string().trim().max(2000).optional(),
  })
  .meta({ examples: [{ remarks: 'Received the zero FIR with the original documents; re-registered.' }] });
export type AcknowledgeInput = z.output<typeof acknowledgeBody>;

export const markSensitiveBody = z
  .object({
    reason: z.string().trim().min(3).max(1000),
    version: z.number().int().positive().optional(),
  })
  .meta({ examples: [{ reason: 'The victim is a minor; identity must be protected.' }] });

export const listQuery = z.object({
  stationId: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  from: datetime.optional(),
  to: datetime.optional(),
  stage: z.string().max(40).optional(),
  act: z.string().max(40).optional(),
  section: z.string().max(30).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('FIR number (0001/2026), complainant name or place'),
  transfer: z.enum(['pending_in', 'pending_out']).optional(),
  sensitive: z.enum(['true', 'false']).optional().describe('Only sensitive FIRs (true) or only the others (false)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The FIR form's section picker: a number ("303(2)", "420 IPC", "धारा ३०३") or words ("chori", "चोरी"). */
export const sectionSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  date: z.iso
    .date()
    .optional()
    .describe('The offence date (IST, YYYY-MM-DD): only sections chargeable then; BNS on/after 2024-07-01, IPC before'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const idParam = z.object({ id: z.uuid() });
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .max(200)
    .optional()
    .describe('Required: a new random value (e.g. a UUID) per new FIR; a repeat with the same key returns the same FIR. Missing: 428.'),
});
export const copyQuery = z.object({ lang: z.enum(['en', 'hi']).default('en') });
export const codeParam = z.object({ code: z.string().trim().min(6).max(40) });

import { z } from 'zod';
import { CUSTODY_MOVE_KINDS, ITEM_LOCATIONS } from './custody.js';
import { DOCUMENT_KINDS } from './documents.js';
import { CASE_ACTIONS, CASE_STAGES } from './workflow.js';

/**
 * Request shapes of the case routes (zod 4). Examples work against the demo data as seeded
 * (seed/investigation.ts): persons are named by their code in the case (A1, W1 …) rather than
 * by ids that differ per seed, officers by username, and times default to now, so an example
 * sent to the demo case under investigation at PS01 (io.ps1) succeeds.
 */
const datetime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const personCode = z
  .string()
  .trim()
  .regex(/^[AWVSC][0-9]{1,3}$/i, 'a code of the case such as A1, W2, V1')
  .describe('The person’s code in the case: A1… accused, W1… witness, V1… victim, S1… suspect, C1 complainant');

export const idParam = z.object({ id: z.uuid() });
export const arrestParam = z.object({ id: z.uuid(), arrestId: z.uuid() });
export const itemParam = z.object({ id: z.uuid(), itemId: z.uuid() });
export const requestParam = z.object({ id: z.uuid(), requestId: z.uuid() });
export const documentParam = z.object({ id: z.uuid(), documentId: z.uuid() });
export const stationCodeParam = z.object({ code: z.string().trim().min(2).max(12) });

export const listQuery = z.object({
  stage: z.enum(CASE_STAGES).optional(),
  ioId: z.uuid().optional(),
  mine: z.coerce.boolean().optional().describe('Only the cases whose designated IO is the caller'),
  stationId: z.uuid().optional(),
  due: z.enum(['7d', 'overdue']).optional().describe('Only cases with a statutory clock due within 7 days / overdue'),
  q: z.string().trim().min(1).max(100).optional().describe('FIR number (0001/2026) or place'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const assignIoBody = z
  .object({
    ioId: z.uuid().optional().describe('The IO to designate (an IO posted at the case’s station)'),
    ioUsername: z.string().trim().min(2).max(100).optional().describe('Or the IO by username'),
    reason: z.string().trim().min(3).max(2000).optional().describe('Required for a reassignment'),
    version: z.number().int().min(0).optional().describe('The case version read; a stale one answers 412'),
  })
  .refine((b) => !!b.ioId || !!b.ioUsername, { message: 'ioId or ioUsername is required', path: ['ioId'] })
  .meta({
    examples: [
      { ioUsername: 'io.ps1' },
      { ioUsername: 'io2.ps1', reason: 'SI Sunita Verma is on leave for a month; the case needs daily attention.' },
    ],
  });

export const transitionBody = z
  .object({
    action: z.enum(CASE_ACTIONS).describe('A move of the workflow table (workflow.ts); assign_io/reassign_io go through assign-io'),
    reason: z.string().trim().min(3).max(2000).optional(),
    version: z.number().int().min(0).optional(),
  })
  .meta({
    examples: [
      { action: 'submit_final_report' },
      { action: 'return_final_report', reason: 'Record the statement of the shopkeeper who sold the stolen phone.' },
    ],
  });

export const supervisionNoteBody = z
  .object({
    text: text(20_000),
    directions: z.array(text(1000)).max(50).optional(),
    complyBy: z.iso.date().optional(),
  })
  .meta({
    examples: [
      {
        text: 'Case diary perused. Investigation is on the right lines but the recovery is pending.',
        directions: [
          'Trace the receiver of the stolen motorcycle through the seized phone’s call records.',
          'Send the finger prints lifted from the scene to the FSL.',
        ],
      },
    ],
  });

export const diaryBody = z
  .object({
    startedAt: datetime.optional().describe('BNSS 192(1): when the day’s investigation began; defaults to now'),
    closedAt: datetime.optional().describe('When it closed; defaults to now'),
    placesVisited: z.array(text(500)).max(50).default([]),
    circumstances: z.string().trim().min(3).max(50_000),
    correctsId: z.uuid().optional().describe('An earlier entry this one corrects (the earlier stays as it was)'),
  })
  .meta({
    examples: [
      {
        placesVisited: ['Sarafa Bazaar, outside house no. 14', 'Used-vehicle market, Chowk'],
        circumstances:
          'Visited the scene with the complainant. Two shopkeepers of the Bazaar were examined; one saw two youths push the motorcycle towards Chowk at about 01:00. Enquired at the used-vehicle market.',
      },
    ],
  });

const property = z.object({
  description: text(500),
  category: text(60).optional(),
  nature: z.enum(['stolen', 'involved', 'recovered']).optional(),
  value: z.number().min(0).max(100_000_000_000).optional(),
  regNo: text(20).optional().describe('Vehicle registration number'),
  engineNo: text(40).optional(),
  chassisNo: text(40).optional(),
  imei: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9 -]{14,20}$/, '15 digits'),
    )
    .max(4)
    .optional(),
});

export const crimeDetailsBody = z
  .object({
    version: z.number().int().min(0).optional().describe('The version edited; required once the form exists (412 if stale)'),
    majorHeadCode: text(20).nullable().optional().describe('NCRB crime head (master data)'),
    minorHeadCode: text(20).nullable().optional(),
    moCodes: z.array(text(40)).max(20).optional().describe('Modus operandi codes from the master list'),
    moText: text(5000).nullable().optional(),
    placeType: text(60).nullable().optional().describe('residence, shop, road, highway, bank, place_of_worship, ...'),
    sceneLat: z.number().min(-90).max(90).nullable().optional(),
    sceneLng: z.number().min(-180).max(180).nullable().optional(),
    sceneDescription: text(20_000).nullable().optional(),
    sceneDocumentIds: z.array(z.uuid()).max(50).optional().describe('Sketch and photographs: documents of this case'),
    propertyItems: z
      .array(property)
      .max(200)
      .optional()
      .describe('Property stolen or involved (vehicle and phone numbers feed the cross-case alert)'),
    weapons: z
      .array(z.object({ description: text(500), kind: text(60).optional() }))
      .max(50)
      .optional(),
    vehicles: z
      .array(z.object({ description: text(500), regNo: text(20).optional(), role: text(60).optional() }))
      .max(50)
      .optional(),
    motive: text(2000).nullable().optional(),
  })
  .meta({
    examples: [
      {
        version: 1,
        majorHeadCode: '26',
        minorHeadCode: '26.1',
        moCodes: ['MO-THF-02'],
        moText: 'Handle lock broken; vehicle pushed away at night.',
        placeType: 'road',
        sceneLat: 23.2612,
        sceneLng: 77.4139,
        sceneDescription: 'Narrow lane outside house no. 14; no CCTV; street light not working.',
        propertyItems: [
          {
            description: 'Hero Splendor motorcycle, black',
            category: 'vehicle',
            nature: 'stolen',
            value: 45000,
            regNo: 'MP04 AB 1234',
            chassisNo: 'MBLHA10AMDHB12345',
          },
        ],
        motive: 'Gain',
      },
    ],
  });

export const newPerson = z.object({
  name: z.string().trim().min(2).max(200),
  nameHi: text(200).optional(),
  fatherName: text(200).optional(),
  motherName: text(200).optional(),
  spouseName: text(200).optional(),
  sex: z.enum(['male', 'female', 'transgender', 'unknown']).optional(),
  birthDate: z.iso.date().optional(),
  ageYears: z.number().int().min(0).max(130).optional(),
  address: text(1000).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9]{10,13}$/, 'a 10-digit mobile number, optionally with +91')
    .optional(),
  occupation: text(200).optional(),
  nationality: text(60).optional(),
});

export const personBody = z
  .object({
    role: z.enum(['complainant', 'victim', 'accused', 'suspect', 'witness']),
    personId: z
      .uuid()
      .optional()
      .describe(
        'A person already in the person index, as POST /people/match ranks them; a record merged into another is refused (422) in favour of the surviving record',
      ),
    person: newPerson
      .optional()
      .describe('Or a new person to add to the index; the same details as a person already in the case in this role are refused (409)'),
    juvenile: z.boolean().optional().describe('Under 18 on the date of the offence; computed from the age when not given'),
    description: text(2000).optional(),
    remarks: text(2000).optional(),
  })
  .refine((b) => !!b.personId !== !!b.person, { message: 'give exactly one of personId and person', path: ['personId'] })
  .meta({
    examples: [
      {
        role: 'witness',
        person: {
          name: 'Suresh Chouksey',
          fatherName: 'Gopal Chouksey',
          sex: 'male',
          ageYears: 38,
          address: 'Shop 5, Sarafa Bazaar, Vindhyanagar',
          occupation: 'Shopkeeper',
          phone: '9826098261',
        },
      },
    ],
  });

export const statementBody = z
  .object({
    casePersonId: z.uuid().optional(),
    personCode: personCode.optional(),
    recordedAt: datetime.optional().describe('When the person was examined; defaults to now'),
    place: text(500),
    language: z.enum(['hi', 'en', 'other']),
    text: z.string().trim().min(3).max(100_000),
    mediaDocumentId: z.uuid().optional().describe('Audio-video recording of the statement (a document of this case)'),
    recordedByWomanOfficer: z.boolean().optional().describe('BNSS 180(3): required for a woman victim of the listed offences'),
    recordingOfficerName: text(200).optional(),
    correctsId: z.uuid().optional(),
  })
  .refine((b) => !!b.casePersonId || !!b.personCode, { message: 'casePersonId or personCode is required', path: ['personCode'] })
  .meta({
    examples: [
      {
        personCode: 'W1',
        place: 'Shop 3, Sarafa Bazaar',
        language: 'hi',
        text: 'मैं सराफा बाज़ार में दुकान चलाता हूं। दिनांक 20 नवंबर की रात लगभग 1 बजे मैंने दो लड़कों को एक काली मोटरसाइकिल धकेलते हुए चौक की ओर जाते देखा।',
      },
    ],
  });

export const arrestBody = z
  .object({
    casePersonId: z.uuid().optional(),
    personCode: personCode.optional(),
    kind: z.enum(['arrest', 'court_surrender']).default('arrest'),
    arrestedAt: datetime.optional().describe('Defaults to now'),
    place: text(500),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    arrestedByName: text(200).optional().describe('Defaults to the IO'),
    grounds: z.string().trim().min(5).max(5000).describe('BNSS 47: the grounds of arrest told to the person'),
    groundsGivenAt: datetime.optional().describe('When the grounds were told; defaults to the time of arrest'),
    bailRightInformed: z.boolean().optional().describe('BNSS 47(2): for a bailable offence, told of the right to bail'),
    informed: z
      .object({ name: text(200), relation: text(100).optional(), mode: text(60), at: datetime.optional() })
      .optional()
      .describe('BNSS 48: the relative or friend informed, how and when (defaults to now)'),
    medical: z
      .object({ examinedAt: datetime.optional(), examiner: text(200), remarks: text(2000).optional() })
      .optional()
      .describe('BNSS 53'),
    courtName: text(300).optional(),
    sections: z
      .array(z.object({ act: text(40), section: text(30) }))
      .max(30)
      .optional()
      .describe('Defaults to the FIR’s sections'),
    outcome: z.enum(['sent_up', 'bailed', 'judicial_custody', 'police_custody']),
    necessityReason: text(5000)
      .optional()
      .describe('BNSS 35(1)(b); Arnesh Kumar: required where the offence is punishable with up to 7 years'),
    witness: z
      .object({ name: text(200), address: text(1000).optional() })
      .optional()
      .describe('BNSS 36: attesting witness'),
    countersigned: z.boolean().optional().describe('BNSS 36: countersigned by the arrested person'),
    production: z
      .object({
        at: datetime,
        courtName: text(300),
        journeyMinutes: z.number().int().min(0).max(2880).optional(),
        remand: z.enum(['police', 'judicial']).optional(),
        orderRef: text(200).optional(),
        remandUntil: z.iso.date().optional(),
      })
      .optional(),
    bailedAt: datetime.optional().describe('When released on police bail (outcome bailed)'),
  })
  .refine((b) => !!b.casePersonId || !!b.personCode, { message: 'casePersonId or personCode is required', path: ['personCode'] })
  .meta({
    examples: [
      {
        personCode: 'A2',
        kind: 'arrest',
        place: 'Used-vehicle market, Chowk, Vindhyanagar',
        grounds: 'Named by the co-accused A1 as the receiver of the stolen motorcycle; the motorcycle was found at his shop.',
        informed: { name: 'Kamla Bai', relation: 'mother', mode: 'phone' },
        outcome: 'sent_up',
        necessityReason:
          'To recover the remaining stolen vehicles and to prevent him from tampering with the evidence (BNSS 35(1)(b)(ii)).',
        witness: { name: 'Hari Om Sahu', address: 'Chowk, Vindhyanagar' },
        countersigned: true,
      },
    ],
  });

export const arrestEventBody = z
  .object({
    kind: z.enum(['produced', 'remanded_police', 'remanded_judicial', 'bailed', 'released']),
    at: datetime.optional().describe('Defaults to now'),
    courtName: text(300).optional(),
    orderRef: text(200).optional(),
    remandUntil: z.iso.date().optional(),
    journeyMinutes: z
      .number()
      .int()
      .min(0)
      .max(2880)
      .optional()
      .describe('BNSS 58: time of the journey to the court, excluded from the 24 hours'),
    remarks: text(2000).optional(),
  })
  .meta({ examples: [{ kind: 'produced', courtName: 'Court of the Chief Judicial Magistrate, Vindhyanagar', journeyMinutes: 40 }] });

export const appearanceNoticeBody = z
  .object({
    casePersonId: z.uuid().optional(),
    personCode: personCode.optional(),
    issuedAt: datetime.optional().describe('Defaults to now'),
    appearAt: datetime,
    appearPlace: text(500),
    servedHow: text(200),
    conditions: text(5000).optional(),
  })
  .refine((b) => !!b.casePersonId || !!b.personCode, { message: 'casePersonId or personCode is required', path: ['personCode'] })
  .meta({
    examples: [
      {
        personCode: 'A2',
        appearAt: '2030-01-10T11:00:00+05:30',
        appearPlace: 'Police Station Kotwali, Vindhyanagar',
        servedHow: 'In person, acknowledged by signature',
        conditions: 'Not to commit a similar offence; to appear whenever required; not to tamper with evidence.',
      },
    ],
  });

export const progressNoticeBody = z
  .object({
    recipient: z.enum(['informant', 'victim']),
    victimCode: personCode.optional().describe('For a victim: the victim’s code in the case (V1 …)'),
    text: text(1000).optional().describe('The message in English; a standard one names the stage'),
    textHi: text(1000).optional(),
    deliveredBy: z.enum(['in_person', 'post']).optional().describe('Record a notice given in person or by post instead of SMS/e-mail'),
  })
  .meta({ examples: [{ recipient: 'informant' }] });

const seizedItem = z.object({
  description: text(1000),
  category: z.enum(['vehicle', 'mobile_phone', 'electronic', 'cash', 'jewellery', 'document', 'weapon', 'narcotics', 'liquor', 'other']),
  quantity: z.number().positive().max(1_000_000_000),
  unit: text(20).optional(),
  identifyingMarks: text(2000).optional(),
  value: z.number().min(0).max(100_000_000_000).optional(),
  vehicleRegNo: text(20).optional(),
  engineNo: text(40).optional(),
  chassisNo: text(40).optional(),
  imei: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9 -]{14,20}$/, '15 digits'),
    )
    .max(4)
    .optional(),
  ownerName: text(200).optional(),
});

export const seizureBody = z
  .object({
    seizedAt: datetime.optional().describe('Defaults to now'),
    place: text(500),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    searchKind: z.enum(['search', 'recovery', 'production', 'other']),
    fromPersonCode: personCode.optional().describe('The person from whom it was seized'),
    witnesses: z
      .array(z.object({ name: text(200), address: text(1000).optional() }))
      .min(1)
      .max(10)
      .describe('Independent witnesses (panchas)'),
    recording: z
      .object({
        documentId: z.uuid().optional().describe('An audio/video document of this case'),
        ref: text(500).optional().describe('Or a reference to the recording kept elsewhere (e.g. e-Sakshya)'),
        sha256: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/)
          .optional(),
      })
      .optional()
      .describe('BNSS 105: the audio-video recording of the search and seizure'),
    recordingAbsentReason: text(2000).optional(),
    items: z.array(seizedItem).min(1).max(200),
    remarks: text(5000).optional(),
  })
  .meta({
    examples: [
      {
        place: 'Shop of A1, used-vehicle market, Chowk',
        searchKind: 'recovery',
        fromPersonCode: 'A1',
        witnesses: [
          { name: 'Hari Om Sahu', address: 'Chowk, Vindhyanagar' },
          { name: 'Salim Khan', address: 'Itwara, Vindhyanagar' },
        ],
        recording: { ref: 'e-Sakshya SR-2026-000417', sha256: '9f2d1c0b7a6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4' },
        items: [
          {
            description: 'Samsung Galaxy M14 mobile phone, blue',
            category: 'mobile_phone',
            quantity: 1,
            identifyingMarks: 'Crack on the lower left of the screen',
            value: 9000,
            imei: ['356938035643809'],
          },
        ],
      },
    ],
  });

export const custodyMoveBody = z
  .object({
    kind: z.enum(CUSTODY_MOVE_KINDS as [string, ...string[]]),
    from: z.enum(ITEM_LOCATIONS).describe('Where the item is now (checked against where it actually is)'),
    at: datetime.optional().describe('Defaults to now'),
    place: text(500).describe('Where it goes: the malkhana, the lab, the court'),
    reason: text(2000),
    handedTo: text(200).optional(),
    orderRef: text(200).optional().describe('The court order, for release to the owner or destruction'),
  })
  .meta({
    examples: [
      {
        kind: 'malkhana_deposit',
        from: 'seized',
        place: 'Malkhana, PS Kotwali',
        reason: 'Deposited for safe custody after seizure',
        handedTo: 'HC Ramesh Yadav, malkhana moharrir',
      },
    ],
  });

export const documentBody = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: text(300),
    fileName: text(255),
    contentBase64: z.string().min(4).describe('The file, base64; at most 10 MB decoded; the type is read from its bytes'),
  })
  .meta({
    examples: [
      {
        kind: 'sketch',
        title: 'Rough sketch of the scene',
        fileName: 'sketch.png',
        contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      },
    ],
  });

export const forensicRequestBody = z
  .object({
    lab: text(300),
    what: text(5000),
    itemIds: z.array(z.uuid()).max(100).optional(),
    itemNos: z.array(z.number().int().positive()).max(100).optional().describe('Or the items by their number in the case'),
    questions: text(5000).optional(),
    sentAt: datetime.optional().describe('Defaults to now'),
  })
  .meta({
    examples: [
      {
        lab: 'State Forensic Science Laboratory, Sagar',
        what: 'Mobile phone (item 1) for extraction of call records and chats',
        itemNos: [1],
        questions: 'Extract the call records of 15–25 November 2025.',
      },
    ],
  });

export const forensicReportBody = z
  .object({
    receivedAt: datetime.optional().describe('Defaults to now'),
    reportRef: text(200).optional(),
    documentId: z.uuid().optional(),
    summary: text(20_000),
  })
  .meta({
    examples: [
      {
        reportRef: 'SFSL/CY/2026/1187',
        summary: 'Call records extracted; 14 calls between the phone and the number of A2 on 20–21 November.',
      },
    ],
  });

export const clocksQuery = z.object({
  due: z.enum(['7d', 'overdue']).optional().describe('Due within the next 7 days, or overdue; default every running clock'),
  mine: z.coerce.boolean().optional().describe('Only the caller’s own cases (designated IO)'),
  stationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type DiaryBody = z.output<typeof diaryBody>;
export type CrimeDetailsBody = z.output<typeof crimeDetailsBody>;

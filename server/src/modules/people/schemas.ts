import { z } from 'zod';
import { ID_DOC_TYPES } from './identity.js';

/**
 * Request shapes of the people routes (zod 4), with OpenAPI examples that work against the
 * demo data (no ids that differ per seed, except where a route needs one in its path).
 */
/** PostgreSQL text cannot hold NUL: refused as bad input (400), never a 500. */
const noNul = (s: string) => !s.includes('\u0000');
const str = (min: number, max: number) => z.string().trim().min(min).max(max).refine(noNul, 'contains a NUL character');
const text = (max: number) => str(1, max);
const date = z.iso.date();

export const SEXES = ['male', 'female', 'transgender', 'unknown'] as const;
export const sex = z.enum(SEXES);
/** The sexes as the FIR and investigation modules write them ('other' there is 'unknown' here). */
export const sexInput = z.enum(['male', 'female', 'transgender', 'unknown', 'other']).transform((s) => (s === 'other' ? 'unknown' : s));

export const addressInput = z.object({
  kind: z.enum(['present', 'permanent', 'other']).default('present'),
  address: str(3, 500),
  districtId: z.uuid().optional(),
  stationId: z.uuid().optional(),
  fromDate: date.optional(),
});
export type AddressInput = z.output<typeof addressInput>;

export const identityInput = z.object({
  type: z.enum(ID_DOC_TYPES),
  number: str(3, 40).describe(
    'As printed; an Aadhaar number is checked (Verhoeff) and never stored, only its last 4 digits and a keyed hash',
  ),
});
export type IdentityInput = z.output<typeof identityInput>;

export const markInput = z.object({
  kind: z.enum(['mole', 'scar', 'tattoo', 'birthmark', 'deformity', 'other']),
  bodyPart: text(100).optional(),
  description: text(500),
});
export type MarkInput = z.output<typeof markInput>;

const phone = str(6, 20).regex(/^[+0-9 ()-]+$/, 'digits, spaces, +, -, ( ) only');

export const PERSON_EXAMPLE = {
  name: 'Rajesh Kumar Srivastava',
  nameHi: 'राजेश कुमार श्रीवास्तव',
  aliases: ['Pappu'],
  fatherName: 'Ramesh Chandra Srivastava',
  sex: 'male',
  age: { years: 34, onDate: '2026-01-10' },
  addresses: [{ kind: 'present', address: '12, Gandhi Nagar, Vindhyanagar' }],
  phones: ['9826011111'],
  identityDocuments: [{ type: 'voter_id', number: 'XAV1234567' }],
  marks: [{ kind: 'scar', bodyPart: 'left cheek', description: 'cut mark, about 3 cm' }],
  heightCm: 170,
  build: 'medium',
  occupation: 'Driver',
};

export const personInput = z
  .object({
    name: str(2, 200).describe('In any script, as recorded'),
    nameHi: str(2, 200).optional().describe('The name in Devanagari, when recorded in both'),
    aliases: z.array(str(2, 200)).max(20).default([]),
    nicknames: z.array(str(2, 200)).max(20).default([]),
    fatherName: text(200).optional(),
    motherName: text(200).optional(),
    spouseName: text(200).optional(),
    sex: sexInput.optional(),
    birthDate: date.optional(),
    age: z
      .object({ years: z.number().int().min(0).max(130), onDate: date.optional().describe('Defaults to today (IST)') })
      .optional()
      .describe('When the date of birth is unknown: "age X on date D"'),
    addresses: z.array(addressInput).max(20).default([]),
    phones: z.array(phone).max(10).default([]),
    identityDocuments: z.array(identityInput).max(10).default([]),
    marks: z.array(markInput).max(30).default([]),
    heightCm: z.number().int().min(30).max(272).optional(),
    build: z.enum(['thin', 'medium', 'athletic', 'heavy', 'obese']).optional(),
    complexion: z.enum(['fair', 'wheatish', 'medium', 'dark']).optional(),
    nationality: text(60).optional(),
    occupation: text(120).optional(),
    notes: text(5000).optional(),
  })
  .meta({ examples: [PERSON_EXAMPLE] });
export type PersonInput = z.input<typeof personInput>;
export type PersonInputParsed = z.output<typeof personInput>;

export const updatePersonBody = z
  .object({
    version: z.number().int().positive(),
    name: str(2, 200).optional(),
    nameHi: str(2, 200).nullable().optional(),
    fatherName: text(200).nullable().optional(),
    motherName: text(200).nullable().optional(),
    spouseName: text(200).nullable().optional(),
    sex: sexInput.optional(),
    birthDate: date.nullable().optional(),
    age: z
      .object({ years: z.number().int().min(0).max(130), onDate: date.optional() })
      .nullable()
      .optional(),
    heightCm: z.number().int().min(30).max(272).nullable().optional(),
    build: z.enum(['thin', 'medium', 'athletic', 'heavy', 'obese']).nullable().optional(),
    complexion: z.enum(['fair', 'wheatish', 'medium', 'dark']).nullable().optional(),
    occupation: text(120).nullable().optional(),
    notes: text(5000).nullable().optional(),
  })
  .meta({ examples: [{ version: 1, heightCm: 172, occupation: 'Auto-rickshaw driver' }] });
export type UpdatePersonInput = z.output<typeof updatePersonBody>;

export const matchBody = z
  .object({
    name: str(2, 200),
    fatherName: text(200).optional(),
    sex: sexInput.optional(),
    birthDate: date.optional(),
    birthYear: z.number().int().min(1850).max(2200).optional(),
    age: z.object({ years: z.number().int().min(0).max(130), onDate: date.optional() }).optional(),
    districtId: z.uuid().optional(),
    address: text(500).optional(),
    phones: z.array(phone).max(10).default([]),
    identityDocuments: z.array(identityInput).max(10).default([]),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .meta({
    examples: [
      { name: 'राजेश श्रीवास्तव', fatherName: 'Ramesh Srivastava', sex: 'male', age: { years: 35 }, address: 'Gandhi Nagar, Vindhyanagar' },
    ],
  });
export type MatchInput = z.input<typeof matchBody>;
export type MatchInputParsed = z.output<typeof matchBody>;

/** Longest query accepted; longer input is cut, not refused (a pasted paragraph still searches). */
export const MAX_QUERY_CHARS = 1000;

export const searchQuery = z.object({
  q: z.string().max(5000).default('').describe('A name in Hindi or English; 2 characters or more'),
  district: z.uuid().optional(),
  station: z.uuid().optional(),
  ageFrom: z.coerce.number().int().min(0).max(130).optional(),
  ageTo: z.coerce.number().int().min(0).max(130).optional(),
  sex: sex.optional(),
  role: z.enum(['accused', 'any']).default('any').describe('accused: only persons accused in at least one case'),
  fatherName: str(0, 200).optional().describe('Raises persons whose father’s name agrees'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const idParam = z.object({ id: z.uuid() });
export const photoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

export const addNameBody = z
  .object({ name: str(2, 200), kind: z.enum(['alias', 'nickname']).default('alias') })
  .meta({ examples: [{ name: 'Pappu Bhaiya', kind: 'nickname' }] });

export const addAddressBody = addressInput.meta({
  examples: [{ kind: 'present', address: '45, Station Road, Rampura', fromDate: '2025-06-01' }],
});
export const addPhoneBody = z
  .object({ phone, kind: z.enum(['mobile', 'landline', 'other']).default('mobile') })
  .meta({ examples: [{ phone: '9826099999' }] });
export const addIdentityBody = identityInput.meta({ examples: [{ type: 'aadhaar', number: '2345 6789 0124' }] });
export const addMarkBody = markInput.meta({
  examples: [{ kind: 'tattoo', bodyPart: 'right forearm', description: '"Maa" in Devanagari' }],
});

export const addPhotoBody = z
  .object({
    contentBase64: z.string().min(8).max(7_100_000).describe('The image file, base64; JPEG, PNG or WebP up to 5 MB, checked by its bytes'),
    caption: text(200).optional(),
    takenOn: date.optional(),
  })
  .meta({
    examples: [
      {
        contentBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        caption: 'Front view, taken at arrest',
        takenOn: '2026-01-10',
      },
    ],
  });

export const mergeBody = z
  .object({
    otherId: z.uuid().describe('The duplicate record, merged into the one in the path'),
    reason: str(10, 2000),
  })
  .meta({
    examples: [
      {
        otherId: '01950000-0000-7000-8000-000000000000',
        reason: 'Same father, same date of birth and same address; duplicate made at PS Civil Lines in 2024.',
      },
    ],
  });

export const unmergeBody = z
  .object({ reason: str(10, 2000) })
  .meta({ examples: [{ reason: 'Merged by mistake: different fathers on verification.' }] });

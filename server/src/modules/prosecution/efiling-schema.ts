/**
 * The e-filing package (ICJS style): the JSON document a police station sends a court with an
 * approved final report. Its shape is a stable, versioned contract with the court's system
 * (docs/efiling-schema.md describes every field); a change that a court could not read is a
 * new `schema` version, never an edit of this one.
 *
 * Shared by the server (it builds and validates every package with it) and by the court side
 * (a court's system, or a test stub, parses what it receives with it).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const EFILING_SCHEMA = 'cctns.efiling.final-report/1';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
const isoTime = z.iso.datetime({ offset: true });
const section = z.object({ act: z.string(), section: z.string(), title: z.string().nullable() });
const custody = z.object({
  status: z.enum(['judicial_custody', 'police_custody', 'in_custody', 'bail', 'released', 'notice_35', 'not_arrested']),
  since: isoTime.nullable(),
  arrestedAt: isoTime.nullable(),
  courtName: z.string().nullable(),
});
const accused = z.object({
  code: z.string().regex(/^A[0-9]{1,3}$/),
  name: z.string(),
  nameHi: z.string().nullable(),
  fatherName: z.string().nullable(),
  sex: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  address: z.string().nullable(),
  juvenile: z.boolean(),
  custody,
});
const officer = z.object({ name: z.string(), rank: z.string().nullable() });

export const efilingPackageSchema = z.object({
  schema: z.literal(EFILING_SCHEMA),
  packageId: z.uuid(),
  createdAt: isoTime,
  source: z.object({
    system: z.literal('open-cctns'),
    stateCode: z.string().regex(/^[A-Z]{2}$/),
    district: z.object({ code: z.string(), name: z.string() }),
    station: z.object({ code: z.string(), name: z.string(), nameHi: z.string() }),
  }),
  court: z.object({ code: z.string(), name: z.string(), establishmentCode: z.string().regex(/^[A-Z0-9]{6}$/) }),
  fir: z.object({
    id: z.uuid(),
    number: z.string(),
    year: z.number().int(),
    registeredAt: isoTime,
    sections: z.array(section),
    sensitive: z.boolean(),
  }),
  finalReport: z.object({
    id: z.uuid(),
    reportNo: z.number().int().positive(),
    kind: z.enum(['charge_sheet', 'closure']),
    closureReason: z.enum(['false_case', 'mistake_of_fact', 'mistake_of_law', 'civil_nature', 'undetected']).nullable(),
    investigatingOfficer: officer,
    submittedAt: isoTime,
    approvedAt: isoTime,
    approvedBy: officer,
    briefFacts: z.object({ en: z.string(), hi: z.string() }),
    closureGrounds: z.string().nullable(),
    accusedCharged: z.array(accused.extend({ sections: z.array(section).min(1) })),
    accusedNotCharged: z.array(accused.extend({ reason: z.string() })),
    witnesses: z.array(
      z.object({
        code: z.string(),
        role: z.enum(['witness', 'complainant', 'victim']),
        /** null when the identity is withheld (BNS 72: victims of sexual offences and offences against children). */
        name: z.string().nullable(),
        address: z.string().nullable(),
        identityWithheld: z.boolean(),
        statements: z.array(z.object({ no: z.number().int(), recordedAt: isoTime, language: z.string() })),
      }),
    ),
    documents: z.array(
      z.object({
        documentId: z.uuid(),
        title: z.string(),
        kind: z.string(),
        fileName: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int().nonnegative(),
        sha256,
      }),
    ),
    materialObjects: z.array(
      z.object({
        itemId: z.uuid(),
        seizureMemoNo: z.number().int(),
        itemNo: z.number().int(),
        seizedAt: isoTime,
        description: z.string(),
        category: z.string(),
        quantity: z.number(),
        unit: z.string(),
        value: z.number(),
        identifyingMarks: z.string().nullable(),
        location: z.string(),
      }),
    ),
  }),
  attachments: z
    .array(
      z.object({
        name: z.string(),
        language: z.enum(['en', 'hi']),
        contentType: z.literal('application/pdf'),
        sizeBytes: z.number().int().positive(),
        sha256,
      }),
    )
    .length(2),
});
export type EfilingPackage = z.infer<typeof efilingPackageSchema>;

/** What goes over the wire to COURT_API_URL: the package and its PDFs, base64. */
export const efilingDeliverySchema = z.object({
  package: efilingPackageSchema,
  packageSha256: sha256,
  attachments: z
    .array(z.object({ name: z.string(), contentType: z.literal('application/pdf'), sha256, contentBase64: z.string() }))
    .length(2),
});
export type EfilingDelivery = z.infer<typeof efilingDeliverySchema>;

/** A CNR: the eCourts case number, 16 letters and digits (establishment 6 + serial 6 + year 4). */
export const cnrSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{16}$/, 'a CNR of 16 letters and digits');

/** The court's answer to a delivery: the package it took and, when it registered the case at once, the CNR. */
export const courtAnswerSchema = z.object({
  packageId: z.uuid(),
  status: z.enum(['registered', 'received']).optional(),
  cnr: cnrSchema.optional(),
  courtCaseNo: z.string().max(100).optional(),
});
export type CourtAnswer = z.infer<typeof courtAnswerSchema>;

/**
 * JSON with object keys sorted at every level and no spaces: the form the package's SHA-256
 * is taken over, so that a court can recompute it from the document it parsed.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export const packageSha256 = (p: EfilingPackage): string => createHash('sha256').update(canonicalJson(p)).digest('hex');

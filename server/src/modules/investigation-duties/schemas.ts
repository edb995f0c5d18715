import { z } from 'zod';

/**
 * Request shapes of the investigation duties (zod 4). As in the investigation module, examples
 * name persons by their code in the case (V1) and leave times out (they default to now), so an
 * example sent to a demo case at the right stage succeeds: the forensic visit to the demo
 * house-breaking case at PS01 (io.ps1; BNS 305, seven years), the medical examination to the
 * demo rape case at PS02 (io.ps2), the further investigation to a case under trial at PS01.
 */
const datetime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 in hex (64 characters)')
  .describe('SHA-256 of the recording kept elsewhere');

export const idParam = z.object({ id: z.uuid() });
export const examParam = z.object({ id: z.uuid(), examId: z.uuid() });
export const orderParam = z.object({ id: z.uuid(), orderId: z.uuid() });

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .describe('Optional: a new random value per record; a repeat with the same key answers with the record already made'),
});

export const forensicVisitBody = z
  .object({
    expertName: text(200).describe('The forensic expert who visited the scene'),
    expertDesignation: text(200).optional().describe('e.g. Scientific Officer'),
    labUnit: text(300).describe('The laboratory or unit: FSL, RFSL, district mobile forensic unit'),
    visitedAt: datetime.optional().describe('When the expert was at the scene; defaults to now'),
    collected: z.array(text(1000)).max(200).optional().describe('What was collected at the scene, one item per entry'),
    remarks: text(5000).optional(),
    videography: z
      .object({
        documentId: z.uuid().optional().describe('A video document of this case'),
        ref: text(500).optional().describe('Or a reference to the recording kept elsewhere (e.g. e-Sakshya)'),
        sha256: sha256.optional(),
      })
      .optional()
      .describe('BNSS 176(3): the videography of the forensic process'),
    videographyAbsentReason: text(2000).optional().describe('Why there is no videography, if there is none'),
  })
  .meta({
    examples: [
      {
        expertName: 'Dr. Meena Raghuvanshi',
        expertDesignation: 'Scientific Officer',
        labUnit: 'Mobile Forensic Unit, RFSL Vindhyanagar',
        collected: ['Chance finger prints lifted from the almirah (3 lifts)', 'Tool marks on the door latch (cast)'],
        videography: { ref: 'e-Sakshya SR-2026-000512', sha256: '4b3a29180f7e6d5c4b3a29180f7e6d5c49f2d1c0b7a6e5d4c3b2a1908f7e6d5c' },
      },
    ],
  });

export const medicalExamBody = z
  .object({
    victimCode: z
      .string()
      .trim()
      .regex(/^V[0-9]{1,3}$/i, 'a victim’s code in the case such as V1')
      .optional()
      .describe('The victim by code in the case (V1 …)'),
    casePersonId: z.uuid().optional().describe('Or the victim’s id in the case'),
    practitionerName: text(200).describe('The registered medical practitioner who examined the victim'),
    practitionerRegNo: text(100).optional().describe('Registration number with the medical council'),
    hospital: text(300).describe('The hospital (government, or local authority’s; BNSS 184(1))'),
    examinedAt: datetime.optional().describe('When the examination took place; defaults to now'),
  })
  .meta({
    examples: [
      {
        victimCode: 'V1',
        practitionerName: 'Dr. Kavita Sharma',
        practitionerRegNo: 'MPMC-2011-04417',
        hospital: 'District Hospital, Vindhyanagar (One Stop Centre)',
      },
    ],
  });

export const medicalReportBody = z
  .object({
    receivedAt: datetime.optional().describe('When the report reached the IO; defaults to now'),
    reportRef: text(200).optional().describe('The hospital’s reference of the report'),
    documentId: z.uuid().optional().describe('The report uploaded as a document of this case'),
  })
  .meta({ examples: [{ reportRef: 'DH/MLC/2026/0931' }] });

export const furtherInvestigationBody = z
  .object({
    orderedOn: z.iso.date().optional().describe('The date of the court’s order (IST); defaults to today'),
    courtOrderRef: text(200).describe('The court’s order permitting further investigation'),
    courtName: text(300).optional(),
    directions: text(5000).optional().describe('What the court asked to be investigated further'),
  })
  .meta({
    examples: [
      {
        courtOrderRef: 'Order dt. in S.T. 112/2026, para 4',
        courtName: 'Sessions Court, Vindhyanagar',
        directions: 'Examine the second receiver of the stolen jewellery named by PW-3 in his deposition.',
      },
    ],
  });

export const extensionBody = z
  .object({
    extendedTo: z.iso.date().describe('The date the court extended the period to (inclusive, IST)'),
    courtOrderRef: text(200).describe('The court’s order extending the period'),
    orderedOn: z.iso.date().optional().describe('The date of that order; defaults to today'),
  })
  .meta({ examples: [{ extendedTo: '2027-06-30', courtOrderRef: 'Order dt. in S.T. 112/2026 on the IO’s application for time' }] });

export const completionBody = z
  .object({
    completedAt: datetime.optional().describe('When the further investigation was completed; defaults to now'),
    supplementaryReportRef: text(200).describe('The supplementary final report filed in the court'),
    documentId: z.uuid().optional().describe('The supplementary report uploaded as a document of this case'),
  })
  .meta({ examples: [{ supplementaryReportRef: 'Supplementary charge sheet no. 1 filed in S.T. 112/2026' }] });

export type ForensicVisitBody = z.output<typeof forensicVisitBody>;
export type MedicalExamBody = z.output<typeof medicalExamBody>;

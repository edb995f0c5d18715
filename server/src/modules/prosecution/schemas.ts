import { z } from 'zod';
import { CLOSURE_REASONS, REPORT_KINDS } from './content.js';

/**
 * Request shapes of the final report and court routes (zod 4). Examples work against the demo
 * data as seeded (prosecution/seed.ts): persons by their code in the case (A1, W1, C1), dates
 * that default to today, the demo court's CNR prefix XAVN01.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const personCode = z
  .string()
  .trim()
  .regex(/^[AWVSC][0-9]{1,3}$/i, 'a code of the case such as A1, W2, V1')
  .describe('The person’s code in the case: A1… accused, W1… witness, V1… victim, C1 complainant');
const sectionRef = z.object({ act: text(20), section: text(30) });
const day = z.iso.date();

export const caseParam = z.object({ id: z.uuid() });
export const pdfQuery = z.object({ lang: z.enum(['en', 'hi']).default('en') });

export const createReportBody = z
  .object({
    courtId: z.uuid().optional().describe('The court the report goes to; defaults to the first court of the case’s district'),
  })
  .meta({ examples: [{}] });

export const saveReportBody = z
  .object({
    version: z.number().int().min(1).optional().describe('The version edited, if not sent as If-Match; a stale one answers 412'),
    kind: z.enum(REPORT_KINDS).optional(),
    closureReason: z.enum(CLOSURE_REASONS).nullable().optional(),
    closureGrounds: z.string().trim().max(20_000).nullable().optional(),
    courtId: z.uuid().optional(),
    briefFacts: z.object({ en: z.string().trim().max(50_000).optional(), hi: z.string().trim().max(50_000).optional() }).optional(),
    accusedCharged: z
      .array(z.object({ code: personCode, sections: z.array(sectionRef).max(30).optional().describe('Defaults to the FIR’s sections') }))
      .max(100)
      .optional()
      .describe('Accused sent for trial, by their code in the case'),
    accusedNotCharged: z
      .array(z.object({ code: personCode, reason: text(2000) }))
      .max(100)
      .optional(),
    witnesses: z.array(personCode).max(300).optional().describe('Witnesses to be examined (codes W…, C…, V…)'),
    documentIds: z.array(z.uuid()).max(300).optional(),
    itemIds: z.array(z.uuid()).max(500).optional(),
  })
  .meta({
    examples: [
      {
        kind: 'charge_sheet',
        accusedCharged: [{ code: 'A1', sections: [{ act: 'BNS', section: '303(2)' }] }],
        witnesses: ['C1', 'W1'],
        briefFacts: {
          en: 'Investigation established that the accused A1 stole the complainant’s motorcycle on the night of the occurrence; it was recovered at his instance.',
        },
      },
      {
        kind: 'closure',
        closureReason: 'undetected',
        closureGrounds: 'Despite enquiries no trace of the offenders could be found.',
        accusedCharged: [],
      },
    ],
  });

export const versionBody = z
  .object({ version: z.number().int().min(1).optional().describe('The report version read, if not sent as If-Match') })
  .meta({ examples: [{}] });

export const returnBody = z
  .object({
    remarks: z.string().trim().min(3).max(5000).describe('What the IO must do before submitting again'),
    version: z.number().int().min(1).optional(),
  })
  .meta({ examples: [{ remarks: 'Record the statement of the mechanic who identified the motorcycle, and attach the RTO report.' }] });

// ------------------------------------------------------------------ court side

export const refParam = z.object({ ref: z.string().trim().min(8).max(40).describe('The package id (UUID) or the CNR') });
export const packageParam = z.object({ packageId: z.uuid() });
export const packagePdfParam = z.object({ packageId: z.uuid(), lang: z.enum(['en', 'hi']) });
export const packageListQuery = z.object({
  status: z.enum(['pending', 'delivered', 'accepted']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const acceptBody = z
  .object({
    cnr: z.string().trim().min(16).max(16).optional().describe('The CNR the court gives; left out, the next CNR of the court is assigned'),
    courtCaseNo: z.string().trim().min(1).max(100).optional().describe('The court’s own register number, e.g. RCT 112/2026'),
  })
  .meta({ examples: [{ courtCaseNo: 'RCT 112/2026' }, { cnr: 'XAVN010009992026' }] });

export const hearingBody = z
  .object({
    date: day.describe('The date fixed (YYYY-MM-DD)'),
    purpose: text(500),
    chargesFramed: z.boolean().optional().describe('Charges were framed: the trial begins'),
  })
  .meta({
    examples: [
      { date: '2027-06-15', purpose: 'Framing of charges', chargesFramed: true },
      { date: '2027-07-20', purpose: 'Prosecution evidence: PW1 and PW2' },
    ],
  });

const sentence = z
  .object({
    imprisonmentMonths: z.number().int().min(0).max(1200).optional(),
    imprisonmentKind: z.enum(['rigorous', 'simple', 'life']).optional(),
    fineRupees: z.number().min(0).max(1e10).optional(),
    defaultImprisonmentMonths: z.number().int().min(0).max(120).optional().describe('Imprisonment in default of the fine'),
    probation: z.boolean().optional(),
    death: z.boolean().optional(),
    text: z.string().trim().max(2000).optional(),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined && v !== false && v !== ''), { message: 'give the sentence' });

export const disposalBody = z
  .object({
    decidedOn: day.optional().describe('The date of the judgment; defaults to today (IST)'),
    judgmentRef: z.string().trim().max(200).optional(),
    remarks: z.string().trim().max(5000).optional(),
    accused: z
      .array(
        z.object({
          code: personCode,
          result: z.enum(['convicted', 'acquitted', 'discharged', 'compounded']),
          sections: z.array(sectionRef).max(30).optional().describe('Sections convicted under; defaults to those charged'),
          sentence: sentence.optional(),
        }),
      )
      .max(100)
      .default([])
      .describe('Per accused charge-sheeted (IIF-6); empty to accept a closure report'),
  })
  .meta({
    examples: [
      {
        judgmentRef: 'Judgment in RCT 112/2026',
        accused: [
          {
            code: 'A1',
            result: 'convicted',
            sentence: { imprisonmentMonths: 18, imprisonmentKind: 'simple', fineRupees: 5000, defaultImprisonmentMonths: 2 },
          },
        ],
      },
      { accused: [], remarks: 'Closure report accepted; the informant did not file a protest petition.' },
    ],
  });

export const appealBody = z
  .object({
    appealRef: text(100).describe('The appeal’s number in the appellate court'),
    appellateCourt: text(300),
    appellant: z.enum(['state', 'accused', 'victim', 'complainant']),
    filedOn: day.optional().describe('Defaults to today (IST)'),
    decidedOn: day.optional().describe('For a decided appeal; defaults to today (IST)'),
    result: z.enum(['pending', 'allowed', 'dismissed', 'partly_allowed', 'remanded', 'withdrawn', 'abated']),
    accused: z
      .array(
        z.object({
          code: personCode,
          result: text(50).describe(
            'What the accused now stands as. convicted, acquitted, discharged, compounded or abated go on the accused’s criminal record; other words (e.g. "sentence reduced") are kept as said',
          ),
          sentence: sentence.optional(),
        }),
      )
      .max(100)
      .optional()
      .describe(
        'Per accused, as the appellate court decided. Only a result named here (convicted, acquitted, discharged, compounded, abated) changes an accused’s criminal record; a remand makes the accused named here, or every accused when none is named, pending again. An appeal allowed with no result named here changes no one’s result (it may be against the sentence only)',
      ),
    remarks: z.string().trim().max(5000).optional(),
  })
  .meta({
    examples: [
      { appealRef: 'Cr.A. 45/2027', appellateCourt: 'Sessions Court, Vindhyanagar', appellant: 'accused', result: 'pending' },
      {
        appealRef: 'Cr.A. 45/2027',
        appellateCourt: 'Sessions Court, Vindhyanagar',
        appellant: 'accused',
        result: 'dismissed',
        remarks: 'Conviction and sentence upheld.',
      },
    ],
  });

export const tokenBody = z
  .object({ label: text(200).describe('What the token is for, e.g. the court’s case information system') })
  .meta({ examples: [{ label: 'eCourts CIS, CJM Vindhyanagar' }] });

export const tokenParam = z.object({ tokenId: z.uuid() });

import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { camel } from '../investigation/presenter.js';
import { getCase, type Officer } from '../investigation/service.js';
import {
  completionBody,
  examParam,
  extensionBody,
  forensicVisitBody,
  furtherInvestigationBody,
  idempotencyHeaders,
  idParam,
  medicalExamBody,
  medicalReportBody,
  orderParam,
} from './schemas.js';
import {
  once,
  readForensicVisits,
  readFurtherInvestigations,
  readMedicalExams,
  recordCompletion,
  recordExtension,
  recordForensicVisit,
  recordFurtherInvestigation,
  recordMedicalExam,
  recordMedicalReport,
} from './service.js';

const officer = (req: FastifyRequest): Officer => ({ auth: authOf(req), actor: req.actor });
const keyOf = (req: FastifyRequest) => {
  const k = req.headers['idempotency-key'];
  return Array.isArray(k) ? k[0] : k;
};
const tags = ['cases'];

/**
 * The investigation duties with a statutory flag or clock: the forensic scene visit (BNSS
 * 176(3)), the victim's medical examination and its report (BNSS 184), and further
 * investigation during the trial (BNSS 193(9)). Writes by the designated IO only, each with an
 * optional Idempotency-Key; reads by the police of the case's jurisdiction, audited.
 */
export async function investigationDutyRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;

  /** Runs a write once per Idempotency-Key in one transaction and answers 201 with what it made. */
  const write = async <T>(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: { header: (k: string, v: string) => unknown; status: (n: number) => { send: (b: unknown) => unknown } },
    scope: string,
    run: (trx: Kysely<Database>, o: Officer) => Promise<T>,
  ) => {
    const o = officer(req);
    const r = await db.transaction().execute((trx) =>
      once(
        trx,
        deps,
        o,
        scope,
        keyOf(req),
        { params: req.params, body: req.body },
        () => run(trx, o),
        () => getCase(trx, o, req.params.id),
      ),
    );
    if (r.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send(r.body);
  };

  // ------------------------------------------------------------------ BNSS 176(3)

  app.get(
    '/cases/:id/forensic-visits',
    {
      schema: {
        tags,
        summary: 'Forensic experts’ visits to the crime scene (BNSS 176(3)), in order, and whether the case requires one (audited read)',
        params: idParam,
      },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const r = await readForensicVisits(deps, db, officer(req), req.params.id);
      return { caseId: r.c.id, required: r.required, basis: r.basis, items: r.items.map(camel) };
    },
  );

  app.post(
    '/cases/:id/forensic-visits',
    {
      schema: {
        tags,
        summary:
          'Record a forensic expert’s visit to the crime scene with its videography (BNSS 176(3)); the designated IO. Clears the case’s "forensic visit required" flag',
        params: idParam,
        body: forensicVisitBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      write(req, reply, 'case.forensic_visit', async (trx, o) => camel(await recordForensicVisit(deps, trx, o, req.params.id, req.body))),
  );

  // ------------------------------------------------------------------ BNSS 184

  app.get(
    '/cases/:id/victim-medical-exams',
    {
      schema: {
        tags,
        summary:
          'Medical examinations of the victim (BNSS 184) with their reports’ receipt, and whether the section applies (audited read)',
        params: idParam,
      },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const r = await readMedicalExams(deps, db, officer(req), req.params.id);
      return { caseId: r.c.id, applies: r.section !== null, section: r.section, items: r.items.map(camel) };
    },
  );

  app.post(
    '/cases/:id/victim-medical-exams',
    {
      schema: {
        tags,
        summary:
          'Record the medical examination of a rape victim by a registered medical practitioner (BNSS 184); starts the 7-day clock of the report (184(6))',
        params: idParam,
        body: medicalExamBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      write(req, reply, 'case.victim_medical_exam', async (trx, o) =>
        camel(await recordMedicalExam(deps, trx, o, req.params.id, req.body)),
      ),
  );

  app.post(
    '/cases/:id/victim-medical-exams/:examId/report',
    {
      schema: {
        tags,
        summary: 'The examination’s report reached the IO (BNSS 184(6)); once per examination; stops the 7-day clock',
        params: examParam,
        body: medicalReportBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      write(req, reply, 'case.victim_medical_report', async (trx, o) =>
        camel(await recordMedicalReport(deps, trx, o, req.params.id, req.params.examId, req.body)),
      ),
  );

  // ------------------------------------------------------------------ BNSS 193(9)

  app.get(
    '/cases/:id/further-investigations',
    {
      schema: {
        tags,
        summary: 'Further investigations during the trial (BNSS 193(9)), each with its extensions and completion (audited read)',
        params: idParam,
      },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const r = await readFurtherInvestigations(deps, db, officer(req), req.params.id);
      return {
        caseId: r.c.id,
        withTheCourt: r.withTheCourt,
        items: r.orders.map((x) => ({
          ...camel(x),
          events: r.events.filter((e) => e.further_investigation_id === x.id).map(camel),
        })),
      };
    },
  );

  app.post(
    '/cases/:id/further-investigations',
    {
      schema: {
        tags,
        summary:
          'Record the court’s permission for further investigation during the trial (BNSS 193(9)); starts the 90-day clock. 409 unless the final report is with the court',
        params: idParam,
        body: furtherInvestigationBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      write(req, reply, 'case.further_investigation', async (trx, o) =>
        camel(await recordFurtherInvestigation(deps, trx, o, req.params.id, req.body)),
      ),
  );

  app.post(
    '/cases/:id/further-investigations/:orderId/extensions',
    {
      schema: {
        tags,
        summary: 'The court extends the period of further investigation to a date (BNSS 193(9)); moves the clock’s due date',
        params: orderParam,
        body: extensionBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      write(req, reply, 'case.further_investigation_extension', async (trx, o) =>
        camel(await recordExtension(deps, trx, o, req.params.id, req.params.orderId, req.body)),
      ),
  );

  app.post(
    '/cases/:id/further-investigations/:orderId/completion',
    {
      schema: {
        tags,
        summary: 'Further investigation completed and the supplementary report filed (BNSS 193(9)); once; stops the 90-day clock',
        params: orderParam,
        body: completionBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      write(req, reply, 'case.further_investigation_completion', async (trx, o) =>
        camel(await recordCompletion(deps, trx, o, req.params.id, req.params.orderId, req.body)),
      ),
  );
}

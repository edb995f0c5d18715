import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { badRequest, preconditionRequired } from '../../lib/errors.js';
import { recordAudit } from '../audit/service.js';
import type { Officer } from '../investigation/service.js';
import { createEfilingRelay } from './efiling-relay.js';
import { registerProsecutionHooks } from './hooks.js';
import { appealView, disposalView, hearingView, packageView, reportView } from './presenter.js';
import * as repo from './repository.js';
import { caseParam, createReportBody, pdfQuery, returnBody, saveReportBody, versionBody } from './schemas.js';
import { approveReport, createDraft, readReport, reportPdf, reportSources, returnReport, saveDraft, submitReport } from './service.js';

registerProsecutionHooks();

const officer = (req: FastifyRequest): Officer => ({ auth: authOf(req), actor: req.actor });
const tags = ['final report'];

/**
 * The version a write is based on: the If-Match header ("3", W/"3" or 3) or `version` in the
 * body. 400 when they disagree; undefined when neither is given.
 */
export function versionFrom(req: FastifyRequest, bodyVersion?: number): number | undefined {
  const h = req.headers['if-match'];
  let fromHeader: number | undefined;
  if (typeof h === 'string' && h.trim() !== '') {
    const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(h.trim());
    if (!m)
      throw badRequest(
        'If-Match must be the report version, e.g. "3".',
        'If-Match में प्रतिवेदन का संस्करण दें, जैसे "3"।',
        { 'if-match': 'not a version' },
        'if_match_invalid',
      );
    fromHeader = Number(m[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion)
    throw badRequest(
      'If-Match and version disagree.',
      'If-Match और संस्करण मेल नहीं खाते।',
      { version: 'differs from If-Match' },
      'if_match_invalid',
    );
  return fromHeader ?? bodyVersion;
}

const etag = (reply: FastifyReply, version: number) => reply.header('etag', `"${version}"`);

/** The final report routes of a case: the IO's draft, the SHO's approval, the PDF and what the court did. */
export async function prosecutionRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);

  if (deps.config.COURT_API_URL && deps.config.NOTIFY_POLL_MS > 0) {
    const relay = createEfilingRelay(deps);
    relay.start();
    deps.onClose(() => relay.stop());
  }

  /** The report (if any), what the editor may choose from, and the case's e-filing and court record. */
  async function fullView(o: Officer, caseId: string) {
    const { c, report } = await readReport(db, o, caseId);
    const [sources, pkg, courtCase, hearings, disposal, appeals, revisions] = await Promise.all([
      reportSources(db, caseId),
      repo.findPackageOfCase(db, caseId),
      repo.findCourtCase(db, caseId),
      repo.listHearings(db, caseId),
      repo.findDisposal(db, caseId),
      repo.listAppeals(db, caseId),
      report ? repo.listRevisions(db, report.id) : Promise.resolve([]),
    ]);
    const attempts = pkg ? await repo.listAttempts(db, pkg.id) : [];
    return {
      c,
      report,
      body: {
        caseId: c.id,
        firNumber: c.fir_number,
        stage: c.stage,
        substate: c.substate,
        isDesignatedIo: !!c.io_id && c.io_id === o.auth.user.id,
        report: report ? reportView(report) : null,
        revisions: revisions.map((r) => ({ version: r.version, status: r.status, by: r.author_name, at: r.saved_at })),
        sources,
        efiling: pkg
          ? {
              ...packageView(pkg),
              attempts: attempts.map((a) => ({
                attempt: a.attempt,
                at: a.at,
                outcome: a.outcome,
                httpStatus: a.http_status,
                error: a.error,
                cnr: a.cnr,
              })),
            }
          : null,
        court: courtCase
          ? {
              code: courtCase.court_code,
              name: courtCase.court_name,
              nameHi: courtCase.court_name_hi,
              cnr: courtCase.cnr,
              courtCaseNo: courtCase.court_case_no,
              acceptedAt: courtCase.accepted_at,
              hearings: hearings.map(hearingView),
              disposal: disposal ? disposalView(disposal) : null,
              appeals: appeals.map(appealView),
            }
          : null,
      },
    };
  }

  app.get(
    '/cases/:id/final-report',
    {
      schema: {
        tags,
        summary: 'The case’s final report (IIF-5) with what it may list, its e-filing and the court’s proceedings (audited read)',
        params: caseParam,
      },
      config: { permission: 'case.read' },
    },
    async (req, reply) => {
      const o = officer(req);
      const v = await fullView(o, req.params.id);
      await recordAudit(db, deps.clock, o.actor, {
        action: 'final_report.read',
        entityType: 'case',
        entityId: v.c.id,
        stationId: v.c.station_id,
        districtId: v.c.district_id,
      });
      if (v.report) etag(reply, v.report.version);
      return v.body;
    },
  );

  app.post(
    '/cases/:id/final-report',
    {
      schema: {
        tags,
        summary: 'The designated IO prepares the draft final report, assembled from the case’s records',
        params: caseParam,
        body: createReportBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => {
      const r = await tx((trx) => createDraft(deps, trx, officer(req), req.params.id, req.body));
      return etag(reply, r.version).status(201).send(reportView(r));
    },
  );

  app.put(
    '/cases/:id/final-report',
    {
      schema: {
        tags,
        summary:
          'The designated IO saves the draft: send If-Match with the version edited (412 if someone saved meanwhile); names and facts are refreshed from the records',
        params: caseParam,
        body: saveReportBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => {
      const { version, ...edit } = req.body;
      const expected = versionFrom(req, version);
      if (expected === undefined)
        throw preconditionRequired(
          'version_required',
          'Send the version you edited (If-Match header), so that no one’s save is overwritten.',
          'आपने जो संस्करण संपादित किया वह भेजें (If-Match), ताकि किसी का सहेजा कार्य न मिटे।',
        );
      const r = await tx((trx) => saveDraft(deps, trx, officer(req), req.params.id, expected, edit));
      return etag(reply, r.version).send(reportView(r));
    },
  );

  app.post(
    '/cases/:id/final-report/submit',
    {
      schema: {
        tags,
        summary: 'The designated IO submits the final report to the SHO (workflow submit_final_report); 422 if incomplete',
        params: caseParam,
        body: versionBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => {
      const o = officer(req);
      const t = await tx((trx) => submitReport(deps, trx, o, req.params.id, versionFrom(req, req.body.version)));
      const { body, report } = await fullView(o, req.params.id);
      if (report) etag(reply, report.version);
      return { transition: t, ...body };
    },
  );

  app.post(
    '/cases/:id/final-report/approve',
    {
      schema: {
        tags,
        summary:
          'The SHO approves the final report: it is frozen, rendered (English and Hindi) and e-filed to the court through the outbox (workflow approve_final_report)',
        params: caseParam,
        body: versionBody,
      },
      config: { permission: 'case.approve_final_report' },
    },
    async (req, reply) => {
      const o = officer(req);
      const t = await tx((trx) => approveReport(deps, trx, o, req.params.id, versionFrom(req, req.body.version)));
      const { body, report } = await fullView(o, req.params.id);
      if (report) etag(reply, report.version);
      return { transition: t, ...body };
    },
  );

  app.post(
    '/cases/:id/final-report/return',
    {
      schema: {
        tags,
        summary: 'The SHO returns the final report to the IO with remarks (workflow return_final_report)',
        params: caseParam,
        body: returnBody,
      },
      config: { permission: 'case.approve_final_report' },
    },
    async (req, reply) => {
      const o = officer(req);
      const t = await tx((trx) => returnReport(deps, trx, o, req.params.id, req.body.remarks, versionFrom(req, req.body.version)));
      const { body, report } = await fullView(o, req.params.id);
      if (report) etag(reply, report.version);
      return { transition: t, ...body };
    },
  );

  app.get(
    '/cases/:id/final-report/pdf',
    {
      schema: {
        tags,
        summary:
          'The final report as a PDF (lang=en|hi): the filed bytes once approved (X-SHA256 matches the package), else a DRAFT preview',
        params: caseParam,
        querystring: pdfQuery,
      },
      config: { permission: 'case.read' },
    },
    async (req, reply) => {
      const o = officer(req);
      const f = await reportPdf(deps, db, o, req.params.id, req.query.lang);
      await recordAudit(db, deps.clock, o.actor, {
        action: 'final_report.pdf',
        entityType: 'case',
        entityId: f.c.id,
        stationId: f.c.station_id,
        districtId: f.c.district_id,
        details: { lang: req.query.lang, filed: f.filed },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="final-report-${f.c.station_code}-${f.c.fir_number.replace('/', '-')}-${req.query.lang}${f.filed ? '' : '-draft'}.pdf"`,
        )
        .header('x-sha256', f.sha256)
        .send(f.bytes);
    },
  );
}

import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { notFound, unprocessable } from '../../lib/errors.js';
import { recordAudit } from '../audit/service.js';
import { firView } from '../firs/presenter.js';
import type { Officer } from '../firs/service.js';
import { resolveStation } from '../gd/service.js';
import { kindList } from './kinds.js';
import { renderNcrRegisterPdf } from './print.js';
import { citizenComplaintView, inboxItem, policeComplaintView } from './presenter.js';
import {
  attachmentParams,
  closeBody,
  complaintBody,
  enquiryBody,
  enquiryDecisionBody,
  idParam,
  inboxQuery,
  ncrBody,
  ncrQuery,
  registerFromComplaintBody,
  signBody,
  transferBody,
} from './schemas.js';
import * as svc from './service.js';
import {
  attachmentDisposition,
  discardStaged,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  openStored,
  readMultipartSubmission,
  uploadDir,
  type StagedFile,
} from './uploads.js';

const officer = (req: FastifyRequest): Officer => ({ auth: authOf(req), actor: req.actor });

/** Files staged by a multipart submission, until the handler stores them or the request ends. */
const staged = new WeakMap<FastifyRequest, StagedFile[]>();

const attachmentNotFound = () => notFound('Attachment', 'संलग्नक', 'attachment_not_found');

/**
 * Sends a stored attachment as a download only: Content-Disposition attachment, the type found
 * in its content, nosniff, and a sandboxing CSP, so that a file can never run as a page of this
 * site. Shared by the police and the citizen routes.
 */
export async function sendAttachment(deps: Deps, reply: FastifyReply, a: { sha256: string; mime: string; original_name: string }) {
  const f = await openStored(uploadDir(deps.config), a.sha256);
  if (!f) throw attachmentNotFound();
  return reply
    .header('Content-Type', a.mime)
    .header('Content-Length', String(f.size))
    .header('Content-Disposition', attachmentDisposition(a.original_name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .send(f.stream);
}

export async function complaintRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);
  const dir = uploadDir(deps.config);

  app.get(
    '/public/complaint-kinds',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Kinds of complaint that can be filed online, and which of them are e-FIRs in this state (EFIR_KINDS)',
      },
      config: { public: true },
    },
    async () => ({ items: kindList(deps.config.EFIR_KINDS), maxAttachments: MAX_ATTACHMENTS, maxAttachmentBytes: MAX_ATTACHMENT_BYTES }),
  );

  // The submission needs multipart; it is registered in its own context so that no other
  // module's route starts accepting multipart bodies.
  await app.register(async (scoped) => {
    const child = scoped as App;
    await child.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS + 1 } });
    child.post(
      '/public/complaints',
      {
        schema: {
          tags: ['complaints'],
          summary: 'File an e-complaint (or an e-FIR, for the kinds the state allows online). A signed-up citizen files it.',
          description:
            'Listed under /public because it is the citizen portal’s entry point, but it needs a citizen’s session (sign up at POST /api/v1/citizen/signup): an acknowledgement goes to a verified mobile/e-mail, and "My complaints" needs an owner. ' +
            'Send JSON, or multipart/form-data with the JSON in the field `complaint` and up to 5 files (PDF, JPEG, PNG, MP3, MP4; 10 MB each; checked by content) in fields named `files`. ' +
            'An optional Idempotency-Key header makes a repeated submission (a double click) answer with the complaint already filed. ' +
            'Answers 201 with the acknowledgement number; 413 for a file over 10 MB or more than 5 files; 415 for a file whose content is not an accepted type; 422 for an occurrence in the future or "to" before "from".',
          consumes: ['application/json', 'multipart/form-data'],
          body: complaintBody,
        },
        config: { permission: 'complaint.file' },
        preValidation: async (req) => {
          if (!req.isMultipart()) return;
          const r = await readMultipartSubmission(req, dir);
          staged.set(req, r.files);
          req.body = r.body as never;
        },
        // Whatever happened (a 400 from the schema, an error in the handler), no temporary file outlives the request.
        onSend: async (req, _reply, payload) => {
          const files = staged.get(req);
          if (files) await discardStaged(files);
          return payload;
        },
      },
      async (req, reply) => {
        const files = staged.get(req) ?? [];
        const key = req.headers['idempotency-key'];
        const { row, replayed } = await svc.fileComplaintAtomically(
          deps,
          { auth: authOf(req), actor: req.actor },
          req.body,
          files,
          Array.isArray(key) ? key[0] : key,
        );
        if (replayed) reply.header('Idempotent-Replayed', 'true');
        const [events, attachments] = await Promise.all([svc.listEvents(db, row.id), svc.listAttachments(db, row.id)]);
        return reply.status(201).send(citizenComplaintView(row, events, attachments, deps.clock.now()));
      },
    );
  });

  app.get(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The complaint inbox: complaints for the caller’s station(s), oldest first, with their e-FIR and enquiry clocks',
        querystring: inboxQuery,
      },
      config: { permission: 'complaint.read_station' },
    },
    async (req) => {
      const q = req.query;
      const { rows, total } = await svc.inbox(db, authOf(req), q);
      const now = deps.clock.now();
      return { items: rows.map((r) => inboxItem(r, now)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/complaints/ncr-register',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The register of non-cognizable reports (BNSS 174) between two IST days: the fortnightly diary to the Magistrate',
        querystring: ncrQuery,
      },
      config: { permission: 'complaint.read_station' },
    },
    async (req) => {
      const { from, to } = ncrRange(req.query);
      const rows = await svc.listNcrs(db, authOf(req).scope, { stationId: req.query.stationId, from, to });
      // The register holds the substance of informants' reports: reading it is audited.
      await recordAudit(db, deps.clock, req.actor, {
        action: 'complaint.ncr_register_read',
        entityType: 'station',
        entityId: req.query.stationId,
        details: { from: req.query.from, to: req.query.to, count: rows.length },
      });
      return {
        from: req.query.from,
        to: req.query.to,
        items: rows.map((n) => ({
          id: n.id,
          ncrNumber: n.ncr_number,
          station: { id: n.station_id, code: n.station_code, name: n.station_name },
          recordedAt: n.recorded_at,
          recordedOn: istDate(n.recorded_at),
          officer: { name: n.officer_name, rank: n.officer_rank },
          gdEntry: { id: n.gd_entry_id, entryNo: n.gd_entry_no, date: n.gd_day },
          ackNumber: n.ack_number,
          sections: n.sections,
          substance: n.substance,
          referredTo: n.referred_to,
        })),
      };
    },
  );

  app.get(
    '/complaints/ncr-register.pdf',
    {
      schema: {
        tags: ['complaints'],
        summary: 'A station’s register of non-cognizable reports between two IST days as a PDF, to forward to the Magistrate (BNSS 174(1))',
        querystring: ncrQuery,
      },
      config: { permission: 'complaint.read_station' },
    },
    async (req, reply) => {
      const { from, to } = ncrRange(req.query);
      const auth = authOf(req);
      const station = await resolveStation(db, auth, req.query.stationId);
      const rows = await svc.listNcrs(db, auth.scope, { stationId: station.id, from, to });
      await recordAudit(db, deps.clock, req.actor, {
        action: 'complaint.ncr_register_printed',
        entityType: 'station',
        entityId: station.id,
        details: { from: req.query.from, to: req.query.to, count: rows.length },
      });
      const pdf = await renderNcrRegisterPdf(
        `${station.name} / ${station.nameHi} (${station.code})`,
        { from: req.query.from, to: req.query.to },
        rows,
        deps.clock.now(),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="NCR-register-${station.code}-${req.query.from}-to-${req.query.to}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/complaints/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'One complaint with its history, attachments and the actions open to the caller (audited)',
        params: idParam,
      },
      config: { permission: 'complaint.read_station' },
    },
    async (req) => {
      const r = await svc.readComplaint(deps, officer(req), req.params.id);
      return policeComplaintView(r.row, r.events, r.attachments, r.actions, deps.clock.now());
    },
  );

  app.get(
    '/complaints/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Download an attachment of a complaint in the caller’s jurisdiction (as a download only; audited)',
        params: attachmentParams,
      },
      config: { permission: 'complaint.read_station' },
    },
    async (req, reply) => {
      const o = officer(req);
      const c = await svc.getComplaint(db, o.auth, req.params.id);
      const a = await svc.findAttachment(db, c.id, req.params.attachmentId);
      if (!a) throw attachmentNotFound();
      await recordAudit(db, deps.clock, o.actor, {
        action: 'complaint.attachment_read',
        entityType: 'complaint',
        entityId: c.id,
        stationId: c.station_id,
        districtId: c.district_id,
        details: { attachmentId: a.id, sha256: a.sha256 },
      });
      return sendAttachment(deps, reply, a);
    },
  );

  const detail = async (req: FastifyRequest, id: string) => {
    const r = await svc.readComplaint(deps, officer(req), id);
    return policeComplaintView(r.row, r.events, r.attachments, r.actions, deps.clock.now());
  };

  app.post(
    '/complaints/:id/register-fir',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Register an FIR from the complaint (through the FIR module, in one transaction); an e-FIR needs the informant’s signature',
        params: idParam,
        body: registerFromComplaintBody,
      },
      config: { permission: 'complaint.act' },
    },
    async (req, reply) => {
      const fir = await tx((trx) => svc.registerFirFromComplaint(deps, trx, officer(req), req.params.id, req.body));
      return reply.status(201).send({ fir: firView(fir), complaint: await detail(req, req.params.id) });
    },
  );

  app.post(
    '/complaints/:id/ncr',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Record a non-cognizable report (BNSS 174) and refer the informant to the Magistrate',
        params: idParam,
        body: ncrBody,
      },
      config: { permission: 'complaint.act' },
    },
    async (req, reply) => {
      const ncr = await tx((trx) => svc.recordNcr(deps, trx, officer(req), req.params.id, req.body));
      return reply.status(201).send({ ncr, complaint: await detail(req, req.params.id) });
    },
  );

  app.post(
    '/complaints/:id/enquiry',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Propose a preliminary enquiry (BNSS 173(3): offences punishable with 3 to under 7 years); it waits for the SDPO’s permission',
        params: idParam,
        body: enquiryBody,
      },
      config: { permission: 'complaint.act' },
    },
    async (req) => {
      await tx((trx) => svc.openEnquiry(deps, trx, officer(req), req.params.id, req.body));
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/complaints/:id/enquiry/decision',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The SDPO permits (14-day clock starts) or refuses a proposed preliminary enquiry',
        params: idParam,
        body: enquiryDecisionBody,
      },
      config: { permission: 'complaint.approve_enquiry' },
    },
    async (req) => {
      await tx((trx) => svc.decideEnquiry(deps, trx, officer(req), req.params.id, req.body));
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/complaints/:id/transfer',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Send the complaint to the station that has jurisdiction',
        params: idParam,
        body: transferBody,
      },
      config: { permission: 'complaint.act' },
    },
    async (req) => {
      const to = await tx((trx) => svc.transferComplaint(deps, trx, officer(req), req.params.id, req.body));
      return { transferredTo: { id: to.id, code: to.code, name: to.name, nameHi: to.nameHi } };
    },
  );

  app.post(
    '/complaints/:id/close',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Close the complaint with a reason that the citizen sees',
        params: idParam,
        body: closeBody,
      },
      config: { permission: 'complaint.act' },
    },
    async (req) => {
      await tx((trx) => svc.closeComplaint(deps, trx, officer(req), req.params.id, req.body));
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/complaints/:id/sign',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Record that the informant signed the e-FIR at the station (BNSS 173(1)(ii))',
        params: idParam,
        body: signBody,
      },
      config: { permission: 'complaint.act' },
    },
    async (req) => {
      await tx((trx) => svc.signEfir(deps, trx, officer(req), req.params.id, req.body));
      return detail(req, req.params.id);
    },
  );
}

/** The register's period: IST days from–to, at most 31 days, 422 otherwise. */
function ncrRange(q: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(`${q.from}T00:00:00+05:30`);
  const to = new Date(new Date(`${q.to}T00:00:00+05:30`).getTime() + 86_400_000);
  if (to <= from || to.getTime() - from.getTime() > 32 * 86_400_000)
    throw unprocessable(
      'date_range_invalid',
      'Give a range of at most 31 days, "to" not before "from".',
      'अधिकतम 31 दिनों की अवधि दें, "तक" "से" के पहले न हो।',
      {
        to: 'out of range',
      },
    );
  return { from, to };
}

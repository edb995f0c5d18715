import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { unprocessable } from '../../lib/errors.js';
import { addArrestEvent, publicArrestBoard, recordArrest } from './arrests.service.js';
import { addDocument, MAX_DOCUMENT_BYTES, readDocument } from './documents.js';
import { moveItem, recordSeizure } from './evidence.service.js';
import { camel, caseHead, caseListItem, caseView } from './presenter.js';
import { caseAlerts } from './property.js';
import {
  addAppearanceNotice,
  addCasePerson,
  addDiaryEntry,
  addForensicReport,
  addForensicRequest,
  addStatement,
  saveCrimeDetails,
  sendProgressNotice,
} from './records.service.js';
import * as repo from './repository.js';
import {
  appearanceNoticeBody,
  arrestBody,
  arrestEventBody,
  arrestParam,
  assignIoBody,
  crimeDetailsBody,
  custodyMoveBody,
  diaryBody,
  documentBody,
  documentParam,
  forensicReportBody,
  forensicRequestBody,
  idParam,
  itemParam,
  listQuery,
  personBody,
  progressNoticeBody,
  requestParam,
  seizureBody,
  stationCodeParam,
  statementBody,
  supervisionNoteBody,
  transitionBody,
} from './schemas.js';
import { addSupervisionNote, assignIo, auditCase, getCase, listCases, moveCase, readCase, type Officer } from './service.js';
import type { CustodyMoveKind } from './custody.js';
import { registerInvestigationFacts } from './public-facts.js';

registerInvestigationFacts();

const officer = (req: FastifyRequest): Officer => ({ auth: authOf(req), actor: req.actor });
const tags = ['cases'];

/** The case routes: workflow, investigation records and the public arrest board. */
export async function investigationRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases (FIRs) in the caller’s jurisdiction with their stage, IO and next statutory deadline; paged',
        querystring: listQuery,
      },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const q = req.query;
      const o = officer(req);
      const { rows, total } = await listCases(db, o.auth.scope, {
        stage: q.stage,
        ioId: q.mine ? o.auth.user.id : q.ioId,
        stationId: q.stationId,
        due: q.due,
        q: q.q,
        now: deps.clock.now(),
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: rows.map(caseListItem), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with every investigation record, its clocks and the caller’s allowed actions (audited read)',
        params: idParam,
      },
      config: { permission: 'case.read' },
    },
    async (req) => caseView(await readCase(deps, db, officer(req), req.params.id)),
  );

  app.post(
    '/cases/:id/assign-io',
    {
      schema: {
        tags,
        summary: 'The SHO designates the investigating officer (registered → under investigation), or reassigns with a reason',
        params: idParam,
        body: assignIoBody,
      },
      config: { permission: 'case.assign_io' },
    },
    async (req) => {
      const o = officer(req);
      const b = req.body;
      let ioId = b.ioId;
      if (!ioId && b.ioUsername) {
        const u = await db.selectFrom('app_user').select('id').where('username', '=', b.ioUsername.trim().toLowerCase()).executeTakeFirst();
        if (!u) throw unprocessable('io_not_at_station', 'No such officer.', 'ऐसा कोई अधिकारी नहीं है।', { ioUsername: 'unknown user' });
        ioId = u.id;
      }
      const r = await tx((trx) => assignIo(deps, trx, o, req.params.id, { ioId: ioId!, reason: b.reason, version: b.version }));
      return { transition: r, case: caseHead(await getCase(db, o, req.params.id)) };
    },
  );

  app.post(
    '/cases/:id/transition',
    {
      schema: {
        tags,
        summary: 'Move the case by an action of the workflow table (submit / approve / return the final report …); 409 for any other move',
        params: idParam,
        body: transitionBody,
      },
      config: { permission: 'case.transition' },
    },
    async (req) => {
      const o = officer(req);
      const r = await tx((trx) => moveCase(deps, trx, o, req.params.id, req.body));
      return { transition: r, case: caseHead(await getCase(db, o, req.params.id)) };
    },
  );

  app.post(
    '/cases/:id/supervision-notes',
    {
      schema: {
        tags,
        summary: 'A supervision note by the SHO, SDPO or SP of the case’s jurisdiction',
        params: idParam,
        body: supervisionNoteBody,
      },
      config: { permission: 'case.supervise' },
    },
    async (req, reply) =>
      reply.status(201).send(camel(await tx((trx) => addSupervisionNote(deps, trx, officer(req), req.params.id, req.body)))),
  );

  // ------------------------------------------------------------------ records of the designated IO

  app.get(
    '/cases/:id/diary',
    { schema: { tags, summary: 'The case diary (BNSS 192), entries in order', params: idParam }, config: { permission: 'case.read' } },
    async (req) => {
      const o = officer(req);
      const c = await getCase(db, o, req.params.id);
      await auditCase(db, deps, o, c, 'case.diary_read');
      return { caseId: c.id, firNumber: c.fir_number, items: (await repo.listDiary(db, c.id)).map(camel) };
    },
  );

  app.post(
    '/cases/:id/diary',
    {
      schema: { tags, summary: 'Add a case diary entry (BNSS 192); numbered per case, never edited', params: idParam, body: diaryBody },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => reply.status(201).send(camel(await tx((trx) => addDiaryEntry(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.get(
    '/cases/:id/crime-details',
    { schema: { tags, summary: 'The crime details form (IIF-2) with its version', params: idParam }, config: { permission: 'case.read' } },
    async (req) => {
      const c = await getCase(db, officer(req), req.params.id);
      const row = await repo.findCrimeDetails(db, c.id);
      return {
        caseId: c.id,
        crimeDetails: row ? camel(row) : null,
        revisions: (await repo.listCrimeDetailsRevisions(db, c.id)).map(camel),
      };
    },
  );

  app.put(
    '/cases/:id/crime-details',
    {
      schema: {
        tags,
        summary: 'Save the crime details form (IIF-2); name the version edited (412 if stale)',
        params: idParam,
        body: crimeDetailsBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req) => {
      const { propertyItems, ...rest } = req.body;
      const r = await tx((trx) => saveCrimeDetails(deps, trx, officer(req), req.params.id, { ...rest, properties: propertyItems }));
      return { crimeDetails: camel(r.row), alerts: r.alerts };
    },
  );

  app.post(
    '/cases/:id/persons',
    {
      schema: {
        tags,
        summary: 'Add a person to the case (complainant, victim, accused A1…, suspect, witness W1…)',
        params: idParam,
        body: personBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => reply.status(201).send(camel(await tx((trx) => addCasePerson(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.post(
    '/cases/:id/statements',
    {
      schema: { tags, summary: 'Record a statement (BNSS 180)', params: idParam, body: statementBody },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => reply.status(201).send(camel(await tx((trx) => addStatement(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.post(
    '/cases/:id/arrests',
    {
      schema: {
        tags,
        summary: 'Arrest / court surrender memo (IIF-3), one per accused; writes a GD entry',
        params: idParam,
        body: arrestBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => {
      const r = await tx((trx) => recordArrest(deps, trx, officer(req), req.params.id, req.body));
      return reply.status(201).send({ ...camel(r.memo), events: r.events.map(camel), gdEntry: r.gdEntry, warnings: r.warnings });
    },
  );

  app.post(
    '/cases/:id/arrests/:arrestId/events',
    {
      schema: {
        tags,
        summary: 'Production before a magistrate, remand, bail or release of an arrested person, in time order',
        params: arrestParam,
        body: arrestEventBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(camel(await tx((trx) => addArrestEvent(deps, trx, officer(req), req.params.id, req.params.arrestId, req.body)))),
  );

  app.post(
    '/cases/:id/appearance-notices',
    {
      schema: {
        tags,
        summary: 'Notice of appearance (BNSS 35(3)) to an accused not arrested, offences up to 7 years',
        params: idParam,
        body: appearanceNoticeBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      reply.status(201).send(camel(await tx((trx) => addAppearanceNotice(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.post(
    '/cases/:id/progress-notices',
    {
      schema: {
        tags,
        summary: 'Inform the informant or victim of the progress (BNSS 193(3)(ii)) by SMS/e-mail; stops the 90-day clock',
        params: idParam,
        body: progressNoticeBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      reply.status(201).send(camel(await tx((trx) => sendProgressNotice(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.post(
    '/cases/:id/seizures',
    {
      schema: {
        tags,
        summary: 'Seizure memo (IIF-4) with items, witnesses and the BNSS 105 recording; returns cross-case property alerts',
        params: idParam,
        body: seizureBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => {
      const r = await tx((trx) => recordSeizure(deps, trx, officer(req), req.params.id, req.body));
      return reply.status(201).send({ ...camel(r.memo), items: r.items.map(camel), alerts: r.alerts });
    },
  );

  app.post(
    '/cases/:id/items/:itemId/moves',
    {
      schema: {
        tags,
        summary: 'Move a seized item along its chain of custody (from where it actually is, in time order)',
        params: itemParam,
        body: custodyMoveBody,
      },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) => {
      const r = await tx((trx) =>
        moveItem(deps, trx, officer(req), req.params.id, req.params.itemId, { ...req.body, kind: req.body.kind as CustodyMoveKind }),
      );
      return reply.status(201).send({ ...camel(r.move), item: r.item });
    },
  );

  app.get(
    '/cases/:id/property-alerts',
    {
      schema: { tags, summary: 'Vehicles and phones of this case that match property recorded in other cases', params: idParam },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const o = officer(req);
      const c = await getCase(db, o, req.params.id);
      return { caseId: c.id, alerts: await caseAlerts(db, o.auth.scope, c) };
    },
  );

  app.post(
    '/cases/:id/documents',
    {
      schema: {
        tags,
        summary: 'Attach a file (base64; type checked from its bytes; at most 10 MB); returns its SHA-256',
        params: idParam,
        body: documentBody,
      },
      config: { permission: 'case.investigate' },
      bodyLimit: Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024,
    },
    async (req, reply) => reply.status(201).send(camel(await addDocument(deps, db, officer(req), req.params.id, req.body))),
  );

  app.get(
    '/cases/:id/documents/:documentId/content',
    {
      schema: { tags, summary: 'Download a document of the case (audited), as an attachment', params: documentParam },
      config: { permission: 'case.read' },
    },
    async (req, reply) => {
      const { doc, bytes } = await readDocument(deps, db, officer(req), req.params.id, req.params.documentId);
      return reply
        .header('content-type', doc.content_type)
        .header('content-disposition', `attachment; filename="${doc.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('x-sha256', doc.sha256)
        .send(bytes);
    },
  );

  app.post(
    '/cases/:id/forensic-requests',
    {
      schema: { tags, summary: 'A request to a forensic laboratory', params: idParam, body: forensicRequestBody },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      reply.status(201).send(camel(await tx((trx) => addForensicRequest(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.post(
    '/cases/:id/forensic-requests/:requestId/reports',
    {
      schema: { tags, summary: 'The forensic laboratory’s report, as received', params: requestParam, body: forensicReportBody },
      config: { permission: 'case.investigate' },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(camel(await tx((trx) => addForensicReport(deps, trx, officer(req), req.params.id, req.params.requestId, req.body)))),
  );

  // ------------------------------------------------------------------ public

  app.get(
    '/public/stations/:code/arrests',
    {
      schema: {
        tags: ['public'],
        summary: 'BNSS 37: persons arrested at a station in the last 30 days (name, address, offence); never sensitive cases or juveniles',
        params: stationCodeParam,
      },
      config: { public: true, rateLimit: { max: deps.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (req) => publicArrestBoard(db, deps.config.STATE_CODE, req.params.code, deps.clock.now()),
  );
}

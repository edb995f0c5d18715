import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { recordAudit } from '../audit/service.js';
import { penalCodeOn, searchSections } from '../masterdata/index.js';
import { renderFirCopyPdf } from './pdf/copy.js';
import { firCopyData, firView, sectionHitView } from './presenter.js';
import {
  acknowledgeBody,
  addendumBody,
  codeParam,
  copyQuery,
  idParam,
  idempotencyHeaders,
  listQuery,
  markSensitiveBody,
  registerFirBody,
  sectionSearchQuery,
  transferBody,
} from './schemas.js';
import * as svc from './service.js';

const officer = (req: FastifyRequest): svc.Officer => ({ auth: authOf(req), actor: req.actor });

export async function firRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);

  app.post(
    '/firs',
    {
      schema: {
        tags: ['firs'],
        summary: 'Register an FIR (IIF-1). Needs an Idempotency-Key header: a repeat with the same key returns the same FIR.',
        body: registerFirBody,
        headers: idempotencyHeaders,
      },
      config: { permission: 'fir.register' },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const r = await svc.registerFirIdempotent(deps, officer(req), Array.isArray(key) ? key[0] : key, req.body);
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(r.status).send(r.body);
    },
  );

  app.get(
    '/firs',
    {
      schema: { tags: ['firs'], summary: 'FIRs in the caller’s jurisdiction, newest first, paged and filtered', querystring: listQuery },
      config: { permission: 'fir.read' },
    },
    async (req, reply) => {
      const q = req.query;
      const { itemsJson, total, totalCapped } = await svc.listFirsJson(db, authOf(req).scope, {
        stationId: q.stationId,
        year: q.year,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        stage: q.stage,
        act: q.act,
        section: q.section,
        q: q.q,
        transfer: q.transfer,
        sensitive: q.sensitive === undefined ? undefined : q.sensitive === 'true',
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      // The items come as JSON text from PostgreSQL (repository.listFirsJson, the same fields as
      // presenter.firListItem). `totalCapped`: there are more than `total` (the count stops at
      // LIST_COUNT_CAP).
      return reply
        .type('application/json; charset=utf-8')
        .send(`{"items":${itemsJson},"total":${total},"totalCapped":${totalCapped},"page":${q.page},"pageSize":${q.pageSize}}`);
    },
  );

  app.get(
    '/firs/sections',
    {
      schema: {
        tags: ['firs'],
        summary:
          'The FIR form’s section picker: sections by number or by words in English or Hindi, only those chargeable on the offence date',
        querystring: sectionSearchQuery,
      },
      config: { permission: 'fir.read' },
    },
    async (req) => {
      const { q, date, limit } = req.query;
      return {
        // BNS 358(2), Art. 20(1): an offence is charged under the code in force on the day it was committed.
        penalCode: date ? penalCodeOn(date) : 'BNS',
        items: searchSections(q, { date, limit }).map(sectionHitView),
      };
    },
  );

  app.get(
    '/firs/:id',
    {
      schema: { tags: ['firs'], summary: 'One FIR as registered, with its addenda and status (audited)', params: idParam },
      config: { permission: 'fir.read' },
    },
    async (req) => firView(await svc.readFir(db, deps, officer(req), req.params.id)),
  );

  app.post(
    '/firs/:id/addenda',
    {
      schema: {
        tags: ['firs'],
        summary: 'Append a correction to a registered FIR (the FIR itself never changes)',
        params: idParam,
        body: addendumBody,
      },
      config: { permission: 'fir.addendum' },
    },
    async (req, reply) =>
      reply.status(201).send(firView(await tx((trx) => svc.addAddendum(deps, trx, officer(req), req.params.id, req.body)))),
  );

  app.post(
    '/firs/:id/transfer',
    {
      schema: { tags: ['firs'], summary: 'Send a (zero) FIR to the jurisdictional station', params: idParam, body: transferBody },
      config: { permission: 'fir.transfer' },
    },
    async (req) => firView(await tx((trx) => svc.transferFir(deps, trx, officer(req), req.params.id, req.body))),
  );

  app.post(
    '/firs/:id/acknowledge',
    {
      schema: {
        tags: ['firs'],
        summary: 'The receiving station accepts an incoming transfer and re-registers the FIR under its own number',
        params: idParam,
        body: acknowledgeBody,
      },
      config: { permission: 'fir.transfer' },
    },
    async (req, reply) => {
      const r = await tx((trx) => svc.acknowledgeTransfer(deps, trx, officer(req), req.params.id, req.body));
      return reply.status(201).send({ zeroFir: firView(r.zeroFir), fir: firView(r.fir) });
    },
  );

  app.post(
    '/firs/:id/mark-sensitive',
    {
      schema: {
        tags: ['firs'],
        summary: 'Mark an FIR sensitive (never public; victim identity withheld)',
        params: idParam,
        body: markSensitiveBody,
      },
      config: { permission: 'fir.mark_sensitive' },
    },
    async (req) => firView(await tx((trx) => svc.markSensitive(deps, trx, officer(req), req.params.id, req.body))),
  );

  app.get(
    '/firs/:id/copy.pdf',
    {
      schema: {
        tags: ['firs'],
        summary: 'The free FIR copy (BNSS 173(2)) as a PDF, in English or Hindi',
        params: idParam,
        querystring: copyQuery,
      },
      config: { permission: 'fir.read' },
    },
    async (req, reply) => {
      const o = officer(req);
      const fir = await svc.getFir(db, o.auth.scope, req.params.id);
      await recordAudit(db, deps.clock, o.actor, {
        action: 'fir.copy',
        entityType: 'fir',
        entityId: fir.id,
        stationId: fir.station_id,
        districtId: fir.district_id,
        details: { lang: req.query.lang },
      });
      const base = deps.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;
      const pdf = await renderFirCopyPdf(firCopyData(fir), req.query.lang, {
        verifyUrl: `${base.replace(/\/$/, '')}/verify/${fir.verification_code}`,
        printedAt: deps.clock.now(),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="FIR-${fir.station_code}-${fir.fir_number.replace('/', '-')}-${req.query.lang}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/public/verify/:code',
    {
      schema: { tags: ['public'], summary: 'Check an FIR copy’s verification code: station, FIR number and date only', params: codeParam },
      config: { public: true, rateLimit: { max: deps.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (req) => svc.verifyCopyCode(db, req.params.code),
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { recordAudit } from '../audit/service.js';
import {
  acceptPackage,
  addHearing,
  courtCaseView,
  markPulled,
  recordAppeal,
  recordDisposal,
  resolveCourtCase,
  type CourtActor,
} from '../prosecution/proceedings.js';
import { appealView, courtCaseJson, disposalView, hearingView, packageListItem } from '../prosecution/presenter.js';
import * as prosecution from '../prosecution/repository.js';
import {
  acceptBody,
  appealBody,
  disposalBody,
  hearingBody,
  packageListQuery,
  packageParam,
  packagePdfParam,
  refParam,
  tokenBody,
  tokenParam,
} from '../prosecution/schemas.js';
import {
  clerkCourt,
  courtActorContext,
  courtFromAuthorization,
  issueTokenAsClerk,
  listCourts,
  listTokens,
  revokeTokenAsClerk,
  type CourtRow,
} from './service.js';

const courtJson = (c: CourtRow) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  nameHi: c.name_hi,
  establishmentCode: c.establishment_code,
  district: { id: c.district_id, code: c.district_code, name: c.district_name, nameHi: c.district_name_hi },
});

/**
 * The court side:
 *
 * - `/court/…`: the court machine API, for a court's own system (eCourts / ICJS). Each request
 *   carries the court's token (`Authorization: Bearer <token>`); the routes are public to the
 *   session hook and authenticate the court themselves. A session user, whatever the role, gets
 *   nothing here without a token.
 * - `/court-clerk/…`: the same for the in-app court clerk screen (the demo court user court1),
 *   with a session and the `court.clerk` permission; and the clerk issues the court's tokens.
 * - `/courts`: the courts a police officer may send a final report to.
 *
 * Either way the court is known before anything is read, and every read is by its id: another
 * court's case answers 404.
 */
export async function courtRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);
  const machine = { public: true as const, rateLimit: { max: 600, timeWindow: 60_000 } };
  const mtags = ['court machine API'];
  const ctags = ['court clerk'];

  /** The court of a machine request and its audit identity. */
  async function viaToken(req: FastifyRequest): Promise<CourtActor> {
    const court = await courtFromAuthorization(db, req.headers.authorization);
    const audit = courtActorContext(court.state_code, court, req.actor);
    req.actor = audit;
    return { court, via: 'api', userId: null, name: court.name, audit };
  }

  /** The clerk's court and identity. */
  async function viaClerk(req: FastifyRequest): Promise<CourtActor> {
    const user = authOf(req).user;
    const court = await clerkCourt(db, user);
    return { court, via: 'clerk', userId: user.id, name: `${user.name} (${court.name})`, audit: req.actor };
  }

  const auditRead = async (a: CourtActor, p: prosecution.PackageMeta, action: string) =>
    recordAudit(db, deps.clock, a.audit, {
      action,
      entityType: 'case',
      entityId: p.fir_id,
      stationId: p.station_id,
      districtId: p.district_id,
      details: { courtCode: a.court.code, via: a.via, packageId: p.id },
    });

  const list = async (a: CourtActor, q: { status?: prosecution.PackageStatus; page: number; pageSize: number }) => ({
    court: courtJson(a.court),
    items: (
      await prosecution.listCourtPackages(db, a.court.id, { status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize })
    ).map(packageListItem),
    page: q.page,
    pageSize: q.pageSize,
  });

  const caseJson = async (a: CourtActor, ref: string, pull: boolean) => {
    const p = await resolveCourtCase(db, a.court.id, ref);
    if (pull && p.status === 'pending') await tx((trx) => markPulled(deps, trx, p));
    await auditRead(a, p, 'court.case_read');
    return courtCaseJson(await courtCaseView(db, (await prosecution.findPackageMeta(db, p.id))!));
  };

  const pdf = async (a: CourtActor, packageId: string, lang: 'en' | 'hi', reply: FastifyReply) => {
    const p = await resolveCourtCase(db, a.court.id, packageId);
    const f = (await prosecution.readPackagePdf(db, p.id, lang))!;
    await auditRead(a, p, 'court.pdf_read');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="final-report-${p.id}-${lang}.pdf"`)
      .header('x-sha256', f.sha256)
      .send(f.bytes);
  };

  const accept = async (a: CourtActor, packageId: string, body: { cnr?: string; courtCaseNo?: string }, reply: FastifyReply) => {
    const r = await tx((trx) => acceptPackage(deps, trx, a, packageId, body));
    return reply.status(r.alreadyAccepted ? 200 : 201).send(r);
  };

  // ------------------------------------------------------------------ machine API

  app.get(
    '/court/packages',
    {
      schema: {
        tags: mtags,
        summary: '[Bearer court token] Final reports e-filed to the token’s court, newest first',
        querystring: packageListQuery,
      },
      config: machine,
    },
    async (req) => list(await viaToken(req), req.query),
  );

  app.get(
    '/court/cases/:ref',
    {
      schema: {
        tags: mtags,
        summary:
          '[Bearer court token] One case e-filed to the court (package id or CNR): the package, its stage, hearings, disposal and appeals; the first read of a package records its delivery',
        params: refParam,
      },
      config: machine,
    },
    async (req) => caseJson(await viaToken(req), req.params.ref, true),
  );

  app.get(
    '/court/packages/:packageId/pdf/:lang',
    {
      schema: {
        tags: mtags,
        summary: '[Bearer court token] The filed final report PDF (en or hi); X-SHA256 matches the package’s attachment',
        params: packagePdfParam,
      },
      config: machine,
    },
    async (req, reply) => pdf(await viaToken(req), req.params.packageId, req.params.lang, reply),
  );

  app.post(
    '/court/packages/:packageId/accept',
    {
      schema: {
        tags: mtags,
        summary:
          '[Bearer court token] The court accepts the final report and gives the case its CNR (accepted_by_court); idempotent for the same CNR',
        params: packageParam,
        body: acceptBody,
      },
      config: machine,
    },
    async (req, reply) => accept(await viaToken(req), req.params.packageId, req.body, reply),
  );

  app.post(
    '/court/cases/:ref/hearings',
    {
      schema: {
        tags: mtags,
        summary: '[Bearer court token] A hearing date; framing of charges starts the trial (under_trial)',
        params: refParam,
        body: hearingBody,
      },
      config: machine,
    },
    async (req, reply) => {
      const a = await viaToken(req);
      const r = await tx((trx) => addHearing(deps, trx, a, req.params.ref, req.body));
      return reply.status(r.repeated ? 200 : 201).send({ hearing: hearingView(r.hearing), stage: r.stage });
    },
  );

  app.post(
    '/court/cases/:ref/disposal',
    {
      schema: {
        tags: mtags,
        summary:
          '[Bearer court token] The court’s disposal (IIF-6) per accused with the sentence; 409 before the court accepted the final report',
        params: refParam,
        body: disposalBody,
      },
      config: machine,
    },
    async (req, reply) => {
      const a = await viaToken(req);
      return reply.status(201).send(disposalView(await tx((trx) => recordDisposal(deps, trx, a, req.params.ref, req.body))));
    },
  );

  app.post(
    '/court/cases/:ref/appeals',
    {
      schema: {
        tags: mtags,
        summary: '[Bearer court token] An appeal against the judgment (IIF-7), filed or decided',
        params: refParam,
        body: appealBody,
      },
      config: machine,
    },
    async (req, reply) => {
      const a = await viaToken(req);
      const r = await tx((trx) => recordAppeal(deps, trx, a, req.params.ref, req.body));
      return reply.status(r.repeated ? 200 : 201).send(appealView(r.appeal));
    },
  );

  // ------------------------------------------------------------------ clerk screen

  const clerk = { permission: 'court.clerk' as const };

  app.get(
    '/court-clerk/court',
    { schema: { tags: ctags, summary: 'The clerk’s court and its machine API tokens (never the tokens themselves)' }, config: clerk },
    async (req) => {
      const a = await viaClerk(req);
      const tokens = await listTokens(db, a.court.id);
      return {
        court: courtJson(a.court),
        tokens: tokens.map((t) => ({ id: t.id, label: t.label, createdAt: t.created_at, revokedAt: t.revoked_at })),
      };
    },
  );

  app.post(
    '/court-clerk/tokens',
    {
      schema: { tags: ctags, summary: 'Issue a machine API token for the court’s system; the token is shown once', body: tokenBody },
      config: clerk,
    },
    async (req, reply) => {
      const t = await tx((trx) => issueTokenAsClerk(trx, deps.clock, req.actor, authOf(req).user, req.body.label));
      return reply.status(201).send({ id: t.id, token: t.token, court: courtJson(t.court) });
    },
  );

  app.post(
    '/court-clerk/tokens/:tokenId/revoke',
    { schema: { tags: ctags, summary: 'Revoke a machine API token of the court', params: tokenParam }, config: clerk },
    async (req) => {
      await tx((trx) => revokeTokenAsClerk(trx, deps.clock, req.actor, authOf(req).user, req.params.tokenId));
      return { revoked: true };
    },
  );

  app.get(
    '/court-clerk/packages',
    {
      schema: {
        tags: ctags,
        summary: 'Final reports e-filed to the clerk’s court (status=pending: waiting for acceptance)',
        querystring: packageListQuery,
      },
      config: clerk,
    },
    async (req) => list(await viaClerk(req), req.query),
  );

  app.get(
    '/court-clerk/cases/:ref',
    { schema: { tags: ctags, summary: 'One case e-filed to the clerk’s court (package id or CNR)', params: refParam }, config: clerk },
    async (req) => caseJson(await viaClerk(req), req.params.ref, false),
  );

  app.get(
    '/court-clerk/packages/:packageId/pdf/:lang',
    { schema: { tags: ctags, summary: 'The filed final report PDF (en or hi)', params: packagePdfParam }, config: clerk },
    async (req, reply) => pdf(await viaClerk(req), req.params.packageId, req.params.lang, reply),
  );

  app.post(
    '/court-clerk/packages/:packageId/accept',
    {
      schema: {
        tags: ctags,
        summary: 'The clerk accepts the final report; the CNR is the one given, or the court’s next',
        params: packageParam,
        body: acceptBody,
      },
      config: clerk,
    },
    async (req, reply) => accept(await viaClerk(req), req.params.packageId, req.body, reply),
  );

  app.post(
    '/court-clerk/cases/:ref/hearings',
    { schema: { tags: ctags, summary: 'Record a hearing date', params: refParam, body: hearingBody }, config: clerk },
    async (req, reply) => {
      const a = await viaClerk(req);
      const r = await tx((trx) => addHearing(deps, trx, a, req.params.ref, req.body));
      return reply.status(r.repeated ? 200 : 201).send({ hearing: hearingView(r.hearing), stage: r.stage });
    },
  );

  app.post(
    '/court-clerk/cases/:ref/disposal',
    { schema: { tags: ctags, summary: 'Record the disposal (IIF-6)', params: refParam, body: disposalBody }, config: clerk },
    async (req, reply) => {
      const a = await viaClerk(req);
      return reply.status(201).send(disposalView(await tx((trx) => recordDisposal(deps, trx, a, req.params.ref, req.body))));
    },
  );

  app.post(
    '/court-clerk/cases/:ref/appeals',
    { schema: { tags: ctags, summary: 'Record an appeal (IIF-7)', params: refParam, body: appealBody }, config: clerk },
    async (req, reply) => {
      const a = await viaClerk(req);
      const r = await tx((trx) => recordAppeal(deps, trx, a, req.params.ref, req.body));
      return reply.status(r.repeated ? 200 : 201).send(appealView(r.appeal));
    },
  );

  // ------------------------------------------------------------------ police

  app.get(
    '/courts',
    {
      schema: { tags: ['final report'], summary: 'Courts that receive final reports, in the caller’s district (or state)' },
      config: { permission: 'case.read' },
    },
    async (req) => {
      const a = authOf(req);
      const districtId = a.scope.level === 'state' || a.scope.level === 'self' ? undefined : a.scope.districtId;
      return { items: (await listCourts(db, a.user.stateCode, districtId)).map(courtJson) };
    },
  );
}

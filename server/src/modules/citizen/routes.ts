import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { recordAudit } from '../audit/service.js';
import { setSessionCookie, userView } from '../auth/routes.js';
import { SESSION_COOKIE } from '../auth/service.js';
import { renderFirCopyPdf } from '../firs/pdf/copy.js';
import { firCopyData } from '../firs/presenter.js';
import { sendAttachment } from '../complaints/routes.js';
import { citizenComplaintItem, citizenComplaintView } from '../complaints/presenter.js';
import { mobileNumber } from '../complaints/schemas.js';
import * as complaints from '../complaints/service.js';
import { citizenFirView, lookupCaseStatus, ownFir, ownFirs, stationFirList, suggestStations } from './service.js';
import { completeSignup, signupChannelRequired, startSignup } from './signup.js';

const signupBody = z
  .object({
    name: z.string().trim().min(2).max(120),
    mobile: mobileNumber.optional(),
    email: z.email().max(200).optional(),
    captchaId: z.string().max(200).optional().describe('From GET /api/v1/auth/captcha; required unless CAPTCHA=off'),
    captchaAnswer: z.string().max(50).optional(),
  })
  .meta({
    examples: [
      {
        name: 'Anita Kulkarni',
        mobile: '9876501234',
        email: 'anita.k@mail.example',
        captchaId: '(captchaId from GET /api/v1/auth/captcha)',
        captchaAnswer: 'x7k2p',
      },
    ],
  });

const verifyBody = z
  .object({
    signupId: z.string().min(1).max(100),
    otp: z.string().trim().min(1).max(20),
    password: z.string().min(1).max(1024),
  })
  .meta({
    examples: [{ signupId: '(signupId from POST /api/v1/citizen/signup)', otp: '123456', password: 'a long passphrase of my own' }],
  });

const caseStatusQuery = z.object({
  stateCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  districtCode: z.string().trim().min(1).max(12).optional(),
  stationCode: z.string().trim().min(2).max(12),
  year: z.coerce.number().int().min(1900).max(2999),
  number: z.string().trim().min(1).max(12).describe('The FIR number: 12, 0012 or 0012/2026'),
  captchaId: z.string().max(200).optional().describe('From GET /api/v1/auth/captcha; required unless CAPTCHA=off'),
  captchaAnswer: z.string().max(50).optional(),
});

const stationListQuery = z.object({
  from: z.iso.date().optional().describe('First IST day; default 6 days before "to"'),
  to: z.iso.date().optional().describe('Last IST day; default today'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const suggestQuery = z.object({
  place: z.string().trim().max(500).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

const idParam = z.object({ id: z.uuid() });
const codeParam = z.object({ code: z.string().trim().min(2).max(12) });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const copyQuery = z.object({ lang: z.enum(['en', 'hi']).default('en') });

const me = (req: FastifyRequest) => authOf(req).user;

export async function citizenRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const loginLimit = { max: deps.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 };
  const publicLimit = { max: deps.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 };

  // ---- sign-up ------------------------------------------------------------------------------

  app.post(
    '/citizen/signup',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Begin a citizen sign-up: a 6-digit code goes to the mobile number and/or e-mail given. Always 202 with a signupId.',
        body: signupBody,
      },
      config: { public: true, skipCsrf: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      if (!req.body.mobile && !req.body.email) throw signupChannelRequired();
      return reply.status(202).send(await startSignup(deps, req.actor, req.body));
    },
  );

  app.post(
    '/citizen/signup/verify',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Finish the sign-up with the code and a password; opens a session (like a login)',
        body: verifyBody,
      },
      config: { public: true, skipCsrf: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const s = await completeSignup(deps, req.actor, req.body, req.cookies[SESSION_COOKIE]);
      setSessionCookie(req, reply, s.token);
      return reply.status(201).send({ user: userView(s.user), csrfToken: s.csrfToken });
    },
  );

  // ---- the citizen's own complaints and FIRs -----------------------------------------------

  app.get(
    '/citizen/complaints',
    {
      schema: { tags: ['citizen'], summary: 'My complaints, newest first, with their status', querystring: pageQuery },
      config: { permission: 'citizen.own_cases' },
    },
    async (req) => {
      const { rows, total } = await complaints.listOwnComplaints(
        db,
        me(req).id,
        req.query.pageSize,
        (req.query.page - 1) * req.query.pageSize,
      );
      return { items: rows.map(citizenComplaintItem), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/citizen/complaints/:id',
    {
      schema: { tags: ['citizen'], summary: 'One of my complaints, with its history as I may see it', params: idParam },
      config: { permission: 'citizen.own_cases' },
    },
    async (req) => {
      const row = await complaints.getOwnComplaint(db, me(req).id, req.params.id);
      const [events, attachments] = await Promise.all([complaints.listEvents(db, row.id), complaints.listAttachments(db, row.id)]);
      return citizenComplaintView(row, events, attachments, deps.clock.now());
    },
  );

  app.get(
    '/citizen/complaints/:id/attachments/:attachmentId',
    {
      schema: { tags: ['citizen'], summary: 'Download an attachment of my complaint (as a download only)', params: attachmentParams },
      config: { permission: 'citizen.own_cases' },
    },
    async (req, reply) => {
      const row = await complaints.getOwnComplaint(db, me(req).id, req.params.id);
      const a = await complaints.findAttachment(db, row.id, req.params.attachmentId);
      if (!a) throw complaints.complaintNotFound();
      return sendAttachment(deps, reply, a);
    },
  );

  app.get(
    '/citizen/firs',
    {
      schema: { tags: ['citizen'], summary: 'My FIRs (registered from my complaints), with their full stage history' },
      config: { permission: 'citizen.own_cases' },
    },
    async (req) => {
      const hits = await ownFirs(db, me(req).id);
      return { items: await Promise.all(hits.map((h) => citizenFirView(deps, h))) };
    },
  );

  app.get(
    '/citizen/firs/:id',
    {
      schema: { tags: ['citizen'], summary: 'One of my FIRs with its stage history', params: idParam },
      config: { permission: 'citizen.own_cases' },
    },
    async (req) => {
      const hit = await ownFir(db, me(req).id, req.params.id);
      await recordAudit(db, deps.clock, req.actor, {
        action: 'citizen.fir_read',
        entityType: 'fir',
        entityId: hit.fir.id,
        stationId: hit.fir.station_id,
        districtId: hit.fir.district_id,
      });
      return citizenFirView(deps, hit);
    },
  );

  app.get(
    '/citizen/firs/:id/copy.pdf',
    {
      schema: {
        tags: ['citizen'],
        summary: 'The free copy of my FIR (BNSS 173(2)) as a PDF, in English or Hindi',
        params: idParam,
        querystring: copyQuery,
      },
      config: { permission: 'citizen.own_cases' },
    },
    async (req, reply) => {
      const { fir } = await ownFir(db, me(req).id, req.params.id);
      await recordAudit(db, deps.clock, req.actor, {
        action: 'fir.copy',
        entityType: 'fir',
        entityId: fir.id,
        stationId: fir.station_id,
        districtId: fir.district_id,
        details: { lang: req.query.lang, by: 'informant' },
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
          `attachment; filename="FIR-${fir.station_code}-${fir.fir_number.replace('/', '-')}-${req.query.lang}.pdf"`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );

  // ---- public -------------------------------------------------------------------------------

  app.get(
    '/public/case-status',
    {
      schema: {
        tags: ['public'],
        summary:
          'Public case status by police station, year and FIR number (with a captcha). A sensitive FIR answers exactly like one that does not exist.',
        querystring: caseStatusQuery,
      },
      config: { public: true, rateLimit: publicLimit },
    },
    async (req) => lookupCaseStatus(deps, req.actor, req.query),
  );

  app.get(
    '/public/stations/:code/firs',
    {
      schema: {
        tags: ['public'],
        summary:
          'A police station’s FIRs for the public: non-sensitive only, with date, sections and stage (Youth Bar Association v. Union of India, SC 2016)',
        params: codeParam,
        querystring: stationListQuery,
      },
      config: { public: true, rateLimit: publicLimit },
    },
    async (req) => stationFirList(deps, req.params.code, req.query),
  );

  app.get(
    '/public/station-suggestions',
    {
      schema: {
        tags: ['public'],
        summary: 'Police stations suggested for a place (by the words typed, or the nearest to a point)',
        querystring: suggestQuery,
      },
      config: { public: true, rateLimit: publicLimit },
    },
    async (req) => ({ items: await suggestStations(db, deps.config.STATE_CODE, req.query) }),
  );
}

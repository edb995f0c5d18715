import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, SessionUser } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { AppError } from '../../lib/errors.js';
import { captchaTestHookEnabled, createCaptcha, TestAnswers } from './captcha.js';
import { unlockAccount } from './lockout.js';
import { beginTotpEnrolment, confirmTotpEnrolment, resetMfaByAdmin } from './mfa.js';
import { changePassword, checkNewPassword, forgotPassword, resetPassword } from './password-flows.js';
import { PASSWORD_MAX_LENGTH } from './password-rules.js';
import * as repo from './repository.js';
import { completeMfaLogin, endOwnSession, listSessions, login, logout, SESSION_COOKIE, type LoginOutcome } from './service.js';

const loginBody = z
  .object({
    username: z.string().min(1).max(200).describe('Employee ID, username or e-mail'),
    password: z.string().min(1).max(1024),
    captchaId: z.string().max(200).optional().describe('From GET /api/v1/auth/captcha; required unless CAPTCHA=off'),
    captchaAnswer: z.string().max(50).optional(),
  })
  .meta({
    examples: [
      {
        username: 'duty.ps1',
        password: 'the demo password',
        captchaId: '(captchaId from GET /api/v1/auth/captcha)',
        captchaAnswer: 'x7k2p',
      },
    ],
  });

const mfaBody = z
  .object({ code: z.string().min(1).max(40).describe('The 6-digit code from the authenticator app, or a recovery code (XXXXX-XXXXX)') })
  .meta({ examples: [{ code: '492039' }, { code: 'K7M2Q-9XPTR' }] });

const captchaQuery = z.object({
  kind: z
    .enum(['image', 'text'])
    .default('image')
    .describe('image: letters in an SVG; text: an arithmetic question for screen-reader users'),
});

const forgotBody = z
  .object({
    username: z.string().min(1).max(200).describe('Username or registered e-mail'),
    captchaId: z.string().max(200).optional(),
    captchaAnswer: z.string().max(50).optional(),
  })
  .meta({ examples: [{ username: 'io.ps1', captchaId: '(captchaId from GET /api/v1/auth/captcha)', captchaAnswer: 'x7k2p' }] });

const resetBody = z
  .object({
    username: z.string().min(1).max(200),
    otp: z.string().min(1).max(20).describe('The 6-digit code sent by e-mail and SMS'),
    newPassword: z.string().min(1).max(1024),
  })
  .meta({ examples: [{ username: 'io.ps1', otp: '358214', newPassword: 'monsoon clouds over the vindhya range' }] });

const changeBody = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
  .meta({ examples: [{ currentPassword: 'the demo password', newPassword: 'monsoon clouds over the vindhya range' }] });

const checkBody = z
  .object({
    password: z.string().max(1024),
    username: z.string().max(200).optional().describe('Without a session (reset form): the username typed, checked as the user’s own word'),
  })
  .meta({ examples: [{ password: 'india@123' }, { password: 'monsoon clouds over the vindhya range' }] });

const confirmBody = z
  .object({ code: z.string().min(1).max(20).describe('The first 6-digit code the app shows after scanning') })
  .meta({ examples: [{ code: '492039' }] });

const idParam = z.object({ id: z.uuid() });

export const userView = (u: SessionUser, mfaEnabled?: boolean) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  nameHi: u.nameHi,
  role: u.role,
  rank: u.rank,
  stationId: u.stationId,
  subdivisionId: u.subdivisionId,
  districtId: u.districtId,
  stateCode: u.stateCode,
  passwordTemporary: u.passwordTemporary,
  ...(mfaEnabled !== undefined ? { mfaEnabled } : {}),
});

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
  });
}

function loginAnswer(o: LoginOutcome) {
  if (o.kind === 'mfa') return { mfaRequired: true as const, csrfToken: o.session.csrfToken };
  return {
    user: userView(o.session.user, o.mfaEnabled),
    csrfToken: o.session.csrfToken,
    passwordChangeRequired: o.passwordChangeRequired,
    mfaEnrolmentRequired: o.mfaEnrolmentRequired,
  };
}

export async function authRoutes(app: App, deps: Deps) {
  const loginLimit = { max: deps.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 };
  const publicLimit = { max: deps.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 };
  const testAnswers = captchaTestHookEnabled(deps.config) ? new TestAnswers() : undefined;

  app.get(
    '/auth/captcha',
    {
      schema: {
        tags: ['auth'],
        summary: 'A new captcha: an SVG image, or (kind=text) an arithmetic question for screen readers',
        querystring: captchaQuery,
      },
      config: { public: true, rateLimit: publicLimit },
    },
    async (req) => createCaptcha(deps, req.query.kind, testAnswers),
  );

  if (testAnswers) {
    // Browser tests read the answer here. Registered only with NODE_ENV=test or
    // CAPTCHA_TEST_HOOK=on, which config refuses in production.
    app.get('/auth/captcha/:id/answer-for-tests', { schema: { hide: true, params: idParam }, config: { public: true } }, async (req) => {
      const answer = testAnswers.get(req.params.id);
      if (!answer) throw new AppError(404, 'captcha_not_found', 'Captcha not found.', 'कैप्चा नहीं मिला।');
      return { answer };
    });
  }

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Log in with username, password and captcha', body: loginBody },
      config: { public: true, skipCsrf: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const o = await login(deps, req.body, req.actor, req.cookies[SESSION_COOKIE], testAnswers);
      setSessionCookie(req, reply, o.session.token);
      return loginAnswer(o);
    },
  );

  app.post(
    '/auth/login/mfa',
    {
      schema: { tags: ['auth'], summary: 'Second step of a login with 2FA: a TOTP code or a recovery code', body: mfaBody },
      config: { allowMfaPending: true, allowTemporaryPassword: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const o = await completeMfaLogin(deps, authOf(req), req.body.code, req.actor);
      setSessionCookie(req, reply, o.session.token);
      return loginAnswer(o);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user' }, config: { allowTemporaryPassword: true, allowMfaEnrolment: true } },
    async (req) => {
      const a = authOf(req);
      const st = await repo.getAuthState(deps.db.kysely, a.user.id);
      return {
        ...userView(a.user, !!st?.totp_enabled_at),
        csrfToken: a.csrfToken,
        passwordChangeRequired: a.user.passwordTemporary,
        mfaEnrolmentRequired: a.mfaEnrolmentRequired ?? false,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End the session on the server and clear the cookie' },
      config: { allowTemporaryPassword: true, allowMfaPending: true, allowMfaEnrolment: true },
    },
    async (req, reply) => {
      await logout(deps, authOf(req), req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password/check',
    {
      schema: {
        tags: ['auth'],
        summary: 'Check a new password against the rules while typing: reasons and a 0–4 strength',
        body: checkBody,
      },
      // Changes nothing, so no CSRF token is needed; open to the reset form too.
      config: { public: true, skipCsrf: true, rateLimit: publicLimit },
    },
    async (req) => {
      const db = deps.db.kysely;
      const password = req.body.password.slice(0, PASSWORD_MAX_LENGTH + 1);
      const self = req.auth && !req.auth.mfaPending ? await repo.findUserById(db, req.auth.user.id) : undefined;
      // Without a session only the typed username counts as the user's own word: no account data leaks.
      const who =
        self ??
        (req.body.username ? { username: req.body.username.trim().toLowerCase(), name: '', name_hi: null, station_id: null } : undefined);
      return checkNewPassword(db, password, who);
    },
  );

  app.post(
    '/auth/password/change',
    {
      schema: { tags: ['auth'], summary: 'Change your password; ends your other sessions', body: changeBody },
      config: { allowTemporaryPassword: true, allowMfaEnrolment: true },
    },
    async (req) => {
      const r = await changePassword(deps, authOf(req), req.actor, req.body.currentPassword, req.body.newPassword);
      return { ok: true, otherSessionsEnded: r.otherSessionsEnded };
    },
  );

  app.post(
    '/auth/password/forgot',
    {
      schema: { tags: ['auth'], summary: 'Send a 6-digit code to the registered e-mail and mobile; always 202', body: forgotBody },
      config: { public: true, skipCsrf: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      await forgotPassword(deps, req.actor, req.body, testAnswers);
      return reply.status(202).send({
        message: 'If the account exists, a 6-digit code has been sent to its registered e-mail and mobile. It is valid for 10 minutes.',
        messageHi: 'यदि खाता मौजूद है, तो उसके पंजीकृत ई-मेल और मोबाइल पर 6 अंकों का कोड भेजा गया है। यह 10 मिनट तक मान्य है।',
      });
    },
  );

  app.post(
    '/auth/password/reset',
    {
      schema: { tags: ['auth'], summary: 'Set a new password with the code; ends every session (2FA stays on)', body: resetBody },
      config: { public: true, skipCsrf: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      await resetPassword(deps, req.actor, req.body);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return {
        ok: true,
        message: 'Your password has been changed. Log in with the new password.',
        messageHi: 'आपका पासवर्ड बदल दिया गया है। नए पासवर्ड से लॉग इन करें।',
      };
    },
  );

  app.post(
    '/auth/mfa/totp/enrol',
    {
      schema: { tags: ['auth'], summary: 'Start two-factor set-up: a secret, its otpauth URL and QR code' },
      config: { allowMfaEnrolment: true, allowTemporaryPassword: true },
    },
    async (req) => beginTotpEnrolment(deps, authOf(req)),
  );

  app.post(
    '/auth/mfa/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm two-factor set-up with a first code; returns 10 recovery codes, shown once',
        body: confirmBody,
      },
      config: { allowMfaEnrolment: true, allowTemporaryPassword: true },
    },
    async (req) => confirmTotpEnrolment(deps, authOf(req), req.actor, req.body.code),
  );

  app.get(
    '/auth/sessions',
    { schema: { tags: ['auth'], summary: 'Your sessions: device, IP and times; the current one marked' } },
    async (req) => ({
      items: await listSessions(deps, authOf(req)),
    }),
  );

  app.delete(
    '/auth/sessions/:id',
    { schema: { tags: ['auth'], summary: 'End one of your sessions', params: idParam } },
    async (req, reply) => {
      const r = await endOwnSession(deps, authOf(req), req.actor, req.params.id);
      if (r.current) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/admin/users/:id/unlock',
    {
      schema: { tags: ['admin'], summary: 'Lift a lockout (wrong passwords or codes) before it runs out', params: idParam },
      config: { permission: 'users.unlock' },
    },
    async (req) => unlockAccount(deps, req.actor, authOf(req).user, req.params.id),
  );

  app.post(
    '/admin/users/:id/mfa/reset',
    {
      schema: { tags: ['admin'], summary: 'Reset a user’s two-factor authentication (lost phone); ends their sessions', params: idParam },
      config: { permission: 'users.mfa_reset' },
    },
    async (req) => resetMfaByAdmin(deps, authOf(req), req.actor, req.params.id),
  );
}

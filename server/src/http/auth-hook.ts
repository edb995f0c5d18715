import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthenticated } from '../lib/errors.js';
import { can } from '../policy/index.js';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/service.js';
import type { Deps } from './types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfRefused = () =>
  new AppError(
    403,
    'csrf_token_invalid',
    'The security token is missing or wrong. Reload the page.',
    'सुरक्षा टोकन गायब या गलत है। पृष्ठ फिर से लोड करें।',
  );

/**
 * Runs before every /api route: resolves the session, then enforces, in order, login, the
 * pending second factor, a temporary password, a 2FA enrolment the role requires, the CSRF
 * token on state-changing requests, and the route's policy action. Routes declare what they
 * need in `config`; nothing in a handler checks a role.
 */
export function authHook(deps: Deps) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.auth = null;
    const cfg = req.routeOptions.config ?? {};
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      try {
        req.auth = await resolveSession(deps, token, req.actor);
      } catch (e) {
        // An expired session on a public route is simply no session.
        if (!cfg.public) throw e;
      }
    }
    if (req.auth) {
      req.actor = {
        ...req.actor,
        stateCode: req.auth.user.stateCode,
        userId: req.auth.user.id,
        username: req.auth.user.username,
        role: req.auth.user.role,
      };
    }
    if (cfg.public) {
      if (req.auth && !SAFE_METHODS.has(req.method) && !cfg.skipCsrf) checkCsrf(req);
      return;
    }
    const auth = req.auth;
    if (!auth) throw unauthenticated();
    if (auth.mfaPending && !cfg.allowMfaPending) {
      throw new AppError(
        401,
        'mfa_required',
        'Enter the 6-digit code from your authenticator app.',
        'अपने ऑथेंटिकेटर ऐप से 6 अंकों का कोड दर्ज करें।',
      );
    }
    if (auth.user.passwordTemporary && !cfg.allowTemporaryPassword) {
      throw new AppError(
        403,
        'password_change_required',
        'Your password has expired; set a new one.',
        'आपके पासवर्ड की अवधि समाप्त हो गई है; नया पासवर्ड सेट करें।',
      );
    }
    if (auth.mfaEnrolmentRequired && !cfg.allowMfaEnrolment) {
      throw new AppError(
        403,
        'mfa_enrolment_required',
        'Your role needs two-factor authentication. Set it up to continue.',
        'आपकी भूमिका के लिए दो-चरणीय प्रमाणीकरण आवश्यक है। आगे बढ़ने के लिए इसे सेट करें।',
      );
    }
    if (!SAFE_METHODS.has(req.method) && !cfg.skipCsrf) checkCsrf(req);
    if (cfg.permission && !can(auth.user.role, cfg.permission)) throw forbidden();
  };
}

function checkCsrf(req: FastifyRequest) {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !req.auth || !sameToken(sent, req.auth.csrfToken)) throw csrfRefused();
}

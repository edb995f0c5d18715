import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { Clock } from '../lib/clock.js';
import type { ActorContext } from '../modules/audit/service.js';
import type { Action, Role, Scope } from '../policy/index.js';

/** What every module's routes and services are given. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Ends in-flight background work (outbox relay etc.) on close. */
  onClose: (fn: () => Promise<void> | void) => void;
}

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  nameHi: string | null;
  role: Role;
  rank: string | null;
  email: string | null;
  mobile: string | null;
  stateCode: string;
  districtId: string | null;
  subdivisionId: string | null;
  stationId: string | null;
  passwordTemporary: boolean;
}

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  mfaPending: boolean;
  /**
   * The user's role must have two-factor authentication (MFA_REQUIRED_ROLES) and they have not
   * enrolled yet: the session reaches only routes marked `allowMfaEnrolment`.
   */
  mfaEnrolmentRequired?: boolean;
  user: SessionUser;
  scope: Scope;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    actor: ActorContext;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, captcha, public case status). */
    public?: boolean;
    /** The policy action the caller's role must hold. */
    permission?: Action;
    /** Reachable by a session that still owes its second factor. */
    allowMfaPending?: boolean;
    /** Reachable while the password is a temporary one that must be changed. */
    allowTemporaryPassword?: boolean;
    /** Reachable by a session whose role needs 2FA before the user has enrolled (enrol, confirm, me, logout). */
    allowMfaEnrolment?: boolean;
    /** Skip the CSRF check (login only: there is no session yet to bind a token to). */
    skipCsrf?: boolean;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The authenticated user of a route that is not public. */
export function authOf(req: { auth: AuthContext | null }): AuthContext {
  if (!req.auth) throw new Error('authOf called on a public route without a session');
  return req.auth;
}

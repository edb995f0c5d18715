import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, SessionUser } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { recordAudit } from '../audit/service.js';
import { checkPassword, logout, openSession, SESSION_COOKIE, wrongCredentials } from './service.js';

const loginBody = z
  .object({
    username: z.string().min(1).max(200).describe('Employee ID, username or e-mail'),
    password: z.string().min(1).max(1024),
    captchaId: z.string().max(200).optional(),
    captchaAnswer: z.string().max(50).optional(),
  })
  .meta({ examples: [{ username: 'duty.ps1', password: 'the demo password', captchaId: '…', captchaAnswer: 'x7k2p' }] });

export const userView = (u: SessionUser) => ({
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
});

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
  });
}

export async function authRoutes(app: App, deps: Deps) {
  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Log in with username and password', body: loginBody },
      config: { public: true, skipCsrf: true, rateLimit: { max: deps.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const result = await checkPassword(deps.db.kysely, username, password);
      if (!result.user || result.reason) {
        await recordAudit(deps.db.kysely, deps.clock, { ...req.actor, userId: result.user?.id ?? null, username: username.trim().toLowerCase().slice(0, 100) }, {
          action: 'auth.login',
          outcome: 'failure',
          entityType: 'user',
          entityId: result.user?.id,
          details: { reason: result.reason },
        });
        throw wrongCredentials();
      }
      const user = result.user;
      const s = await deps.db.kysely.transaction().execute(async (trx) => {
        const opened = await openSession(deps, trx, user, req.actor, { previousToken: req.cookies[SESSION_COOKIE] });
        await recordAudit(trx, deps.clock, { ...req.actor, userId: user.id, username: user.username, role: user.role, stateCode: user.state_code }, {
          action: 'auth.login',
          entityType: 'user',
          entityId: user.id,
          stationId: user.station_id,
          districtId: user.district_id,
        });
        return opened;
      });
      setSessionCookie(req, reply, s.token);
      return { user: userView(s.user), csrfToken: s.csrfToken };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user' }, config: { allowTemporaryPassword: true } },
    async (req) => {
      const a = authOf(req);
      return { ...userView(a.user), csrfToken: a.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'End the session on the server and clear the cookie' },
      config: { allowTemporaryPassword: true, allowMfaPending: true },
    },
    async (req, reply) => {
      await logout(deps, authOf(req), req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { pingDb, type Db } from './db/index.js';
import { systemClock, type Clock } from './lib/clock.js';
import { randomToken } from './lib/ids.js';
import { errorHandler } from './http/error-handler.js';
import { authHook } from './http/auth-hook.js';
import type { App, Deps } from './http/types.js';
import { AppError } from './lib/errors.js';
import { logRedactPaths } from './lib/logger.js';
import { routeModules } from './routes.js';

export interface BuildOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Where the built web app lives; defaults to web/dist. Absent: the API alone is served. */
  webDist?: string;
  logger?: FastifyServerOptions['logger'];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_WEB_DIST = path.join(ROOT, 'web/dist');

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,100}$/;

/** Builds the whole app from plugins, without listening. Tests import this. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? {
      level: config.LOG_LEVEL,
      redact: { paths: logRedactPaths, censor: '[redacted]' },
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Take a caller's request id when it is well-formed (a load balancer's), else make one.
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && REQUEST_ID_RE.test(h) ? h : randomToken(12);
    },
    ajv: { customOptions: { coerceTypes: true } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const closers: (() => Promise<void> | void)[] = [];
  const deps: Deps = { config, db, clock, log: app.log, onClose: (fn) => closers.push(fn) };
  app.addHook('onClose', async () => {
    for (const fn of closers.reverse()) await fn();
  });

  // Every /api/v1 route, as 'METHOD /path', for the jurisdiction matrix test.
  const registeredRoutes: string[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1')) return;
    for (const m of [r.method].flat()) if (m !== 'HEAD') registeredRoutes.push(`${m} ${r.url}`);
  });

  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
    req.actor = {
      stateCode: config.STATE_CODE,
      userId: null,
      username: null,
      role: null,
      ip: req.ip ?? null,
      userAgent: (req.headers['user-agent'] ?? '').slice(0, 300) || null,
      requestId: String(req.id),
    };
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:', 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Open CCTNS API',
        version: '1',
        description:
          'Crime and Criminal Tracking Network & Systems. Errors have the shape {"error":{"code","message","messageHi","fields"}}. State-changing requests need the X-CSRF-Token header from the login response.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cctns_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    // zod drops an object's .meta() examples when the JSON schema is made for input and a field
    // transforms; put them back so every request body keeps its example in the document.
    transform: (arg) => {
      const out = jsonSchemaTransform(arg);
      const body = (arg.schema as { body?: unknown } | undefined)?.body;
      const examples = body && typeof body === 'object' ? z.globalRegistry.get(body as z.ZodType)?.examples : undefined;
      const outBody = (out.schema as { body?: Record<string, unknown> } | undefined)?.body;
      if (examples && outBody && !outBody.examples) outBody.examples = examples;
      return out;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/health', { schema: { hide: true }, config: { public: true } }, async (_req, reply) => {
    const ok = await pingDb(db);
    return reply.status(ok ? 200 : 503).send(ok ? { status: 'ok', db: 'ok' } : { status: 'degraded', db: 'unreachable' });
  });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>() as App;
      typed.addHook('onRequest', authHook(deps));
      typed.addHook('onSend', async (req, reply, payload) => {
        if (req.auth || req.routeOptions.config?.public !== true) reply.header('Cache-Control', 'no-store');
        return payload;
      });
      for (const register of routeModules) await register(typed, deps);
      typed.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist ?? DEFAULT_WEB_DIST;
  if (existsSync(path.join(webDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    // The single-page app owns every non-API path.
    // A missing asset is a 404, never index.html served as JavaScript.
    const isAsset = req.url.startsWith('/assets/') || /\.[a-z0-9]{1,5}(\?|$)/i.test(req.url);
    if (req.method === 'GET' && !req.url.startsWith('/api') && !isAsset && existsSync(path.join(webDist, 'index.html'))) {
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html');
    }
    throw new AppError(404, 'route_not_found', 'No such address.', 'ऐसा कोई पता नहीं है।');
  });

  return app as unknown as App;
}

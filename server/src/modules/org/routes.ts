import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { ROLES, RANKS } from '../../policy/index.js';
import * as repo from './repository.js';
import * as svc from './service.js';
import { adminUserView, beatView, stationView } from './presenter.js';

const idParam = z.object({ id: z.uuid() });
const mobile = z.string().regex(/^\+?[0-9]{10,13}$/, 'a 10-digit mobile number, optionally with +91');

const newUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(/^[a-zA-Z0-9._@-]+$/, 'letters, digits, dot, dash, underscore or @'),
    name: z.string().trim().min(2).max(120),
    nameHi: z.string().trim().max(120).nullish(),
    email: z.email().nullish(),
    mobile: mobile.nullish(),
    role: z.enum(ROLES),
    rank: z.enum(RANKS).nullish(),
    stationId: z.uuid().nullish(),
    subdivisionId: z.uuid().nullish(),
    districtId: z.uuid().nullish(),
  })
  .meta({
    examples: [
      {
        username: 'si.sharma',
        name: 'Anil Sharma',
        nameHi: 'अनिल शर्मा',
        email: 'anil.sharma@police.example',
        mobile: '9876500011',
        role: 'io',
        rank: 'si',
        stationId: '(a station id from GET /api/v1/org/structure)',
      },
    ],
  });

const userChangeBody = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(2).max(120).optional(),
    nameHi: z.string().trim().max(120).nullish(),
    email: z.email().nullish(),
    mobile: mobile.nullish(),
    role: z.enum(ROLES).optional(),
    rank: z.enum(RANKS).nullish(),
    stationId: z.uuid().nullish(),
    subdivisionId: z.uuid().nullish(),
    districtId: z.uuid().nullish(),
  })
  .meta({ examples: [{ version: 1, role: 'sho', stationId: '(another station id)' }] });

const stationBody = z
  .object({
    subdivisionId: z.uuid(),
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,12}$/, '2–12 capital letters or digits'),
    name: z.string().trim().min(2).max(120),
    nameHi: z.string().trim().min(2).max(120),
    address: z.string().max(300).nullish(),
    phone: z.string().max(20).nullish(),
    lat: z.number().min(-90).max(90).nullish(),
    lng: z.number().min(-180).max(180).nullish(),
  })
  .meta({
    examples: [{ subdivisionId: '(a sub-division id)', code: 'PS09', name: 'Naya Bazar', nameHi: 'नया बाज़ार', lat: 23.25, lng: 77.41 }],
  });

const stationChange = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(2).max(120).optional(),
    nameHi: z.string().trim().min(2).max(120).optional(),
    address: z.string().max(300).nullish(),
    phone: z.string().max(20).nullish(),
    lat: z.number().min(-90).max(90).nullish(),
    lng: z.number().min(-180).max(180).nullish(),
    active: z.boolean().optional(),
  })
  .meta({ examples: [{ version: 1, phone: '0755-2440001' }] });

const beatBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{1,12}$/, '1–12 capital letters, digits or dashes'),
    name: z.string().trim().min(2).max(120),
    nameHi: z.string().trim().min(2).max(120),
  })
  .meta({ examples: [{ code: 'B4', name: 'Railway Colony', nameHi: 'रेलवे कॉलोनी' }] });

const beatChange = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(2).max(120).optional(),
    nameHi: z.string().trim().min(2).max(120).optional(),
    active: z.boolean().optional(),
  })
  .meta({ examples: [{ version: 1, active: false }] });

export async function orgRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;

  app.get('/meta', { schema: { tags: ['org'], summary: 'The state this deployment serves' }, config: { public: true } }, async () => {
    const st = await repo.getState(db, deps.config.STATE_CODE);
    return {
      stateCode: deps.config.STATE_CODE,
      stateName: st?.name ?? deps.config.STATE_CODE,
      stateNameHi: st?.name_hi ?? deps.config.STATE_CODE,
      demo: st?.is_demo ?? false,
      captcha: deps.config.CAPTCHA === 'on',
      sessionIdleMinutes: deps.config.SESSION_IDLE_MINUTES,
    };
  });

  app.get(
    '/public/stations',
    { schema: { tags: ['public'], summary: 'Police stations of the state, for citizens’ forms' }, config: { public: true } },
    async () => {
      const [districts, stations] = await Promise.all([
        repo.listDistricts(db, deps.config.STATE_CODE),
        repo.listStations(db, deps.config.STATE_CODE),
      ]);
      return {
        districts: districts.map((d) => ({ id: d.id, code: d.code, name: d.name, nameHi: d.name_hi })),
        stations: stations.map((s) => ({
          id: s.id,
          code: s.code,
          districtId: s.district_id,
          name: s.name,
          nameHi: s.name_hi,
          phone: s.phone,
          lat: s.lat,
          lng: s.lng,
        })),
      };
    },
  );

  app.get(
    '/org/structure',
    { schema: { tags: ['org'], summary: 'Districts, sub-divisions and stations of the state' }, config: { permission: 'org.read' } },
    async (req) => {
      const sc = authOf(req).user.stateCode;
      const [state, districts, subdivisions, stations] = await Promise.all([
        repo.getState(db, sc),
        repo.listDistricts(db, sc),
        repo.listSubdivisions(db, sc),
        repo.listStations(db, sc, { includeInactive: true }),
      ]);
      return {
        state: state && { code: state.code, name: state.name, nameHi: state.name_hi, population: state.population, demo: state.is_demo },
        districts: districts.map((d) => ({ id: d.id, code: d.code, name: d.name, nameHi: d.name_hi, population: d.population })),
        subdivisions: subdivisions.map((s) => ({ id: s.id, districtId: s.district_id, code: s.code, name: s.name, nameHi: s.name_hi })),
        stations: stations.map(stationView),
      };
    },
  );

  app.get('/org/stations/:id/beats', { schema: { tags: ['org'], params: idParam }, config: { permission: 'org.read' } }, async (req) => {
    const sc = authOf(req).user.stateCode;
    if (!(await repo.findStation(db, sc, req.params.id))) throw svc.stationNotFound();
    return { items: (await repo.listBeats(db, sc, req.params.id)).map(beatView) };
  });

  app.post(
    '/org/stations',
    { schema: { tags: ['org'], summary: 'Create a police station', body: stationBody }, config: { permission: 'org.manage' } },
    async (req, reply) => reply.status(201).send(stationView(await svc.createStation(deps, authOf(req), req.actor, req.body))),
  );

  app.patch(
    '/org/stations/:id',
    { schema: { tags: ['org'], params: idParam, body: stationChange }, config: { permission: 'org.manage' } },
    async (req) => stationView(await svc.updateStation(deps, authOf(req), req.actor, req.params.id, req.body)),
  );

  app.post(
    '/org/stations/:id/beats',
    { schema: { tags: ['org'], params: idParam, body: beatBody }, config: { permission: 'org.manage' } },
    async (req, reply) => reply.status(201).send(beatView(await svc.createBeat(deps, authOf(req), req.actor, req.params.id, req.body))),
  );

  app.patch(
    '/org/beats/:id',
    { schema: { tags: ['org'], params: idParam, body: beatChange }, config: { permission: 'org.manage' } },
    async (req) => beatView(await svc.updateBeat(deps, authOf(req), req.actor, req.params.id, req.body)),
  );

  const listQuery = z.object({
    q: z.string().max(100).optional(),
    role: z.enum(ROLES).optional(),
    stationId: z.uuid().optional(),
    includeDisabled: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

  app.get(
    '/admin/users',
    { schema: { tags: ['admin'], summary: 'List users', querystring: listQuery }, config: { permission: 'users.read' } },
    async (req) => {
      const q = req.query;
      const rows = await repo.listUsers(db, authOf(req).scope, { ...q, includeDisabled: q.includeDisabled === 'true' });
      return { items: rows.map(adminUserView) };
    },
  );

  app.post(
    '/admin/users',
    {
      schema: { tags: ['admin'], summary: 'Create a user with a temporary password', body: newUserBody },
      config: { permission: 'users.manage' },
    },
    async (req, reply) => {
      const r = await svc.createUser(deps, authOf(req), req.actor, req.body);
      return reply.status(201).send({ user: adminUserView(r.user), temporaryPassword: r.temporaryPassword });
    },
  );

  app.get('/admin/users/:id', { schema: { tags: ['admin'], params: idParam }, config: { permission: 'users.read' } }, async (req) => {
    const { user, lockedUntil, mfaEnabled } = await svc.userWithAccountState(deps, authOf(req), req.params.id);
    return { ...adminUserView(user), lockedUntil, mfaEnabled };
  });

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Move a user to another station or role, or edit details',
        params: idParam,
        body: userChangeBody,
      },
      config: { permission: 'users.manage' },
    },
    async (req) => adminUserView(await svc.updateUser(deps, authOf(req), req.actor, req.params.id, req.body)),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/admin/users/:id/${path}`,
      {
        schema: {
          tags: ['admin'],
          summary: `${path === 'disable' ? 'Disable (ends all sessions at once)' : 'Re-enable'} a user`,
          params: idParam,
        },
        config: { permission: 'users.manage' },
      },
      async (req) => adminUserView(await svc.setDisabled(deps, authOf(req), req.actor, req.params.id, disabled)),
    );
  }

  app.post(
    '/admin/users/:id/temporary-password',
    {
      schema: { tags: ['admin'], summary: 'Issue a temporary password, shown once', params: idParam },
      config: { permission: 'users.manage' },
    },
    async (req) => svc.issueTemporaryPassword(deps, authOf(req), req.actor, req.params.id),
  );

  app.post(
    '/admin/users/:id/end-sessions',
    { schema: { tags: ['admin'], summary: 'End every session of a user', params: idParam }, config: { permission: 'users.manage' } },
    async (req) => svc.endAllSessions(deps, authOf(req), req.actor, req.params.id),
  );
}

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import type { PeopleOfficer } from '../people/service.js';
import * as svc from './service.js';

const officer = (req: FastifyRequest): PeopleOfficer => ({ auth: authOf(req), actor: req.actor });

const q = z.string().max(5000).default('').describe('2 characters or more');
const limit = z.coerce.number().int().min(1).max(100).default(20);

const unifiedQuery = z.object({ q });
const vehicleQuery = z.object({
  q: q.describe('Registration ("MH 12 AB 1234" = "mh12ab1234"), chassis or engine number, or make / model / colour words'),
  status: z.enum(['stolen', 'recovered', 'seized', 'involved']).optional(),
  district: z.uuid().optional(),
  limit,
});
const propertyQuery = z.object({
  q: z.string().max(5000).optional().describe('IMEI, serial number, or words of the description'),
  category: z.string().trim().max(40).optional().describe('mobile_phone, electronic, jewellery, cash, document, ...'),
  status: z.enum(['stolen', 'lost', 'recovered', 'seized', 'involved']).optional(),
  district: z.uuid().optional(),
  limit,
});
const moQuery = z.object({
  crimeHead: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.]{1,12}$/)
    .optional()
    .describe('NCRB crime head code (sub-heads included): 27 = burglary'),
  mo: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : v.split(','))
            .map((s) => s.trim())
            .filter((s) => /^[A-Z0-9-]{2,20}$/.test(s))
            .slice(0, 10),
    )
    .describe('MO codes from the master list, comma-separated: MO-BUR-01,MO-BUR-03'),
  placeType: z.string().trim().max(60).optional(),
  timeBand: z.enum(['night', 'morning', 'afternoon', 'evening']).optional(),
  area: z.string().max(200).optional(),
  district: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const firParam = z.object({ firId: z.uuid() });

const IST = '+05:30';

/** Vehicles, property, modus operandi, related cases and the unified search box (police only; audited). */
export async function searchRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tags = ['search'];

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: 'Unified search: persons, FIR numbers, vehicles, phone numbers and property identifiers, grouped by type',
        querystring: unifiedQuery,
      },
      config: { permission: 'search.use' },
    },
    async (req) => svc.unifiedSearch(deps, db, officer(req), req.query.q),
  );

  app.get(
    '/vehicles/search',
    {
      schema: {
        tags,
        summary: 'Vehicles by registration, chassis or engine number, make and colour; stolen / recovered status',
        querystring: vehicleQuery,
      },
      config: { permission: 'search.use' },
    },
    async (req) =>
      svc.searchVehicles(deps, db, officer(req), {
        q: req.query.q,
        status: req.query.status,
        districtId: req.query.district,
        limit: req.query.limit,
      }),
  );

  app.get(
    '/property/search',
    {
      schema: { tags, summary: 'Property by category and identifiers (IMEI, serial number)', querystring: propertyQuery },
      config: { permission: 'search.use' },
    },
    async (req) =>
      svc.searchProperty(deps, db, officer(req), {
        q: req.query.q,
        category: req.query.category,
        status: req.query.status,
        districtId: req.query.district,
        limit: req.query.limit,
      }),
  );

  app.get(
    '/mo/search',
    {
      schema: { tags, summary: 'Cases by crime head, modus operandi, type of place, time of day and area', querystring: moQuery },
      config: { permission: 'search.use' },
    },
    async (req) => {
      const x = req.query;
      return svc.searchMo(deps, db, officer(req), {
        crimeHead: x.crimeHead,
        mo: x.mo,
        placeType: x.placeType,
        timeBand: x.timeBand,
        area: x.area,
        districtId: x.district,
        from: x.from ? new Date(`${x.from}T00:00:00${IST}`) : undefined,
        to: x.to ? new Date(`${x.to}T23:59:59.999${IST}`) : undefined,
        openOnly: x.open === 'true',
        limit: x.limit,
      });
    },
  );

  app.get(
    '/mo/related/:firId',
    {
      schema: { tags, summary: 'Cases related to an open investigation by modus operandi, with the features they share', params: firParam },
      config: { permission: 'search.use' },
    },
    async (req) => svc.relatedCases(deps, db, officer(req), req.params.firId),
  );
}

import { z } from 'zod';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import { istDate } from '../../lib/clock.js';
import { gdEntryView } from './presenter.js';
import { renderGdDayPdf } from './print.js';
import { addGdEntry, gdDay, MANUAL_GD_KINDS } from './service.js';

const dayQuery = z.object({
  stationId: z.uuid().optional().describe('Defaults to the caller’s own station'),
  date: z.iso.date().optional().describe('The IST calendar day, YYYY-MM-DD; defaults to today in India'),
});

const newEntryBody = z
  .object({
    stationId: z.uuid().optional().describe('Defaults to the caller’s own station'),
    kind: z.enum(MANUAL_GD_KINDS),
    text: z.string().trim().min(3).max(10_000),
    correctsId: z.uuid().optional().describe('An earlier entry of the same station that this one corrects'),
    officers: z.array(z.string().trim().min(2).max(120)).max(50).optional().describe('Officers departing or arriving'),
  })
  .meta({
    examples: [
      {
        kind: 'departure',
        text: 'SI Sunita Verma with Ct. 412 departed for the Bazaar beat on patrol duty, with the station jeep.',
        officers: ['SI Sunita Verma', 'Ct. 412 Mahesh'],
      },
    ],
  });

export async function gdRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;

  app.get(
    '/gd',
    {
      schema: { tags: ['gd'], summary: 'A station’s General Diary for one IST day', querystring: dayQuery },
      config: { permission: 'gd.read' },
    },
    async (req) => {
      const date = req.query.date ?? istDate(deps.clock.now());
      const day = await gdDay(db, authOf(req), req.query.stationId, date);
      return { stationId: day.station.id, stationCode: day.station.code, date, items: day.items.map(gdEntryView) };
    },
  );

  app.post(
    '/gd',
    {
      schema: {
        tags: ['gd'],
        summary: 'Add an entry to the General Diary (append-only; a correction points at the old entry)',
        body: newEntryBody,
      },
      config: { permission: 'gd.write' },
    },
    async (req, reply) => {
      const { entry } = await db.transaction().execute((trx) => addGdEntry(deps, trx, authOf(req), req.actor, req.body));
      return reply.status(201).send(gdEntryView(entry));
    },
  );

  app.get(
    '/gd/print.pdf',
    { schema: { tags: ['gd'], summary: 'The day’s General Diary as a PDF', querystring: dayQuery }, config: { permission: 'gd.read' } },
    async (req, reply) => {
      const date = req.query.date ?? istDate(deps.clock.now());
      const day = await gdDay(db, authOf(req), req.query.stationId, date);
      const pdf = await renderGdDayPdf(day.station, date, day.items, deps.clock.now());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="GD-${day.station.code}-${date}.pdf"`)
        .send(pdf);
    },
  );
}

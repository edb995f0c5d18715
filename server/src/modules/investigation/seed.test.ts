import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { demoSeeders } from '../../seed/index.js';
import { as } from './factories.js';

/**
 * The demo state as `npm start` seeds it, every seeder in its order (seed/index.ts): cases at
 * every stage, the investigation records on the screens, FIR and GD
 * numbers in time order, and the OpenAPI examples of this module's request bodies, sent
 * unchanged, succeed against it.
 */
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({
    clockStart: '2026-11-28T06:30:00Z',
    config: { UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'cctns-seed-')), RATE_LIMIT_LOGIN_PER_MINUTE: '10000' },
  });
  for (const s of demoSeeders) await s(t.db, t.ids, t.clock);
}, 600_000);
afterAll(() => t.close());

const example = async (method: 'post' | 'put', p: string, i = 0) => {
  const spec = (await t.anon().get('/api/v1/openapi.json')).json();
  const content = spec.paths[p][method].requestBody.content['application/json'];
  const all =
    content.schema.examples ??
    (content.examples ? Object.values(content.examples as Record<string, { value: unknown }>).map((e) => e.value) : [content.example]);
  return all[i] as Record<string, unknown>;
};

async function demoCase() {
  const f = await t.db.kysely
    .selectFrom('fir')
    .select(['id', 'fir_number'])
    .where('place', '=', 'House no. 22, Housing Board Colony, Vindhyanagar')
    .executeTakeFirstOrThrow();
  return (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${f.id}`)).json() as Record<string, any>;
}

/**
 * The records, in time order, whose number is higher than that of a later record of the same
 * register (station and year, or station and day), each named with the first such later one.
 */
function outOfOrder(rows: { group: string; no: number; at: Date | string; what: string }[]): string[] {
  const show = (r: (typeof rows)[number]) => `no. ${r.no} (${new Date(r.at).toISOString()}, ${r.what})`;
  const out: string[] = [];
  rows.forEach((r, i) => {
    const later = rows.slice(i + 1).find((l) => l.group === r.group && l.no < r.no);
    if (later) out.push(`${r.group}: ${show(r)} is dated before ${show(later)}`);
  });
  return out;
}

describe('investigation demo data', () => {
  it('has cases at every stage, and FIR and GD numbers in time order at every station', async () => {
    const stages = await t.db.kysely.selectFrom('fir_status').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage).sort()).toEqual(
      ['accepted_by_court', 'appealed', 'disposed', 'final_report_submitted', 'registered', 'under_investigation', 'under_trial'].sort(),
    );
    const firs = await t.db.kysely
      .selectFrom('fir as f')
      .innerJoin('station as s', 's.id', 'f.station_id')
      .select(['s.code', 'f.year', 'f.serial', 'f.registered_at', 'f.place'])
      .orderBy('f.registered_at')
      .execute();
    expect
      .soft(
        outOfOrder(firs.map((f) => ({ group: `${f.code}/${f.year}`, no: f.serial, at: f.registered_at, what: f.place }))),
        'FIRs numbered out of time order',
      )
      .toEqual([]);
    const gd = await t.db.kysely
      .selectFrom('gd_entry as g')
      .innerJoin('station as s', 's.id', 'g.station_id')
      .select(['s.code', 'g.day', 'g.entry_no', 'g.recorded_at', 'g.kind'])
      .orderBy('g.recorded_at')
      .orderBy('g.entry_no')
      .execute();
    expect
      .soft(
        outOfOrder(gd.map((g) => ({ group: `${g.code}/${String(g.day)}`, no: g.entry_no, at: g.recorded_at, what: g.kind }))),
        'GD entries numbered out of time order',
      )
      .toEqual([]);
  });

  it('fills the demo case page: persons, diary, arrest, seizures with custody, clocks', async () => {
    const c = await demoCase();
    expect(c.stage).toBe('under_investigation');
    expect(c.io.id).toBe(t.ids.users['io.ps1']);
    expect(c.persons.map((p: { code: string }) => p.code)).toEqual(['C1', 'W1', 'A1', 'A2']);
    expect(c.diary.length).toBeGreaterThanOrEqual(2);
    expect(c.arrests).toHaveLength(1);
    expect(c.arrests[0].events.map((e: { kind: string }) => e.kind)).toEqual(['produced', 'remanded_judicial']);
    expect(c.crimeDetails.version).toBe(1);
    const items = c.seizures.flatMap((s: { items: { itemNo: number; location: string }[] }) => s.items);
    expect(items.map((i: { location: string }) => i.location)).toEqual(['malkhana', 'fsl', 'seized']);
    expect(c.clocks.find((k: { kind: string }) => k.kind === 'charge_sheet_60_90').details.days).toBe(60);
    expect(c.supervisionNotes).toHaveLength(1);
    const alerts = (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${c.id}/property-alerts`)).json();
    expect(alerts.alerts[0].otherCaseText).toBe('a case in another station');
  });

  it('puts clocks on the IO’s and the SHOs’ dashboards', async () => {
    const io = (await (await as(t, 'io.ps1')).get('/api/v1/dashboard')).json() as { counts: Record<string, number> };
    expect(io.counts.myCases).toBeGreaterThanOrEqual(2);
    expect(io.counts.myClocksDue7d).toBeGreaterThanOrEqual(1);
    const sho2 = (await (await as(t, 'sho.ps2')).get('/api/v1/dashboard')).json() as { counts: Record<string, number> };
    expect(sho2.counts.clocksOverdue).toBeGreaterThanOrEqual(1);
    expect(sho2.counts.clocksDue7d).toBeGreaterThanOrEqual(1);
    const board = (await t.anon().get('/api/v1/public/stations/PS01/arrests')).json() as { items: { name: string }[] };
    expect(board.items.map((i) => i.name)).toContain('Aman Ahirwar');
  });

  it('takes the OpenAPI examples of the case routes unchanged', async () => {
    const c = await demoCase();
    const io = await as(t, 'io.ps1');
    const base = `/api/v1/cases/${c.id}`;
    const send = async (method: 'post' | 'put', p: string, url: string, who = io) => {
      const body = await example(method, p);
      const r = method === 'post' ? await who.post(url, body) : await who.put(url, body);
      expect(r.statusCode, `${p}: ${r.body}`).toBeLessThan(300);
      return r.json();
    };
    await send('post', '/api/v1/cases/{id}/diary', `${base}/diary`);
    await send('put', '/api/v1/cases/{id}/crime-details', `${base}/crime-details`);
    await send('post', '/api/v1/cases/{id}/persons', `${base}/persons`);
    await send('post', '/api/v1/cases/{id}/statements', `${base}/statements`);
    await send('post', '/api/v1/cases/{id}/appearance-notices', `${base}/appearance-notices`);
    const registered = await t.db.kysely
      .selectFrom('fir as f')
      .innerJoin('fir_status as s', 's.fir_id', 'f.id')
      .select('f.id')
      .where('s.stage', '=', 'registered')
      .where('s.transfer_state', 'is', null)
      .where('f.station_id', '=', t.ids.stations.PS01)
      .executeTakeFirstOrThrow();
    await send('post', '/api/v1/cases/{id}/assign-io', `/api/v1/cases/${registered.id}/assign-io`, await as(t, 'sho.ps1'));
    const arrest = await send('post', '/api/v1/cases/{id}/arrests', `${base}/arrests`);
    expect(arrest.personCode).toBe('A2');
    await send('post', '/api/v1/cases/{id}/arrests/{arrestId}/events', `${base}/arrests/${c.arrests[0].id}/events`);
    await send('post', '/api/v1/cases/{id}/progress-notices', `${base}/progress-notices`);
    await send('post', '/api/v1/cases/{id}/seizures', `${base}/seizures`);
    const seized = c.seizures
      .flatMap((s: { items: { id: string; location: string }[] }) => s.items)
      .find((i: { location: string }) => i.location === 'seized');
    await send('post', '/api/v1/cases/{id}/items/{itemId}/moves', `${base}/items/${seized.id}/moves`);
    await send('post', '/api/v1/cases/{id}/documents', `${base}/documents`);
    await send('post', '/api/v1/cases/{id}/forensic-requests', `${base}/forensic-requests`);
    const req = (await demoCase()).forensicRequests[0];
    await send('post', '/api/v1/cases/{id}/forensic-requests/{requestId}/reports', `${base}/forensic-requests/${req.id}/reports`);
    await send('post', '/api/v1/cases/{id}/supervision-notes', `${base}/supervision-notes`, await as(t, 'sdpo.sd1'));
    // The workflow example: the SHO returns a report awaiting approval (prosecution's demo case).
    const awaiting = await t.db.kysely
      .selectFrom('case_state')
      .select('fir_id')
      .where('substate', '=', 'awaiting_sho_approval')
      .executeTakeFirstOrThrow();
    const ret = await (
      await as(t, 'sho.ps1')
    ).post(`/api/v1/cases/${awaiting.fir_id}/transition`, await example('post', '/api/v1/cases/{id}/transition', 1));
    expect(ret.statusCode, ret.body).toBe(200);
  });
});

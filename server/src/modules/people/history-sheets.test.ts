import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makePerson } from './factories.js';

let t: TestContext;
let sho1: Client;
let io1: Client;
let personId: string;
let sheet: { id: string; version: number; sheetNo: number };

beforeAll(async () => {
  t = await startTestApp();
  sho1 = await t.login('sho.ps1');
  io1 = await t.login('io.ps1');
  personId = (await makePerson(t, io1, { name: 'Kallu Pehelwan', aliases: ['Kallu'] })).id;
  const r = await sho1.post('/api/v1/history-sheets', {
    personId,
    offenderClass: 'A',
    reason: 'Four house-breaking cases at PS Kotwali since 2023; convicted twice.',
    modusOperandi: 'Breaks locks of closed houses at night.',
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  sheet = r.json();
}, 300_000);
afterAll(() => t.close());

describe('history sheets', () => {
  it('is opened by the SHO with a number, the class and the reason; an IO may add surveillance notes and associates', async () => {
    expect(sheet).toMatchObject({ sheetNo: 1, offenderClass: 'A', status: 'open', stationCode: 'PS01' });
    const assoc = await makePerson(t, io1, { name: 'Chhotu Receiver' });
    const e = await io1.post(`/api/v1/history-sheets/${sheet.id}/entries`, {
      kind: 'associate',
      text: 'Sells stolen gold through him.',
      associatePersonId: assoc.id,
    });
    expect(e.statusCode, e.body).toBe(201);
    const s = await io1.post(`/api/v1/history-sheets/${sheet.id}/entries`, {
      kind: 'surveillance',
      text: 'Checked at home at 23:10; present.',
    });
    expect(s.json().entries.map((x: { kind: string }) => x.kind)).toEqual(['associate', 'surveillance']);
    expect(s.json().entries[0].associateName).toBe('Chhotu Receiver');
  });

  it('refuses a second open sheet on the same person', async () => {
    const r = await sho1.post('/api/v1/history-sheets', { personId, offenderClass: 'B', reason: 'A second sheet for the same person.' });
    expect(r.statusCode).toBe(409);
    expect(errorOf(r).code).toBe('history_sheet_open');
  });

  it('may not be opened by an IO', async () => {
    const p = await makePerson(t, io1, { name: 'Someone Else' });
    expect(
      (await io1.post('/api/v1/history-sheets', { personId: p.id, offenderClass: 'B', reason: 'An IO may not open a sheet.' })).statusCode,
    ).toBe(403);
  });

  it('is never reachable by a citizen, a court, the administrator or an anonymous caller', async () => {
    const paths = [`/api/v1/history-sheets/${sheet.id}`, '/api/v1/history-sheets', `/api/v1/people/${personId}/history-sheets`];
    for (const who of [null, 'citizen1', 'court1', 'admin'] as const) {
      const c = who ? await t.login(who) : t.anon();
      for (const p of paths) {
        const r = await c.get(p);
        expect(r.statusCode, `${who ?? 'anon'} ${p}`).toBeGreaterThanOrEqual(401);
        expect(r.statusCode).toBeLessThan(404);
        expect(r.body).not.toContain('Kallu');
      }
      const w = await c.post(`/api/v1/history-sheets/${sheet.id}/entries`, { kind: 'note', text: 'x' });
      expect(w.statusCode).toBeGreaterThanOrEqual(401);
    }
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(pub.paths).filter((p) => p.includes('history') && p.includes('public'))).toEqual([]);
  });

  it('shows another station only that a sheet exists, and answers 404 for the sheet itself', async () => {
    const io2 = await t.login('io.ps2');
    expect((await io2.get(`/api/v1/history-sheets/${sheet.id}`)).statusCode).toBe(404);
    const r = (await io2.get(`/api/v1/people/${personId}/history-sheets`)).json();
    expect(r.sheets).toEqual([]);
    expect(r.elsewhere).toEqual([expect.objectContaining({ stationCode: 'PS01', offenderClass: 'A', status: 'open' })]);
    expect(JSON.stringify(r)).not.toContain('house-breaking');
  });

  it('audits every read', async () => {
    await io1.get(`/api/v1/history-sheets/${sheet.id}`);
    const rows = await t.db.kysely
      .selectFrom('audit_event')
      .select(['actor_username', 'entity_id'])
      .where('action', '=', 'history_sheet.read')
      .execute();
    expect(rows).toContainEqual({ actor_username: 'io.ps1', entity_id: sheet.id });
  });

  it('is closed by the SHO with a reason; a stale version is refused', async () => {
    const cur = (await sho1.get(`/api/v1/history-sheets/${sheet.id}`)).json();
    expect(
      (await sho1.post(`/api/v1/history-sheets/${sheet.id}/close`, { version: cur.version + 1, reason: 'Stale version of the sheet.' }))
        .statusCode,
    ).toBe(412);
    const c = await sho1.post(`/api/v1/history-sheets/${sheet.id}/close`, {
      version: cur.version,
      reason: 'No offence for seven years; verified.',
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ status: 'closed', closeReason: 'No offence for seven years; verified.' });
    expect((await io1.post(`/api/v1/history-sheets/${sheet.id}/entries`, { kind: 'note', text: 'after close' })).statusCode).toBe(409);
  });
});

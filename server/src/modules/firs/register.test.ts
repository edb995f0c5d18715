import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makeFirInput, registerFirAs } from './factories.js';

let t: TestContext;
let duty: Client;
beforeAll(async () => {
  t = await startTestApp();
  duty = await t.login('duty.ps1');
});
afterAll(() => t.close());

const post = (c: Client, body: Record<string, unknown>, key: string | null = randomUUID()) =>
  c.post('/api/v1/firs', body, key ? { 'idempotency-key': key } : {});

describe('registering an FIR', () => {
  it('posts the OpenAPI example unchanged as duty.ps1 and gets 201 with the FIR number', async () => {
    const spec = (await t.anon().get('/api/v1/openapi.json')).json();
    const op = spec.paths['/api/v1/firs'].post;
    const content = op.requestBody.content['application/json'];
    const example = content.example ?? content.schema.examples?.[0];
    expect(example).toBeTruthy();
    expect(JSON.stringify(example)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no per-seed ids
    const r = await post(duty, example);
    expect(r.statusCode, r.body).toBe(201);
    const fir = r.json();
    expect(fir.firNumber).toMatch(/^\d{4}\/2026$/);
    expect(fir.stationCode).toBe('PS01');
    expect(fir.stationId).toBe(t.ids.stations.PS01);
    expect(fir.occurrence.beatId).toBe(t.ids.beats['PS01/B1']);
    expect(fir.sections).toEqual([expect.objectContaining({ act: 'BNS', section: '303(2)', titleEn: 'Theft', sensitive: false })]);
    expect(fir.propertyTotalValue).toBe(45000);
    expect(fir.stage).toBe('registered');
    expect(fir.sensitive).toBe(false);
  });

  it('points the FIR at a GD entry of its station recorded no later than the FIR', async () => {
    const fir = await registerFirAs(t, duty);
    const full = (await duty.get(`/api/v1/firs/${fir.id}`)).json();
    expect(new Date(full.gdEntry.recordedAt).getTime()).toBeLessThanOrEqual(new Date(full.registeredAt).getTime());
    const gd = (await duty.get(`/api/v1/gd?date=${full.gdEntry.date}`)).json();
    const entry = gd.items.find((e: { id: string }) => e.id === full.gdEntry.id);
    expect(entry).toMatchObject({ kind: 'fir_registered', refType: 'fir', refId: fir.id });
    expect(entry.text).toContain(fir.firNumber);
  });

  it('cites an earlier information entry of the same station when given, and refuses another station’s', async () => {
    const info = await duty.post('/api/v1/gd', { kind: 'information', text: 'Ravi Kumar reported by phone the theft of his motorcycle.' });
    expect(info.statusCode).toBe(201);
    const ok = await post(duty, makeFirInput({ gdEntryId: info.json().id }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().gdEntry.id).toBe(info.json().id);

    const other = await (await t.login('duty.ps2')).post('/api/v1/gd', { kind: 'information', text: 'Information at Civil Lines.' });
    const bad = await post(duty, makeFirInput({ gdEntryId: other.json().id }));
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields).toHaveProperty('gdEntryId');
  });

  it('refuses a GD entry recorded after the registration time', async () => {
    t.clock.advanceMinutes(10);
    const later = await duty.post('/api/v1/gd', { kind: 'information', text: 'Entry written ten minutes on.' });
    t.clock.advanceMinutes(-10);
    const r = await post(duty, makeFirInput({ gdEntryId: later.json().id }));
    t.clock.advanceMinutes(10);
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('gd_entry_after_fir');
  });

  it('flags an FIR sensitive from its sections and keeps the complainant’s name off lists and the GD', async () => {
    const fir = await registerFirAs(t, duty, {
      sections: [{ act: 'BNS', section: '64(1)' }],
      complainant: { name: 'Kamla Devi', sex: 'female', isVictim: true },
      propertyItems: [],
    });
    expect(fir.sensitive).toBe(true);
    expect(fir.sensitiveBySection).toBe(true);
    const list = (await duty.get(`/api/v1/firs?q=${encodeURIComponent(fir.firNumber)}`)).json();
    expect(list.items[0]).toMatchObject({ id: fir.id, sensitive: true, complainantName: null });
    const full = (await duty.get(`/api/v1/firs/${fir.id}`)).json();
    const gd = (await duty.get(`/api/v1/gd?date=${full.gdEntry.date}`)).json();
    const entry = gd.items.find((e: { id: string }) => e.id === full.gdEntry.id);
    expect(entry.text).not.toContain('Kamla');
  });

  it('audits every read of an FIR', async () => {
    const fir = await registerFirAs(t, duty);
    await duty.get(`/api/v1/firs/${fir.id}`);
    const rows = await t.db.kysely.selectFrom('audit_event').select(['action', 'actor_username']).where('entity_id', '=', fir.id).execute();
    expect(rows).toContainEqual({ action: 'fir.read', actor_username: 'duty.ps1' });
  });
});

describe('bad input', () => {
  it('answers a malformed body with 400 naming the fields', async () => {
    const r = await post(duty, { informationType: 'telepathy', sections: [], occurrence: { from: 'yesterday' } });
    expect(r.statusCode).toBe(400);
    const fields = Object.keys(errorOf(r).fields ?? {});
    expect(fields).toEqual(expect.arrayContaining(['informationType', 'sections', 'occurrence.from', 'complainant', 'narrative']));
  });

  it('refuses a section that does not exist with 422 naming it', async () => {
    const r = await post(
      duty,
      makeFirInput({
        sections: [
          { act: 'BNS', section: '303(2)' },
          { act: 'BNS', section: '999(9)' },
        ],
      }),
    );
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('section_invalid');
    expect(errorOf(r).fields?.['sections.1']).toMatch(/999\(9\)/);
  });

  it('refuses BNS for an offence before 1 July 2024 and IPC for one after, saying which', async () => {
    const before = await post(duty, makeFirInput({ occurrence: { from: '2024-06-20T10:00:00+05:30', place: 'Sarafa Bazaar' } }));
    expect(before.statusCode).toBe(422);
    expect(errorOf(before).code).toBe('section_not_applicable');
    expect(errorOf(before).message).toMatch(/BNS 303\(2\).*2024-06-20.*IPC/);

    const ipcAfter = await post(duty, makeFirInput({ sections: [{ act: 'IPC', section: '379' }] }));
    expect(ipcAfter.statusCode).toBe(422);
    expect(errorOf(ipcAfter).fields?.['sections.0']).toMatch(/IPC 379.*BNS/);

    const ipcBefore = await post(
      duty,
      makeFirInput({
        sections: [{ act: 'IPC', section: '379' }],
        occurrence: { from: '2024-06-20T10:00:00+05:30', place: 'Sarafa Bazaar' },
      }),
    );
    expect(ipcBefore.statusCode, ipcBefore.body).toBe(201);
    expect(ipcBefore.json().occurrence.offenceDate).toBe('2024-06-20');
  });

  it('refuses BNS 106(2), which is not in force', async () => {
    const r = await post(duty, makeFirInput({ sections: [{ act: 'BNS', section: '106(2)' }] }));
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).fields?.['sections.0']).toMatch(/not in force/i);
  });

  it('refuses an occurrence in the future and one that ends before it begins', async () => {
    const future = await post(duty, makeFirInput({ occurrence: { from: '2026-01-16T10:00:00+05:30', place: 'Sarafa Bazaar' } }));
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).fields).toHaveProperty('occurrence.from');
    const backwards = await post(
      duty,
      makeFirInput({ occurrence: { from: '2025-12-10T10:00:00+05:30', to: '2025-12-09T10:00:00+05:30', place: 'Sarafa Bazaar' } }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(errorOf(backwards).fields).toHaveProperty('occurrence.to');
  });

  it('refuses a beat of another station with 422', async () => {
    const r = await post(
      duty,
      makeFirInput({ occurrence: { from: '2025-12-10T10:00:00+05:30', place: 'Sarafa Bazaar', beatId: t.ids.beats['PS02/B1'] } }),
    );
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('beat_not_in_station');
  });

  it('answers 404 for an FIR of another station, exactly as for a missing one', async () => {
    const fir = await registerFirAs(t, 'duty.ps2');
    const other = await duty.get(`/api/v1/firs/${fir.id}`);
    const missing = await duty.get(`/api/v1/firs/${randomUUID()}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
  });

  it('answers 404 when registering at a station outside the caller’s jurisdiction', async () => {
    const r = await post(duty, makeFirInput({ stationId: t.ids.stations.PS02 }));
    expect(r.statusCode).toBe(404);
  });
});

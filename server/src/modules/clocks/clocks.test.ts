import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { buildCatalogue, getCatalogue, readMasterDataDir, setCatalogue } from '../masterdata/index.js';
import { addArrest, addPerson, as, makeCase, submitFinalReport } from '../investigation/factories.js';
import { fileComplaintAs } from '../complaints/factories.js';
import { listInbox } from '../complaints/repository.js';
import { OPEN_STATUSES } from '../complaints/workflow.js';

let t: TestContext;
const original = getCatalogue();
beforeAll(async () => {
  t = await startTestApp({
    config: { RATE_LIMIT_LOGIN_PER_MINUTE: '10000', SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '100000' },
  });
}, 180_000);
afterAll(async () => {
  setCatalogue(original);
  await t.close();
});

const H = 3_600_000;
interface ClockItem {
  caseId: string;
  kind: string;
  status: string;
  dueAt: string;
  stoppedAt: string | null;
  basis: string;
  basisHi: string;
  subject: string | null;
  details: Record<string, unknown>;
}
const clocks = async (who: string, q = '') =>
  ((await (await as(t, who)).get(`/api/v1/clocks?pageSize=200${q}`)).json() as { items: ClockItem[] }).items;
const caseClocks = async (id: string) =>
  ((await (await as(t, 'io.ps1')).get(`/api/v1/cases/${id}`)).json() as { clocks: ClockItem[] }).clocks;

describe('the 24-hour production clock (BNSS 58) through the API', () => {
  it('runs from the arrest, is due at exactly 24 h, overdue a minute later, and stops on production', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused', { name: 'Clock Accused' });
    const arrest = await addArrest(t, c.id, 'A1');
    const arrestedAt = t.clock.now().getTime();

    const due = (await clocks('io.ps1', '&due=7d')).filter((k) => k.caseId === c.id && k.kind === 'production_24h');
    expect(due).toHaveLength(1);
    expect(new Date(due[0].dueAt).getTime()).toBe(arrestedAt + 24 * H);
    expect(due[0].subject).toBe('A1 Clock Accused');
    expect(due[0].basis).toMatch(/BNSS 58/);

    t.clock.advance(24 * H);
    expect((await clocks('io.ps1', '&due=overdue')).some((k) => k.caseId === c.id && k.kind === 'production_24h')).toBe(false);
    t.clock.advanceMinutes(1);
    const overdue = (await clocks('io.ps1', '&due=overdue')).filter((k) => k.caseId === c.id);
    expect(overdue.map((k) => k.kind)).toEqual(['production_24h']);
    expect(overdue[0].status).toBe('overdue');

    const r = await (
      await as(t, 'io.ps1')
    ).post(`/api/v1/cases/${c.id}/arrests/${arrest.id}/events`, { kind: 'produced', courtName: 'CJM Vindhyanagar' });
    expect(r.statusCode).toBe(201);
    expect((await clocks('io.ps1')).some((k) => k.caseId === c.id && k.kind === 'production_24h')).toBe(false);
    const all = await caseClocks(c.id);
    expect(all.find((k) => k.kind === 'production_24h')!.status).toBe('missed');
  });

  it('is listed worst first, only within the caller’s jurisdiction, and "mine" for the IO', async () => {
    const a = await makeCase(t);
    await addPerson(t, a.id, 'accused');
    await addArrest(t, a.id, 'A1');
    t.clock.advance(2 * H);
    const b = await makeCase(t);
    await addPerson(t, b.id, 'accused');
    await addArrest(t, b.id, 'A1');
    const other = await makeCase(t, { registeredBy: 'duty.ps2', sho: 'sho.ps2', io: 'io.ps2' });
    await addPerson(t, other.id, 'accused', {}, 'io.ps2');
    await addArrest(t, other.id, 'A1', {}, 'io.ps2');
    t.clock.advance(30 * H);

    const list = await clocks('sho.ps1', '&due=overdue');
    const mineOnly = list.filter((k) => k.caseId === a.id || k.caseId === b.id).map((k) => k.caseId);
    expect(mineOnly).toEqual([a.id, b.id]); // a is overdue longer
    const due = list.map((k) => new Date(k.dueAt).getTime());
    expect(due).toEqual([...due].sort((x, y) => x - y));
    expect(list.some((k) => k.caseId === other.id)).toBe(false);
    expect((await clocks('sp.d1', '&due=overdue')).some((k) => k.caseId === other.id)).toBe(true);
    expect((await clocks('io.ps2', '&due=overdue')).some((k) => k.caseId === a.id)).toBe(false);
    expect((await clocks('io2.ps1', '&mine=true')).some((k) => k.caseId === a.id)).toBe(false);
    expect((await clocks('io.ps1', '&mine=true')).some((k) => k.caseId === a.id)).toBe(true);

    const dash = (await (await as(t, 'sho.ps1')).get('/api/v1/dashboard')).json() as { counts: Record<string, unknown> };
    expect(dash.counts.clocksOverdue).toBeGreaterThanOrEqual(2);
    expect(Array.isArray(dash.counts.clocksPanel)).toBe(true);
    const ioDash = (await (await as(t, 'io.ps1')).get('/api/v1/dashboard')).json() as { counts: Record<string, number> };
    expect(ioDash.counts.myClocksOverdue).toBeGreaterThanOrEqual(2);
    expect(ioDash.counts.myCases).toBeGreaterThanOrEqual(2);
  });
});

describe('the 60/90-day charge-sheet clock (BNSS 187(3)) through the API', () => {
  async function remanded(sections: { act: string; section: string }[]) {
    const c = await makeCase(t, { fir: { sections } });
    await addPerson(t, c.id, 'accused');
    const a = await addArrest(t, c.id, 'A1', { necessityReason: 'needed' });
    t.clock.advance(H);
    await (
      await as(t, 'io.ps1')
    ).post(`/api/v1/cases/${c.id}/arrests/${a.id}/events`, { kind: 'remanded_judicial', courtName: 'CJM Vindhyanagar' });
    return (await caseClocks(c.id)).find((k) => k.kind === 'charge_sheet_60_90')!;
  }

  it('gives 60 days for a 7-year section, 90 for a 10-year (contested) and a life section', async () => {
    const seven = await remanded([{ act: 'BNS', section: '305' }]);
    expect(seven.details.days).toBe(60);
    const ten = await remanded([{ act: 'BNS', section: '331(3)' }]);
    expect(ten.details.days).toBe(90);
    expect(ten.details.contested).toBe(true);
    const life = await remanded([{ act: 'BNS', section: '109(1)' }]);
    expect(life.details.days).toBe(90);
    expect(life.details.contested).toBe(false);
    expect(life.basis).toMatch(/187\(3\)/);
    expect(life.basisHi).toMatch(/187\(3\)/);
  });

  it('follows the state’s per-section override in the master data', async () => {
    const raw = readMasterDataDir();
    raw.overrides.push({
      state_code: 'XA',
      act_code: 'BNS',
      section_code: '331(3)',
      custody_days_override: '60',
      basis: 'Demo state circular 7/2026',
    });
    setCatalogue(buildCatalogue(raw));
    try {
      const ten = await remanded([{ act: 'BNS', section: '331(3)' }]);
      expect(ten.details.days).toBe(60);
      expect(ten.basis).toMatch(/Demo state circular/);
    } finally {
      setCatalogue(original);
    }
  });

  it('stops when the SHO forwards the final report, and runs again if it is returned', async () => {
    const c = await makeCase(t);
    await addPerson(t, c.id, 'accused');
    const a = await addArrest(t, c.id, 'A1');
    await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/arrests/${a.id}/events`, { kind: 'remanded_judicial', courtName: 'CJM' });
    await submitFinalReport(t, c.id);
    expect((await caseClocks(c.id)).find((k) => k.kind === 'charge_sheet_60_90')!.stoppedAt).toBeNull();
    expect(
      (await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/transition`, { action: 'return_final_report', reason: 'More evidence' }))
        .statusCode,
    ).toBe(200);
    expect((await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/transition`, { action: 'submit_final_report' })).statusCode).toBe(
      200,
    );
    expect((await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/transition`, { action: 'approve_final_report' })).statusCode).toBe(
      200,
    );
    const k = (await caseClocks(c.id)).find((x) => x.kind === 'charge_sheet_60_90')!;
    expect(k.stoppedAt).not.toBeNull();
    expect(k.status).toBe('met');
  });
});

describe('the 90-day progress notice (BNSS 193(3)(ii))', () => {
  it('becomes overdue after 90 days and leaves the list once the notice is sent', async () => {
    const c = await makeCase(t);
    t.clock.advance(92 * 24 * H);
    expect((await clocks('sho.ps1', '&due=overdue')).some((k) => k.caseId === c.id && k.kind === 'progress_notice_90d')).toBe(true);
    expect((await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/progress-notices`, { recipient: 'informant' })).statusCode).toBe(201);
    expect((await clocks('sho.ps1')).some((k) => k.caseId === c.id && k.kind === 'progress_notice_90d')).toBe(false);
    expect((await caseClocks(c.id)).find((k) => k.kind === 'progress_notice_90d')!.status).toBe('missed');
  });

  it('a rape case carries the two-month clock', async () => {
    const c = await makeCase(t, { fir: { sections: [{ act: 'BNS', section: '64(1)' }] } });
    const k = (await caseClocks(c.id)).find((x) => x.kind === 'investigation_2_months');
    expect(k).toBeDefined();
    expect(k!.basis).toMatch(/193\(2\)/);
  });
});

describe('the registration clocks from the complaints module', () => {
  it('lists an unsigned e-FIR’s 3-day clock (BNSS 173(1)(ii)) beside the case clocks, overdue after 3 days', async () => {
    const start = t.clock.now();
    const c = await fileComplaintAs(t, 'citizen1', {
      kind: 'mobile_theft',
      occurrence: { from: new Date(start.getTime() - 3600_000).toISOString(), place: 'Sarafa Bazaar' },
    });
    const get = async (q: string) =>
      (
        (await (await as(t, 'sho.ps1')).get(`/api/v1/clocks?pageSize=5${q}`)).json() as {
          complaintClocks: { complaintId: string; kind: string; basis: string }[];
        }
      ).complaintClocks;
    const due = (await get('&due=7d')).find((k) => k.complaintId === c.id);
    expect(due?.kind).toBe('efir_signature_3d');
    expect(due?.basis).toMatch(/173\(1\)\(ii\)/);
    expect((await get('&due=overdue')).some((k) => k.complaintId === c.id)).toBe(false);
    t.clock.advance(3 * 24 * H + 60_000);
    expect((await get('&due=overdue')).some((k) => k.complaintId === c.id)).toBe(true);
    expect((await (await as(t, 'io.ps1')).get('/api/v1/clocks?mine=true')).json().complaintClocks).toEqual([]);
  });

  it('reads only the complaints that have a clock, so a busy station’s open complaints cannot push one off the list', async () => {
    const plain = await fileComplaintAs(t, 'citizen1', { kind: 'other' });
    const efir = await fileComplaintAs(t, 'citizen1', {
      kind: 'mobile_theft',
      occurrence: { from: new Date(t.clock.now().getTime() - 3600_000).toISOString(), place: 'Sarafa Bazaar' },
    });
    const state = { level: 'state', stateCode: 'XA' } as const;
    const page = { statuses: OPEN_STATUSES, limit: 500, offset: 0 };
    const open = await listInbox(t.db.kysely, state, page);
    expect(open.rows.map((r) => r.id)).toEqual(expect.arrayContaining([plain.id, efir.id]));
    const clocked = await listInbox(t.db.kysely, state, { ...page, clocked: true });
    expect(clocked.rows.map((r) => r.id)).toContain(efir.id);
    expect(clocked.rows.map((r) => r.id)).not.toContain(plain.id);
    expect(clocked.total).toBeLessThan(open.total);
  });
});

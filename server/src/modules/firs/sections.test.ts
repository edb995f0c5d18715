import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from './factories.js';

let t: TestContext;
let duty: Client;
beforeAll(async () => {
  t = await startTestApp();
  duty = await t.login('duty.ps1');
});
afterAll(() => t.close());

type Hit = { act: string; section: string; label: string; titleEn: string; titleHi: string; matchedBy: string };
const search = async (q: string, date?: string) => {
  const r = await duty.get(`/api/v1/firs/sections?q=${encodeURIComponent(q)}${date ? `&date=${date}` : ''}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { penalCode: string; items: Hit[] };
};

describe('the FIR form’s section picker', () => {
  it('finds the theft section by words in English and in Hindi under the BNS for an offence on or after 1 July 2024', async () => {
    for (const q of ['theft', 'चोरी']) {
      const r = await search(q, '2025-11-20');
      expect(r.penalCode).toBe('BNS');
      expect(r.items.map((h) => h.label)).toContain('BNS 303(2)');
      expect(r.items.some((h) => h.act === 'IPC')).toBe(false);
    }
  });

  it('offers the IPC for an offence before 1 July 2024 (BNS 358(2))', async () => {
    const r = await search('theft', '2024-06-30');
    expect(r.penalCode).toBe('IPC');
    expect(r.items.map((h) => h.label)).toContain('IPC 379');
    expect(r.items.some((h) => h.act === 'BNS')).toBe(false);
  });

  it('finds a section by its number and gives both titles', async () => {
    const r = await search('303(2)', '2025-11-20');
    expect(r.items[0]).toMatchObject({ act: 'BNS', section: '303(2)', titleEn: 'Theft', matchedBy: 'number' });
    expect(r.items[0].titleHi).not.toBe('');
  });

  it('refuses an empty query and a bad date with 400, and citizens with 403', async () => {
    expect((await duty.get('/api/v1/firs/sections?q=')).statusCode).toBe(400);
    expect((await duty.get('/api/v1/firs/sections?q=theft&date=20-11-2025')).statusCode).toBe(400);
    const citizen = await t.login('citizen1');
    expect((await citizen.get('/api/v1/firs/sections?q=theft')).statusCode).toBe(403);
  });
});

describe('the FIR list’s sensitive filter', () => {
  it('lists only sensitive FIRs with sensitive=true and only the others with sensitive=false', async () => {
    const plain = await registerFirAs(t, duty);
    const sho = await t.login('sho.ps1');
    const marked = await registerFirAs(t, duty);
    expect((await sho.post(`/api/v1/firs/${marked.id}/mark-sensitive`, { reason: 'The victim is a minor.' })).statusCode).toBe(200);
    const ids = async (q: string) =>
      ((await duty.get(`/api/v1/firs?pageSize=200${q}`)).json() as { items: { id: string; sensitive: boolean }[] }).items;
    const yes = await ids('&sensitive=true');
    expect(yes.map((f) => f.id)).toContain(marked.id);
    expect(yes.every((f) => f.sensitive)).toBe(true);
    const no = await ids('&sensitive=false');
    expect(no.map((f) => f.id)).toContain(plain.id);
    expect(no.map((f) => f.id)).not.toContain(marked.id);
    expect((await duty.get('/api/v1/firs?sensitive=maybe')).statusCode).toBe(400);
  });
});

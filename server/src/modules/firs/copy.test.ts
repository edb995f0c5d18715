import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { registerFirAs } from './factories.js';
import { firCopyData, PUBLIC_FORBIDDEN_FIELDS } from './presenter.js';
import { findFir, publicFirList } from './service.js';

let t: TestContext;
let duty: Client;
beforeAll(async () => {
  t = await startTestApp();
  duty = await t.login('duty.ps1');
});
afterAll(() => t.close());

const keysDeep = (v: unknown): string[] => (v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keysDeep(x)]) : []);

const stateScope = { level: 'state' as const, stateCode: 'XA' };

describe('FIR copy and verification', () => {
  it('renders the copy as a PDF in English and Hindi, and audits it', async () => {
    const fir = await registerFirAs(t, duty);
    for (const lang of ['en', 'hi']) {
      const r = await duty.get(`/api/v1/firs/${fir.id}/copy.pdf?lang=${lang}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(r.rawPayload.length).toBeGreaterThan(5000);
    }
    const audits = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', fir.id)
      .where('action', '=', 'fir.copy')
      .execute();
    expect(audits).toHaveLength(2);
    expect((await duty.get(`/api/v1/firs/${fir.id}/copy.pdf?lang=fr`)).statusCode).toBe(400);
  });

  it('withholds the victim’s identity from the copy of a sensitive FIR and masks phone and ID numbers in every copy', async () => {
    const plain = await registerFirAs(t, duty, {
      complainant: { name: 'Ravi Kumar', phone: '9826012345', idDocument: { type: 'aadhaar', number: '123412341234' } },
    });
    const p = firCopyData((await findFir(t.db.kysely, stateScope, plain.id))!);
    expect(p.complainant).toMatchObject({
      withheld: false,
      name: 'Ravi Kumar',
      phone: '••••••2345',
      idDocument: { number: '••••••••1234' },
    });

    const sensitive = await registerFirAs(t, duty, {
      sections: [{ act: 'BNS', section: '74' }],
      complainant: { name: 'Sita Kumari', address: '5, Gandhi Nagar', phone: '9826011111', isVictim: true },
      victims: [{ name: 'Sita Kumari', age: 24, sex: 'female' }],
    });
    const s = firCopyData((await findFir(t.db.kysely, stateScope, sensitive.id))!);
    expect(s.complainant).toEqual({ withheld: true });
    expect(s.victims).toEqual([]);
    expect(JSON.stringify(s)).not.toContain('Sita');
    expect(JSON.stringify(s)).not.toContain('9826011111');
  });

  it('verifies a copy’s code publicly with the station, number and date only', async () => {
    const fir = (await duty.get(`/api/v1/firs/${(await registerFirAs(t, duty)).id}`)).json();
    const r = await t.anon().get(
      `/api/v1/public/verify/${fir.verificationCode
        .match(/.{1,4}/g)
        .join('-')
        .toLowerCase()}`,
    );
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toEqual({
      valid: true,
      stateCode: 'XA',
      districtName: 'Vindhyanagar',
      districtNameHi: 'विंध्यनगर',
      stationCode: 'PS01',
      stationName: 'Kotwali',
      stationNameHi: 'कोतवाली',
      firNumber: fir.firNumber,
      registeredOn: '2026-01-15',
    });
    const forbidden = keysDeep(body).filter((k) => PUBLIC_FORBIDDEN_FIELDS.includes(k));
    expect(forbidden).toEqual([]);
    expect((await t.anon().get('/api/v1/public/verify/AAAAAAAAAAAA')).json()).toEqual({ valid: false });
  });

  it('gives the public FIR list data without sensitive FIRs or any person', async () => {
    const open = await registerFirAs(t, duty);
    const hidden = await registerFirAs(t, duty, { sections: [{ act: 'BNS', section: '64(1)' }] });
    const list = await publicFirList(t.db.kysely, t.ids.stations.PS01, {
      from: new Date('2026-01-01T00:00:00+05:30'),
      to: new Date('2027-01-01T00:00:00+05:30'),
    });
    const numbers = list.map((i) => i.firNumber);
    expect(numbers).toContain(open.firNumber);
    expect(numbers).not.toContain(hidden.firNumber);
    expect(keysDeep(list).filter((k) => PUBLIC_FORBIDDEN_FIELDS.includes(k))).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makeFirInput } from './factories.js';

let t: TestContext;
let duty: Client;
beforeAll(async () => {
  t = await startTestApp();
  duty = await t.login('duty.ps1');
});
afterAll(() => t.close());

const count = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('fir')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Idempotency-Key on POST /firs', () => {
  it('returns the same FIR, status and body for a repeat with the same key', async () => {
    const key = randomUUID();
    const before = await count();
    const a = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key });
    const b = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
  });

  it('files one FIR for a double-click (two concurrent submissions with one key)', async () => {
    const key = randomUUID();
    const before = await count();
    const [a, b] = await Promise.all([
      duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key }),
      duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with a different body with 422', async () => {
    const key = randomUUID();
    await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key });
    const r = await duty.post('/api/v1/firs', makeFirInput({ narrative: 'A different narrative about another theft altogether.' }), {
      'idempotency-key': key,
    });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('idempotency_key_reused');
  });

  it('answers 400 naming the header for a malformed key, and files nothing', async () => {
    const before = await count();
    const r = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': 'no spaces allowed here' });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ code: 'idempotency_key_invalid', fields: { 'Idempotency-Key': 'malformed' } });
    expect(errorOf(r).messageHi).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('answers 428 without a key, and files nothing', async () => {
    const before = await count();
    const r = await duty.post('/api/v1/firs', makeFirInput());
    expect(r.statusCode).toBe(428);
    expect(errorOf(r).code).toBe('idempotency_key_required');
    expect(errorOf(r).messageHi).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('keeps keys per user: another officer’s same key files their own FIR', async () => {
    const key = randomUUID();
    const a = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key });
    const b = await (await t.login('sho.ps1')).post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key });
    expect(b.statusCode).toBe(201);
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('does not store the key when registration is refused, so a corrected retry with it succeeds', async () => {
    const key = randomUUID();
    const bad = await duty.post('/api/v1/firs', makeFirInput({ sections: [{ act: 'BNS', section: '999' }] }), { 'idempotency-key': key });
    expect(bad.statusCode).toBe(422);
    const ok = await duty.post('/api/v1/firs', makeFirInput(), { 'idempotency-key': key });
    expect(ok.statusCode).toBe(201);
  });
});

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { as } from '../investigation/factories.js';
import { createEfilingRelay } from './efiling-relay.js';
import { canonicalJson, efilingDeliverySchema, type EfilingDelivery } from './efiling-schema.js';
import { approvedCase, bearer, demoCourt } from './factories.js';

/**
 * A court's e-filing endpoint, in process: a real HTTP server on port 0. It keeps what it
 * received by package id (the court side's idempotency), answers with a CNR, and can be told
 * to fail the next n requests or to answer "received" without registering.
 */
class CourtStub {
  server!: Server;
  url = '';
  requests: { packageId: string; idempotencyKey: string | undefined; authorization: string | undefined; body: EfilingDelivery }[] = [];
  registered = new Map<string, string>();
  failNext = 0;
  mode: 'register' | 'receive' | 'wrong_package' = 'register';
  private serial = 700;

  async start() {
    this.server = createServer((req, res) => {
      // One request per connection: fetch's pooled sockets otherwise race the server's
      // keep-alive timeout on a loaded machine ("fetch failed", a retry the test did not ask for).
      res.setHeader('connection', 'close');
      void this.handle(req, res);
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/efiling/packages`;
  }
  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = efilingDeliverySchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    const packageId = body.package.packageId;
    this.requests.push({
      packageId,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      authorization: req.headers.authorization,
      body,
    });
    if (this.failNext > 0) {
      this.failNext--;
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"maintenance"}');
      return;
    }
    if (this.mode === 'wrong_package') {
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ packageId: '00000000-0000-7000-8000-000000000000', cnr: 'XAVN010000012026' }));
      return;
    }
    if (this.mode === 'receive') {
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ packageId, status: 'received' }));
      return;
    }
    // Idempotent on the package id: the same package is registered once, with one CNR.
    let cnr = this.registered.get(packageId);
    if (!cnr) {
      cnr = `XAVN01${String(++this.serial).padStart(6, '0')}2026`;
      this.registered.set(packageId, cnr);
    }
    res
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ packageId, status: 'registered', cnr, courtCaseNo: `RCT ${this.serial}/2026` }));
  }
  close() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
}

let t: TestContext;
const stub = new CourtStub();
const COURT_API_TOKEN = 'court-api-token-for-tests-0123456789';

beforeAll(async () => {
  await stub.start();
  t = await startTestApp({ config: { COURT_API_URL: stub.url, COURT_API_TOKEN } });
  await demoCourt(t);
}, 240_000);
afterAll(async () => {
  await t.close();
  await stub.close();
});

const relay = () => createEfilingRelay({ config: t.config, db: t.db, clock: t.clock, log: t.app.log });
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('e-filing to COURT_API_URL through the outbox', () => {
  it('retries with backoff after two failures, delivers once, and records the court’s CNR on the case', async () => {
    const c = await approvedCase(t);
    const r = relay();
    stub.failNext = 2;
    stub.requests = [];

    expect(await r.drain()).toMatchObject({ delivered: 0, retried: 1 });
    // Not due again before the backoff (15 s) has passed: nothing is sent.
    t.clock.advance(14_000);
    expect(await r.drain()).toMatchObject({ delivered: 0, retried: 0 });
    expect(stub.requests).toHaveLength(1);
    t.clock.advance(1_000);
    expect(await r.drain()).toMatchObject({ retried: 1 });
    // The second backoff doubles (30 s).
    t.clock.advance(29_000);
    expect(await r.drain()).toMatchObject({ delivered: 0, retried: 0 });
    t.clock.advance(1_000);
    expect(await r.drain()).toMatchObject({ delivered: 1, retried: 0 });
    // Nothing left: a further drain sends nothing.
    t.clock.advance(3_600_000);
    expect(await r.drain()).toMatchObject({ delivered: 0, retried: 0 });

    expect(stub.requests).toHaveLength(3);
    expect(new Set(stub.requests.map((q) => q.packageId))).toEqual(new Set([c.packageId]));
    expect(stub.requests.every((q) => q.idempotencyKey === c.packageId && q.authorization === `Bearer ${COURT_API_TOKEN}`)).toBe(true);
    expect(stub.registered.size).toBe(1);

    const attempts = await t.db.kysely
      .selectFrom('efiling_attempt')
      .select(['attempt', 'outcome', 'http_status', 'cnr'])
      .where('package_id', '=', c.packageId)
      .orderBy('attempt')
      .execute();
    expect(attempts).toEqual([
      { attempt: 1, outcome: 'failed', http_status: 503, cnr: null },
      { attempt: 2, outcome: 'failed', http_status: 503, cnr: null },
      { attempt: 3, outcome: 'delivered', http_status: 201, cnr: stub.registered.get(c.packageId) },
    ]);
    const outbox = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'court.efile')
      .where('dedupe_key', '=', `court.efile:${c.packageId}`)
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0].delivered_at).not.toBeNull();
    expect(outbox[0].attempts).toBe(3);

    const page = (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page).toMatchObject({
      stage: 'accepted_by_court',
      court: { cnr: stub.registered.get(c.packageId) },
      efiling: { status: 'accepted', deliveredVia: 'push' },
    });
    expect(page.efiling.attempts).toHaveLength(3);
  });

  it('sends a package the court can check: schema, package SHA-256, and the PDFs’ hashes', async () => {
    const c = await approvedCase(t);
    stub.requests = [];
    await relay().drain();
    const got = stub.requests.find((q) => q.packageId === c.packageId)!.body;
    expect(got.package.schema).toBe('cctns.efiling.final-report/1');
    expect(sha(canonicalJson(got.package))).toBe(got.packageSha256);
    for (const a of got.attachments) {
      expect(sha(Buffer.from(a.contentBase64, 'base64'))).toBe(a.sha256);
      expect(got.package.attachments.find((x) => x.name === a.name)!.sha256).toBe(a.sha256);
      expect(Buffer.from(a.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(got.package.finalReport.accusedCharged[0]).toMatchObject({ code: 'A1', custody: { status: 'in_custody' } });
    expect(got.package.finalReport.materialObjects[0].description).toBe('Hero Splendor motorcycle');
    // The PDF the police see is byte for byte the one the court got.
    const pdf = await (await as(t, 'sho.ps1')).get(`/api/v1/cases/${c.id}/final-report/pdf?lang=en`);
    expect(sha(pdf.rawPayload)).toBe(got.attachments[0].sha256);
  });

  it('a court that only receives: the package is delivered, and the court accepts later through its API', async () => {
    const c = await approvedCase(t);
    stub.mode = 'receive';
    try {
      expect(await relay().drain()).toMatchObject({ delivered: 1 });
    } finally {
      stub.mode = 'register';
    }
    let page = (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page).toMatchObject({ stage: 'final_report_submitted', efiling: { status: 'delivered', deliveredVia: 'push' } });
    const court = await demoCourt(t);
    const a = await t.anon().post(`/api/v1/court/packages/${c.packageId}/accept`, { cnr: 'XAVN010008882026' }, bearer(court.token));
    expect(a.statusCode).toBe(201);
    page = (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page).toMatchObject({ stage: 'accepted_by_court', court: { cnr: 'XAVN010008882026' } });
  });

  it('an answer about another package is not a delivery: it is retried', async () => {
    const c = await approvedCase(t);
    stub.mode = 'wrong_package';
    try {
      expect(await relay().drain()).toMatchObject({ delivered: 0, retried: 1 });
    } finally {
      stub.mode = 'register';
    }
    const att = await t.db.kysely
      .selectFrom('efiling_attempt')
      .select(['outcome', 'error'])
      .where('package_id', '=', c.packageId)
      .execute();
    expect(att).toEqual([{ outcome: 'failed', error: 'court API answered for another package' }]);
    t.clock.advance(60_000);
    expect(await relay().drain()).toMatchObject({ delivered: 1 });
  });

  it('two relays draining at once deliver each package once', async () => {
    const c = await approvedCase(t);
    stub.requests = [];
    const [a, b] = await Promise.all([relay().drain(), relay().drain()]);
    const attempts = await t.db.kysely
      .selectFrom('efiling_attempt')
      .select(['attempt', 'outcome', 'error'])
      .where('package_id', '=', c.packageId)
      .execute();
    expect({ a, b, attempts }).toMatchObject({ attempts: [{ attempt: 1, outcome: 'delivered' }] });
    expect(a.delivered + b.delivered).toBe(1);
    expect(stub.requests.filter((q) => q.packageId === c.packageId)).toHaveLength(1);
  });

  it('a package the clerk accepted in-app before delivery is not pushed', async () => {
    const c = await approvedCase(t);
    const clerk = await t.login('court1');
    expect((await clerk.post(`/api/v1/court-clerk/packages/${c.packageId}/accept`, {})).statusCode).toBe(201);
    stub.requests = [];
    await relay().drain();
    expect(stub.requests.filter((q) => q.packageId === c.packageId)).toHaveLength(0);
  });
});

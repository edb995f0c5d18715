import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { recordAudit, verifyAuditChain } from './service.js';

const run = promisify(execFile);
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
  // A few audited events: logins and a user creation.
  const admin = await t.login('admin');
  await t.login('io.ps1');
  await admin.post('/api/v1/admin/users', { username: 'chain.test', name: 'Chain Test', role: 'io', stationId: t.ids.stations.PS02 });
  await t.anon().post('/api/v1/auth/login', { username: 'io.ps1', password: 'wrong password here' });
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('chains every row to the one before it in its lane', async () => {
    const rows = await t.db.kysely
      .selectFrom('audit_event')
      .select(['seq', 'lane', 'lane_pos', 'prev_hash', 'hash'])
      .orderBy('lane')
      .orderBy('lane_pos')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    rows.forEach((r, i) => {
      const prev = rows[i - 1];
      if (prev?.lane === r.lane) {
        expect(Number(r.lane_pos)).toBe(Number(prev.lane_pos) + 1);
        expect(r.prev_hash).toBe(prev.hash);
        expect(Number(r.seq)).toBeGreaterThan(Number(prev.seq));
      } else {
        expect(Number(r.lane_pos)).toBe(1);
        expect(r.prev_hash).toBe('0'.repeat(64));
      }
    });
    expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(rows.length);
    expect((await verifyAuditChain(t.db.kysely)).broken).toBeUndefined();
  });

  it('lets concurrent sessions append without waiting for one another, each in its own lane', async () => {
    // Six transactions at once, each appending two audit rows and then holding its session a
    // moment: on PostgreSQL they are six pooled sessions and land in several lanes; on PGlite
    // (one session) in one. Each lane stays gap-free and the chain intact.
    const actor = { stateCode: 'XA', userId: null, username: 'lanes', role: 'admin', ip: null, userAgent: null, requestId: null };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.db.kysely.transaction().execute(async (trx) => {
          await recordAudit(trx, t.clock, actor, { action: `test.lane.${i}.a` });
          await sql`select pg_sleep(0.05)`.execute(trx);
          await recordAudit(trx, t.clock, actor, { action: `test.lane.${i}.b` });
        }),
      ),
    );
    const rows = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'lane', 'lane_pos'])
      .where('actor_username', '=', 'lanes')
      .execute();
    expect(rows).toHaveLength(12);
    const lanes = new Set(rows.map((r) => r.lane));
    if (process.env.TEST_DB === 'postgres') expect(lanes.size).toBeGreaterThan(1);
    else expect(lanes.size).toBe(1);
    // Both rows of one transaction are in one lane, one after the other.
    for (let i = 0; i < 6; i++) {
      const a = rows.find((r) => r.action === `test.lane.${i}.a`)!;
      const b = rows.find((r) => r.action === `test.lane.${i}.b`)!;
      expect(b.lane).toBe(a.lane);
      expect(Number(b.lane_pos)).toBe(Number(a.lane_pos) + 1);
    }
    expect((await verifyAuditChain(t.db.kysely)).broken).toBeUndefined();
  });

  it('refuses UPDATE, DELETE and TRUNCATE even from the application', async () => {
    await expect(sql`update audit_event set action = 'x' where seq = 1`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where seq = 1`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('records failures with the reason, the IP and the request id, and no password', async () => {
    const row = await t.db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failure')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ reason: 'wrong_password' });
    expect(row.ip).toBe('10.1.2.3');
    expect(row.request_id).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain('wrong password here');
  });

  it('names the first altered row after someone disables the trigger and edits it', async () => {
    // The last row of the last lane in the walk (so the next test can break the chain before it).
    const last = await t.db.kysely
      .selectFrom('audit_event')
      .select('seq')
      .orderBy('lane', 'desc')
      .orderBy('lane_pos', 'desc')
      .executeTakeFirstOrThrow();
    const target = Number(last.seq);
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(t.db.kysely);
    await sql`update audit_event set actor_username = 'someone.else' where seq = ${target}`.execute(t.db.kysely);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(t.db.kysely);
    const r = await verifyAuditChain(t.db.kysely);
    expect(r.broken).toMatchObject({ seq: target, reason: 'hash_mismatch' });
    const row = await t.db.kysely
      .selectFrom('audit_event')
      .select(['lane', 'lane_pos'])
      .where('seq', '=', target as never)
      .executeTakeFirstOrThrow();
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where (lane, lane_pos) < (${row.lane}::smallint, ${row.lane_pos}::bigint)`.execute(
      t.db.kysely,
    );
    expect(r.checked).toBe(Number(before.rows[0].n));
  });

  it('names the row after a removed one as a gap in its lane', async () => {
    const rows = await t.db.kysely
      .selectFrom('audit_event')
      .select(['seq', 'lane', 'lane_pos', 'actor_username'])
      .orderBy('lane')
      .orderBy('lane_pos')
      .execute();
    // The walk meets the row altered above at `altered`; remove a row in the middle of a lane
    // before it, so that the gap is the first break.
    const altered = rows.findIndex((r) => r.actor_username === 'someone.else');
    const midAt = rows.findIndex((r, i) => i > 0 && i + 1 < altered && rows[i - 1].lane === r.lane && rows[i + 1].lane === r.lane);
    expect(midAt).toBeGreaterThan(0);
    const next = rows[midAt + 1];
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(t.db.kysely);
    await sql`delete from audit_event where seq = ${rows[midAt].seq}`.execute(t.db.kysely);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(t.db.kysely);
    const r = await verifyAuditChain(t.db.kysely);
    expect(r.broken).toMatchObject({ seq: Number(next.seq), lane: next.lane, lanePos: Number(next.lane_pos), reason: 'gap' });
    expect(r.checked).toBe(midAt);
  });

  it.runIf(process.env.TEST_DB === 'postgres')('npm run audit:verify names the broken row against PostgreSQL', async () => {
    const res = await run('npx', ['tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: t.testDb.url!, NODE_ENV: 'development' },
    }).catch((e: { code: number; stdout: string }) => e);
    expect((res as { code?: number }).code).toBe(1);
    expect(res.stdout).toMatch(/AUDIT CHAIN BROKEN at seq \d+/);
  });
});

describe.runIf(process.env.TEST_DB !== 'postgres')('npm run audit:verify on an embedded database', () => {
  it('passes an intact chain and names the altered row', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { openPglite } = await import('../../db/index.js');
    const { migrate } = await import('../../db/migrate.js');
    const { recordAudit } = await import('./service.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'cctns-audit-'));
    try {
      const db = await openPglite(dir);
      await migrate(db);
      const actor = { stateCode: 'XA', userId: null, username: 'x', role: 'admin', ip: null, userAgent: null, requestId: null };
      for (let i = 0; i < 5; i++) await recordAudit(db.kysely, t.clock, actor, { action: `test.${i}` });
      await db.close();
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'development' };
      const ok = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env });
      expect(ok.stdout).toMatch(/intact: 5 rows/);

      const db2 = await openPglite(dir);
      await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db2.kysely);
      await sql`update audit_event set action = 'test.changed' where seq = 4`.execute(db2.kysely);
      await db2.close();
      const bad = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env }).catch((e: { code: number; stdout: string }) => e);
      expect((bad as { code?: number }).code).toBe(1);
      expect(bad.stdout).toMatch(/BROKEN at seq 4/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

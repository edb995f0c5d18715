import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { verifyAuditChain } from './service.js';

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
  it('chains every row to the one before it', async () => {
    const rows = await t.db.kysely.selectFrom('audit_event').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    rows.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(rows[i - 1].hash);
    });
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
    const count = Number((await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(t.db.kysely)).rows[0].n);
    const target = Math.max(2, Math.floor(count / 2));
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(t.db.kysely);
    await sql`update audit_event set actor_username = 'someone.else' where seq = ${target}`.execute(t.db.kysely);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(t.db.kysely);
    const r = await verifyAuditChain(t.db.kysely);
    expect(r.broken).toMatchObject({ seq: target, reason: 'hash_mismatch' });
    expect(r.checked).toBe(target - 1);
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

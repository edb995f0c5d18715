import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db.js';
import { openPostgres } from './index.js';
import { listMigrations, migrate } from './migrate.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe('migrations', () => {
  it('are numbered, unique and plain SQL files', () => {
    const files = listMigrations();
    expect(files.length).toBeGreaterThan(1);
    expect(new Set(files.map((f) => f.version)).size).toBe(files.length);
    for (const f of files) expect(f.sql).not.toMatch(/\bimport\b.*from/);
  });

  it('apply each file once, however often and however concurrently start-up runs', async () => {
    const second = t.url ? await openPostgres(t.url, 2) : t.db;
    const [a, b] = await Promise.all([migrate(t.db), migrate(second)]);
    if (second !== t.db) await second.close();
    const all = listMigrations().map((f) => f.name);
    expect([...a, ...b].sort()).toEqual(all.sort());
    expect(await migrate(t.db)).toEqual([]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(t.db.kysely);
    expect(rows.rows[0].n).toBe(all.length);
  });

  it('roll back a failing migration whole and record nothing of it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cctns-mig-'));
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '9001_half.sql'), 'create table half_done (x int);\nselect no_such_function();');
      await expect(migrate(t.db, dir)).rejects.toThrow(/9001_half\.sql/);
      const exists = await sql<{ r: string | null }>`select to_regclass('half_done')::text as r`.execute(t.db.kysely);
      expect(exists.rows[0].r).toBeNull();
      const rec = await sql<{ n: number }>`select count(*)::int as n from schema_migration where version = 9001`.execute(t.db.kysely);
      expect(rec.rows[0].n).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.js';
import { MIGRATIONS_DIR, migrate } from '../../db/migrate.js';
import { createTestDb, type TestDb } from '../../test/db.js';
import { getCatalogue } from './catalogue.js';
import { loadMasterData, readCatalogueFromDb } from './loader.js';

// Only this module's migration, so the test does not depend on other modules' tables.
// Runs on PGlite and on PostgreSQL (TEST_DB), like every database test.
let t: TestDb;
let db: Db;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mig-'));
  copyFileSync(path.join(MIGRATIONS_DIR, '0020_masterdata.sql'), path.join(dir, '0020_masterdata.sql'));
  t = await createTestDb();
  db = t.db;
  await migrate(db, dir);
});
afterAll(async () => {
  await t?.drop();
});

describe('loadMasterData', () => {
  it('writes every file row into its table', async () => {
    const c = getCatalogue();
    const r = await loadMasterData(db.kysely);
    expect(r.tables.section).toEqual({ rows: c.sections.length, written: c.sections.length });
    expect(r.tables.act.rows).toBe(c.acts.length);
    expect(r.tables.ipc_bns_map.rows).toBe(c.mappings.length);
    const row = await db.kysely
      .selectFrom('section' as any)
      .selectAll()
      .where('act_code', '=', 'BNS')
      .where('section_code', '=', '106(2)')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ enabled: false, max_months: 120, in_force_from: null, version: 1, data_version: 1 });
  });

  it('writes nothing the second time, and keeps versions', async () => {
    const r = await loadMasterData(db.kysely);
    expect(Object.values(r.tables).every((t) => t.written === 0)).toBe(true);
    const { rows } = await sql<{ max: number }>`select max(version) as max from section`.execute(db.kysely);
    expect(rows[0].max).toBe(1);
  });

  it('leaves a row an administrator edited alone', async () => {
    await sql`update section set title_en = 'Theft (state wording)', admin_edited = true, version = version + 1
              where act_code = 'BNS' and section_code = '303(2)'`.execute(db.kysely);
    await loadMasterData(db.kysely);
    const { rows } = await sql<{
      title_en: string;
    }>`select title_en from section where act_code = 'BNS' and section_code = '303(2)'`.execute(db.kysely);
    expect(rows[0].title_en).toBe('Theft (state wording)');
  });

  it('reads the tables back into the same catalogue, with the administrator’s edit', async () => {
    const fromDb = await readCatalogueFromDb(db.kysely);
    const files = getCatalogue();
    expect(fromDb.sections).toHaveLength(files.sections.length);
    expect(fromDb.getSection('BNS', '303(2)').titleEn).toBe('Theft (state wording)');
    expect(fromDb.getSection('BNS', '64(1)')).toEqual(files.getSection('BNS', '64(1)'));
    expect(fromDb.getSection('BNS', '355').maxMonths).toBe(0.03);
    expect(fromDb.modusOperandi.find((m) => m.code === 'MO-VIO-01')?.crimeHeadCodes).toEqual(['1', '6', '10.1B', '10.2B']);
  });

  it('refuses a mapping to a section that does not exist (foreign key)', async () => {
    await expect(
      sql`insert into ipc_bns_map (ipc_section, bns_section, relation, data_version, row_hash) values ('379', '999', 'equivalent', 1, 'x')`.execute(
        db.kysely,
      ),
    ).rejects.toThrow();
  });
});

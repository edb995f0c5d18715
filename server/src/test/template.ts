import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../db/index.js';
import { TEST_PG_ADMIN_URL, testDbKind, type TestDb } from './db.js';

/**
 * Test databases from a template. Migrating, loading master data and seeding take seconds;
 * doing it once per test run and copying the result makes each test file start in a fraction
 * of that. The template is keyed by a hash of everything that shapes it (the server's source,
 * migrations and master data, and the build options), so a change rebuilds it.
 *
 * PGlite: a gzipped data directory under tmp/test-templates, loaded with `loadDataDir`.
 * PostgreSQL: a database `cctns_tpl_<key>`, copied with CREATE DATABASE … TEMPLATE.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TEMPLATE_DIR = path.join(ROOT, 'tmp/test-templates');

function hashTree(h: ReturnType<typeof createHash>, dir: string) {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) hashTree(h, p);
    else if (/\.(ts|sql|csv|json|txt)$/.test(name) && !/\.test\.ts$/.test(name)) h.update(p).update(readFileSync(p));
  }
}

let sourceHash: string | undefined;
function templateKey(variant: string): string {
  if (!sourceHash) {
    const h = createHash('sha256');
    hashTree(h, path.join(ROOT, 'server/src'));
    hashTree(h, path.join(ROOT, 'server/masterdata'));
    sourceHash = h.digest('hex');
  }
  return createHash('sha256').update(sourceHash).update(variant).digest('hex').slice(0, 16);
}

/**
 * A fresh database holding a copy of the template that `build` makes (built at most once per
 * key), and `read` run on the copy (e.g. to load the seeded ids).
 */
export async function createFromTemplate<T>(
  variant: string,
  build: (db: Db) => Promise<void>,
  read: (db: Db) => Promise<T>,
): Promise<{ testDb: TestDb; value: T }> {
  const key = templateKey(variant);
  if (testDbKind() === 'pglite') {
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    const file = path.join(TEMPLATE_DIR, `pglite-${key}.tar.gz`);
    if (!existsSync(file)) {
      const db = await openPglite();
      await build(db);
      const blob = await db.dump!();
      await db.close();
      // Write then rename: a concurrent builder's file is complete or absent, never half.
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
      renameSync(tmp, file);
    }
    const db = await openPglite(undefined, { loadDataDir: new Blob([readFileSync(file)]) });
    return { testDb: { db, drop: () => db.close() }, value: await read(db) };
  }

  const tpl = `cctns_tpl_${key}`;
  const admin = new pg.Client(TEST_PG_ADMIN_URL);
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [tpl]);
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [tpl]);
      if (exists.rowCount === 0) {
        const building = `${tpl}_b${randomBytes(3).toString('hex')}`;
        await admin.query(`create database ${building}`);
        const db = await openPostgres(urlFor(building), 4);
        await build(db);
        await db.close();
        await admin.query(`alter database ${building} rename to ${tpl}`);
      }
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [tpl]);
    }
    const name = `cctns_t_${randomBytes(6).toString('hex')}`;
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${tpl}`);
        break;
      } catch (e) {
        // Another worker copying the same template at this instant: try again shortly.
        if (attempt > 20 || (e as { code?: string }).code !== '55006') throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const url = urlFor(name);
    const db = await openPostgres(url, 12);
    return {
      testDb: {
        db,
        url,
        async drop() {
          await db.close();
          const a = new pg.Client(TEST_PG_ADMIN_URL);
          await a.connect();
          await a.query(`drop database if exists ${name} with (force)`);
          await a.end();
        },
      },
      value: await read(db),
    };
  } finally {
    await admin.end();
  }
}

function urlFor(dbName: string): string {
  const u = new URL(TEST_PG_ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
}

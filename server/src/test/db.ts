import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Db } from '../db/index.js';

/** The server the postgres test project uses; each test file gets its own fresh database on it. */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDbKind = 'pglite' | 'postgres';
export const testDbKind = (): TestDbKind => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export interface TestDb {
  db: Db;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the kind the test project runs on (TEST_DB). */
export async function createTestDb(kind: TestDbKind = testDbKind()): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const name = `cctns_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(TEST_PG_ADMIN_URL);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 12);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client(TEST_PG_ADMIN_URL);
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

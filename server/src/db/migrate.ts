import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Db } from './index.js';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant: the key of the advisory lock that makes concurrent starts apply each migration once.
const MIGRATION_LOCK_KEY = 4_272_019;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded, in order, each in its own transaction.
 * Forward-only. Two processes starting together serialise on an advisory lock, and the
 * second one finds the work done. Returns the names applied.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = listMigrations(dir);
  const seen = new Set<number>();
  for (const f of files) {
    if (seen.has(f.version)) throw new Error(`Two migrations share the number ${f.version}`);
    seen.add(f.version);
  }
  return db.withConnection(async (c) => {
    await c.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await c.script(`create table if not exists schema_migration (
        version int primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
      const done = new Set((await c.query('select version from schema_migration')).rows.map((r) => Number(r.version)));
      const applied: string[] = [];
      for (const f of files) {
        if (done.has(f.version)) continue;
        await c.script('begin');
        try {
          await c.script(f.sql);
          await c.query('insert into schema_migration (version, name) values ($1, $2)', [f.version, f.name]);
          await c.script('commit');
        } catch (e) {
          await c.script('rollback');
          throw new Error(`Migration ${f.name} failed: ${(e as Error).message}`, { cause: e });
        }
        applied.push(f.name);
      }
      return applied;
    } finally {
      await c.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

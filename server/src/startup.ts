import type { Db } from './db/index.js';
import { migrate } from './db/migrate.js';
import { loadMasterData } from './modules/masterdata/loader.js';

/**
 * Everything a database needs before the app serves: migrations, then master data (acts,
 * sections, crime heads) refreshed from the versioned data files. Used by main and by tests.
 */
export type StartupTask = (db: Db) => Promise<void>;
export const startupTasks: StartupTask[] = [
  // Acts, sections, crime heads: upserted from server/masterdata on every start (changed rows only).
  async (db) => {
    await loadMasterData(db.kysely);
  },
];

export async function prepareDatabase(db: Db): Promise<{ applied: string[] }> {
  const applied = await migrate(db);
  for (const t of startupTasks) await t(db);
  return { applied };
}

/**
 * npm run clocks:recompute — recomputes the statutory clocks of every open case (registered or
 * under investigation), for a clock added after the cases were written (the BNSS 176(3)
 * forensic-visit flag of migration 0061 reaches old cases only at their next change otherwise).
 * Uses DATABASE_URL (PostgreSQL) when set, else the embedded PGlite under DATA_DIR (stop the
 * server first). Safe to run again: each case's clocks are replaced by what its facts give.
 */
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/index.js';
import { systemClock } from '../server/src/lib/clock.js';
import { recomputeOpenCaseClocks } from '../server/src/modules/investigation/clock-facts.js';

async function main() {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const t0 = performance.now();
    const n = await recomputeOpenCaseClocks({ clock: systemClock }, db.kysely, (done) => process.stdout.write(`\r${done} cases`));
    process.stdout.write(`\rClocks recomputed for ${n} open cases in ${Math.round(performance.now() - t0)} ms.\n`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`clocks:recompute could not run: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});

/**
 * npm run audit:verify — checks the whole audit hash chain and names the first broken row.
 * Uses DATABASE_URL (PostgreSQL) when set, else the embedded PGlite under DATA_DIR (stop the
 * server first: an embedded database has one user at a time).
 * Exit codes: 0 intact, 1 broken, 2 could not run.
 */
import { loadConfig } from '../server/src/config.js';
import { openDb } from '../server/src/db/index.js';
import { verifyAuditChain } from '../server/src/modules/audit/service.js';

async function main() {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const t0 = performance.now();
    const r = await verifyAuditChain(db.kysely);
    const ms = Math.round(performance.now() - t0);
    if (r.broken) {
      process.stdout.write(
        `AUDIT CHAIN BROKEN at seq ${r.broken.seq} (id ${r.broken.id}, lane ${r.broken.lane} position ${r.broken.lanePos}): ${r.broken.reason}. ${r.checked} rows before it are intact.\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(`Audit chain intact: ${r.checked} rows checked in ${ms} ms.\n`);
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`audit:verify could not run: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});

import { loadConfig, ConfigError, type Config } from './config.js';
import { openDb } from './db/index.js';
import { buildApp } from './app.js';
import { prepareDatabase } from './startup.js';
import { isEmpty, randomDemoPassword } from './seed/demo.js';
import { seedAll } from './seed/index.js';
import { systemClock } from './lib/clock.js';

/** Process entry: config → database → migrate → seed (embedded) → listen. */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const { applied } = await prepareDatabase(db);

  let demoPasswordNote: string | undefined;
  if (config.SEED_DEMO && (await isEmpty(db.kysely))) {
    const password = config.DEMO_PASSWORD ?? randomDemoPassword();
    await seedAll(db, password, systemClock);
    demoPasswordNote = config.DEMO_PASSWORD
      ? 'Demo state seeded; demo accounts use DEMO_PASSWORD.'
      : `Demo state seeded. Password for every demo account (shown only this once): ${password}`;
  }

  const app = await buildApp({ config, db });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (demoPasswordNote) process.stdout.write(`\n  ${demoPasswordNote}\n\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await app.close(); // stops accepting, waits for in-flight requests, runs onClose hooks
      await db.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite at ${config.DATA_DIR}`;
  process.stdout.write(`  CCTNS is running at http://localhost:${config.PORT}  (database: ${where})\n`);
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

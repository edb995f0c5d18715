/**
 * npm run generate -- --state-scale small|district|state --seed N
 * npm run generate -- --firs 1000000 --persons 3000000 [--years 3] [--until 2026-10-31]
 *   [--index-persons 10000000] (persons of the master index without a case, for the search scale)
 *   [--stations 700] (at least this many police stations, 14 to a district)
 *
 * Fills the database of DATABASE_URL (PostgreSQL, through COPY) or DATA_DIR (PGlite, default
 * ./data, through multi-row INSERTs) with a synthetic state. Re-running with the same arguments
 * resumes or does nothing; see scripts/generate/generator.ts.
 */
import { parseArgs } from 'node:util';
import { openPglite, openPostgres, type Db } from '../server/src/db/index.js';
import { prepareDatabase } from '../server/src/startup.js';
import { getCatalogue } from '../server/src/modules/masterdata/catalogue.js';
import { generate, SCALES, type GenerateResult, type Progress } from './generate/generator.js';
import { pgliteSink, postgresSink } from './generate/sink.js';

export interface CliTarget {
  databaseUrl?: string;
  dataDir?: string;
}

/** Progress bar with rows/s on stderr (redrawn at most 5 times a second). */
export function progressBar(label = 'generate'): (p: Progress) => void {
  const t0 = Date.now();
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 200 && p.chunksDone < p.chunksTotal) return;
    last = now;
    const frac = p.firsTotal ? p.firsDone / p.firsTotal : p.chunksDone / p.chunksTotal;
    const width = 30;
    const filled = Math.round(frac * width);
    const rate = p.rows / Math.max(0.001, (now - t0) / 1000);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${p.firsDone.toLocaleString('en-IN')}/${p.firsTotal.toLocaleString('en-IN')} FIRs  ${p.rows.toLocaleString('en-IN')} rows  ${Math.round(rate).toLocaleString('en-IN')} rows/s${p.skipped ? `  (${p.skipped} chunks already done)` : ''}   `,
    );
    if (p.chunksDone === p.chunksTotal) process.stderr.write('\n');
  };
}

/** Opens the target, migrates it, and generates. Used by the CLI and by the benchmark. */
export async function runGenerate(
  target: CliTarget,
  o: {
    seed: number;
    firs: number;
    persons: number;
    years: number;
    until: string;
    quiet?: boolean;
    indexPersons?: number;
    stations?: number;
  },
): Promise<GenerateResult> {
  const db: Db = target.databaseUrl ? await openPostgres(target.databaseUrl, 2) : await openPglite(target.dataDir ?? './data');
  try {
    await prepareDatabase(db);
    const cat = getCatalogue();
    const opts = { ...o, onProgress: o.quiet ? undefined : progressBar() };
    let r: GenerateResult;
    if (target.databaseUrl) {
      const sink = await postgresSink(target.databaseUrl);
      try {
        r = await generate(sink, cat, opts);
      } finally {
        await sink.close();
      }
    } else r = await db.withConnection((c) => generate(pgliteSink(c), cat, opts));
    // Fresh planner statistics: without them the planner guesses a few rows per table and
    // picks bitmap-and plans that read every FIR of a station for a 200-row page.
    await db.withConnection((c) => c.query('analyze'));
    return r;
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'state-scale': { type: 'string' },
      seed: { type: 'string', default: '1' },
      firs: { type: 'string' },
      persons: { type: 'string' },
      years: { type: 'string', default: '3' },
      until: { type: 'string', default: '2026-10-31' },
      'index-persons': { type: 'string' },
      stations: { type: 'string' },
    },
  });
  const scale = values['state-scale'] as keyof typeof SCALES | undefined;
  if (scale && !(scale in SCALES)) throw new Error(`--state-scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const base = SCALES[scale ?? 'small'];
  const firs = values.firs ? Number(values.firs) : base.firs;
  const persons = values.persons ? Number(values.persons) : values.firs ? firs * 3 : base.persons;
  const indexPersons = values['index-persons'] ? Number(values['index-persons']) : undefined;
  const stations = values.stations ? Number(values.stations) : undefined;
  const o = { seed: Number(values.seed), firs, persons, years: Number(values.years), until: values.until!, indexPersons, stations };
  if (!Number.isInteger(o.seed) || !(firs > 0) || !(persons > 0) || !(o.years > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(o.until))
    throw new Error('bad arguments');
  if (indexPersons !== undefined && !(Number.isInteger(indexPersons) && indexPersons >= 0))
    throw new Error('--index-persons must be a whole number');
  if (stations !== undefined && !(Number.isInteger(stations) && stations > 0))
    throw new Error('--stations must be a positive whole number');
  const target = { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' };
  process.stderr.write(
    `generating ${firs.toLocaleString('en-IN')} FIRs / ${persons.toLocaleString('en-IN')} persons, seed ${o.seed}, into ${target.databaseUrl ? 'PostgreSQL' : `PGlite ${target.dataDir}`}\n`,
  );
  const r = await runGenerate(target, o);
  const secs = r.ms / 1000;
  console.log(
    `run ${r.runKey} in state ${r.stateCode}: ${r.rows.toLocaleString('en-IN')} rows in ${secs.toFixed(1)} s = ${Math.round(r.rows / Math.max(secs, 0.001)).toLocaleString('en-IN')} rows/s; chunks written ${r.chunksWritten}, already done ${r.chunksSkipped}`,
  );
  for (const [t, n] of Object.entries(r.rowsByTable)) console.log(`  ${t.padEnd(20)} ${n.toLocaleString('en-IN').padStart(12)}`);
  if (r.skippedTables.length) console.log(`tables not present, skipped: ${r.skippedTables.join(', ')}`);
  if (r.droppedHeads.length) console.log(`crime heads left out (sections not in the master data): ${r.droppedHeads.join('; ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

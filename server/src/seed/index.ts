import type { Db } from '../db/index.js';
import type { Clock } from '../lib/clock.js';
import { seedDemo, type DemoIds } from './demo.js';
import { seedInvestigation, seedInvestigationLate } from '../modules/investigation/seed.js';
import { firSteps } from '../modules/firs/seed.js';
import { complaintSteps } from '../modules/complaints/seed.js';
import { seedProsecution } from '../modules/prosecution/seed.js';
import { seedPeople } from '../modules/people/seed.js';
import { runInTimeOrder } from '../modules/seed-helpers.js';

/**
 * Modules that add demo records (FIRs at every stage, people, ...) register a seeder here.
 * Each runs after the organisation and users exist, in order.
 *
 * A duty officer registers FIRs and writes the GD in time order, and the services number them
 * in the order they are called: so at each station a seeder's records must all come after those
 * of the seeders before it (investigation/seed.test.ts checks). The people seeder's cases are the
 * oldest (a year back to 100 days); the prosecution's run from 95 days to 12, the investigation's
 * from 100 days at Civil Lines and 10 days at Kotwali; the last week's FIRs, GD entries and
 * complaints share their days, so they run together, in time order; the late investigation step
 * makes an arrest just now.
 */
export type DemoSeeder = (db: Db, ids: DemoIds, clock: Clock) => Promise<void>;

/** The last week at the stations: the FIRs and GD entries, and the citizen's complaints. */
async function seedLastWeek(db: Db, ids: DemoIds, clock: Clock): Promise<void> {
  await runInTimeOrder([...(await firSteps(db, ids, clock)), ...(await complaintSteps(db, ids, clock))]);
}

export const demoSeeders: DemoSeeder[] = [seedPeople, seedProsecution, seedInvestigation, seedLastWeek, seedInvestigationLate];

export async function seedAll(db: Db, password: string, clock: Clock, opts: { withRecords?: boolean } = {}): Promise<DemoIds> {
  const ids = await seedDemo(db.kysely, password, clock.now());
  if (opts.withRecords !== false) for (const s of demoSeeders) await s(db, ids, clock);
  return ids;
}

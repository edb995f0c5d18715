import type { Db } from '../db/index.js';
import type { Clock } from '../lib/clock.js';
import { seedDemo, type DemoIds } from './demo.js';
import { seedInvestigation, seedInvestigationLate } from '../modules/investigation/seed.js';
import { seedFirs } from '../modules/firs/seed.js';
import { seedDemoComplaints } from '../modules/complaints/seed.js';
import { seedProsecution } from '../modules/prosecution/seed.js';
import { seedPeople } from '../modules/people/seed.js';

/**
 * Modules that add demo records (FIRs at every stage, people, ...) register a seeder here.
 * Each runs after the organisation and users exist, in order.
 */
export type DemoSeeder = (db: Db, ids: DemoIds, clock: Clock) => Promise<void>;
export const demoSeeders: DemoSeeder[] = [
  seedProsecution,
  seedInvestigation,
  seedFirs,
  seedDemoComplaints,
  seedInvestigationLate,
  seedPeople,
];

export async function seedAll(db: Db, password: string, clock: Clock, opts: { withRecords?: boolean } = {}): Promise<DemoIds> {
  const ids = await seedDemo(db.kysely, password, clock.now());
  if (opts.withRecords !== false) for (const s of demoSeeders) await s(db, ids, clock);
  return ids;
}

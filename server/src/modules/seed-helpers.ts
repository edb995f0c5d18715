/**
 * What the module seeders (modules/<name>/seed.ts, run in order by seed/index.ts) share: a demo
 * user acting through the services as if logged in, the demo court's clerk for the court's side
 * of the workflow, and a clock the seeder moves through the past days, so that every record
 * carries the time and the author real use would have given it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import type { AuthContext } from '../http/types.js';
import type { Clock } from '../lib/clock.js';
import { scopeOf, type Role } from '../policy/index.js';
import type { ActorContext } from './audit/service.js';
import { toSessionUser } from './auth/service.js';
import { DEMO_COURT, ensureDemoCourt } from './court/service.js';
import type { CourtActor } from './prosecution/proceedings.js';

/** An officer as the services take one (the `Officer` of firs, investigation and prosecution). */
export interface SeedOfficer {
  auth: AuthContext;
  actor: ActorContext;
}

/**
 * The demo user `username` acting as the seeder, as if logged in: its own role and scope, and
 * audited with the user agent "demo-seed". Throws when the demo state has no such user.
 */
export async function demoOfficer(db: Kysely<Database>, username: string): Promise<SeedOfficer> {
  const u = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const auth: AuthContext = {
    sessionId: 'seed',
    csrfToken: 'seed',
    mfaPending: false,
    // A demo password may be temporary; the seeder acts as a user who has already changed it.
    user: { ...toSessionUser(u), passwordTemporary: false },
    scope: scopeOf({ ...u, role: u.role as Role }),
  };
  return {
    auth,
    actor: { stateCode: u.state_code, userId: u.id, username: u.username, role: u.role, ip: null, userAgent: 'demo-seed', requestId: null },
  };
}

/**
 * The demo court of district D1 (made if missing) as its clerk records for it on the clerk
 * screen: the actor of the court's moves (acceptance, hearings, disposal, appeal).
 */
export async function demoCourtClerk(db: Kysely<Database>, clock: Clock, stateCode: string): Promise<CourtActor> {
  const court = await db.transaction().execute((trx) => ensureDemoCourt(trx, clock, stateCode));
  const clerk = await demoOfficer(db, DEMO_COURT.clerk);
  return { court, via: 'clerk', userId: clerk.auth.user.id, name: `${clerk.auth.user.name} (${court.name})`, audit: clerk.actor };
}

/** The seeder's clock: it says the time the seeder last set (the seeder keeps it in the past). */
export class SeedClock implements Clock {
  constructor(private t: number) {}
  now() {
    return new Date(this.t);
  }
  set(t: number) {
    this.t = t;
  }
}

/** An action of a seeder at a time of the past (`run` sets the seeder's clock to `at` itself). */
export interface TimedStep {
  at: number;
  run: () => Promise<unknown>;
}

/**
 * Runs the steps of one seeder, or of several whose days overlap, in time order (at equal times
 * in the order given). FIR serials and GD entry numbers are given in the order of registration,
 * so two seeders that register at the same stations over the same days must interleave so.
 */
export async function runInTimeOrder(steps: TimedStep[]): Promise<void> {
  for (const s of [...steps].sort((a, b) => a.at - b.at)) await s.run();
}

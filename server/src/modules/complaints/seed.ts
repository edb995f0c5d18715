import type { Db } from '../../db/index.js';
import type { Config } from '../../config.js';
import type { AuthContext } from '../../http/types.js';
import type { Clock } from '../../lib/clock.js';
import { scopeOf, type Role } from '../../policy/index.js';
import type { ActorContext } from '../audit/service.js';
import { findUserById } from '../auth/repository.js';
import { toSessionUser } from '../auth/service.js';
import type { Officer } from '../firs/service.js';
import type { DemoIds } from '../../seed/demo.js';
import { complaintBody, closeBody, enquiryBody, ncrBody, registerFromComplaintBody, type ComplaintInput } from './schemas.js';
import { runInTimeOrder, type TimedStep } from '../seed-helpers.js';
import * as svc from './service.js';

/**
 * Demo complaints of the demo citizen (citizen1, Meera Joshi) in every state a complaint can be
 * in: e-FIRs awaiting signature (one past its 3 days), a complaint waiting, a preliminary
 * enquiry awaiting the SDPO, FIRs registered from complaints (one of them sensitive, which
 * public pages never show), an NCR, and a closed complaint. Times are set back from the seeding
 * clock so the clocks show on the dashboard.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo people the public pages must never show (the forbidden-field test reads them from the database too). */
export const DEMO_COMPLAINT_PEOPLE = {
  suspect: { name: 'Raju alias Kalia', address: '7, Lohar Gali, Vindhyanagar' },
  complainantAddress: '22, Shanti Nagar, Vindhyanagar',
};

const at = (t: Date): Clock => ({ now: () => t });

async function actorFor(db: Db, userId: string): Promise<Officer & { auth: AuthContext }> {
  const u = await findUserById(db.kysely, userId);
  if (!u) throw new Error(`demo user ${userId} missing`);
  const user = toSessionUser(u);
  const auth: AuthContext = {
    sessionId: 'demo-seed',
    csrfToken: 'demo-seed',
    mfaPending: false,
    user,
    scope: scopeOf({
      id: u.id,
      role: u.role as Role,
      state_code: u.state_code,
      district_id: u.district_id,
      subdivision_id: u.subdivision_id,
      station_id: u.station_id,
    }),
  };
  const actor: ActorContext = {
    stateCode: u.state_code,
    userId: u.id,
    username: u.username,
    role: u.role,
    ip: null,
    userAgent: 'demo seed',
    requestId: null,
  };
  return { auth, actor };
}

export async function seedDemoComplaints(db: Db, ids: DemoIds, clock: Clock): Promise<void> {
  await runInTimeOrder(await complaintSteps(db, ids, clock));
}

/**
 * The steps of `seedDemoComplaints`, each at its time, for a runner that interleaves them with
 * another seeder's of the same days (seed/index.ts: the FIRs' and GD entries'), so that the
 * GD entries of filing and the FIRs registered from complaints are numbered in time order.
 */
export async function complaintSteps(db: Db, ids: DemoIds, clock: Clock): Promise<TimedStep[]> {
  const now = clock.now();
  const config = {
    EFIR_KINDS: ['vehicle_theft', 'mobile_theft', 'property_theft'],
    DATA_DIR: './data',
    UPLOAD_DIR: undefined,
  } as unknown as Config;
  const citizen = await actorFor(db, ids.users.citizen1);
  const duty1 = await actorFor(db, ids.users['duty.ps1']);
  const sho1 = await actorFor(db, ids.users['sho.ps1']);
  const duty2 = await actorFor(db, ids.users['duty.ps2']);
  const duty4 = await actorFor(db, ids.users['duty.ps4']);

  const steps: TimedStep[] = [];
  /** Complaints filed so far, by the key the later steps find them by. */
  const filed = new Map<string, string>();
  const idOf = (key: string) => {
    const id = filed.get(key);
    if (!id) throw new Error(`demo complaint ${key} not filed yet`);
    return id;
  };
  /** The citizen files a complaint at `when` (its GD entry is the portal's); `key` names it for a later step. */
  const file = (key: string | null, when: Date, body: Record<string, unknown>) =>
    steps.push({
      at: when.getTime(),
      run: async () => {
        const input: ComplaintInput = complaintBody.parse(body);
        const { row } = await svc.fileComplaintAtomically({ db, clock: at(when), config }, citizen, input, []);
        if (key) filed.set(key, row.id);
      },
    });
  const iso = (d: Date) => d.toISOString();
  const base = (
    kind: string,
    station: string,
    occurredAt: Date,
    place: string,
    description: string,
    extra: Record<string, unknown> = {},
  ) => ({
    kind,
    stationCode: station,
    occurrence: { from: iso(occurredAt), to: iso(new Date(occurredAt.getTime() + HOUR)), place },
    description,
    complainant: {
      relativeName: 'Prakash Joshi',
      relation: 'father',
      yearOfBirth: 1992,
      sex: 'female',
      occupation: 'Teacher',
      address: DEMO_COMPLAINT_PEOPLE.complainantAddress,
    },
    ...extra,
  });
  /** An officer's action on a complaint at `when`, in its own transaction. */
  const act = (when: Date, fn: (clock: Clock, trx: typeof db.kysely) => Promise<unknown>) =>
    steps.push({ at: when.getTime(), run: () => db.kysely.transaction().execute((trx) => fn(at(when), trx)) });

  // 1. An e-FIR filed yesterday, waiting for the informant's signature.
  file(
    null,
    new Date(now.getTime() - 20 * HOUR),
    base(
      'mobile_theft',
      'PS01',
      new Date(now.getTime() - 26 * HOUR),
      'Bus stand, Vindhyanagar',
      'My mobile phone was stolen from my pocket while boarding the bus at the bus stand.',
      {
        properties: [{ type: 'mobile_phone', description: 'Samsung Galaxy A14, black, IMEI 352345678901234', value: 12000 }],
      },
    ),
  );

  // 2. An e-FIR past its three days: flagged to the station.
  file(
    null,
    new Date(now.getTime() - 4 * DAY),
    base(
      'vehicle_theft',
      'PS01',
      new Date(now.getTime() - 5 * DAY),
      'Outside Shanti Nagar market, Vindhyanagar',
      'My scooter parked outside the market was stolen between 7 and 8 in the evening.',
      {
        properties: [{ type: 'vehicle', description: 'Honda Activa, grey, XA01 CD 4521', value: 52000 }],
      },
    ),
  );

  // 3. A complaint waiting at the station.
  file(
    null,
    new Date(now.getTime() - 2 * DAY),
    base(
      'threat_intimidation',
      'PS01',
      new Date(now.getTime() - 3 * DAY),
      'Shanti Nagar, Vindhyanagar',
      'A neighbour shouted threats at me over a parking dispute and said he would damage my car.',
      {
        suspects: [{ description: 'Neighbour in the house opposite, about 45 years old' }],
      },
    ),
  );

  // 4. A preliminary enquiry awaiting the SDPO's permission (cheating, BNSS 318(2): 3 years).
  file(
    'pe',
    new Date(now.getTime() - 3 * DAY),
    base(
      'cheating_fraud',
      'PS01',
      new Date(now.getTime() - 20 * DAY),
      'Vindhyanagar',
      'A relative borrowed Rs 80,000 promising to return it in a month and now refuses to pay or answer calls.',
    ),
  );
  act(new Date(now.getTime() - 2 * DAY), (clock, trx) =>
    svc.openEnquiry(
      { clock, config },
      trx,
      duty1,
      idOf('pe'),
      enquiryBody.parse({
        sections: [{ act: 'BNS', section: '318(2)' }],
        reason: 'Appears to be a money dispute; an enquiry is needed to see whether a case of cheating is made out.',
      }),
    ),
  );

  // 5. An FIR registered from a complaint at PS01, with a named suspect.
  file(
    'fir1',
    new Date(now.getTime() - 5 * DAY),
    base(
      'house_break_in',
      'PS01',
      new Date(now.getTime() - 6 * DAY),
      'House no. 22, Shanti Nagar, Vindhyanagar',
      'While we were away for a wedding, someone broke the lock of our house and took gold jewellery and cash from the almirah.',
      {
        suspects: [
          {
            name: DEMO_COMPLAINT_PEOPLE.suspect.name,
            address: DEMO_COMPLAINT_PEOPLE.suspect.address,
            description: 'Seen loitering near the house the day before',
          },
        ],
        properties: [
          { type: 'jewellery', description: 'Gold chain, 20 g', value: 110000 },
          { type: 'cash', description: 'Cash', value: 15000 },
        ],
      },
    ),
  );
  act(new Date(now.getTime() - 5 * DAY + 3 * HOUR), (clock, trx) =>
    svc.registerFirFromComplaint(
      { clock, config },
      trx,
      duty1,
      idOf('fir1'),
      registerFromComplaintBody.parse({
        sections: [
          { act: 'BNS', section: '331(3)' },
          { act: 'BNS', section: '305' },
        ],
        informationType: 'electronic',
        occurrence: { beatCode: 'B3' },
      }),
    ),
  );

  // 6. An e-FIR signed and registered at PS02 yesterday.
  file(
    'fir2',
    new Date(now.getTime() - 2 * DAY),
    base(
      'property_theft',
      'PS02',
      new Date(now.getTime() - 2 * DAY - 5 * HOUR),
      'Civil Lines park, Vindhyanagar',
      'My bag with a laptop was taken from the bench while I was walking in the park.',
      {
        properties: [{ type: 'other', description: 'Dell laptop in a black bag', value: 45000 }],
      },
    ),
  );
  act(new Date(now.getTime() - 1 * DAY), (clock, trx) =>
    svc.registerFirFromComplaint(
      { clock, config },
      trx,
      duty2,
      idOf('fir2'),
      registerFromComplaintBody.parse({ sections: [{ act: 'BNS', section: '303(2)' }], informantSigned: true }),
    ),
  );

  // 7. A sensitive FIR (harassment of a woman, BNS 79): never on public pages.
  file(
    'fir3',
    new Date(now.getTime() - 3 * DAY),
    base(
      'harassment_of_women',
      'PS01',
      new Date(now.getTime() - 4 * DAY),
      'Near the girls’ college, Vindhyanagar',
      'A man followed me from the college gate and made obscene gestures and remarks for several days.',
    ),
  );
  act(new Date(now.getTime() - 3 * DAY + 2 * HOUR), (clock, trx) =>
    svc.registerFirFromComplaint(
      { clock, config },
      trx,
      sho1,
      idOf('fir3'),
      registerFromComplaintBody.parse({ sections: [{ act: 'BNS', section: '79' }] }),
    ),
  );

  // 8. A non-cognizable report (simple hurt, BNS 115(2)).
  file(
    'ncr',
    new Date(now.getTime() - 6 * DAY),
    base(
      'hurt_assault',
      'PS01',
      new Date(now.getTime() - 6 * DAY - 3 * HOUR),
      'Vegetable market, Vindhyanagar',
      'A vendor pushed me during an argument over the price and I hurt my elbow slightly.',
    ),
  );
  act(new Date(now.getTime() - 6 * DAY + 4 * HOUR), (clock, trx) =>
    svc.recordNcr(
      { clock, config },
      trx,
      duty1,
      idOf('ncr'),
      ncrBody.parse({ sections: [{ act: 'BNS', section: '115(2)' }], referredTo: 'JMFC, Vindhyanagar' }),
    ),
  );

  // 9. A complaint closed by PS04 with its reason.
  file(
    'closed',
    new Date(now.getTime() - 8 * DAY),
    base(
      'other',
      'PS04',
      new Date(now.getTime() - 9 * DAY),
      'Sonpur',
      'My landlord has not returned the security deposit of Rs 20,000 after I vacated the house.',
    ),
  );
  act(new Date(now.getTime() - 7 * DAY), (clock, trx) =>
    svc.closeComplaint(
      { clock, config },
      trx,
      duty4,
      idOf('closed'),
      closeBody.parse({
        reason:
          'The matter is a civil dispute about a deposit; no offence is disclosed. You may approach the civil court or the rent authority.',
      }),
    ),
  );

  return steps;
}

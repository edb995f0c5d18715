import type { Kysely } from 'kysely';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { DemoIds } from '../../seed/demo.js';
import { addGdEntry } from '../gd/service.js';
import { demoOfficer, runInTimeOrder, SeedClock, type TimedStep } from '../seed-helpers.js';
import { registerFirBody, type RegisterFirInput } from './schemas.js';
import { acknowledgeTransfer, addAddendum, registerFir, transferFir, type Officer } from './service.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const iso = (t: number) => new Date(t).toISOString();

/**
 * Demo FIRs and GD entries at the demo stations over the last week: thefts, a snatching, a
 * house-breaking, a hurt case, an online cheating, an older offence under the IPC reported
 * late, one sensitive FIR (BNS 74), a zero FIR from Civil Lines waiting for Kotwali to accept
 * it, and one already accepted, re-registered at Civil Lines with links both ways.
 */
export async function seedFirs(db: Db, ids: DemoIds, clock: Clock): Promise<void> {
  await runInTimeOrder(await firSteps(db, ids, clock));
}

/**
 * The steps of `seedFirs`, each at its time, for a runner that interleaves them with another
 * seeder's of the same days (seed/index.ts: the complaints').
 */
export async function firSteps(db: Db, _ids: DemoIds, clock: Clock): Promise<TimedStep[]> {
  const k = db.kysely;
  const now = clock.now().getTime();
  // Start six days ago at 08:00 IST.
  const dayStart = (daysAgo: number) => {
    const d = new Date(now - daysAgo * DAY + 5.5 * HOUR);
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime() - 5.5 * HOUR;
  };
  const sc = new SeedClock(dayStart(6) + 8 * HOUR);
  const deps = { clock: sc };
  const officers: Record<string, Officer> = {};
  for (const u of ['duty.ps1', 'sho.ps1', 'io.ps1', 'duty.ps2', 'sho.ps2', 'duty.ps4']) officers[u] = await demoOfficer(k, u);
  const parse = (o: unknown): RegisterFirInput => registerFirBody.parse(o);

  type Step = { at: number; run: (trx: Kysely<Database>) => Promise<unknown> };
  const steps: Step[] = [];
  const ids: Record<string, string> = {};
  const step = (daysAgo: number, hour: number, run: Step['run']) => {
    const at = Math.min(dayStart(daysAgo) + hour * HOUR, now - 60_000);
    steps.push({ at, run });
  };
  const gd = (
    daysAgo: number,
    hour: number,
    who: string,
    kind: 'manual' | 'departure' | 'arrival' | 'information',
    text: string,
    officers_?: string[],
  ) => step(daysAgo, hour, (trx) => addGdEntry(deps, trx, officers[who].auth, officers[who].actor, { kind, text, officers: officers_ }));
  const fir = (daysAgo: number, hour: number, who: string, key: string, body: Record<string, unknown>) =>
    step(daysAgo, hour, async (trx) => {
      ids[key] = (await registerFir(deps, trx, officers[who], parse(body))).id;
    });
  const ago = (daysAgo: number, hour: number) => iso(dayStart(daysAgo) + hour * HOUR);

  for (let d = 6; d >= 0; d--) {
    gd(
      d,
      8,
      'duty.ps1',
      'arrival',
      'Day duty taken over by HC Ramesh Yadav from the night duty officer. Malkhana, lock-up and arms checked and found in order.',
      ['HC Ramesh Yadav'],
    );
    gd(
      d,
      9.5,
      'duty.ps1',
      'departure',
      'SI Sunita Verma with Ct. 412 Mahesh and Ct. 388 Dinesh departed for patrolling in beat B1 (Bazaar) in the station jeep.',
      ['SI Sunita Verma', 'Ct. 412 Mahesh', 'Ct. 388 Dinesh'],
    );
    gd(d, 13, 'duty.ps1', 'arrival', 'SI Sunita Verma and party returned from patrolling beat B1. Nothing special to report.', [
      'SI Sunita Verma',
    ]);
  }

  fir(6, 10, 'duty.ps1', 'bike', {
    informationType: 'written',
    sections: [{ act: 'BNS', section: '303(2)' }],
    occurrence: {
      from: ago(7, 21.5),
      to: ago(6, 6),
      place: 'Outside house no. 14, Sarafa Bazaar, near Hanuman Mandir',
      distanceKm: 1.5,
      direction: 'NE',
      beatCode: 'B1',
    },
    complainant: {
      name: 'Ravi Kumar Sharma',
      relativeName: 'Shyam Lal Sharma',
      relation: 'father',
      yearOfBirth: 1986,
      sex: 'male',
      occupation: 'Shopkeeper',
      address: '14, Sarafa Bazaar, Vindhyanagar',
      phone: '9826012345',
      isVictim: true,
    },
    accused: [{ known: false, description: 'Unknown person(s)' }],
    propertyItems: [
      {
        description: 'Hero Splendor motorcycle, black, MP04 AB 1234, chassis no. MBLHA10A',
        category: 'vehicle',
        nature: 'stolen',
        value: 45000,
      },
    ],
    narrative:
      'The complainant states that he parked his motorcycle outside his house at about 21:30 and found it missing at 06:00 the next morning. The handle lock was engaged. He suspects unknown persons stole it during the night.',
  });
  fir(5, 11, 'duty.ps1', 'chain', {
    informationType: 'oral',
    sections: [{ act: 'BNS', section: '304(2)' }],
    occurrence: {
      from: ago(5, 9.75),
      place: 'Gandhi Road, in front of the State Bank ATM',
      distanceKm: 0.8,
      direction: 'S',
      beatCode: 'B1',
    },
    complainant: {
      name: 'Sushila Devi',
      relativeName: 'Mahendra Prasad',
      relation: 'husband',
      yearOfBirth: 1971,
      sex: 'female',
      occupation: 'Teacher',
      address: '7, Shanti Nagar, Vindhyanagar',
      phone: '9425098765',
      isVictim: true,
    },
    accused: [
      {
        known: false,
        description: 'Two young men on a red motorcycle without a number plate; the pillion rider wore a black helmet and a grey jacket.',
      },
    ],
    propertyItems: [{ description: 'Gold chain, about 20 g', category: 'jewellery', nature: 'stolen', value: 120000 }],
    narrative:
      'The complainant states that while she was walking to school, two men on a red motorcycle came from behind; the pillion rider snatched her gold chain and they fled towards the railway station.',
  });
  gd(
    4,
    7.5,
    'duty.ps1',
    'information',
    'Telephone information from Shri Anil Jain, 22 Housing Board Colony: the lock of his house was found broken in the morning; the family had been away. SI Sunita Verma sent to the spot.',
  );
  step(4, 10, async (trx) => {
    const info = await trx
      .selectFrom('gd_entry')
      .select('id')
      .where('station_id', '=', officers['duty.ps1'].auth.user.stationId!)
      .where('kind', '=', 'information')
      .orderBy('recorded_at', 'desc')
      .executeTakeFirstOrThrow();
    ids.house = (
      await registerFir(
        deps,
        trx,
        officers['duty.ps1'],
        parse({
          gdEntryId: info.id,
          informationReceivedAt: ago(4, 7.5),
          informationType: 'written',
          sections: [
            { act: 'BNS', section: '331(4)' },
            { act: 'BNS', section: '305' },
          ],
          occurrence: {
            from: ago(6, 20),
            to: ago(4, 7),
            place: '22, Housing Board Colony',
            distanceKm: 3.2,
            direction: 'W',
            beatCode: 'B3',
          },
          complainant: {
            name: 'Anil Jain',
            relativeName: 'Prakash Chand Jain',
            relation: 'father',
            yearOfBirth: 1965,
            sex: 'male',
            occupation: 'Businessman',
            address: '22, Housing Board Colony, Vindhyanagar',
            phone: '9300012345',
            isVictim: true,
          },
          accused: [{ known: false, description: 'Unknown' }],
          delayReason: 'The family was away at a wedding and found the house broken into on return.',
          propertyItems: [
            { description: 'Cash', category: 'cash', nature: 'stolen', value: 35000 },
            { description: 'Silver utensils and two gold bangles', category: 'jewellery', nature: 'stolen', value: 210000 },
            { description: 'LED television, 43 inch', category: 'electronics', nature: 'stolen', value: 28000 },
          ],
          narrative:
            'The complainant states that he locked his house and went to Indore with his family for a wedding. On return he found the main door lock broken and the almirah ransacked; cash, jewellery and a television were missing.',
        }),
      )
    ).id;
  });
  fir(3, 15, 'sho.ps1', 'hurt', {
    informationType: 'oral',
    sections: [
      { act: 'BNS', section: '115(2)' },
      { act: 'BNS', section: '351(2)' },
    ],
    occurrence: { from: ago(3, 13), place: 'Vegetable market near the railway station', distanceKm: 2, direction: 'E', beatCode: 'B2' },
    complainant: {
      name: 'Mohd. Salim',
      relativeName: 'Mohd. Yusuf',
      relation: 'father',
      yearOfBirth: 1990,
      sex: 'male',
      occupation: 'Vegetable vendor',
      address: 'Ward 12, Station Road, Vindhyanagar',
      phone: '9754012345',
      isVictim: true,
    },
    accused: [
      {
        known: true,
        name: 'Raju alias Rajesh Kushwaha',
        relativeName: 'Ramprasad Kushwaha',
        age: 32,
        sex: 'male',
        address: 'Ward 11, Station Road, Vindhyanagar',
      },
    ],
    narrative:
      'The complainant states that the accused, a neighbouring vendor, quarrelled with him over the place of his cart, beat him with a wooden stick on his left arm and threatened to kill him if he set up his cart there again.',
    actionTaken:
      'The case was registered; the injured was sent for medical examination to the District Hospital, and the investigation was taken up.',
  });
  // The sensitive FIR: the victim's identity stays on the police side.
  fir(2, 18, 'sho.ps1', 'sensitive', {
    informationType: 'written',
    sections: [
      { act: 'BNS', section: '74' },
      { act: 'BNS', section: '351(2)' },
    ],
    occurrence: {
      from: ago(2, 16),
      place: 'Lane behind the girls’ college, Civil Lines road',
      distanceKm: 1.1,
      direction: 'N',
      beatCode: 'B1',
    },
    complainant: {
      name: 'Priya (name as recorded)',
      sex: 'female',
      yearOfBirth: 2003,
      occupation: 'Student',
      address: 'Address kept in the case file',
      phone: '9893000000',
      isVictim: true,
    },
    accused: [{ known: true, name: 'Vicky Rathore', age: 24, sex: 'male', address: 'Nehru Nagar, Vindhyanagar' }],
    narrative:
      'The complainant states that the accused, who had been following her for some weeks, stopped her in the lane, caught her by the hand with intent to outrage her modesty and threatened her when she raised an alarm.',
    actionTaken: 'The case was registered; the statement of the victim will be recorded by a woman officer (BNSS 180).',
  });
  fir(1, 12, 'duty.ps1', 'online', {
    informationType: 'electronic',
    sections: [
      { act: 'BNS', section: '318(4)' },
      { act: 'ITA', section: '66D' },
    ],
    occurrence: {
      from: ago(2, 11),
      place: 'Online (UPI transfer); complainant at his residence, Tilak Nagar',
      distanceKm: 2.5,
      direction: 'SW',
    },
    complainant: {
      name: 'Deepak Soni',
      relativeName: 'Ramesh Soni',
      relation: 'father',
      yearOfBirth: 1979,
      sex: 'male',
      occupation: 'Retired clerk',
      address: '31, Tilak Nagar, Vindhyanagar',
      phone: '9425123456',
      email: 'deepak.soni@mail.example',
      isVictim: true,
    },
    accused: [{ known: false, description: 'Caller from +91 70000 00000 posing as a bank officer; UPI ID verify.kyc@examplebank' }],
    propertyItems: [{ description: 'Amount transferred by UPI in three transactions', category: 'cash', nature: 'stolen', value: 84500 }],
    narrative:
      'The complainant states that a caller posing as a bank officer told him his KYC had expired, made him install a screen-sharing app and then transferred Rs. 84,500 from his account in three UPI transactions.',
  });
  // An offence before 1 July 2024, reported late: registered under the IPC (BNS 358(2)).
  fir(1, 16, 'duty.ps1', 'ipc', {
    informationType: 'written',
    sections: [{ act: 'IPC', section: '420' }],
    occurrence: {
      from: '2024-05-10T11:00:00+05:30',
      place: 'Office of Shubh Properties, M.G. Road',
      distanceKm: 0.6,
      direction: 'NW',
      beatCode: 'B1',
    },
    complainant: {
      name: 'Kailash Chandra Tiwari',
      relativeName: 'Shivnarayan Tiwari',
      relation: 'father',
      yearOfBirth: 1958,
      sex: 'male',
      occupation: 'Farmer',
      address: 'Village Khajuri, Tehsil Vindhyanagar',
      isVictim: true,
    },
    accused: [{ known: true, name: 'Sanjay Agrawal', age: 45, sex: 'male', address: 'Shubh Properties, M.G. Road, Vindhyanagar' }],
    delayReason: 'The accused kept promising to register the plot until the complainant found it sold to another buyer in December 2025.',
    propertyItems: [{ description: 'Advance paid for a residential plot', category: 'cash', nature: 'involved', value: 500000 }],
    narrative:
      'The complainant states that on 10 May 2024 he paid Rs. 5,00,000 to the accused as advance for a plot which the accused neither registered in his name nor returned the money, and later sold the plot to someone else.',
  });
  step(0, 9, (trx) =>
    addAddendum(deps, trx, officers['io.ps1'], ids.bike, {
      reason: 'Chassis number recorded incompletely',
      text: 'The full chassis number of the stolen motorcycle is MBLHA10AEF9J12345, as per the registration certificate produced by the complainant.',
      corrections: [{ field: 'propertyItems[0].description', from: 'chassis no. MBLHA10A', to: 'chassis no. MBLHA10AEF9J12345' }],
    }),
  );

  // Civil Lines (PS02): two FIRs, and a zero FIR for an offence in Kotwali's area, sent and pending.
  fir(5, 14, 'duty.ps2', 'ps2mobile', {
    informationType: 'written',
    sections: [{ act: 'BNS', section: '303(2)' }],
    occurrence: { from: ago(5, 12), place: 'City bus stand, platform 2', distanceKm: 0.4, direction: 'E', beatCode: 'B2' },
    complainant: {
      name: 'Neha Gupta',
      relativeName: 'Suresh Gupta',
      relation: 'father',
      yearOfBirth: 1999,
      sex: 'female',
      occupation: 'Software engineer',
      address: '12, Arera Colony, Vindhyanagar',
      phone: '9826099999',
      isVictim: true,
    },
    accused: [{ known: false, description: 'Unknown' }],
    propertyItems: [
      { description: 'Mobile phone, Samsung Galaxy A54, IMEI 356789012345678', category: 'mobile phone', nature: 'stolen', value: 32000 },
    ],
    narrative:
      'The complainant states that her mobile phone was stolen from her handbag while she was boarding a bus at the city bus stand.',
  });
  fir(2, 11, 'duty.ps2', 'zeroPending', {
    informationType: 'oral',
    zeroFir: true,
    jurisdictionStationCode: 'PS01',
    sections: [{ act: 'BNS', section: '309(4)' }],
    occurrence: { from: ago(2, 8.5), place: 'Near the old octroi post, Sarafa Bazaar (Kotwali area)' },
    complainant: {
      name: 'Harish Chandra Patel',
      relativeName: 'Govind Patel',
      relation: 'father',
      yearOfBirth: 1968,
      sex: 'male',
      occupation: 'Jeweller’s agent',
      address: 'Civil Lines, Vindhyanagar',
      phone: '9300098765',
      isVictim: true,
    },
    accused: [{ known: false, description: 'Three men, one with a knife, fled on foot towards the bazaar' }],
    propertyItems: [{ description: 'Bag with cash collected from shops', category: 'cash', nature: 'stolen', value: 260000 }],
    narrative:
      'The complainant came straight to the nearest police station and states that three men stopped him near the old octroi post, showed a knife and took his bag containing the day’s cash collection.',
    actionTaken: 'Registered as a zero FIR under BNSS 173(1); to be transferred to PS Kotwali, in whose jurisdiction the offence occurred.',
  });
  step(2, 12, (trx) =>
    transferFir(deps, trx, officers['duty.ps2'], ids.zeroPending, {
      reason: 'The place of occurrence lies within the jurisdiction of PS Kotwali.',
    }),
  );

  // A zero FIR Kotwali registered for Civil Lines, sent and accepted there.
  fir(4, 16, 'duty.ps1', 'zeroDone', {
    informationType: 'written',
    zeroFir: true,
    jurisdictionStationCode: 'PS02',
    sections: [{ act: 'BNS', section: '303(2)' }],
    occurrence: { from: ago(4, 11), place: 'Parking of the District Court, Civil Lines' },
    complainant: {
      name: 'Advocate Rakesh Bhargava',
      relativeName: 'Late K. N. Bhargava',
      relation: 'father',
      yearOfBirth: 1975,
      sex: 'male',
      occupation: 'Advocate',
      address: '3, Judges Colony, Vindhyanagar',
      phone: '9425011111',
      isVictim: true,
    },
    accused: [{ known: false, description: 'Unknown' }],
    propertyItems: [{ description: 'Honda Activa scooter, grey, MP04 CD 5678', category: 'vehicle', nature: 'stolen', value: 55000 }],
    narrative: 'The complainant states that his scooter was stolen from the District Court parking between 11:00 and 16:00.',
    actionTaken: 'Registered as a zero FIR under BNSS 173(1); to be transferred to PS Civil Lines.',
  });
  step(4, 17, (trx) =>
    transferFir(deps, trx, officers['duty.ps1'], ids.zeroDone, { reason: 'The District Court parking lies within PS Civil Lines.' }),
  );
  step(3, 10, (trx) =>
    acknowledgeTransfer(deps, trx, officers['duty.ps2'], ids.zeroDone, { remarks: 'Original complaint and GD copy received by hand.' }),
  );

  // Sonpur Kotwali (PS04, district D2).
  fir(3, 19, 'duty.ps4', 'ps4rash', {
    informationType: 'oral',
    sections: [
      { act: 'BNS', section: '281' },
      { act: 'BNS', section: '125(a)' },
    ],
    occurrence: { from: ago(3, 18), place: 'Sonpur–Kesla road near the Narmada bridge', distanceKm: 6, direction: 'S' },
    complainant: {
      name: 'Gopal Yadav',
      relativeName: 'Bhagirath Yadav',
      relation: 'father',
      yearOfBirth: 1984,
      sex: 'male',
      occupation: 'Farmer',
      address: 'Village Bhatgaon, Sonpur',
      isVictim: true,
    },
    accused: [{ known: true, name: 'Driver of truck MP05 H 4321 (name not known)', description: 'Tata truck, red cabin' }],
    narrative:
      'The complainant states that a truck driven rashly hit his motorcycle from behind; he fell and was hurt on the knee. The truck driver stopped and was detained by villagers.',
  });
  gd(
    0,
    10,
    'duty.ps4',
    'manual',
    'Summons received from the Court of the CJM Sonpur in three cases, entered in the summons register and handed over to the beat constables.',
  );

  return steps.map((s) => ({
    at: s.at,
    run: () => {
      sc.set(s.at);
      return k.transaction().execute((trx) => s.run(trx));
    },
  }));
}

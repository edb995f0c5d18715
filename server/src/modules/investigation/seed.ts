/**
 * Demo data of the investigation: cases under investigation with every kind of record, so the
 * case page, "My cases" and the clocks panel show real data on first start. (The prosecution
 * seeder adds the cases from a draft final report to an appeal; the firs seeder the last week's
 * FIRs.) Everything is made through the services, in time order, with a seeder clock moved
 * through the past days.
 *
 * FIR serials and GD numbers run in time order per station: this seeder runs after the
 * prosecution seeder (whose newest PS01 FIR is 12 days old) and before the last week's FIRs and
 * complaints (seed/index.ts), so its PS01 FIRs and arrests sit 11 to 7 days back; its older
 * cases are at PS02, where only the people seeder's cases (105 days and older) come before.
 * `seedInvestigationLate` runs last and makes an arrest "just now" (its production clock is the
 * one due first on the IO's dashboard).
 *
 * The demo case the request examples target (schemas.ts) is the house-breaking at Housing
 * Board Colony, PS01, IO io.ps1: A1 arrested, A2 absconding, W1 a witness, crime details at
 * version 1, item 3 still with the seizing officer.
 */
import type { Kysely } from 'kysely';
import { loadConfig, type Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { DemoIds } from '../../seed/demo.js';
import { registerFirBody } from '../firs/schemas.js';
import { registerFir } from '../firs/service.js';
import { demoOfficer, SeedClock } from '../seed-helpers.js';
import { addArrestEvent, recordArrest } from './arrests.service.js';
import { addDocument } from './documents.js';
import { moveItem, recordSeizure, type CustodyMoveInput } from './evidence.service.js';
import {
  addAppearanceNotice,
  addCasePerson,
  addDiaryEntry,
  addForensicRequest,
  addStatement,
  saveCrimeDetails,
} from './records.service.js';
import { appearanceNoticeBody, arrestBody, personBody, seizureBody } from './schemas.js';
import { addSupervisionNote, assignIo, type Officer } from './service.js';

/** A 1×1 PNG standing in for the scanned sketch. */
const SKETCH_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

/** 00:00 IST of the day `daysAgo` days before `now`, plus `hour` hours (IST). */
const istAt = (now: number, daysAgo: number, hour: number) => {
  const d = new Date(now - daysAgo * DAY + 5.5 * HOUR);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime() - 5.5 * HOUR + hour * HOUR;
};

const firBody = (o: {
  at: number;
  place: string;
  sections: string[];
  complainant: Record<string, unknown>;
  narrative: string;
  property?: { description: string; category: string; value: number }[];
  beat?: string;
}) =>
  registerFirBody.parse({
    informationType: 'written',
    sections: o.sections.map((s) => ({ act: 'BNS', section: s })),
    occurrence: { from: iso(o.at - 8 * HOUR), to: iso(o.at - 2 * HOUR), place: o.place, ...(o.beat ? { beatCode: o.beat } : {}) },
    complainant: { nationality: 'Indian', ...o.complainant },
    accused: [{ known: false, description: 'Unknown person(s)' }],
    propertyItems: o.property ?? [],
    narrative: o.narrative,
  });

/** Ids of what the seeder made that the late step needs. */
const made: { snatchingCaseId?: string } = {};

export async function seedInvestigation(db: Db, _ids: DemoIds, clock: Clock): Promise<void> {
  const k = db.kysely;
  const now = clock.now().getTime();
  const sc = new SeedClock(now);
  const deps = { clock: sc };
  const at = (daysAgo: number, hour: number) => Math.min(istAt(now, daysAgo, hour), now - 5 * 60_000);
  const tx = <T>(t: number, fn: (trx: Kysely<Database>) => Promise<T>) => {
    sc.set(Math.min(t, now - 60_000));
    return k.transaction().execute(fn);
  };
  const u: Record<string, Officer> = {};
  for (const n of ['duty.ps1', 'sho.ps1', 'io.ps1', 'io2.ps1', 'sdpo.sd1', 'duty.ps2', 'sho.ps2', 'io.ps2']) u[n] = await demoOfficer(k, n);
  /** An FIR the duty officer `who` registers at `t` (firBody: the offence some hours before). */
  const register = (who: string, t: number, fir: Omit<Parameters<typeof firBody>[0], 'at'>) =>
    tx(t, (trx) => registerFir(deps, trx, u[who], firBody({ at: t, ...fir })));
  // The sketch goes to the upload directory of the configuration, if there is one to read.
  let config: Config | null;
  try {
    config = loadConfig();
  } catch {
    config = null;
  }

  // ---------------------------------------------------------------- PS02: the older cases

  // A phone theft 100 days ago: the informant was never told of the progress (overdue clock);
  // the stolen phone's IMEI is what PS01's seizure will match.
  const t1 = at(100, 11);
  const theft = await register('duty.ps2', t1, {
    place: 'Civil Lines bus stop, Vindhyanagar',
    sections: ['303(2)'],
    complainant: { name: 'Anil Khare', sex: 'male', yearOfBirth: 1979, address: '7, Civil Lines, Vindhyanagar', phone: '9826033301' },
    property: [{ description: 'Samsung Galaxy M14 mobile phone, blue', category: 'mobile phone', value: 12000 }],
    narrative:
      'The complainant states that his mobile phone was stolen from his shirt pocket while boarding a bus at the Civil Lines bus stop.',
  });
  await tx(t1 + HOUR, (trx) => assignIo(deps, trx, u['sho.ps2'], theft.id, { ioId: u['io.ps2'].auth.user.id }));
  await tx(t1 + 2 * HOUR, (trx) =>
    saveCrimeDetails(deps, trx, u['io.ps2'], theft.id, {
      majorHeadCode: '26',
      minorHeadCode: '26.2',
      moCodes: ['MO-THF-06'],
      placeType: 'bus_stop',
      properties: [
        {
          description: 'Samsung Galaxy M14 mobile phone, blue',
          category: 'mobile_phone',
          nature: 'stolen',
          value: 12000,
          imei: ['356938035643809'],
        },
      ],
      motive: 'Gain',
    }),
  );
  await tx(t1 + DAY + 3 * HOUR, (trx) =>
    addDiaryEntry(deps, trx, u['io.ps2'], theft.id, {
      startedAt: iso(t1 + DAY),
      closedAt: iso(t1 + DAY + 3 * HOUR),
      placesVisited: ['Civil Lines bus stop', 'Mobile shops of Itwara'],
      circumstances:
        'Enquired with the bus conductor and the shopkeepers near the stop. Alerted the mobile shops of Itwara to the IMEI of the stolen phone.',
    }),
  );
  const suspect = await tx(t1 + 3 * DAY, (trx) =>
    addCasePerson(
      deps,
      trx,
      u['io.ps2'],
      theft.id,
      personBody.parse({
        role: 'accused',
        person: { name: 'Guddu Rajak', fatherName: 'Ramesh Rajak', sex: 'male', ageYears: 24, address: 'Kachhi Mohalla, Vindhyanagar' },
      }),
    ),
  );
  await tx(t1 + 3 * DAY + HOUR, (trx) =>
    addAppearanceNotice(
      deps,
      trx,
      u['io.ps2'],
      theft.id,
      appearanceNoticeBody.parse({
        personCode: suspect.code,
        appearAt: iso(t1 + 5 * DAY),
        appearPlace: 'Police Station Civil Lines',
        servedHow: 'In person, acknowledged by signature',
      }),
    ),
  );

  // A rape case 55 days ago (sensitive): the two-month clock of BNSS 193(2) is due within a week.
  const t2 = at(55, 15);
  const rape = await register('duty.ps2', t2, {
    place: 'Near the old water tank, Civil Lines',
    sections: ['64(1)'],
    complainant: {
      name: 'Victim (identity withheld)',
      sex: 'female',
      yearOfBirth: 2001,
      address: 'Civil Lines, Vindhyanagar',
      isVictim: true,
    },
    narrative:
      'The informant states that she was sexually assaulted by a known person. Details recorded separately; identity withheld under BNS 72.',
  });
  await tx(t2 + HOUR, (trx) => assignIo(deps, trx, u['sho.ps2'], rape.id, { ioId: u['io.ps2'].auth.user.id }));
  await tx(t2 + 2 * HOUR, (trx) =>
    addCasePerson(
      deps,
      trx,
      u['io.ps2'],
      rape.id,
      personBody.parse({ role: 'victim', person: { name: 'Victim X', sex: 'female', ageYears: 25, address: 'Civil Lines, Vindhyanagar' } }),
    ),
  );
  await tx(t2 + 3 * HOUR, (trx) =>
    addStatement(deps, trx, u['io.ps2'], rape.id, {
      personCode: 'V1',
      place: 'One Stop Centre, Vindhyanagar',
      language: 'hi',
      text: 'पीड़िता का बयान महिला अधिकारी द्वारा दर्ज किया गया; विवरण गोपनीय।',
      recordedByWomanOfficer: true,
      recordingOfficerName: 'SI Anjali Deshmukh',
    }),
  );
  await tx(t2 + 5 * HOUR, (trx) =>
    addCasePerson(
      deps,
      trx,
      u['io.ps2'],
      rape.id,
      personBody.parse({
        role: 'accused',
        person: { name: 'Manoj Sahu', fatherName: 'Kishan Sahu', sex: 'male', ageYears: 31, address: 'Ward 12, Vindhyanagar' },
      }),
    ),
  );
  const rapeArrest = await tx(t2 + 20.2 * HOUR, (trx) =>
    recordArrest(
      deps,
      trx,
      u['io.ps2'],
      rape.id,
      arrestBody.parse({
        personCode: 'A1',
        arrestedAt: iso(t2 + 8 * HOUR),
        place: 'Ward 12, Vindhyanagar',
        grounds: 'Named by the victim; arrested on reasonable suspicion of the offence under BNS 64(1).',
        informed: { name: 'Kishan Sahu', relation: 'father', mode: 'phone', at: iso(t2 + 8.5 * HOUR) },
        medical: { examinedAt: iso(t2 + 10 * HOUR), examiner: 'Medical Officer, District Hospital', remarks: 'No injuries' },
        witness: { name: 'Ramesh Patel', address: 'Ward 12' },
        countersigned: true,
        outcome: 'judicial_custody',
        production: {
          at: iso(t2 + 20 * HOUR),
          courtName: 'Chief Judicial Magistrate, Vindhyanagar',
          journeyMinutes: 30,
          remand: 'judicial',
          orderRef: 'Remand 211/2026',
        },
      }),
    ),
  );
  void rapeArrest;

  // ---------------------------------------------------------------- PS01: the demo case of the examples

  const t3 = at(10, 11);
  const hb = await register('duty.ps1', t3, {
    place: 'House no. 22, Housing Board Colony, Vindhyanagar',
    sections: ['305', '331(2)'],
    beat: 'B3',
    complainant: {
      name: 'Rekha Tiwari',
      sex: 'female',
      yearOfBirth: 1975,
      address: 'House no. 22, Housing Board Colony, Vindhyanagar',
      phone: '9826044402',
      occupation: 'Teacher',
    },
    property: [
      { description: 'Gold chain, 20 g', category: 'jewellery', value: 110000 },
      { description: 'Samsung Galaxy M14 mobile phone, blue', category: 'mobile phone', value: 12000 },
    ],
    narrative:
      'The complainant states that she returned from a wedding at night and found the lock of the main door broken; a gold chain and a mobile phone were missing from the almirah.',
  });
  await tx(t3 + HOUR, (trx) => assignIo(deps, trx, u['sho.ps1'], hb.id, { ioId: u['io.ps1'].auth.user.id }));
  const person = (t: number, body: Record<string, unknown>) =>
    tx(t, (trx) => addCasePerson(deps, trx, u['io.ps1'], hb.id, personBody.parse(body)));
  await person(t3 + 2 * HOUR, {
    role: 'complainant',
    person: {
      name: 'Rekha Tiwari',
      sex: 'female',
      ageYears: 51,
      address: 'House no. 22, Housing Board Colony, Vindhyanagar',
      phone: '9826044402',
      occupation: 'Teacher',
    },
  });
  await person(t3 + 2.5 * HOUR, {
    role: 'witness',
    person: {
      name: 'Mukesh Soni',
      fatherName: 'Ramprasad Soni',
      sex: 'male',
      ageYears: 45,
      address: 'House no. 23, Housing Board Colony',
      occupation: 'Jeweller',
      phone: '9826098260',
    },
  });
  await tx(t3 + 3 * HOUR, (trx) =>
    addDiaryEntry(deps, trx, u['io.ps1'], hb.id, {
      startedAt: iso(t3 + 1.5 * HOUR),
      closedAt: iso(t3 + 3 * HOUR),
      placesVisited: ['House no. 22, Housing Board Colony'],
      circumstances:
        'Inspected the scene with the complainant. The lock of the main door was broken with a heavy instrument; the almirah was ransacked. Prepared a rough sketch; finger prints lifted from the almirah by the mobile forensic team.',
    }),
  );
  await tx(t3 + 3.5 * HOUR, (trx) =>
    addStatement(deps, trx, u['io.ps1'], hb.id, {
      personCode: 'W1',
      place: 'House no. 23, Housing Board Colony',
      language: 'hi',
      text: 'रात लगभग 1 बजे मैंने दो लड़कों को पड़ोस के घर से निकलते और मोटरसाइकिल पर चौक की ओर जाते देखा। एक को मैं पहचानता हूं, वह राजू उर्फ़ कालू है।',
    }),
  );
  await tx(t3 + 4 * HOUR, (trx) =>
    saveCrimeDetails(deps, trx, u['io.ps1'], hb.id, {
      majorHeadCode: '27',
      moCodes: ['MO-BUR-01', 'MO-BUR-06'],
      moText: 'Door lock broken at night while the family was away at a wedding.',
      placeType: 'residence',
      sceneLat: 23.2655,
      sceneLng: 77.4201,
      sceneDescription: 'Single-storey house; main door faces the lane; almirah in the bedroom ransacked.',
      properties: [
        { description: 'Gold chain, 20 g', category: 'jewellery', nature: 'stolen', value: 110000 },
        { description: 'Samsung Galaxy M14 mobile phone, blue', category: 'mobile_phone', nature: 'stolen', value: 12000 },
      ],
      weapons: [{ description: 'Heavy screwdriver or iron rod (used on the lock)', kind: 'implement' }],
      vehicles: [{ description: 'Black motorcycle', role: 'used for escape' }],
      motive: 'Gain',
    }),
  );
  await person(at(9, 12), {
    role: 'accused',
    person: { name: 'Raju alias Kalu', fatherName: 'Bhagwandas', sex: 'male', ageYears: 26, address: 'Kachhi Mohalla, Vindhyanagar' },
  });
  await person(at(9, 12.2), {
    role: 'accused',
    person: { name: 'Sonu Pathak', fatherName: 'Rakesh Pathak', sex: 'male', ageYears: 23, address: 'Itwara, Vindhyanagar' },
  });
  const arrest = await tx(at(9, 20.5), (trx) =>
    recordArrest(
      deps,
      trx,
      u['io.ps1'],
      hb.id,
      arrestBody.parse({
        personCode: 'A1',
        arrestedAt: iso(at(9, 18)),
        place: 'Chowk, Vindhyanagar',
        grounds: 'Identified by the witness W1 as one of the two persons seen leaving the house on the night of the house-breaking.',
        bailRightInformed: false,
        informed: { name: 'Bhagwandas', relation: 'father', mode: 'phone', at: iso(at(9, 18.5)) },
        medical: {
          examinedAt: iso(at(9, 20)),
          examiner: 'Medical Officer, District Hospital',
          remarks: 'Old scar on the left forearm; no fresh injuries',
        },
        witness: { name: 'Hari Om Sahu', address: 'Chowk, Vindhyanagar' },
        countersigned: true,
        outcome: 'sent_up',
        necessityReason: 'To recover the stolen gold chain and phone and to trace the co-accused (BNSS 35(1)(b)(ii)).',
      }),
    ),
  );
  // Produced the next morning (the 24-hour clock met), remanded to judicial custody: the 60/90-day clock runs.
  await tx(at(8, 11), (trx) =>
    addArrestEvent(deps, trx, u['io.ps1'], hb.id, arrest.memo.id, {
      kind: 'produced',
      at: iso(at(8, 11)),
      courtName: 'Chief Judicial Magistrate, Vindhyanagar',
      journeyMinutes: 25,
    }),
  );
  await tx(at(8, 11.5), (trx) =>
    addArrestEvent(deps, trx, u['io.ps1'], hb.id, arrest.memo.id, {
      kind: 'remanded_judicial',
      at: iso(at(8, 11.5)),
      courtName: 'Chief Judicial Magistrate, Vindhyanagar',
      orderRef: 'Remand order 1187/2026',
      remandUntil: new Date(at(8, 0) + 14 * DAY + 5.5 * HOUR).toISOString().slice(0, 10),
    }),
  );
  const seizure = await tx(at(9, 21), (trx) =>
    recordSeizure(
      deps,
      trx,
      u['io.ps1'],
      hb.id,
      seizureBody.parse({
        seizedAt: iso(at(9, 21)),
        place: 'House of A1, Kachhi Mohalla, Vindhyanagar',
        searchKind: 'recovery',
        fromPersonCode: 'A1',
        witnesses: [
          { name: 'Hari Om Sahu', address: 'Chowk, Vindhyanagar' },
          { name: 'Salim Khan', address: 'Itwara, Vindhyanagar' },
        ],
        recording: { ref: 'e-Sakshya SR-2026-004417', sha256: '9f2d1c0b7a6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4' },
        items: [
          {
            description: 'Gold chain, about 20 g',
            category: 'jewellery',
            quantity: 1,
            identifyingMarks: 'Hook clasp, "RT" engraved',
            value: 110000,
            ownerName: 'Rekha Tiwari',
          },
          {
            description: 'Samsung Galaxy M14 mobile phone, blue',
            category: 'mobile_phone',
            quantity: 1,
            identifyingMarks: 'Crack on the lower left of the screen',
            value: 9000,
            imei: ['356938035643809'],
          },
        ],
      }),
    ),
  );
  // Both items to the malkhana that night; the phone on to the FSL two days later.
  const move = (t: number, item: number, m: Omit<CustodyMoveInput, 'at'>) =>
    tx(t, (trx) => moveItem(deps, trx, u['io.ps1'], hb.id, seizure.items[item].id, { ...m, at: iso(t) }));
  const deposit = {
    kind: 'malkhana_deposit',
    from: 'seized',
    place: 'Malkhana, PS Kotwali',
    reason: 'Deposited for safe custody after seizure',
    handedTo: 'HC Ramesh Yadav, malkhana moharrir',
  } as const;
  await move(at(9, 22), 0, deposit);
  await move(at(9, 22.1), 1, deposit);
  await move(at(7, 10), 1, {
    kind: 'sent_to_fsl',
    from: 'malkhana',
    place: 'State Forensic Science Laboratory, Sagar',
    reason: 'Extraction of call records and data',
    handedTo: 'Receipt clerk, SFSL Sagar',
  });
  await tx(at(7, 10.2), (trx) =>
    addForensicRequest(deps, trx, u['io.ps1'], hb.id, {
      lab: 'State Forensic Science Laboratory, Sagar',
      what: 'Mobile phone (item 2) for extraction of call records and chats',
      itemNos: [2],
      questions: 'Extract the call records and chats of the night of the occurrence.',
      sentAt: iso(at(7, 10.2)),
    }),
  );
  await tx(at(7, 17), (trx) =>
    addDiaryEntry(deps, trx, u['io.ps1'], hb.id, {
      startedAt: iso(at(7, 9)),
      closedAt: iso(at(7, 17)),
      placesVisited: ['Malkhana, PS Kotwali', 'SFSL Sagar'],
      circumstances:
        'Took the seized phone from the malkhana and delivered it to the SFSL Sagar with the forwarding letter. Searched for A2 Sonu Pathak at Itwara; he is absconding.',
    }),
  );
  await tx(at(5, 16), (trx) =>
    addSupervisionNote(deps, trx, u['sdpo.sd1'], hb.id, {
      text: 'Case diary perused. The recovery of the stolen property is commendable. Arrest of the absconding A2 is pending.',
      directions: [
        'Trace A2 Sonu Pathak through his relatives at Itwara.',
        'Obtain the FSL report on the phone before filing the final report.',
      ],
    }),
  );
  // A revisit today found the implement used on the lock: still with the seizing officer.
  const today = now - 2 * HOUR;
  await tx(today, (trx) =>
    recordSeizure(
      deps,
      trx,
      u['io.ps1'],
      hb.id,
      seizureBody.parse({
        seizedAt: iso(today),
        place: 'Behind house no. 22, Housing Board Colony',
        searchKind: 'recovery',
        witnesses: [{ name: 'Mukesh Soni', address: 'House no. 23, Housing Board Colony' }],
        recordingAbsentReason: 'Found lying in the open during a revisit; photographed, no search was conducted.',
        items: [
          { description: 'Heavy screwdriver, 30 cm, red handle', category: 'other', quantity: 1, identifyingMarks: 'Tip bent', value: 150 },
        ],
      }),
    ),
  );
  if (config)
    await addDocument({ clock: sc, config }, k, u['io.ps1'], hb.id, {
      kind: 'sketch',
      title: 'Rough sketch of the scene',
      fileName: 'sketch.png',
      contentBase64: SKETCH_PNG,
    }).catch(() => undefined);

  // ---------------------------------------------------------------- PS01: more cases

  // A chain snatching, 8 days ago: the accused is arrested "just now" by seedInvestigationLate.
  const t4 = at(8, 19);
  const sn = await register('duty.ps1', t4, {
    place: 'Railway station road, near the overbridge',
    sections: ['304(2)'],
    beat: 'B2',
    complainant: { name: 'Sarita Jain', sex: 'female', yearOfBirth: 1968, address: 'Station Road, Vindhyanagar', phone: '9826055503' },
    property: [{ description: 'Gold chain, 12 g', category: 'jewellery', value: 70000 }],
    narrative: 'The complainant states that two youths on a motorcycle snatched her gold chain while she was walking home from the market.',
  });
  await tx(t4 + HOUR, (trx) => assignIo(deps, trx, u['sho.ps1'], sn.id, { ioId: u['io.ps1'].auth.user.id }));
  await tx(at(7, 12), (trx) =>
    addDiaryEntry(deps, trx, u['io.ps1'], sn.id, {
      startedAt: iso(at(7, 10)),
      closedAt: iso(at(7, 12)),
      placesVisited: ['Railway station road', 'CCTV control room, Railway station'],
      circumstances:
        'Viewed the CCTV footage of the station road; a black motorcycle with two riders is seen at the time of the snatching.',
    }),
  );
  await tx(at(7, 12.5), (trx) =>
    addCasePerson(
      deps,
      trx,
      u['io.ps1'],
      sn.id,
      personBody.parse({
        role: 'accused',
        person: { name: 'Aman Ahirwar', fatherName: 'Kallu Ahirwar', sex: 'male', ageYears: 22, address: 'Harijan Basti, Vindhyanagar' },
      }),
    ),
  );
  made.snatchingCaseId = sn.id;

  // Awaiting an IO; and one with the other IO of the station.
  const t5 = at(7, 9);
  await register('duty.ps1', t5, {
    place: 'Shop no. 8, Sarafa Bazaar',
    sections: ['318(4)'],
    beat: 'B1',
    complainant: {
      name: 'Deepak Agrawal',
      sex: 'male',
      yearOfBirth: 1982,
      address: 'Sarafa Bazaar, Vindhyanagar',
      phone: '9826066604',
    },
    narrative: 'The complainant states that a customer paid for jewellery with a forged bank transfer receipt and left with the goods.',
  });
  const t6 = at(7, 15);
  const hurt = await register('duty.ps1', t6, {
    place: 'Tea stall near Bus Stand, Vindhyanagar',
    sections: ['115(2)', '351(2)'],
    complainant: {
      name: 'Rafiq Mohammad',
      sex: 'male',
      yearOfBirth: 1990,
      address: 'Bus Stand area, Vindhyanagar',
      phone: '9826077705',
    },
    narrative: 'The complainant states that he was beaten and threatened by his neighbour after an argument over parking.',
  });
  await tx(t6 + HOUR, (trx) => assignIo(deps, trx, u['sho.ps1'], hurt.id, { ioId: u['io2.ps1'].auth.user.id }));
  await tx(t6 + 3 * HOUR, (trx) =>
    addDiaryEntry(deps, trx, u['io2.ps1'], hurt.id, {
      startedAt: iso(t6 + 1.5 * HOUR),
      closedAt: iso(t6 + 3 * HOUR),
      placesVisited: ['Tea stall near the Bus Stand', 'District Hospital'],
      circumstances:
        'Got the complainant medically examined (simple injuries). Recorded the statements of the tea stall owner and a passer-by.',
    }),
  );
}

/**
 * Runs after every other seeder: the arrest of the snatching case's accused "just now", so its
 * production-before-magistrate clock (BNSS 58) is the first thing due on the IO's dashboard.
 */
export async function seedInvestigationLate(db: Db, _ids: DemoIds, clock: Clock): Promise<void> {
  if (!made.snatchingCaseId) return;
  const k = db.kysely;
  const t = clock.now().getTime() - 30_000;
  const deps = { clock: new SeedClock(t) };
  const io = await demoOfficer(k, 'io.ps1');
  const caseId = made.snatchingCaseId;
  made.snatchingCaseId = undefined;
  await k.transaction().execute((trx) =>
    recordArrest(
      deps,
      trx,
      io,
      caseId,
      arrestBody.parse({
        personCode: 'A1',
        place: 'Harijan Basti, Vindhyanagar',
        grounds: 'Identified from the railway station CCTV footage riding the motorcycle used in the snatching.',
        informed: { name: 'Kallu Ahirwar', relation: 'father', mode: 'in person' },
        witness: { name: 'Sunil Kori', address: 'Harijan Basti' },
        countersigned: true,
        outcome: 'sent_up',
        necessityReason: 'To recover the snatched chain and to identify the co-accused (BNSS 35(1)(b)(ii)).',
      }),
    ),
  );
}

/**
 * Demo people, so that every people and search screen shows real records on `npm start`:
 *
 *  - Rajesh Kumar Srivastava, recorded at Kotwali in Latin and Devanagari with an alias, and a
 *    likely duplicate "राजेश श्रीवास्तव" at Civil Lines (same father, same age): the merge demo;
 *    "R. K. Shrivastav" at Sonpur, another spelling;
 *  - Mohd. Salim Qureshi alias "Salim Langda", a repeat offender accused in house-breakings at
 *    three stations in two districts, convicted once (his oldest case, taken through the court
 *    workflow to a judgment), with a class-A history sheet at Kotwali (surveillance notes and
 *    an associate);
 *  - Laxmi Narayan Choudhary, proclaimed offender (BNSS 84(4)) at Sonpur; Bhure Singh, wanted;
 *  - Sunil Kumar Yadav, missing from Kotwali, and an unidentified body found at Sonpur that
 *    matches him (both stations see the match);
 *  - the vehicles, a phone (IMEI) and the MO features of those cases, for the other searches.
 */
import type { Kysely } from 'kysely';
import { testConfig, type Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/types.js';
import { istDate, type Clock } from '../../lib/clock.js';
import type { DemoIds } from '../../seed/demo.js';
import { registerFirBody } from '../firs/schemas.js';
import { registerFir } from '../firs/service.js';
import { addCasePerson, addDiaryEntry } from '../investigation/records.service.js';
import { diaryBody } from '../investigation/schemas.js';
import { assignIo } from '../investigation/service.js';
import { acceptPackage, addHearing, recordDisposal } from '../prosecution/proceedings.js';
import { approveReport, createDraft, submitReport } from '../prosecution/service.js';
import { indexCaseFeatures, indexFirProperties, indexProperty } from '../search/service.js';
import { demoCourtClerk, SeedClock } from '../seed-helpers.js';
import { officerFor } from './factories.js';
import { verhoeffDigit } from './identity.js';
import * as regs from './registers.service.js';
import { createPersonRecord, linkPersonToCase, type PeopleDeps } from './service.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The identity-document key must be the one the server will use: APP_SECRET when it is set. */
function seedConfig(): Config {
  const secret = process.env.APP_SECRET;
  return { ...testConfig(), APP_SECRET: secret && secret.length >= 32 ? secret : undefined };
}

const iso = (t: number) => new Date(t).toISOString().replace('Z', '+00:00');

export async function seedPeople(db: Db, ids: DemoIds, clock: Clock): Promise<void> {
  const k = db.kysely;
  const now = clock.now().getTime();
  const sc = new SeedClock(now - 400 * DAY);
  const deps: PeopleDeps = { db, clock: sc, config: seedConfig() };
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => k.transaction().execute(fn);
  const o = {
    io1: await officerFor({ db }, 'io.ps1'),
    duty1: await officerFor({ db }, 'duty.ps1'),
    sho1: await officerFor({ db }, 'sho.ps1'),
    io2: await officerFor({ db }, 'io.ps2'),
    duty2: await officerFor({ db }, 'duty.ps2'),
    io4: await officerFor({ db }, 'io.ps4'),
    duty4: await officerFor({ db }, 'duty.ps4'),
    sho4: await officerFor({ db }, 'sho.ps4'),
  };
  const D1 = ids.districts.D1!;
  const D2 = ids.districts.D2!;
  const aadhaar = `34567890123${verhoeffDigit('34567890123')}`;

  // --- Persons -----------------------------------------------------------------------------
  const person = (who: keyof typeof o, input: Parameters<typeof createPersonRecord>[3]) =>
    tx((trx) => createPersonRecord(deps, trx, o[who], input));
  const rajesh = await person('io1', {
    name: 'Rajesh Kumar Srivastava',
    nameHi: 'राजेश कुमार श्रीवास्तव',
    aliases: ['Pappu'],
    fatherName: 'Ramesh Chandra Srivastava',
    sex: 'male',
    age: { years: 34, onDate: new Date(now - 400 * DAY).toISOString().slice(0, 10) },
    addresses: [{ kind: 'present', address: '12, Gandhi Nagar, Vindhyanagar', districtId: D1, stationId: ids.stations.PS01 }],
    phones: ['9826011111'],
    identityDocuments: [
      { type: 'aadhaar', number: aadhaar },
      { type: 'voter_id', number: 'XAV1234567' },
    ],
    marks: [{ kind: 'scar', bodyPart: 'left cheek', description: 'cut mark, about 3 cm' }],
    heightCm: 170,
    build: 'medium',
    occupation: 'Driver',
  });
  sc.set(now - 200 * DAY);
  const rajeshDup = await person('io2', {
    name: 'राजेश श्रीवास्तव',
    fatherName: 'रमेश चंद्र श्रीवास्तव',
    sex: 'male',
    age: { years: 35 },
    addresses: [{ kind: 'present', address: 'Gandhi Nagar, Vindhyanagar', districtId: D1 }],
    phones: ['+91 98260 11111'],
  });
  await person('io4', {
    name: 'R. K. Shrivastav',
    sex: 'male',
    age: { years: 51 },
    fatherName: 'Kishori Lal',
    addresses: [{ address: 'Ward 7, Sonpur', districtId: D2 }],
  });
  const salim = await person('io1', {
    name: 'Mohd. Salim Qureshi',
    nameHi: 'मोहम्मद सलीम क़ुरैशी',
    aliases: ['Salim Langda'],
    nicknames: ['Langda'],
    fatherName: 'Abdul Rahman Qureshi',
    sex: 'male',
    age: { years: 41 },
    addresses: [{ kind: 'present', address: 'Behind Jama Masjid, Vindhyanagar', districtId: D1, stationId: ids.stations.PS01 }],
    phones: ['9893022222'],
    marks: [
      { kind: 'deformity', bodyPart: 'right leg', description: 'limps on the right leg' },
      { kind: 'tattoo', bodyPart: 'left forearm', description: '"786"' },
    ],
    heightCm: 165,
    build: 'thin',
  });
  const chhotu = await person('io1', {
    name: 'Chhotu Soni',
    fatherName: 'Bhagwan Das Soni',
    sex: 'male',
    age: { years: 38 },
    occupation: 'Goldsmith',
    addresses: [{ address: 'Sarafa Bazaar, Vindhyanagar', districtId: D1 }],
  });
  const laxmi = await person('io4', {
    name: 'लक्ष्मी नारायण चौधरी',
    nameHi: 'लक्ष्मी नारायण चौधरी',
    aliases: ['Laxmi Narayan Choudhary', 'L. N. Chaudhary'],
    fatherName: 'Hari Narayan Chaudhary',
    sex: 'male',
    age: { years: 46 },
    addresses: [{ address: 'Village Kesla, Sonpur', districtId: D2 }],
  });
  const bhure = await person('io1', {
    name: 'Bhure Singh',
    aliases: ['Bhura'],
    fatherName: 'Ganga Singh',
    sex: 'male',
    age: { years: 29 },
  });
  await person('io2', {
    name: 'Sunita Devi',
    nameHi: 'सुनीता देवी',
    sex: 'female',
    age: { years: 31 },
    spouseName: 'Ram Prakash',
    addresses: [{ address: 'Civil Lines, Vindhyanagar', districtId: D1 }],
  });
  await person('io2', { name: 'Zakir Hussain', nameHi: 'ज़ाकिर हुसैन', fatherName: 'Nazir Hussain', sex: 'male', age: { years: 27 } });

  // --- Cases of the repeat offender and of Rajesh, at three stations in two districts --------
  const houseBreaking = (place: string, at: number, props: { description: string; category: string; value: number }[]) =>
    registerFirBody.parse({
      informationType: 'written',
      sections: [
        { act: 'BNS', section: '331(4)' },
        { act: 'BNS', section: '305' },
      ],
      occurrence: { from: iso(at - 10 * 3_600_000), to: iso(at - 4 * 3_600_000), place },
      complainant: {
        name: 'Om Prakash Agarwal',
        relativeName: 'Shiv Prakash Agarwal',
        relation: 'father',
        sex: 'male',
        address: place,
        phone: '9826077777',
      },
      accused: [{ known: true, name: 'Salim Langda', sex: 'male', age: 40 }],
      propertyItems: props.map((p) => ({ ...p, nature: 'stolen' })),
      narrative:
        'The complainant states that his house was locked at night while the family was away, and in the morning the lock was found broken and valuables were missing.',
    });
  const cases: {
    who: keyof typeof o;
    daysAgo: number;
    place: string;
    props: { description: string; category: string; value: number }[];
  }[] = [
    {
      who: 'duty1',
      daysAgo: 380,
      place: 'House no. 44, Sarafa Bazaar, Vindhyanagar',
      props: [{ description: 'Gold chain and two rings', category: 'jewellery', value: 120000 }],
    },
    {
      who: 'duty2',
      daysAgo: 210,
      place: 'Flat 3, Civil Lines, Vindhyanagar',
      props: [{ description: 'Samsung mobile phone, IMEI 356938035643809', category: 'mobile phone', value: 18000 }],
    },
    {
      who: 'duty4',
      daysAgo: 60,
      place: 'House near Gandhi Chowk, Sonpur',
      props: [{ description: 'Hero Splendor motorcycle, black, MP04 AB 1234', category: 'vehicle', value: 45000 }],
    },
  ];
  const salimFirs: string[] = [];
  for (const c of cases) {
    const at = now - c.daysAgo * DAY;
    sc.set(at);
    const fir = await tx(async (trx) => {
      const f = await registerFir({ clock: sc }, trx, { auth: o[c.who].auth, actor: o[c.who].actor }, houseBreaking(c.place, at, c.props));
      await indexFirProperties(trx, f, { moCodes: ['MO-BUR-01', 'MO-BUR-06'], placeType: 'residence' });
      await linkPersonToCase(trx, { personId: salim, firId: f.id, role: 'accused', code: 'A1', stateCode: ids.stateCode, at: sc.now() });
      return f;
    });
    salimFirs.push(fir.id);
  }

  // His oldest case went the whole way, through the same workflow as any case: investigated and
  // charge-sheeted at Kotwali, taken by the court, charges framed, and a conviction 150 days
  // ago, which the disposal writes on his record; the later cases are only registered, so they
  // show no result.
  const convicted = salimFirs[0]!;
  const t0 = now - cases[0]!.daysAgo * DAY;
  const step = <T>(t: number, fn: (trx: Kysely<Database>) => Promise<T>) => {
    sc.set(t);
    return tx(fn);
  };
  const clerk = await demoCourtClerk(k, sc, ids.stateCode);
  await step(t0 + 2 * HOUR, (trx) => assignIo(deps, trx, o.sho1, convicted, { ioId: o.io1.auth.user.id }));
  await step(t0 + 3 * DAY, async (trx) => {
    await addCasePerson(deps, trx, o.io1, convicted, { role: 'accused', personId: salim });
    await addDiaryEntry(
      deps,
      trx,
      o.io1,
      convicted,
      diaryBody.parse({
        startedAt: iso(t0 + 3 * DAY - 6 * HOUR),
        closedAt: iso(t0 + 3 * DAY - HOUR),
        placesVisited: ['House no. 44, Sarafa Bazaar', 'Behind Jama Masjid, Vindhyanagar'],
        circumstances:
          'The finger prints lifted from the almirah match those of Mohd. Salim Qureshi alias Salim Langda, the accused named in the FIR, on the station record; added to the case as A1.',
      }),
    );
  });
  const tr = t0 + 30 * DAY;
  await step(tr, (trx) => createDraft(deps, trx, o.io1, convicted, { courtId: clerk.court.id }));
  await step(tr + HOUR, (trx) => submitReport(deps, trx, o.io1, convicted));
  await step(tr + 5 * HOUR, (trx) => approveReport(deps, trx, o.sho1, convicted));
  const pkg = await k.selectFrom('efiling_package').select('id').where('fir_id', '=', convicted).executeTakeFirstOrThrow();
  const ta = tr + 4 * DAY;
  const { cnr } = await step(ta, (trx) =>
    acceptPackage(deps, trx, clerk, pkg.id, { courtCaseNo: `RCT 12/${istDate(new Date(ta)).slice(0, 4)}` }),
  );
  await step(ta + HOUR, (trx) =>
    addHearing(deps, trx, clerk, cnr, { date: istDate(new Date(ta + 21 * DAY)), purpose: 'Framing of charges', chargesFramed: true }),
  );
  await step(now - 150 * DAY, (trx) =>
    recordDisposal(deps, trx, clerk, cnr, {
      decidedOn: istDate(new Date(now - 150 * DAY)),
      judgmentRef: 'Judgment in RCT 12',
      accused: [
        {
          code: 'A1',
          result: 'convicted',
          sentence: { imprisonmentMonths: 36, imprisonmentKind: 'rigorous', fineRupees: 5000, defaultImprisonmentMonths: 3 },
        },
      ],
    }),
  );

  sc.set(now - 120 * DAY);
  const theft = registerFirBody.parse({
    informationType: 'oral',
    sections: [{ act: 'BNS', section: '303(2)' }],
    occurrence: { from: iso(now - 121 * DAY), place: 'Bus stand, Vindhyanagar' },
    complainant: { name: 'Kamal Kishore', sex: 'male', phone: '9826088888' },
    accused: [{ known: true, name: 'Rajesh Srivastava', sex: 'male', age: 35 }],
    propertyItems: [
      {
        description: 'Bajaj Pulsar motorcycle, red, MP-04-CD-5678, chassis MD2A11CZ5LCA12345',
        category: 'vehicle',
        nature: 'stolen',
        value: 60000,
      },
    ],
    narrative:
      'The complainant parked his motorcycle at the bus stand and found it missing an hour later; a witness saw the accused ride it away.',
  });
  await tx(async (trx) => {
    const f = await registerFir({ clock: sc }, trx, { auth: o.duty1.auth, actor: o.duty1.actor }, theft);
    await indexFirProperties(trx, f, { moCodes: ['MO-THF-02'], placeType: 'bus_stand' });
    await linkPersonToCase(trx, { personId: rajesh, firId: f.id, role: 'accused', code: 'A1', stateCode: ids.stateCode, at: sc.now() });
  });
  sc.set(now - 105 * DAY);
  const snatching = registerFirBody.parse({
    informationType: 'written',
    sections: [{ act: 'BNS', section: '303(2)' }],
    occurrence: { from: iso(now - 106 * DAY), place: 'Station Road, Civil Lines' },
    complainant: { name: 'Meena Sharma', sex: 'female', phone: '9826099999' },
    accused: [{ known: true, name: 'राजेश श्रीवास्तव', sex: 'male' }],
    propertyItems: [{ description: 'Vivo mobile phone, IMEI 490154203237518', category: 'mobile phone', nature: 'stolen', value: 15000 }],
    narrative:
      'The complainant was speaking on her phone on Station Road when a man on foot snatched it and ran towards the railway station.',
  });
  await tx(async (trx) => {
    const f = await registerFir({ clock: sc }, trx, { auth: o.duty2.auth, actor: o.duty2.actor }, snatching);
    await indexFirProperties(trx, f, { moCodes: ['MO-THF-06'], placeType: 'road' });
    await linkPersonToCase(trx, { personId: rajeshDup, firId: f.id, role: 'accused', code: 'A1', stateCode: ids.stateCode, at: sc.now() });
    await indexProperty(trx, {
      source: 'recovery',
      sourceId: `${f.id}:recovered-phone`,
      place: { stateCode: f.state_code, districtId: f.district_id, subdivisionId: f.subdivision_id, stationId: f.station_id },
      firId: f.id,
      firNumber: f.fir_number,
      category: 'mobile_phone',
      description: 'Vivo mobile phone recovered from the accused',
      identifiers: ['490154203237518'],
      status: 'recovered',
      at: new Date(now - 80 * DAY),
    });
  });

  // --- History sheet, wanted and proclaimed ---------------------------------------------------
  sc.set(now - 140 * DAY);
  const sheet = await tx((trx) =>
    regs.openHistorySheet(deps, trx, o.sho1, {
      personId: salim,
      offenderClass: 'A',
      reason:
        'Accused in house-breakings at Kotwali, Civil Lines and Sonpur Kotwali; convicted under BNS 331(4). Habitual house-breaker by night.',
      modusOperandi: 'Breaks the door lock of houses left locked at night (MO-BUR-01); sells gold through a receiver in Sarafa Bazaar.',
    }),
  );
  sc.set(now - 100 * DAY);
  await tx((trx) =>
    regs.addSheetEntry(deps, trx, o.io1, sheet.id, {
      kind: 'associate',
      text: 'Receiver of stolen gold; seen with him at night.',
      associatePersonId: chhotu,
    }),
  );
  sc.set(now - 20 * DAY);
  await tx((trx) =>
    regs.addSheetEntry(deps, trx, o.io1, sheet.id, {
      kind: 'surveillance',
      text: 'Checked at home at 23:30 by the beat constable; present. Works as a labourer in the grain market.',
    }),
  );

  sc.set(now - 45 * DAY);
  await tx((trx) =>
    regs.addWanted(deps, trx, o.io4, {
      personId: laxmi,
      kind: 'proclaimed_offender',
      court: 'Chief Judicial Magistrate, Sonpur',
      orderRef: 'Misc. Crl. 45/2025',
      orderDate: new Date(now - 90 * DAY).toISOString().slice(0, 10),
      appearBy: new Date(now - 55 * DAY).toISOString().slice(0, 10),
      rewardAmount: 5000,
      description: 'Absconding in a dacoity case; declared a proclaimed offender under BNSS 84(4).',
    }),
  );
  await tx((trx) =>
    regs.addWanted(deps, trx, o.io1, {
      personId: bhure,
      kind: 'wanted',
      description: 'Wanted for questioning in a chain-snatching at Sarafa Bazaar.',
    }),
  );

  // --- A missing person and the body that matches him ----------------------------------------
  sc.set(now - 10 * DAY);
  await tx((trx) =>
    regs.addMissing(deps, trx, o.io1, {
      name: 'Sunil Kumar Yadav',
      sex: 'male',
      ageYears: 42,
      heightCm: 168,
      build: 'thin',
      marks: ['mole on left cheek', 'tattoo "Om" on right forearm'],
      clothing: 'white kurta, brown trousers',
      missingSince: new Date(now - 11 * DAY).toISOString().slice(0, 10),
      lastSeenPlace: 'Vindhyanagar railway station',
      reporterName: 'Kamla Devi',
      reporterRelation: 'wife',
      reporterPhone: '9826054321',
    }),
  );
  sc.set(now - 6 * DAY);
  await tx((trx) =>
    regs.addUnidentified(deps, trx, o.io4, {
      kind: 'dead_body',
      foundOn: new Date(now - 6 * DAY).toISOString().slice(0, 10),
      place: 'Near the culvert on the Sonpur–Kesla road, km 12',
      sex: 'male',
      ageFrom: 38,
      ageTo: 48,
      heightCm: 167,
      marks: ['mole left cheek', 'Om tattoo on right forearm'],
      clothing: 'white kurta',
      inquestRef: `Inquest 3/${new Date(now).getUTCFullYear()}`,
    }),
  );

  // An open case at Kotwali with the same MO as the repeat offender's, for "related cases".
  sc.set(now - 100 * DAY);
  await tx(async (trx) => {
    const f = await registerFir(
      { clock: sc },
      trx,
      { auth: o.duty1.auth, actor: o.duty1.actor },
      houseBreaking('House no. 9, Sarafa Bazaar, Vindhyanagar', now - 100 * DAY, [
        { description: 'Cash and silver utensils', category: 'cash', value: 30000 },
      ]),
    );
    await indexCaseFeatures(trx, {
      firId: f.id,
      firNumber: f.fir_number,
      place: { stateCode: f.state_code, districtId: f.district_id, subdivisionId: f.subdivision_id, stationId: f.station_id },
      crimeHead: null,
      moCodes: ['MO-BUR-01'],
      placeType: 'residence',
      occurredAt: f.occurrence_from,
      area: f.place,
      at: sc.now(),
    });
    await indexFirProperties(trx, f, { moCodes: ['MO-BUR-01'], placeType: 'residence' });
  });
}

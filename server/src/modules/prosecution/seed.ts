/**
 * Demo data of the prosecution side: the court of district D1 (CJM Vindhyanagar) with the demo
 * clerk court1 and a machine API token, and cases at PS01 at each stage after the
 * investigation: a draft charge sheet, one awaiting the SHO, one e-filed waiting for the court,
 * one accepted, one under trial, one disposed (conviction) and one under appeal. Every record
 * is made through the services, in time order, with the seeder's clock moved through the past
 * weeks, so the workflow history, the audit trail, the clocks and the public status are what
 * real use would leave.
 *
 * The token is DEMO_COURT_TOKEN when set; otherwise random and printed once (like the demo
 * password). Only its hash is stored.
 */
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { sha256Hex } from '../../lib/ids.js';
import type { DemoIds } from '../../seed/demo.js';
import { issueCourtToken } from '../court/service.js';
import { registerFirBody } from '../firs/schemas.js';
import { registerFir } from '../firs/service.js';
import { addArrestEvent, recordArrest } from '../investigation/arrests.service.js';
import { moveItem, recordSeizure } from '../investigation/evidence.service.js';
import { addCasePerson, addDiaryEntry, addStatement } from '../investigation/records.service.js';
import { arrestBody, diaryBody, personBody, seizureBody, statementBody } from '../investigation/schemas.js';
import { assignIo } from '../investigation/service.js';
import { acceptPackage, addHearing, recordAppeal, recordDisposal } from './proceedings.js';
import { demoCourtClerk, demoOfficer, SeedClock } from '../seed-helpers.js';
import { approveReport, createDraft, saveDraft, submitReport } from './service.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const iso = (t: number) => new Date(t).toISOString();
const day = (t: number) => new Date(t + 5.5 * HOUR).toISOString().slice(0, 10);

/** The demo court token from DEMO_COURT_TOKEN, if the environment sets one. */
function configuredToken(): string | undefined {
  try {
    return loadConfig().DEMO_COURT_TOKEN;
  } catch {
    return undefined;
  }
}

interface DemoCase {
  /** Days before now the offence happened; the rest follows from it. */
  daysAgo: number;
  place: string;
  accused: { name: string; fatherName: string; ageYears: number; address: string };
  complainant: { name: string; address: string; sex: 'male' | 'female' };
  property: string;
  value: number;
  stage: 'draft' | 'submitted' | 'approved' | 'accepted' | 'under_trial' | 'disposed' | 'appealed';
}

const CASES: DemoCase[] = [
  {
    daysAgo: 12,
    place: 'Outside house no. 14, Sarafa Bazaar',
    accused: { name: 'Raju Prajapati', fatherName: 'Mohan Prajapati', ageYears: 24, address: '9, Kumhar Mohalla, Vindhyanagar' },
    complainant: { name: 'Ravi Kumar Sharma', sex: 'male', address: '14, Sarafa Bazaar, Vindhyanagar' },
    property: 'Hero Splendor motorcycle, black, XA01 AB 1234',
    value: 45000,
    stage: 'draft',
  },
  {
    daysAgo: 20,
    place: 'Bus stand, platform 2',
    accused: { name: 'Sonu Kushwaha', fatherName: 'Ramesh Kushwaha', ageYears: 21, address: '31, Naya Basti, Vindhyanagar' },
    complainant: { name: 'Pooja Saxena', sex: 'female', address: '5, Gandhi Nagar, Vindhyanagar' },
    property: 'Vivo Y20 mobile phone, blue',
    value: 14000,
    stage: 'submitted',
  },
  {
    daysAgo: 28,
    place: 'Shop no. 3, Itwara Market',
    accused: { name: 'Imran Qureshi', fatherName: 'Salim Qureshi', ageYears: 30, address: '12, Itwara, Vindhyanagar' },
    complainant: { name: 'Dinesh Agrawal', sex: 'male', address: 'Agrawal Kirana, Itwara Market, Vindhyanagar' },
    property: 'Cash box with Rs 18,000',
    value: 18000,
    stage: 'approved',
  },
  {
    daysAgo: 40,
    place: 'Parking of the district hospital',
    accused: { name: 'Vikas Ahirwar', fatherName: 'Kallu Ahirwar', ageYears: 27, address: '44, Harijan Basti, Vindhyanagar' },
    complainant: { name: 'Dr. Neha Bansal', sex: 'female', address: 'Doctors’ Colony, Vindhyanagar' },
    property: 'Honda Activa scooter, white, XA01 CK 7781',
    value: 52000,
    stage: 'accepted',
  },
  {
    daysAgo: 55,
    place: 'Railway station, parcel office',
    accused: { name: 'Deepak Yadav', fatherName: 'Shivcharan Yadav', ageYears: 33, address: 'Railway Colony, Vindhyanagar' },
    complainant: { name: 'Station Master, Vindhyanagar', sex: 'male', address: 'Railway Station, Vindhyanagar' },
    property: 'Two parcels of textiles',
    value: 36000,
    stage: 'under_trial',
  },
  {
    daysAgo: 80,
    place: 'Jain Mandir road',
    accused: { name: 'Manoj Lodhi', fatherName: 'Bhagwan Singh Lodhi', ageYears: 29, address: 'Village Khajuri, Vindhyanagar' },
    complainant: { name: 'Sushil Jain', sex: 'male', address: '2, Jain Mandir Road, Vindhyanagar' },
    property: 'Gold chain, 12 g',
    value: 72000,
    stage: 'disposed',
  },
  {
    daysAgo: 95,
    place: 'Sabzi Mandi',
    accused: { name: 'Arif Mansuri', fatherName: 'Rafiq Mansuri', ageYears: 35, address: '18, Mansuri Gali, Vindhyanagar' },
    complainant: { name: 'Kamla Bai Kushwaha', sex: 'female', address: 'Sabzi Mandi, Vindhyanagar' },
    property: 'Purse with Rs 6,500 and ration card',
    value: 6500,
    stage: 'appealed',
  },
];

const ORDER = ['draft', 'submitted', 'approved', 'accepted', 'under_trial', 'disposed', 'appealed'] as const;
const reached = (c: DemoCase, s: (typeof ORDER)[number]) => ORDER.indexOf(c.stage) >= ORDER.indexOf(s);

export async function seedProsecution(db: Db, ids: DemoIds, clock: Clock): Promise<void> {
  const k = db.kysely;
  const now = clock.now().getTime();
  const sc = new SeedClock(now);
  const deps = { clock: sc };
  const clerk = await demoCourtClerk(k, sc, ids.stateCode);
  const court = clerk.court;
  const given = configuredToken();
  const { token } = await issueCourtToken(k, sc, court.id, 'demo (printed at seeding)', null, given);
  if (!given && process.env.NODE_ENV !== 'test')
    process.stdout.write(`\n  Demo court ${court.code} machine API token (Authorization: Bearer …), shown only this once: ${token}\n`);

  const duty = await demoOfficer(k, 'duty.ps1');
  const sho = await demoOfficer(k, 'sho.ps1');
  const io = await demoOfficer(k, 'io.ps1');
  const tx = <T>(at: number, fn: (trx: Kysely<Database>) => Promise<T>) => {
    sc.set(Math.min(at, now));
    return k.transaction().execute(fn);
  };

  // Oldest first: FIR serials and GD entries follow the order of time. Runs after the people
  // seeder (whose Kotwali cases are 100 days and older) and before the others (seed/index.ts),
  // whose Kotwali FIRs are of the last 10 days.
  for (const c of [...CASES].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const t0 = now - c.daysAgo * DAY;
    const fir = await tx(t0 + 2 * HOUR, (trx) =>
      registerFir(
        { clock: sc },
        trx,
        duty,
        registerFirBody.parse({
          informationType: 'written',
          sections: [{ act: 'BNS', section: '303(2)' }],
          occurrence: { from: iso(t0 - 3 * HOUR), to: iso(t0 - HOUR), place: `${c.place}, Vindhyanagar`, beatCode: 'B1' },
          complainant: { ...c.complainant, nationality: 'Indian', isVictim: true },
          accused: [{ known: false, description: 'Unknown person' }],
          propertyItems: [{ description: c.property, category: 'other', nature: 'stolen', value: c.value }],
          narrative: `The complainant reports that ${c.property.toLowerCase()} was stolen at ${c.place}. The case was registered and taken up for investigation.`,
          actionTaken: 'Registered and taken up for investigation.',
        }),
      ),
    );
    const id = fir.id;
    await tx(t0 + 3 * HOUR, (trx) => assignIo(deps, trx, sho, id, { ioId: io.auth.user.id }));
    await tx(t0 + 5 * HOUR, async (trx) => {
      const person = (role: string, p: Record<string, unknown>) => addCasePerson(deps, trx, io, id, personBody.parse({ role, person: p }));
      await person('complainant', { ...c.complainant, ageYears: 45 });
      await person('witness', {
        name: 'Hari Om Sahu',
        fatherName: 'Shivnarayan Sahu',
        sex: 'male',
        ageYears: 52,
        address: 'Chowk, Vindhyanagar',
      });
      await person('accused', { ...c.accused, sex: 'male' });
      await addStatement(
        deps,
        trx,
        io,
        id,
        statementBody.parse({
          personCode: 'W1',
          place: c.place,
          language: 'hi',
          text: 'मैंने घटना के समय अभियुक्त को वहां से सामान लेकर भागते देखा था। मैं उसे पहचान सकता हूं।',
        }),
      );
      await addDiaryEntry(
        deps,
        trx,
        io,
        id,
        diaryBody.parse({
          startedAt: iso(t0 + 4 * HOUR),
          closedAt: iso(t0 + 5 * HOUR),
          placesVisited: [c.place],
          circumstances: 'Visited the scene, prepared the site plan and recorded the statement of the eyewitness W1.',
        }),
      );
    });
    const arrest = await tx(t0 + DAY + HOUR, (trx) =>
      recordArrest(
        deps,
        trx,
        io,
        id,
        arrestBody.parse({
          personCode: 'A1',
          arrestedAt: iso(t0 + DAY),
          place: `${c.place}, Vindhyanagar`,
          grounds: `Identified by the eyewitness W1; ${c.property.toLowerCase()} recovered at his instance.`,
          informed: { name: c.accused.fatherName, relation: 'father', mode: 'phone', at: iso(t0 + DAY + HOUR) },
          outcome: 'sent_up',
          necessityReason: 'To recover the stolen property and prevent the accused from absconding.',
          witness: { name: 'Hari Om Sahu', address: 'Chowk, Vindhyanagar' },
          countersigned: true,
        }),
      ),
    );
    const seizure = await tx(t0 + DAY + 2 * HOUR, (trx) =>
      recordSeizure(
        deps,
        trx,
        io,
        id,
        seizureBody.parse({
          seizedAt: iso(t0 + DAY + 2 * HOUR),
          place: `House of A1, ${c.accused.address}`,
          searchKind: 'recovery',
          fromPersonCode: 'A1',
          witnesses: [
            { name: 'Hari Om Sahu', address: 'Chowk, Vindhyanagar' },
            { name: 'Salim Khan', address: 'Itwara, Vindhyanagar' },
          ],
          recording: { ref: `e-Sakshya ${id.slice(0, 8)}`, sha256: sha256Hex(`demo recording of the search, case ${id}`) },
          items: [{ description: c.property, category: 'other', quantity: 1, value: c.value }],
        }),
      ),
    );
    await tx(t0 + DAY + 4 * HOUR, (trx) =>
      moveItem(deps, trx, io, id, seizure.items[0].id, {
        kind: 'malkhana_deposit',
        from: 'seized',
        place: 'Malkhana, PS Kotwali',
        reason: 'Deposited for safe custody after seizure',
        handedTo: 'HC Ramesh Yadav',
      }),
    );
    // Produced within 24 hours (BNSS 58) and remanded to judicial custody: the 60-day clock runs.
    await tx(t0 + DAY + 20 * HOUR, (trx) =>
      addArrestEvent(deps, trx, io, id, arrest.memo.id, {
        kind: 'remanded_judicial',
        at: iso(t0 + DAY + 20 * HOUR),
        courtName: court.name,
        remandUntil: day(t0 + 15 * DAY),
      }),
    );

    // The final report, 4 days after the offence (a week for the older ones).
    const tr = t0 + (c.daysAgo > 30 ? 7 : 4) * DAY;
    const draft = await tx(tr, (trx) => createDraft(deps, trx, io, id, { courtId: court.id }));
    const saved = await tx(tr + HOUR, (trx) =>
      saveDraft(deps, trx, io, id, draft.version, {
        briefFacts: {
          en: `Investigation established that the accused A1 ${c.accused.name} committed the theft of ${c.property.toLowerCase()} at ${c.place}; it was recovered at his instance and identified by the complainant. The eyewitness W1 supports the prosecution case.`,
          hi: `विवेचना से प्रमाणित हुआ कि अभियुक्त A1 ${c.accused.name} ने ${c.place} से चोरी की; चोरी का माल उसकी निशानदेही पर बरामद हुआ जिसे शिकायतकर्ता ने पहचाना। चश्मदीद साक्षी W1 अभियोजन कथन का समर्थन करता है।`,
        },
      }),
    );
    if (!reached(c, 'submitted')) continue;
    await tx(tr + 2 * HOUR, (trx) => submitReport(deps, trx, io, id, saved.version));
    if (!reached(c, 'approved')) continue;
    const approved = await tx(tr + 6 * HOUR, (trx) => approveReport(deps, trx, sho, id));
    const packageId = (await k.selectFrom('efiling_package').select('id').where('fir_id', '=', id).executeTakeFirstOrThrow()).id;
    void approved;
    if (!reached(c, 'accepted')) continue;
    const ta = tr + 2 * DAY;
    const acc = await tx(ta, (trx) =>
      acceptPackage(deps, trx, clerk, packageId, { courtCaseNo: `RCT ${100 + c.daysAgo}/${day(ta).slice(0, 4)}` }),
    );
    if (!reached(c, 'under_trial')) {
      await tx(ta + HOUR, (trx) =>
        addHearing(deps, trx, clerk, acc.cnr, {
          date: day(now + 9 * DAY),
          purpose: 'Appearance of the accused; supply of copies (BNSS 230)',
        }),
      );
      continue;
    }
    await tx(ta + HOUR, (trx) =>
      addHearing(deps, trx, clerk, acc.cnr, { date: day(ta + 10 * DAY), purpose: 'Framing of charges', chargesFramed: true }),
    );
    if (!reached(c, 'disposed')) {
      await tx(ta + 11 * DAY, (trx) =>
        addHearing(deps, trx, clerk, acc.cnr, { date: day(now + 6 * DAY), purpose: 'Prosecution evidence: PW1 and PW2' }),
      );
      continue;
    }
    const td = ta + 30 * DAY;
    await tx(td, (trx) =>
      recordDisposal(deps, trx, clerk, acc.cnr, {
        decidedOn: day(td),
        judgmentRef: `Judgment in RCT ${100 + c.daysAgo}`,
        accused: [
          {
            code: 'A1',
            result: 'convicted',
            sentence: { imprisonmentMonths: 12, imprisonmentKind: 'simple', fineRupees: 2000, defaultImprisonmentMonths: 1 },
          },
        ],
      }),
    );
    if (!reached(c, 'appealed')) continue;
    await tx(td + 20 * DAY, (trx) =>
      recordAppeal(deps, trx, clerk, acc.cnr, {
        appealRef: `Cr.A. ${c.daysAgo}/${day(td).slice(0, 4)}`,
        appellateCourt: 'Sessions Court, Vindhyanagar',
        appellant: 'accused',
        filedOn: day(td + 20 * DAY),
        result: 'pending',
      }),
    );
  }
}

/**
 * Arrest and court surrender memos (NCRB IIF-3), what follows an arrest (production, remand,
 * bail), and the station's public board of arrested persons (BNSS 37).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { noticeOfAppearance } from '../masterdata/index.js';
import { officerOf, placeOf, writeGdEntry } from '../gd/service.js';
import { findStation, findStationByCode } from '../org/repository.js';
import { caseSections, refreshCaseClocks } from './clock-facts.js';
import { badOrder, invalid, istText, recordNotFound } from './errors.js';
import * as repo from './repository.js';
import type { ArrestEventKind, ArrestOutcome } from './repository.js';
import { resolveCasePerson } from './records.service.js';
import { auditCase, authorOf, checkRecordTime, placeOfCase, requireDesignatedIo, timeOr, type InvDeps, type Officer } from './service.js';

type Trx = Kysely<Database>;

export interface ArrestInput {
  casePersonId?: string;
  personCode?: string;
  kind: 'arrest' | 'court_surrender';
  arrestedAt?: string;
  place: string;
  lat?: number;
  lng?: number;
  arrestedByName?: string;
  grounds: string;
  groundsGivenAt?: string;
  bailRightInformed?: boolean;
  informed?: { name: string; relation?: string; mode: string; at?: string };
  medical?: { examinedAt?: string; examiner: string; remarks?: string };
  courtName?: string;
  sections?: { act: string; section: string }[];
  outcome: ArrestOutcome;
  necessityReason?: string;
  witness?: { name: string; address?: string };
  countersigned?: boolean;
  production?: {
    at: string;
    courtName: string;
    journeyMinutes?: number;
    remand?: 'police' | 'judicial';
    orderRef?: string;
    remandUntil?: string;
  };
  bailedAt?: string;
}

/** What the memo lacks that the law asks for: shown to the IO, not refused (the facts may come later). */
function safeguardWarnings(input: ArrestInput, juvenile: boolean) {
  const w: { code: string; message: string; messageHi: string }[] = [];
  if (input.kind !== 'arrest') return w;
  if (!input.informed)
    w.push({
      code: 'relative_not_informed',
      message: 'BNSS 48: record the relative or friend informed of the arrest, and when.',
      messageHi: 'बीएनएसएस 48: गिरफ्तारी की सूचना जिस रिश्तेदार/मित्र को दी गई, उसका नाम और समय दर्ज करें।',
    });
  if (!input.medical)
    w.push({
      code: 'medical_not_recorded',
      message: 'BNSS 53: record the medical examination of the arrested person.',
      messageHi: 'बीएनएसएस 53: गिरफ्तार व्यक्ति की चिकित्सीय जांच दर्ज करें।',
    });
  if (!input.witness)
    w.push({
      code: 'memo_not_attested',
      message: 'BNSS 36: the arrest memo is attested by at least one witness.',
      messageHi: 'बीएनएसएस 36: गिरफ्तारी मेमो पर कम से कम एक गवाह के हस्ताक्षर हों।',
    });
  if (!input.countersigned)
    w.push({
      code: 'memo_not_countersigned',
      message: 'BNSS 36: the arrest memo is countersigned by the arrested person.',
      messageHi: 'बीएनएसएस 36: गिरफ्तारी मेमो पर गिरफ्तार व्यक्ति के प्रति-हस्ताक्षर हों।',
    });
  if (juvenile && (input.outcome === 'police_custody' || input.outcome === 'judicial_custody'))
    w.push({
      code: 'juvenile_custody',
      message:
        'JJ Act s.10: a child in conflict with law is placed with the Special Juvenile Police Unit and produced before the Juvenile Justice Board, never kept in a lock-up.',
      messageHi:
        'किशोर न्याय अधिनियम धारा 10: विधि का उल्लंघन करने वाले बालक को हवालात में नहीं रखा जाता; उसे किशोर न्याय बोर्ड के समक्ष पेश किया जाता है।',
    });
  return w;
}

/**
 * Records the arrest (or court surrender) of an accused of the case, once per accused:
 * not before the FIR (CAG), with the grounds given (BNSS 47), the reason an arrest was necessary
 * where the offence is punishable with up to 7 years (BNSS 35; Arnesh Kumar), and a GD entry.
 * A production, remand or bail given with the memo is recorded as its first events. Returns the
 * memo, its events and the safeguards still missing.
 */
export async function recordArrest(deps: InvDeps, trx: Trx, o: Officer, id: string, input: ArrestInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  const p = await resolveCasePerson(
    trx,
    id,
    { id: input.casePersonId, code: input.personCode },
    input.casePersonId ? 'casePersonId' : 'personCode',
  );
  if (p.role !== 'accused')
    throw invalid(
      'not_an_accused',
      `${p.code} is a ${p.role}; only an accused of the case is arrested. Add the person as an accused first.`,
      `${p.code} अभियुक्त नहीं है; पहले व्यक्ति को अभियुक्त के रूप में जोड़ें।`,
      {
        personCode: `is a ${p.role}`,
      },
    );
  const already = await repo.findArrestOf(trx, id, p.id);
  if (already)
    throw conflict(
      'already_arrested',
      `${p.code} ${p.name} was already arrested in this case (${istText(already.arrested_at)}).`,
      `${p.code} ${p.name} इस प्रकरण में पहले ही गिरफ्तार हो चुके हैं।`,
    );
  const arrestedAt = checkRecordTime(
    deps,
    c,
    timeOr(deps, input.arrestedAt),
    'arrestedAt',
    input.kind === 'arrest' ? 'arrest' : 'surrender',
    input.kind === 'arrest' ? 'गिरफ्तारी' : 'आत्मसमर्पण',
  );
  const after = (given: boolean, v: string | undefined, field: string, what: string, whatHi: string) => {
    if (!given) return null;
    const d = checkRecordTime(deps, c, timeOr(deps, v), field, what, whatHi);
    if (d < arrestedAt) throw badOrder(field, `The ${what} cannot be before the arrest.`, `${whatHi} गिरफ्तारी से पहले नहीं हो सकता।`);
    return d;
  };
  // BNSS 47: the grounds are told forthwith; without a later time they were told at the arrest.
  const groundsAt =
    input.kind === 'arrest'
      ? (after(true, input.groundsGivenAt ?? input.arrestedAt, 'groundsGivenAt', 'time the grounds were given', 'आधार बताने का समय') ??
        arrestedAt)
      : null;
  const informedAt = after(!!input.informed, input.informed?.at, 'informed.at', 'time the relative was informed', 'रिश्तेदार को सूचना का समय');
  const medicalAt = after(!!input.medical, input.medical?.examinedAt, 'medical.examinedAt', 'medical examination', 'चिकित्सीय जांच');
  const sectionsRuling = noticeOfAppearance(caseSections(c.state_code, c.sections));
  const necessityRequired = input.kind === 'arrest' && sectionsRuling.applies;
  if (necessityRequired && !input.necessityReason?.trim())
    throw invalid(
      'arrest_necessity_reason_required',
      `BNSS 35(1)(b); Arnesh Kumar v. State of Bihar (SC, 2014): the offence is punishable with up to seven years, so record why the arrest was necessary (or issue a notice of appearance instead).`,
      'बीएनएसएस 35(1)(ख); अर्नेश कुमार बनाम बिहार राज्य: अपराध सात वर्ष तक दंडनीय है, अतः गिरफ्तारी की आवश्यकता का कारण दर्ज करें (अन्यथा उपस्थिति की सूचना दें)।',
      { necessityReason: 'required for an offence punishable with up to 7 years' },
    );
  if (input.outcome === 'bailed' && !input.bailedAt && input.kind === 'arrest')
    throw invalid(
      'bail_time_required',
      'Record when the arrested person was released on bail (bailedAt).',
      'जमानत पर छोड़ने का समय (bailedAt) दर्ज करें।',
      { bailedAt: 'required when the outcome is bailed' },
    );
  if ((input.outcome === 'judicial_custody' || input.outcome === 'police_custody') && !input.production?.remand)
    throw invalid(
      'remand_required',
      'A custody outcome needs the production and the remand order (production.remand).',
      'अभिरक्षा परिणाम हेतु पेशी और रिमांड आदेश (production.remand) दर्ज करें।',
      {
        'production.remand': 'required when the outcome is a custody',
      },
    );

  const stationRow = await findStation(trx, c.state_code, c.station_id);
  const station = placeOf(stationRow!);
  const sections = input.sections?.length ? input.sections : c.sections.map((s) => ({ act: s.act, section: s.section }));
  const arrestId = newId();
  const gd = await writeGdEntry(deps, trx, officerOf(o.auth), station, {
    kind: 'arrest',
    text:
      `${input.kind === 'arrest' ? 'Arrested' : 'Surrendered in court'}: ${p.code} ${p.name}${p.juvenile ? ' (child in conflict with law)' : ''} in FIR No. ${c.fir_number} under ${sections
        .map((s) => `${s.act} ${s.section}`)
        .join(', ')}, at ${input.place} on ${istText(arrestedAt)} by ${input.arrestedByName ?? o.auth.user.name}.` +
      (groundsAt ? ` Grounds of arrest told at ${istText(groundsAt)}.` : '') +
      (input.informed && informedAt
        ? ` ${input.informed.name}${input.informed.relation ? ` (${input.informed.relation})` : ''} informed by ${input.informed.mode} at ${istText(informedAt)}.`
        : ''),
    refType: 'arrest',
    refId: arrestId,
    details: { firId: c.id, casePersonId: p.id },
  });
  const now = deps.clock.now();
  const row = {
    id: arrestId,
    fir_id: c.id,
    ...placeOfCase(c),
    case_person_id: p.id,
    kind: input.kind,
    arrested_at: arrestedAt,
    place: input.place,
    place_lat: input.lat ?? null,
    place_lng: input.lng ?? null,
    arrested_by_name: input.arrestedByName ?? o.auth.user.name,
    grounds: input.grounds,
    grounds_given_at: groundsAt,
    bail_right_informed: !!input.bailRightInformed,
    informed_name: input.informed?.name ?? null,
    informed_relation: input.informed?.relation ?? null,
    informed_mode: input.informed?.mode ?? null,
    informed_at: informedAt,
    medical_examined_at: medicalAt,
    medical_examiner: input.medical?.examiner ?? null,
    medical_remarks: input.medical?.remarks ?? null,
    court_name: input.courtName ?? input.production?.courtName ?? null,
    sections,
    outcome: input.outcome,
    necessity_required: necessityRequired,
    necessity_reason: input.necessityReason?.trim() || null,
    witness_name: input.witness?.name ?? null,
    witness_address: input.witness?.address ?? null,
    countersigned: !!input.countersigned,
    juvenile: p.juvenile,
    gd_entry_id: gd.id,
    ...authorOf(o),
    author_rank: o.auth.user.rank,
    created_at: now,
  };
  await repo.insertRecord(trx, 'arrest_memo', row);
  const events: ArrestEventInput[] = [];
  if (input.production) {
    events.push({
      kind: 'produced',
      at: input.production.at,
      courtName: input.production.courtName,
      journeyMinutes: input.production.journeyMinutes,
    });
    if (input.production.remand)
      events.push({
        kind: input.production.remand === 'police' ? 'remanded_police' : 'remanded_judicial',
        at: input.production.at,
        courtName: input.production.courtName,
        orderRef: input.production.orderRef,
        remandUntil: input.production.remandUntil,
      });
  }
  if (input.outcome === 'bailed' && input.bailedAt) events.push({ kind: 'bailed', at: input.bailedAt });
  const written = [];
  for (const e of events) written.push(await insertEvent(deps, trx, o, c, row, e));
  await auditCase(trx, deps, o, c, 'case.arrest', { arrestId, casePersonId: p.id, kind: input.kind, gdEntryId: gd.id });
  await refreshCaseClocks(deps, trx, id);
  return {
    memo: { ...row, person_code: p.code, person_name: p.name },
    events: written,
    gdEntry: { id: gd.id, day: gd.day, entryNo: gd.entry_no },
    warnings: safeguardWarnings(input, p.juvenile),
  };
}

export interface ArrestEventInput {
  kind: ArrestEventKind;
  at?: string;
  courtName?: string;
  orderRef?: string;
  remandUntil?: string;
  journeyMinutes?: number;
  remarks?: string;
}

async function insertEvent(
  deps: InvDeps,
  trx: Trx,
  o: Officer,
  c: repo.CaseRow,
  arrest: { id: string; arrested_at: Date },
  e: ArrestEventInput,
) {
  const at = checkRecordTime(deps, c, timeOr(deps, e.at), 'at', 'event', 'घटना');
  if (at < arrest.arrested_at) throw badOrder('at', 'This cannot be before the arrest.', 'यह गिरफ्तारी से पहले नहीं हो सकता।');
  const last = await repo.lastArrestEvent(trx, arrest.id);
  if (last && at < last.at)
    throw badOrder(
      'at',
      `Events of an arrest are recorded in time order; the last one was at ${istText(last.at)}.`,
      `गिरफ्तारी की घटनाएं समय क्रम में दर्ज होती हैं; पिछली ${istText(last.at)} पर थी।`,
    );
  if (last?.kind === 'released')
    throw conflict(
      'person_released',
      'The person has been released; nothing more follows this arrest.',
      'व्यक्ति रिहा हो चुका है; इस गिरफ्तारी पर आगे कुछ दर्ज नहीं होगा।',
    );
  if ((e.kind === 'remanded_police' || e.kind === 'remanded_judicial' || e.kind === 'produced') && !e.courtName)
    throw invalid('court_required', 'Name the court.', 'न्यायालय का नाम दें।', { courtName: 'required' });
  const row = {
    id: newId(),
    arrest_id: arrest.id,
    fir_id: c.id,
    ...placeOfCase(c),
    seq: (last?.seq ?? 0) + 1,
    kind: e.kind,
    at,
    court_name: e.courtName ?? null,
    order_ref: e.orderRef ?? null,
    remand_until: e.remandUntil ?? null,
    journey_minutes: e.journeyMinutes ?? null,
    remarks: e.remarks ?? null,
    ...authorOf(o),
    created_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'arrest_event', row);
  return row;
}

/**
 * What happened to an arrested person next: production before a magistrate (stops the 24-hour
 * clock, BNSS 58), remand (the first one starts the 60/90-day clock, BNSS 187(3)), bail,
 * release. In time order, never before the arrest, nothing after a release.
 */
export async function addArrestEvent(deps: InvDeps, trx: Trx, o: Officer, id: string, arrestId: string, input: ArrestEventInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const arrest = await repo.findArrest(trx, id, arrestId);
  if (!arrest) throw recordNotFound('Arrest', 'गिरफ्तारी', 'arrest_not_found');
  const row = await insertEvent(deps, trx, o, c, arrest, input);
  await auditCase(trx, deps, o, c, 'case.arrest_event', { arrestId, eventId: row.id, kind: row.kind });
  await refreshCaseClocks(deps, trx, id);
  return row;
}

/**
 * The public board of persons arrested at a station (BNSS 37: name, address, offence) for the
 * last `days` days. Sensitive cases and juveniles never appear. Nothing else about the case.
 */
export async function publicArrestBoard(db: Kysely<Database>, stateCode: string, stationCode: string, now: Date, days = 30) {
  const st = await findStationByCode(db, stateCode, stationCode.toUpperCase());
  if (!st || !st.active) throw notFound('Police station', 'पुलिस थाना', 'station_not_found');
  const rows = await repo.listPublicArrests(db, st.id, new Date(now.getTime() - days * 86_400_000), 200);
  return {
    station: { code: st.code, name: st.name, nameHi: st.name_hi },
    days,
    items: rows.map((r) => ({
      name: r.name,
      address: r.address,
      offences: (r.sections as { act: string; section: string }[]).map((s) => `${s.act} ${s.section}`),
      arrestedOn: r.arrested_at,
      kind: r.kind,
    })),
  };
}

/**
 * The synthetic state generator: geography, a pool of repeat offenders, then one chunk per
 * police station holding all of its FIRs (with their GD entries, sections, status, persons,
 * arrests and stage events). Each chunk is one transaction ending with its generator_chunk
 * row, so a re-run skips what is done and an interrupted run resumes. Every random draw comes
 * from a stream seeded by (seed, chunk), and every id is a UUIDv7 made from the record's time
 * and that stream: the same seed gives the same rows.
 */
import type { Catalogue } from '../../server/src/modules/masterdata/catalogue.js';
import { nameIndexFields } from '../../server/src/modules/search/names/fields.js';
import { HOUR_WEIGHTS, PEAK_MONTH, WEEKDAY_WEIGHTS, resolveMix, type ResolvedHead } from './crime-mix.js';
import { planGeography, UNUSABLE_PASSWORD_HASH, type GenStation, type Geography } from './geography.js';
import { makeName, makeNickname } from './names.js';
import { IdMaker, Rng, Weighted } from './prng.js';
import { bool, json, num, textArray, ts, type Cell, type Sink } from './sink.js';

export interface GenerateOptions {
  seed: number;
  firs: number;
  persons: number;
  /** Years of FIRs, ending at `until`. */
  years: number;
  /** The last day of generated registrations, YYYY-MM-DD (fixed, so runs are reproducible). */
  until: string;
  /**
   * Persons of the master index with no case in the generated period (older records, register
   * entries), beyond the persons of the generated FIRs: how the search benchmark reaches 1M or
   * 10M persons without generating 3M FIRs. Written after the stations, in resumable chunks of
   * PEOPLE_CHUNK (`people:<k>`), by the same person writer as every other person. Default 0.
   */
  indexPersons?: number;
  /**
   * Plan at least this many police stations (14 to a district), however few the FIRs: the
   * search benchmark spreads its persons over a state's worth of districts. Default: from the
   * FIR count (one station per 600 FIRs a year).
   */
  stations?: number;
  /**
   * Drop the secondary indexes of person and person_name while the index persons load and build
   * them once at the end (bulk builds are several times faster than maintaining two GIN indexes
   * row by row). The dropped definitions are kept in generator_deferred_index, so an interrupted
   * run rebuilds them when it resumes. Default: on when indexPersons >= 100,000.
   */
  deferIndexes?: boolean;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  chunksDone: number;
  chunksTotal: number;
  firsDone: number;
  firsTotal: number;
  rows: number;
  skipped: number;
}

export interface GenerateResult {
  runKey: string;
  stateCode: string;
  rows: number;
  rowsByTable: Record<string, number>;
  firs: number;
  chunksWritten: number;
  chunksSkipped: number;
  ms: number;
  skippedTables: string[];
  droppedHeads: string[];
}

export const SCALES = {
  small: { firs: 10_000, persons: 30_000 },
  district: { firs: 200_000, persons: 600_000 },
  state: { firs: 1_000_000, persons: 3_000_000 },
} as const;

const DAY = 86_400_000;
const IST = 330 * 60_000;
const istDate = (ms: number) => new Date(ms + IST).toISOString().slice(0, 10);
const istYear = (ms: number) => new Date(ms + IST).getUTCFullYear();
const BNS_FROM = '2024-07-01';
const VERIFY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Optional tables of other modules: written when they exist, skipped (and reported) when not. */
const OPTIONAL_TABLES = ['case_state', 'case_person', 'arrest_memo', 'case_stage_event', 'person_case_role', 'person_name'] as const;
type OptionalTable = (typeof OPTIONAL_TABLES)[number];

/** The branching ratio of near repeats: the chance that an event of a near-repeat head brings a follow-up. */
const NEAR_REPEAT_BRANCHING = 0.2;

export const COLS = {
  district: ['id', 'state_code', 'code', 'name', 'name_hi', 'population', 'created_at'],
  subdivision: ['id', 'state_code', 'district_id', 'code', 'name', 'name_hi', 'created_at'],
  station: ['id', 'state_code', 'district_id', 'subdivision_id', 'code', 'name', 'name_hi', 'address', 'phone', 'lat', 'lng', 'created_at'],
  beat: ['id', 'state_code', 'district_id', 'subdivision_id', 'station_id', 'code', 'name', 'name_hi', 'created_at'],
  app_user: [
    'id',
    'state_code',
    'username',
    'name',
    'role',
    'rank',
    'district_id',
    'subdivision_id',
    'station_id',
    'password_hash',
    'created_at',
    'updated_at',
    'password_changed_at',
  ],
  generator_station: ['station_id', 'run_key', 'population', 'area_km2', 'urban', 'firs_planned'],
  gd_entry: [
    'id',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'day',
    'entry_no',
    'recorded_at',
    'kind',
    'text',
    'officer_id',
    'officer_name',
    'officer_rank',
    'ref_type',
    'ref_id',
  ],
  fir: [
    'id',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'year',
    'serial',
    'fir_number',
    'registered_at',
    'registered_by',
    'registering_officer_name',
    'registering_officer_rank',
    'gd_entry_id',
    'information_received_at',
    'information_type',
    'occurrence_from',
    'occurrence_to',
    'offence_date',
    'place',
    'place_lat',
    'place_lng',
    'distance_km',
    'direction',
    'beat_id',
    'complainant',
    'victims',
    'accused',
    'properties',
    'property_total_value',
    'narrative',
    'action_taken',
    'verification_code',
    'created_at',
  ],
  fir_section: ['fir_id', 'position', 'act', 'section', 'title_en', 'title_hi', 'sensitive'],
  fir_status: [
    'fir_id',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'stage',
    'stage_changed_at',
    'sensitive',
    'sensitive_by_section',
    'version',
    'updated_at',
  ],
  fir_serial: ['station_id', 'year', 'last'],
  gd_day_counter: ['station_id', 'day', 'last'],
  case_state: [
    'fir_id',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'io_id',
    'io_assigned_at',
    'created_at',
    'updated_at',
  ],
  person: [
    'id',
    'state_code',
    'name',
    'name_hi',
    'father_name',
    'sex',
    'age_years',
    'age_on',
    'birth_year',
    'address',
    'district_id',
    'phone',
    'occupation',
    'created_station_id',
    'created_by',
    'created_at',
  ],
  person_name: [
    'id',
    'person_id',
    'master_id',
    'state_code',
    'kind',
    'name',
    'name_norm',
    'name_keys',
    'father_norm',
    'birth_year',
    'sex',
    'district_id',
    'created_at',
    'created_by',
  ],
  person_case_role: [
    'id',
    'person_id',
    'fir_id',
    'role',
    'code',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'result',
    'result_on',
    'added_at',
    'added_by',
  ],
  case_person: [
    'id',
    'fir_id',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'person_id',
    'role',
    'seq',
    'code',
    'name',
    'sex',
    'age_years',
    'juvenile',
    'added_by',
    'added_by_name',
    'added_at',
  ],
  arrest_memo: [
    'id',
    'fir_id',
    'state_code',
    'district_id',
    'subdivision_id',
    'station_id',
    'case_person_id',
    'kind',
    'arrested_at',
    'place',
    'arrested_by_name',
    'grounds',
    'grounds_given_at',
    'bail_right_informed',
    'informed_name',
    'informed_relation',
    'informed_mode',
    'informed_at',
    'sections',
    'outcome',
    'author_id',
    'author_name',
    'author_rank',
    'created_at',
  ],
  case_stage_event: ['id', 'fir_id', 'state_code', 'station_id', 'stage', 'result', 'at', 'note', 'notified'],
  generator_chunk: ['run_key', 'chunk', 'rows', 'finished_at'],
} as const satisfies Record<string, readonly string[]>;
type Table = keyof typeof COLS;

/** Rows of one chunk, by table, written in foreign-key order at the end of the chunk. */
class Batch {
  readonly rows = new Map<Table, Cell[][]>();
  add(t: Table, r: Cell[]): void {
    let a = this.rows.get(t);
    if (!a) this.rows.set(t, (a = []));
    a.push(r);
  }
  count(): number {
    let n = 0;
    for (const a of this.rows.values()) n += a.length;
    return n;
  }
}
const WRITE_ORDER: Table[] = [
  'district',
  'subdivision',
  'station',
  'beat',
  'app_user',
  'generator_station',
  'person',
  'person_name',
  'gd_entry',
  'fir',
  'fir_section',
  'fir_status',
  'case_state',
  'case_person',
  'person_case_role',
  'arrest_memo',
  'case_stage_event',
  'fir_serial',
  'gd_day_counter',
];

interface PoolOffender {
  id: string;
  name: string;
  sex: 'male';
  age: number;
  districtId: string;
}

interface Ctx {
  opts: GenerateOptions;
  runKey: string;
  stateCode: string;
  geo: Geography;
  heads: ResolvedHead[];
  headPick: Weighted<ResolvedHead>;
  has: Set<OptionalTable>;
  start: number;
  end: number;
  pool: PoolOffender[];
  poolPick: Weighted<PoolOffender> | null;
  witnessMean: number;
  rowsByTable: Record<string, number>;
}

/** Generates (or resumes) a synthetic state into the sink's database. The schema must be migrated. */
export async function generate(sink: Sink, cat: Catalogue, opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = Date.now();
  const indexPersons = Math.max(0, Math.trunc(opts.indexPersons ?? 0));
  const runKey = `s${opts.seed}-f${opts.firs}-p${opts.persons}-y${opts.years}-u${opts.until}${indexPersons > 0 ? `-x${indexPersons}` : ''}${opts.stations ? `-st${opts.stations}` : ''}`;
  const mix = resolveMix(cat);
  const has = new Set<OptionalTable>();
  const skippedTables: string[] = [];
  for (const t of OPTIONAL_TABLES) {
    const r = await sink.query<{ r: string | null }>(`select to_regclass($1)::text as r`, [t]);
    if (r[0]?.r) has.add(t);
    else skippedTables.push(t);
  }
  const done = new Set(
    (await sink.query<{ chunk: string }>(`select chunk from generator_chunk where run_key = $1`, [runKey])).map((r) => r.chunk),
  );

  // On top of the state that is there (the demo state on an `npm start` database), or a fresh one.
  const states = await sink.query<{ code: string }>(`select code from state order by is_demo desc, code limit 1`);
  let stateCode = states[0]?.code;
  const geo = planGeography(opts.seed, opts.firs, opts.years, 'G', opts.stations ?? 0);
  const end = Date.parse(`${opts.until}T18:29:59Z`); // 23:59:59 IST
  const start = end - opts.years * 365 * DAY;
  const ctx: Ctx = {
    opts,
    runKey,
    stateCode: stateCode ?? 'XG',
    geo,
    heads: mix.heads,
    // A near-repeat head's background events each bring 1/(1 - b) events with their follow-ups
    // (b the branching ratio), so they are drawn that much less often: the FIRs come out in the
    // NCRB shares, follow-ups included (realism.unit.test.ts measures it).
    headPick: new Weighted(
      mix.heads,
      mix.weights.map((w, i) => (mix.heads[i]!.nearRepeat ? w * (1 - NEAR_REPEAT_BRANCHING) : w)),
    ),
    has,
    start,
    end,
    pool: [],
    poolPick: null,
    witnessMean: 0,
    rowsByTable: {},
  };
  // Persons per FIR beyond complainant, extra victims and new accused are witnesses.
  const meanAccused =
    mix.heads.reduce((s, h, i) => s + mix.weights[i]! * h.knownAccused * h.accusedMean, 0) / mix.weights.reduce((a, b) => a + b, 0);
  const poolSize = Math.max(10, Math.round(opts.persons * 0.02));
  const W = mix.weights.reduce((a, b) => a + b, 0);
  const raidShare = mix.heads.reduce((s, h, i) => s + (h.family === 'raid' ? mix.weights[i]! : 0), 0) / W;
  // Complainant (none in police-detected raids), a separate victim in ~15 % of the rest, new accused (not from the pool).
  ctx.witnessMean = Math.max(0, (opts.persons - poolSize) / Math.max(1, opts.firs) - (1 - raidShare) * 1.15 - meanAccused * 0.92);

  const peopleChunks = Math.ceil(indexPersons / PEOPLE_CHUNK);
  const chunks = [
    'geo',
    'offenders',
    ...geo.stations.map((s) => `station:${s.code}`),
    ...Array.from({ length: peopleChunks }, (_, k) => `people:${k}`),
  ];
  const progress: Progress = { chunksDone: 0, chunksTotal: chunks.length, firsDone: 0, firsTotal: opts.firs, rows: 0, skipped: 0 };
  let written = 0;
  const run = async (chunk: string, build: () => Batch, firs = 0) => {
    if (done.has(chunk)) {
      progress.skipped++;
      progress.chunksDone++;
      progress.firsDone += firs;
      opts.onProgress?.(progress);
      return;
    }
    const b = build();
    await sink.query('begin');
    try {
      for (const t of WRITE_ORDER) {
        const rows = b.rows.get(t);
        if (!rows || rows.length === 0) continue;
        await sink.write(t, COLS[t], rows);
        ctx.rowsByTable[t] = (ctx.rowsByTable[t] ?? 0) + rows.length;
      }
      const n = b.count();
      await sink.write('generator_chunk', COLS.generator_chunk, [[runKey, chunk, num(n), ts(Date.now())]]);
      await sink.query('commit');
      progress.rows += n;
      written++;
    } catch (e) {
      await sink.query('rollback');
      throw e;
    }
    progress.chunksDone++;
    progress.firsDone += firs;
    opts.onProgress?.(progress);
  };

  if (!stateCode) {
    await sink.query(
      `insert into state (code, name, name_hi, population, is_demo) values ('XG', 'Generated Pradesh (synthetic)', 'उत्पन्न प्रदेश (कृत्रिम)', 0, true) on conflict do nothing`,
    );
    stateCode = 'XG';
  }
  await run('geo', () => geographyBatch(ctx));
  // The offender pool is rebuilt in memory on every run (same seed, same people); written once.
  const offenders = offenderBatch(ctx, poolSize);
  await run('offenders', () => offenders);
  for (const s of geo.stations) await run(`station:${s.code}`, () => stationBatch(ctx, s), s.firs);
  if (peopleChunks > 0) {
    const pending = chunks.some((c) => c.startsWith('people:') && !done.has(c));
    if (pending && (opts.deferIndexes ?? indexPersons >= 100_000)) await dropPersonIndexes(sink);
    for (let k = 0; k < peopleChunks; k++)
      await run(`people:${k}`, () => peopleBatch(ctx, k, Math.min(PEOPLE_CHUNK, indexPersons - k * PEOPLE_CHUNK), indexPersons));
  }
  // Also after an interrupted run that had dropped them.
  await restorePersonIndexes(sink);

  return {
    runKey,
    stateCode,
    rows: progress.rows,
    rowsByTable: ctx.rowsByTable,
    firs: opts.firs,
    chunksWritten: written,
    chunksSkipped: progress.skipped,
    ms: Date.now() - t0,
    skippedTables,
    droppedHeads: mix.dropped,
  };
}

// ---------------------------------------------------------------------------------------------
// Geography and officers
// ---------------------------------------------------------------------------------------------

function geographyBatch(ctx: Ctx): Batch {
  const b = new Batch();
  const at = ts(ctx.start - 30 * DAY);
  const sc = ctx.stateCode;
  const districtOf = new Map(ctx.geo.districts.map((d) => [d.id, d]));
  for (const d of ctx.geo.districts) {
    b.add('district', [d.id, sc, d.code, d.name, d.nameHi, num(d.population), at]);
    for (const s of d.subdivisions) b.add('subdivision', [s.id, sc, d.id, s.code, s.name, s.nameHi, at]);
    b.add('app_user', [
      d.sp.id,
      sc,
      d.sp.username,
      d.sp.name,
      'sp',
      'Superintendent of Police',
      d.id,
      null,
      null,
      UNUSABLE_PASSWORD_HASH,
      at,
      at,
      at,
    ]);
  }
  for (const s of ctx.geo.stations) {
    const d = districtOf.get(s.districtId)!;
    b.add('station', [
      s.id,
      sc,
      s.districtId,
      s.subdivisionId,
      s.code,
      `${s.name}`,
      s.nameHi,
      `Police Station ${s.name}, ${d.name}`,
      null,
      num(s.lat),
      num(s.lng),
      at,
    ]);
    for (const bt of s.beats) b.add('beat', [bt.id, sc, s.districtId, s.subdivisionId, s.id, bt.code, bt.name, bt.nameHi, at]);
    for (const [u, role] of [
      [s.dutyOfficer, 'duty_officer'],
      [s.io, 'io'],
    ] as const)
      b.add('app_user', [
        u.id,
        sc,
        u.username,
        u.name,
        role,
        u.rank,
        s.districtId,
        s.subdivisionId,
        s.id,
        UNUSABLE_PASSWORD_HASH,
        at,
        at,
        at,
      ]);
    b.add('generator_station', [s.id, ctx.runKey, num(s.population), s.areaKm2.toFixed(2), bool(s.urban), num(s.firs)]);
  }
  return b;
}

// ---------------------------------------------------------------------------------------------
// Persons
// ---------------------------------------------------------------------------------------------

const OCCUPATIONS = [
  'Labourer',
  'Farmer',
  'Shopkeeper',
  'Driver',
  'Student',
  'Housewife',
  'Private service',
  'Government service',
  'Daily wager',
  'Mechanic',
  'Vendor',
  'Unemployed',
];
const LOCALITIES = [
  'Ward No. 4',
  'Ward No. 11',
  'Gandhi Nagar',
  'Shastri Colony',
  'Indira Awas',
  'Purani Basti',
  'Kisan Mohalla',
  'Station Road',
  'Village Khajuri',
  'Village Semra',
  'Village Bamhori',
  'Subhash Chowk',
];

function ageFor(rng: Rng, role: 'accused' | 'other'): number {
  if (role === 'accused') {
    // NCRB 2022 arrests by age: 18–30 44 %, 30–45 39 %, 45–60 14 %, 60+ 1 %, juveniles 1 %.
    const x = rng.next();
    if (x < 0.01) return rng.int(14, 17);
    if (x < 0.452) return rng.int(18, 29);
    if (x < 0.845) return rng.int(30, 44);
    if (x < 0.988) return rng.int(45, 59);
    return rng.int(60, 75);
  }
  return rng.int(18, 70);
}

interface NewPerson {
  id: string;
  name: string;
  sex: 'male' | 'female';
  age: number;
  address: string;
  phone: string | null;
  father: string;
}

/** A person row and its name index rows, exactly as the people module writes them. */
function addPerson(
  ctx: Ctx,
  b: Batch,
  rng: Rng,
  ids: IdMaker,
  at: number,
  o: { sex: 'male' | 'female'; age: number; districtId: string; stationId: string | null; createdBy: string | null; aliases?: string[] },
): NewPerson {
  const n = makeName(rng, o.sex);
  const id = ids.id(at);
  const address = `${rng.int(1, 400)}, ${rng.pick(LOCALITIES)}`;
  const phone = rng.chance(0.7) ? `${rng.pick(['6', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}` : null;
  const ageOn = istDate(at);
  const birthYear = Number(ageOn.slice(0, 4)) - o.age;
  const atS = ts(at);
  b.add('person', [
    id,
    ctx.stateCode,
    n.name,
    n.nameHi,
    n.father,
    o.sex,
    num(o.age),
    ageOn,
    num(birthYear),
    address,
    o.districtId,
    phone,
    rng.pick(OCCUPATIONS),
    o.stationId,
    o.createdBy,
    atS,
  ]);
  if (ctx.has.has('person_name')) {
    // people/service.ts insertNames: primary, primary_hi when it differs, then aliases; father_norm, birth_year, sex, district copied.
    const fatherNorm = nameIndexFields(n.father).norm || null;
    const names: [string, string][] = [['primary', n.name]];
    if (n.nameHi && n.nameHi !== n.name) names.push(['primary_hi', n.nameHi]);
    for (const a of o.aliases ?? []) names.push(['alias', a]);
    for (const [kind, name] of names) {
      const f = nameIndexFields(name);
      if (f.tokens.length === 0) continue;
      b.add('person_name', [
        ids.id(at),
        id,
        id,
        ctx.stateCode,
        kind,
        name,
        f.norm,
        textArray(f.keys),
        fatherNorm,
        num(birthYear),
        o.sex,
        o.districtId,
        atS,
        o.createdBy,
      ]);
    }
  }
  return { id, name: n.name, sex: o.sex, age: o.age, address, phone, father: n.father };
}

/** Index persons per chunk (one transaction each). */
export const PEOPLE_CHUNK = 25_000;

/**
 * Persons of the index without a case in the generated period (see GenerateOptions.indexPersons):
 * recorded at a station over the ten years before it, in time order across chunks so that their
 * UUIDv7 ids (and the primary-key index) grow at the right edge.
 */
function peopleBatch(ctx: Ctx, k: number, n: number, total: number): Batch {
  const key = `${ctx.opts.seed}:people:${k}`;
  const rng = new Rng(key);
  const ids = new IdMaker(key);
  const b = new Batch();
  const span = 3650 * DAY;
  const from = ctx.start - span;
  for (let i = 0; i < n; i++) {
    const g = k * PEOPLE_CHUNK + i;
    const at = from + Math.floor((g / total) * span);
    const s = rng.pick(ctx.geo.stations);
    const sex = rng.chance(0.8) ? 'male' : 'female';
    const age = ageFor(rng, rng.chance(0.3) ? 'accused' : 'other');
    const aliases = rng.chance(0.05) ? [makeNickname(rng)] : [];
    addPerson(ctx, b, rng, ids, at, { sex, age, districtId: s.districtId, stationId: s.id, createdBy: null, aliases });
  }
  return b;
}

const DEFERRED_TABLE = `create table if not exists generator_deferred_index (
  name text primary key, def text not null, dropped_at timestamptz not null default now())`;

/** Drops the secondary (non-constraint) indexes of person and person_name, remembering them. */
export async function dropPersonIndexes(sink: Sink): Promise<void> {
  await sink.query(DEFERRED_TABLE);
  await sink.query('begin');
  try {
    const idx = await sink.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as def
         from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid in ('person'::regclass, 'person_name'::regclass)
          and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    );
    for (const r of idx) {
      await sink.query(`insert into generator_deferred_index (name, def) values ($1, $2) on conflict do nothing`, [r.name, r.def]);
      await sink.query(`drop index if exists "${r.name.replace(/"/g, '""')}"`);
    }
    await sink.query('commit');
  } catch (e) {
    await sink.query('rollback');
    throw e;
  }
}

/** Builds the indexes dropped by dropPersonIndexes (if any), then refreshes the statistics. */
export async function restorePersonIndexes(sink: Sink): Promise<void> {
  const has = await sink.query<{ r: string | null }>(`select to_regclass('generator_deferred_index')::text as r`);
  if (!has[0]?.r) return;
  const idx = await sink.query<{ name: string; def: string }>(`select name, def from generator_deferred_index order by name`);
  if (idx.length === 0) return;
  await sink.query(`set maintenance_work_mem = '${sink.kind === 'postgres' ? '1GB' : '256MB'}'`);
  for (const r of idx) {
    await sink.query(r.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
    await sink.query(`delete from generator_deferred_index where name = $1`, [r.name]);
  }
  await sink.query('reset maintenance_work_mem');
  await sink.query('analyze person');
  await sink.query('analyze person_name');
}

/** Repeat offenders: ~2 % of persons, with a heavy-tailed activity so a few account for many cases (NCRB: 7.1 % of arrested are repeaters). */
function offenderBatch(ctx: Ctx, size: number): Batch {
  const rng = new Rng(`${ctx.opts.seed}:offenders`);
  const ids = new IdMaker(`${ctx.opts.seed}:offenders`);
  const b = new Batch();
  const weights: number[] = [];
  for (let i = 0; i < size; i++) {
    const d = rng.pick(ctx.geo.districts);
    const age = ageFor(rng, 'accused');
    const at = ctx.start - rng.int(30, 3000) * DAY;
    const aliases = rng.chance(0.5) ? [makeNickname(rng)] : [];
    const p = addPerson(ctx, b, rng, ids, at, { sex: 'male', age, districtId: d.id, stationId: null, createdBy: null, aliases });
    ctx.pool.push({ id: p.id, name: p.name, sex: 'male', age, districtId: d.id });
    // Pareto(α = 1.2) activity.
    weights.push(Math.pow(1 - rng.next(), -1 / 1.2));
  }
  ctx.poolPick = new Weighted(ctx.pool, weights);
  return b;
}

// ---------------------------------------------------------------------------------------------
// A station's FIRs
// ---------------------------------------------------------------------------------------------

interface Event {
  head: ResolvedHead;
  occFrom: number;
  occTo: number | null;
  lat: number;
  lng: number;
  nearRepeatOf: number | null;
}

const HOUR_PICK = Object.fromEntries(
  Object.entries(HOUR_WEIGHTS).map(([k, w]) => [
    k,
    new Weighted(
      w.map((_, i) => i),
      w,
    ),
  ]),
) as Record<string, Weighted<number>>;
/** Median hours from occurrence to the FIR, by family. */
const REPORT_LAG_H: Record<string, number> = {
  theft: 8,
  vehicle: 14,
  burglary: 6,
  robbery: 3,
  violence: 3,
  traffic: 2,
  domestic: 48,
  sexual: 24,
  cyber: 96,
  raid: 0.5,
};
const PLACE_TYPES: Record<string, string[]> = {
  theft: ['Residential premises', 'Market', 'Bus stand', 'Railway station', 'Shop'],
  vehicle: ['Parking outside house', 'Market parking', 'Hospital parking', 'Roadside'],
  burglary: ['Residential premises', 'Shop', 'Godown', 'Temple'],
  robbery: ['Road', 'Highway', 'Lane near market', 'ATM'],
  violence: ['Road', 'Residential premises', 'Agricultural field', 'Village chaupal', 'Market'],
  traffic: ['National highway', 'State highway', 'City road', 'Crossing'],
  domestic: ['Matrimonial home', 'Residential premises'],
  sexual: ['Residential premises', 'Road', 'Agricultural field', 'Workplace'],
  cyber: ['Online (phone call)', 'Online (UPI)', 'Bank', 'Residential premises'],
  raid: ['Roadside dhaba', 'Open ground', 'Residential premises', 'Check-post'],
};
const DIRS = ['E', 'NE', 'N', 'NW', 'W', 'SW', 'S', 'SE'] as const;

function drawDay(rng: Rng, ctx: Ctx, head: ResolvedHead): number {
  // Rejection sampling on the weekday and the ±10 % annual sinusoid.
  const wd = WEEKDAY_WEIGHTS[head.family];
  const peak = PEAK_MONTH[head.family];
  const days = Math.floor((ctx.end - ctx.start) / DAY);
  for (;;) {
    const day = ctx.start + rng.int(0, days - 1) * DAY;
    const d = new Date(day + IST);
    const w = wd[d.getUTCDay()]! * (1 + 0.1 * Math.cos(((d.getUTCMonth() - peak) / 12) * 2 * Math.PI));
    if (rng.next() * 1.35 < w) return Math.floor((day + IST) / DAY) * DAY - IST; // IST midnight
  }
}

function stationEvents(ctx: Ctx, s: GenStation, rng: Rng): Event[] {
  // Hotspots: lognormal weights, so ~5 % of places carry ~50 % of crime (Weisburd).
  const nHot = s.urban ? rng.int(10, 20) : rng.int(5, 12);
  const hot = Array.from({ length: nHot }, () => {
    const r = s.radiusKm * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    return { lat: s.lat + (r / 111) * Math.sin(a), lng: s.lng + (r / 105) * Math.cos(a) };
  });
  const hotPick = new Weighted(
    hot,
    hot.map(() => rng.lognormal(1, 1.2)),
  );
  const place = (): { lat: number; lng: number } => {
    if (rng.chance(0.6)) {
      const h = hotPick.draw(rng);
      return { lat: h.lat + (rng.normal() * 0.15) / 111, lng: h.lng + (rng.normal() * 0.15) / 105 };
    }
    const r = s.radiusKm * Math.sqrt(rng.next());
    const a = rng.next() * 2 * Math.PI;
    return { lat: s.lat + (r / 111) * Math.sin(a), lng: s.lng + (r / 105) * Math.cos(a) };
  };
  const events: Event[] = [];
  const at = (head: ResolvedHead, day: number): { from: number; to: number | null } => {
    const from = day + HOUR_PICK[head.family]!.draw(rng) * 3_600_000 + rng.int(0, 59) * 60_000;
    if (head.family === 'domestic') return { from: from - rng.int(30, 700) * DAY, to: from };
    if (head.family === 'burglary' || head.family === 'vehicle') return { from, to: from + rng.int(1, 8) * 3_600_000 };
    return { from, to: null };
  };
  // Background events, each property one may trigger near-repeats (Hawkes-like: branching 0.2,
  // σ 150 m, mean 10 days, cut at 60 days; Johnson & Bowers 2004, temporal-spatial.md §7).
  while (events.length < s.firs) {
    const head = ctx.headPick.draw(rng);
    const t = at(head, drawDay(rng, ctx, head));
    const p = place();
    const parent = events.length;
    events.push({ head, occFrom: t.from, occTo: t.to, ...p, nearRepeatOf: null });
    if (!head.nearRepeat) continue;
    let gen = events[parent]!;
    while (events.length < s.firs && rng.chance(NEAR_REPEAT_BRANCHING)) {
      // Some days later (whole days), at an hour of the head's own daily rhythm.
      const days = Math.max(1, Math.round(Math.min(60, rng.exp(head.family === 'robbery' ? 3 : 10))));
      const from =
        Math.floor((gen.occFrom + IST) / DAY) * DAY -
        IST +
        days * DAY +
        HOUR_PICK[head.family]!.draw(rng) * 3_600_000 +
        rng.int(0, 59) * 60_000;
      if (from >= ctx.end - DAY) break;
      const child: Event = {
        head,
        occFrom: from,
        occTo: gen.occTo === null ? null : from + (gen.occTo - gen.occFrom),
        lat: gen.lat + (rng.normal() * 0.15) / 111,
        lng: gen.lng + (rng.normal() * 0.15) / 105,
        nearRepeatOf: parent,
      };
      events.push(child);
      gen = child;
    }
  }
  return events;
}

const CS_DELAY_BINS: [number, number, number][] = [
  // [share, from days, to days]: NCRB 2022 T17A.7, time to file a charge sheet.
  [0.404, 5, 60],
  [0.237, 60, 90],
  [0.175, 90, 180],
  [0.108, 180, 365],
  [0.062, 365, 730],
  [0.014, 730, 1200],
];
const TRIAL_BINS: [number, number, number][] = [
  // NCRB 2022 T18A.5, trial duration.
  [0.057, 5, 30],
  [0.08, 30, 90],
  [0.131, 90, 180],
  [0.199, 180, 365],
  [0.313, 365, 1095],
  [0.146, 1095, 1825],
  [0.074, 1825, 3650],
];
function fromBins(rng: Rng, bins: [number, number, number][]): number {
  let x = rng.next();
  for (const [p, a, z] of bins) {
    if (x < p) return (a + rng.next() * (z - a)) * DAY;
    x -= p;
  }
  const last = bins[bins.length - 1]!;
  return last[2] * DAY;
}

interface Outcome {
  stage: string;
  stageAt: number;
  events: [string, number, string | null][];
  accusedResult: string | null;
  resultOn: number | null;
}

/** Stage by the NCRB pendency profile: police disposal times, charge-sheet vs final report, trial length, conviction. */
function outcomeOf(rng: Rng, ctx: Ctx, head: ResolvedHead, registered: number): Outcome {
  const ev: [string, number, string | null][] = [['registered', registered, null]];
  const ui = registered + rng.int(1, 48) * 3_600_000;
  if (ui > ctx.end) return { stage: 'registered', stageAt: registered, events: ev, accusedResult: null, resultOn: null };
  ev.push(['under_investigation', ui, null]);
  // A tenth of cases stall for years (NCRB: 6 % pending > 3 years).
  const delay = fromBins(rng, CS_DELAY_BINS) * (rng.chance(0.1) ? 4 : 1);
  const disposed = registered + delay;
  if (disposed > ctx.end) return { stage: 'under_investigation', stageAt: ui, events: ev, accusedResult: null, resultOn: null };
  if (!rng.chance(head.chargesheetRate)) {
    ev.push(['final_report_filed', disposed, null]);
    const accepted = disposed + rng.int(30, 240) * DAY;
    if (accepted > ctx.end)
      return { stage: 'final_report_submitted', stageAt: disposed, events: ev, accusedResult: 'not_charge_sheeted', resultOn: disposed };
    ev.push(['disposed', accepted, 'closure_accepted']);
    return { stage: 'disposed', stageAt: accepted, events: ev, accusedResult: 'not_charge_sheeted', resultOn: disposed };
  }
  ev.push(['charge_sheeted', disposed, null]);
  const cognisance = disposed + rng.int(3, 45) * DAY;
  if (cognisance > ctx.end)
    return { stage: 'final_report_submitted', stageAt: disposed, events: ev, accusedResult: 'charge_sheeted', resultOn: disposed };
  ev.push(['under_trial', cognisance, null]);
  const verdict = cognisance + fromBins(rng, TRIAL_BINS);
  if (verdict > ctx.end)
    return { stage: 'under_trial', stageAt: cognisance, events: ev, accusedResult: 'charge_sheeted', resultOn: disposed };
  const result = rng.chance(head.convictionRate) ? 'convicted' : rng.chance(0.9) ? 'acquitted' : 'compounded';
  ev.push(['disposed', verdict, result]);
  return { stage: 'disposed', stageAt: verdict, events: ev, accusedResult: result, resultOn: verdict };
}

function verificationCode(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += VERIFY_ALPHABET[rng.int(0, VERIFY_ALPHABET.length - 1)];
  return s;
}

function stationBatch(ctx: Ctx, s: GenStation): Batch {
  const key = `${ctx.opts.seed}:station:${s.code}`;
  const rng = new Rng(key);
  const ids = new IdMaker(key);
  const b = new Batch();
  const sc = ctx.stateCode;
  const scope = [sc, s.districtId, s.subdivisionId, s.id] as const;
  const evs = stationEvents(ctx, s, rng);

  // Registration: occurrence (or its end) + a reporting lag; GD entry a few minutes before.
  const firs = evs
    .map((e) => {
      const base = e.occTo ?? e.occFrom;
      const lagMs = Math.min(30 * DAY, rng.lognormal(REPORT_LAG_H[e.head.family]!, 1) * 3_600_000) + 10 * 60_000;
      let registered = base + lagMs;
      if (registered > ctx.end) registered = ctx.end - rng.int(1, 600) * 60_000;
      const gdAt = registered - rng.int(5, 45) * 60_000;
      const occFrom = Math.min(e.occFrom, gdAt - 60_000);
      const occTo = e.occTo === null ? null : Math.max(occFrom, Math.min(e.occTo, gdAt - 60_000));
      return { e, registered, gdAt, occFrom, occTo };
    })
    .sort((a, b2) => a.registered - b2.registered);

  // GD numbers per IST day in the order of recorded_at.
  const gdOrder = firs.map((f, i) => ({ i, at: f.gdAt })).sort((a, b2) => a.at - b2.at);
  const gdNo = new Array<number>(firs.length);
  const gdDayLast = new Map<string, number>();
  for (const g of gdOrder) {
    const day = istDate(g.at);
    const n = (gdDayLast.get(day) ?? 0) + 1;
    gdDayLast.set(day, n);
    gdNo[g.i] = n;
  }
  const serialLast = new Map<number, number>();
  const duty = s.dutyOfficer;
  const io = s.io;

  for (let i = 0; i < firs.length; i++) {
    const { e, registered, gdAt, occFrom, occTo } = firs[i]!;
    const head = e.head;
    const year = istYear(registered);
    const serial = (serialLast.get(year) ?? 0) + 1;
    serialLast.set(year, serial);
    const firNumber = `${String(serial).padStart(4, '0')}/${year}`;
    const firId = ids.id(registered);
    const gdId = ids.id(gdAt);
    const offenceDate = istDate(occFrom);
    const sections = offenceDate >= BNS_FROM ? head.bnsSections : head.ipcSections;
    const sensitive = sections.some((x) => x.sensitive);
    const sectionText = sections.map((x) => `${x.act} ${x.section}`).join(', ');

    // Persons.
    const victimFemale = rng.chance(head.victimFemale);
    const complainantIsVictim = head.family !== 'raid' && !(head.family === 'sexual' && rng.chance(0.4));
    const cSex = complainantIsVictim ? (victimFemale ? 'female' : 'male') : rng.chance(0.8) ? 'male' : 'female';
    const roles: { p: { id: string; name: string; sex: string; age: number }; role: string; code: string }[] = [];
    const complainant =
      head.family === 'raid'
        ? null
        : addPerson(ctx, b, rng, ids, registered, {
            sex: cSex,
            age: ageFor(rng, 'other'),
            districtId: s.districtId,
            stationId: s.id,
            createdBy: duty.id,
          });
    if (complainant) roles.push({ p: complainant, role: 'complainant', code: 'C1' });
    const victims: NewPerson[] = [];
    if (complainant && complainantIsVictim) roles.push({ p: complainant, role: 'victim', code: 'V1' });
    if (head.family !== 'raid' && (!complainantIsVictim || rng.chance(0.1))) {
      const v = addPerson(ctx, b, rng, ids, registered, {
        sex: victimFemale ? 'female' : 'male',
        age: head.code === 'pocso' ? rng.int(6, 17) : ageFor(rng, 'other'),
        districtId: s.districtId,
        stationId: s.id,
        createdBy: duty.id,
      });
      victims.push(v);
      roles.push({ p: v, role: 'victim', code: `V${victims.length + (complainantIsVictim ? 1 : 0)}` });
    }
    const accusedJson: unknown[] = [];
    const accusedRoles: typeof roles = [];
    if (rng.chance(head.knownAccused)) {
      const n = rng.geometric(head.accusedMean);
      const seen = new Set<string>();
      const poolShare = ['theft', 'vehicle', 'burglary', 'robbery', 'raid'].includes(head.family) ? 0.15 : 0.04;
      for (let k = 0; k < n; k++) {
        let p: { id: string; name: string; sex: string; age: number; address?: string };
        if (ctx.poolPick && rng.chance(poolShare)) {
          const o = ctx.poolPick.draw(rng);
          if (seen.has(o.id)) continue;
          p = o;
        } else {
          p = addPerson(ctx, b, rng, ids, registered, {
            sex: rng.chance(0.943) ? 'male' : 'female',
            age: ageFor(rng, 'accused'),
            districtId: s.districtId,
            stationId: s.id,
            createdBy: duty.id,
          });
        }
        seen.add(p.id);
        const r = { p, role: 'accused', code: `A${accusedRoles.length + 1}` };
        accusedRoles.push(r);
        roles.push(r);
        accusedJson.push({ known: true, name: p.name, age: p.age, sex: p.sex, address: p.address ?? null });
      }
    } else if (head.family !== 'raid') {
      accusedJson.push({
        known: false,
        description: rng.pick([
          'Unknown person(s)',
          'Two unknown youths on a motorcycle',
          'Unknown thief',
          'Unidentified driver of a truck',
        ]),
      });
    }
    const witnesses = rng.poisson(ctx.witnessMean);
    for (let k = 0; k < witnesses; k++) {
      const w = addPerson(ctx, b, rng, ids, registered, {
        sex: rng.chance(0.75) ? 'male' : 'female',
        age: ageFor(rng, 'other'),
        districtId: s.districtId,
        stationId: s.id,
        createdBy: io.id,
      });
      roles.push({ p: w, role: 'witness', code: `W${k + 1}` });
    }

    // The FIR itself.
    const placeType = rng.pick(PLACE_TYPES[head.family]!);
    const dy = (e.lat - s.lat) * 111;
    const dx = (e.lng - s.lng) * 105;
    const distance = Math.sqrt(dx * dx + dy * dy);
    const dir = DIRS[Math.round(((Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 4)) % 8]!;
    let beat = s.beats[0]!;
    let best = Infinity;
    for (const bt of s.beats) {
      const d2 = (bt.lat - e.lat) ** 2 + (bt.lng - e.lng) ** 2;
      if (d2 < best) {
        best = d2;
        beat = bt;
      }
    }
    const properties: { description: string; category: string; nature: string; value: number }[] = [];
    if (head.propertyValue) {
      const value = Math.round(rng.lognormal(head.propertyValue[0], head.propertyValue[1]));
      const category =
        head.family === 'vehicle'
          ? 'vehicle'
          : head.family === 'cyber'
            ? 'cash'
            : rng.pick(['cash', 'jewellery', 'mobile_phone', 'electronics', 'other']);
      properties.push({
        description:
          category === 'vehicle'
            ? `Motorcycle ${rng.pick(['Hero Splendor', 'Bajaj Pulsar', 'Honda Shine', 'TVS Apache'])}`
            : `${category.replace('_', ' ')} stolen`,
        category,
        nature: 'stolen',
        value,
      });
    }
    const total = properties.reduce((a, p) => a + p.value, 0);
    const place = `${placeType}, ${beat.name}, ${s.name}`;
    const c = complainant;
    const complainantJson = c
      ? {
          name: c.name,
          relativeName: c.father,
          relation: 'father',
          yearOfBirth: Number(istDate(registered).slice(0, 4)) - c.age,
          sex: c.sex,
          nationality: 'Indian',
          occupation: null,
          address: c.address,
          phone: c.phone,
          isVictim: complainantIsVictim,
        }
      : {
          name: duty.name,
          relation: null,
          sex: 'male',
          nationality: 'Indian',
          occupation: 'Police officer',
          address: `PS ${s.name}`,
          phone: null,
          isVictim: false,
        };
    const informationType =
      head.family === 'raid' ? 'oral' : head.family === 'cyber' && rng.chance(0.5) ? 'electronic' : rng.chance(0.75) ? 'written' : 'oral';
    const narrative = `${head.label}: ${head.family === 'raid' ? 'during patrolling the police party found' : 'the informant reports that'} at ${placeType.toLowerCase()} near ${beat.name} ${e.nearRepeatOf !== null ? '(again, as earlier in the same area) ' : ''}the offence under ${sectionText} was committed.`;
    b.add('gd_entry', [
      gdId,
      ...scope,
      istDate(gdAt),
      num(gdNo[i]!),
      ts(gdAt),
      'fir_registered',
      `FIR No. ${firNumber} registered under ${sectionText} on the ${informationType} information of ${complainantJson.name}. Occurrence: ${place}.`,
      duty.id,
      duty.name,
      duty.rank,
      'fir',
      firId,
    ]);
    b.add('fir', [
      firId,
      ...scope,
      num(year),
      num(serial),
      firNumber,
      ts(registered),
      duty.id,
      duty.name,
      duty.rank,
      gdId,
      ts(gdAt),
      informationType,
      ts(occFrom),
      occTo === null ? null : ts(occTo),
      offenceDate,
      place,
      e.lat.toFixed(6),
      e.lng.toFixed(6),
      distance.toFixed(2),
      dir,
      beat.id,
      json(complainantJson),
      json(victims.map((v) => ({ name: v.name, age: v.age, sex: v.sex, address: v.address }))),
      json(accusedJson),
      json(properties),
      total.toFixed(2),
      narrative,
      head.family === 'raid'
        ? 'Accused arrested on the spot; case registered and taken up for investigation.'
        : 'Case registered and taken up for investigation.',
      verificationCode(rng),
      ts(registered),
    ]);
    sections.forEach((x, k) => b.add('fir_section', [firId, num(k + 1), x.act, x.section, x.titleEn, x.titleHi, bool(x.sensitive)]));
    const out = outcomeOf(rng, ctx, head, registered);
    b.add('fir_status', [firId, ...scope, out.stage, ts(out.stageAt), bool(sensitive), bool(sensitive), '1', ts(out.stageAt)]);
    if (ctx.has.has('case_state')) {
      const assigned = out.stage === 'registered' ? null : registered + rng.int(10, 240) * 60_000;
      b.add('case_state', [
        firId,
        ...scope,
        assigned === null ? null : io.id,
        assigned === null ? null : ts(assigned),
        ts(registered),
        ts(out.stageAt),
      ]);
    }
    if (ctx.has.has('case_stage_event'))
      for (const [stage, at, result] of out.events)
        b.add('case_stage_event', [ids.id(at), firId, sc, s.id, stage, result, ts(at), null, 'f']);

    // Persons in the case, and arrests of the named accused.
    const pArrest = Math.min(0.95, head.arrestsPerCase / Math.max(0.3, head.knownAccused * head.accusedMean));
    roles.forEach((r, k) => {
      const isAccused = r.role === 'accused';
      const result = isAccused ? out.accusedResult : null;
      if (ctx.has.has('person_case_role'))
        b.add('person_case_role', [
          ids.id(registered),
          r.p.id,
          firId,
          r.role,
          r.code,
          ...scope,
          result,
          result && out.resultOn ? istDate(out.resultOn) : null,
          ts(registered),
          duty.id,
        ]);
      if (!ctx.has.has('case_person')) return;
      const cpId = ids.id(registered);
      b.add('case_person', [
        cpId,
        firId,
        ...scope,
        r.p.id,
        r.role,
        num(k + 1),
        r.code,
        r.p.name,
        r.p.sex,
        num(r.p.age),
        bool(r.p.age < 18),
        io.id,
        io.name,
        ts(registered),
      ]);
      if (isAccused && ctx.has.has('arrest_memo') && rng.chance(pArrest)) {
        const arrested = Math.min(ctx.end, registered + (head.family === 'raid' ? -rng.int(10, 60) * 60_000 : rng.exp(4) * DAY));
        if (arrested < gdAt && head.family !== 'raid') return;
        const informed = arrested + rng.int(10, 120) * 60_000;
        b.add('arrest_memo', [
          ids.id(arrested),
          firId,
          ...scope,
          cpId,
          'arrest',
          ts(arrested),
          place,
          io.name,
          `Named accused in FIR ${firNumber} under ${sectionText}; custody needed for investigation.`,
          ts(arrested),
          't',
          'Relative of the accused',
          'relative',
          'phone',
          ts(informed),
          json(sections.map((x) => ({ act: x.act, section: x.section }))),
          rng.pick(['judicial_custody', 'bailed', 'bailed', 'sent_up']),
          io.id,
          io.name,
          io.rank,
          ts(arrested),
        ]);
      }
    });
  }
  for (const [year, last] of serialLast) b.add('fir_serial', [s.id, num(year), num(last)]);
  for (const [day, last] of gdDayLast) b.add('gd_day_counter', [s.id, day, num(last)]);
  return b;
}

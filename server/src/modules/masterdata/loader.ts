/**
 * Loads the master data files into the tables of migration 0020 (act, crime_head, section,
 * ipc_bns_map, modus_operandi, section_override), and reads them back into a Catalogue.
 *
 * Loading is idempotent and safe to run at every start: rows are checked first (the whole
 * load is refused if any file has a problem), then upserted in batches in one transaction.
 * A row is rewritten only when its content changed (row_hash), which bumps its version; a row
 * an administrator edited in the application (admin_edited) is left alone. Rows removed from
 * the files are not deleted: FIRs may cite them. Disable a section instead.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { buildCatalogue, MASTERDATA_DIR, MASTERDATA_VERSION, readMasterDataDir, type Catalogue, type RawMasterData } from './catalogue.js';
import type { CsvRow } from './csv.js';

export interface LoadResult {
  dataVersion: number;
  /** Per table: rows in the files, and rows inserted or changed by this load. */
  tables: Record<string, { rows: number; written: number }>;
}

type DbRow = Record<string, unknown>;

interface TableSpec {
  table: string;
  key: string[];
  rows: DbRow[];
}

const BATCH = 200;

/**
 * Upserts the master data release in `dir` (default: the shipped server/masterdata/v1).
 * Throws, writing nothing, if a file has a problem (the message lists them all).
 */
export async function loadMasterData(db: Kysely<any>, opts: { dir?: string; dataVersion?: number } = {}): Promise<LoadResult> {
  const raw = readMasterDataDir(opts.dir ?? MASTERDATA_DIR);
  const catalogue = buildCatalogue(raw); // refuses bad files before touching the database
  const dataVersion = opts.dataVersion ?? MASTERDATA_VERSION;
  const specs = toTables(catalogue, dataVersion);
  const result: LoadResult = { dataVersion, tables: {} };
  await db.transaction().execute(async (trx) => {
    for (const spec of specs) {
      let written = 0;
      for (let i = 0; i < spec.rows.length; i += BATCH) {
        written += await upsert(trx, spec, spec.rows.slice(i, i + BATCH));
      }
      result.tables[spec.table] = { rows: spec.rows.length, written };
    }
  });
  return result;
}

async function upsert(db: Kysely<any>, spec: TableSpec, rows: DbRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const updatable = columns.filter((c) => !spec.key.includes(c));
  const t = spec.table;
  const changed = await db
    .insertInto(t)
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(spec.key as any)
        .doUpdateSet((eb) => ({
          ...Object.fromEntries(updatable.map((c) => [c, eb.ref(`excluded.${c}`)])),
          version: sql`${sql.ref(`${t}.version`)} + 1`,
          updated_at: sql`now()`,
        }))
        .where(sql<boolean>`not ${sql.ref(`${t}.admin_edited`)} and ${sql.ref(`${t}.row_hash`)} is distinct from excluded.row_hash`),
    )
    .returning(spec.key as any)
    .execute();
  return changed.length;
}

function hashed(row: DbRow, dataVersion: number): DbRow {
  const row_hash = createHash('sha256').update(JSON.stringify(row)).digest('hex');
  return { ...row, data_version: dataVersion, row_hash };
}

function toTables(c: Catalogue, v: number): TableSpec[] {
  const n = (s: string | null | undefined) => (s === undefined || s === '' ? null : s);
  const heads = [...c.crimeHeads].sort((a, b) => a.level - b.level);
  return [
    {
      table: 'act',
      key: ['code'],
      rows: c.acts.map((a) =>
        hashed(
          {
            code: a.code,
            state_code: a.stateCode,
            short_name: a.shortName,
            name_en: a.nameEn,
            name_hi: a.nameHi,
            year: a.year,
            kind: a.kind,
            in_force_from: a.inForceFrom,
            in_force_to: a.inForceTo,
            replaced_by: a.replacedBy,
            enabled: a.enabled,
            notes: a.notes,
          },
          v,
        ),
      ),
    },
    {
      table: 'crime_head',
      key: ['code'],
      rows: heads.map((h) =>
        hashed(
          {
            code: h.code,
            parent_code: h.parentCode,
            level: h.level,
            state_code: h.stateCode,
            category_en: h.categoryEn,
            name_en: h.nameEn,
            name_hi: h.nameHi,
            kind: h.kind,
            source: h.source,
            notes: h.notes,
          },
          v,
        ),
      ),
    },
    {
      table: 'section',
      key: ['act_code', 'section_code'],
      rows: c.sections.map((s) =>
        hashed(
          {
            act_code: s.actCode,
            section_code: s.sectionCode,
            state_code: s.stateCode,
            kind: s.kind,
            title_en: s.titleEn,
            title_hi: s.titleHi,
            keywords: s.keywords.join('; '),
            punishment_max: s.punishmentText,
            max_months: s.maxMonths,
            min_months: s.minMonths,
            max_death: s.maxDeath,
            max_life: s.maxLife,
            fine_only: s.fineOnly,
            cognizable: s.cognizable,
            bailable: s.bailable,
            compoundable: s.compoundable,
            sensitive: s.sensitive,
            crime_head_code: s.crimeHeadCode,
            triable_by: s.triableBy,
            in_force_from: s.inForceFrom,
            in_force_to: s.inForceTo,
            enabled: s.enabled,
            disabled_reason: s.disabledReason,
            custody_days_override: s.custodyDaysOverride,
            verified: s.verified,
            notes: s.notes,
          },
          v,
        ),
      ),
    },
    {
      table: 'ipc_bns_map',
      key: ['ipc_section', 'bns_section'],
      rows: c.mappings.map((m) =>
        hashed(
          {
            ipc_section: m.ipcSection,
            bns_section: m.bnsSection,
            relation: m.relation,
            note: m.note,
            sources: m.sources,
            verified: m.verified,
          },
          v,
        ),
      ),
    },
    {
      table: 'modus_operandi',
      key: ['code'],
      rows: c.modusOperandi.map((m) =>
        hashed(
          {
            code: m.code,
            state_code: m.stateCode,
            category_en: m.categoryEn,
            category_hi: m.categoryHi,
            name_en: m.nameEn,
            name_hi: m.nameHi,
            crime_head_codes: m.crimeHeadCodes,
            notes: m.notes,
          },
          v,
        ),
      ),
    },
    {
      table: 'section_override',
      key: ['state_code', 'act_code', 'section_code'],
      rows: c.overrides.map((o) =>
        hashed(
          {
            state_code: o.stateCode,
            act_code: o.actCode,
            section_code: o.sectionCode,
            custody_days_override: o.custodyDaysOverride,
            basis: n(o.basis) ?? '',
          },
          v,
        ),
      ),
    },
  ];
}

// ---------------------------------------------------------------------------------------------

const BOOKKEEPING = new Set(['data_version', 'row_hash', 'admin_edited', 'version', 'updated_at', 'ipc_act_code', 'bns_act_code']);

function toCsvRow(r: DbRow): CsvRow {
  const out: CsvRow = {};
  for (const [k, v] of Object.entries(r)) {
    if (BOOKKEEPING.has(k)) continue;
    if (v === null || v === undefined) out[k] = '';
    else if (Array.isArray(v)) out[k] = v.join(';');
    else if (v instanceof Date) out[k] = v.toISOString().slice(0, 10);
    else out[k] = String(v);
  }
  return out;
}

/**
 * Reads the master data tables back into a Catalogue (with the same checks as the files),
 * so that rows an administrator edited in the database are what the application uses.
 */
export async function readCatalogueFromDb(db: Kysely<any>): Promise<Catalogue> {
  const all = async (t: string) => (await db.selectFrom(t).selectAll().execute()).map(toCsvRow);
  const raw: RawMasterData = {
    acts: await all('act'),
    heads: await all('crime_head'),
    sections: await all('section'),
    map: await all('ipc_bns_map'),
    mo: await all('modus_operandi'),
    overrides: await all('section_override'),
  };
  return buildCatalogue(raw);
}

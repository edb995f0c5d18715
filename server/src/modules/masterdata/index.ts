/**
 * Acts and sections master data, and the legal rules derived from it.
 *
 * - Catalogue: `getCatalogue()` (the shipped CSVs, read once), lookups by act + section,
 *   `sensitiveSections`, IPC ↔ BNS mapping, crime heads, modus operandi.
 * - `searchSections(q, { date })`: the FIR form's section picker.
 * - `validateSections(items, offenceDate)`: per-item errors for a 422.
 * - Punishment bands and the clocks' rules, each with its legal basis: `band`,
 *   `preliminaryEnquiry` (BNSS 173(3)), `forensicVisit` (176(3)), `noticeOfAppearance` (35),
 *   `custodyLimit` (187(3), 60/90 days), `twoMonthInvestigation` (193(2)).
 * - `loadMasterData(db)`: upserts the CSV rows into the tables of migration 0020.
 */
import { getCatalogue } from './catalogue.js';

export * from './types.js';
export {
  Catalogue,
  buildCatalogue,
  getCatalogue,
  loadCatalogue,
  readMasterDataDir,
  setCatalogue,
  sectionKey,
  normaliseSectionCode,
  MASTERDATA_DIR,
  MASTERDATA_VERSION,
  type RawMasterData,
} from './catalogue.js';
export * from './punishment.js';
export * from './law.js';
export { searchSections, normaliseQuery, compareSectionCodes, type SearchOptions, type SectionHit } from './search.js';
export { loadMasterData, readCatalogueFromDb, type LoadResult } from './loader.js';

/** Keys ("BNS 64(1)", "POCSO 4") of the sections flagged sensitive in the shipped master data. */
export function sensitiveSections(): ReadonlySet<string> {
  return getCatalogue().sensitiveSections;
}

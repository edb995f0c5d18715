import { drawTable, registerTitle } from '../firs/pdf/table.js';
import { istDateTime, istTime, newDoc, toBuffer } from '../firs/pdf/text.js';
import type { GdEntryRow } from './repository.js';
import type { StationPlace } from './service.js';

/** The day's General Diary as a PDF: one row per entry, in number order, with corrections marked. */
export async function renderGdDayPdf(station: StationPlace, date: string, items: GdEntryRow[], printedAt: Date): Promise<Buffer> {
  const doc = newDoc({ info: { Title: `General Diary ${station.code} ${date}` } });
  registerTitle(
    doc,
    `General Diary / सामान्य दैनिकी (रोज़नामचा)`,
    `${station.name} / ${station.nameHi} (${station.code}) — ${date.split('-').reverse().join('/')}`,
    `Printed ${istDateTime(printedAt)} IST · ${items.length} entries`,
  );
  const byId = new Map(items.map((i) => [i.id, i]));
  const rows = items.map((e) => {
    const corrected = e.corrects_id ? byId.get(e.corrects_id) : undefined;
    const text = e.corrects_id ? `[Correction of entry ${corrected ? corrected.entry_no : e.corrects_id}] ${e.text}` : e.text;
    const officer = `${e.officer_name}${e.officer_rank ? ` (${e.officer_rank.replace(/_/g, ' ')})` : ''}`;
    return [String(e.entry_no), istTime(e.recorded_at), e.kind.replace(/_/g, ' '), text, officer];
  });
  drawTable(
    doc,
    [
      { label: 'No.', w: 34 },
      { label: 'Time', w: 40 },
      { label: 'Kind', w: 78 },
      { label: 'Entry / प्रविष्टि', w: 0 },
      { label: 'Officer', w: 110 },
    ],
    rows,
    { empty: 'No entries for this day. / इस दिन कोई प्रविष्टि नहीं।' },
  );
  return toBuffer(doc);
}

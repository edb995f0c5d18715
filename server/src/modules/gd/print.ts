import { istDateTime, istTime, newDoc, toBuffer, write, heightOf } from '../firs/pdf/text.js';
import type { GdEntryRow } from './repository.js';
import type { StationPlace } from './service.js';

/** The day's General Diary as a PDF: one row per entry, in number order, with corrections marked. */
export async function renderGdDayPdf(station: StationPlace, date: string, items: GdEntryRow[], printedAt: Date): Promise<Buffer> {
  const doc = newDoc({ info: { Title: `General Diary ${station.code} ${date}` } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  write(doc, `General Diary / सामान्य दैनिकी (रोज़नामचा)`, left, 40, { bold: true, size: 15, width, align: 'center' });
  write(doc, `${station.name} / ${station.nameHi} (${station.code}) — ${date.split('-').reverse().join('/')}`, left, undefined, {
    size: 11,
    width,
    align: 'center',
  });
  write(doc, `Printed ${istDateTime(printedAt)} IST · ${items.length} entries`, left, undefined, {
    size: 8,
    width,
    align: 'center',
    color: '#555',
  });
  doc.moveDown(0.8);

  const cols = [
    { label: 'No.', w: 34 },
    { label: 'Time', w: 40 },
    { label: 'Kind', w: 78 },
    { label: 'Entry / प्रविष्टि', w: width - 34 - 40 - 78 - 110 },
    { label: 'Officer', w: 110 },
  ];
  const byId = new Map(items.map((i) => [i.id, i]));
  const header = () => {
    let x = left;
    const y = doc.y;
    for (const c of cols) {
      write(doc, c.label, x + 2, y, { bold: true, size: 8.5, width: c.w - 4 });
      x += c.w;
    }
    doc
      .moveTo(left, y + 13)
      .lineTo(left + width, y + 13)
      .lineWidth(0.6)
      .stroke();
    doc.y = y + 16;
  };
  header();
  if (items.length === 0) write(doc, 'No entries for this day. / इस दिन कोई प्रविष्टि नहीं।', left, undefined, { size: 9, color: '#555' });
  for (const e of items) {
    const corrected = e.corrects_id ? byId.get(e.corrects_id) : undefined;
    const text = e.corrects_id ? `[Correction of entry ${corrected ? corrected.entry_no : e.corrects_id}] ${e.text}` : e.text;
    const officer = `${e.officer_name}${e.officer_rank ? ` (${e.officer_rank.replace(/_/g, ' ')})` : ''}`;
    const h = Math.max(heightOf(doc, text, cols[3].w - 4, { size: 8.5 }), heightOf(doc, officer, cols[4].w - 4, { size: 8.5 })) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      header();
    }
    const y = doc.y;
    const cells = [String(e.entry_no), istTime(e.recorded_at), e.kind.replace(/_/g, ' '), text, officer];
    let x = left;
    cells.forEach((c, i) => {
      write(doc, c, x + 2, y, { size: 8.5, width: cols[i].w - 4 });
      x += cols[i].w;
    });
    doc
      .moveTo(left, y + h - 2)
      .lineTo(left + width, y + h - 2)
      .lineWidth(0.2)
      .strokeColor('#999')
      .stroke()
      .strokeColor('black');
    doc.y = y + h;
  }
  return toBuffer(doc);
}

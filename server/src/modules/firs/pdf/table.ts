import { heightOf, write, type Doc } from './text.js';

/** A column of a printed register: its heading and width in points (0: whatever the others leave). */
export interface Column {
  label: string;
  w: number;
}

/**
 * A register printed as a table across pages (the GD day, the NCR register): the heading row
 * again at the top of each page, every row as tall as its tallest cell, a hairline under each.
 */
export function drawTable(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  opts: { size?: number; empty: string },
) {
  const size = opts.size ?? 8.5;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const fixed = columns.reduce((s, c) => s + c.w, 0);
  const cols = columns.map((c) => ({ label: c.label, w: c.w || width - fixed }));
  const header = () => {
    let x = left;
    const y = doc.y;
    for (const c of cols) {
      write(doc, c.label, x + 2, y, { bold: true, size, width: c.w - 4 });
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
  if (rows.length === 0) write(doc, opts.empty, left, undefined, { size: 9, color: '#555' });
  for (const cells of rows) {
    const h = Math.max(...cells.map((c, i) => heightOf(doc, c, cols[i].w - 4, { size }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      header();
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      write(doc, c, x + 2, y, { size, width: cols[i].w - 4 });
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
}

/** The centred title block of a printed register: title, what it covers, and when it was printed. */
export function registerTitle(doc: Doc, title: string, subtitle: string, printed: string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  write(doc, title, left, 40, { bold: true, size: 15, width, align: 'center' });
  write(doc, subtitle, left, undefined, { size: 11, width, align: 'center' });
  write(doc, printed, left, undefined, { size: 8, width, align: 'center', color: '#555' });
  doc.moveDown(0.8);
}

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
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heightOfRow = (cells: readonly string[]) => Math.max(...cells.map((c, i) => heightOf(doc, c, cols[i].w - 4, { size }))) + 6;
  const newPage = () => {
    doc.addPage();
    doc.y = doc.page.margins.top;
    header();
  };
  for (const row of rows) {
    let cells: readonly string[] = row;
    if (doc.y + heightOfRow(cells) > bottom()) newPage();
    // A row taller than a page (a long substance or entry) goes on over the next pages, under
    // the heading again, its first cell repeated with "(contd.)": nothing is drawn off the page.
    while (doc.y + heightOfRow(cells) > bottom()) {
      const room = bottom() - doc.y - 6;
      const split = cells.map((c, i) => splitToHeight(doc, c, cols[i].w - 4, room, size));
      drawRow(split.map(([head]) => head));
      const rest = split.map(([, r]) => r);
      if (rest.every((c) => !c)) {
        cells = [];
        break;
      }
      cells = [`${row[0]} (contd.)`, ...rest.slice(1)];
      newPage();
    }
    if (cells.length) drawRow(cells);
  }

  function drawRow(cells: readonly string[]) {
    const h = heightOfRow(cells);
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

/** The longest head of `text`, in whole words, that fits in `height` at `width`, and the rest ('' when all fits). */
export function splitToHeight(doc: Doc, text: string, width: number, height: number, size: number): [string, string] {
  if (heightOf(doc, text, width, { size }) <= height) return [text, ''];
  const words = text.split(/(\s+)/);
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (heightOf(doc, words.slice(0, mid).join(''), width, { size }) <= height) lo = mid;
    else hi = mid - 1;
  }
  // A single word wider than the room is cut by characters rather than lost.
  if (lo === 0) {
    let n = 1;
    while (n < text.length && heightOf(doc, text.slice(0, n + 1), width, { size }) <= height) n++;
    return [text.slice(0, n), text.slice(n)];
  }
  return [words.slice(0, lo).join('').trimEnd(), words.slice(lo).join('').trimStart()];
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

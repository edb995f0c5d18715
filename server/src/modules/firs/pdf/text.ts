import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocumentClass from 'pdfkit';

/**
 * Bilingual text for PDFs. The fonts are Noto Sans Devanagari as shipped through npm
 * (@fontsource/noto-sans-devanagari, OFL): its Devanagari subset for Hindi, shaped by
 * fontkit's Indic shaper (conjuncts such as क्ष श्र त्र द्ध and the pre-base matra ि come out
 * right), and its Latin subsets for English, digits and punctuation. A line of mixed
 * script is cut into runs and each run is set in the font that has its glyphs.
 */
const require = createRequire(import.meta.url);
const file = (subset: string, weight: 400 | 700) =>
  require.resolve(`@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-${subset}-${weight}-normal.woff`);

const FONTS = {
  deva: file('devanagari', 400),
  devaBold: file('devanagari', 700),
  latin: file('latin', 400),
  latinBold: file('latin', 700),
  latinExt: file('latin-ext', 400),
  latinExtBold: file('latin-ext', 700),
} as const;

export type Doc = PDFKit.PDFDocument;

// Parsing a font (above all the Devanagari one, with its shaping tables) costs far more than
// setting a page, so each font is parsed once per process with the fontkit that pdfkit itself
// uses, and every document embeds its own subset of the shared font objects.
let parsed: Record<string, unknown> | undefined;
function fonts(): Record<string, unknown> {
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buf: Uint8Array): unknown };
  parsed ??= Object.fromEntries(Object.entries(FONTS).map(([name, path]) => [name, fontkit.create(readFileSync(path))]));
  return parsed;
}

// pdfkit (~27 MB with fontkit) is loaded on the first PDF, not at start-up.
let PDFDocument: typeof PDFDocumentClass | undefined;

export function newDoc(opts: PDFKit.PDFDocumentOptions = {}): Doc {
  PDFDocument ??= require('pdfkit') as typeof PDFDocumentClass;
  const doc = new PDFDocument({ size: 'A4', margin: 40, bufferPages: true, ...opts });
  for (const [name, font] of Object.entries(fonts())) doc.registerFont(name, font as Buffer);
  doc.font('latin');
  return doc;
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

type Script = 'deva' | 'latin' | 'latinExt';
/** Devanagari (with its extensions), the rupee sign and the zero-width joiners that shape it. */
function isDeva(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x0900 && c <= 0x097f) ||
    (c >= 0x1cd0 && c <= 0x1cff) ||
    (c >= 0xa8e0 && c <= 0xa8ff) ||
    c === 0x20b9 ||
    c === 0x200c ||
    c === 0x200d
  );
}
const isLatinExt = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x0100 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff);
};

function scriptOf(ch: string): Script | null {
  if (isDeva(ch)) return 'deva';
  if (isLatinExt(ch)) return 'latinExt';
  if (/\s/.test(ch)) return null; // spaces join the run they are in
  return 'latin';
}

/** Cuts text into runs of one script; spaces stay with the run before them. */
export function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const ch of text) {
    const s = scriptOf(ch);
    const last = runs[runs.length - 1];
    if (last && (s === null || s === last.script)) last.text += ch;
    else runs.push({ script: s ?? 'latin', text: ch });
  }
  return runs;
}

export interface TextOpts {
  bold?: boolean;
  size?: number;
  color?: string;
  width?: number;
  align?: 'left' | 'center' | 'right';
}

interface Piece {
  font: string;
  text: string;
  width: number;
}
interface Line {
  pieces: { piece: Piece; x: number }[];
  width: number;
}

const fontFor = (script: Script, bold?: boolean) => {
  const f = script === 'deva' ? 'deva' : script === 'latinExt' ? 'latinExt' : 'latin';
  return bold ? `${f}Bold` : f;
};

/** Line height for a size: Devanagari needs room above (matras, repha) and below (u/uu matras). */
export const lineHeightOf = (size: number) => size * 1.5;

/**
 * Lays text out in lines of at most `width`, word by word. Each word is cut into script runs,
 * measured and later drawn in its own font, so a word is always shaped as a whole. pdfkit's
 * own `continued` text cannot mix fonts across wrapped or centred lines reliably; this can.
 */
function layout(doc: Doc, text: string, width: number, size: number, bold?: boolean): Line[] {
  doc.fontSize(size);
  const measure = (font: string, t: string) => doc.font(font).widthOfString(t);
  const space = measure(fontFor('latin', bold), ' ');
  const lines: Line[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line: Line = { pieces: [], width: 0 };
    const words = para.split(/ +/).filter((w, i, all) => w !== '' || all.length === 1);
    for (const word of words) {
      let pieces = scriptRuns(word).map((r) => ({
        font: fontFor(r.script, bold),
        text: r.text,
        width: measure(fontFor(r.script, bold), r.text),
      }));
      let w = pieces.reduce((a, p) => a + p.width, 0);
      const gap = line.pieces.length ? space : 0;
      if (line.pieces.length && line.width + gap + w > width) {
        lines.push(line);
        line = { pieces: [], width: 0 };
      }
      // A single word wider than the line (a URL): cut it by characters.
      while (w > width && pieces.length === 1 && pieces[0].text.length > 1) {
        const p = pieces[0];
        let n = p.text.length;
        while (n > 1 && measure(p.font, p.text.slice(0, n)) > width - line.width) n--;
        const head = { font: p.font, text: p.text.slice(0, n), width: measure(p.font, p.text.slice(0, n)) };
        line.pieces.push({ piece: head, x: line.width });
        line.width += head.width;
        lines.push(line);
        line = { pieces: [], width: 0 };
        const rest = p.text.slice(n);
        pieces = [{ font: p.font, text: rest, width: measure(p.font, rest) }];
        w = pieces[0].width;
      }
      let x = line.width + (line.pieces.length ? space : 0);
      for (const p of pieces) {
        line.pieces.push({ piece: p, x });
        x += p.width;
      }
      line.width = x;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Writes text that may mix Devanagari and Latin at (x, y), or at the cursor, wrapped to
 * `width`. Leaves the cursor below it and returns the height used. Never adds a page: the
 * caller decides page breaks (heightOf tells it how much room the text needs).
 */
export function write(doc: Doc, text: string, x?: number, y?: number, opts: TextOpts = {}): number {
  const size = opts.size ?? 10;
  const left = x ?? doc.page.margins.left;
  const top = y ?? doc.y;
  const width = opts.width ?? doc.page.width - doc.page.margins.right - left;
  const lh = lineHeightOf(size);
  const lines = layout(doc, text, width, size, opts.bold);
  doc.fillColor(opts.color ?? 'black');
  // Drawing below the bottom margin must not make pdfkit start a page.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  lines.forEach((line, i) => {
    const offset = opts.align === 'center' ? (width - line.width) / 2 : opts.align === 'right' ? width - line.width : 0;
    for (const { piece, x: px } of line.pieces) {
      doc
        .font(piece.font)
        .fontSize(size)
        .text(piece.text, left + offset + px, top + i * lh + (lh - size * 1.2) / 2, { lineBreak: false });
    }
  });
  doc.page.margins.bottom = margin;
  const h = lines.length * lh;
  doc.x = left;
  doc.y = top + h;
  doc.fillColor('black');
  return h;
}

/** The height `text` takes at `width`, exactly as write() would lay it out. */
export function heightOf(doc: Doc, text: string, width: number, opts: TextOpts = {}): number {
  const size = opts.size ?? 10;
  return layout(doc, text, width, size, opts.bold).length * lineHeightOf(size);
}

const IST = 5.5 * 3600_000;
/** dd/mm/yyyy hh:mm in IST. */
export function istDateTime(d: Date | string | null | undefined): string {
  if (!d) return '—';
  const t = new Date(new Date(d).getTime() + IST).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}
export function istDay(d: Date | string): string {
  const t = new Date(new Date(d).getTime() + IST).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}
export function istTime(d: Date | string): string {
  return new Date(new Date(d).getTime() + IST).toISOString().slice(11, 16);
}
const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  hi: ['रविवार', 'सोमवार', 'मंगलवार', 'बुधवार', 'गुरुवार', 'शुक्रवार', 'शनिवार'],
};
export function istWeekday(d: Date | string, lang: 'en' | 'hi'): string {
  return WEEKDAYS[lang][new Date(new Date(d).getTime() + IST).getUTCDay()];
}

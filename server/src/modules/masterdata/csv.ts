/**
 * A small RFC 4180 CSV reader and writer for the master data files.
 *
 * Handles quoted fields with commas, doubled quotes and line breaks, CRLF or LF line ends
 * and a UTF-8 byte-order mark (spreadsheets add one). The first row is the header.
 * Throws on a row whose field count differs from the header's, naming the line, so that a
 * hand-edited file with a stray comma fails loudly instead of shifting columns.
 */
export type CsvRow = Record<string, string>;

export function parseCsv(text: string, source = 'csv'): CsvRow[] {
  const rows = parseRecords(text.replace(/^\uFEFF/, ''), source);
  if (rows.length === 0) return [];
  const header = rows[0].fields.map((h) => h.trim());
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) throw new Error(`${source}: column "${dup}" appears twice in the header`);
  const out: CsvRow[] = [];
  for (const { line, fields } of rows.slice(1)) {
    if (fields.length === 1 && fields[0].trim() === '') continue; // blank line
    if (fields.length !== header.length) {
      throw new Error(`${source}:${line}: expected ${header.length} fields, found ${fields.length}`);
    }
    const row: CsvRow = {};
    header.forEach((h, i) => (row[h] = fields[i]));
    out.push(row);
  }
  return out;
}

function parseRecords(text: string, source: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      sawAny = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      sawAny = false;
      line++;
      recordLine = line;
    } else {
      field += c;
      sawAny = true;
    }
  }
  if (inQuotes) throw new Error(`${source}:${recordLine}: unterminated quoted field`);
  if (sawAny || field !== '') {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** Writes rows as CSV with the given column order, quoting only where needed. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

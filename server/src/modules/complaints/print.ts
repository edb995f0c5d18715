import { drawTable, registerTitle } from '../firs/pdf/table.js';
import { istDateTime, newDoc, toBuffer, write } from '../firs/pdf/text.js';
import type { listNcrs } from './repository.js';

type NcrRow = Awaited<ReturnType<typeof listNcrs>>[number];

const day = (d: string) => d.split('-').reverse().join('/');

/** An NCR's sections as stored ([{ act, section }]) in words: "BNS 351(2), BNS 115(2)". */
export function ncrSectionsText(sections: unknown): string {
  if (!Array.isArray(sections)) return '';
  return sections
    .map((s: { act?: unknown; section?: unknown }) => [s?.act, s?.section].filter((x) => typeof x === 'string').join(' '))
    .filter(Boolean)
    .join(', ');
}

/**
 * The register of non-cognizable reports between two days, as the station forwards it to the
 * Magistrate: BNSS 174(1) has the officer enter the substance of the information in the
 * prescribed book, refer the informant to the Magistrate, and forward the daily diary report
 * of all such cases fortnightly to the Magistrate.
 */
export async function renderNcrRegisterPdf(
  place: string,
  range: { from: string; to: string },
  rows: readonly NcrRow[],
  printedAt: Date,
): Promise<Buffer> {
  const doc = newDoc({ info: { Title: `NCR register ${place} ${range.from} to ${range.to}` } });
  registerTitle(
    doc,
    'Register of non-cognizable reports / असंज्ञेय रिपोर्ट रजिस्टर',
    `${place} — ${day(range.from)} to ${day(range.to)}`,
    `BNSS 174(1): fortnightly report to the Magistrate · Printed ${istDateTime(printedAt)} IST · ${rows.length} reports`,
  );
  drawTable(
    doc,
    [
      { label: 'NCR No.', w: 52 },
      { label: 'Recorded', w: 62 },
      { label: 'GD entry', w: 52 },
      { label: 'Sections', w: 70 },
      { label: 'Substance / सार', w: 0 },
      { label: 'Referred to', w: 80 },
      { label: 'Officer', w: 80 },
    ],
    rows.map((n) => [
      n.ncr_number,
      istDateTime(n.recorded_at),
      `${n.gd_entry_no} of ${day(n.gd_day)}`,
      ncrSectionsText(n.sections),
      n.substance,
      n.referred_to,
      `${n.officer_name}${n.officer_rank ? ` (${n.officer_rank.replace(/_/g, ' ')})` : ''}`,
    ]),
    { empty: 'No non-cognizable report in this period. / इस अवधि में कोई असंज्ञेय रिपोर्ट नहीं।' },
  );
  doc.moveDown(2);
  const left = doc.page.margins.left;
  write(doc, 'Officer in charge of the police station / थाना प्रभारी', left, undefined, {
    width: doc.page.width - left - doc.page.margins.right,
    align: 'right',
    size: 9,
  });
  return toBuffer(doc);
}

/**
 * The final report (IIF-5) as a PDF, in English or Hindi, laid out like the police form: case
 * particulars, the kind of report, the IO, the accused charged (with sections and custody or
 * bail), the accused not charged, the witnesses to be examined, the documents (with SHA-256, so
 * the court can check each copy: BNSS 230) and the material objects, the brief facts, and the
 * SHO's forwarding. Uses the firs module's Devanagari text helper (shaped conjuncts).
 *
 * A victim of a sexual offence or of an offence against a child appears without a name
 * (BNS 72; POCSO s.23): the court package and the PDF never carry it.
 */
import { heightOf, istDateTime, istDay, newDoc, toBuffer, write } from '../firs/pdf/text.js';
import { CLOSURE_LABELS, CUSTODY_LABELS, KIND_LABELS, type FinalReportContent } from './content.js';

type Lang = 'en' | 'hi';
type L = { en: string; hi: string };

export interface ReportPdfData {
  stateCode: string;
  districtName: string;
  districtNameHi: string;
  stationCode: string;
  stationName: string;
  stationNameHi: string;
  firNumber: string;
  year: number;
  registeredAt: Date;
  reportNo: number;
  content: FinalReportContent;
  io: { name: string; rank: string | null };
  court: { name: string; nameHi: string } | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  /** Absent for a draft: the PDF says DRAFT on every page. */
  packageId: string | null;
  printedAt: Date;
}

const LABELS = {
  title: { en: 'FINAL REPORT', hi: 'अंतिम प्रतिवेदन' },
  under: {
    en: '(Under Section 193 of the Bharatiya Nagarik Suraksha Sanhita, 2023) — Form IIF-5',
    hi: '(भारतीय नागरिक सुरक्षा संहिता, 2023 की धारा 193 के अंतर्गत) — प्रपत्र आईआईएफ-5',
  },
  draft: { en: 'DRAFT — not approved, not filed', hi: 'प्रारूप — अनुमोदित नहीं, दाखिल नहीं' },
  i1: { en: 'District / P.S. / Year / FIR No. / Date of FIR', hi: 'जिला / थाना / वर्ष / एफआईआर सं. / एफआईआर की तिथि' },
  i2: { en: 'Final report no. / date', hi: 'अंतिम प्रतिवेदन सं. / तिथि' },
  i3: { en: 'Acts and sections (FIR)', hi: 'अधिनियम और धाराएं (एफआईआर)' },
  i4: { en: 'Type of final report', hi: 'अंतिम प्रतिवेदन का प्रकार' },
  i5: { en: 'Investigating officer', hi: 'विवेचना अधिकारी' },
  i6: { en: 'Court', hi: 'न्यायालय' },
  i7: { en: 'Accused charge-sheeted', hi: 'आरोपित अभियुक्त' },
  i8: { en: 'Accused not charge-sheeted', hi: 'अनारोपित अभियुक्त' },
  i9: { en: 'Witnesses to be examined', hi: 'परीक्षण हेतु साक्षी' },
  i10: { en: 'Documents relied upon (SHA-256)', hi: 'आधारित दस्तावेज़ (SHA-256)' },
  i11: { en: 'Material objects (seized property)', hi: 'वस्तुगत साक्ष्य (जब्त संपत्ति)' },
  i12: { en: 'Brief facts and result of investigation', hi: 'संक्षिप्त तथ्य और विवेचना का परिणाम' },
  i13: { en: 'Grounds of closure', hi: 'खात्मा के आधार' },
  i14: { en: 'Forwarded by the officer in charge', hi: 'थाना प्रभारी द्वारा अग्रेषित' },
  none: { en: 'None', hi: 'कोई नहीं' },
  father: { en: 'father', hi: 'पिता' },
  age: { en: 'age', hi: 'आयु' },
  years: { en: 'years', hi: 'वर्ष' },
  juvenile: { en: 'child in conflict with law', hi: 'विधि से संघर्षरत बालक' },
  sections: { en: 'Sections', hi: 'धाराएं' },
  custody: { en: 'Custody', hi: 'अभिरक्षा' },
  arrested: { en: 'arrested', hi: 'गिरफ्तारी' },
  since: { en: 'since', hi: 'से' },
  reason: { en: 'Reason', hi: 'कारण' },
  statement: { en: 'statement', hi: 'कथन' },
  withheld: { en: 'Victim — identity withheld (BNS 72)', hi: 'पीड़ित — पहचान गोपनीय (बीएनएस 72)' },
  seizure: { en: 'Seizure memo', hi: 'जब्ती फर्द' },
  item: { en: 'item', hi: 'वस्तु' },
  at: { en: 'now at', hi: 'वर्तमान में' },
  submitted: { en: 'Submitted by the IO', hi: 'विवेचक द्वारा प्रस्तुत' },
  approved: { en: 'Approved and forwarded', hi: 'अनुमोदित एवं अग्रेषित' },
  pending: { en: 'Awaiting approval', hi: 'अनुमोदन लंबित' },
  sign: { en: 'Signature', hi: 'हस्ताक्षर' },
  package: { en: 'E-filing package', hi: 'ई-फाइलिंग पैकेज' },
  printed: { en: 'Generated', hi: 'तैयार' },
  page: { en: 'Page', hi: 'पृष्ठ' },
  of: { en: 'of', hi: 'में से' },
} satisfies Record<string, L>;

const ROLE: Record<string, L> = {
  witness: { en: 'witness', hi: 'साक्षी' },
  complainant: { en: 'complainant', hi: 'शिकायतकर्ता' },
  victim: { en: 'victim', hi: 'पीड़ित' },
};

const LOCATION: Record<string, L> = {
  seized: { en: 'with the IO', hi: 'विवेचक के पास' },
  malkhana: { en: 'malkhana', hi: 'मालखाना' },
  fsl: { en: 'forensic laboratory', hi: 'विधि विज्ञान प्रयोगशाला' },
  court: { en: 'court', hi: 'न्यायालय' },
  released: { en: 'released to owner', hi: 'स्वामी को सुपुर्द' },
  destroyed: { en: 'destroyed', hi: 'नष्ट' },
};

const rupees = (n: number) => `Rs. ${n.toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;
const RANK: Record<string, L> = {
  asi: { en: 'ASI', hi: 'सउनि' },
  si: { en: 'SI', hi: 'उनि' },
  inspector: { en: 'Inspector', hi: 'निरीक्षक' },
  head_constable: { en: 'Head Constable', hi: 'प्रधान आरक्षक' },
  dsp: { en: 'DSP', hi: 'उपुअ' },
};

/** Renders the report. Deterministic apart from the PDF's own creation date, so the filed bytes are kept, not re-rendered. */
export async function renderFinalReportPdf(d: ReportPdfData, lang: Lang): Promise<Buffer> {
  const t = (l: L) => l[lang];
  const c = d.content;
  const doc = newDoc({
    info: { Title: `Final report ${d.reportNo}, FIR ${d.firNumber} ${d.stationCode}`, Subject: 'Final report (IIF-5)' },
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 16;

  write(doc, `${t(LABELS.title)} — ${t(KIND_LABELS[c.kind])}`, left, 40, { bold: true, size: 15, width, align: 'center' });
  write(doc, t(LABELS.under), left, undefined, { size: 8.5, width, align: 'center' });
  if (!d.packageId) write(doc, t(LABELS.draft), left, undefined, { size: 10, bold: true, width, align: 'center', color: '#b00020' });
  doc.moveDown(0.5);

  const numW = 26;
  const labelW = 150;
  const valueW = width - numW - labelW;
  const row = (no: string, label: string, value: string) => {
    const h = Math.max(heightOf(doc, label, labelW - 6, { size: 8.5, bold: true }), heightOf(doc, value, valueW - 6, { size: 9 })) + 8;
    if (doc.y + h > bottom()) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    const y = doc.y;
    doc.rect(left, y, width, h).lineWidth(0.4).strokeColor('#888').stroke().strokeColor('black');
    write(doc, no, left + 3, y + 4, { size: 8.5, bold: true, width: numW - 6 });
    write(doc, label, left + numW + 3, y + 4, { size: 8.5, bold: true, width: labelW - 6 });
    write(doc, value, left + numW + labelW + 3, y + 4, { size: 9, width: valueW - 6 });
    doc.y = y + h;
  };

  const station = lang === 'hi' ? d.stationNameHi : d.stationName;
  const district = lang === 'hi' ? d.districtNameHi : d.districtName;
  const title = (s: { titleEn: string | null; titleHi: string | null }) => (lang === 'hi' ? s.titleHi : s.titleEn);
  const sec = (s: { act: string; section: string; titleEn: string | null; titleHi: string | null }) =>
    `${s.act} ${s.section}${title(s) ? ` (${title(s)})` : ''}`;
  const rank = (r: string | null) => (r ? (RANK[r] ? t(RANK[r]) : r.replace(/_/g, ' ')) : '');

  row('1', t(LABELS.i1), `${district} / ${station} (${d.stationCode}) / ${d.year} / ${d.firNumber} / ${istDay(d.registeredAt)}`);
  row('2', t(LABELS.i2), `${d.reportNo} / ${d.approvedAt ? istDay(d.approvedAt) : d.submittedAt ? istDay(d.submittedAt) : '—'}`);
  row('3', t(LABELS.i3), c.firSections.map(sec).join('\n') || t(LABELS.none));
  row(
    '4',
    t(LABELS.i4),
    c.kind === 'closure' && c.closureReason ? `${t(KIND_LABELS.closure)}: ${t(CLOSURE_LABELS[c.closureReason])}` : t(KIND_LABELS[c.kind]),
  );
  row('5', t(LABELS.i5), `${d.io.name}${d.io.rank ? `, ${rank(d.io.rank)}` : ''} — ${station}`);
  row('6', t(LABELS.i6), d.court ? (lang === 'hi' ? d.court.nameHi : d.court.name) : '—');

  const person = (a: {
    code: string;
    name: string;
    nameHi: string | null;
    fatherName: string | null;
    ageYears: number | null;
    sex: string | null;
    address: string | null;
    juvenile: boolean;
  }) =>
    [
      `${a.code}. ${lang === 'hi' && a.nameHi ? a.nameHi : a.name}`,
      a.fatherName ? `${t(LABELS.father)} ${a.fatherName}` : null,
      a.ageYears !== null ? `${t(LABELS.age)} ${a.ageYears} ${t(LABELS.years)}` : null,
      a.address,
      a.juvenile ? `(${t(LABELS.juvenile)})` : null,
    ]
      .filter(Boolean)
      .join(', ');
  const custody = (k: { status: keyof typeof CUSTODY_LABELS; since: string | null; arrestedAt: string | null }) =>
    `${t(LABELS.custody)}: ${t(CUSTODY_LABELS[k.status])}${k.arrestedAt ? `; ${t(LABELS.arrested)} ${istDateTime(k.arrestedAt)}` : ''}${k.since && k.since !== k.arrestedAt ? `; ${t(LABELS.since)} ${istDay(k.since)}` : ''}`;

  row(
    '7',
    t(LABELS.i7),
    c.accusedCharged.length
      ? c.accusedCharged
          .map(
            (a) =>
              `${person(a)}\n${t(LABELS.sections)}: ${a.sections.map((s) => `${s.act} ${s.section}`).join(', ')}\n${custody(a.custody)}`,
          )
          .join('\n\n')
      : t(LABELS.none),
  );
  row(
    '8',
    t(LABELS.i8),
    c.accusedNotCharged.length
      ? c.accusedNotCharged.map((a) => `${person(a)}\n${t(LABELS.reason)}: ${a.reason}\n${custody(a.custody)}`).join('\n\n')
      : t(LABELS.none),
  );
  row(
    '9',
    t(LABELS.i9),
    c.witnesses.length
      ? c.witnesses
          .map((w) => {
            const who = w.identityWithheld
              ? `${w.code}. ${t(LABELS.withheld)}`
              : `${w.code}. ${w.name} (${ROLE[w.role] ? t(ROLE[w.role]) : w.role})${w.address ? `, ${w.address}` : ''}`;
            const st = w.statements.length
              ? ` — ${t(LABELS.statement)} ${w.statements.map((s) => `${s.no} (${istDay(s.recordedAt)})`).join(', ')}`
              : '';
            return `${who}${st}`;
          })
          .join('\n')
      : t(LABELS.none),
  );
  row(
    '10',
    t(LABELS.i10),
    c.documents.length
      ? c.documents.map((x, i) => `${i + 1}. ${x.title} — ${x.fileName}, ${x.sizeBytes} B\nSHA-256 ${x.sha256}`).join('\n')
      : t(LABELS.none),
  );
  row(
    '11',
    t(LABELS.i11),
    c.materialObjects.length
      ? c.materialObjects
          .map(
            (m) =>
              `${t(LABELS.seizure)} ${m.seizureMemoNo}, ${t(LABELS.item)} ${m.itemNo}: ${m.description} × ${m.quantity} ${m.unit}${m.identifyingMarks ? ` (${m.identifyingMarks})` : ''}, ${rupees(m.value)}; ${t(LABELS.at)} ${LOCATION[m.location] ? t(LOCATION[m.location]) : m.location}`,
          )
          .join('\n')
      : t(LABELS.none),
  );
  const facts = (lang === 'hi' ? c.briefFacts.hi || c.briefFacts.en : c.briefFacts.en || c.briefFacts.hi) || t(LABELS.none);
  row('12', t(LABELS.i12), facts);
  if (c.kind === 'closure')
    row('13', t(LABELS.i13), c.closureGrounds || (c.closureReason ? t(CLOSURE_LABELS[c.closureReason]) : t(LABELS.none)));
  row(
    c.kind === 'closure' ? '14' : '13',
    t(LABELS.i14),
    [
      d.submittedAt ? `${t(LABELS.submitted)}: ${d.io.name}, ${istDateTime(d.submittedAt)} IST` : null,
      d.approvedAt ? `${t(LABELS.approved)}: ${d.approvedBy ?? ''}, ${istDateTime(d.approvedAt)} IST` : t(LABELS.pending),
      d.packageId ? `${t(LABELS.package)}: ${d.packageId}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  );

  // Signature block.
  if (doc.y + 70 > bottom()) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  const y = doc.y + 20;
  const half = width / 2 - 10;
  doc
    .moveTo(left, y + 30)
    .lineTo(left + half, y + 30)
    .lineWidth(0.5)
    .stroke();
  doc
    .moveTo(left + half + 20, y + 30)
    .lineTo(left + width, y + 30)
    .lineWidth(0.5)
    .stroke();
  write(doc, `${t(LABELS.sign)}: ${t(LABELS.i5)}`, left, y + 34, { size: 8, width: half, color: '#555' });
  write(doc, `${t(LABELS.sign)}: ${t(LABELS.i14)}`, left + half + 20, y + 34, { size: 8, width: half, color: '#555' });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const fy = doc.page.height - doc.page.margins.bottom + 8;
    write(
      doc,
      `${d.packageId ? '' : `${t(LABELS.draft)} · `}FIR ${d.firNumber} · ${d.stationCode} · ${t(LABELS.printed)} ${istDateTime(d.printedAt)} IST · ${t(LABELS.page)} ${i + 1} ${t(LABELS.of)} ${range.count}`,
      left,
      fy,
      { size: 7, width, align: 'center', color: '#555' },
    );
  }
  return toBuffer(doc);
}

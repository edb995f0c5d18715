import type { FirCopyData } from '../presenter.js';
import { WITHHELD_TEXT } from '../presenter.js';
import { heightOf, istDateTime, istWeekday, newDoc, toBuffer, write, type Doc } from './text.js';

type Lang = 'en' | 'hi';
type L = { en: string; hi: string };

const LABELS = {
  title: { en: 'FIRST INFORMATION REPORT', hi: 'प्रथम सूचना रिपोर्ट' },
  under: {
    en: '(Under Section 173 of the Bharatiya Nagarik Suraksha Sanhita, 2023)',
    hi: '(भारतीय नागरिक सुरक्षा संहिता, 2023 की धारा 173 के अंतर्गत)',
  },
  free: { en: 'Free copy to the informant / victim — BNSS 173(2)', hi: 'सूचनाकर्ता / पीड़ित को निःशुल्क प्रति — बीएनएसएस 173(2)' },
  i1: { en: 'District / P.S. / Year / FIR No. / Date and time of FIR', hi: 'जिला / थाना / वर्ष / एफआईआर सं. / एफआईआर की तिथि और समय' },
  i2: { en: 'Acts and sections', hi: 'अधिनियम और धाराएं' },
  i3a: { en: 'Occurrence of offence: day, date and time (from – to)', hi: 'अपराध की घटना: दिन, तिथि और समय (से – तक)' },
  i3b: { en: 'Information received at P.S.', hi: 'थाने पर सूचना प्राप्त होने का समय' },
  i3c: { en: 'General Diary reference: entry no., date and time', hi: 'सामान्य दैनिकी संदर्भ: प्रविष्टि सं., तिथि और समय' },
  i4: { en: 'Type of information', hi: 'सूचना का प्रकार' },
  i5: { en: 'Place of occurrence: direction and distance from P.S., beat, address', hi: 'घटनास्थल: थाने से दिशा और दूरी, बीट, पता' },
  i6: { en: 'Complainant / Informant', hi: 'शिकायतकर्ता / सूचनाकर्ता' },
  i6v: { en: 'Victim(s)', hi: 'पीड़ित' },
  i7: { en: 'Details of known / suspected / unknown accused', hi: 'ज्ञात / संदिग्ध / अज्ञात अभियुक्तों का विवरण' },
  i8: { en: 'Reasons for delay in reporting', hi: 'सूचना देने में विलंब के कारण' },
  i9: { en: 'Particulars of properties stolen / involved', hi: 'चोरी गई / संबंधित संपत्ति का विवरण' },
  i10: { en: 'Total value of property', hi: 'संपत्ति का कुल मूल्य' },
  i11: { en: 'Inquest report / U.D. case no., if any', hi: 'मृत्यु समीक्षा रिपोर्ट / यू.डी. प्रकरण सं., यदि कोई' },
  i12: { en: 'First information contents', hi: 'प्रथम सूचना की विषय-वस्तु' },
  i13: { en: 'Action taken', hi: 'की गई कार्यवाही' },
  i14: { en: 'Registering officer', hi: 'पंजीकरण अधिकारी' },
  zero: { en: 'Zero FIR / transfer', hi: 'शून्य एफआईआर / स्थानांतरण' },
  addenda: { en: 'Addenda (corrections recorded after registration)', hi: 'परिशिष्ट (पंजीकरण के बाद दर्ज सुधार)' },
  none: { en: 'None', hi: 'कोई नहीं' },
  name: { en: 'Name', hi: 'नाम' },
  relative: { en: 'Father’s / husband’s name', hi: 'पिता / पति का नाम' },
  birth: { en: 'Date / year of birth', hi: 'जन्म तिथि / वर्ष' },
  nationality: { en: 'Nationality', hi: 'राष्ट्रीयता' },
  idDoc: { en: 'Identity document', hi: 'पहचान दस्तावेज़' },
  occupation: { en: 'Occupation', hi: 'व्यवसाय' },
  address: { en: 'Address', hi: 'पता' },
  phone: { en: 'Phone', hi: 'फ़ोन' },
  known: { en: 'Known', hi: 'ज्ञात' },
  unknown: { en: 'Unknown', hi: 'अज्ञात' },
  km: { en: 'km', hi: 'कि.मी.' },
  beat: { en: 'Beat', hi: 'बीट' },
  from: { en: 'from', hi: 'से' },
  to: { en: 'to', hi: 'तक' },
  seal: { en: 'Station seal', hi: 'थाने की मुहर' },
  oic: { en: 'Officer in charge', hi: 'थाना प्रभारी' },
  sign: { en: 'Signature', hi: 'हस्ताक्षर' },
  verify: { en: 'Verify this copy', hi: 'इस प्रति का सत्यापन करें' },
  code: { en: 'Verification code', hi: 'सत्यापन कोड' },
  printed: { en: 'Copy generated', hi: 'प्रति तैयार की गई' },
  page: { en: 'Page', hi: 'पृष्ठ' },
  of: { en: 'of', hi: 'में से' },
  reason: { en: 'Reason', hi: 'कारण' },
  by: { en: 'by', hi: 'द्वारा' },
  victimsWithheld: { en: 'Withheld (BNS 72)', hi: 'रोका गया (बीएनएस 72)' },
} satisfies Record<string, L>;

const INFO_TYPE: Record<string, L> = {
  written: { en: 'Written', hi: 'लिखित' },
  oral: { en: 'Oral', hi: 'मौखिक' },
  electronic: { en: 'Electronic', hi: 'इलेक्ट्रॉनिक' },
};
const DIRECTION: Record<string, L> = {
  N: { en: 'North', hi: 'उत्तर' },
  NE: { en: 'North-east', hi: 'उत्तर-पूर्व' },
  E: { en: 'East', hi: 'पूर्व' },
  SE: { en: 'South-east', hi: 'दक्षिण-पूर्व' },
  S: { en: 'South', hi: 'दक्षिण' },
  SW: { en: 'South-west', hi: 'दक्षिण-पश्चिम' },
  W: { en: 'West', hi: 'पश्चिम' },
  NW: { en: 'North-west', hi: 'उत्तर-पश्चिम' },
};
const NATURE: Record<string, L> = {
  stolen: { en: 'stolen', hi: 'चोरी गई' },
  involved: { en: 'involved', hi: 'संबंधित' },
  recovered: { en: 'recovered', hi: 'बरामद' },
};
const STAGE: Record<string, L> = { registered: { en: 'Registered', hi: 'पंजीकृत' } };

const rupees = (n: number) => `Rs. ${n.toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;
const groupCode = (c: string) => c.match(/.{1,4}/g)!.join('-');

/** The free FIR copy as a PDF. `data` has already been shaped by firCopyData (what may be shared). */
export async function renderFirCopyPdf(data: FirCopyData, lang: Lang, opts: { verifyUrl: string; printedAt: Date }): Promise<Buffer> {
  const t = (l: L) => l[lang];
  const doc = newDoc({ info: { Title: `FIR ${data.firNumber} ${data.stationCode}`, Subject: 'FIR copy (IIF-1)' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 16;

  write(doc, t(LABELS.title), left, 40, { bold: true, size: 16, width, align: 'center' });
  write(doc, t(LABELS.under), left, undefined, { size: 9, width, align: 'center' });
  write(doc, t(LABELS.free), left, undefined, { size: 9, width, align: 'center', color: '#444' });
  doc.moveDown(0.6);

  const numW = 28;
  const labelW = 165;
  const valueW = width - numW - labelW;
  const row = (no: string, label: string, value: string) => {
    const h = Math.max(heightOf(doc, label, labelW - 6, { size: 9, bold: true }), heightOf(doc, value, valueW - 6, { size: 9.5 })) + 8;
    if (doc.y + h > bottom()) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    const y = doc.y;
    doc.rect(left, y, width, h).lineWidth(0.4).strokeColor('#888').stroke().strokeColor('black');
    write(doc, no, left + 3, y + 4, { size: 9, bold: true, width: numW - 6 });
    write(doc, label, left + numW + 3, y + 4, { size: 9, bold: true, width: labelW - 6 });
    write(doc, value, left + numW + labelW + 3, y + 4, { size: 9.5, width: valueW - 6 });
    doc.y = y + h;
  };

  const stationName = lang === 'hi' ? data.stationNameHi : data.stationName;
  row(
    '1',
    t(LABELS.i1),
    `${lang === 'hi' ? data.districtNameHi : data.districtName} / ${stationName} (${data.stationCode}) / ${data.year} / ${data.firNumber} / ${istDateTime(data.registeredAt)} (${istWeekday(data.registeredAt, lang)})`,
  );
  row(
    '2',
    t(LABELS.i2),
    data.sections
      .map((s) => `${s.act} ${s.section}${(lang === 'hi' ? s.titleHi : s.titleEn) ? ` — ${lang === 'hi' ? s.titleHi : s.titleEn}` : ''}`)
      .join('\n'),
  );
  const o = data.occurrence;
  row(
    '3(a)',
    t(LABELS.i3a),
    `${istWeekday(o.from, lang)}, ${t(LABELS.from)} ${istDateTime(o.from)}${o.to ? ` ${t(LABELS.to)} ${istDateTime(o.to)}` : ''}`,
  );
  row('3(b)', t(LABELS.i3b), istDateTime(data.informationReceivedAt));
  row('3(c)', t(LABELS.i3c), `${data.gdEntry.entryNo} — ${istDateTime(data.gdEntry.recordedAt)}`);
  row('4', t(LABELS.i4), t(INFO_TYPE[data.informationType]));
  const where = [
    o.direction || (o.distanceKm !== null && o.distanceKm !== undefined)
      ? `${o.direction ? t(DIRECTION[o.direction]) : ''}${o.distanceKm !== null && o.distanceKm !== undefined ? ` ${o.distanceKm} ${t(LABELS.km)}` : ''}`.trim()
      : null,
    o.beatCode ? `${t(LABELS.beat)} ${o.beatCode}${o.beatName ? ` (${o.beatName})` : ''}` : null,
    o.place,
  ].filter(Boolean);
  row('5', t(LABELS.i5), where.join('; '));

  const c = data.complainant;
  if (c.withheld) row('6', t(LABELS.i6), t(WITHHELD_TEXT));
  else
    row(
      '6',
      t(LABELS.i6),
      [
        `${t(LABELS.name)}: ${c.name}`,
        c.relativeName ? `${t(LABELS.relative)}: ${c.relativeName}` : null,
        c.dateOfBirth || c.yearOfBirth ? `${t(LABELS.birth)}: ${c.dateOfBirth ?? c.yearOfBirth}` : null,
        c.nationality ? `${t(LABELS.nationality)}: ${c.nationality}` : null,
        c.idDocument ? `${t(LABELS.idDoc)}: ${c.idDocument.type.replace(/_/g, ' ')} ${c.idDocument.number}` : null,
        c.occupation ? `${t(LABELS.occupation)}: ${c.occupation}` : null,
        c.address ? `${t(LABELS.address)}: ${c.address}` : null,
        c.phone ? `${t(LABELS.phone)}: ${c.phone}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  if (data.victimsWithheld) row('6(v)', t(LABELS.i6v), t(LABELS.victimsWithheld));
  else if (data.victims.length)
    row(
      '6(v)',
      t(LABELS.i6v),
      data.victims
        .map((v, i) => `${i + 1}. ${v.name}${v.age !== null && v.age !== undefined ? `, ${v.age}` : ''}${v.sex ? `, ${v.sex}` : ''}`)
        .join('\n'),
    );
  row(
    '7',
    t(LABELS.i7),
    data.accused.length
      ? data.accused
          .map((a, i) =>
            a.known
              ? `A${i + 1}. ${t(LABELS.known)}: ${a.name}${a.relativeName ? `, ${t(LABELS.relative)} ${a.relativeName}` : ''}${a.age !== null && a.age !== undefined ? `, ${a.age}` : ''}${a.address ? `, ${a.address}` : ''}${a.description ? ` — ${a.description}` : ''}`
              : `A${i + 1}. ${t(LABELS.unknown)}: ${a.description ?? ''}`,
          )
          .join('\n')
      : t(LABELS.none),
  );
  row('8', t(LABELS.i8), data.delayReason ?? t(LABELS.none));
  row(
    '9',
    t(LABELS.i9),
    data.propertyItems.length
      ? data.propertyItems
          .map(
            (p, i) =>
              `${i + 1}. ${p.description}${p.nature ? ` (${NATURE[p.nature] ? t(NATURE[p.nature]) : p.nature})` : ''} — ${rupees(p.value)}`,
          )
          .join('\n')
      : t(LABELS.none),
  );
  row('10', t(LABELS.i10), rupees(data.propertyTotalValue));
  row('11', t(LABELS.i11), data.inquestReportNo ?? t(LABELS.none));
  row('12', t(LABELS.i12), data.narrative);
  row('13', t(LABELS.i13), data.actionTaken);
  row(
    '14',
    t(LABELS.i14),
    `${data.registeringOfficer.name}${data.registeringOfficer.rank ? ` (${data.registeringOfficer.rank.replace(/_/g, ' ')})` : ''}, ${stationName} — ${t(STAGE[data.stage] ?? { en: data.stage, hi: data.stage })}`,
  );
  if (data.zeroFir || data.originFir || data.transfer) {
    const parts: string[] = [];
    if (data.zeroFir && data.jurisdictionStation)
      parts.push(`Zero FIR → ${data.jurisdictionStation.name} (${data.jurisdictionStation.code})`);
    if (data.transfer?.transferredFir)
      parts.push(`→ ${data.transfer.transferredFir.stationCode} ${data.transfer.transferredFir.firNumber}`);
    else if (data.transfer) parts.push(`→ ${data.transfer.toStationCode} (${data.transfer.state})`);
    if (data.originFir) parts.push(`← ${data.originFir.stationCode} ${data.originFir.firNumber}`);
    row('', t(LABELS.zero), parts.join('; '));
  }
  if (data.addenda.length) {
    row(
      '',
      t(LABELS.addenda),
      data.addenda
        .map((a) => `${a.seq}. ${istDateTime(a.createdAt)} ${t(LABELS.by)} ${a.authorName} — ${t(LABELS.reason)}: ${a.reason}\n${a.text}`)
        .join('\n\n'),
    );
  }

  await sealAndVerification(doc, data, lang, opts, stationName);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 8;
    write(
      doc,
      `FIR ${data.firNumber} · ${data.stationCode} · ${t(LABELS.printed)} ${istDateTime(opts.printedAt)} IST · ${t(LABELS.page)} ${i + 1} ${t(LABELS.of)} ${range.count}`,
      left,
      y,
      { size: 7.5, width, align: 'center', color: '#555' },
    );
  }
  return toBuffer(doc);
}

async function sealAndVerification(doc: Doc, data: FirCopyData, lang: Lang, opts: { verifyUrl: string }, stationName: string) {
  const t = (l: L) => l[lang];
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const h = 120;
  if (doc.y + h + 14 > doc.page.height - doc.page.margins.bottom - 16) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  const y = doc.y + 12;
  // Seal block: space for the rubber stamp and the officer in charge's signature.
  const sealW = width * 0.58;
  doc.rect(left, y, sealW, h).lineWidth(0.6).stroke();
  doc
    .circle(left + 55, y + h / 2, 40)
    .dash(3, { space: 3 })
    .lineWidth(0.6)
    .strokeColor('#777')
    .stroke()
    .undash()
    .strokeColor('black');
  write(doc, t(LABELS.seal), left + 20, y + h / 2 - 6, { size: 8, width: 70, align: 'center', color: '#777' });
  write(doc, `${t(LABELS.oic)}`, left + 110, y + 14, { size: 10, bold: true, width: sealW - 120 });
  write(doc, `${stationName} (${data.stationCode}), ${lang === 'hi' ? data.districtNameHi : data.districtName}`, left + 110, undefined, {
    size: 9,
    width: sealW - 120,
  });
  if (data.stationPhone) write(doc, data.stationPhone, left + 110, undefined, { size: 9, width: sealW - 120 });
  doc
    .moveTo(left + 110, y + h - 28)
    .lineTo(left + sealW - 12, y + h - 28)
    .lineWidth(0.5)
    .stroke();
  write(doc, t(LABELS.sign), left + 110, y + h - 24, { size: 8, width: sealW - 120, color: '#555' });

  // Verification: QR to /verify/<code> and the code in words.
  const qx = left + sealW + 10;
  const qw = width - sealW - 10;
  doc.rect(qx, y, qw, h).lineWidth(0.6).stroke();
  const png = await (await import('qrcode')).default.toBuffer(opts.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  doc.image(png, qx + 6, y + 6, { width: 90, height: 90 });
  write(doc, t(LABELS.verify), qx + 102, y + 8, { size: 8.5, bold: true, width: qw - 108 });
  write(doc, `${t(LABELS.code)}:`, qx + 102, undefined, { size: 8, width: qw - 108 });
  write(doc, groupCode(data.verificationCode), qx + 102, undefined, { size: 10, bold: true, width: qw - 108 });
  write(doc, opts.verifyUrl, qx + 6, y + h - 18, { size: 6.5, width: qw - 12, color: '#333' });
  doc.y = y + h + 6;
}

import type { Notice } from '../notify/service.js';

/** The citizen's notices about a complaint, in English and Hindi. Times in IST. */

const IST_OFFSET_MS = 5.5 * 3600_000;

/** "15-01-2026 14:05 IST". */
export function istDateTime(d: Date): string {
  const s = new Date(d.getTime() + IST_OFFSET_MS).toISOString();
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)} ${s.slice(11, 16)} IST`;
}

/** "15-01-2026". */
export function istDay(d: Date): string {
  const s = new Date(d.getTime() + IST_OFFSET_MS).toISOString();
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)}`;
}

const FOOTER_EN = 'Track it under "My complaints" on the citizen portal. Do not reply to this message.';
const FOOTER_HI = 'नागरिक पोर्टल पर "मेरी शिकायतें" में इसकी स्थिति देखें। इस संदेश का उत्तर न दें।';

export function acknowledgementNotice(p: {
  ack: string;
  stationName: string;
  stationNameHi: string;
  at: Date;
  efirSignDueAt: Date | null;
}): Notice {
  const efirEn = p.efirSignDueAt
    ? ` This is an e-FIR: visit PS ${p.stationName} and sign it by ${istDateTime(p.efirSignDueAt)} (BNSS 173(1)(ii)); it is taken on record only when signed.`
    : '';
  const efirHi = p.efirSignDueAt
    ? ` यह ई-एफआईआर है: ${istDateTime(p.efirSignDueAt)} तक थाना ${p.stationNameHi} जाकर इस पर हस्ताक्षर करें (बीएनएसएस 173(1)(ii)); हस्ताक्षर के बाद ही यह अभिलेख पर ली जाएगी।`
    : '';
  return {
    kind: 'complaint_acknowledgement',
    subject: `Complaint received: ${p.ack} / शिकायत प्राप्त: ${p.ack}`,
    emailText: [
      `Your complaint was received by PS ${p.stationName} on ${istDateTime(p.at)}. Acknowledgement number: ${p.ack}.${efirEn}`,
      FOOTER_EN,
      '',
      `आपकी शिकायत ${istDateTime(p.at)} को थाना ${p.stationNameHi} में प्राप्त हुई। पावती संख्या: ${p.ack}।${efirHi}`,
      FOOTER_HI,
    ].join('\n'),
    smsText: `CCTNS: complaint received, ack no. ${p.ack}.${p.efirSignDueAt ? ` e-FIR: sign at PS ${p.stationName} by ${istDay(p.efirSignDueAt)}.` : ''} / शिकायत प्राप्त, पावती ${p.ack}।`,
  };
}

/** A change in the complaint's status, with what the citizen should know (e.g. the closure reason). */
export function complaintUpdateNotice(p: { ack: string; en: string; hi: string }): Notice {
  return {
    kind: 'complaint_update',
    subject: `Update on your complaint ${p.ack} / आपकी शिकायत ${p.ack} पर अद्यतन`,
    emailText: [`Complaint ${p.ack}: ${p.en}`, FOOTER_EN, '', `शिकायत ${p.ack}: ${p.hi}`, FOOTER_HI].join('\n'),
    smsText: `CCTNS ${p.ack}: ${p.en.length > 110 ? `${p.en.slice(0, 107)}...` : p.en}`,
  };
}

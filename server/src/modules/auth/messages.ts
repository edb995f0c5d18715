import type { Notice } from '../notify/service.js';

/** The account notices, in English and Hindi. Times are shown in IST. */

const IST_OFFSET_MS = 5.5 * 3600_000;

/** "14:05" in IST. */
export function istClock(d: Date): string {
  return new Date(d.getTime() + IST_OFFSET_MS).toISOString().slice(11, 16);
}

/** "15-01-2026 14:05 IST". */
export function istDateTime(d: Date): string {
  const s = new Date(d.getTime() + IST_OFFSET_MS).toISOString();
  return `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)} ${s.slice(11, 16)} IST`;
}

const FOOTER_EN = 'If this was not you, contact your administrator or the police helpline at once.';
const FOOTER_HI = 'यदि यह आपने नहीं किया, तो तुरंत अपने प्रशासक या पुलिस हेल्पलाइन से संपर्क करें।';

export function passwordResetOtpNotice(code: string, minutes: number, expiresAt: Date): Notice {
  return {
    kind: 'password_reset_otp',
    subject: 'CCTNS password reset code / पासवर्ड रीसेट कोड',
    emailText: [
      `Your CCTNS password reset code is ${code}. It is valid for ${minutes} minutes and can be used once.`,
      'Do not share it with anyone, not even police staff. If you did not ask for it, ignore this message; your password stays as it is.',
      '',
      `आपका CCTNS पासवर्ड रीसेट कोड ${code} है। यह ${minutes} मिनट तक और केवल एक बार मान्य है।`,
      'इसे किसी के साथ साझा न करें, पुलिस कर्मियों के साथ भी नहीं। यदि आपने इसका अनुरोध नहीं किया, तो इस संदेश को अनदेखा करें; आपका पासवर्ड नहीं बदलेगा।',
    ].join('\n'),
    smsText: `CCTNS: ${code} is your password reset code, valid ${minutes} min. Do not share it. / पासवर्ड रीसेट कोड ${code}, ${minutes} मिनट तक मान्य। किसी को न बताएं।`,
    secret: true,
    expiresAt,
  };
}

export function newDeviceNotice(device: string, ip: string | null, at: Date): Notice {
  const when = istDateTime(at);
  const where = ip ? ` (IP ${ip})` : '';
  return {
    kind: 'new_device_login',
    subject: 'CCTNS: login from a new device / नए उपकरण से लॉगिन',
    emailText: [
      `Your CCTNS account was logged in to from a device not seen before: ${device}${where}, at ${when}.`,
      FOOTER_EN,
      '',
      `आपके CCTNS खाते में एक नए उपकरण से लॉगिन हुआ: ${device}${where}, ${when} पर।`,
      FOOTER_HI,
    ].join('\n'),
    smsText: `CCTNS: login from a new device (${device}) at ${when}. Not you? Contact your administrator. / नए उपकरण से लॉगिन हुआ। आप नहीं थे? प्रशासक से संपर्क करें।`,
  };
}

export function passwordChangedNotice(at: Date, how: 'changed' | 'reset'): Notice {
  const when = istDateTime(at);
  const en = how === 'reset' ? 'was reset with a code sent to you' : 'was changed';
  const hi = how === 'reset' ? 'आपको भेजे गए कोड से रीसेट किया गया' : 'बदला गया';
  return {
    kind: `password_${how}`,
    subject: 'CCTNS: your password was changed / आपका पासवर्ड बदला गया',
    emailText: [
      `Your CCTNS password ${en} at ${when}. Your other sessions have been ended.`,
      FOOTER_EN,
      '',
      `आपका CCTNS पासवर्ड ${when} पर ${hi}। आपके अन्य सत्र समाप्त कर दिए गए हैं।`,
      FOOTER_HI,
    ].join('\n'),
    smsText: `CCTNS: your password ${en} at ${when}. Not you? Contact your administrator. / आपका पासवर्ड ${hi}। आप नहीं थे? प्रशासक से संपर्क करें।`,
  };
}

export function mfaChangedNotice(at: Date, change: 'enabled' | 'reset_by_admin'): Notice {
  const when = istDateTime(at);
  const en =
    change === 'enabled' ? 'Two-factor authentication was switched on for' : 'An administrator reset the two-factor authentication of';
  const hi =
    change === 'enabled' ? 'आपके CCTNS खाते पर दो-चरणीय प्रमाणीकरण चालू किया गया' : 'एक प्रशासक ने आपके CCTNS खाते का दो-चरणीय प्रमाणीकरण रीसेट किया';
  const next =
    change === 'reset_by_admin'
      ? { en: 'You will be asked to set it up again at your next login.', hi: 'अगले लॉगिन पर आपसे इसे फिर से सेट करने को कहा जाएगा।' }
      : { en: 'Keep your recovery codes somewhere safe.', hi: 'अपने रिकवरी कोड सुरक्षित स्थान पर रखें।' };
  return {
    kind: `mfa_${change}`,
    subject: 'CCTNS: two-factor authentication changed / दो-चरणीय प्रमाणीकरण बदला गया',
    emailText: [`${en} your CCTNS account at ${when}. ${next.en}`, FOOTER_EN, '', `${hi} (${when})। ${next.hi}`, FOOTER_HI].join('\n'),
    smsText: `CCTNS: ${en.toLowerCase()} your account at ${when}. Not you? Contact your administrator. / ${hi}।`,
  };
}

import type { Lang } from '../../i18n/index.tsx';

/** The English or Hindi of a pair the server sends (labelEn/labelHi). */
export const pick = (lang: Lang, en: string | null | undefined, hi: string | null | undefined): string =>
  lang === 'hi' && hi ? hi : (en ?? '');

/** Badge colour for a complaint status. */
export function statusBadge(status: string): string {
  switch (status) {
    case 'fir_registered':
      return 'badge badge-ok';
    case 'closed':
    case 'ncr_recorded':
      return 'badge badge-neutral';
    case 'preliminary_enquiry':
      return 'badge badge-warn';
    default:
      return 'badge badge-warn';
  }
}

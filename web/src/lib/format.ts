import type { Lang } from '../i18n/catalog.ts';

/** Every time is shown in India Standard Time, whatever the browser's zone. */
export const IST = 'Asia/Kolkata';

const locale = (lang: Lang) => (lang === 'hi' ? 'hi-IN' : 'en-IN');

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), { timeZone: IST, ...opts });
    cache.set(k, f);
  }
  return f;
}

function toDate(v: string | number | Date): Date | undefined {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "15 Jan 2026, 12:00 pm IST" */
export function formatDateTime(v: string | number | Date | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  const d = toDate(v);
  if (!d) return String(v);
  return `${dtf(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d)} IST`;
}

export function formatDate(v: string | number | Date | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  const d = toDate(v);
  return d ? dtf(lang, { dateStyle: 'medium' }).format(d) : String(v);
}

/** "14:05" in IST, for "locked until HH:MM". */
export function formatTime(v: string | number | Date, lang: Lang): string {
  const d = toDate(v);
  return d ? dtf(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d) : String(v);
}

/** Indian digit grouping: 1,23,456. */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** A datetime-local input's value ('2026-01-15T12:00', read as IST) as an ISO instant. */
export function istLocalToIso(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(`${v.length === 16 ? `${v}:00` : v}+05:30`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

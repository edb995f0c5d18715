import { ApiError } from '../api.ts';
import type { Lang } from '../i18n/catalog.ts';
import type { T } from '../i18n/index.tsx';

/** The text to show for any failure, in the UI language: the server's own words when it sent them. */
export function errorText(e: unknown, lang: Lang, t: T): string {
  if (e instanceof ApiError) {
    // A route this server does not have (yet): say so plainly rather than "No such address".
    if (e.code === 'route_not_found') return t('common.not_available');
    if (e.fromServer) return lang === 'hi' && e.messageHi ? e.messageHi : e.message;
    if (e.code === 'network_error') return t('error.network');
    if (e.status === 429) return t('error.rate_limited', { seconds: e.retryAfterSeconds ?? 60 });
    if (e.status >= 500) return t('error.server');
    return t('error.unknown');
  }
  if (e instanceof ClientError) return t(e.key, e.vars);
  return t('error.unknown');
}

/** A problem found in the browser before anything is sent (a required field left empty). */
export class ClientError extends Error {
  constructor(
    readonly key: string,
    readonly fieldKeys: Record<string, string> = {},
    readonly vars?: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** Field → message for a failure: the server's `fields`, or the browser's own checks (translated). */
export function fieldErrorsOf(e: unknown, t: T): Record<string, string> {
  if (e instanceof ApiError) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.fields)) out[k.replace(/^(querystring|params)\./, '')] = v;
    return out;
  }
  if (e instanceof ClientError) {
    const out: Record<string, string> = {};
    for (const [k, key] of Object.entries(e.fieldKeys)) out[k] = t(key);
    return out;
  }
  return {};
}

/** Field → message key for each required field left empty. */
export function missingFields(values: Record<string, unknown>, names: string[]): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const n of names) {
    const v = values[n];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) missing[n] = 'common.required';
  }
  return missing;
}

/**
 * Throws a ClientError naming the empty required fields, plus any `extra` problems
 * (field → message key) found by the caller.
 */
export function requireFields(values: Record<string, unknown>, names: string[], extra: Record<string, string> = {}): void {
  const problems = { ...missingFields(values, names), ...extra };
  if (Object.keys(problems).length) throw new ClientError('error.fix_fields', problems);
}

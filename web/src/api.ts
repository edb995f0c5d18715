/**
 * The one way the web app talks to the server.
 *
 * - Sends the session's CSRF token on every state-changing request (the server refuses
 *   POST/PATCH/PUT/DELETE without it).
 * - Turns the server's `{error:{code,message,messageHi,fields}}` into an ApiError.
 * - Reports session problems to whoever listens (the session provider): 401
 *   session_expired / not_authenticated → log-in screen, 401 mfa_required → code screen,
 *   403 password_change_required → password change screen, 403 mfa_enrolment_required →
 *   two-factor set-up.
 * - Remembers when the server last saw us, for the idle-timeout warning.
 */
export const API_BASE = '/api/v1';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageHi: string | undefined,
    readonly fields: FieldErrors = {},
    readonly retryAfterSeconds?: number,
    readonly body?: unknown,
  ) {
    super(message);
  }
  /** True when the server sent its own message (not a network failure or an unreadable answer). */
  get fromServer(): boolean {
    return this.status > 0 && this.message !== '';
  }
}

export type AuthProblem = 'not_authenticated' | 'session_expired' | 'mfa_required' | 'password_change_required' | 'mfa_enrolment_required';

type Listener = (p: AuthProblem) => void;
const authListeners = new Set<Listener>();
/** The session provider listens here; returns an unsubscribe function. */
export function onAuthProblem(l: Listener): () => void {
  authListeners.add(l);
  return () => authListeners.delete(l);
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

// When the server last accepted a request from this session (ms since epoch).
let lastContact = 0;
const contactListeners = new Set<() => void>();
export function lastServerContact(): number {
  return lastContact;
}
export function onServerContact(l: () => void): () => void {
  contactListeners.add(l);
  return () => contactListeners.delete(l);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Don't tell the session provider about 401/403 (the log-in screens handle their own). */
  quiet?: boolean;
  headers?: Record<string, string>;
}

const SAFE = new Set(['GET', 'HEAD']);

export async function request<T = unknown>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const started = Date.now();
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', '', undefined);
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (res.ok) {
    markContact(started);
    return data as T;
  }

  const e = (data as { error?: { code?: string; message?: string; messageHi?: string; fields?: FieldErrors } } | undefined)?.error;
  const retry = Number(res.headers.get('Retry-After'));
  const err = new ApiError(
    res.status,
    e?.code ?? `http_${res.status}`,
    e?.message ?? '',
    e?.messageHi,
    e?.fields ?? {},
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    data,
  );
  if (res.status !== 401) markContact(started);
  if (!opts.quiet) {
    const code = err.code;
    if (res.status === 401 && (code === 'session_expired' || code === 'not_authenticated' || code === 'mfa_required')) emit(code);
    else if (res.status === 403 && (code === 'password_change_required' || code === 'mfa_enrolment_required')) emit(code);
  }
  throw err;
}

function markContact(at: number) {
  lastContact = at;
  for (const l of contactListeners) l();
}

function emit(p: AuthProblem) {
  for (const l of authListeners) l(p);
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

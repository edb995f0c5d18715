import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, onAuthProblem, setCsrfToken, type AuthProblem } from './api.ts';
import { matchPath, queryString } from './router.tsx';
import { loginPath, safeNext } from './session.tsx';
import { errorText } from './components/errors.ts';
import { estimateStrength } from './features/account/strength.ts';
import { idleDeadline } from './shell/IdleWarning.tsx';
import { formatDateTime } from './lib/format.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(undefined);
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const calls: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push(init);
      return json(200, { ok: true });
    });
    setCsrfToken('tok-123');
    await api.get('/dashboard');
    await api.post('/auth/logout');
    await api.patch('/admin/users/x', { version: 1 });
    const h = calls.map((c) => (c.headers as Record<string, string>)['X-CSRF-Token']);
    expect(h).toEqual([undefined, 'tok-123', 'tok-123']);
  });

  it('turns the error shape into an ApiError with both messages and the fields', async () => {
    vi.stubGlobal('fetch', async () =>
      json(422, {
        error: {
          code: 'posting_required',
          message: 'This role needs a police station.',
          messageHi: 'इस भूमिका के लिए पुलिस थाना आवश्यक है।',
          fields: { stationId: 'required' },
        },
      }),
    );
    const e = await api.post('/admin/users', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect([err.status, err.code, err.fields]).toEqual([422, 'posting_required', { stationId: 'required' }]);
    const t = (k: string) => k;
    expect(errorText(err, 'hi', t)).toBe('इस भूमिका के लिए पुलिस थाना आवश्यक है।');
    expect(errorText(err, 'en', t)).toBe('This role needs a police station.');
  });

  it('reports an ended session, a pending second factor and a required password change, unless told to be quiet', async () => {
    const seen: AuthProblem[] = [];
    const off = onAuthProblem((p) => seen.push(p));
    const answers = [
      json(401, { error: { code: 'session_expired', message: 'm', messageHi: 'h' } }),
      json(401, { error: { code: 'invalid_credentials', message: 'm', messageHi: 'h' } }),
      json(403, { error: { code: 'password_change_required', message: 'm', messageHi: 'h' } }),
      json(403, { error: { code: 'mfa_enrolment_required', message: 'm', messageHi: 'h' } }),
      json(401, { error: { code: 'not_authenticated', message: 'm', messageHi: 'h' } }),
    ];
    vi.stubGlobal('fetch', async () => answers.shift()!);
    for (let i = 0; i < 4; i++) await api.get('/x').catch(() => undefined);
    await api.get('/x', { quiet: true }).catch(() => undefined);
    off();
    expect(seen).toEqual(['session_expired', 'password_change_required', 'mfa_enrolment_required']);
  });

  it('names a network failure and a rate limit in the UI language', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const t = (k: string, v?: Record<string, string | number>) => `${k}${v ? JSON.stringify(v) : ''}`;
    expect(errorText(await api.get('/x').catch((e: unknown) => e), 'en', t)).toBe('error.network');
    vi.stubGlobal('fetch', async () => new Response('', { status: 429, headers: { 'Retry-After': '42' } }));
    expect(errorText(await api.get('/x').catch((e: unknown) => e), 'en', t)).toBe('error.rate_limited{"seconds":42}');
  });
});

describe('router', () => {
  it('matches paths with parameters', () => {
    expect(matchPath('/admin/users/:id', '/admin/users/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/admin/users/:id', '/admin/users')).toBeUndefined();
    expect(matchPath('/', '/')).toEqual({});
  });
  it('builds query strings without empty values', () => {
    expect(queryString({ q: 'ram', role: '', offset: 0, x: undefined })).toBe('?q=ram&offset=0');
  });
});

describe('after login', () => {
  it('follows only same-site paths (no open redirect)', () => {
    expect(safeNext('/admin/users?q=x')).toBe('/admin/users?q=x');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(loginPath({ next: '/admin/audit', reason: 'expired' })).toBe('/login?next=%2Fadmin%2Faudit&reason=expired');
  });
});

describe('strength estimate while typing', () => {
  it('refuses short passwords and rewards length, not symbols', () => {
    expect(estimateStrength('Ab1!').score).toBe(0);
    expect(estimateStrength('Ab1!').reasons).toContain('too_short');
    expect(estimateStrength('monsoon clouds over the vindhya range').score).toBe(4);
    expect(estimateStrength('aaaaaaaaaaaaaaa').reasons).toContain('repetitive');
  });
});

describe('idle warning', () => {
  it('puts the deadline at the idle limit after the last contact, less the server’s touch slack', () => {
    expect(idleDeadline(1_000_000, 30)).toBe(1_000_000 - 30_000 + 30 * 60_000);
  });
});

describe('dates', () => {
  it('shows times in IST whatever the browser zone', () => {
    expect(formatDateTime('2026-01-15T06:30:00Z', 'en')).toMatch(/15 Jan 2026, 12:00\s?pm IST/i);
  });
});

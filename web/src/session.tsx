import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onAuthProblem, setCsrfToken, type AuthProblem } from './api.ts';
import { navigate } from './router.tsx';
import type { Role } from './policy.ts';

/** GET /api/v1/meta: the state this deployment serves. */
export interface Meta {
  stateCode: string;
  stateName: string;
  stateNameHi: string;
  demo: boolean;
  captcha: boolean;
  sessionIdleMinutes: number;
}

export interface User {
  id: string;
  username: string;
  name: string;
  nameHi: string | null;
  role: Role;
  rank: string | null;
  stationId: string | null;
  subdivisionId: string | null;
  districtId: string | null;
  stateCode: string;
  passwordTemporary: boolean;
  mfaEnabled?: boolean;
  /** The password is temporary and must be changed before anything else. */
  passwordChangeRequired?: boolean;
  /** The role must use two-factor authentication and this user has not set it up yet. */
  mfaEnrolmentRequired?: boolean;
}

/** What POST /auth/login and /auth/login/mfa may answer. */
export interface LoginAnswer {
  user?: User;
  csrfToken?: string;
  mfaRequired?: boolean;
  mfaEnrolmentRequired?: boolean;
  passwordChangeRequired?: boolean;
}

export type Status = 'loading' | 'anonymous' | 'mfa' | 'authenticated';

interface SessionValue {
  meta: Meta | undefined;
  metaError: unknown;
  status: Status;
  user: User | undefined;
  /** Why the user is anonymous now: their session timed out, or they logged out. */
  reason: 'expired' | undefined;
  /** Takes a login (or second-factor) answer and goes where it says. */
  signedIn: (a: LoginAnswer, next?: string) => void;
  /**
   * Re-reads /auth/me; resolves false when there is no session. `quiet: false` lets an ended
   * session take the user to the log-in screen ("your session has ended").
   */
  refresh: (opts?: { quiet?: boolean }) => Promise<boolean>;
  logout: () => Promise<void>;
  updateUser: (patch: Partial<User>) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

const here = () => window.location.pathname + window.location.search;
const isAuthPath = (p: string) => p.startsWith('/login') || p.startsWith('/logged-out') || p.startsWith('/password/');

export const PASSWORD_CHANGE_PATH = '/account/password';
export const MFA_ENROL_PATH = '/account/two-factor';
export const MFA_LOGIN_PATH = '/login/mfa';

export function loginPath(opts: { next?: string; reason?: 'expired' } = {}): string {
  const q = new URLSearchParams();
  if (opts.next && opts.next !== '/' && !isAuthPath(opts.next)) q.set('next', opts.next);
  if (opts.reason) q.set('reason', opts.reason);
  const s = q.toString();
  return s ? `/login?${s}` : '/login';
}

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(n: string | null | undefined): string {
  return n && n.startsWith('/') && !n.startsWith('//') && !isAuthPath(n) ? n : '/';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | undefined>();
  const [metaError, setMetaError] = useState<unknown>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUser] = useState<User | undefined>();
  const [reason, setReason] = useState<'expired' | undefined>();

  const clear = useCallback((s: Status) => {
    setCsrfToken(undefined);
    setUser(undefined);
    setStatus(s);
  }, []);

  const refresh = useCallback(
    async (opts: { quiet?: boolean } = {}) => {
      try {
        const me = await api.get<User & { csrfToken: string }>('/auth/me', { quiet: opts.quiet ?? true });
        const { csrfToken, ...u } = me;
        setCsrfToken(csrfToken);
        setUser({ ...u, passwordTemporary: u.passwordTemporary || !!u.passwordChangeRequired });
        setStatus('authenticated');
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'mfa_required') {
          clear('mfa');
          return false;
        }
        if (e instanceof ApiError && e.status === 401) {
          clear('anonymous');
          return false;
        }
        // The server is unreachable: keep what we had; screens show their own errors.
        setStatus((s) => (s === 'loading' ? 'anonymous' : s));
        return false;
      }
    },
    [clear],
  );

  useEffect(() => {
    api
      .get<Meta>('/meta')
      .then(setMeta)
      .catch((e: unknown) => setMetaError(e));
    void refresh();
  }, [refresh]);

  // Session problems reported by any request, anywhere in the app.
  useEffect(
    () =>
      onAuthProblem((p: AuthProblem) => {
        if (p === 'session_expired' || p === 'not_authenticated') {
          const was = here();
          clear('anonymous');
          setReason(p === 'session_expired' ? 'expired' : undefined);
          if (!isAuthPath(window.location.pathname))
            navigate(loginPath({ next: was, reason: p === 'session_expired' ? 'expired' : undefined }), { replace: true });
        } else if (p === 'mfa_required') {
          clear('mfa');
          navigate(MFA_LOGIN_PATH, { replace: true });
        } else if (p === 'password_change_required') {
          setUser((u) => (u ? { ...u, passwordTemporary: true } : u));
          navigate(PASSWORD_CHANGE_PATH, { replace: true });
        } else if (p === 'mfa_enrolment_required') {
          setUser((u) => (u ? { ...u, mfaEnrolmentRequired: true } : u));
          navigate(`${MFA_ENROL_PATH}?required=1`, { replace: true });
        }
      }),
    [clear],
  );

  const signedIn = useCallback((a: LoginAnswer, next?: string) => {
    if (a.csrfToken) setCsrfToken(a.csrfToken);
    setReason(undefined);
    if (a.mfaRequired || !a.user) {
      setUser(undefined);
      setStatus('mfa');
      navigate(MFA_LOGIN_PATH + (next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''), { replace: true });
      return;
    }
    const u = {
      ...a.user,
      passwordTemporary: a.user.passwordTemporary || !!a.passwordChangeRequired,
      mfaEnrolmentRequired: !!a.mfaEnrolmentRequired,
    };
    setUser(u);
    setStatus('authenticated');
    // The server's order: a temporary password first, then the two-factor set-up.
    if (u.passwordTemporary) navigate(PASSWORD_CHANGE_PATH, { replace: true });
    else if (u.mfaEnrolmentRequired) navigate(`${MFA_ENROL_PATH}?required=1`, { replace: true });
    else navigate(safeNext(next), { replace: true });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, { quiet: true });
    } catch {
      /* the session may already have ended; the screen still says so */
    }
    setCsrfToken(undefined);
    // A full load drops every record held in this page's memory, and replaces the history
    // entry, so Back cannot bring data back (the API answers no-store).
    window.location.replace('/logged-out');
  }, []);

  const updateUser = useCallback((patch: Partial<User>) => setUser((u) => (u ? { ...u, ...patch } : u)), []);

  const value = useMemo(
    () => ({ meta, metaError, status, user, reason, signedIn, refresh, logout, updateUser }),
    [meta, metaError, status, user, reason, signedIn, refresh, logout, updateUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

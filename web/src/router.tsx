import { createContext, useContext, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * A very small history router: the app needs paths with `:params`, links and navigation,
 * not a dependency. Features declare their routes in `features/<f>/routes.tsx`.
 */
const NAV_EVENT = 'cctns:navigate';

function subscribe(cb: () => void) {
  window.addEventListener('popstate', cb);
  window.addEventListener(NAV_EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(NAV_EVENT, cb);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Loc {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

let lastHref = '';
let lastLoc: Loc = { pathname: '/', search: new URLSearchParams(), href: '/' };

/** The current location; re-renders on navigation. */
export function useLocation(): Loc {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  if (href !== lastHref) {
    const u = new URL(href, 'http://x');
    lastHref = href;
    lastLoc = { pathname: u.pathname, search: u.searchParams, href };
  }
  return lastLoc;
}

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
}

/** Matches '/admin/users/:id' against a path; returns the params or undefined. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const p = pattern.split('/').filter(Boolean);
  const a = pathname.split('/').filter(Boolean);
  if (p.length !== a.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      try {
        params[p[i].slice(1)] = decodeURIComponent(a[i]);
      } catch {
        return undefined;
      }
    } else if (p[i] !== a[i]) return undefined;
  }
  return params;
}

const ParamsContext = createContext<Record<string, string>>({});
export const ParamsProvider = ({ params, children }: { params: Record<string, string>; children: ReactNode }) => (
  <ParamsContext.Provider value={params}>{children}</ParamsContext.Provider>
);
export const useParams = () => useContext(ParamsContext);

/** `?a=1&b=` from an object, skipping empty values. */
export function queryString(q: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (works with middle-click and "open in new tab") that navigates in place. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

import { useState, type ReactNode } from 'react';
import { features } from '../routes.ts';
import { allowed } from '../features/access.ts';
import type { NavItem } from '../features/types.ts';
import { localName, useT } from '../i18n/index.tsx';
import { LANGS } from '../i18n/catalog.ts';
import { Link, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { IdleWarning } from './IdleWarning.tsx';

const navItems: NavItem[] = features.flatMap((f) => f.nav ?? []).sort((a, b) => a.order - b.order);

function isActive(to: string, pathname: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** Header (state, language, user, logout), navigation drawn from the user's role, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, lang } = useT();
  const { meta, user, status } = useSession();
  const loc = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const signedIn = status === 'authenticated' && user;
  const showNav = signedIn && !user.passwordTemporary && !user.mfaEnrolmentRequired;
  const items = showNav ? navItems.filter((n) => allowed(user.role, n)) : [];
  const main = items.filter((n) => (n.group ?? 'main') === 'main');
  const account = items.filter((n) => n.group === 'account');
  const stateName = meta ? (lang === 'hi' ? meta.stateNameHi : meta.stateName) : '';

  const navLink = (n: NavItem) => (
    <li key={n.to}>
      <Link to={n.to} aria-current={isActive(n.to, loc.pathname) ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
        {t(n.labelKey)}
      </Link>
    </li>
  );

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip_to_content')}
      </a>
      {meta?.demo && (
        <div className="demo-banner" role="note">
          <strong>{t('app.demo.label')}</strong> {t('app.demo.text')}
        </div>
      )}
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <Emblem />
            <span className="brand-text">
              <span className="brand-title">{t('app.short_name')}</span>
              <span className="brand-state">{stateName || t('app.name')}</span>
            </span>
          </Link>
          <div className="top-actions">
            <LangSwitch />
            {signedIn && <UserBox />}
          </div>
        </div>
        {showNav && (
          <nav className="mainnav" aria-label={t('app.nav.label')}>
            <div className="mainnav-inner">
              <button
                type="button"
                className="menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="mainnav-lists"
                onClick={() => setMenuOpen((o) => !o)}
              >
                <span aria-hidden="true">☰</span> {t('app.nav.menu')}
              </button>
              <div id="mainnav-lists" className={menuOpen ? 'nav-lists open' : 'nav-lists'}>
                <ul className="nav-main">{main.map(navLink)}</ul>
                {account.length > 0 && (
                  <ul className="nav-account" aria-label={t('app.nav.account')}>
                    {account.map(navLink)}
                  </ul>
                )}
              </div>
            </div>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="footer-inner">
          <span>{t('app.footer', { state: stateName })}</span>
          <span>{t('app.footer_monitored')}</span>
        </div>
      </footer>
      {signedIn && meta && <IdleWarning idleMinutes={meta.sessionIdleMinutes} />}
    </>
  );
}

function LangSwitch() {
  const { t, lang, setLang } = useT();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {t(`app.lang.${l}`)}
        </button>
      ))}
    </div>
  );
}

function UserBox() {
  const { t, lang } = useT();
  const { user, logout } = useSession();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  return (
    <div className="userbox">
      <span className="user-id">
        <span className="user-name">{localName(lang, user)}</span>
        <span className="user-role">{t(`role.${user.role}`)}</span>
      </span>
      <button
        type="button"
        className="btn btn-logout"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void logout();
        }}
      >
        {t('app.logout')}
      </button>
    </div>
  );
}

function Emblem() {
  return (
    <svg className="emblem" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true" focusable="false">
      <path fill="#ffffff" d="M16 2 4 7v8c0 7.5 5.1 13.6 12 15 6.9-1.4 12-7.5 12-15V7z" />
      <path fill="#12355b" d="M16 4.3 6 8.5v6.6c0 6.3 4.2 11.5 10 12.8 5.8-1.3 10-6.5 10-12.8V8.5z" />
      <path fill="#f2b705" d="m16 8 2.1 4.9 5.3.4-4 3.5 1.2 5.2L16 19.3l-4.6 2.7 1.2-5.2-4-3.5 5.3-.4z" />
    </svg>
  );
}

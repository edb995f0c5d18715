import { useEffect, useRef, useState } from 'react';
import { lastServerContact, onServerContact } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { Button, Dialog } from '../components/ui.tsx';

/** The warning comes this long before the server's idle timeout. */
export const WARN_BEFORE_MS = 2 * 60_000;
/** The server refreshes a session's last-seen time at most this often, so it may lag by this much. */
export const SERVER_TOUCH_SLACK_MS = 30_000;
const CONTACT_KEY = 'cctns.lastContact';

/** When the server will end the session for idleness, judged from our last request (any tab). */
export function idleDeadline(lastContact: number, idleMinutes: number): number {
  return lastContact - SERVER_TOUCH_SLACK_MS + idleMinutes * 60_000;
}

/**
 * Warns 2 minutes before the idle timeout, offering "Stay signed in" (a request to the server,
 * which refreshes the session) or "Log out". Other tabs of the same browser share the last
 * contact time, so work in one tab keeps the others from warning.
 */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const { t } = useT();
  const { refresh, logout } = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [contact, setContact] = useState(() => Math.max(lastServerContact(), Number(localStorage.getItem(CONTACT_KEY)) || 0) || Date.now());
  const [busy, setBusy] = useState(false);
  const checking = useRef(false);

  useEffect(() => {
    const offContact = onServerContact(() => {
      const at = lastServerContact();
      setContact(at);
      try {
        localStorage.setItem(CONTACT_KEY, String(at));
      } catch {
        /* ignore */
      }
    });
    const onStorage = (e: StorageEvent) => {
      if (e.key === CONTACT_KEY && e.newValue) setContact((c) => Math.max(c, Number(e.newValue) || 0));
    };
    window.addEventListener('storage', onStorage);
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      offContact();
      window.removeEventListener('storage', onStorage);
      window.clearInterval(timer);
    };
  }, []);

  const deadline = idleDeadline(contact, idleMinutes);
  const left = deadline - now;
  const open = left <= WARN_BEFORE_MS;

  useEffect(() => {
    // At the deadline, ask the server: another tab may have kept the session alive; if not,
    // the answer (401 session_expired) takes us to the log-in screen.
    if (left > 0 || checking.current) return;
    checking.current = true;
    void refresh({ quiet: false }).finally(() => {
      checking.current = false;
    });
  }, [left, refresh]);

  const secs = Math.max(0, Math.ceil(left / 1000));
  const mmss = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;

  return (
    <Dialog
      open={open}
      title={t('app.idle.title')}
      role="alertdialog"
      describedBy="idle-desc"
      dismissible={false}
      onClose={() => undefined}
    >
      <p id="idle-desc">{t('app.idle.body', { minutes: Math.max(1, Math.round(WARN_BEFORE_MS / 60_000)) })}</p>
      <p className="idle-countdown" aria-hidden="true">
        {mmss}
      </p>
      <div className="button-row">
        <Button
          busy={busy}
          autoFocus
          onClick={() => {
            setBusy(true);
            void refresh({ quiet: false }).finally(() => setBusy(false));
          }}
        >
          {t('app.idle.stay')}
        </Button>
        <Button variant="secondary" onClick={() => void logout()}>
          {t('app.logout')}
        </Button>
      </div>
    </Dialog>
  );
}

import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { Button, ErrorAlert, Loading, Notice, Page } from '../../components/ui.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useState } from 'react';

/** GET /auth/sessions: the user's open sessions. */
interface SessionRow {
  id: string;
  current?: boolean;
  /** The server's short description ("Chrome on Windows"). */
  device?: string | null;
  userAgent?: string | null;
  ip?: string | null;
  createdAt?: string;
  lastSeenAt?: string;
  expiresAt?: string;
}

/** A short, readable name for a browser's user agent: "Chrome on Windows". */
export function deviceName(ua: string | null | undefined): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : undefined;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : undefined;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}

/** "Your sessions": where the account is logged in, with a button to end any of them. */
export default function SessionsPage() {
  const { t, lang } = useT();
  const { logout } = useSession();
  const list = useFetch<{ items: SessionRow[] }>('/auth/sessions');
  const [ended, setEnded] = useState<string | undefined>();
  const end = useAction(async (s: SessionRow) => {
    await api.del(`/auth/sessions/${encodeURIComponent(s.id)}`);
    if (s.current) {
      await logout();
      return;
    }
    setEnded(s.device || deviceName(s.userAgent));
    list.reload();
  });

  return (
    <Page title={t('account.sessions.title')}>
      <p>{t('account.sessions.intro')}</p>
      {ended && <Notice kind="success">{t('account.sessions.ended', { device: ended })}</Notice>}
      <ErrorAlert error={end.error ?? list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        list.data && (
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="sr-only">{t('account.sessions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.sessions.device')}</th>
                  <th scope="col">{t('account.sessions.ip')}</th>
                  <th scope="col">{t('account.sessions.started')}</th>
                  <th scope="col">{t('account.sessions.last_seen')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    <td data-label={t('account.sessions.device')}>
                      {s.device || deviceName(s.userAgent)}{' '}
                      {s.current && <span className="badge badge-ok">{t('account.sessions.this_one')}</span>}
                    </td>
                    <td data-label={t('account.sessions.ip')}>{s.ip ?? '—'}</td>
                    <td data-label={t('account.sessions.started')}>{formatDateTime(s.createdAt, lang)}</td>
                    <td data-label={t('account.sessions.last_seen')}>{formatDateTime(s.lastSeenAt, lang)}</td>
                    <td>
                      <Button variant={s.current ? 'secondary' : 'danger'} busy={end.busy} onClick={() => void end.run(s)}>
                        {s.current ? t('account.sessions.end_this') : t('account.sessions.end')}
                        <span className="sr-only"> {s.device || deviceName(s.userAgent)}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </Page>
  );
}

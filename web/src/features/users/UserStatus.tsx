import { useT } from '../../i18n/index.tsx';
import { formatTime } from '../../lib/format.ts';
import type { AdminUser } from './types.ts';

/** Badges: disabled, locked, temporary password, 2FA on; or active. */
export function UserStatus({ user }: { user: AdminUser }) {
  const { t, lang } = useT();
  const locked = user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <span className="button-row" style={{ gap: '0.3rem' }}>
      {user.disabled ? (
        <span className="badge badge-bad">{t('users.status.disabled')}</span>
      ) : (
        <span className="badge badge-ok">{t('common.active')}</span>
      )}
      {locked && <span className="badge badge-bad">{t('users.status.locked', { time: formatTime(user.lockedUntil!, lang) })}</span>}
      {user.passwordTemporary && <span className="badge badge-warn">{t('users.status.temporary')}</span>}
      {user.mfaEnabled && <span className="badge badge-neutral">{t('users.status.mfa')}</span>}
    </span>
  );
}

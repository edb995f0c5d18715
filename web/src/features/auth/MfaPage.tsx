import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { loginPath, useSession, type LoginAnswer } from '../../session.tsx';
import { Button, ErrorAlert, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';

/** The second step of a login with two-factor authentication: the 6-digit code, or a recovery code. */
export default function MfaPage() {
  const { t } = useT();
  const { signedIn, logout, status } = useSession();
  const loc = useLocation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');

  const submit = useAction(async () => {
    requireFields({ code }, ['code']);
    const clean = recovery ? code.trim() : code.replace(/\s+/g, '');
    try {
      const answer = await api.post<LoginAnswer>('/auth/login/mfa', { code: clean }, { quiet: true });
      signedIn(answer, loc.search.get('next') ?? undefined);
    } catch (e) {
      // The page was reloaded between the password and the code: the security token of the
      // half-open session is gone, so the login starts again.
      if (e instanceof ApiError && (e.code === 'csrf_token_invalid' || e.code === 'not_authenticated' || e.code === 'session_expired')) {
        navigate(loginPath({ next: loc.search.get('next') ?? undefined }), { replace: true });
        return;
      }
      throw e;
    }
  });

  // Nothing to verify without a half-open login; a finished one goes on to the dashboard.
  useEffect(() => {
    if (status === 'anonymous') navigate('/login', { replace: true });
    if (status === 'authenticated') navigate('/', { replace: true });
  }, [status]);
  const fe = fieldErrorsOf(submit.error, t);
  const label = recovery ? t('auth.mfa.recovery_label') : t('auth.mfa.code_label');

  return (
    <Page title={t('auth.mfa.title')} narrow>
      <form
        className="form card"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit.run();
        }}
      >
        <ErrorAlert error={submit.error} fieldLabels={{ code: label }} idPrefix="mfa-" />
        <p>{recovery ? t('auth.mfa.recovery_intro') : t('auth.mfa.intro')}</p>
        <TextField
          id="mfa-code"
          name="code"
          label={label}
          hint={recovery ? t('auth.mfa.recovery_hint') : t('auth.mfa.code_hint')}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          pattern={recovery ? undefined : '[0-9 ]*'}
          maxLength={recovery ? 40 : 7}
          autoFocus
          required
          className="field-code"
          value={code}
          error={fe.code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="button-row">
          <Button type="submit" busy={submit.busy}>
            {t('auth.mfa.submit')}
          </Button>
          <button
            type="button"
            className="btn btn-link"
            onClick={() => {
              setRecovery((r) => !r);
              setCode('');
            }}
          >
            {recovery ? t('auth.mfa.use_code') : t('auth.mfa.use_recovery')}
          </button>
        </div>
        <p>
          <button type="button" className="btn btn-link" onClick={() => void logout()}>
            {t('auth.mfa.cancel')}
          </button>
        </p>
      </form>
    </Page>
  );
}

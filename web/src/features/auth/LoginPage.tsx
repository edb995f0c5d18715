import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { safeNext, useSession, type LoginAnswer } from '../../session.tsx';
import { Button, CheckboxField, ErrorAlert, Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { Captcha, type CaptchaHandle, type CaptchaValue } from './Captcha.tsx';
import { PasswordInput } from './PasswordInput.tsx';

const BANNER_KEY = 'cctns.bannerAccepted';

/** The front door: the use banner, username, password, captcha. */
export default function LoginPage() {
  const { t } = useT();
  const { meta, signedIn, status, reason } = useSession();
  const loc = useLocation();
  const next = loc.search.get('next') ?? undefined;
  const expired = loc.search.get('reason') === 'expired' || reason === 'expired';

  const [accepted, setAccepted] = useState(() => sessionStorage.getItem(BANNER_KEY) === '1');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: undefined, captchaAnswer: '' });
  const captchaRef = useRef<CaptchaHandle>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const login = useAction(async () => {
    requireFields(
      { username, password, captchaAnswer: captcha.captchaAnswer },
      ['username', 'password', ...(meta?.captcha ? ['captchaAnswer'] : [])],
      accepted ? {} : { accept: 'auth.login.banner_required' },
    );
    try {
      const body = { username, password, ...(meta?.captcha ? { captchaId: captcha.captchaId, captchaAnswer: captcha.captchaAnswer } : {}) };
      const answer = await api.post<LoginAnswer>('/auth/login', body, { quiet: true });
      signedIn(answer, next);
    } catch (e) {
      // Every captcha is single use: any attempt, right or wrong, needs a new one.
      if (meta?.captcha) captchaRef.current?.reload();
      if (e instanceof ApiError && e.code === 'invalid_credentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
      throw e;
    }
  });

  // Already logged in (e.g. a bookmarked login page): go on to the dashboard.
  useEffect(() => {
    if (status === 'authenticated') navigate(safeNext(next), { replace: true });
  }, [status, next]);

  if (status === 'loading' || status === 'authenticated' || !meta) return <Loading />;

  const fe = fieldErrorsOf(login.error, t);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void login.run();
  };
  const labels = {
    accept: t('auth.login.accept'),
    username: t('auth.login.username'),
    password: t('auth.login.password'),
    captchaAnswer: t('auth.captcha.answer_label'),
  };

  return (
    <Page title={t('auth.login.title')} narrow>
      {expired && !login.error && <Notice kind="warning">{t('auth.login.expired')}</Notice>}
      <form onSubmit={onSubmit} noValidate className="form card">
        <ErrorAlert error={login.error} fieldLabels={labels} idPrefix="login-" />
        <section className="use-banner" aria-labelledby="banner-title">
          <h2 id="banner-title">{t('auth.banner.title')}</h2>
          <ul>
            <li>{t('auth.banner.restricted')}</li>
            <li>{t('auth.banner.monitored')}</li>
            <li>{t('auth.banner.misuse')}</li>
          </ul>
          <CheckboxField
            id="login-accept"
            label={t('auth.login.accept')}
            checked={accepted}
            error={fe.accept}
            onChange={(e) => {
              setAccepted(e.target.checked);
              sessionStorage.setItem(BANNER_KEY, e.target.checked ? '1' : '0');
            }}
          />
        </section>
        <TextField
          id="login-username"
          name="username"
          label={labels.username}
          hint={t('auth.login.username_hint')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          required
          value={username}
          error={fe.username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <PasswordInput
          ref={passwordRef}
          id="login-password"
          name="password"
          label={labels.password}
          autoComplete="current-password"
          required
          value={password}
          error={fe.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {meta.captcha && (
          <Captcha ref={captchaRef} idPrefix="login-" value={captcha} onChange={setCaptcha} error={fe.captchaAnswer ?? fe.captchaId} />
        )}
        <div className="button-row">
          <Button type="submit" busy={login.busy}>
            {t('auth.login.submit')}
          </Button>
          <Link to="/password/forgot">{t('auth.login.forgot')}</Link>
        </div>
      </form>
      <p className="card" data-testid="citizen-signup">
        <Link to="/citizen/signup">{t('auth.login.citizen_signup')}</Link> — {t('auth.login.citizen')}
      </p>
    </Page>
  );
}

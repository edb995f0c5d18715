import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { Button, ErrorAlert, Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { Captcha, type CaptchaHandle, type CaptchaValue } from './Captcha.tsx';
import { NewPasswordFields, newPasswordProblems } from '../account/NewPasswordFields.tsx';

/**
 * Forgot password: username (or e-mail) and captcha → a 6-digit code goes to the registered
 * e-mail and mobile → the code and a new password. The first answer is the same whether or not
 * the account exists, so this screen never says which.
 */
export default function ForgotPasswordPage() {
  const { t } = useT();
  const { meta } = useSession();
  const [step, setStep] = useState<'ask' | 'reset' | 'done'>('ask');
  const [username, setUsername] = useState('');
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: undefined, captchaAnswer: '' });
  const captchaRef = useRef<CaptchaHandle>(null);
  const [otp, setOtp] = useState('');
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');

  const ask = useAction(async () => {
    requireFields({ username, captchaAnswer: captcha.captchaAnswer }, ['username', ...(meta?.captcha ? ['captchaAnswer'] : [])]);
    try {
      await api.post('/auth/password/forgot', { username, ...(meta?.captcha ? captcha : {}) }, { quiet: true });
    } catch (e) {
      captchaRef.current?.reload();
      throw e;
    }
    setStep('reset');
  });

  const reset = useAction(async () => {
    requireFields({ otp }, ['otp'], newPasswordProblems(pw, confirm));
    await api.post('/auth/password/reset', { username, otp: otp.replace(/\s+/g, ''), newPassword: pw }, { quiet: true });
    setStep('done');
  });

  if (!meta) return <Loading />;

  if (step === 'done')
    return (
      <Page title={t('auth.forgot.done_title')} narrow>
        <Notice kind="success">{t('auth.forgot.done_body')}</Notice>
        <p>
          <Link to="/login" className="btn btn-primary">
            {t('auth.forgot.to_login')}
          </Link>
        </p>
      </Page>
    );

  if (step === 'reset') {
    const fe = fieldErrorsOf(reset.error, t);
    return (
      <Page title={t('auth.forgot.reset_title')} narrow>
        <Notice>{t('auth.forgot.sent')}</Notice>
        <form
          className="form card"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void reset.run();
          }}
        >
          <ErrorAlert
            error={reset.error}
            idPrefix="reset-"
            fieldLabels={{
              otp: t('auth.forgot.otp'),
              newPassword: t('account.password.new'),
              confirmPassword: t('account.password.confirm'),
            }}
          />
          <TextField
            id="reset-otp"
            name="otp"
            label={t('auth.forgot.otp')}
            hint={t('auth.forgot.otp_hint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="field-code"
            required
            value={otp}
            error={fe.otp}
            onChange={(e) => setOtp(e.target.value)}
          />
          <NewPasswordFields
            idPrefix="reset-"
            value={pw}
            confirm={confirm}
            onChange={setPw}
            onConfirmChange={setConfirm}
            errors={fe}
            username={username}
          />
          <div className="button-row">
            <Button type="submit" busy={reset.busy}>
              {t('auth.forgot.reset_submit')}
            </Button>
            <button type="button" className="btn btn-link" onClick={() => setStep('ask')}>
              {t('auth.forgot.resend')}
            </button>
          </div>
        </form>
      </Page>
    );
  }

  const fe = fieldErrorsOf(ask.error, t);
  return (
    <Page title={t('auth.forgot.title')} narrow>
      <form
        className="form card"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void ask.run();
        }}
      >
        <ErrorAlert
          error={ask.error}
          idPrefix="forgot-"
          fieldLabels={{ username: t('auth.login.username'), captchaAnswer: t('auth.captcha.answer_label') }}
        />
        <p>{t('auth.forgot.intro')}</p>
        <TextField
          id="forgot-username"
          name="username"
          label={t('auth.login.username')}
          hint={t('auth.login.username_hint')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          required
          value={username}
          error={fe.username}
          onChange={(e) => setUsername(e.target.value)}
        />
        {meta.captcha && (
          <Captcha ref={captchaRef} idPrefix="forgot-" value={captcha} onChange={setCaptcha} error={fe.captchaAnswer ?? fe.captchaId} />
        )}
        <div className="button-row">
          <Button type="submit" busy={ask.busy}>
            {t('auth.forgot.submit')}
          </Button>
          <Link to="/login">{t('auth.forgot.back')}</Link>
        </div>
      </form>
    </Page>
  );
}

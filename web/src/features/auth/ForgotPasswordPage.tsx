import { useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { ActionForm } from '../../components/forms.tsx';
import { CodeAndPasswordForm, checkedCode, noCodeAndPassword } from '../../components/CodeAndPasswordForm.tsx';
import { useAction } from '../../components/hooks.ts';
import { Captcha, type CaptchaHandle, type CaptchaValue } from './Captcha.tsx';

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
  const [code, setCode] = useState(noCodeAndPassword);

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
    const otp = checkedCode(code);
    await api.post('/auth/password/reset', { username, otp, newPassword: code.password }, { quiet: true });
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

  if (step === 'reset')
    return (
      <Page title={t('auth.forgot.reset_title')} narrow>
        <Notice>{t('auth.forgot.sent')}</Notice>
        <CodeAndPasswordForm
          action={reset}
          idPrefix="reset-"
          value={code}
          onChange={setCode}
          username={username}
          text={{
            otp: t('auth.forgot.otp'),
            otpHint: t('auth.forgot.otp_hint'),
            submit: t('auth.forgot.reset_submit'),
            resend: t('auth.forgot.resend'),
          }}
          onResend={() => setStep('ask')}
        />
      </Page>
    );

  const fe = fieldErrorsOf(ask.error, t);
  return (
    <Page title={t('auth.forgot.title')} narrow>
      <ActionForm
        action={ask}
        className="form card"
        idPrefix="forgot-"
        fieldLabels={{ username: t('auth.login.username'), captchaAnswer: t('auth.captcha.answer_label') }}
        submit={t('auth.forgot.submit')}
        buttonRow={<Link to="/login">{t('auth.forgot.back')}</Link>}
      >
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
      </ActionForm>
    </Page>
  );
}

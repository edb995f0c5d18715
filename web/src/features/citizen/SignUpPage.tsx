import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { useSession, type LoginAnswer } from '../../session.tsx';
import { Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { ActionForm } from '../../components/forms.tsx';
import { CodeAndPasswordForm, checkedCode, noCodeAndPassword } from '../../components/CodeAndPasswordForm.tsx';
import { useAction } from '../../components/hooks.ts';
import { Captcha, type CaptchaHandle, type CaptchaValue } from '../auth/Captcha.tsx';

interface SignupAnswer {
  signupId: string;
  sentTo: string[];
  expiresInSeconds: number;
}

/**
 * Citizen sign-up: name and a mobile number and/or e-mail (and the captcha) → a 6-digit code
 * is sent → the code and a password open the account and log in. The first answer is the same
 * whether or not the number already has an account.
 */
export default function SignUpPage() {
  const { t } = useT();
  const { meta, signedIn, status } = useSession();
  const [step, setStep] = useState<'ask' | 'verify'>('ask');
  const [name, setName] = useState('');
  const [mobile, setMobile] = useState('');
  const [email, setEmail] = useState('');
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: undefined, captchaAnswer: '' });
  const captchaRef = useRef<CaptchaHandle>(null);
  const [sent, setSent] = useState<SignupAnswer | undefined>();
  const [code, setCode] = useState(noCodeAndPassword);

  useEffect(() => {
    if (status === 'authenticated') navigate('/citizen/complaints', { replace: true });
  }, [status]);

  const ask = useAction(async () => {
    requireFields(
      { name, captchaAnswer: captcha.captchaAnswer },
      ['name', ...(meta?.captcha ? ['captchaAnswer'] : [])],
      mobile.trim() || email.trim() ? {} : { mobile: 'citizen.signup.need_contact' },
    );
    try {
      const a = await api.post<SignupAnswer>(
        '/citizen/signup',
        { name, ...(mobile.trim() ? { mobile } : {}), ...(email.trim() ? { email: email.trim() } : {}), ...(meta?.captcha ? captcha : {}) },
        { quiet: true },
      );
      setSent(a);
      setStep('verify');
    } catch (e) {
      captchaRef.current?.reload();
      throw e;
    }
  });

  const verify = useAction(async () => {
    const otp = checkedCode(code);
    const a = await api.post<LoginAnswer>(
      '/citizen/signup/verify',
      { signupId: sent?.signupId, otp, password: code.password },
      { quiet: true },
    );
    signedIn(a, '/citizen/complaints/new');
  });

  if (!meta || status === 'loading') return <Loading />;

  if (step === 'verify' && sent)
    return (
      <Page title={t('citizen.signup.verify_title')} narrow>
        <Notice>{t('citizen.signup.sent', { to: sent.sentTo.join(', '), minutes: Math.round(sent.expiresInSeconds / 60) })}</Notice>
        <CodeAndPasswordForm
          action={verify}
          idPrefix="su-"
          value={code}
          onChange={setCode}
          username={mobile || email}
          text={{
            otp: t('citizen.signup.otp'),
            otpHint: t('citizen.signup.otp_hint'),
            submit: t('citizen.signup.finish'),
            resend: t('citizen.signup.resend'),
          }}
          onResend={() => setStep('ask')}
        />
      </Page>
    );

  const fe = fieldErrorsOf(ask.error, t);
  return (
    <Page title={t('citizen.signup.title')} narrow>
      <p>{t('citizen.signup.intro')}</p>
      <ActionForm
        action={ask}
        className="form card"
        idPrefix="su-"
        fieldLabels={{
          name: t('citizen.signup.name'),
          mobile: t('citizen.signup.mobile'),
          email: t('citizen.signup.email'),
          captchaAnswer: t('auth.captcha.answer_label'),
        }}
        submit={t('citizen.signup.submit')}
        buttonRow={<Link to="/login">{t('citizen.signup.have_account')}</Link>}
      >
        <TextField
          id="su-name"
          name="name"
          label={t('citizen.signup.name')}
          autoComplete="name"
          required
          maxLength={120}
          value={name}
          error={fe.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="su-mobile"
          name="mobile"
          type="tel"
          label={t('citizen.signup.mobile')}
          hint={t('citizen.signup.mobile_hint')}
          autoComplete="tel-national"
          inputMode="tel"
          maxLength={16}
          value={mobile}
          error={fe.mobile}
          onChange={(e) => setMobile(e.target.value)}
        />
        <TextField
          id="su-email"
          name="email"
          type="email"
          label={t('citizen.signup.email')}
          hint={t('citizen.signup.email_hint')}
          autoComplete="email"
          maxLength={200}
          value={email}
          error={fe.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        {meta.captcha && (
          <Captcha ref={captchaRef} idPrefix="su-" value={captcha} onChange={setCaptcha} error={fe.captchaAnswer ?? fe.captchaId} />
        )}
      </ActionForm>
    </Page>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, navigate } from '../../router.tsx';
import { useSession, type LoginAnswer } from '../../session.tsx';
import { Button, ErrorAlert, Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { Captcha, type CaptchaHandle, type CaptchaValue } from '../auth/Captcha.tsx';
import { NewPasswordFields, newPasswordProblems } from '../account/NewPasswordFields.tsx';

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
  const [otp, setOtp] = useState('');
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');

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
    requireFields({ otp }, ['otp'], newPasswordProblems(pw, confirm));
    const a = await api.post<LoginAnswer>(
      '/citizen/signup/verify',
      { signupId: sent?.signupId, otp: otp.replace(/\s+/g, ''), password: pw },
      { quiet: true },
    );
    signedIn(a, '/citizen/complaints/new');
  });

  if (!meta || status === 'loading') return <Loading />;

  if (step === 'verify' && sent) {
    const fe = fieldErrorsOf(verify.error, t);
    return (
      <Page title={t('citizen.signup.verify_title')} narrow>
        <Notice>{t('citizen.signup.sent', { to: sent.sentTo.join(', '), minutes: Math.round(sent.expiresInSeconds / 60) })}</Notice>
        <form
          className="form card"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void verify.run();
          }}
        >
          <ErrorAlert
            error={verify.error}
            idPrefix="su-"
            fieldLabels={{
              otp: t('citizen.signup.otp'),
              newPassword: t('account.password.new'),
              password: t('account.password.new'),
              confirmPassword: t('account.password.confirm'),
            }}
          />
          <TextField
            id="su-otp"
            name="otp"
            label={t('citizen.signup.otp')}
            hint={t('citizen.signup.otp_hint')}
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
            idPrefix="su-"
            value={pw}
            confirm={confirm}
            onChange={setPw}
            onConfirmChange={setConfirm}
            errors={{ ...fe, newPassword: fe.newPassword ?? fe.password }}
            username={mobile || email}
          />
          <div className="button-row">
            <Button type="submit" busy={verify.busy}>
              {t('citizen.signup.finish')}
            </Button>
            <button type="button" className="btn btn-link" onClick={() => setStep('ask')}>
              {t('citizen.signup.resend')}
            </button>
          </div>
        </form>
      </Page>
    );
  }

  const fe = fieldErrorsOf(ask.error, t);
  return (
    <Page title={t('citizen.signup.title')} narrow>
      <p>{t('citizen.signup.intro')}</p>
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
          idPrefix="su-"
          fieldLabels={{
            name: t('citizen.signup.name'),
            mobile: t('citizen.signup.mobile'),
            email: t('citizen.signup.email'),
            captchaAnswer: t('auth.captcha.answer_label'),
          }}
        />
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
        <div className="button-row">
          <Button type="submit" busy={ask.busy}>
            {t('citizen.signup.submit')}
          </Button>
          <Link to="/login">{t('citizen.signup.have_account')}</Link>
        </div>
      </form>
    </Page>
  );
}

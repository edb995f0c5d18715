import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { Button, CopyButton, ErrorAlert, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';

/** POST /auth/mfa/totp/enrol: the secret, and a QR code of the otpauth:// address. */
interface Enrolment {
  secret: string;
  otpauthUrl?: string;
  otpauthUri?: string;
  qr?: string;
  qrSvg?: string;
  qrDataUrl?: string;
}

function qrSrc(e: Enrolment): string | undefined {
  const q = e.qrDataUrl ?? e.qrSvg ?? e.qr;
  if (!q) return undefined;
  if (q.startsWith('data:')) return q;
  if (q.trimStart().startsWith('<svg') || q.trimStart().startsWith('<?xml'))
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(q)}`;
  return `data:image/png;base64,${q}`;
}

const grouped = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();

/**
 * Two-factor authentication (TOTP, RFC 6238): scan the QR code or type the secret into an
 * authenticator app, confirm with a first code, then save the 10 recovery codes shown once.
 */
export default function TwoFactorPage() {
  const { t } = useT();
  const { user, refresh } = useSession();
  const loc = useLocation();
  const required = loc.search.get('required') === '1';
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | undefined>();

  const start = useAction(async () => {
    setEnrolment(await api.post<Enrolment>('/auth/mfa/totp/enrol', {}));
  });
  const confirm = useAction(async () => {
    requireFields({ code }, ['code']);
    const r = await api.post<{ recoveryCodes: string[] }>('/auth/mfa/totp/confirm', { code: code.replace(/\s+/g, '') });
    setRecoveryCodes(r.recoveryCodes);
    setEnrolment(undefined);
    setCode('');
    void refresh();
  });

  if (recoveryCodes) {
    const text = recoveryCodes.join('\n');
    const download = () => {
      const url = URL.createObjectURL(
        new Blob([`${t('account.mfa.codes_file_title', { user: user?.username ?? '' })}\n\n${text}\n`], { type: 'text/plain' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = 'cctns-recovery-codes.txt';
      a.click();
      URL.revokeObjectURL(url);
    };
    return (
      <Page title={t('account.mfa.codes_title')} narrow>
        <Notice kind="success">{t('account.mfa.enabled_now')}</Notice>
        <p>{t('account.mfa.codes_intro')}</p>
        <ol className="recovery-codes" aria-label={t('account.mfa.codes_title')}>
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <CopyButton text={text} />
          <Button variant="secondary" onClick={download}>
            {t('account.mfa.codes_download')}
          </Button>
          <Button variant="secondary" onClick={() => window.print()}>
            {t('account.mfa.codes_print')}
          </Button>
        </div>
        <Notice kind="warning" live={false}>
          {t('account.mfa.codes_once')}
        </Notice>
        <p>
          <Link to="/" className="btn btn-primary">
            {t('account.mfa.codes_saved')}
          </Link>
        </p>
      </Page>
    );
  }

  if (enrolment) {
    const src = qrSrc(enrolment);
    const fe = fieldErrorsOf(confirm.error, t);
    return (
      <Page title={t('account.mfa.title')} narrow>
        <ol className="steps">
          <li>
            <p>{t('account.mfa.step_app')}</p>
          </li>
          <li>
            <p>{t('account.mfa.step_scan')}</p>
            {src && <img className="qr" src={src} alt={t('account.mfa.qr_alt')} width={200} height={200} />}
            <p>{t('account.mfa.step_secret')}</p>
            <p className="secret">
              <code aria-label={t('account.mfa.secret_label')}>{grouped(enrolment.secret)}</code>{' '}
              <CopyButton text={enrolment.secret.replace(/\s+/g, '')} />
            </p>
          </li>
          <li>
            <form
              className="form"
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void confirm.run();
              }}
            >
              <ErrorAlert error={confirm.error} idPrefix="mfa-enrol-" fieldLabels={{ code: t('account.mfa.code') }} />
              <TextField
                id="mfa-enrol-code"
                name="code"
                label={t('account.mfa.code')}
                hint={t('account.mfa.code_hint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                className="field-code"
                required
                value={code}
                error={fe.code}
                onChange={(e) => setCode(e.target.value)}
              />
              <Button type="submit" busy={confirm.busy}>
                {t('account.mfa.confirm')}
              </Button>
            </form>
          </li>
        </ol>
      </Page>
    );
  }

  return (
    <Page title={t('account.mfa.title')} narrow>
      {required && <Notice kind="warning">{t('account.mfa.required')}</Notice>}
      <p>{t('account.mfa.intro')}</p>
      {user?.mfaEnabled ? (
        <Notice kind="success">{t('account.mfa.already_on')}</Notice>
      ) : (
        <>
          <ErrorAlert error={start.error} />
          <Button busy={start.busy} onClick={() => void start.run()}>
            {t('account.mfa.start')}
          </Button>
        </>
      )}
    </Page>
  );
}

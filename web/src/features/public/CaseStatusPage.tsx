import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, queryString } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { Button, ErrorAlert, Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { Captcha, type CaptchaHandle, type CaptchaValue } from '../auth/Captcha.tsx';
import type { PublicCaseStatus } from '../citizen/types.ts';
import { StationPicker, useStationChoice } from '../citizen/StationPicker.tsx';
import { CaseFacts } from './CaseFacts.tsx';

/**
 * Public case status, without logging in: district, police station, year and FIR number, and the
 * captcha. A case that is not found (or is sensitive: those are never shown) gets the same
 * "not found" answer.
 */
export default function CaseStatusPage() {
  const { t } = useT();
  const { meta, status } = useSession();
  const choice = useStationChoice();
  const { places, districtCode, stationCode } = choice;
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [number, setNumber] = useState('');
  const [captcha, setCaptcha] = useState<CaptchaValue>({ captchaId: undefined, captchaAnswer: '' });
  const captchaRef = useRef<CaptchaHandle>(null);
  const [result, setResult] = useState<PublicCaseStatus | 'not_found' | undefined>();

  const look = useAction(async () => {
    requireFields({ stationCode, year, number, captchaAnswer: captcha.captchaAnswer }, [
      'stationCode',
      'year',
      'number',
      ...(meta?.captcha ? ['captchaAnswer'] : []),
    ]);
    setResult(undefined);
    try {
      const q = queryString({
        stateCode: meta?.stateCode,
        districtCode,
        stationCode,
        year,
        number: number.trim(),
        ...(meta?.captcha ? captcha : {}),
      });
      setResult(await api.get<PublicCaseStatus>(`/public/case-status${q}`, { quiet: true }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'case_not_found') setResult('not_found');
      else throw e;
    } finally {
      if (meta?.captcha) captchaRef.current?.reload();
    }
  });

  if (!meta || places.loading) return <Loading />;
  const fe = fieldErrorsOf(look.error, t);
  return (
    <Page title={t('public.status.title')}>
      <p>{t('public.status.intro')}</p>
      <form
        className="form card"
        noValidate
        role="search"
        aria-label={t('public.status.title')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void look.run();
        }}
      >
        <ErrorAlert
          error={look.error ?? places.error}
          idPrefix="cs-"
          fieldLabels={{
            stationCode: t('public.field.station'),
            year: t('public.field.year'),
            number: t('public.field.number'),
            captchaAnswer: t('auth.captcha.answer_label'),
          }}
        />
        <div className="form-grid">
          <StationPicker
            idPrefix="cs"
            choice={choice}
            labels={{ district: t('public.field.district'), station: t('public.field.station'), choose: t('public.choose') }}
            error={fe.stationCode}
          />
          <TextField
            id="cs-year"
            label={t('public.field.year')}
            inputMode="numeric"
            maxLength={4}
            required
            value={year}
            error={fe.year}
            onChange={(e) => setYear(e.target.value.replace(/\D/g, ''))}
          />
          <TextField
            id="cs-number"
            label={t('public.field.number')}
            hint={t('public.field.number_hint')}
            required
            maxLength={12}
            value={number}
            error={fe.number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
        {meta.captcha && (
          <Captcha ref={captchaRef} idPrefix="cs-" value={captcha} onChange={setCaptcha} error={fe.captchaAnswer ?? fe.captchaId} />
        )}
        <div className="button-row">
          <Button type="submit" busy={look.busy}>
            {t('public.status.submit')}
          </Button>
          {stationCode && <Link to={`/stations/${stationCode}/firs`}>{t('public.status.station_list')}</Link>}
        </div>
      </form>
      <div aria-live="polite">
        {result === 'not_found' && <Notice kind="warning">{t('public.status.not_found')}</Notice>}
        {result && result !== 'not_found' && (
          <section className="card" aria-labelledby="cs-result">
            <h2 id="cs-result">{t('public.status.result', { number: result.firNumber })}</h2>
            <CaseFacts s={result} />
            <p className="muted">{t('public.status.privacy')}</p>
          </section>
        )}
      </div>
      {status !== 'authenticated' && (
        <p>
          {t('public.status.report')} <Link to="/citizen/signup">{t('public.status.signup')}</Link> ·{' '}
          <Link to="/login">{t('public.status.login')}</Link>
        </p>
      )}
    </Page>
  );
}

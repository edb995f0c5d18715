import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Link, navigate, useParams } from '../../router.tsx';
import { Button, ErrorAlert, Facts, Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { pick } from '../citizen/labels.ts';

type Verified =
  | { valid: false }
  | {
      valid: true;
      stateCode: string;
      districtName: string;
      districtNameHi: string | null;
      stationCode: string;
      stationName: string;
      stationNameHi: string | null;
      firNumber: string;
      registeredOn: string;
    };

/** A copy's code as printed: 12 letters and digits, shown in groups of four. */
const normalise = (s: string) => s.replace(/[^0-9a-z]/gi, '').toUpperCase();

/**
 * Where the QR code and the printed address on an FIR copy lead: anyone holding a copy checks
 * that it is genuine. The answer names the station, the FIR number and the date only, so the
 * copy can be compared with it; nothing of the people in the case.
 */
export default function VerifyCopyPage() {
  const { t, lang } = useT();
  const { code } = useParams();
  const [typed, setTyped] = useState(code ?? '');
  const [error, setError] = useState<string | undefined>();
  const key = code ? normalise(code) : '';
  const check = useFetch<Verified>(key ? `/public/verify/${encodeURIComponent(key)}` : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normalise(typed);
    if (c.length < 8) {
      setError(t('public.verify.code_short'));
      return;
    }
    setError(undefined);
    navigate(`/verify/${c}`);
  };

  return (
    <Page title={t('public.verify.title')} narrow>
      <p>{t('public.verify.intro')}</p>
      <form className="form card" noValidate onSubmit={submit}>
        <TextField
          id="vc-code"
          label={t('public.verify.code')}
          hint={t('public.verify.code_hint')}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          required
          value={typed}
          error={error}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Button type="submit">{t('public.verify.submit')}</Button>
      </form>
      <ErrorAlert error={check.error} />
      {key && check.loading && !check.data && <Loading />}
      {check.data && !check.data.valid && <Notice kind="warning">{t('public.verify.invalid', { code: key })}</Notice>}
      {check.data?.valid && (
        <section className="card" aria-labelledby="vc-result" data-testid="verify-result">
          <h2 id="vc-result">{t('public.verify.valid')}</h2>
          <Facts
            items={[
              [t('public.field.fir'), check.data.firNumber],
              [t('public.field.station'), `${pick(lang, check.data.stationName, check.data.stationNameHi)} (${check.data.stationCode})`],
              [t('public.field.district'), pick(lang, check.data.districtName, check.data.districtNameHi)],
              [t('public.field.registered'), formatDate(check.data.registeredOn, lang)],
            ]}
          />
          <p className="hint">{t('public.verify.compare')}</p>
          <p>
            <Link to="/case-status">{t('public.list.to_status')}</Link>
          </p>
        </section>
      )}
    </Page>
  );
}

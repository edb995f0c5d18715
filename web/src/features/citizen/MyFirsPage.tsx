import { useT } from '../../i18n/index.tsx';
import { ErrorAlert, Loading, Page } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { CaseFacts } from '../public/CaseFacts.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { CopyLinks } from './CopyLinks.tsx';
import { pick } from './labels.ts';
import type { CitizenFir } from './types.ts';

/** "My FIRs": FIRs registered from my complaints, each with its stage, full stage history and the FIR copy. */
export default function MyFirsPage() {
  const { t, lang } = useT();
  const list = useFetch<{ items: CitizenFir[] }>('/citizen/firs');
  return (
    <Page title={t('citizen.firs.title')}>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('citizen.firs.none')}</p>
      ) : (
        list.data.items.map((f) => (
          <section key={f.id} className="card" aria-labelledby={`fir-${f.id}`}>
            <h2 id={`fir-${f.id}`}>
              {t('citizen.fir_no', { number: f.firNumber })} · {pick(lang, f.station.name, f.station.nameHi)}
            </h2>
            <p className="muted">{t('citizen.firs.from_complaint', { ack: f.ackNumber })}</p>
            <CaseFacts s={f} />
            <h3>{t('citizen.firs.history')}</h3>
            <ol>
              {f.history.map((h, i) => (
                <li key={i}>
                  <strong>{pick(lang, h.labelEn, h.labelHi)}</strong>
                  {h.resultLabelEn ? ` (${pick(lang, h.resultLabelEn, h.resultLabelHi)})` : ''} — {formatDateTime(h.at, lang)}
                </li>
              ))}
            </ol>
            <CopyLinks firId={f.id} firNumber={f.firNumber} />
          </section>
        ))
      )}
    </Page>
  );
}

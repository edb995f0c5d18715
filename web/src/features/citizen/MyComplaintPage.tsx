import { useT } from '../../i18n/index.tsx';
import { Link, useLocation, useParams } from '../../router.tsx';
import { ErrorAlert, Facts, Loading, Notice, Page } from '../../components/ui.tsx';
import { ComplaintItems } from '../../components/ComplaintItems.tsx';
import { MissingPersonFacts } from '../../components/MissingPersonFacts.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { CopyLinks } from './CopyLinks.tsx';
import { pick, statusBadge } from './labels.ts';
import type { CitizenComplaint } from './types.ts';

/** One of my complaints: the acknowledgement, where it stands, what I sent, and its history. */
export default function MyComplaintPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const loc = useLocation();
  const c = useFetch<CitizenComplaint>(`/citizen/complaints/${encodeURIComponent(id ?? '')}`);
  if (c.loading && !c.data) return <Loading />;
  if (!c.data)
    return (
      <Page title={t('citizen.mine.title')}>
        <ErrorAlert error={c.error} />
      </Page>
    );
  const x = c.data;
  return (
    <Page title={t('citizen.detail.title', { ack: x.ackNumber })}>
      {loc.search.get('filed') === '1' && <Notice kind="success">{t('citizen.detail.filed', { ack: x.ackNumber })}</Notice>}
      {x.efir && !x.efirSignedAt && x.status === 'submitted' && x.efirSignDueAt && (
        <Notice kind="warning">
          {t('citizen.detail.sign_note', {
            station: pick(lang, x.station.name, x.station.nameHi),
            when: formatDateTime(x.efirSignDueAt, lang),
          })}
        </Notice>
      )}
      <section className="card" aria-labelledby="cs-status">
        <h2 id="cs-status">{t('citizen.detail.status')}</h2>
        <p>
          <span className={statusBadge(x.status)}>{pick(lang, x.statusLabelEn, x.statusLabelHi)}</span>{' '}
          <span className="muted">{formatDateTime(x.statusChangedAt, lang)}</span>
        </p>
        {x.closedReason && (
          <p>
            <strong>{t('citizen.detail.reason')}</strong> {x.closedReason}
          </p>
        )}
        {x.ncrNumber && <p>{t('citizen.detail.ncr', { number: x.ncrNumber })}</p>}
        {x.fir && (
          <>
            <p>
              {t('citizen.fir_no', { number: x.fir.firNumber })} — <Link to="/citizen/firs">{t('citizen.detail.see_fir')}</Link>
            </p>
            <CopyLinks firId={x.fir.id} firNumber={x.fir.firNumber} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="cs-what">
        <h2 id="cs-what">{t('citizen.detail.what')}</h2>
        <Facts
          items={[
            [t('citizen.field.ack'), x.ackNumber],
            [t('citizen.field.kind'), `${pick(lang, x.kindLabelEn, x.kindLabelHi)}${x.efir ? ` (${t('citizen.efir')})` : ''}`],
            [
              t('citizen.field.station'),
              `${pick(lang, x.station.name, x.station.nameHi)}${x.station.phone ? ` · ${x.station.phone}` : ''}`,
            ],
            [t('citizen.field.submitted'), formatDateTime(x.submittedAt, lang)],
            [
              t('citizen.field.occurred'),
              `${formatDateTime(x.occurrence.from, lang)}${x.occurrence.to ? ` – ${formatDateTime(x.occurrence.to, lang)}` : ''}`,
            ],
            [t('citizen.field.place'), x.occurrence.place],
          ]}
        />
        {x.missingPerson && <MissingPersonFacts m={x.missingPerson} />}
        <h3>{t('citizen.field.description')}</h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>{x.description}</p>
        <ComplaintItems
          properties={x.properties}
          attachments={x.attachments}
          headings={{ property: t('citizen.field.property'), attachments: t('citizen.field.attachments') }}
        />
      </section>

      <section className="card" aria-labelledby="cs-history">
        <h2 id="cs-history">{t('citizen.detail.history')}</h2>
        <ol>
          {x.history.map((h, i) => (
            <li key={i}>
              <strong>{pick(lang, h.statusLabelEn, h.statusLabelHi)}</strong> — {formatDateTime(h.at, lang)} ·{' '}
              {pick(lang, h.station.name, h.station.nameHi)}
              {h.note && <div>{pick(lang, h.note, h.noteHi)}</div>}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to="/citizen/complaints">{t('citizen.detail.back')}</Link>
      </p>
    </Page>
  );
}

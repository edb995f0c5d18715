import { useT } from '../../i18n/index.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import type { Appeal, Disposal, Hearing, Sentence } from './types.ts';

/** A sentence in words: "18 months simple imprisonment, fine ₹5,000 (2 months in default)". */
export function SentenceText({ s }: { s: Sentence | null }) {
  const { t, lang } = useT();
  if (!s) return <>—</>;
  const parts: string[] = [];
  if (s.death) parts.push(t('prosecution.sentence.death'));
  if (s.imprisonmentKind === 'life') parts.push(t('prosecution.sentence.life'));
  else if (s.imprisonmentMonths)
    parts.push(t(`prosecution.sentence.months_${s.imprisonmentKind === 'rigorous' ? 'rigorous' : 'simple'}`, { n: s.imprisonmentMonths }));
  if (s.fineRupees) parts.push(t('prosecution.sentence.fine', { amount: formatNumber(s.fineRupees, lang) }));
  if (s.defaultImprisonmentMonths) parts.push(t('prosecution.sentence.in_default', { n: s.defaultImprisonmentMonths }));
  if (s.probation) parts.push(t('prosecution.sentence.probation'));
  if (s.text) parts.push(s.text);
  return <>{parts.join('; ') || '—'}</>;
}

/** The court's record of a case: hearings, the disposal (IIF-6) and appeals (IIF-7). Shared by the police and the court screens. */
export function Proceedings({ hearings, disposal, appeals }: { hearings: Hearing[]; disposal: Disposal | null; appeals: Appeal[] }) {
  const { t, lang } = useT();
  return (
    <>
      <h3>{t('prosecution.court.hearings')}</h3>
      {hearings.length === 0 ? (
        <p className="muted">{t('prosecution.court.no_hearings')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack" data-testid="hearings">
            <thead>
              <tr>
                <th scope="col">{t('prosecution.court.hearing_date')}</th>
                <th scope="col">{t('prosecution.court.purpose')}</th>
                <th scope="col">{t('prosecution.court.recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {hearings.map((h) => (
                <tr key={h.id}>
                  <td data-label={t('prosecution.court.hearing_date')}>{formatDate(h.date, lang)}</td>
                  <td data-label={t('prosecution.court.purpose')}>
                    {h.purpose}
                    {h.chargesFramed && <span className="badge badge-warn"> {t('prosecution.court.charges_framed')}</span>}
                  </td>
                  <td data-label={t('prosecution.court.recorded')}>{formatDateTime(h.recordedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('prosecution.court.disposal')}</h3>
      {!disposal ? (
        <p className="muted">{t('prosecution.court.not_disposed')}</p>
      ) : (
        <div data-testid="disposal">
          <p>
            <span className="badge badge-ok">{t(`prosecution.result.${disposal.result}`)}</span> {formatDate(disposal.decidedOn, lang)}
            {disposal.judgmentRef ? ` — ${disposal.judgmentRef}` : ''}
          </p>
          {disposal.accused.length > 0 && (
            <ul>
              {disposal.accused.map((a) => (
                <li key={a.code}>
                  {a.code} {a.name}: {t(`prosecution.result.${a.result}`)}
                  {a.result === 'convicted' && (
                    <>
                      {' '}
                      ({a.sections.map((s) => `${s.act} ${s.section}`).join(', ')}) — <SentenceText s={a.sentence} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {disposal.remarks && <p>{disposal.remarks}</p>}
        </div>
      )}
      {appeals.length > 0 && (
        <>
          <h3>{t('prosecution.court.appeals')}</h3>
          <ul data-testid="appeals">
            {appeals.map((a) => (
              <li key={a.id}>
                {a.appealRef}, {a.appellateCourt} ({t(`prosecution.appellant.${a.appellant}`)}):{' '}
                {t(`prosecution.appeal_result.${a.result}`)}
                {a.decidedOn
                  ? `, ${formatDate(a.decidedOn, lang)}`
                  : `, ${t('prosecution.court.filed_on', { date: formatDate(a.filedOn, lang) })}`}
                {a.remarks ? ` — ${a.remarks}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

import { useT } from '../../i18n/index.tsx';

/** Download links for the free FIR copy (BNSS 173(2)), English and Hindi. */
export function CopyLinks({ firId, firNumber }: { firId: string; firNumber: string }) {
  const { t } = useT();
  const base = `/api/v1/citizen/firs/${firId}/copy.pdf`;
  return (
    <div className="button-row">
      <a className="btn btn-primary" href={`${base}?lang=en`} download>
        {t('citizen.copy.en', { number: firNumber })}
      </a>
      <a className="btn btn-secondary" href={`${base}?lang=hi`} download lang="hi">
        {t('citizen.copy.hi', { number: firNumber })}
      </a>
    </div>
  );
}

import { useT } from '../i18n/index.tsx';
import { formatDateTime } from '../lib/format.ts';
import type { MissingPerson } from '../features/citizen/types.ts';
import { Facts, Notice } from './ui.tsx';

/**
 * Who is missing, on the citizen's and the station's page of a missing-person complaint. A
 * child (under 18 when last seen) is said so: the complaint must be registered as an FIR
 * (Bachpan Bachao Andolan v. Union of India, 2013).
 */
export function MissingPersonFacts({ m }: { m: MissingPerson }) {
  const { t, lang } = useT();
  return (
    <>
      <h3>{t('common.missing.heading')}</h3>
      {m.child && <Notice kind="warning">{t('common.missing.child_note')}</Notice>}
      <Facts
        items={[
          [t('common.missing.name'), m.name],
          [t('common.missing.sex'), t(`common.missing.sex_${m.sex}`)],
          [
            t('common.missing.age'),
            `${m.ageWhenLastSeen ?? '—'}${m.dateOfBirth ? ` (${t('common.missing.born', { date: m.dateOfBirth })})` : ''}`,
          ],
          [t('common.missing.height'), m.heightCm ? `${m.heightCm} cm` : '—'],
          [t('common.missing.clothing'), m.clothing],
          [t('common.missing.marks'), m.marks.length ? m.marks.join('; ') : '—'],
          [t('common.missing.last_seen'), `${formatDateTime(m.lastSeenAt, lang)} — ${m.lastSeenPlace}`],
          ...(m.relation ? ([[t('common.missing.relation'), m.relation]] as [string, string][]) : []),
        ]}
      />
    </>
  );
}

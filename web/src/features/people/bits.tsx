import type { T } from '../../i18n/index.tsx';
import { useT } from '../../i18n/index.tsx';
import type { PersonSummary } from './types.ts';

/** "about 35 (born 1991)" from a date of birth or "age X on date D". */
export function ageText(p: Pick<PersonSummary, 'birthDate' | 'birthYear'>, t: T): string {
  if (p.birthYear === null) return '—';
  const age = new Date().getFullYear() - p.birthYear;
  return p.birthDate ? t('people.age.dob', { age, date: p.birthDate }) : t('people.age.about', { age, year: p.birthYear });
}

/** Badges that an officer must see at once: accused in cases, history sheet, wanted. */
export function PersonFlags({ p }: { p: Pick<PersonSummary, 'accusedCases' | 'openHistorySheet' | 'wanted'> }) {
  const { t } = useT();
  return (
    <div>
      {p.accusedCases > 0 && <span className="badge badge-warn">{t('people.flag.accused', { n: p.accusedCases })}</span>}{' '}
      {p.openHistorySheet && <span className="badge badge-bad">{t('people.flag.history_sheet')}</span>}{' '}
      {p.wanted && <span className="badge badge-bad">{t('people.flag.wanted')}</span>}
    </div>
  );
}

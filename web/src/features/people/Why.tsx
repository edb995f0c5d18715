import { useT, type T } from '../../i18n/index.tsx';

/** The server's "why matched" reasons (English, stable) in the reader's language. */
export function whyText(reason: string, t: T): string {
  const kind = /^(phonetic|initial|vowel|fuzzy|typo): (.*)$/.exec(reason);
  if (kind) return t(`people.why.${kind[1]}`, { detail: kind[2]! });
  const trgm = /^trigram ([0-9.]+)$/.exec(reason);
  if (trgm) return t('people.why.trigram', { value: trgm[1]! });
  const sim = /^similar father's name ([0-9.]+)$/.exec(reason);
  if (sim) return t('people.why.similar_father', { value: sim[1]! });
  const within = /^birth year within (\d+)$/.exec(reason);
  if (within) return t('people.why.birth_within', { n: within[1]! });
  const apart = /^birth year (\d+) apart$/.exec(reason);
  if (apart) return t('people.why.birth_apart', { n: apart[1]! });
  const known: Record<string, string> = {
    "same father's name": 'people.why.same_father',
    "different father's name": 'people.why.different_father',
    'same birth year': 'people.why.same_birth_year',
    'same district': 'people.why.same_district',
    'same sex': 'people.why.same_sex',
    'different sex': 'people.why.different_sex',
    'same date of birth': 'people.why.same_dob',
    'same address': 'people.why.same_address',
    'similar address': 'people.why.similar_address',
    'same phone': 'people.why.same_phone',
  };
  const k = known[reason];
  if (k) return t(k);
  const doc = /^same (aadhaar|voter_id|passport|driving_licence|pan|ration_card|other)$/.exec(reason);
  if (doc) return t('people.why.same_document', { type: t(`people.doc.${doc[1]}`) });
  return reason;
}

/** The score and the reasons of one search result. */
export function Why({ score, why, likelySame }: { score: number; why: string[]; likelySame?: boolean }) {
  const { t } = useT();
  return (
    <div>
      <span className={`badge ${likelySame ? 'badge-ok' : 'badge-neutral'}`} title={t('people.why.score_hint')}>
        {t('people.why.score', { score: score.toFixed(2) })}
      </span>{' '}
      <span className="muted">
        <span className="sr-only">{t('people.why.label')}: </span>
        {why.map((w) => whyText(w, t)).join(' · ')}
      </span>
    </div>
  );
}

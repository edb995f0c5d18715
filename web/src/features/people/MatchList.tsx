import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import type { MatchQuery, MatchSuggestion } from './types.ts';
import { Why } from './Why.tsx';
import { PersonFlags, ageText } from './bits.tsx';

/**
 * Likely existing records of a person about to be added, best first (POST /people/match): each
 * with its names in both scripts, father, age, district, the flags an officer must see (accused
 * in cases, history sheet, wanted), its score with why it matched, and the evidence field by
 * field (same father's name, same date of birth, same address …). `action` puts a control on
 * each, such as the case form's "link this person".
 */
export function MatchList({ matches, action }: { matches: MatchSuggestion[]; action?: (m: MatchSuggestion) => ReactNode }) {
  const { t } = useT();
  return (
    <ul className="message-list" data-testid="match-suggestions">
      {matches.map((m) => (
        <li key={m.person.id} className="panel" data-person-id={m.person.id}>
          <Link to={`/people/${m.person.id}`}>{m.person.name}</Link>{' '}
          {m.person.nameHi && m.person.nameHi !== m.person.name && <span lang="hi">({m.person.nameHi})</span>}{' '}
          <span className="muted">
            {m.person.fatherName ? t('people.new.son_of', { father: m.person.fatherName }) : ''} · {ageText(m.person, t)} ·{' '}
            {m.person.districtName ?? '—'}
          </span>
          <PersonFlags p={m.person} />
          <Why score={m.score} why={m.why} likelySame={m.likelySame} />
          <ul aria-label={t('people.match.evidence')}>
            {m.evidence.map((e, i) => (
              <li key={i}>
                <span className={`badge ${e.verdict === 'same' ? 'badge-ok' : e.verdict === 'similar' ? 'badge-neutral' : 'badge-bad'}`}>
                  {t(`people.evidence.${e.verdict}`)}
                </span>{' '}
                {t(`people.evidence.${e.field}`)}: {e.detail}
              </li>
            ))}
          </ul>
          {action && <div className="button-row">{action(m)}</div>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The likely matches of `query` as the officer types: asked for a moment after the last change
 * (an earlier request still under way is dropped), so a fast typist sends one request, not one
 * per letter. `items` are the matches of exactly the details given now and stay undefined until
 * they have arrived; `shown` keeps the last answer on screen meanwhile. A null query (too little
 * typed yet) asks nothing.
 */
export function usePersonMatches(query: MatchQuery | null, delayMs = 400) {
  const key = query ? JSON.stringify(query) : '';
  const [answer, setAnswer] = useState<{ key: string; items: MatchSuggestion[] } | undefined>();
  const [failed, setFailed] = useState<{ key: string; error: unknown } | undefined>();
  useEffect(() => {
    if (!key) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api
        .post<{ items: MatchSuggestion[] }>('/people/match', JSON.parse(key) as MatchQuery, { signal: ctrl.signal })
        .then((r) => setAnswer({ key, items: r.items }))
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') setFailed({ key, error: e });
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [key, delayMs]);
  const items = key && answer?.key === key ? answer.items : undefined;
  const error = key && failed?.key === key ? failed.error : null;
  return { items, shown: key ? (items ?? answer?.items) : undefined, checking: !!key && !items && !error, error };
}

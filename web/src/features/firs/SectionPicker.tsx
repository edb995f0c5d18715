import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.tsx';
import { queryString } from '../../router.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { penalCodeOn, type DraftSection } from './draft.ts';
import type { SectionHit } from './types.ts';

/**
 * IIF-1 item 2, acts and sections: type a number ("303(2)", "420 IPC") or words in English or
 * Hindi ("theft", "चोरी"); the server offers only sections chargeable on the offence date (BNS
 * on or after 1 July 2024, IPC before). A combobox: arrows move through the offers, Enter adds
 * the highlighted one (never submits the form), Escape clears; each chosen section has its
 * own remove button and shows the server's complaint about it, if any.
 */
export function SectionPicker({
  day,
  sections,
  onChange,
  error,
  itemErrors,
}: {
  /** The offence day (IST, YYYY-MM-DD), when known. */
  day?: string;
  sections: DraftSection[];
  onChange: (s: DraftSection[]) => void;
  error?: string;
  itemErrors: Record<number, string>;
}) {
  const { t, lang } = useT();
  const uid = useId();
  const inputId = 'fir-sections';
  const listId = `${uid}-offers`;
  const hintId = `${uid}-hint`;
  const errId = `${uid}-error`;
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 200);
    return () => clearTimeout(h);
  }, [q]);
  const path = debounced ? `/firs/sections${queryString({ q: debounced, date: day, limit: 8 })}` : null;
  const hits = useFetch<{ penalCode: string; items: SectionHit[] }>(path);
  const ready = !!path && debounced === q.trim() && !hits.loading && !!hits.data;
  const offers = ready ? (hits.data?.items ?? []) : [];
  const open = q.trim() !== '' && ready;
  useEffect(() => setActive(0), [debounced]);

  const chosen = (h: { act: string; section: string }) => sections.some((s) => s.act === h.act && s.section === h.section);
  const add = (h: SectionHit) => {
    if (!chosen(h)) onChange([...sections, { act: h.act, section: h.section, titleEn: h.titleEn, titleHi: h.titleHi }]);
    setQ('');
    setDebounced('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Enter chooses from the offers; it must never submit the whole FIR by accident.
      e.preventDefault();
      const h = offers[active];
      if (h) add(h);
    } else if (e.key === 'ArrowDown' && offers.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % offers.length);
    } else if (e.key === 'ArrowUp' && offers.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + offers.length) % offers.length);
    } else if (e.key === 'Escape' && q) {
      e.preventDefault();
      setQ('');
    }
  };
  const title = (s: { titleEn: string; titleHi: string }) => (lang === 'hi' && s.titleHi ? s.titleHi : s.titleEn);
  const code = day ? penalCodeOn(day) : undefined;

  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={inputId}>{t('firs.form.section_search')}</label>
      <div id={hintId} className="hint">
        {day && code
          ? t(code === 'BNS' ? 'firs.form.law_bns' : 'firs.form.law_ipc', { date: formatDate(`${day}T12:00:00+05:30`, lang) })
          : t('firs.form.law_no_date')}{' '}
        {t('firs.form.section_search_hint')}
      </div>
      {error && (
        <div id={errId} className="field-error">
          {error}
        </div>
      )}
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && offers[active] ? `${listId}-${active}` : undefined}
        aria-describedby={[hintId, error ? errId : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        value={q}
        onChange={(e) => {
          // A search is no edit of the sections: the form hears of them when they change.
          e.stopPropagation();
          setQ(e.target.value);
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={t('firs.form.section_offers')} className="link-list" hidden={!open}>
        {offers.map((h, i) => (
          <li
            key={h.label}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'panel' : undefined}
            style={{ cursor: 'pointer', padding: '0.3rem 0.5rem', margin: 0 }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(h)}
          >
            <strong>{h.label}</strong> — {title(h)}
            {h.viaIpc && <span className="muted"> ({t('firs.form.via_ipc', { section: h.viaIpc })})</span>}
            {chosen(h) && <span className="muted"> · {t('firs.form.already_added')}</span>}
          </li>
        ))}
      </ul>
      {open && offers.length === 0 && (
        <p className="muted" role="status">
          {t('firs.form.no_sections')}
        </p>
      )}
      <p className="sr-only" role="status">
        {open ? t('firs.form.offers_count', { n: offers.length }) : ''}
      </p>
      <h3 className="sr-only">{t('firs.form.sections_chosen')}</h3>
      {sections.length === 0 ? (
        <p className="muted">{t('firs.form.no_section_yet')}</p>
      ) : (
        <ol data-testid="chosen-sections">
          {sections.map((s, i) => {
            const wrongCode = code && (s.act === 'BNS' || s.act === 'IPC') && s.act !== code;
            return (
              <li key={`${s.act}-${s.section}`} id={`fir-sections.${i}`} tabIndex={-1}>
                <strong>
                  {s.act} {s.section}
                </strong>{' '}
                — {title(s)}{' '}
                <button
                  type="button"
                  className="btn btn-link"
                  aria-label={t('firs.form.remove_section', { section: `${s.act} ${s.section}` })}
                  onClick={() => onChange(sections.filter((_, j) => j !== i))}
                >
                  {t('firs.form.remove')}
                </button>
                {wrongCode && <div className="field-error">{t('firs.form.wrong_code', { act: s.act, code })}</div>}
                {itemErrors[i] && <div className="field-error">{itemErrors[i]}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

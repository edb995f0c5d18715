import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGS, mergeCatalogs, parseCatalogPath, translate, type CatalogFile, type Lang, type Messages } from './catalog.ts';

export type { Lang } from './catalog.ts';

// Every catalogue in the app, found at build time: adding a feature's messages needs no edit here.
const modules = import.meta.glob<Messages>(['./messages.*.json', '../features/*/messages.*.json'], {
  eager: true,
  import: 'default',
});

const files: CatalogFile[] = [];
for (const [p, messages] of Object.entries(modules)) {
  const parsed = parseCatalogPath(p.replace(/^\.\.\//, '').replace(/^\.\//, 'i18n/'));
  if (parsed) files.push({ source: p, lang: parsed.lang, messages });
}
const { byLang: catalogs, duplicates } = mergeCatalogs(files);
if (import.meta.env.DEV && duplicates.length) console.warn('Duplicate message keys:', duplicates);

const STORAGE_KEY = 'cctns.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage blocked: fall through */
  }
  return navigator.language?.toLowerCase().startsWith('hi') ? 'hi' : 'en';
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* the choice still holds for this page */
    }
  }, []);

  const t = useCallback<T>((key, vars) => translate(catalogs, lang, key, vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `const { t, lang } = useT()`; t('auth.login.title', { name }) reads the merged catalogues. */
export function useT(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT outside I18nProvider');
  return ctx;
}

/** A record's name in the UI language: `nameHi` in Hindi when it has one. */
export function localName(lang: Lang, r: { name: string; nameHi?: string | null } | null | undefined): string {
  if (!r) return '';
  return lang === 'hi' && r.nameHi ? r.nameHi : r.name;
}

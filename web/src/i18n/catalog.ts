/**
 * Message catalogues, pure and framework-free so the unit test can use them too.
 *
 * Each feature owns `features/<feature>/messages.en.json` and `messages.hi.json`, flat objects
 * of `"<feature>.<what>": "text"`. Shared words (roles, ranks, buttons) live in
 * `i18n/messages.{en,hi}.json` under the prefixes in SHARED_PREFIXES. Because every key starts
 * with its owner's name, engineers adding features never edit the same file and never collide.
 */
export const LANGS = ['en', 'hi'] as const;
export type Lang = (typeof LANGS)[number];

export type Messages = Record<string, string>;

/** Prefixes the shared catalogue may use; a feature uses its folder name. */
export const SHARED_PREFIXES = ['app', 'common', 'role', 'rank', 'error'] as const;

export interface CatalogFile {
  /** Where it came from, e.g. `features/auth/messages.en.json`. */
  source: string;
  lang: Lang;
  messages: Messages;
}

/** `features/auth/messages.en.json` → `{ owner: 'auth', lang: 'en' }`; the shared file → owner null. */
export function parseCatalogPath(p: string): { owner: string | null; lang: Lang } | undefined {
  const m = /(?:^|\/)(?:features\/([a-z0-9-]+)\/|i18n\/)messages\.(en|hi)\.json$/.exec(p);
  if (!m) return undefined;
  return { owner: m[1] ?? null, lang: m[2] as Lang };
}

/** Merges catalogue files per language; a key defined twice is reported, first one wins. */
export function mergeCatalogs(files: CatalogFile[]): { byLang: Record<Lang, Messages>; duplicates: string[] } {
  const byLang: Record<Lang, Messages> = { en: {}, hi: {} };
  const duplicates: string[] = [];
  for (const f of files) {
    const into = byLang[f.lang];
    for (const [k, v] of Object.entries(f.messages)) {
      if (k in into) duplicates.push(`${f.lang}:${k} (${f.source})`);
      else into[k] = v;
    }
  }
  return { byLang, duplicates };
}

const VAR = /\{(\w+)\}/g;

/** The `{name}` placeholders of a message, sorted, for comparing the two languages. */
export function placeholders(msg: string): string[] {
  return [...new Set([...msg.matchAll(VAR)].map((m) => m[1]))].sort();
}

/** Replaces `{name}` with vars.name; an unknown placeholder stays visible so it gets noticed. */
export function interpolate(msg: string, vars?: Record<string, string | number>): string {
  if (!vars) return msg;
  return msg.replace(VAR, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Looks a key up in the language, then English, then shows the key itself. */
export function translate(catalogs: Record<Lang, Messages>, lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const msg = catalogs[lang][key] ?? catalogs.en[key];
  if (msg === undefined) return key;
  return interpolate(msg, vars);
}

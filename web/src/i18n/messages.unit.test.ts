import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS, SHARED_PREFIXES, mergeCatalogs, parseCatalogPath, placeholders, translate, type CatalogFile } from './catalog.ts';
import { PERMISSIONS, RANKS, ROLES } from '../policy.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const all = walk(SRC);
const files: CatalogFile[] = all
  .map((p) => ({ p, rel: path.relative(SRC, p).split(path.sep).join('/') }))
  .filter(({ rel }) => parseCatalogPath(rel))
  .map(({ p, rel }) => ({
    source: rel,
    lang: parseCatalogPath(rel)!.lang,
    messages: JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>,
  }));
const { byLang, duplicates } = mergeCatalogs(files);
const features = readdirSync(path.join(SRC, 'features')).filter((f) => statSync(path.join(SRC, 'features', f)).isDirectory());

describe('message catalogues', () => {
  it('has an English and a Hindi file for the shared catalogue and for every feature with messages', () => {
    const owners = new Map<string, Set<string>>();
    for (const f of files) {
      const owner = parseCatalogPath(f.source)!.owner ?? '(shared)';
      owners.set(owner, (owners.get(owner) ?? new Set()).add(f.lang));
    }
    expect(owners.get('(shared)')).toEqual(new Set(LANGS));
    for (const [owner, langs] of owners) expect([...langs].sort(), owner).toEqual([...LANGS].sort());
  });

  it('defines every key in both languages', () => {
    const missingHi = Object.keys(byLang.en).filter((k) => !(k in byLang.hi));
    const missingEn = Object.keys(byLang.hi).filter((k) => !(k in byLang.en));
    expect(missingHi, 'keys with no Hindi text').toEqual([]);
    expect(missingEn, 'keys with no English text').toEqual([]);
  });

  it('has no empty message and the same {placeholders} in both languages', () => {
    for (const [k, en] of Object.entries(byLang.en)) {
      expect(en.trim(), k).not.toBe('');
      expect((byLang.hi[k] ?? '').trim(), k).not.toBe('');
      expect(placeholders(byLang.hi[k] ?? ''), k).toEqual(placeholders(en));
    }
  });

  it('keeps each key in its owner’s namespace, so features never collide', () => {
    expect(duplicates).toEqual([]);
    for (const f of files) {
      const owner = parseCatalogPath(f.source)!.owner;
      for (const k of Object.keys(f.messages)) {
        if (owner) expect(k.startsWith(`${owner}.`), `${k} in ${f.source}`).toBe(true);
        else
          expect(
            SHARED_PREFIXES.some((p) => k.startsWith(`${p}.`)),
            `${k} in ${f.source}`,
          ).toBe(true);
      }
    }
  });

  it('names every role and rank in both languages', () => {
    for (const r of ROLES) for (const l of LANGS) expect(byLang[l][`role.${r}`], `role.${r} ${l}`).toBeTruthy();
    for (const r of RANKS) for (const l of LANGS) expect(byLang[l][`rank.${r}`], `rank.${r} ${l}`).toBeTruthy();
  });

  it('has a message for every key the code names literally', () => {
    const namespaces = [...SHARED_PREFIXES, ...features].join('|');
    const literal = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z0-9_.-]+)['"\`]`, 'g');
    const unknown: string[] = [];
    for (const p of all.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
      const text = readFileSync(p, 'utf8');
      for (const m of text.matchAll(literal)) {
        const key = m[1];
        // Policy actions ('users.manage') share the feature names but are not message keys.
        if (key.endsWith('.') || /\.(tsx?|json|css)$/.test(key) || key in PERMISSIONS) continue;
        if (!(key in byLang.en)) unknown.push(`${path.relative(SRC, p)}: ${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe('translate', () => {
  const catalogs = { en: { 'a.b': 'Hello {name}', 'a.only_en': 'English only' }, hi: { 'a.b': 'नमस्ते {name}' } };
  it('fills placeholders in the chosen language', () => {
    expect(translate(catalogs, 'hi', 'a.b', { name: 'Asha' })).toBe('नमस्ते Asha');
    expect(translate(catalogs, 'en', 'a.b', { name: 'Asha' })).toBe('Hello Asha');
  });
  it('falls back to English, then to the key itself', () => {
    expect(translate(catalogs, 'hi', 'a.only_en')).toBe('English only');
    expect(translate(catalogs, 'hi', 'a.missing')).toBe('a.missing');
  });
  it('leaves an unknown placeholder visible', () => {
    expect(translate(catalogs, 'en', 'a.b', {})).toBe('Hello {name}');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zxcvbnCommonPasswords } from './password-rules.js';

/**
 * The bundled list of common and breached passwords: the 49,000 entries that ship with
 * @zxcvbn-ts/language-common plus common-passwords-in.txt beside this file (patterns common in
 * India: admin@123, india@123, jaishreeram123 …). Compared case-insensitively, and also with
 * spaces and separators removed, so "Pass Word 123" counts as "password123".
 */
const LIST_FILE = fileURLToPath(new URL('./common-passwords-in.txt', import.meta.url));

let list: Set<string> | undefined;

function load(): Set<string> {
  const s = new Set<string>();
  for (const p of zxcvbnCommonPasswords()) s.add(p.toLowerCase());
  for (const line of readFileSync(LIST_FILE, 'utf8').split('\n')) {
    const p = line.trim();
    if (p && !p.startsWith('#')) s.add(p.toLowerCase());
  }
  return s;
}

export function commonPasswordList(): ReadonlySet<string> {
  return (list ??= load());
}

export function isCommonPassword(password: string): boolean {
  const l = commonPasswordList();
  const folded = password.normalize('NFC').toLowerCase();
  return l.has(folded) || l.has(folded.trim()) || l.has(folded.replace(/\s+/g, ''));
}

import { features } from '../../routes.ts';
import type { CountDef, QuickLink } from '../types.ts';
import { allowed } from '../access.ts';
import type { Role } from '../../policy.ts';

/** Every count label and quick link that features declared, gathered once. */
export function countDefs(): Record<string, CountDef> {
  return Object.assign({}, ...features.map((f) => f.counts ?? {}));
}

export function quickLinksFor(role: Role): QuickLink[] {
  return features
    .flatMap((f) => f.quickLinks ?? [])
    .filter((l) => allowed(role, l))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

// Police abbreviations keep their capitals in a label made from a key.
const ABBREVIATIONS: Record<string, string> = {
  fir: 'FIR',
  firs: 'FIRs',
  efir: 'e-FIR',
  efirs: 'e-FIRs',
  gd: 'GD',
  io: 'IO',
  ios: 'IOs',
  sho: 'SHO',
  sp: 'SP',
  sdpo: 'SDPO',
  scrb: 'SCRB',
  ncrb: 'NCRB',
};

/** 'auditEventsToday' → 'Audit events today': a label for a count no feature has named yet. */
export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([a-z])([0-9])/g, '$1 $2')
    .toLowerCase()
    .trim()
    .split(/\s+/);
  return words.map((w, i) => ABBREVIATIONS[w] ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

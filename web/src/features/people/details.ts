import type { PersonView } from './types.ts';

/**
 * Pure helpers of the person page's edit form: what a correction of the core fields sends (only what
 * the officer changed, with the version it was made on), and how a reloaded record keeps those changes.
 */

/** The core fields PATCH /people/:id takes, as the edit form holds them (strings, '' for none). */
export const EDIT_FIELDS = [
  'name',
  'nameHi',
  'fatherName',
  'motherName',
  'spouseName',
  'sex',
  'birthDate',
  'age',
  'heightCm',
  'build',
  'complexion',
  'occupation',
  'notes',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];
export type EditValues = Record<EditField, string>;

export const BUILDS = ['thin', 'medium', 'athletic', 'heavy', 'obese'] as const;
export const COMPLEXIONS = ['fair', 'wheatish', 'medium', 'dark'] as const;
export const MARK_KINDS = ['mole', 'scar', 'tattoo', 'birthmark', 'deformity', 'other'] as const;
export const DOC_TYPES = ['aadhaar', 'voter_id', 'passport', 'driving_licence', 'pan', 'ration_card', 'other'] as const;

/** The edit form's starting values for a record. */
export function editValuesOf(p: PersonView): EditValues {
  const s = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  return {
    name: p.name,
    nameHi: s(p.nameHi),
    fatherName: s(p.fatherName),
    motherName: s(p.motherName),
    spouseName: s(p.spouseName),
    sex: s(p.sex),
    birthDate: s(p.birthDate),
    // "age X on date D" is only kept when the date of birth is not known.
    age: p.birthDate ? '' : s(p.age?.years),
    heightCm: s(p.heightCm),
    build: s(p.build),
    complexion: s(p.complexion),
    occupation: s(p.occupation),
    notes: s(p.notes),
  };
}

/** The fields whose value in `draft` differs from `base` (trimmed). */
export function changedFields(base: EditValues, draft: EditValues): EditField[] {
  return EDIT_FIELDS.filter((k) => draft[k].trim() !== base[k].trim());
}

const wholeNumber = (s: string) => (/^\d{1,3}$/.test(s) ? Number(s) : undefined);

/**
 * The PATCH body for a correction: the version it was made on and only the changed fields, a
 * cleared field as null (the name and sex cannot be cleared: the name is required, a cleared sex
 * is 'unknown'). `problems` names fields the browser refuses before sending (field → message key).
 */
export function editBody(
  base: EditValues,
  draft: EditValues,
  version: number,
): { body: Record<string, unknown>; changed: EditField[]; problems: Record<string, string> } {
  const body: Record<string, unknown> = { version };
  const problems: Record<string, string> = {};
  const changed = changedFields(base, draft);
  for (const k of changed) {
    const v = draft[k].trim();
    if (k === 'name') {
      if (!v) problems.name = 'common.required';
      else body.name = v;
    } else if (k === 'sex') body.sex = v || 'unknown';
    else if (k === 'heightCm' || k === 'age') {
      const n = wholeNumber(v);
      if (v && n === undefined) problems[k] = 'people.edit.whole_number';
      else if (k === 'heightCm') body.heightCm = n ?? null;
      else body.age = n === undefined ? null : { years: n };
    } else body[k] = v || null;
  }
  return { body, changed, problems };
}

/**
 * After the record was changed by someone else (412) and loaded again: the new values, with the
 * officer's own changes kept on top, so that saving again sends only those and does not undo the
 * other person's.
 */
export function rebase(base: EditValues, draft: EditValues, next: EditValues): EditValues {
  const out = { ...next };
  for (const k of changedFields(base, draft)) out[k] = draft[k];
  return out;
}

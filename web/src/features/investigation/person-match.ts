import type { MatchQuery } from '../people/types.ts';

/** The values of the case's add-person form, by field name ("person.name" …). */
export type PersonFormValues = Record<string, string | boolean>;

/**
 * The details typed so far in the case's add-person form as a people match query (POST
 * /people/match): null until the name has 2 letters; a date of birth, age or phone only once it
 * is whole and valid, so a half-typed value never makes the server answer 400.
 */
export function matchQueryOf(v: PersonFormValues): MatchQuery | null {
  const s = (k: string) => {
    const x = v[k];
    return typeof x === 'string' ? x.trim() : '';
  };
  const name = s('person.name');
  if ([...name.replace(/\s+/g, '')].length < 2) return null;
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(s('person.birthDate')) ? s('person.birthDate') : undefined;
  const age = Number(s('person.ageYears'));
  const phone = s('person.phone').replace(/[\s-]/g, '');
  return {
    name: name.slice(0, 200),
    ...(s('person.fatherName') ? { fatherName: s('person.fatherName').slice(0, 200) } : {}),
    ...(s('person.sex') ? { sex: s('person.sex') } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(!birthDate && s('person.ageYears') && Number.isInteger(age) && age >= 0 && age <= 130 ? { age: { years: age } } : {}),
    ...(s('person.address') ? { address: s('person.address').slice(0, 500) } : {}),
    ...(/^\+?[0-9]{10,13}$/.test(phone) ? { phones: [phone] } : {}),
    limit: 5,
  };
}

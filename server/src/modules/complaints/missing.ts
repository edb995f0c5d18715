import { istDate } from '../../lib/clock.js';
import { penalCodeAt } from '../masterdata/law.js';
import { KIND_INFO, isComplaintKind } from './kinds.js';

/**
 * The missing person of a missing-person complaint, as stored (complaint.missing_person): what
 * the citizen gave (schemas.ts missingPersonDetails), with lastSeenAt as an ISO string.
 */
export interface MissingPersonStored {
  name: string;
  sex: 'male' | 'female' | 'transgender' | 'unknown';
  ageYears?: number;
  dateOfBirth?: string;
  heightCm?: number;
  clothing: string;
  marks: string[];
  lastSeenAt: string;
  lastSeenPlace: string;
  relation?: string;
}

/** BNS 2(3) (and the JJ Act 2015, s.2(12)): a child is a person under eighteen. */
export const CHILD_UNDER_YEARS = 18;

/**
 * The person's age in whole years when last seen: the age given, or counted from the date of
 * birth to the day (IST) they were last seen. Undefined when neither is known.
 */
export function ageWhenLastSeen(m: Pick<MissingPersonStored, 'ageYears' | 'dateOfBirth' | 'lastSeenAt'>): number | undefined {
  if (m.dateOfBirth) {
    const seen = istDate(new Date(m.lastSeenAt));
    const [by, bm, bd] = m.dateOfBirth.split('-').map(Number);
    const [sy, sm, sd] = seen.split('-').map(Number);
    return Math.max(0, sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0));
  }
  return m.ageYears;
}

/** A child when last seen: under 18 by the age given or the date of birth. */
export function isMissingChild(m: unknown): boolean {
  if (!m || typeof m !== 'object') return false;
  const age = ageWhenLastSeen(m as MissingPersonStored);
  return age !== undefined && age < CHILD_UNDER_YEARS;
}

/**
 * The sections to start the FIR from, for the registration form (a suggestion, never applied by
 * itself). A missing child is presumed kidnapped (Bachpan Bachao Andolan, 2013): BNS 137(2)
 * for a disappearance on or after 1 July 2024, IPC 363 before it (the code of the date of the
 * offence, LAW.md). Other kinds: the kind's own suggestion (kinds.ts).
 */
export function suggestedSectionsFor(kind: string, missingPerson: unknown, occurrenceFrom: Date): { act: string; section: string }[] {
  if (kind === 'missing_person' && isMissingChild(missingPerson)) {
    const at = new Date((missingPerson as MissingPersonStored).lastSeenAt ?? occurrenceFrom);
    return penalCodeAt(at) === 'BNS' ? [{ act: 'BNS', section: '137(2)' }] : [{ act: 'IPC', section: '363' }];
  }
  return isComplaintKind(kind) ? [...KIND_INFO[kind].suggestedSections] : [];
}

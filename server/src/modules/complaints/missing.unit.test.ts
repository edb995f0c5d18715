import { describe, expect, it } from 'vitest';
import { ageWhenLastSeen, isMissingChild, suggestedSectionsFor } from './missing.js';
import { allowedActions } from './workflow.js';

const seen = '2026-01-10T16:00:00+05:30';

describe('a missing child', () => {
  it('is under 18 when last seen, by the age given or counted from the date of birth to the day (IST)', () => {
    expect(isMissingChild({ ageYears: 17, lastSeenAt: seen })).toBe(true);
    expect(isMissingChild({ ageYears: 18, lastSeenAt: seen })).toBe(false);
    expect(ageWhenLastSeen({ dateOfBirth: '2008-01-10', lastSeenAt: seen })).toBe(18);
    expect(ageWhenLastSeen({ dateOfBirth: '2008-01-11', lastSeenAt: seen })).toBe(17);
    // 23:30 UTC on 9 January is already 10 January in India: the birthday has come.
    expect(ageWhenLastSeen({ dateOfBirth: '2008-01-10', lastSeenAt: '2026-01-09T23:30:00Z' })).toBe(18);
    expect(isMissingChild(null)).toBe(false);
    expect(isMissingChild({ lastSeenAt: seen })).toBe(false);
  });

  it('suggests BNS 137(2) from 1 July 2024 and IPC 363 before it; an adult gets the kind’s own suggestion (none)', () => {
    const child = { ageYears: 9, lastSeenAt: seen };
    expect(suggestedSectionsFor('missing_person', child, new Date(seen))).toEqual([{ act: 'BNS', section: '137(2)' }]);
    expect(suggestedSectionsFor('missing_person', { ...child, lastSeenAt: '2024-06-30T22:00:00+05:30' }, new Date(seen))).toEqual([
      { act: 'IPC', section: '363' },
    ]);
    expect(suggestedSectionsFor('missing_person', { ageYears: 30, lastSeenAt: seen }, new Date(seen))).toEqual([]);
    expect(suggestedSectionsFor('vehicle_theft', null, new Date(seen))).toEqual([{ act: 'BNS', section: '303(2)' }]);
  });

  it('takes only registration and transfer from the workflow table, at every open status', () => {
    const base = { efir: false, efirSignedAt: null, missingChild: true } as const;
    expect(allowedActions({ ...base, status: 'submitted', peState: null })).toEqual(['register_fir', 'transfer']);
    expect(allowedActions({ ...base, status: 'preliminary_enquiry', peState: 'approved' })).toEqual(['register_fir']);
    expect(allowedActions({ ...base, missingChild: false, status: 'submitted', peState: null })).toContain('close');
  });
});

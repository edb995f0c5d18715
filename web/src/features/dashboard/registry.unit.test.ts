import { describe, expect, it } from 'vitest';
import { humanize } from './registry.ts';

describe('humanize', () => {
  it('makes a label from a count key no feature has named', () => {
    expect(humanize('auditEventsToday')).toBe('Audit events today');
    expect(humanize('pending_transfers')).toBe('Pending transfers');
    expect(humanize('hearingsNext7Days')).toBe('Hearings next 7 days');
  });
  it('keeps police abbreviations in capitals', () => {
    expect(humanize('firsRegisteredToday')).toBe('FIRs registered today');
    expect(humanize('gdEntriesToday')).toBe('GD entries today');
    expect(humanize('efirsAwaitingSignature')).toBe('e-FIRs awaiting signature');
  });
});

import { describe, expect, it } from 'vitest';
import { fortnightOf, shiftFortnight } from './NcrRegisterPage.tsx';

describe('the NCR register’s fortnights (BNSS 174(1): forwarded to the Magistrate fortnightly)', () => {
  it('splits a month at the 15th, the second half ending on the month’s last day', () => {
    expect(fortnightOf('2026-02-01')).toEqual({ from: '2026-02-01', to: '2026-02-15' });
    expect(fortnightOf('2026-02-15')).toEqual({ from: '2026-02-01', to: '2026-02-15' });
    expect(fortnightOf('2026-02-16')).toEqual({ from: '2026-02-16', to: '2026-02-28' });
    expect(fortnightOf('2028-02-29')).toEqual({ from: '2028-02-16', to: '2028-02-29' });
    expect(fortnightOf('2026-12-31')).toEqual({ from: '2026-12-16', to: '2026-12-31' });
  });

  it('steps to the fortnight before and after, across months and years', () => {
    expect(shiftFortnight('2026-01-01', -1)).toEqual({ from: '2025-12-16', to: '2025-12-31' });
    expect(shiftFortnight('2026-01-16', -1)).toEqual({ from: '2026-01-01', to: '2026-01-15' });
    expect(shiftFortnight('2026-01-16', 1)).toEqual({ from: '2026-02-01', to: '2026-02-15' });
    expect(shiftFortnight('2026-12-16', 1)).toEqual({ from: '2027-01-01', to: '2027-01-15' });
  });
});

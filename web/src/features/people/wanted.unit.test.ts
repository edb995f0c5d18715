import { describe, expect, it } from 'vitest';
import { nextWantedStatuses, offersStatusChange, wantedBody } from './wanted.ts';

describe('the wanted register’s forms', () => {
  it('sends a wanted entry with the empty fields left out and the reward as a number', () => {
    const r = wantedBody('p1', { kind: 'wanted', court: ' ', rewardAmount: '5000', description: ' Absconding ' });
    expect(r.problems).toEqual({});
    expect(r.body).toEqual({ personId: 'p1', kind: 'wanted', rewardAmount: 5000, description: 'Absconding' });
  });

  it('asks for the court and the order date of a proclamation (BNSS 84), and for the person', () => {
    expect(wantedBody('', { kind: 'proclaimed_offender', rewardAmount: '5k' }).problems).toEqual({
      personId: 'people.wanted.pick_person',
      court: 'people.wanted.order_required',
      orderDate: 'people.wanted.order_required',
      rewardAmount: 'people.wanted.reward_number',
    });
  });

  it('offers a status change on the officer’s own station’s entries, and on all to an officer above a station', () => {
    expect(offersStatusChange({ stationId: 's1' }, 's1')).toBe(true);
    expect(offersStatusChange({ stationId: 's1' }, 's2')).toBe(false);
    expect(offersStatusChange({ stationId: null }, 's2')).toBe(true);
  });

  it('offers every other status, never the one the entry has', () => {
    expect(nextWantedStatuses('active')).toEqual(['arrested', 'surrendered', 'withdrawn']);
    expect(nextWantedStatuses('arrested')).toEqual(['surrendered', 'withdrawn', 'active']);
  });
});

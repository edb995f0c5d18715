import { describe, expect, it } from 'vitest';
import { planGeography } from './geography.js';

describe('planGeography', () => {
  it('gives every station a code of its own whatever the number of stations (14 to a district)', () => {
    for (const stations of [1, 13, 14, 15, 20, 21, 30, 41, 700]) {
      const g = planGeography(1, 100, 3, 'G', stations);
      expect(g.stations.length).toBe(Math.max(2, stations));
      expect(new Set(g.stations.map((s) => s.code)).size).toBe(g.stations.length);
      expect(g.districts.length).toBe(Math.ceil(g.stations.length / 14));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { findImeis, findLabelled, findRegistrations, luhnValid, normaliseIdentifier, timeBandOf } from './identifiers.js';

describe('vehicle and property identifiers', () => {
  it('normalises a registration however it is typed', () => {
    for (const s of ['MH 12 AB 1234', 'mh-12-ab-1234', 'MH12AB1234', ' mh 12ab 1234 ', 'ＭＨ１２ＡＢ１２３４'])
      expect(normaliseIdentifier(s)).toBe('mh12ab1234');
  });

  it('finds registration marks in running text, not sections of law', () => {
    expect(findRegistrations('Hero Splendor motorcycle, black, MP04 AB 1234, and a car DL 3C AB 1234')).toEqual([
      'mp04ab1234',
      'dl3cab1234',
    ]);
    expect(findRegistrations('Bajaj Pulsar, MP-04-CD-5678, chassis MD2A11CZ5LCA12345')).toEqual(['mp04cd5678']);
    expect(findRegistrations('Bharat series 22 BH 1234 AA')).toEqual(['22bh1234aa']);
    expect(findRegistrations('registered under BNS 303(2) and IPC 379')).toEqual([]);
  });

  it('finds chassis and engine numbers named as such', () => {
    expect(findLabelled('red, chassis no. MD2A11CZ5LCA12345, engine no: JF50ET123456', 'chassis')).toBe('md2a11cz5lca12345');
    expect(findLabelled('red, chassis no. MD2A11CZ5LCA12345, engine no: JF50ET123456', 'engine')).toBe('jf50et123456');
  });

  it('finds IMEIs by their Luhn check digit', () => {
    expect(luhnValid('490154203237518')).toBe(true);
    expect(findImeis('Vivo phone, IMEI 49-015420-323751-8 and 490154203237519')).toEqual(['490154203237518']);
  });

  it('puts an instant in its IST time-of-day band', () => {
    expect(timeBandOf(new Date('2026-01-10T17:00:00Z'))).toBe('night'); // 22:30 IST
    expect(timeBandOf(new Date('2026-01-10T03:00:00Z'))).toBe('morning'); // 08:30 IST
    expect(timeBandOf(new Date('2026-01-10T08:00:00Z'))).toBe('afternoon'); // 13:30 IST
    expect(timeBandOf(new Date('2026-01-10T12:00:00Z'))).toBe('evening'); // 17:30 IST
  });
});

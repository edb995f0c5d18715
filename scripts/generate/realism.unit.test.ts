/**
 * Is the synthetic state like a real one? The generator's own promises (issue 7): crime heads in
 * NCRB's shares, a realistic sensitive share, occurrence hours with their daily rhythm, and
 * property crime that clusters as near repeats. One generated state, measured as an analyst
 * would measure real data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, readMasterDataDir } from '../../server/src/modules/masterdata/index.js';
import type { Catalogue } from '../../server/src/modules/masterdata/catalogue.js';
import { HOUR_WEIGHTS, resolveMix, type ResolvedHead } from './crime-mix.js';
import { COLS, generate } from './generator.js';
import { memorySink } from './memory-sink.js';

const N = 8000;

interface Fir {
  id: string;
  station: string;
  from: Date;
  lat: number;
  lng: number;
  sig: string;
  sensitive: boolean;
}

const sigOf = (sections: { act: string; section: string }[]) =>
  sections
    .map((s) => `${s.act} ${s.section}`)
    .sort()
    .join('+');
/** How far a share measured on n draws may stray from p by chance: four standard errors. */
const within = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);
const istHour = (d: Date) => new Date(d.getTime() + 5.5 * 3_600_000).getUTCHours();
const metres = (a: Fir, b: Fir) => Math.hypot((a.lat - b.lat) * 111_000, (a.lng - b.lng) * 105_000);

describe('the generated state looks like a real one', () => {
  let cat: Catalogue;
  let heads: ResolvedHead[];
  let weights: number[];
  let firs: Fir[];

  beforeAll(async () => {
    cat = buildCatalogue(await readMasterDataDir());
    ({ heads, weights } = resolveMix(cat));
    const sink = memorySink();
    await generate(sink, cat, { seed: 11, firs: N, persons: N * 3, years: 2, until: '2026-10-31' });
    const col = (name: string) => (COLS.fir as readonly string[]).indexOf(name);
    const [id, station, from, lat, lng] = ['id', 'station_id', 'occurrence_from', 'place_lat', 'place_lng'].map(col);
    const sections = new Map<string, { act: string; section: string }[]>();
    for (const r of sink.rows.get('fir_section')!) {
      const list = sections.get(r[0]!) ?? [];
      list.push({ act: r[2]!, section: r[3]! });
      sections.set(r[0]!, list);
    }
    const sensitive = new Set(
      sink.rows
        .get('fir_status')!
        .filter((r) => r[7] === 't')
        .map((r) => r[0]!),
    );
    firs = sink.rows.get('fir')!.map((r) => ({
      id: r[id]!,
      station: r[station]!,
      from: new Date(r[from]!),
      lat: Number(r[lat]),
      lng: Number(r[lng]),
      sig: sigOf(sections.get(r[id]!) ?? []),
      sensitive: sensitive.has(r[id]!),
    }));
  }, 120_000);

  /** Heads registered under the same sections cannot be told apart in the data: they are compared together. */
  function groups() {
    const bySig = new Map<string, number>();
    const groupOf: number[] = [];
    heads.forEach((h, i) => {
      const keys = [sigOf(h.ipcSections), sigOf(h.bnsSections)];
      const g = keys.map((k) => bySig.get(k)).find((x) => x !== undefined) ?? i;
      groupOf[i] = g;
      for (const k of keys) bySig.set(k, g);
    });
    // A later head may have joined two earlier groups: settle each signature on its final group.
    for (const [k, g] of bySig) bySig.set(k, groupOf[g]!);
    return { bySig, groupOf };
  }

  it('registers each crime head (of 2 % or more) in its NCRB share, follow-ups included', () => {
    expect(firs).toHaveLength(N);
    const { bySig, groupOf } = groups();
    const total = weights.reduce((a, b) => a + b, 0);
    const expected = new Map<number, number>();
    heads.forEach((_, i) => expected.set(groupOf[i]!, (expected.get(groupOf[i]!) ?? 0) + weights[i]! / total));
    const observed = new Map<number, number>();
    let unknown = 0;
    for (const f of firs) {
      const g = bySig.get(f.sig);
      if (g === undefined) unknown++;
      else observed.set(g, (observed.get(g) ?? 0) + 1 / N);
    }
    expect(unknown).toBe(0);
    const off: string[] = [];
    for (const [g, share] of expected) {
      if (share < 0.02) continue;
      const got = observed.get(g) ?? 0;
      if (Math.abs(got - share) > within(share, N))
        off.push(`${heads[g]!.code}: expected ${(share * 100).toFixed(1)} %, got ${(got * 100).toFixed(1)} %`);
    }
    expect(off).toEqual([]);
  });

  it('marks as sensitive the share of FIRs whose sections are sexual offences or offences against children', () => {
    const total = weights.reduce((a, b) => a + b, 0);
    const bnsShare = firs.filter((f) => heads.some((h) => sigOf(h.bnsSections) === f.sig && h.bnsSections[0]!.act !== 'IPC')).length / N;
    const expected = heads.reduce((s, h, i) => {
      const sens = (list: typeof h.bnsSections) => (list.some((x) => x.sensitive) ? 1 : 0);
      return s + (weights[i]! / total) * (bnsShare * sens(h.bnsSections) + (1 - bnsShare) * sens(h.ipcSections));
    }, 0);
    const got = firs.filter((f) => f.sensitive).length / N;
    expect(expected).toBeGreaterThan(0.01);
    expect(Math.abs(got / expected - 1)).toBeLessThan(0.2);
  });

  it('gives burglary its night and theft its market hours (IST), as the hour profiles say', () => {
    const burglarySigs = new Set(heads.filter((h) => h.family === 'burglary').flatMap((h) => [sigOf(h.ipcSections), sigOf(h.bnsSections)]));
    const night = (h: number) => h >= 20 || h < 6;
    const w = HOUR_WEIGHTS.burglary;
    const expectedNight = w.reduce((s, x, h) => s + (night(h) ? x : 0), 0) / w.reduce((a, b) => a + b, 0);
    const burglaries = firs.filter((f) => burglarySigs.has(f.sig));
    expect(burglaries.length).toBeGreaterThan(100);
    const gotNight = burglaries.filter((f) => night(istHour(f.from))).length / burglaries.length;
    expect(Math.abs(gotNight - expectedNight)).toBeLessThan(within(expectedNight, burglaries.length));
    // Everything together still has a daily rhythm: the quietest hours of the night see far fewer.
    const byHour = Array.from({ length: 24 }, (_, h) => firs.filter((f) => istHour(f.from) === h).length);
    expect(Math.min(...byHour.slice(2, 6))).toBeLessThan(Math.max(...byHour.slice(10, 22)) / 2);
  });

  it('clusters property crime in near repeats: more pairs within 200 m and 14 days than the same places at shuffled times', () => {
    const property = new Set(heads.filter((h) => h.nearRepeat).flatMap((h) => [sigOf(h.ipcSections), sigOf(h.bnsSections)]));
    const byStation = new Map<string, Fir[]>();
    for (const f of firs) if (property.has(f.sig)) byStation.set(f.station, [...(byStation.get(f.station) ?? []), f]);
    /** Pairs within 200 m and 14 days of each other. */
    const closePairs = (list: Fir[], time: (f: Fir) => number) => {
      let n = 0;
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          if (Math.abs(time(list[i]!) - time(list[j]!)) <= 14 * 86_400_000 && metres(list[i]!, list[j]!) <= 200) n++;
      return n;
    };
    let real = 0;
    let shuffled = 0;
    let seed = 42;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const list of byStation.values()) {
      real += closePairs(list, (f) => f.from.getTime());
      const times = list.map((f) => f.from.getTime()).sort(() => rand() - 0.5);
      const at = new Map(list.map((f, i) => [f.id, times[i]!]));
      shuffled += closePairs(list, (f) => at.get(f.id)!);
    }
    // A Knox test: published near-repeat studies find 1.3-2 times the pairs expected by chance in
    // the nearest band (Johnson & Bowers 2004); the hotspots alone already bring places close.
    expect(real).toBeGreaterThan(100);
    expect(real / shuffled).toBeGreaterThan(1.25);
  });
});

/**
 * The SQL ranking on an in-memory PGlite (no server database needed, hence a
 * unit test): parity with the TypeScript explanation, filters, bad input, and
 * a small run of the labelled evaluation.
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameIndexFields } from './fields.js';
import { explainMatch, type MatchCandidate, type MatchContext } from './score.js';
import { buildNameSearchSql, quoteIdent, type NameSearchOptions } from './sql.js';
import { generateDistractors } from './eval/distractors.js';
import { createEvalDb, loadPairs, runNameEval } from './eval/run-eval.js';

interface Row {
  id: number;
  name: string;
  score: number;
  why: string[];
}

/** A person row with optional fields, like the people module would store. */
interface Person extends MatchCandidate {
  id: number;
}

const PEOPLE: Person[] = [
  { id: 1, name: 'Rajesh Kumar Shrivastava', fatherName: 'Ramesh Chandra Shrivastava', birthYear: 1984, districtId: 11, sex: 'M' },
  { id: 2, name: 'राजेश श्रीवास्तव', fatherName: 'रमेश चंद्र श्रीवास्तव', birthYear: 1985, districtId: 12, sex: 'M' },
  { id: 3, name: 'R. K. Srivastav', birthYear: 1960, districtId: 11, sex: 'M' },
  { id: 4, name: 'Ramesh Kumar Srivastava', fatherName: 'Dinesh Srivastava', birthYear: 1990, districtId: 11, sex: 'M' },
  { id: 5, name: 'Rajeshwari Srivastava', birthYear: 1984, districtId: 11, sex: 'F' },
  { id: 6, name: 'Shrinivas Rao', districtId: 20, sex: 'M' },
  { id: 7, name: 'Mohammed Irfan', fatherName: 'Md. Salim', districtId: 30, sex: 'M' },
  { id: 8, name: 'Laxmi Devi', districtId: 12, sex: 'F' },
  { id: 9, name: 'Mahendra Singh', districtId: 40, sex: 'M' },
];

let db: PGlite;

beforeAll(async () => {
  db = await createEvalDb();
  for (const p of PEOPLE) {
    const f = nameIndexFields(p.name);
    await db.query(
      `insert into eval_people (id, name, name_norm, name_keys, father_norm, birth_year, district_id, sex)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        p.id,
        p.name,
        f.norm,
        f.keys,
        p.fatherName ? nameIndexFields(p.fatherName).norm : null,
        p.birthYear ?? null,
        p.districtId ?? null,
        p.sex ?? null,
      ],
    );
  }
});

afterAll(async () => {
  await db.close();
});

async function search(opts: Omit<NameSearchOptions, 'table'>): Promise<Row[]> {
  const { text, values } = buildNameSearchSql({ table: 'eval_people', ...opts });
  return (await db.query<Row>(text, values)).rows;
}

describe('buildNameSearchSql on PGlite', () => {
  it('finds a person across scripts, spellings and initials, with why each matched', async () => {
    const rows = await search({ q: 'श्रीवास्तव, राजेश' });
    expect(
      rows
        .slice(0, 3)
        .map((r) => r.id)
        .sort(),
    ).toEqual([1, 2, 3]);
    const top = rows.find((r) => r.id === 1)!;
    expect(top.why).toContain('phonetic: rajesh≈rajes');
    expect(top.why).toContain('phonetic: shrivastav≈srivastava');
    expect(rows.find((r) => r.id === 3)!.why).toContain('initial: rajesh≈r');
  });

  it('scores exactly as explainMatch does, with the same reasons', async () => {
    const cases: Array<[string, MatchContext]> = [
      ['Rajesh Srivastava', {}],
      ['R. K. Shrivastav', { birthYear: 1985, sex: 'M' }],
      ['Rajesh Kumar Srivastava', { fatherName: 'Ramesh Chandra', districtId: 11, sex: 'm', birthYear: 1984 }],
      ['Srinivas Rao', { districtId: 20 }],
      ['Muhammad Irfan', { fatherName: 'Mohd Saleem' }],
      ['Mohinder Singh', { sex: 'F' }],
      ['Rajseh Srivastva', { birthYear: 2001 }],
    ];
    for (const [q, context] of cases) {
      const rows = await search({ q, context, limit: 100 });
      expect(rows.length, q).toBeGreaterThan(0);
      for (const row of rows) {
        const person = PEOPLE.find((p) => p.id === row.id)!;
        const e = explainMatch(q, person, context);
        expect(row.score, `${q} → ${person.name}`).toBeCloseTo(e.score, 5);
        expect(row.why, `${q} → ${person.name}`).toEqual(e.why);
      }
    }
  });

  it('ranks by agreement on other fields when names tie', async () => {
    const rows = await search({ q: 'Rajesh Srivastava', context: { districtId: 12, birthYear: 1985 } });
    expect(rows[0]!.id).toBe(2);
    expect(rows[0]!.why).toEqual(expect.arrayContaining(['same district', 'same birth year']));
  });

  it('applies hard filters and extra conditions', async () => {
    const byDistrict = await search({ q: 'Srivastava', filter: { districtIds: [12] } });
    expect(byDistrict.map((r) => r.id)).toEqual([2]);
    const bySex = await search({ q: 'Srivastava', filter: { sex: 'F' } });
    expect(bySex.map((r) => r.id)).toEqual([5]);
    const byYear = await search({ q: 'Srivastava', filter: { birthYearFrom: 1983, birthYearTo: 1986 } });
    expect(byYear.map((r) => r.id).sort()).toEqual([1, 2, 5]);
    const scoped = await search({ q: 'Srivastava', extraWhere: (bind) => `c.id <> ${bind(1)}::int and c.district_id = ${bind(11)}::int` });
    expect(scoped.map((r) => r.id).sort()).toEqual([3, 4, 5]);
    const strong = await search({ q: 'Rajesh Srivastava', minScore: 0.7 });
    expect(strong.every((r) => r.score >= 0.7)).toBe(true);
  });

  it('does not confuse a hard negative for the person: Ramesh is below Rajesh', async () => {
    const rows = await search({ q: 'Rajesh Kumar Srivastava' });
    const rank = (id: number): number => rows.findIndex((r) => r.id === id);
    expect(rank(1)).toBe(0);
    expect(rank(4)).toBeGreaterThan(rank(2));
  });

  it('treats a 1,000-character, regex-like or SQL-like query as text', async () => {
    const long = await search({ q: 'Rajesh '.repeat(150) });
    expect(nameIndexFields(long[0]!.name).tokens).toContain('rajes');
    await expect(search({ q: "Rajesh'); drop table eval_people; --" })).resolves.toBeInstanceOf(Array);
    await expect(search({ q: 'Raj.*e[sh]+ (a|b)' })).resolves.toBeInstanceOf(Array);
    const count = await db.query<{ n: number }>('select count(*)::int as n from eval_people');
    expect(count.rows[0]!.n).toBe(PEOPLE.length);
  });

  it('refuses a query with no letters and a table or column name that is not an identifier', () => {
    expect(() => buildNameSearchSql({ table: 'eval_people', q: '12 .. //' })).toThrow(RangeError);
    expect(() => buildNameSearchSql({ table: 'people; drop table x', q: 'Rajesh' })).toThrow(TypeError);
    expect(() => buildNameSearchSql({ table: 'people', q: 'Rajesh', columns: { nameNorm: 'a"b' } })).toThrow(TypeError);
    expect(quoteIdent('cctns.people')).toBe('"cctns"."people"');
  });

  it('fetches candidates only through the GIN-indexable predicates', () => {
    const { text } = buildNameSearchSql({ table: 'people', q: 'Rajesh' });
    expect(text).toContain('"name_keys" && $6::text[] or c."name_norm" % $5::text');
  });
});

describe('why a custom key (fuzzystrmatch has Soundex and Double Metaphone)', () => {
  it('Double Metaphone and Soundex split pairs that our key joins', async () => {
    const r = await db.query<{ a: string; b: string; c: string; d: string; e: string; f: string }>(
      `select dmetaphone('Shrinivas') a, dmetaphone('Srinivas') b,
              dmetaphone('Lakshmi') c, dmetaphone('Laxmi') d,
              soundex('Qasim') e, soundex('Kasim') f`,
    );
    const x = r.rows[0]!;
    expect(x.a).not.toBe(x.b);
    expect(x.c).not.toBe(x.d);
    expect(x.e).not.toBe(x.f);
    const key = (n: string): string => nameIndexFields(n).keys[0]!;
    expect(key('Shrinivas')).toBe(key('Srinivas'));
    expect(key('Lakshmi')).toBe(key('Laxmi'));
    expect(key('Qasim')).toBe(key('Kasim'));
  });
});

describe('labelled evaluation (small)', () => {
  it('finds ≥ 95% of true variants in the top 10, ≥ 1.3× plain pg_trgm', async () => {
    const all = loadPairs();
    const same = all.filter((p) => p.label === 'same');
    // Every third 'same' pair: a spread over all kinds of variants.
    const sample = same.filter((_, i) => i % 3 === 0).slice(0, 100);
    const report = await runNameEval({ pairs: sample, distractors: 1500, seed: 7, measureKeysOnly: false });
    expect(report.same).toBe(100);
    expect(report.oursRecall10).toBeGreaterThanOrEqual(0.95);
    expect(report.ratio).toBeGreaterThanOrEqual(1.3);
  }, 180_000);

  it('generates the same distractors for the same seed', () => {
    expect(generateDistractors(50, 3)).toEqual(generateDistractors(50, 3));
    expect(new Set(generateDistractors(500, 3).map((d) => d.name)).size).toBe(500);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makePerson } from './factories.js';
import { verhoeffDigit } from './identity.js';

let t: TestContext;
let io: Client;
const AADHAAR = `23456789012${verhoeffDigit('23456789012')}`;
const PRINTED = `${AADHAAR.slice(0, 4)} ${AADHAAR.slice(4, 8)} ${AADHAAR.slice(8)}`;

beforeAll(async () => {
  t = await startTestApp();
  io = await t.login('io.ps1');
}, 300_000);
afterAll(() => t.close());

/** Every text-like column of every table, searched for `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY', 'bytea')`.execute(t.db.kysely);
  const byTable = new Map<string, string[]>();
  for (const c of cols.rows) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  const hits: string[] = [];
  const like = `%${needle}%`;
  for (const [table, columns] of byTable) {
    const any = sql.join(
      columns.map((c) => sql`${sql.ref(c)}::text like ${like}`),
      sql` or `,
    );
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${any}`.execute(t.db.kysely);
    if (Number(r.rows[0]!.n) > 0) hits.push(table);
  }
  return hits;
}

describe('identity documents', () => {
  it('never stores an Aadhaar number in full: only the last four digits and a keyed hash', async () => {
    const p = await makePerson(t, io, { name: 'Aadhaar Holder', identityDocuments: [{ type: 'aadhaar', number: PRINTED }] });
    const view = (await io.get(`/api/v1/people/${p.id}`)).json();
    expect(view.identityDocuments).toEqual([expect.objectContaining({ type: 'aadhaar', numberMasked: `XXXX-XXXX-${AADHAAR.slice(8)}` })]);
    expect(JSON.stringify(view)).not.toContain(AADHAAR.slice(0, 8));
    expect(JSON.stringify(view)).not.toMatch(/hmac/i);
    expect(await tablesContaining(AADHAAR)).toEqual([]);
    expect(await tablesContaining(AADHAAR.slice(0, 8))).toEqual([]);
    const row = await t.db.kysely.selectFrom('person_identity').selectAll().where('person_id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.number).toBeNull();
    expect(row.number_hmac).toMatch(/^[0-9a-f]{64}$/);
  }, 180_000);

  it('matches two records with the same Aadhaar through the keyed hash', async () => {
    const r = await io.post('/api/v1/people/match', {
      name: 'Totally Different Name',
      identityDocuments: [{ type: 'aadhaar', number: AADHAAR }],
    });
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { person: { name: string }; evidence: { field: string; verdict: string }[] }[];
    expect(items[0]?.person.name).toBe('Aadhaar Holder');
    expect(items[0]?.evidence).toContainEqual(expect.objectContaining({ field: 'identityDocument', verdict: 'same' }));
  });

  it('refuses an Aadhaar number with a wrong check digit, naming the field', async () => {
    const bad = `${AADHAAR.slice(0, 11)}${(Number(AADHAAR[11]) + 1) % 10}`;
    const r = await io.post('/api/v1/people', { name: 'Bad Aadhaar', identityDocuments: [{ type: 'aadhaar', number: bad }] });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).fields).toHaveProperty('identityDocuments.0.number');
    expect(await tablesContaining(bad)).toEqual([]);
  }, 180_000);
});

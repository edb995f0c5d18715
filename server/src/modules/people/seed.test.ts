import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';

/**
 * The demo state as `npm start` seeds it (every seeder, seed/index.ts): what a person's record
 * says became of him in a case is what the case's own workflow says. A conviction on the record
 * of a case the court never disposed of would tell an officer checking antecedents a falsehood.
 */
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ withRecords: true });
}, 300_000);
afterAll(() => t.close());

/** Results only a court gives: the case must be disposed of (or under appeal after that). */
const COURT_RESULTS = new Set(['convicted', 'acquitted', 'discharged', 'compounded', 'abated']);

describe('people demo data', () => {
  it('shows a result on a person’s record only where the case has reached it, and a court result as the court recorded it', async () => {
    const rows = await t.db.kysely
      .selectFrom('person_case_role as r')
      .innerJoin('fir as f', 'f.id', 'r.fir_id')
      .innerJoin('fir_status as s', 's.fir_id', 'r.fir_id')
      .leftJoin('case_person as p', (j) =>
        j.onRef('p.fir_id', '=', 'r.fir_id').onRef('p.person_id', '=', 'r.person_id').onRef('p.role', '=', 'r.role'),
      )
      .leftJoin('court_disposal_accused as da', 'da.case_person_id', 'p.id')
      .leftJoin('court_disposal as d', 'd.id', 'da.disposal_id')
      .select(['f.fir_number', 'r.code', 'r.result', 'r.result_on', 's.stage', 'da.result as courtResult', 'd.decided_on'])
      .where('r.result', 'is not', null)
      .execute();
    // The demo shows a conviction on a repeat offender's record (people/seed.ts).
    expect(rows.map((r) => r.result)).toContain('convicted');
    for (const r of rows) {
      const what = `${r.fir_number} ${r.code}: ${r.result} at stage ${r.stage}`;
      if (COURT_RESULTS.has(r.result!)) {
        expect(['disposed', 'appealed'], what).toContain(r.stage);
        if (r.result !== 'abated') expect({ result: r.courtResult, on: r.decided_on }, what).toEqual({ result: r.result, on: r.result_on });
      } else expect(['registered', 'under_investigation'], what).not.toContain(r.stage);
    }
  });

  it('counts the repeat offender’s conviction on his record, in a disposed case', async () => {
    const salim = await t.db.kysely.selectFrom('person').select('id').where('name', '=', 'Mohd. Salim Qureshi').executeTakeFirstOrThrow();
    const r = await (await t.login('io.ps1')).get(`/api/v1/people/${salim.id}/record`);
    expect(r.statusCode, r.body).toBe(200);
    const rec = r.json() as { accused: { result: string | null; stage: string }[]; counts: { accused: number; convicted: number } };
    expect(rec.counts).toMatchObject({ accused: 3, convicted: 1 });
    expect(rec.accused.filter((c) => c.result === 'convicted').map((c) => c.stage)).toEqual(['disposed']);
  });
});

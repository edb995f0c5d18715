import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { issueCourtToken } from '../court/service.js';
import { seedProsecution } from './seed.js';

/**
 * The prosecution demo data: cases at every stage after the investigation, and the OpenAPI
 * examples of this module's request bodies, sent unchanged, succeed against it.
 */
let t: TestContext;
let token: string;
const stages = new Map<string, { id: string; firNumber: string }>();

beforeAll(async () => {
  t = await startTestApp({ clockStart: '2026-06-20T06:30:00Z' });
  await seedProsecution(t.db, t.ids, t.clock);
  const court = await t.db.kysely.selectFrom('court').select('id').where('code', '=', 'CJM-D1').executeTakeFirstOrThrow();
  token = (await issueCourtToken(t.db.kysely, t.clock, court.id, 'seed test', null)).token;
  const rows = await t.db.kysely
    .selectFrom('fir as f')
    .innerJoin('fir_status as s', 's.fir_id', 'f.id')
    .leftJoin('case_state as c', 'c.fir_id', 'f.id')
    .leftJoin('final_report as r', 'r.fir_id', 'f.id')
    .select(['f.id', 'f.fir_number', 's.stage', 'c.substate', 'r.status'])
    .execute();
  for (const r of rows)
    stages.set(
      r.stage === 'final_report_submitted' ? `${r.stage}/${r.substate}` : r.stage === 'under_investigation' ? `draft/${r.status}` : r.stage,
      { id: r.id, firNumber: r.fir_number },
    );
}, 300_000);
afterAll(() => t.close());

const example = async (method: 'post' | 'put', path: string, i = 0) => {
  const spec = (await t.anon().get('/api/v1/openapi.json')).json();
  const content = spec.paths[path][method].requestBody.content['application/json'];
  const all: unknown[] =
    content.schema?.examples ??
    (content.examples ? Object.values(content.examples as Record<string, { value: unknown }>).map((e) => e.value) : [content.example]);
  if (all[i] === undefined) throw new Error(`no example ${i} for ${method} ${path}`);
  return all[i] as Record<string, unknown>;
};

describe('prosecution demo data', () => {
  it('has a case at each stage from a draft final report to an appeal, with FIR numbers in time order', async () => {
    expect([...stages.keys()].sort()).toEqual(
      [
        'accepted_by_court',
        'appealed',
        'disposed',
        'draft/draft',
        'final_report_submitted/approved',
        'final_report_submitted/awaiting_sho_approval',
        'under_trial',
      ].sort(),
    );
    const firs = await t.db.kysely.selectFrom('fir').select(['fir_number', 'registered_at']).orderBy('registered_at').execute();
    expect(firs.map((f) => f.fir_number)).toEqual([...firs.map((f) => f.fir_number)].sort());
    const pub = await t
      .anon()
      .get(`/api/v1/public/case-status?stationCode=PS01&year=2026&number=${stages.get('under_trial')!.firNumber.split('/')[0]}`);
    expect(pub.json()).toMatchObject({ stage: 'under_trial', court: { name: 'Chief Judicial Magistrate, Vindhyanagar' } });
    expect(pub.json().nextHearingDate > '2026-06-20').toBe(true);
    const clerk = await t.login('court1');
    expect((await clerk.get('/api/v1/court-clerk/packages?status=pending')).json().items).toHaveLength(1);
  });

  it('takes the OpenAPI examples of the final report routes unchanged', async () => {
    const io = await t.login('io.ps1');
    const draft = stages.get('draft/draft')!;
    const v = (await io.get(`/api/v1/cases/${draft.id}/final-report`)).json().report.version;
    const save = await io.put(`/api/v1/cases/${draft.id}/final-report`, await example('put', '/api/v1/cases/{id}/final-report'), {
      'if-match': `"${v}"`,
    });
    expect(save.statusCode, save.body).toBe(200);
    const submit = await io.post(
      `/api/v1/cases/${draft.id}/final-report/submit`,
      await example('post', '/api/v1/cases/{id}/final-report/submit'),
    );
    expect(submit.statusCode, submit.body).toBe(200);
    const sho = await t.login('sho.ps1');
    const ret = await sho.post(
      `/api/v1/cases/${draft.id}/final-report/return`,
      await example('post', '/api/v1/cases/{id}/final-report/return'),
    );
    expect(ret.statusCode, ret.body).toBe(200);
    const approve = await sho.post(
      `/api/v1/cases/${stages.get('final_report_submitted/awaiting_sho_approval')!.id}/final-report/approve`,
      await example('post', '/api/v1/cases/{id}/final-report/approve'),
    );
    expect(approve.statusCode, approve.body).toBe(200);
  });

  it('takes the OpenAPI examples of the court machine API unchanged', async () => {
    const h = { authorization: `Bearer ${token}` };
    const pending = (await t.anon().get('/api/v1/court/packages?status=pending', h)).json().items[0];
    const acc = await t
      .anon()
      .post(`/api/v1/court/packages/${pending.packageId}/accept`, await example('post', '/api/v1/court/packages/{packageId}/accept'), h);
    expect(acc.statusCode, acc.body).toBe(201);
    const hearing = await t
      .anon()
      .post(`/api/v1/court/cases/${acc.json().cnr}/hearings`, await example('post', '/api/v1/court/cases/{ref}/hearings'), h);
    expect(hearing.statusCode, hearing.body).toBe(201);
    const trial = stages.get('under_trial')!;
    const ref = (await t.db.kysely.selectFrom('court_case').select('cnr').where('fir_id', '=', trial.id).executeTakeFirstOrThrow()).cnr;
    const disp = await t.anon().post(`/api/v1/court/cases/${ref}/disposal`, await example('post', '/api/v1/court/cases/{ref}/disposal'), h);
    expect(disp.statusCode, disp.body).toBe(201);
    const ap = await t.anon().post(`/api/v1/court/cases/${ref}/appeals`, await example('post', '/api/v1/court/cases/{ref}/appeals'), h);
    expect(ap.statusCode, ap.body).toBe(201);
    const clerk = await t.login('court1');
    const tok = await clerk.post('/api/v1/court-clerk/tokens', await example('post', '/api/v1/court-clerk/tokens'));
    expect(tok.statusCode, tok.body).toBe(201);
  });
});

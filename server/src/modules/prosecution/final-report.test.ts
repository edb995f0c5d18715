import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestContext } from '../../test/harness.js';
import { addPerson, as, makeCase } from '../investigation/factories.js';
import { caseWithRecords, createDraft, demoCourt, submittedCase } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
  await demoCourt(t);
}, 240_000);
afterAll(() => t.close());

describe('the final report draft, assembled from the records', () => {
  it('assembles a charge sheet from the persons, arrest, statements and seizure of the case', async () => {
    const c = await caseWithRecords(t);
    const io = await as(t, 'io.ps1');
    const r = await io.post(`/api/v1/cases/${c.id}/final-report`, {});
    expect(r.statusCode).toBe(201);
    expect(r.headers.etag).toBe('"1"');
    const rep = r.json();
    expect(rep).toMatchObject({ kind: 'charge_sheet', status: 'draft', version: 1, court: { code: 'CJM-D1' } });
    expect(rep.content.accusedCharged).toHaveLength(1);
    expect(rep.content.accusedCharged[0]).toMatchObject({ code: 'A1', name: 'Accused 1 Kumar', custody: { status: 'in_custody' } });
    expect(rep.content.accusedCharged[0].sections).toEqual([expect.objectContaining({ act: 'BNS', section: '303(2)' })]);
    expect(rep.content.witnesses.map((w: { code: string }) => w.code)).toEqual(['C1', 'W1']);
    expect(rep.content.witnesses[1].statements).toHaveLength(1);
    expect(rep.content.materialObjects[0]).toMatchObject({ description: 'Hero Splendor motorcycle', seizureMemoNo: 1, itemNo: 1 });
    expect(rep.content.briefFacts.en).toContain('motorcycle');
  });

  it('refuses a draft from an IO who is not the designated IO, and from the SHO', async () => {
    const c = await caseWithRecords(t);
    const other = await (await as(t, 'io2.ps1')).post(`/api/v1/cases/${c.id}/final-report`, {});
    expect(other.statusCode).toBe(403);
    expect(errorOf(other).code).toBe('not_designated_io');
    const sho = await (await as(t, 'sho.ps1')).post(`/api/v1/cases/${c.id}/final-report`, {});
    expect(sho.statusCode).toBe(403);
    const outside = await (await as(t, 'io.ps2')).post(`/api/v1/cases/${c.id}/final-report`, {});
    expect(outside.statusCode).toBe(404);
  });

  it('refuses a second draft while one is open', async () => {
    const c = await caseWithRecords(t);
    await createDraft(t, c.id);
    const again = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/final-report`, {});
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('final_report_exists');
  });

  it('offers a closure report (true but undetected) when the case has no accused', async () => {
    const c = await makeCase(t);
    const d = await createDraft(t, c.id);
    expect(d).toMatchObject({ kind: 'closure', closureReason: 'undetected' });
  });
});

describe('editing the draft', () => {
  it('saves with If-Match and answers the next version', async () => {
    const c = await caseWithRecords(t);
    const d = await createDraft(t, c.id);
    const io = await as(t, 'io.ps1');
    const r = await io.put(
      `/api/v1/cases/${c.id}/final-report`,
      { briefFacts: { hi: 'अभियुक्त A1 ने मोटरसाइकिल चुराई।' }, witnesses: ['W1'] },
      { 'if-match': `"${d.version}"` },
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe('"2"');
    expect(r.json().content.witnesses.map((w: { code: string }) => w.code)).toEqual(['W1']);
    expect(r.json().content.briefFacts.hi).toContain('मोटरसाइकिल');
  });

  it('gives the stale save of a second tab 412 and keeps the first save', async () => {
    const c = await caseWithRecords(t);
    const d = await createDraft(t, c.id);
    const io = await as(t, 'io.ps1');
    const first = await io.put(
      `/api/v1/cases/${c.id}/final-report`,
      { briefFacts: { en: 'First tab: the accused confessed.' } },
      { 'if-match': `"${d.version}"` },
    );
    expect(first.statusCode).toBe(200);
    const second = await io.put(
      `/api/v1/cases/${c.id}/final-report`,
      { briefFacts: { en: 'Second tab: overwrites?' } },
      { 'if-match': `"${d.version}"` },
    );
    expect(second.statusCode).toBe(412);
    expect(errorOf(second).code).toBe('stale_version');
    const now = await io.get(`/api/v1/cases/${c.id}/final-report`);
    expect(now.json().report.content.briefFacts.en).toBe('First tab: the accused confessed.');
    expect(now.json().report.version).toBe(2);
    // Both saves of the two tabs ran at once: exactly one wins.
    const [a, b] = await Promise.all([
      io.put(`/api/v1/cases/${c.id}/final-report`, { briefFacts: { en: 'Tab A' } }, { 'if-match': '"2"' }),
      io.put(`/api/v1/cases/${c.id}/final-report`, { briefFacts: { en: 'Tab B' } }, { 'if-match': '"2"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
  });

  it('needs the version edited (428 without If-Match)', async () => {
    const c = await caseWithRecords(t);
    await createDraft(t, c.id);
    const r = await (await as(t, 'io.ps1')).put(`/api/v1/cases/${c.id}/final-report`, { briefFacts: { en: 'x' } });
    expect(r.statusCode).toBe(428);
  });

  it('refuses a charge sheet naming an accused who is not in the case (422)', async () => {
    const c = await caseWithRecords(t);
    const d = await createDraft(t, c.id);
    const io = await as(t, 'io.ps1');
    const r = await io.put(
      `/api/v1/cases/${c.id}/final-report`,
      { accusedCharged: [{ code: 'A1' }, { code: 'A7' }] },
      { 'if-match': `"${d.version}"` },
    );
    expect(r.statusCode).toBe(422);
    expect(errorOf(r)).toMatchObject({ code: 'accused_not_in_case', fields: { 'accusedCharged.1.code': 'not in this case' } });
    const w = await io.put(`/api/v1/cases/${c.id}/final-report`, { accusedCharged: [{ code: 'W1' }] }, { 'if-match': `"${d.version}"` });
    expect(w.statusCode).toBe(422);
    expect(errorOf(w).code).toBe('not_an_accused');
    // An accused of ANOTHER case is not in this one either.
    const other = await caseWithRecords(t, { accused: 2 });
    expect(other.accused[1].code).toBe('A2');
    const x = await io.put(`/api/v1/cases/${c.id}/final-report`, { accusedCharged: [{ code: 'A2' }] }, { 'if-match': `"${d.version}"` });
    expect(x.statusCode).toBe(422);
    // Nothing was saved.
    expect((await io.get(`/api/v1/cases/${c.id}/final-report`)).json().report.version).toBe(1);
  });

  it('refuses unknown sections, documents and items of other cases, and charges in a closure', async () => {
    const c = await caseWithRecords(t);
    const other = await caseWithRecords(t);
    const d = await createDraft(t, c.id);
    const io = await as(t, 'io.ps1');
    const put = (b: Record<string, unknown>) => io.put(`/api/v1/cases/${c.id}/final-report`, b, { 'if-match': `"${d.version}"` });
    expect(errorOf(await put({ accusedCharged: [{ code: 'A1', sections: [{ act: 'BNS', section: '9999' }] }] })).code).toBe(
      'unknown_section',
    );
    expect(errorOf(await put({ itemIds: [other.seizure.items[0].id] })).code).toBe('item_not_in_case');
    expect(errorOf(await put({ kind: 'closure', closureReason: 'false_case', accusedCharged: [{ code: 'A1' }] })).code).toBe(
      'closure_with_charges',
    );
    expect(errorOf(await put({ accusedCharged: [{ code: 'A1' }], accusedNotCharged: [{ code: 'A1', reason: 'x' }] })).code).toBe(
      'accused_listed_twice',
    );
  });

  it('lets only the designated IO edit', async () => {
    const c = await caseWithRecords(t);
    const d = await createDraft(t, c.id);
    const r = await (
      await as(t, 'io2.ps1')
    ).put(`/api/v1/cases/${c.id}/final-report`, { briefFacts: { en: 'x' } }, { 'if-match': `"${d.version}"` });
    expect(r.statusCode).toBe(403);
  });
});

describe('submission and the SHO', () => {
  it('refuses to submit an incomplete charge sheet: an accused added later is not accounted for', async () => {
    const c = await caseWithRecords(t);
    const d = await createDraft(t, c.id);
    await addPerson(t, c.id, 'accused', { name: 'Late Accused' });
    const r = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/final-report/submit`, {}, { 'if-match': `"${d.version}"` });
    expect(r.statusCode).toBe(422);
    expect(errorOf(r).code).toBe('final_report_incomplete');
    expect(errorOf(r).fields?.accusedNotCharged).toContain('A2');
    const page = (await (await as(t, 'io.ps1')).get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page.stage).toBe('under_investigation');
  });

  it('refuses submission through the generic transition without a draft', async () => {
    const c = await caseWithRecords(t);
    const r = await (await as(t, 'io.ps1')).post(`/api/v1/cases/${c.id}/transition`, { action: 'submit_final_report' });
    expect(r.statusCode).toBe(409);
    expect(errorOf(r).code).toBe('final_report_missing');
  });

  it('submits to the SHO, who returns it with remarks; the IO edits and submits again; another station’s SHO cannot approve', async () => {
    const c = await submittedCase(t);
    const io = await as(t, 'io.ps1');
    let page = (await io.get(`/api/v1/cases/${c.id}/final-report`)).json();
    expect(page).toMatchObject({ stage: 'final_report_submitted', substate: 'awaiting_sho_approval', report: { status: 'submitted' } });
    // Frozen while with the SHO.
    const edit = await io.put(
      `/api/v1/cases/${c.id}/final-report`,
      { briefFacts: { en: 'x' } },
      { 'if-match': `"${page.report.version}"` },
    );
    expect(edit.statusCode).toBe(409);
    // The IO cannot approve their own report.
    expect((await io.post(`/api/v1/cases/${c.id}/final-report/approve`, {})).statusCode).toBe(403);
    expect((await (await as(t, 'sho.ps2')).post(`/api/v1/cases/${c.id}/final-report/approve`, {})).statusCode).toBe(404);
    const ret = await (
      await as(t, 'sho.ps1')
    ).post(`/api/v1/cases/${c.id}/final-report/return`, { remarks: 'Attach the RTO report of the motorcycle.' });
    expect(ret.statusCode).toBe(200);
    expect(ret.json()).toMatchObject({
      stage: 'under_investigation',
      report: { status: 'draft', returned: { remarks: 'Attach the RTO report of the motorcycle.' } },
    });
    page = (await io.get(`/api/v1/cases/${c.id}/final-report`)).json();
    const v = page.report.version;
    expect(
      (await io.put(`/api/v1/cases/${c.id}/final-report`, { briefFacts: { en: 'RTO report attached.' } }, { 'if-match': `"${v}"` }))
        .statusCode,
    ).toBe(200);
    const again = await io.post(`/api/v1/cases/${c.id}/final-report/submit`, {}, { 'if-match': `"${v + 1}"` });
    expect(again.statusCode).toBe(200);
    expect(again.json().substate).toBe('awaiting_sho_approval');
  });

  it('approves: the report is frozen and an e-filing package with both PDFs goes to the outbox once', async () => {
    const c = await submittedCase(t);
    const sho = await as(t, 'sho.ps1');
    const r = await sho.post(`/api/v1/cases/${c.id}/final-report/approve`, {});
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({
      stage: 'final_report_submitted',
      substate: 'approved',
      report: { status: 'approved' },
      efiling: { status: 'pending', schema: 'cctns.efiling.final-report/1' },
    });
    expect(b.efiling.pdf.en.sha256).toMatch(/^[0-9a-f]{64}$/);
    const outbox = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'court.efile')
      .where('dedupe_key', '=', `court.efile:${b.efiling.packageId}`)
      .execute();
    expect(outbox).toHaveLength(1);
    // A double click: the second approval finds nothing to approve.
    const twice = await sho.post(`/api/v1/cases/${c.id}/final-report/approve`, {});
    expect(twice.statusCode).toBe(409);
    // The PDF served is the filed one: its hash is the package's.
    const pdf = await sho.get(`/api/v1/cases/${c.id}/final-report/pdf?lang=hi`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-sha256']).toBe(b.efiling.pdf.hi.sha256);
  });
});

import type { Client, TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';
import { ensureDemoCourt } from '../court/service.js';

/**
 * Test factories for cases: an FIR registered at PS01 and taken up by its SHO with io.ps1 as
 * the designated IO, and the records a test needs on it. Logged-in clients are kept per test
 * app so that factories called many times (the jurisdiction matrix) log in once per user.
 */
const clients = new WeakMap<TestContext, Map<string, Client>>();

export async function as(t: TestContext, username: string): Promise<Client> {
  let m = clients.get(t);
  if (!m) clients.set(t, (m = new Map()));
  const c = m.get(username);
  if (c && (await c.get('/api/v1/auth/me')).statusCode === 200) return c;
  const fresh = await t.login(username);
  m.set(username, fresh);
  return fresh;
}

async function ok<T = Record<string, unknown>>(
  p: Promise<{ statusCode: number; body: string; json: () => unknown }>,
  what: string,
): Promise<T> {
  const r = await p;
  if (r.statusCode >= 300) throw new Error(`${what} failed: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

export interface CaseOptions {
  /** FIR overrides (sections, occurrence …). */
  fir?: Record<string, unknown>;
  registeredBy?: string;
  sho?: string;
  io?: string | null;
}

/** An FIR at PS01 (or the registering officer's station), with its IO designated by the SHO unless io is null. */
export async function makeCase(t: TestContext, o: CaseOptions = {}) {
  const fir = await registerFirAs(t, await as(t, o.registeredBy ?? 'duty.ps1'), o.fir ?? {});
  if (o.io !== null) {
    await ok((await as(t, o.sho ?? 'sho.ps1')).post(`/api/v1/cases/${fir.id}/assign-io`, { ioUsername: o.io ?? 'io.ps1' }), 'assign IO');
  }
  return fir;
}

export async function addPerson(t: TestContext, caseId: string, role: string, person: Record<string, unknown> = {}, io = 'io.ps1') {
  return ok<{ id: string; code: string }>(
    (await as(t, io)).post(`/api/v1/cases/${caseId}/persons`, {
      role,
      person: { name: `${role} person`, sex: 'male', ageYears: 30, ...person },
    }),
    'add person',
  );
}

export async function addArrest(t: TestContext, caseId: string, personCode: string, over: Record<string, unknown> = {}, io = 'io.ps1') {
  return ok<{ id: string; events: unknown[] }>(
    (await as(t, io)).post(`/api/v1/cases/${caseId}/arrests`, {
      personCode,
      place: 'Sarafa Bazaar',
      grounds: 'Caught with the stolen motorcycle',
      outcome: 'sent_up',
      necessityReason: 'To recover the stolen property',
      ...over,
    }),
    'arrest',
  );
}

export async function addSeizure(
  t: TestContext,
  caseId: string,
  items: Record<string, unknown>[] = [{ description: 'Mobile phone', category: 'mobile_phone', quantity: 1, value: 5000 }],
  over: Record<string, unknown> = {},
  io = 'io.ps1',
) {
  return ok<{ id: string; items: { id: string; itemNo: number }[]; alerts: unknown[] }>(
    (await as(t, io)).post(`/api/v1/cases/${caseId}/seizures`, {
      place: 'Chowk',
      searchKind: 'recovery',
      witnesses: [{ name: 'Hari Om Sahu' }],
      recordingAbsentReason: 'Camera not available at night (test)',
      items,
      ...over,
    }),
    'seizure',
  );
}

/** A 1×1 PNG, base64. */
export const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * A complete closure report drafted by the designated IO (the prosecution module's final report,
 * which its hook requires before submit_final_report), so a test can move the case on.
 */
export async function prepareFinalReport(t: TestContext, caseId: string, io = 'io.ps1') {
  await ensureDemoCourt(t.db.kysely, t.clock, t.ids.stateCode);
  const c = await as(t, io);
  const draft = await ok<{ version: number }>(c.post(`/api/v1/cases/${caseId}/final-report`, {}), 'final report draft');
  return ok(
    c.put(`/api/v1/cases/${caseId}/final-report`, {
      version: draft.version,
      kind: 'closure',
      closureReason: 'undetected',
      closureGrounds: 'No trace of the offenders despite enquiries (test).',
      accusedCharged: [],
      briefFacts: { en: 'Enquiries made; the offenders could not be traced (test).' },
    }),
    'final report save',
  );
}

/** Drafts the final report and submits it through the workflow route. */
export async function submitFinalReport(t: TestContext, caseId: string, io = 'io.ps1') {
  await prepareFinalReport(t, caseId, io);
  return ok((await as(t, io)).post(`/api/v1/cases/${caseId}/transition`, { action: 'submit_final_report' }), 'submit final report');
}

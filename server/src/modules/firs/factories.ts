import { randomUUID } from 'node:crypto';
import type { Client, TestContext } from '../../test/harness.js';
import { FIR_EXAMPLE } from './schemas.js';

/** For tests: an FIR body with overrides (the demo example by default, offence in 2025). */
export function makeFirInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(FIR_EXAMPLE), ...over };
}

/** For tests: registers an FIR through the API as `username` (a fresh Idempotency-Key), expecting 201. */
export async function registerFirAs(t: TestContext, who: string | Client, over: Record<string, unknown> = {}) {
  const c = typeof who === 'string' ? await t.login(who) : who;
  const r = await c.post('/api/v1/firs', makeFirInput(over), { 'idempotency-key': randomUUID() });
  if (r.statusCode !== 201) throw new Error(`register FIR failed: ${r.statusCode} ${r.body}`);
  return r.json() as {
    id: string;
    firNumber: string;
    serial: number;
    year: number;
    version: number;
    stationId: string;
    [k: string]: unknown;
  };
}

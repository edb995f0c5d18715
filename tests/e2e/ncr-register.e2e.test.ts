import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_EXAMPLE } from '../../server/src/modules/complaints/schemas.ts';
import { downloadOf, type E2E, logIn, overflowsSideways, PASSWORD, startE2E } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** Logs in over the API (no captcha in this run) and returns a caller with the session cookie and CSRF token. */
async function apiAs(e2e: E2E, username: string) {
  const login = await fetch(`${e2e.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (path: string, body: unknown) =>
    fetch(`${e2e.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
        'idempotency-key': `e2e-${Date.now()}-${Math.random()}`,
      },
      body: JSON.stringify(body),
    });
}

describe('the station’s NCR register, a fortnight at a time, printed for the Magistrate (BNSS 174(1))', () => {
  let e2e: E2E;
  let ncrNumber = '';

  beforeAll(async () => {
    e2e = await startE2E();
    const filed = await (
      await apiAs(e2e, 'citizen1')
    )('/api/v1/public/complaints', {
      ...structuredClone(COMPLAINT_EXAMPLE),
      kind: 'other',
      description: 'My neighbour insulted me in front of the whole lane and threatened to break my scooter.',
    });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    const ncr = await (
      await apiAs(e2e, 'duty.ps1')
    )(`/api/v1/complaints/${id}/ncr`, {
      sections: [{ act: 'BNS', section: '352' }],
      referredTo: 'JMFC, Vindhyanagar',
    });
    expect(ncr.status, await ncr.clone().text()).toBe(201);
    ncrNumber = ((await ncr.json()) as { ncr: { ncrNumber: string } }).ncr.ncrNumber;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the duty officer reads the fortnight’s reports, steps between fortnights, reads it in Hindi, and downloads the fortnight’s PDF on a phone', async () => {
    const { page } = await e2e.newPage({ width: 360, height: 780 });
    await logIn(e2e, page, 'duty.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/complaints/ncr-register');
    const table = page.getByTestId('ncr-register');
    await poll(() => table.isVisible()).toBe(true);
    const row = table.getByRole('row').filter({ hasText: ncrNumber });
    expect(await row.textContent()).toContain('BNS 352');
    expect(await row.textContent()).toContain('JMFC, Vindhyanagar');
    expect(await overflowsSideways(page)).toBe(false);

    const pdf = await downloadOf(page, page.getByRole('link', { name: 'Print for the Magistrate (PDF)' }));
    expect(pdf.filename).toMatch(/^NCR-register-PS01-\d{4}-\d{2}-(01|16)-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.isPdf).toBe(true);

    // The fortnight before holds nothing of this NCR.
    await page.getByRole('button', { name: 'Previous fortnight' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'No non-cognizable report' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Next fortnight' }).click();
    await poll(() => row.isVisible()).toBe(true);

    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('असंज्ञेय रिपोर्ट रजिस्टर');
  });
});

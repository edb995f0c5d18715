import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captchaAnswer, downloadOf, type E2E, logIn, overflowsSideways, startE2E } from './harness.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

// A one-pixel PNG: a real image, checked by its content on the server.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201d3a0e2bb0000000049454e44ae426082',
  'hex',
);

/** Waits for a condition generously: the machine may be busy building and serving the app. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** "Yesterday at 18:30" in IST, as a datetime-local input wants it. */
function yesterdayLocal(): string {
  const d = new Date(Date.now() + 5.5 * 3600_000 - 86_400_000);
  return `${d.toISOString().slice(0, 10)}T18:30`;
}

/** The id of the next captcha the page fetches (start waiting before the action that makes it fetch one). */
function nextCaptchaId(page: Page): Promise<string> {
  return page
    .waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/captcha' && r.status() === 200)
    .then(async (r) => ((await r.json()) as { captchaId: string }).captchaId);
}

describe('a citizen files a complaint, the duty officer registers it as an FIR, the citizen downloads the copy and sees the status', () => {
  let e2e: E2E;
  let ack = '';
  let firNumber = '';

  beforeAll(async () => {
    e2e = await startE2E({ config: { CAPTCHA: 'on' } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the citizen files an e-FIR with an attachment and gets an acknowledgement number at once', async () => {
    const { page } = await e2e.newPage({ width: 360, height: 780 });
    await logIn(e2e, page, 'citizen1');
    await page.waitForURL((u) => u.pathname === '/');
    // The dashboard offers it to a citizen; at 360 px the header menu is folded, so take the quick link.
    await page
      .locator('main')
      .getByRole('link', { name: /^File a complaint/ })
      .first()
      .click();
    await page.waitForURL((u) => u.pathname === '/citizen/complaints/new');
    await poll(() => page.locator('h1').textContent()).toBe('File a complaint');

    // Submitting empty names the missing fields.
    await page.getByRole('button', { name: /^Submit the/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Kind of complaint' });
    await poll(() => alert.isVisible()).toBe(true);

    await page.getByLabel('Kind of complaint').selectOption('mobile_theft');
    await poll(() => page.getByText('This will be an e-FIR.', { exact: false }).isVisible()).toBe(true);
    await page
      .getByLabel('Describe what happened')
      .fill('My mobile phone was taken from my bag in the crowd at Sarafa Bazaar in the evening.');
    await page.getByLabel('When it happened (from)').fill(yesterdayLocal());
    await page.getByLabel('Place', { exact: true }).fill('Sarafa Bazaar, Kotwali, Vindhyanagar');
    await page.getByRole('button', { name: 'Suggest the station from the place' }).click();
    await poll(() => page.getByText(/^Suggested:/).isVisible()).toBe(true);
    await poll(() => page.getByLabel('Police station').inputValue()).toBe('PS01');
    await page.getByLabel('Your address').fill('22, Shanti Nagar, Vindhyanagar');
    await page.getByRole('button', { name: 'Add lost property' }).click();
    await page.getByLabel('Description', { exact: true }).fill('Redmi Note 12, blue');
    await page.getByLabel('Value (₹)').fill('14000');
    await page.getByLabel('Choose files').setInputFiles({ name: 'bill.png', mimeType: 'image/png', buffer: PNG });
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'complaint-form-360.png'), fullPage: true });
    await page.getByRole('button', { name: 'Submit the e-FIR' }).click();

    await page.waitForURL((u) => /^\/citizen\/complaints\/[0-9a-f-]{36}$/.test(u.pathname));
    const ok = page.getByRole('status').filter({ hasText: 'Your complaint was received' });
    await poll(() => ok.isVisible()).toBe(true);
    ack = /XA\/PS01\/\d{4}\/\d{6}/.exec((await ok.textContent()) ?? '')?.[0] ?? '';
    expect(ack).not.toBe('');
    expect(await page.getByText('This is an e-FIR: go to PS Kotwali', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'bill.png' }).isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);

    // My complaints lists it with its status.
    await page.goto('/citizen/complaints');
    const row = page.getByRole('row').filter({ hasText: ack });
    await poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('Received at the police station');
  });

  it('the duty officer finds it in the inbox and registers the FIR, with the informant’s signature', async () => {
    const { page } = await e2e.newPage();
    await logIn(e2e, page, 'duty.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await page
      .locator('main')
      .getByRole('link', { name: /^Complaint inbox/ })
      .first()
      .click();
    await page.waitForURL((u) => u.pathname === '/complaints');
    const row = page.getByRole('row').filter({ hasText: ack });
    await poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toMatch(/Sign within \d+ h/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'complaint-inbox.png') });
    await row.getByRole('link', { name: ack }).click();
    await poll(() => page.locator('h1').textContent()).toBe(`Complaint ${ack}`);

    expect(await page.getByRole('radio', { name: 'Register an FIR' }).isChecked()).toBe(true);
    await poll(() => page.getByLabel('Acts and sections').inputValue()).toBe('BNS 303(2)');
    // Without the signature the e-FIR cannot be taken on record.
    await page.getByRole('button', { name: 'Register the FIR' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: 'The informant must sign the e-FIR first.' }).isVisible()).toBe(true);
    await page.getByLabel('The informant has signed the e-FIR at the station now').check();
    await page.getByRole('button', { name: 'Register the FIR' }).click();
    const done = page.getByRole('status').filter({ hasText: /FIR No\. \d{4}\/\d{4} registered/ });
    await poll(() => done.isVisible()).toBe(true);
    firNumber = /\d{4}\/\d{4}/.exec((await done.textContent()) ?? '')?.[0] ?? '';
    expect(firNumber).toMatch(/^\d{4}\/\d{4}$/);
    await poll(() => page.getByText('FIR registered', { exact: true }).first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'complaint-registered.png'), fullPage: false });
  });

  it('the citizen sees the FIR under My FIRs with its stage, and downloads the FIR copy', async () => {
    const { page } = await e2e.newPage({ width: 360, height: 780 });
    await logIn(e2e, page, 'citizen1');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/citizen/firs');
    const card = page.locator('section').filter({ hasText: `FIR No. ${firNumber}` });
    await poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain('Registered');
    expect(await card.textContent()).toContain(ack);
    expect(await overflowsSideways(page)).toBe(false);

    const copy = await downloadOf(page, card.getByRole('link', { name: `FIR copy (English)` }));
    expect(copy.filename).toMatch(/^FIR-PS01-\d{4}-\d{4}-en\.pdf$/);
    expect(copy.isPdf).toBe(true);

    // The complaint now says FIR registered, and the SMS/e-mail went out.
    await page.goto('/citizen/complaints');
    const row = page.getByRole('row').filter({ hasText: ack });
    await poll(async () => (await row.textContent()) ?? '').toContain('FIR registered');
  });

  it('anyone sees the case status on the public page, without logging in, after the captcha', async () => {
    const { page } = await e2e.newPage({ width: 360, height: 780 });
    const captcha = nextCaptchaId(page);
    await page.goto('/case-status');
    await poll(() => page.locator('h1').textContent()).toBe('Case status');
    await page.getByLabel('Police station').selectOption('PS01');
    await page.getByLabel('Year').fill(firNumber.split('/')[1]);
    await page.getByLabel('FIR number').fill(firNumber);
    await page.getByLabel(/Characters in the image/).fill(await captchaAnswer(e2e, await captcha));
    await page.getByRole('button', { name: 'Show the status' }).click();
    const result = page.locator('section').filter({ hasText: `FIR No. ${firNumber}` });
    await poll(() => result.isVisible()).toBe(true);
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Registered');
    expect(text).toContain('0755-2540101');
    // Nobody's name, address or phone.
    for (const v of ['Meera Joshi', '9812345670', 'Shanti Nagar', 'Ramesh Yadav']) expect(text).not.toContain(v);
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-status-360.png'), fullPage: true });
  });
});

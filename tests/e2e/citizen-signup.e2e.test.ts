import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCodeSentTo } from '../../server/src/modules/citizen/factories.ts';
import type { TestContext } from '../../server/src/test/harness.ts';
import { startE2E, type E2E } from './harness.ts';

const h1 = (page: Page) => page.locator('h1').textContent();

/**
 * A citizen signs up in the browser: name and mobile number, then the code of the SMS (read from
 * the outbox) and a password, and the new account is logged in on the complaint form. The code
 * step names what is missing before anything is sent, and shows the server's refusal of a weak
 * password (the sign-up names the field `password`) at the new-password field.
 */
describe('citizen sign-up in the browser', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('sends a code to the mobile, refuses a weak password at its field, then opens the account', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/citizen/signup');
    await expect.poll(() => h1(page)).toBe('Sign up as a citizen');
    await page.getByLabel('Full name').fill('Anita Kulkarni');
    await page.getByLabel('Mobile number').fill('9876501299');
    await page.getByRole('button', { name: 'Send the code' }).click();
    await expect.poll(() => h1(page)).toBe('Enter the code and choose a password');

    // Nothing typed yet: the alert names the code and the password, each linking to its field.
    await page.getByRole('button', { name: 'Open my account' }).click();
    const missing = page.getByRole('alert').filter({ hasText: '6-digit code' });
    await expect.poll(() => missing.isVisible()).toBe(true);
    expect(await missing.getByRole('link', { name: /^6-digit code/ }).getAttribute('href')).toBe('#su-otp');
    expect(await missing.getByRole('link', { name: /^New password/ }).getAttribute('href')).toBe('#su-newPassword');

    // The e2e server's database is the outbox the SMS relay reads.
    const code = await lastCodeSentTo({ db: e2e.db } as TestContext, '9876501299');
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('6-digit code').fill(`${code!.slice(0, 3)} ${code!.slice(3)}`);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Confirm the new password').fill('password1234');
    await page.getByRole('button', { name: 'Open my account' }).click();
    await expect.poll(() => page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#su-newPassword-error').textContent()).not.toBe('');
    // The server's refusal names `password`; its link in the alert leads to the new-password field.
    const refused = page.getByRole('alert').getByRole('link', { name: /^New password/ });
    expect(await refused.getAttribute('href')).toBe('#su-newPassword');

    const password = 'monsoon clouds over the vindhya range';
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm the new password').fill(password);
    await page.getByRole('button', { name: 'Open my account' }).click();
    await page.waitForURL((u) => u.pathname === '/citizen/complaints/new');
    await expect.poll(() => h1(page)).toBe('File a complaint');
  });
});

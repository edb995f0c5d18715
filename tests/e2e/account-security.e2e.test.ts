import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captchaAnswer, logIn, PASSWORD, shownCaptchaId, startE2E, type E2E } from './harness.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const h1 = (page: Page) => page.locator('h1').textContent();

/**
 * The account-security path of issue 3 with the captcha ON (answers read through the server's
 * test-only hook): captcha login, forced two-factor set-up, a login with a recovery code,
 * forgot password with the code read from the dev outbox, and an administrator's new user who
 * must change the temporary password.
 */
describe('account security in the browser, captcha on', () => {
  let e2e: E2E;
  let admin: Page;
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    e2e = await startE2E({ config: { CAPTCHA: 'on' } });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses a wrong captcha with a new one, then logs in with the right answer', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/login');
    const c1 = await shownCaptchaId(page);
    const img = page.getByRole('img', { name: /Captcha: distorted letters/ });
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    await page.getByRole('checkbox', { name: 'I have read and accept these conditions' }).check();
    await page.getByLabel('Username, employee ID or e-mail').fill('duty.ps1');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    const wrong = (await captchaAnswer(e2e, c1)).split('').reverse().join('') + 'x';
    await page.getByLabel('Characters in the image').fill(wrong);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The captcha did not match; a new one is shown.' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    const c2 = await shownCaptchaId(page, c1);
    expect(c2).not.toBe(c1);
    expect(await page.getByLabel('Characters in the image').inputValue()).toBe('');

    // The text question for screen-reader users is there too, in the page's language.
    await page.getByRole('button', { name: /Answer a text question instead/ }).click();
    const c3 = await shownCaptchaId(page, c2);
    await expect.poll(() => page.getByText(/^What is \w+ (plus|minus) \w+\?/).isVisible()).toBe(true);
    await page.getByLabel('Answer to the question').fill(await captchaAnswer(e2e, c3));
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => h1(page)).toBe('Dashboard');
  });

  it('makes an administrator set up two-factor authentication first: QR, secret, first code, 10 recovery codes', async () => {
    ({ page: admin } = await e2e.newPage());
    await logIn(e2e, admin, 'admin');
    await admin.waitForURL((u) => u.pathname === '/account/two-factor');
    await expect.poll(() => h1(admin)).toBe('Two-factor authentication');
    expect(await admin.getByText('Your role must use two-factor authentication.', { exact: false }).isVisible()).toBe(true);
    // Nothing else is reachable until it is done.
    expect(await admin.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
    await admin.goto('/admin/users');
    await admin.waitForURL((u) => u.pathname === '/account/two-factor');

    await admin.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await admin.getByRole('img', { name: /QR code for your authenticator app/ }).waitFor();
    const secret = ((await admin.locator('code[aria-label="Secret key"]').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await admin.getByLabel('6-digit code from the app').fill('000000');
    await admin.getByRole('button', { name: 'Confirm and switch on' }).click();
    await expect.poll(() => admin.getByRole('alert').filter({ hasText: /code/i }).isVisible()).toBe(true);
    await admin.getByLabel('6-digit code from the app').fill(generateSync({ secret }));
    await admin.getByRole('button', { name: 'Confirm and switch on' }).click();
    await expect.poll(() => h1(admin)).toBe('Your recovery codes');
    recoveryCodes = await admin.locator('.recovery-codes code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(await admin.getByText('These codes are shown only this once.', { exact: false }).isVisible()).toBe(true);
    await admin.getByRole('link', { name: 'I have saved my codes — continue' }).click();
    await expect.poll(() => h1(admin)).toBe('Dashboard');
    expect(await admin.getByRole('link', { name: 'Users', exact: true }).isVisible()).toBe(true);
  });

  it('forgot password: a code by e-mail and SMS, read from the dev outbox, then a new password', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/login');
    const loginCaptcha = await shownCaptchaId(page);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect.poll(() => h1(page)).toBe('Forgot your password');
    const c = await shownCaptchaId(page, loginCaptcha);
    await page.getByLabel('Username, employee ID or e-mail').fill('io.ps1');
    await page.getByLabel('Characters in the image').fill(await captchaAnswer(e2e, c));
    await page.getByRole('button', { name: 'Send the code' }).click();
    await expect.poll(() => h1(page)).toBe('Set a new password');

    // The administrator reads the code in the dev outbox (no SMTP server or SMS gateway here).
    let otp: string | undefined;
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dev outbox' }).click();
    await expect.poll(() => h1(admin)).toBe('Dev outbox');
    await expect
      .poll(
        async () => {
          await admin.getByRole('button', { name: 'Refresh' }).click();
          const texts = await admin.getByTestId('outbox-message').filter({ hasText: 'io.ps1@cctns.example' }).allTextContents();
          otp = texts.map((t) => /reset code is (\d{6})/.exec(t)?.[1]).find(Boolean);
          return otp;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toMatch(/^\d{6}$/);
    expect(await admin.getByTestId('outbox-message').filter({ hasText: '9000000012' }).count()).toBeGreaterThan(0); // the SMS too

    await page.getByLabel('6-digit code').fill(otp!);
    // The strength meter gives the server's reason for a common password while typing.
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await expect.poll(() => page.locator('.strength').textContent(), { timeout: 10_000 }).toContain('not acceptable');
    const newPassword = 'monsoon clouds over the vindhya range';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await expect.poll(() => page.locator('.strength').textContent(), { timeout: 10_000 }).toMatch(/good|strong/);
    await page.getByLabel('Confirm the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => h1(page)).toBe('Your password has been changed');

    await logIn(e2e, page, 'io.ps1', newPassword);
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => h1(page)).toBe('Dashboard');
  });

  it('asks for the second factor at the next login; a recovery code works', async () => {
    await admin.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect.poll(() => h1(admin)).toBe('You have logged out');
    await logIn(e2e, admin, 'admin');
    await admin.waitForURL((u) => u.pathname === '/login/mfa');
    await expect.poll(() => h1(admin)).toBe('Enter your security code');
    await admin.getByLabel('6-digit code').fill('123456');
    await admin.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => admin.getByRole('alert').filter({ hasText: /\S/ }).isVisible()).toBe(true);
    await admin.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
    await admin.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await admin.getByRole('button', { name: 'Verify' }).click();
    await admin.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => h1(admin)).toBe('Dashboard');
  });

  it('an administrator creates a user; the temporary password, shown once, must be changed at first login', async () => {
    await admin.goto('/admin/users');
    await admin.getByRole('link', { name: 'Create a user' }).first().click();
    await expect.poll(() => h1(admin)).toBe('Create a user');
    await admin.getByLabel('Username', { exact: true }).fill('si.sharma');
    await admin.getByLabel('Full name').fill('Anil Sharma');
    await admin.getByLabel('Name in Hindi').fill('अनिल शर्मा');
    await admin.getByLabel('Mobile number').fill('9876500011');
    await admin.getByLabel('Role').selectOption('io');
    await admin.getByLabel('Rank').selectOption('si');
    await admin.getByLabel('Police station').selectOption({ label: 'Kotwali (PS01)' });
    await admin.getByRole('button', { name: 'Create the user' }).click();
    await expect.poll(() => h1(admin)).toBe('User created');
    const temporary = (await admin.getByTestId('temporary-password').textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'admin-user-created.png') });

    const { page } = await e2e.newPage({ width: 360, height: 760 });
    await logIn(e2e, page, 'si.sharma', temporary);
    await page.waitForURL((u) => u.pathname === '/account/password');
    await expect.poll(() => page.getByText('Your password has expired; set a new one.', { exact: false }).isVisible()).toBe(true);
    await page.goto('/');
    await page.waitForURL((u) => u.pathname === '/account/password');
    await page.getByLabel('Temporary password you were given').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('sharma wants tea at four');
    await expect.poll(() => page.locator('.strength').textContent(), { timeout: 10_000 }).toContain('must not contain your name');
    const mine = 'the river runs past the old mill';
    await page.getByLabel('New password', { exact: true }).fill(mine);
    await page.getByLabel('Confirm the new password').fill(mine);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => h1(page)).toBe('Dashboard');
  });
});

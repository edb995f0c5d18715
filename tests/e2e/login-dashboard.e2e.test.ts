import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, overflowsSideways, startE2E, type E2E } from './harness.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

describe('a duty officer logs in, sees the dashboard in both languages, and logs out', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ withRecords: true }); // the dashboard as `npm start` shows it
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses to log in before the use banner is acknowledged, naming the checkbox', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/login');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Log in');
    await expect
      .poll(() => page.getByText('Unauthorised access or misuse is a punishable offence', { exact: false }).isVisible())
      .toBe(true);
    await page.getByLabel('Username, employee ID or e-mail').fill('duty.ps1');
    await page.getByLabel('Password', { exact: true }).fill('wrong password here');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    await expect.poll(() => alert.textContent()).toContain('Please confirm that you have read the conditions of use.');
    // The checkbox names its error through aria-describedby.
    const checkbox = page.getByRole('checkbox', { name: 'I have read and accept these conditions' });
    expect(await checkbox.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await checkbox.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Please confirm');
  });

  it('shows the wrong-password message in the chosen language', async () => {
    const { page } = await e2e.newPage({ lang: 'hi' });
    await logIn(e2e, page, 'duty.ps1', 'not the password at all');
    const alert = page.getByRole('alert').filter({ hasText: 'गलत उपयोगकर्ता नाम या पासवर्ड' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    // The password field is emptied and focused for the next try.
    expect(await page.getByLabel('पासवर्ड', { exact: true }).inputValue()).toBe('');
  });

  it('logs in to the dashboard with the real counts, in English and Hindi, then logs out for good', async () => {
    const { page } = await e2e.newPage();
    await logIn(e2e, page, 'duty.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    await page.locator('[data-count="stations"]').waitFor();

    // The cards show what the API counts for this officer's station.
    const api = (await (await page.request.get('/api/v1/dashboard')).json()) as { counts: Record<string, number> };
    expect(api.counts.stations).toBe(1);
    expect(api.counts.officers).toBeGreaterThan(0);
    for (const key of ['stations', 'beats', 'officers']) {
      expect(await page.locator(`[data-count="${key}"] .card-number`).textContent()).toBe(String(api.counts[key]));
    }
    expect(await page.locator('[data-count="stations"] .card-label').textContent()).toContain('Police stations');
    expect(await page.getByText('Ramesh Yadav').first().isVisible()).toBe(true);
    expect(await page.getByText('Duty officer').first().isVisible()).toBe(true);
    expect(await page.getByText(/IST$/).first().textContent()).toMatch(/IST/);
    await page.mouse.move(0, 0); // no hover effect in the picture
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    // Hindi: the whole screen, the page's language, and it stays after a reload.
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('डैशबोर्ड');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    expect(await page.locator('[data-count="stations"] .card-label').textContent()).toContain('थाने');
    expect(await page.getByRole('button', { name: 'लॉग आउट' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-hi.png'), fullPage: true });
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('डैशबोर्ड');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Log out: the server ends the session, the screen says so, Back shows no data.
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your sessions');
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/logged-out');
    await expect.poll(() => page.locator('h1').textContent()).toBe('You have logged out');
    expect((await page.request.get('/api/v1/dashboard')).status()).toBe(401);
    await page.goBack(); // to the dashboard's address
    await page.waitForURL((u) => u.pathname === '/login');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Log in');
    expect(await page.locator('[data-count]').count()).toBe(0);
    expect(await page.getByText('Ramesh Yadav').count()).toBe(0);
  });

  it('fits a 360 px wide phone: no sideways scrolling, navigation behind a Menu button', async () => {
    const { page } = await e2e.newPage({ width: 360, height: 760 });
    await page.goto('/login');
    await page.locator('h1').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await logIn(e2e, page, 'duty.ps1');
    await page.locator('[data-count="stations"]').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your sessions');
    await expect.poll(() => page.getByText('This device').isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sessions-360.png'), fullPage: true });
  });

  it('warns two minutes before the idle timeout, and "Stay signed in" keeps the session', async () => {
    const { page } = await e2e.newPage();
    await page.clock.install();
    await logIn(e2e, page, 'duty.ps1');
    await page.locator('[data-count="stations"]').waitFor();
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(await dialog.isVisible()).toBe(false);
    // 30 minutes idle, less the 2-minute warning and the server's 30-second touch slack.
    await page.clock.fastForward('27:00');
    expect(await dialog.isVisible()).toBe(false);
    await page.clock.fastForward('00:40');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const stay = dialog.getByRole('button', { name: 'Stay signed in' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in');
    const me = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me'));
    await stay.click();
    expect((await me).status()).toBe(200);
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });
});

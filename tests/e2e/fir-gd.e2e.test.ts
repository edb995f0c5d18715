import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadOf, type E2E, logIn, overflowsSideways, PASSWORD, startE2E } from './harness.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** Waits for a condition generously: the machine may be busy building and serving the app. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** "Yesterday at hh:mm" in IST, as a datetime-local input wants it. */
function yesterdayAt(hhmm: string): string {
  const d = new Date(Date.now() + 5.5 * 3600_000 - 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${hhmm}`;
}

/** Field ids are the request paths ("fir-complainant.phone"): dots are not classes here. */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cctns.firDraft.')));
const firTotal = async (page: Page) => ((await (await page.request.get('/api/v1/firs?pageSize=1')).json()) as { total: number }).total;

const INFO = 'Ravi Kumar Sharma came to the station and reported the theft of his motorcycle from outside his house.';
const NARRATIVE =
  'The complainant states that he parked his motorcycle outside his house at about 21:30 yesterday and found it missing at 23:00. He suspects that unknown persons stole it.';

describe('the duty officer writes the GD, registers an FIR on the IIF-1 form and reads the day’s GD', () => {
  let e2e: E2E;
  let page: Page;
  let firNumber = '';
  let firUrl = '';

  beforeAll(async () => {
    // The SHO logs in with the password alone here (two-factor log-in has its own browser tests).
    e2e = await startE2E({ config: { MFA_REQUIRED_ROLES: 'admin' } });
    ({ page } = await e2e.newPage({ width: 360, height: 780 }));
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the login page offers citizens the sign-up', async () => {
    const { page: p } = await e2e.newPage({ width: 360, height: 780 });
    await p.goto('/login');
    const link = p.getByRole('link', { name: 'Citizen? Sign up' });
    await poll(() => link.isVisible()).toBe(true);
    await link.click();
    await p.waitForURL((u) => u.pathname === '/citizen/signup');
  });

  it('duty.ps1 writes an information entry in the General Diary', async () => {
    await logIn(e2e, page, 'duty.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/gd');
    await poll(() => page.locator('h1').textContent()).toBe('General Diary');
    await page.getByLabel('Kind of entry').selectOption('information');
    await page.getByLabel('Entry', { exact: true }).fill(INFO);
    await page.getByRole('button', { name: 'Add the entry' }).click();
    await poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /Entry \d+ has been written/ })
        .isVisible(),
    ).toBe(true);
    const row = page.getByRole('row').filter({ hasText: INFO });
    await poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('Information received');
    expect(await overflowsSideways(page)).toBe(false);
  });

  it('fills the IIF-1 form with the keyboard, picks a section by words, and finds the draft again after a reload', async () => {
    await page.goto('/firs/new');
    await poll(() => page.locator('h1').textContent()).toBe('Register an FIR (IIF-1)');
    expect(await draftKeys(page)).toEqual([]);

    await byId(page, 'fir-occurrence.from').fill(yesterdayAt('21:30'));
    await poll(() => page.getByTestId('occurrence-day').textContent()).toMatch(/Day of the occurrence: \w+day/);
    // The section picker comes right after the occurrence times (Tab moves through a date-time
    // input's own parts, so the order is checked backwards from the picker).
    await byId(page, 'fir-sections').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('fir-occurrence.to');
    await byId(page, 'fir-sections').focus();
    // The law follows the offence date.
    expect(await page.getByText(/the Bharatiya Nyaya Sanhita \(BNS\) and special Acts apply/).isVisible()).toBe(true);
    await page.keyboard.type('theft');
    const offers = page.getByRole('listbox', { name: 'Sections found' }).getByRole('option');
    await poll(async () => (await offers.allTextContents()).some((l) => l.startsWith('BNS 303(2)'))).toBe(true);
    expect(await byId(page, 'fir-sections').getAttribute('aria-expanded')).toBe('true');
    // Down to the theft section with the arrows, and Enter adds it (without submitting the form).
    const target = (await offers.allTextContents()).findIndex((l) => l.startsWith('BNS 303(2)'));
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await poll(() => offers.nth(target).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const chosen = page.getByTestId('chosen-sections');
    await poll(async () => (await chosen.textContent()) ?? '').toContain('BNS 303(2)');
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /correct/ })
        .count(),
    ).toBe(0);
    expect(page.url()).toMatch(/\/firs\/new$/);
    expect(await focusedId(page)).toBe('fir-sections');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('fir-informationType');

    await byId(page, 'fir-informationType').selectOption('written');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('fir-informationReceivedAt');
    // Cite the GD entry written above.
    const option = byId(page, 'fir-gdEntryId').locator('option', { hasText: 'Ravi Kumar Sharma came' });
    await poll(() => option.count()).toBe(1);
    await byId(page, 'fir-gdEntryId').selectOption((await option.getAttribute('value'))!);

    await byId(page, 'fir-occurrence.place').fill('Outside house no. 14, Sarafa Bazaar, near Hanuman Mandir');
    await byId(page, 'fir-occurrence.distanceKm').fill('1.5');
    await byId(page, 'fir-occurrence.direction').selectOption('NE');
    await poll(() => byId(page, 'fir-occurrence.beatCode').locator('option').count()).toBeGreaterThan(1);
    await byId(page, 'fir-occurrence.beatCode').selectOption('B1');
    await byId(page, 'fir-complainant.name').fill('Ravi Kumar Sharma');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('fir-complainant.relativeName');
    await page.keyboard.type('Shyam Lal Sharma');
    await byId(page, 'fir-complainant.relation').selectOption('father');
    await byId(page, 'fir-complainant.yearOfBirth').fill('1986');
    await byId(page, 'fir-complainant.sex').selectOption('male');
    await byId(page, 'fir-complainant.phone').fill('12345');
    await byId(page, 'fir-complainant.address').fill('14, Sarafa Bazaar, Vindhyanagar');

    expect(await draftKeys(page)).toHaveLength(1);
    // A reload in the middle (a crash, a power cut): the draft comes back.
    await page.reload();
    await poll(() => page.getByRole('status').filter({ hasText: 'Your unfinished FIR' }).isVisible()).toBe(true);
    await poll(() => byId(page, 'fir-occurrence.place').inputValue()).toBe('Outside house no. 14, Sarafa Bazaar, near Hanuman Mandir');
    await poll(() => byId(page, 'fir-complainant.name').inputValue()).toBe('Ravi Kumar Sharma');
    await poll(() => byId(page, 'fir-complainant.relativeName').inputValue()).toBe('Shyam Lal Sharma');
    expect(await page.getByTestId('chosen-sections').textContent()).toContain('BNS 303(2)');
    await poll(() => byId(page, 'fir-gdEntryId').inputValue()).not.toBe('');

    await page.getByRole('button', { name: 'Add an accused' }).click();
    await byId(page, 'fir-accused.0.description').fill('Unknown person(s)');
    await page.getByRole('button', { name: 'Add a property' }).click();
    await byId(page, 'fir-propertyItems.0.description').fill('Hero Splendor motorcycle, black, MP04 AB 1234');
    await byId(page, 'fir-propertyItems.0.category').fill('vehicle');
    await byId(page, 'fir-propertyItems.0.value').fill('45000');
    await poll(() => page.getByTestId('property-total').textContent()).toContain('₹45,000');
    await byId(page, 'fir-delayReason').fill('The complainant searched the neighbourhood before reporting.');
    await byId(page, 'fir-narrative').fill(NARRATIVE);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'fir-form.png');
  });

  it('shows the server’s 400 and 422 next to the fields they name, in the chosen language', async () => {
    const before = await firTotal(page);
    // 400: the schema refuses the mobile number and the e-mail.
    await byId(page, 'fir-complainant.email').fill('ravi.sharma');
    await page.getByRole('button', { name: 'Register the FIR' }).click();
    const phoneError = byId(page, 'fir-complainant.phone-error');
    const emailError = byId(page, 'fir-complainant.email-error');
    await poll(() => phoneError.isVisible()).toBe(true);
    expect(await phoneError.textContent()).toContain('10-digit mobile number');
    expect(await byId(page, 'fir-complainant.phone').getAttribute('aria-invalid')).toBe('true');
    expect(await emailError.isVisible()).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'Mobile number' }).isVisible()).toBe(true);
    // Correcting a field takes its error away at once; the other field's error stays until the next submit.
    await byId(page, 'fir-complainant.phone').fill('9826012345');
    await poll(() => phoneError.count()).toBe(0);
    expect(await byId(page, 'fir-complainant.phone').getAttribute('aria-invalid')).toBeNull();
    expect(await emailError.isVisible()).toBe(true);
    expect(await byId(page, 'fir-complainant.email').getAttribute('aria-invalid')).toBe('true');
    await byId(page, 'fir-complainant.email').fill('');
    await poll(() => emailError.count()).toBe(0);

    // 422: the rules refuse an occurrence that ends before it began.
    await byId(page, 'fir-occurrence.to').fill(yesterdayAt('20:00'));
    await page.getByRole('button', { name: 'Register the FIR' }).click();
    const toError = byId(page, 'fir-occurrence.to-error');
    await poll(() => toError.isVisible()).toBe(true);
    expect(await toError.textContent()).toContain('is before occurrence.from');
    expect(await phoneError.count()).toBe(0);
    // In Hindi the same answer speaks Hindi, by the same field.
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await poll(() => toError.textContent()).toBe('कृपया इस प्रविष्टि को ठीक करें।');
    expect(await page.getByRole('alert').textContent()).toContain('समय जांचें');
    await page.getByRole('button', { name: 'English' }).click();
    await byId(page, 'fir-occurrence.to').fill(yesterdayAt('23:00'));
    expect(await firTotal(page)).toBe(before);
  });

  it('registers one FIR on a double click, clears the draft and shows the FIR with its number', async () => {
    const before = await firTotal(page);
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/firs') keys.push(r.headers()['idempotency-key'] ?? '');
    });
    // A double click faster than the page can disable the button: both clicks reach the form
    // and both requests go out, with the draft's one Idempotency-Key.
    await page.getByRole('button', { name: 'Register the FIR' }).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await page.waitForURL((u) => /^\/firs\/[0-9a-f-]{36}$/.test(u.pathname));
    firUrl = new URL(page.url()).pathname;
    await poll(() => page.locator('h1').textContent()).toMatch(/^FIR No\. \d{4}\/\d{4}, PS Kotwali$/);
    firNumber = /\d{4}\/\d{4}/.exec((await page.locator('h1').textContent()) ?? '')![0];
    expect(firNumber.split('/')[1]).toBe(String(new Date(Date.now() + 5.5 * 3600_000).getUTCFullYear()));
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `FIR No. ${firNumber} has been registered.` })
        .isVisible(),
    ).toBe(true);
    await poll(() => keys.length).toBe(2);
    expect(new Set(keys).size).toBe(1);
    expect(await firTotal(page)).toBe(before + 1);
    expect(await draftKeys(page)).toEqual([]);

    // Every IIF-1 item as registered.
    expect(await page.getByTestId('fir-stage').textContent()).toBe('Registered');
    expect(await page.getByTestId('fir-sections').textContent()).toContain('BNS 303(2) (Theft)');
    expect(await page.getByTestId('fir-narrative').textContent()).toBe(NARRATIVE);
    const body = (await page.locator('main').textContent()) ?? '';
    for (const v of ['Ravi Kumar Sharma', 'Shyam Lal Sharma', '9826012345', 'North-east', '₹45,000', 'Unknown person(s)', 'Written'])
      expect(body).toContain(v);
    expect(await overflowsSideways(page)).toBe(false);

    // A fresh form after success: no draft comes back.
    await page.goto('/firs/new');
    await poll(() => page.locator('h1').textContent()).toBe('Register an FIR (IIF-1)');
    expect(await byId(page, 'fir-complainant.name').inputValue()).toBe('');
    expect(await page.getByText('Your unfinished FIR').count()).toBe(0);
  });

  it('adds an addendum with its reason and downloads the FIR copy', async () => {
    await page.goto(firUrl);
    await poll(() => page.locator('h1').textContent()).toBe(`FIR No. ${firNumber}, PS Kotwali`);
    expect(await page.getByText('No addendum: the FIR stands as registered.').isVisible()).toBe(true);
    await page.getByLabel('Reason', { exact: true }).fill('Registration number of the motorcycle was mistyped');
    await page
      .getByLabel('Text of the addendum')
      .fill('The registration number of the stolen motorcycle is MP04 AB 1243, not MP04 AB 1234.');
    await page.getByRole('button', { name: 'Add the addendum' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'The addendum has been added.' }).isVisible()).toBe(true);
    const addenda = page.getByTestId('fir-addenda');
    await poll(async () => (await addenda.textContent()) ?? '').toContain('MP04 AB 1243, not MP04 AB 1234');
    expect(await addenda.textContent()).toContain('Registration number of the motorcycle was mistyped');
    // The original narrative is untouched.
    expect(await page.getByTestId('fir-narrative').textContent()).toBe(NARRATIVE);
    await screenshot(page, 'fir-view.png');

    for (const lang of ['en', 'hi'] as const) {
      const copy = await downloadOf(page, page.getByRole('link', { name: lang === 'en' ? 'FIR copy (English)' : 'FIR copy (Hindi)' }));
      expect(copy).toEqual({ filename: `FIR-PS01-${firNumber.replace('/', '-')}-${lang}.pdf`, isPdf: true });
    }
  });

  it('lists the FIR and shows the day’s GD with the information entry and the automatic FIR entry', async () => {
    await page.goto(`/firs?q=${encodeURIComponent(firNumber)}`);
    const row = page.getByTestId('fir-list').getByRole('row').filter({ hasText: firNumber });
    await poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('BNS 303(2)');
    expect(await overflowsSideways(page)).toBe(false);

    await page.goto(firUrl);
    await page.getByRole('link', { name: /^GD entry \d+ of/ }).click();
    await page.waitForURL((u) => u.pathname === '/gd');
    const info = page.getByRole('row').filter({ hasText: INFO });
    const auto = page.getByRole('row').filter({ hasText: `FIR No. ${firNumber} registered` });
    await poll(() => info.isVisible()).toBe(true);
    await poll(() => auto.isVisible()).toBe(true);
    expect(await auto.textContent()).toContain('FIR registered');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'gd-day.png');
    const day = await downloadOf(page, page.getByRole('link', { name: 'Print the day (PDF)' }));
    expect(day.filename).toMatch(/^GD-PS01-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(day.isPdf).toBe(true);
    await auto.getByRole('link', { name: 'Open the FIR' }).click();
    await page.waitForURL((u) => u.pathname === firUrl);
  });

  it('the SHO marks the FIR sensitive after a confirmation, and the public case status no longer finds it', async () => {
    const [serial, year] = firNumber.split('/');
    const publicStatus = async () =>
      (await fetch(`${e2e.url}/api/v1/public/case-status?stationCode=PS01&year=${year}&number=${serial}`)).status;
    expect(await publicStatus()).toBe(200);

    // The duty officer may not mark it.
    await page.goto(firUrl);
    await poll(() => page.locator('h1').textContent()).toBe(`FIR No. ${firNumber}, PS Kotwali`);
    expect(await page.getByRole('button', { name: 'Mark as sensitive' }).count()).toBe(0);

    // Two SHO windows on the FIR: the second will be out of date.
    const shoPage = async () => {
      const { page: p } = await e2e.newPage({ width: 360, height: 780 });
      await logIn(e2e, p, 'sho.ps1');
      await p.waitForURL((u) => u.pathname === '/');
      await p.goto(firUrl);
      await poll(() => p.getByRole('button', { name: 'Mark as sensitive' }).isVisible()).toBe(true);
      return p;
    };
    const sho = await shoPage();
    const stale = await shoPage();
    expect(await sho.getByTestId('fir-sensitive').count()).toBe(0);

    // The reason is required, and the dialog says what marking does before anything is sent.
    await sho.getByRole('button', { name: 'Mark as sensitive' }).click();
    await poll(() => byId(sho, 'sens-reason-error').isVisible()).toBe(true);
    const reason = 'The victim is a minor; her identity must be protected.';
    await sho.getByLabel('Why this FIR is sensitive').fill(reason);
    await sho.getByRole('button', { name: 'Mark as sensitive' }).click();
    const dialog = sho.getByRole('dialog', { name: `Mark FIR No. ${firNumber} as sensitive?` });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('no longer be found through the public case status');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await publicStatus()).toBe(200);
    await sho.getByRole('button', { name: 'Mark as sensitive' }).click();
    await dialog.getByRole('button', { name: 'Mark as sensitive' }).click();

    await poll(() => sho.getByRole('status').filter({ hasText: 'The FIR has been marked sensitive.' }).isVisible()).toBe(true);
    await poll(() => sho.getByTestId('fir-sensitive').isVisible()).toBe(true);
    expect(await sho.getByText(`Marked sensitive because: ${reason}`).isVisible()).toBe(true);
    expect(await sho.getByRole('button', { name: 'Mark as sensitive' }).count()).toBe(0);
    expect(await overflowsSideways(sho)).toBe(false);
    // A sensitive case answers exactly like one that does not exist.
    expect(await publicStatus()).toBe(404);

    // The out-of-date window gets a 412, loads the FIR again and shows it sensitive.
    await stale.getByLabel('Why this FIR is sensitive').fill('Victim identity to be protected.');
    await stale.getByRole('button', { name: 'Mark as sensitive' }).click();
    await stale.getByRole('dialog').getByRole('button', { name: 'Mark as sensitive' }).click();
    await poll(() => stale.getByTestId('fir-sensitive').isVisible()).toBe(true);
    expect(await stale.getByText(`Marked sensitive because: ${reason}`).isVisible()).toBe(true);
    expect(await stale.getByRole('button', { name: 'Mark as sensitive' }).count()).toBe(0);
  });

  it('a zero FIR goes on transfer from PS02 and PS01 acknowledges it under its own number', async () => {
    // duty.ps2 registers a zero FIR for PS01 through the API (the form is tested above).
    const login = await fetch(`${e2e.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'duty.ps2', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const reg = await fetch(`${e2e.url}/api/v1/firs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, 'idempotency-key': `e2e-zero-${Date.now()}` },
      body: JSON.stringify({
        informationType: 'oral',
        sections: [{ act: 'BNS', section: '303(2)' }],
        occurrence: { from: new Date(Date.now() - 86_400_000).toISOString(), place: 'Sarafa Bazaar, within PS Kotwali limits' },
        complainant: { name: 'Meena Devi' },
        accused: [{ known: false, description: 'Two unknown youths on a motorcycle' }],
        narrative: 'The complainant states that her handbag was snatched in Sarafa Bazaar and she came to the nearest station.',
        zeroFir: true,
        jurisdictionStationCode: 'PS01',
      }),
    });
    expect(reg.status).toBe(201);
    const zero = (await reg.json()) as { id: string; firNumber: string };

    const { page: ps2 } = await e2e.newPage({ width: 360, height: 780 });
    await logIn(e2e, ps2, 'duty.ps2');
    await ps2.waitForURL((u) => u.pathname === '/');
    await ps2.goto(`/firs/${zero.id}`);
    await poll(() => ps2.locator('h1').textContent()).toBe(`FIR No. ${zero.firNumber}, PS Civil Lines`);
    await poll(() => ps2.getByLabel('Station', { exact: true }).inputValue()).toBe('PS01');
    await ps2.getByLabel('Reason for the transfer').fill('The place of occurrence lies within PS Kotwali.');
    await ps2.getByRole('button', { name: 'Send on transfer' }).click();
    await poll(() => ps2.getByTestId('transfer-pending').isVisible()).toBe(true);
    expect(await ps2.getByText(/Sent on transfer to Kotwali \(PS01\)/).isVisible()).toBe(true);
    expect(await overflowsSideways(ps2)).toBe(false);

    // PS01 finds it among the transfers to acknowledge.
    await page.goto('/firs?transfer=pending_in');
    const row = page.getByTestId('fir-list').getByRole('row').filter({ hasText: zero.firNumber });
    await poll(() => row.isVisible()).toBe(true);
    await row.getByRole('link', { name: zero.firNumber }).click();
    await poll(() => page.getByRole('button', { name: 'Acknowledge and re-register' }).isVisible()).toBe(true);
    await page.getByLabel('Remarks (optional)').fill('Received with the original documents.');
    await page.getByRole('button', { name: 'Acknowledge and re-register' }).click();
    await poll(() => page.locator('h1').textContent()).toMatch(/^FIR No\. \d{4}\/\d{4}, PS Kotwali$/);
    expect(await page.getByText(`re-registration of FIR No. ${zero.firNumber} of PS02`).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Open the original FIR' }).click();
    await poll(() => page.getByText(/Acknowledged by Kotwali \(PS01\)/).isVisible()).toBe(true);
  });
});

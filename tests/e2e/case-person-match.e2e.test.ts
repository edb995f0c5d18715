import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, overflowsSideways, startE2E, type E2E } from './harness.ts';

/** Waits generously: the machine may be busy building and serving the app. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 150 });

/** POSTs with a logged-in page's own session and CSRF token (for the steps other screens own). */
async function sessionPost<T = Record<string, unknown>>(page: Page, url: string, data: unknown, headers: Record<string, string> = {}) {
  const me = await page.request.get('/api/v1/auth/me');
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const r = await page.request.post(url, { data, headers: { 'x-csrf-token': csrf, ...headers } });
  if (r.status() >= 300) throw new Error(`${url} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ');

describe('an IO adding an accused to a case sees the existing records that may be him, with the evidence, and links one', () => {
  let e2e: E2E;
  let io: Page;
  let caseId = '';
  let firNumber = '';

  beforeAll(async () => {
    // The demo people (people/seed.ts): Rajesh Kumar Srivastava, s/o Ramesh Chandra Srivastava,
    // of 12, Gandhi Nagar, Vindhyanagar, accused in one case at Kotwali.
    // Two-factor set-up for the SHO is its own browser test (auth); here the SHO logs in with a password.
    e2e = await startE2E({ withRecords: true, config: { MFA_REQUIRED_ROLES: 'admin' } });
    const duty = (await e2e.newPage()).page;
    await logIn(e2e, duty, 'duty.ps1');
    await duty.waitForURL((u) => u.pathname === '/');
    const fir = await sessionPost<{ id: string; firNumber: string }>(
      duty,
      '/api/v1/firs',
      {
        informationType: 'oral',
        sections: [{ act: 'BNS', section: '303(2)' }],
        occurrence: {
          from: new Date(Date.now() - 10 * 3600_000).toISOString(),
          place: 'Bus stand, Vindhyanagar',
          beatCode: 'B1',
        },
        complainant: { name: 'Dinesh Patel', sex: 'male', phone: '9826055555', address: 'Station Road, Vindhyanagar' },
        accused: [{ known: false, description: 'A man of about 35 in a red shirt' }],
        propertyItems: [{ description: 'Mobile phone, Redmi, black', category: 'mobile phone', nature: 'stolen', value: 9000 }],
        narrative: 'The complainant’s phone was taken from his pocket while he boarded the bus.',
        actionTaken: 'Registered and taken up for investigation.',
      },
      { 'idempotency-key': randomUUID() },
    );
    caseId = fir.id;
    firNumber = fir.firNumber;
    const sho = (await e2e.newPage()).page;
    await logIn(e2e, sho, 'sho.ps1');
    await sho.waitForURL((u) => u.pathname === '/');
    await sessionPost(sho, `/api/v1/cases/${caseId}/assign-io`, { ioUsername: 'io.ps1' });

    ({ page: io } = await e2e.newPage({ width: 1280, height: 900 }));
    await logIn(e2e, io, 'io.ps1');
    await io.waitForURL((u) => u.pathname === '/');
  }, 300_000);
  afterAll(async () => {
    await e2e?.close();
  });

  /** The case page's "Add a person" form, opened. */
  async function addPersonForm() {
    await io.goto(`/cases/${caseId}`);
    const persons = io.locator('#case-persons');
    await persons.waitFor({ timeout: 30_000 });
    const form = io.getByRole('form', { name: 'Add a person' });
    if (!(await form.isVisible())) await persons.getByText('Add a person', { exact: true }).click();
    await poll(() => form.isVisible()).toBe(true);
    return form;
  }

  it('shows the demo person among the ranked matches as the name is typed, with the same father’s name and address', async () => {
    const form = await addPersonForm();
    await form.getByLabel('Role *').selectOption('accused');
    // Another spelling of the name than the record's.
    await form.getByLabel('Name *').fill('Rajesh Shrivastav');
    const matches = form.getByTestId('match-suggestions').locator(':scope > li');
    await poll(async () => (await matches.allTextContents()).some((t) => t.includes('Rajesh Kumar Srivastava'))).toBe(true);
    // More details sharpen the ranking and bring the evidence for each.
    await form.getByLabel('Father’s / husband’s name').fill('Ramesh Chandra Srivastava');
    await form.getByLabel('Sex').selectOption('male');
    await form.getByLabel('Age (years)').fill('35');
    await form.getByLabel('Address').fill('12, Gandhi Nagar, Vindhyanagar');
    const rajesh = matches.filter({ hasText: 'Rajesh Kumar Srivastava' });
    await poll(async () => text(rajesh)).toMatch(/same address: 12, Gandhi Nagar, Vindhyanagar/);
    const shown = await text(rajesh);
    expect(shown).toContain("same father's name: Ramesh Chandra Srivastava");
    expect(shown).toMatch(/(same|similar) birth: born about \d{4}/);
    expect(shown).toContain('same sex: male');
    expect(shown).toContain('Accused in 1 case(s)');
    expect(shown).toMatch(/score [01]\.\d\d .*sounds alike/);
    // Best first: this record and its likely duplicate at Civil Lines ("राजेश श्रीवास्तव", same
    // father written in Devanagari) are the top two, both likely the same man.
    const all = await matches.allTextContents();
    const scores = all.map((t) => Number(/score ([0-9.]+)/.exec(t)?.[1] ?? NaN));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.slice(0, 2).every((x) => x >= 1)).toBe(true);
    expect(all.slice(0, 2).some((t) => t.includes('Rajesh Kumar Srivastava'))).toBe(true);
    expect(all.slice(0, 2).some((t) => t.startsWith('राजेश श्रीवास्तव'))).toBe(true);
    // Creating a new record is offered as the other choice.
    expect(await form.getByRole('button', { name: 'None of these: create a new record' }).isEnabled()).toBe(true);
    expect(await overflowsSideways(io)).toBe(false);
  });

  it('links the record as the accused; the case lists him, and his person page lists the case', async () => {
    const form = io.getByRole('form', { name: 'Add a person' });
    const rajesh = form.getByTestId('match-suggestions').locator(':scope > li').filter({ hasText: 'Rajesh Kumar Srivastava' });
    const personId = await rajesh.getAttribute('data-person-id');
    expect(personId).toMatch(/^[0-9a-f-]{36}$/);
    await rajesh.getByRole('button', { name: 'Link as Accused' }).click();
    const added = io.getByRole('status').filter({ hasText: /^Added as A\d+\.$/ });
    await poll(() => added.isVisible()).toBe(true);
    const code = /A\d+/.exec(await text(added))![0];
    const row = io.getByTestId('persons').locator('tbody tr').filter({ hasText: 'Rajesh Kumar Srivastava' });
    await poll(() => row.count()).toBe(1);
    expect(await text(row)).toContain(code);
    expect(await text(row)).toContain('Accused');
    // No second record was made for him: the index still has the one record of that name.
    const search = (await (await io.request.get('/api/v1/people/search?q=Rajesh%20Kumar%20Srivastava')).json()) as {
      results: { person: { id: string; name: string } }[];
    };
    expect(search.results.filter((r) => r.person.name === 'Rajesh Kumar Srivastava').map((r) => r.person.id)).toEqual([personId]);

    await row.getByRole('link', { name: 'Rajesh Kumar Srivastava' }).click();
    await io.waitForURL((u) => u.pathname === `/people/${personId}`);
    await poll(() => io.locator('h1').textContent()).toBe('Rajesh Kumar Srivastava');
    await poll(() =>
      io
        .getByRole('status')
        .filter({ hasText: /^Accused in/ })
        .textContent(),
    ).toMatch(/^Accused in 2 case\(s\)/);
    const cases = io.getByTestId('antecedents').locator('tbody tr');
    const thisCase = cases.filter({ hasText: firNumber });
    await poll(() => thisCase.count()).toBe(1);
    expect(await thisCase.getByRole('link', { name: firNumber }).getAttribute('href')).toBe(`/cases/${caseId}`);
    expect(await text(thisCase)).toContain('BNS 303(2)');
  });

  it('the same record typed again shows as already in the case, and a person with no match is created as a new record', async () => {
    const form = await addPersonForm();
    await form.getByLabel('Role *').selectOption('accused');
    await form.getByLabel('Name *').fill('Rajesh Kumar Srivastava');
    const rajesh = form.getByTestId('match-suggestions').locator(':scope > li').filter({ hasText: 'Rajesh Kumar Srivastava' });
    await poll(() => rajesh.count()).toBe(1);
    await poll(async () => text(rajesh)).toMatch(/Already A\d+ in this case/);
    expect(await rajesh.getByRole('button', { name: /^Link/ }).count()).toBe(0);

    await form.getByLabel('Name *').fill('Zorawar Tendulkar');
    await form.getByLabel('Age (years)').fill('27');
    await poll(() => form.getByText('No existing record matches these details.').isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Create a new record' }).click();
    const added = io.getByRole('status').filter({ hasText: /^Added as A\d+\.$/ });
    await poll(() => added.isVisible()).toBe(true);
    await poll(() => io.getByTestId('persons').locator('tbody tr').filter({ hasText: 'Zorawar Tendulkar' }).count()).toBe(1);
  });
});

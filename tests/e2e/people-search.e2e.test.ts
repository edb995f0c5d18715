import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, overflowsSideways, startE2E, type E2E } from './harness.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** Waits generously: the machine may be busy building and serving the app. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 150 });

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** The rows of the person results, best first, as "name … score … why" text. */
const resultRows = (page: Page) => page.getByTestId('people-results').locator('tbody tr');
const rowTexts = async (page: Page) => (await resultRows(page).allTextContents()).map((s) => s.replace(/\s+/g, ' '));
/** The scores shown on the result rows, in the order shown. */
const shownScores = async (page: Page) =>
  (await rowTexts(page)).map((t) => Number(/score ([0-9.]+)|अंक ([0-9.]+)/.exec(t)?.slice(1).find(Boolean) ?? NaN));

/** Runs the person search from its form, as an officer would. */
async function searchPeople(page: Page, q: string, { accusedOnly = false } = {}) {
  await page.getByLabel(/^Name \(Hindi or English\)|^नाम \(हिंदी या अंग्रेज़ी\)/).fill(q);
  const accused = page.getByRole('checkbox', { name: /^Accused only$|^केवल अभियुक्त$/ });
  if ((await accused.isChecked()) !== accusedOnly) await accused.setChecked(accusedOnly);
  await page
    .getByRole('search')
    .getByRole('button', { name: /^Search$|^खोजें$/ })
    .click();
}

/** Runs the unified search box. */
async function searchAll(page: Page, q: string) {
  await page.getByLabel(/^Name, FIR number, vehicle, phone or IMEI|^नाम, एफआईआर संख्या, वाहन, फ़ोन या आईएमईआई/).fill(q);
  await page
    .getByRole('search')
    .getByRole('button', { name: /^Search$|^खोजें$/ })
    .click();
}

describe('an investigating officer finds a person by any spelling, reads the criminal record, and uses the search box', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    // The demo people (people/seed.ts): Rajesh Kumar Srivastava at Kotwali and his likely
    // duplicate "राजेश श्रीवास्तव" at Civil Lines, "R. K. Shrivastav" at Sonpur; Mohd. Salim
    // Qureshi, accused at three stations in two districts, convicted once.
    e2e = await startE2E({ withRecords: true });
    ({ page } = await e2e.newPage({ width: 1280, height: 900 }));
    await logIn(e2e, page, 'io.ps1');
    await page.waitForURL((u) => u.pathname === '/');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('finds the Latin-script record by a Devanagari spelling, ranked, each result with its score and why it matched', async () => {
    await page.goto('/people');
    await poll(() => page.locator('h1').textContent()).toBe('Search persons');
    await searchPeople(page, 'श्रीवास्तव राजेश');
    await page.waitForURL((u) => u.pathname === '/people' && u.searchParams.get('q') === 'श्रीवास्तव राजेश');
    await poll(() => resultRows(page).count()).toBeGreaterThanOrEqual(2);
    const rows = await rowTexts(page);
    // The record written in Latin letters is found by its Devanagari spelling, and the Devanagari
    // record at Civil Lines too, whatever the order of the words.
    expect(rows.some((r) => r.includes('Rajesh Kumar Srivastava'))).toBe(true);
    expect(rows.some((r) => r.startsWith('राजेश श्रीवास्तव'))).toBe(true);
    const latin = rows.find((r) => r.includes('Rajesh Kumar Srivastava'))!;
    expect(latin).toContain('राजेश कुमार श्रीवास्तव');
    expect(latin).toMatch(/score 0\.\d+|score 1\.00/);
    expect(latin).toContain('sounds alike: shrivastav≈srivastav');
    expect(latin).toMatch(/spelling similarity 0\.\d\d/);
    // Best first.
    const scores = await shownScores(page);
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /persons, best first \(searched as "srivastav rajes"\)/ })
        .isVisible(),
    ).toBe(true);
  });

  it('finds the same persons by a variant Latin spelling; "accused only" leaves out the one accused of nothing', async () => {
    await searchPeople(page, 'Rajesh Shrivastav');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Rajesh Shrivastav');
    await poll(async () => (await rowTexts(page)).some((r) => r.includes('R. K. Shrivastav'))).toBe(true);
    const rows = await rowTexts(page);
    expect(rows.some((r) => r.includes('Rajesh Kumar Srivastava'))).toBe(true);
    expect(rows.some((r) => r.startsWith('राजेश श्रीवास्तव'))).toBe(true);
    // Every result says why it matched; the initials of "R. K." match "Rajesh".
    for (const r of rows) expect(r).toMatch(/score [01]\.\d\d .*(sounds alike|initial|spelling similarity)/);
    expect(rows.find((r) => r.includes('R. K. Shrivastav'))).toContain('initial: rajesh≈r');
    expect(rows.find((r) => r.includes('Rajesh Kumar Srivastava'))).toContain('Accused in 1 case(s)');
    const scores = await shownScores(page);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'people-search.png');

    await searchPeople(page, 'Rajesh Shrivastav', { accusedOnly: true });
    await page.waitForURL((u) => u.searchParams.get('role') === 'accused');
    await poll(async () => (await rowTexts(page)).some((r) => r.includes('R. K. Shrivastav'))).toBe(false);
    const accused = await rowTexts(page);
    expect(accused).toHaveLength(2);
    for (const r of accused) expect(r).toMatch(/Accused in \d+ case\(s\)/);
  });

  it('the results in Hindi: the same ranking, the reasons in Hindi', async () => {
    const { page: hi } = await e2e.newPage({ width: 1280, height: 900, lang: 'hi' });
    await logIn(e2e, hi, 'io.ps1');
    await hi.waitForURL((u) => u.pathname === '/');
    await hi.goto('/people');
    await poll(() => hi.locator('h1').textContent()).toBe('व्यक्ति खोजें');
    await searchPeople(hi, 'राजेश श्रीवास्तव');
    await poll(() => resultRows(hi).count()).toBeGreaterThanOrEqual(2);
    const rows = await rowTexts(hi);
    expect(rows.find((r) => r.includes('Rajesh Kumar Srivastava'))).toMatch(/अंक [01]\.\d\d .*उच्चारण समान: .*वर्तनी समानता/);
    expect(rows.find((r) => r.includes('Rajesh Kumar Srivastava'))).toContain('अभियुक्त');
    expect(await overflowsSideways(hi)).toBe(false);
    await screenshot(hi, 'people-search-hi.png');
  });

  it('opens a repeat offender found by another spelling and reads his criminal record across stations', async () => {
    await searchPeople(page, 'Saleem Kureshi');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Saleem Kureshi');
    const salim = resultRows(page).filter({ hasText: 'Mohd. Salim Qureshi' });
    await poll(() => salim.isVisible()).toBe(true);
    const text = ((await salim.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('sounds alike: saleem≈salim');
    expect(text).toContain('History sheet open');
    await salim.getByRole('link', { name: 'Mohd. Salim Qureshi' }).click();
    await page.waitForURL((u) => /^\/people\/[0-9a-f-]{36}$/.test(u.pathname));
    await poll(() => page.locator('h1').textContent()).toBe('Mohd. Salim Qureshi');

    await poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /^Accused in/ })
        .textContent(),
    ).toBe('Accused in 3 case(s) at 3 station(s); 1 conviction(s); 2 pending.');
    const cases = page.getByTestId('antecedents').locator('tbody tr');
    expect(await cases.count()).toBe(3);
    const byStation = (await cases.allTextContents()).map((s) => s.replace(/\s+/g, ' '));
    // Kotwali (his own station), Civil Lines in the same district, Sonpur Kotwali in another.
    for (const [station, district] of [
      ['Kotwali Vindhyanagar', 'Kotwali'],
      ['Civil Lines Vindhyanagar', 'Civil Lines'],
      ['Sonpur Kotwali Sonpur', 'Sonpur Kotwali'],
    ])
      expect(
        byStation.some((r) => r.includes(station)),
        district,
      ).toBe(true);
    for (const r of byStation) expect(r).toContain('BNS 331(4), BNS 305');
    expect(byStation.filter((r) => r.includes('Convicted'))).toHaveLength(1);
    expect(byStation.filter((r) => r.includes('Pending'))).toHaveLength(2);
    expect(byStation.find((r) => r.includes('Convicted'))).toContain('Kotwali Vindhyanagar');
    // The history sheet opened at Kotwali, and the names in both scripts.
    expect(await page.getByRole('link', { name: /^HS \d+ at Kotwali, class A$/ }).isVisible()).toBe(true);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('मोहम्मद सलीम क़ुरैशी');
    expect(main).toContain('Salim Langda');
    expect(main).toContain('Your reading of this record is audited');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'person-record.png');
  });

  it('the search box finds a person, an FIR number and a vehicle however its registration is typed, grouped by type', async () => {
    await page.goto('/search');
    await poll(() => page.locator('h1').textContent()).toBe('Search');

    await searchAll(page, 'राजेश श्रीवास्तव');
    const persons = page.getByRole('region', { name: 'Persons' });
    await poll(() => persons.isVisible()).toBe(true);
    const personText = ((await persons.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(personText).toContain('Rajesh Kumar Srivastava');
    expect(personText).toMatch(/score [01]\.\d\d/);
    expect(await page.getByRole('region', { name: 'FIRs' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Vehicles' }).count()).toBe(0);
    await persons.getByRole('link', { name: 'Rajesh Kumar Srivastava' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Rajesh Kumar Srivastava');
    await poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /^Accused in/ })
        .textContent(),
    ).toBe('Accused in 1 case(s) at 1 station(s); 0 conviction(s); 1 pending.');
    await page.goBack();

    // An FIR of the officer's own station, by its number written without the leading zeros.
    const firs = (await (await page.request.get('/api/v1/firs?pageSize=1')).json()) as { items: { id: string; firNumber: string }[] };
    const fir = firs.items[0]!;
    const [serial, year] = fir.firNumber.split('/');
    await searchAll(page, `${Number(serial)}/${year}`);
    const firSection = page.getByRole('region', { name: 'FIRs' });
    await poll(() => firSection.isVisible()).toBe(true);
    expect(await firSection.getByRole('link', { name: fir.firNumber }).getAttribute('href')).toBe(`/cases/${fir.id}`);
    expect(await firSection.textContent()).toContain('Kotwali');
    expect(await page.getByRole('region', { name: 'Persons' }).count()).toBe(0);

    // The stolen motorcycle of the theft at the bus stand, typed the way a constable reads it out.
    await searchAll(page, 'mp 04 cd 5678');
    const vehicles = page.getByRole('region', { name: 'Vehicles' });
    await poll(() => vehicles.isVisible()).toBe(true);
    const vehicleText = ((await vehicles.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(vehicleText).toContain('MP04CD5678');
    expect(vehicleText).toContain('Stolen');
    expect(vehicleText).toContain('Bajaj Pulsar');
    expect(vehicleText).toContain('Kotwali');
    expect(await page.getByRole('region', { name: 'FIRs' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Persons' }).count()).toBe(0);
    expect(await overflowsSideways(page)).toBe(false);
  });

  it('an empty or one-letter query is refused with a message in the chosen language, and nothing is searched', async () => {
    const searches: string[] = [];
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (p === '/api/v1/search' || p === '/api/v1/people/search') searches.push(r.url());
    });
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });

    await page.goto('/search');
    await poll(() => page.locator('h1').textContent()).toBe('Search');
    // Opening the page is not a search: no error yet.
    expect(await alert.count()).toBe(0);
    await searchAll(page, 'Salim');
    await poll(() => page.getByRole('region', { name: 'Persons' }).isVisible()).toBe(true);
    // One letter: refused in words, and the results of the previous query do not stay on screen
    // as if they answered this one.
    await searchAll(page, 'R');
    await poll(() => alert.textContent()).toBe('Type at least 2 characters.');
    expect(await page.getByRole('region', { name: 'Persons' }).count()).toBe(0);
    await searchAll(page, '   ');
    await poll(() => alert.textContent()).toBe('Type at least 2 characters.');
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await poll(() => alert.textContent()).toBe('कम से कम 2 अक्षर लिखें।');
    await page.getByRole('button', { name: 'English' }).click();

    await page.goto('/people');
    await poll(() => page.locator('h1').textContent()).toBe('Search persons');
    expect(await alert.count()).toBe(0);
    await searchPeople(page, 'र');
    await poll(() => alert.textContent()).toBe('Type at least 2 letters of the name.');
    expect(await resultRows(page).count()).toBe(0);
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await poll(() => alert.textContent()).toBe('नाम के कम से कम 2 अक्षर लिखें।');
    await searchPeople(page, '');
    await poll(() => alert.textContent()).toBe('नाम के कम से कम 2 अक्षर लिखें।');
    await page.getByRole('button', { name: 'English' }).click();
    // Then a real query clears the error.
    await searchPeople(page, 'Salim');
    await poll(() => resultRows(page).count()).toBeGreaterThan(0);
    expect(await alert.count()).toBe(0);
    expect(searches.every((u) => (new URL(u).searchParams.get('q') ?? '').trim().length >= 2)).toBe(true);
  });
});

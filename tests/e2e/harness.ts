/**
 * Browser tests: the real server, in this process, on a fresh in-memory PGlite with the demo
 * state, serving the real web build; Debian's Chromium driven by playwright-core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { openPglite, type Db } from '../../server/src/db/index.ts';
import { systemClock } from '../../server/src/lib/clock.ts';
import { prepareDatabase } from '../../server/src/startup.ts';
import { demoSeeders, seedAll } from '../../server/src/seed/index.ts';
import type { App } from '../../server/src/http/types.ts';
import { ensureWebBuild, WEB_DIST } from '../../scripts/ensure-web-build.ts';

export const PASSWORD = 'correct horse battery staple';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Playwright gives every launch a fresh temporary --user-data-dir of its own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2E {
  url: string;
  app: App;
  db: Db;
  config: Config;
  browser: Browser;
  /** A new browser context (its own cookies and storage) with one page. */
  newPage(opts?: { width?: number; height?: number; lang?: 'en' | 'hi' }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Environment-style overrides: { CAPTCHA: 'on', MFA_REQUIRED_ROLES: 'sho' }. */
  config?: Partial<Record<keyof Config, string>>;
  /** Seed every module's demo records too (FIRs, cases…); default: organisation and users only. */
  withRecords?: boolean;
}

/** Builds the web app if stale, starts the server on a free port and launches Chromium. */
/**
 * This machine has no Devanagari system font (an officer's computer or phone has one: Nirmala UI,
 * Mangal, Noto), so Chromium would draw Hindi as empty boxes in the screenshots. Every page of the
 * context gets Noto Sans Devanagari from npm, under the name the app's font stack already asks
 * for, before anything is drawn.
 */
export async function withDevanagariFont(context: BrowserContext) {
  const files = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/@fontsource/noto-sans-devanagari/files');
  const faces = [400, 700].map((weight) => ({
    weight: String(weight),
    data: readFileSync(path.join(files, `noto-sans-devanagari-devanagari-${weight}-normal.woff2`)).toString('base64'),
  }));
  await context.addInitScript((fs) => {
    for (const f of fs) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      document.fonts.add(
        new FontFace('Noto Sans Devanagari', bytes, {
          weight: f.weight,
          unicodeRange: 'U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20B9, U+25CC, U+A8E0-A8FF',
        }),
      );
    }
  }, faces);
}

export async function startE2E(opts: StartOptions = {}): Promise<E2E> {
  await ensureWebBuild({ log: () => undefined });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    CAPTCHA: 'off',
    NOTIFY_POLL_MS: '100',
    // Many logins from one address in a few seconds: keep the per-IP limits out of the way.
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
    ...opts.config,
  } as NodeJS.ProcessEnv);
  const db = await openPglite();
  await prepareDatabase(db);
  const ids = await seedAll(db, PASSWORD, systemClock, { withRecords: false });
  if (opts.withRecords) {
    // Each module's demo records, one seeder at a time: a module whose seeder is broken for
    // the moment costs the dashboard its numbers, not the browser tests their run (its own
    // API tests are where that failure belongs).
    for (const seeder of demoSeeders) {
      try {
        await seeder(db, ids, systemClock);
      } catch (e) {
        process.stderr.write(`e2e: a demo seeder failed (${seeder.name || 'anonymous'}): ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  }
  const app = await buildApp({ config, db, clock: systemClock, logger: false, webDist: WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    url,
    app,
    db,
    config,
    browser,
    async newPage({ width = 1280, height = 800, lang = 'en' } = {}) {
      const context = await browser.newContext({ baseURL: url, viewport: { width, height }, locale: lang === 'hi' ? 'hi-IN' : 'en-IN' });
      contexts.push(context);
      await withDevanagariFont(context);
      // Every run starts in the language asked for, whatever the browser's own.
      await context.addInitScript((l) => {
        try {
          if (!localStorage.getItem('cctns.lang')) localStorage.setItem('cctns.lang', l);
        } catch {
          /* about:blank has no storage */
        }
      }, lang);
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/**
 * The id of the captcha the form shows now (the form puts it on its fieldset), waiting until
 * there is one and, with `previous`, until it is a new one.
 */
export async function shownCaptchaId(page: Page, previous?: string): Promise<string> {
  const handle = await page.waitForFunction((prev) => {
    const id = document.querySelector('fieldset[data-captcha-id]')?.getAttribute('data-captcha-id');
    return id && id !== prev ? id : false;
  }, previous);
  return (await handle.jsonValue()) as string;
}

/** The answer to a captcha, through the server's test-only hook (not registered in production). */
export async function captchaAnswer(e2e: E2E, captchaId: string): Promise<string> {
  const r = await fetch(`${e2e.url}/api/v1/auth/captcha/${captchaId}/answer-for-tests`);
  if (!r.ok) throw new Error(`captcha hook answered ${r.status}`);
  return ((await r.json()) as { answer: string }).answer;
}

/** Fills and submits the login form (banner acknowledged); answers the captcha when one is shown. */
export async function logIn(e2e: E2E, page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByRole('checkbox', { name: /I have read and accept|मैंने ये शर्तें पढ़ ली हैं/ }).check();
  await page.getByLabel(/Username, employee ID or e-mail|उपयोगकर्ता नाम, कर्मचारी आईडी या ई-मेल/).fill(username);
  await page.getByLabel(/^Password$|^पासवर्ड$/).fill(password);
  if (e2e.config.CAPTCHA === 'on') {
    const id = await shownCaptchaId(page);
    await page.getByLabel(/Characters in the image|चित्र में दिए अक्षर/).fill(await captchaAnswer(e2e, id));
  }
  await page.getByRole('button', { name: /^Log in$|^लॉग इन करें$/ }).click();
}

/** True when the page is wider than its viewport (something overflows sideways). */
export async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Clicks a download link and returns the file's suggested name and whether its content is a PDF. */
export async function downloadOf(page: Page, link: Locator): Promise<{ filename: string; isPdf: boolean }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = readFileSync((await download.path())!);
  return { filename: download.suggestedFilename(), isPdf: bytes.subarray(0, 5).toString() === '%PDF-' };
}

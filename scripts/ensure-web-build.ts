/**
 * Builds the web app (web/ → web/dist) when the build is missing or older than any file in
 * web/, comparing modification times. `npm start` runs it first (prestart); the browser tests
 * call ensureWebBuild() too. When nothing changed it only walks the tree: a few milliseconds.
 *
 * The build goes to a scratch folder and is swapped in with renames, so a server already
 * serving web/dist never sees it half-written.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
const STAMP = path.join(WEB_DIST, 'index.html');

// Not sources: the output itself, dependencies, and tests (they do not change the bundle).
const SKIP_DIRS = new Set(['dist', 'node_modules', '.vite']);
const SKIP_FILE = /\.(unit\.)?test\.tsx?$/;

/** The newest modification time (ms) of any source file under web/, and the file. */
export function newestSource(dir = WEB_DIR): { mtimeMs: number; file: string } {
  let newest = { mtimeMs: 0, file: '' };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (d === dir && SKIP_DIRS.has(e.name)) continue;
        if (e.name === 'node_modules') continue;
        walk(p);
      } else if (e.isFile() && !SKIP_FILE.test(e.name)) {
        const m = statSync(p).mtimeMs;
        if (m > newest.mtimeMs) newest = { mtimeMs: m, file: p };
      }
    }
  };
  walk(dir);
  return newest;
}

/** Why a build is needed, or undefined when web/dist is up to date. */
export function staleReason(): string | undefined {
  if (!existsSync(STAMP)) return 'web/dist is missing';
  const built = statSync(STAMP).mtimeMs;
  const src = newestSource();
  if (src.mtimeMs > built) return `${path.relative(ROOT, src.file)} changed after the last build`;
  return undefined;
}

export interface EnsureOptions {
  force?: boolean;
  /** Print what happens (default true). */
  log?: (msg: string) => void;
}

/** Builds web/dist when needed; resolves to true when it built. */
export async function ensureWebBuild(opts: EnsureOptions = {}): Promise<boolean> {
  const log = opts.log ?? ((m: string) => process.stdout.write(`${m}\n`));
  const reason = opts.force ? 'forced' : staleReason();
  if (!reason) return false;
  log(`Building the web app (${reason})…`);
  const started = Date.now();
  const { build } = await import('vite');
  const scratch = path.join(ROOT, 'tmp', `web-build-${process.pid}-${Date.now()}`);
  mkdirSync(path.dirname(scratch), { recursive: true });
  // Always a production bundle, even when called from a test runner (vitest sets
  // NODE_ENV=test, which would otherwise give React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(WEB_DIR, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: scratch, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  // Swap in: dist → old, scratch → dist, remove old.
  const old = `${scratch}-old`;
  if (existsSync(WEB_DIST)) renameSync(WEB_DIST, old);
  try {
    renameSync(scratch, WEB_DIST);
  } catch (e) {
    if (existsSync(old) && !existsSync(WEB_DIST)) renameSync(old, WEB_DIST);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureWebBuild({ force: process.argv.includes('--force') }).catch((err: unknown) => {
    process.stderr.write(`Web build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

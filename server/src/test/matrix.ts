import type { Role } from '../policy/index.js';
import type { TestContext } from './harness.js';

/**
 * One row of the jurisdiction matrix: a route, who may use it, and whether it is tied to a
 * place. The matrix test (jurisdiction.test.ts) calls every route as every demo user, against
 * a target inside station PS01 (district D1), and fails on any 2xx it did not expect.
 *
 * Every module keeps its rows in `modules/<name>/scopes.cases.ts` (exporting `cases`), and
 * the test fails if a registered /api/v1 route has no row.
 */
export interface MatrixCase<F = unknown> {
  /** Exactly as registered: 'GET /api/v1/firs/:id'. */
  route: string;
  /** Roles allowed when the target is in their jurisdiction ('anon' = no session at all). */
  allow: readonly (Role | 'anon')[];
  /**
   * 'station': the target belongs to station PS01; only users whose scope covers PS01 may succeed.
   * 'none': not tied to a place (own account, state-wide lists).
   */
  place: 'station' | 'none';
  /** Builds a fresh target (e.g. registers an FIR at PS01) before each call. */
  setup?: (t: TestContext) => Promise<F>;
  path: (t: TestContext, f: F) => string;
  body?: (t: TestContext, f: F) => unknown;
  headers?: (t: TestContext, f: F) => Record<string, string>;
  /** Also assert that allowed, in-scope callers succeed (default true for GET). */
  expectSuccess?: boolean;
}

export const defineCases = (cases: MatrixCase<any>[]): MatrixCase<any>[] => cases;

/** The demo users the matrix runs as, and what their scope covers. */
export const MATRIX_USERS: { username: string | null; role: Role | 'anon'; coversPS01: boolean }[] = [
  { username: null, role: 'anon', coversPS01: false },
  { username: 'citizen1', role: 'citizen', coversPS01: false },
  { username: 'court1', role: 'court', coversPS01: false },
  { username: 'duty.ps1', role: 'duty_officer', coversPS01: true },
  { username: 'io.ps1', role: 'io', coversPS01: true },
  { username: 'sho.ps1', role: 'sho', coversPS01: true },
  { username: 'duty.ps2', role: 'duty_officer', coversPS01: false },
  { username: 'io.ps2', role: 'io', coversPS01: false },
  { username: 'sho.ps2', role: 'sho', coversPS01: false },
  { username: 'io.ps4', role: 'io', coversPS01: false },
  { username: 'sdpo.sd1', role: 'sdpo', coversPS01: true },
  { username: 'sp.d1', role: 'sp', coversPS01: true },
  { username: 'sp.d2', role: 'sp', coversPS01: false },
  { username: 'scrb', role: 'scrb', coversPS01: true },
  { username: 'admin', role: 'admin', coversPS01: true },
];

export const ALL_POLICE = ['duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb', 'admin'] as const;
export const EVERYONE = ['anon', 'citizen', 'court', ...ALL_POLICE] as const;
export const LOGGED_IN = ['citizen', 'court', ...ALL_POLICE] as const;

import { ALL_POLICE, defineCases } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';
import { registerFirAs } from '../firs/factories.js';

/**
 * Jurisdiction rows of the search routes: state-wide indexes for police (place 'none'); related
 * cases need the case itself in the caller's jurisdiction (an FIR at PS01).
 */
const firs = new WeakMap<TestContext, Promise<{ id: string }>>();
const firAtPS01 = (t: TestContext) => {
  let f = firs.get(t);
  if (!f) firs.set(t, (f = registerFirAs(t, 'duty.ps1')));
  return f;
};

export const cases = defineCases([
  { route: 'GET /api/v1/search', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/search?q=MP04AB1234' },
  { route: 'GET /api/v1/vehicles/search', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/vehicles/search?q=MP%2004%20AB%201234' },
  { route: 'GET /api/v1/property/search', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/property/search?category=mobile_phone' },
  { route: 'GET /api/v1/mo/search', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/mo/search?crimeHead=27' },
  {
    route: 'GET /api/v1/mo/related/:firId',
    allow: ALL_POLICE,
    place: 'station',
    setup: firAtPS01,
    path: (_t, f) => `/api/v1/mo/related/${f.id}`,
  },
]);

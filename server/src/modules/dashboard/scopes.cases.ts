import { ALL_POLICE, defineCases, LOGGED_IN } from '../../test/matrix.js';

export const cases = defineCases([
  { route: 'GET /api/v1/dashboard', allow: LOGGED_IN, place: 'none', path: () => '/api/v1/dashboard' },
  { route: 'GET /api/v1/dashboard/trends', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/dashboard/trends?months=12' },
]);

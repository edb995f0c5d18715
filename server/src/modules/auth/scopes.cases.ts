import { defineCases, EVERYONE, LOGGED_IN } from '../../test/matrix.js';

export const cases = defineCases([
  {
    route: 'POST /api/v1/auth/login',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/auth/login',
    // A wrong password: nobody may get a 2xx for it.
    body: () => ({ username: 'matrix.nobody', password: 'not the password' }),
    expectSuccess: false,
  },
  { route: 'GET /api/v1/auth/me', allow: LOGGED_IN, place: 'none', path: () => '/api/v1/auth/me' },
  {
    route: 'POST /api/v1/auth/logout',
    allow: LOGGED_IN,
    place: 'none',
    path: () => '/api/v1/auth/logout',
    expectSuccess: true,
  },
]);

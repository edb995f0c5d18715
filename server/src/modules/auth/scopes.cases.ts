import { defineCases, EVERYONE, LOGGED_IN } from '../../test/matrix.js';
import type { TestContext } from '../../test/harness.js';

const newCaptcha = async (t: TestContext) => (await t.anon().get('/api/v1/auth/captcha')).json().captchaId as string;

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
  { route: 'GET /api/v1/auth/captcha', allow: EVERYONE, place: 'none', path: () => '/api/v1/auth/captcha?kind=text' },
  {
    // Registered only with NODE_ENV=test or CAPTCHA_TEST_HOOK=on (never in production).
    route: 'GET /api/v1/auth/captcha/:id/answer-for-tests',
    allow: EVERYONE,
    place: 'none',
    setup: newCaptcha,
    path: (_t, id) => `/api/v1/auth/captcha/${id}/answer-for-tests`,
  },
  {
    // No session owes a second factor here: nobody gets a 2xx.
    route: 'POST /api/v1/auth/login/mfa',
    allow: [],
    place: 'none',
    path: () => '/api/v1/auth/login/mfa',
    body: () => ({ code: '000000' }),
    expectSuccess: false,
  },
  {
    route: 'POST /api/v1/auth/password/check',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/auth/password/check',
    body: () => ({ password: 'india@123' }),
    expectSuccess: true,
  },
  {
    // A wrong current password: refused for everyone.
    route: 'POST /api/v1/auth/password/change',
    allow: [],
    place: 'none',
    path: () => '/api/v1/auth/password/change',
    body: () => ({ currentPassword: 'not the password at all', newPassword: 'monsoon clouds over the vindhya range' }),
    expectSuccess: false,
  },
  {
    route: 'POST /api/v1/auth/password/forgot',
    allow: EVERYONE,
    place: 'none',
    path: () => '/api/v1/auth/password/forgot',
    body: () => ({ username: 'matrix.nobody' }),
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/auth/password/reset',
    allow: [],
    place: 'none',
    path: () => '/api/v1/auth/password/reset',
    body: () => ({ username: 'matrix.nobody', otp: '000000', newPassword: 'monsoon clouds over the vindhya range' }),
    expectSuccess: false,
  },
  {
    // Users whose 2FA is already on (the harness enrolled the roles that need it) get 409.
    route: 'POST /api/v1/auth/mfa/totp/enrol',
    allow: LOGGED_IN,
    place: 'none',
    path: () => '/api/v1/auth/mfa/totp/enrol',
    expectSuccess: false,
  },
  {
    route: 'POST /api/v1/auth/mfa/totp/confirm',
    allow: [],
    place: 'none',
    path: () => '/api/v1/auth/mfa/totp/confirm',
    body: () => ({ code: '000000' }),
    expectSuccess: false,
  },
  { route: 'GET /api/v1/auth/sessions', allow: LOGGED_IN, place: 'none', path: () => '/api/v1/auth/sessions' },
  {
    // Someone else's (here: nobody's) session id is a 404 for everyone.
    route: 'DELETE /api/v1/auth/sessions/:id',
    allow: [],
    place: 'none',
    path: () => '/api/v1/auth/sessions/00000000-0000-7000-8000-000000000000',
    expectSuccess: false,
  },
  {
    route: 'POST /api/v1/admin/users/:id/unlock',
    allow: ['admin'],
    place: 'none',
    path: (t) => `/api/v1/admin/users/${t.ids.users['io2.ps1']}/unlock`,
    expectSuccess: true,
  },
  {
    route: 'POST /api/v1/admin/users/:id/mfa/reset',
    allow: ['admin'],
    place: 'none',
    path: (t) => `/api/v1/admin/users/${t.ids.users['io2.ps1']}/mfa/reset`,
    expectSuccess: true,
  },
]);

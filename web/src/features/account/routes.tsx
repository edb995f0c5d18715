import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The user's own account: password, two-factor authentication, sessions. */
export const accountFeature: Feature = {
  id: 'account',
  routes: [
    {
      path: '/account/password',
      component: lazy(() => import('./PasswordChangePage.tsx')),
      access: { kind: 'user' },
      allowTemporaryPassword: true,
      allowMfaEnrolment: true,
    },
    {
      path: '/account/two-factor',
      component: lazy(() => import('./TwoFactorPage.tsx')),
      access: { kind: 'user' },
      allowTemporaryPassword: true,
      allowMfaEnrolment: true,
    },
    { path: '/account/sessions', component: lazy(() => import('./SessionsPage.tsx')), access: { kind: 'user' } },
  ],
  nav: [
    { to: '/account/sessions', labelKey: 'account.nav.sessions', group: 'account', order: 900 },
    { to: '/account/two-factor', labelKey: 'account.nav.two_factor', group: 'account', order: 910 },
    { to: '/account/password', labelKey: 'account.nav.password', group: 'account', order: 920 },
  ],
};

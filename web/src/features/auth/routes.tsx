import { lazy } from 'react';
import type { Feature } from '../types.ts';
import LoginPage from './LoginPage.tsx';

/** Logging in and out: the public screens before a session exists. */
export const authFeature: Feature = {
  id: 'auth',
  routes: [
    { path: '/login', component: LoginPage, access: { kind: 'public' } },
    { path: '/login/mfa', component: lazy(() => import('./MfaPage.tsx')), access: { kind: 'public' } },
    { path: '/password/forgot', component: lazy(() => import('./ForgotPasswordPage.tsx')), access: { kind: 'public' } },
    { path: '/logged-out', component: lazy(() => import('./LoggedOutPage.tsx')), access: { kind: 'public' } },
  ],
};

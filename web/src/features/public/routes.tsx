import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** Public pages, no login: case status by FIR number, a station's public FIR list, and the check of an FIR copy's code. */
export const publicFeature: Feature = {
  id: 'public',
  routes: [
    { path: '/case-status', component: lazy(() => import('./CaseStatusPage.tsx')), access: { kind: 'public' } },
    { path: '/stations/:code/firs', component: lazy(() => import('./StationFirsPage.tsx')), access: { kind: 'public' } },
    { path: '/stations/firs', component: lazy(() => import('./StationFirsPage.tsx')), access: { kind: 'public' } },
    { path: '/verify/:code', component: lazy(() => import('./VerifyCopyPage.tsx')), access: { kind: 'public' } },
    { path: '/verify', component: lazy(() => import('./VerifyCopyPage.tsx')), access: { kind: 'public' } },
  ],
  quickLinks: [{ to: '/case-status', labelKey: 'public.nav.status', descriptionKey: 'public.quick.status', order: 90 }],
};

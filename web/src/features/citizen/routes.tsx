import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The citizen's own side: sign up, file a complaint or e-FIR, My complaints, My FIRs (with the FIR copy). */
export const citizenFeature: Feature = {
  id: 'citizen',
  routes: [
    { path: '/citizen/signup', component: lazy(() => import('./SignUpPage.tsx')), access: { kind: 'public' } },
    {
      path: '/citizen/complaints/new',
      component: lazy(() => import('./FileComplaintPage.tsx')),
      access: { kind: 'permission', action: 'complaint.file' },
    },
    {
      path: '/citizen/complaints',
      component: lazy(() => import('./MyComplaintsPage.tsx')),
      access: { kind: 'permission', action: 'citizen.own_cases' },
    },
    {
      path: '/citizen/complaints/:id',
      component: lazy(() => import('./MyComplaintPage.tsx')),
      access: { kind: 'permission', action: 'citizen.own_cases' },
    },
    {
      path: '/citizen/firs',
      component: lazy(() => import('./MyFirsPage.tsx')),
      access: { kind: 'permission', action: 'citizen.own_cases' },
    },
  ],
  nav: [
    { to: '/citizen/complaints/new', labelKey: 'citizen.nav.file', action: 'complaint.file', order: 10 },
    { to: '/citizen/complaints', labelKey: 'citizen.nav.mine', action: 'citizen.own_cases', order: 11 },
    { to: '/citizen/firs', labelKey: 'citizen.nav.firs', action: 'citizen.own_cases', order: 12 },
  ],
  quickLinks: [
    {
      to: '/citizen/complaints/new',
      labelKey: 'citizen.nav.file',
      descriptionKey: 'citizen.quick.file',
      action: 'complaint.file',
      order: 10,
    },
    {
      to: '/citizen/complaints',
      labelKey: 'citizen.nav.mine',
      descriptionKey: 'citizen.quick.mine',
      action: 'citizen.own_cases',
      order: 11,
    },
    { to: '/citizen/firs', labelKey: 'citizen.nav.firs', descriptionKey: 'citizen.quick.firs', action: 'citizen.own_cases', order: 12 },
  ],
  counts: {
    myOpenComplaints: { labelKey: 'citizen.count.open', to: '/citizen/complaints', action: 'citizen.own_cases', order: 10 },
  },
};

import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The court clerk's screens (demo court user): e-filed final reports, acceptance, hearings, judgment, appeals (server: modules/court). */
export const courtFeature: Feature = {
  id: 'court',
  routes: [
    { path: '/court', component: lazy(() => import('./InboxPage.tsx')), access: { kind: 'permission', action: 'court.clerk' } },
    {
      path: '/court/cases/:ref',
      component: lazy(() => import('./CourtCasePage.tsx')),
      access: { kind: 'permission', action: 'court.clerk' },
    },
  ],
  nav: [{ to: '/court', labelKey: 'court.nav', action: 'court.clerk', order: 10 }],
  quickLinks: [{ to: '/court', labelKey: 'court.nav', descriptionKey: 'court.quick', action: 'court.clerk', order: 10 }],
  // The counts of the server's prosecution contributor for a court clerk.
  counts: {
    courtReportsToAccept: { labelKey: 'court.count.to_accept', to: '/court?status=pending', action: 'court.clerk', order: 10 },
    courtCasesPending: { labelKey: 'court.count.pending', to: '/court?status=accepted', action: 'court.clerk', order: 11 },
    courtHearingsNext7Days: { labelKey: 'court.count.hearings', to: '/court?status=accepted', action: 'court.clerk', order: 12 },
  },
};

import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** Final reports (IIF-5), their e-filing and the court's record of a case (server: modules/prosecution). */
export const prosecutionFeature: Feature = {
  id: 'prosecution',
  routes: [
    {
      path: '/final-reports',
      component: lazy(() => import('./FinalReportsPage.tsx')),
      access: { kind: 'permission', action: 'case.read' },
    },
    {
      path: '/cases/:id/final-report',
      component: lazy(() => import('./FinalReportPage.tsx')),
      access: { kind: 'permission', action: 'case.read' },
    },
  ],
  nav: [{ to: '/final-reports', labelKey: 'prosecution.nav', action: 'case.read', order: 40 }],
  quickLinks: [
    {
      to: '/final-reports?stage=final_report_submitted',
      labelKey: 'prosecution.quick.approve',
      descriptionKey: 'prosecution.quick.approve_desc',
      action: 'case.approve_final_report',
      order: 35,
    },
    {
      to: '/final-reports?stage=under_trial',
      labelKey: 'prosecution.quick.court',
      descriptionKey: 'prosecution.quick.court_desc',
      action: 'case.read',
      order: 45,
    },
  ],
  // The counts of the server's prosecution contributor (modules/prosecution/dashboard.ts).
  counts: {
    finalReportsWithCourt: {
      labelKey: 'prosecution.count.with_court',
      to: '/final-reports?stage=final_report_submitted',
      action: 'case.read',
      order: 40,
    },
    casesInCourt: { labelKey: 'prosecution.count.in_court', to: '/final-reports?stage=under_trial', action: 'case.read', order: 41 },
    hearingsNext7Days: { labelKey: 'prosecution.count.hearings', to: '/final-reports?stage=under_trial', action: 'case.read', order: 42 },
  },
};

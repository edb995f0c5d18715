import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** Cases and their investigation (server: modules/investigation): "My cases", the case page. */
export const investigationFeature: Feature = {
  id: 'investigation',
  routes: [
    { path: '/cases', component: lazy(() => import('./CasesPage.tsx')), access: { kind: 'permission', action: 'case.read' } },
    { path: '/cases/:id', component: lazy(() => import('./CasePage.tsx')), access: { kind: 'permission', action: 'case.read' } },
  ],
  nav: [{ to: '/cases', labelKey: 'investigation.nav', action: 'case.read', order: 20 }],
  quickLinks: [
    {
      to: '/cases?mine=true',
      labelKey: 'investigation.quick.mine',
      descriptionKey: 'investigation.quick.mine_desc',
      roles: ['io'],
      order: 10,
    },
    {
      to: '/cases?stage=registered&mine=false',
      labelKey: 'investigation.quick.assign',
      descriptionKey: 'investigation.quick.assign_desc',
      action: 'case.assign_io',
      order: 12,
    },
    {
      to: '/cases?stage=under_investigation&mine=false',
      labelKey: 'investigation.quick.supervise',
      descriptionKey: 'investigation.quick.supervise_desc',
      roles: ['sdpo', 'sp'],
      order: 60,
    },
  ],
  // The counts of the server's investigation contributor (modules/investigation/dashboard.ts).
  counts: {
    myCases: { labelKey: 'investigation.count.my_cases', to: '/cases?mine=true', action: 'case.read', order: 5 },
    casesAwaitingIo: {
      labelKey: 'investigation.count.awaiting_io',
      to: '/cases?stage=registered&mine=false',
      action: 'case.read',
      order: 6,
    },
    casesUnderInvestigation: {
      labelKey: 'investigation.count.under_investigation',
      to: '/cases?stage=under_investigation&mine=false',
      action: 'case.read',
      order: 7,
    },
    reportsAwaitingApproval: {
      labelKey: 'investigation.count.awaiting_approval',
      to: '/final-reports?stage=final_report_submitted',
      action: 'case.read',
      order: 8,
    },
  },
};

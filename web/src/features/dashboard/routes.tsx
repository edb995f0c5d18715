import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The landing dashboard of every role. */
export const dashboardFeature: Feature = {
  id: 'dashboard',
  routes: [{ path: '/', component: lazy(() => import('./DashboardPage.tsx')), access: { kind: 'permission', action: 'dashboard.read' } }],
  nav: [{ to: '/', labelKey: 'dashboard.nav', action: 'dashboard.read', order: 0 }],
  // The organisation counts of the server's dashboard module (modules/dashboard/repository.ts).
  counts: {
    stations: { labelKey: 'dashboard.count.stations', to: '/org/stations', action: 'org.read', order: 900 },
    beats: { labelKey: 'dashboard.count.beats', to: '/org/stations', action: 'org.read', order: 910 },
    officers: { labelKey: 'dashboard.count.officers', to: '/admin/users', action: 'users.read', order: 920 },
    auditEventsToday: { labelKey: 'dashboard.count.auditEventsToday', to: '/admin/audit', action: 'audit.read', order: 930 },
  },
};

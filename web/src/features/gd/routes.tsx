import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The station's General Diary (server: modules/gd): a day's entries, a manual entry, the day's print. */
export const gdFeature: Feature = {
  id: 'gd',
  routes: [{ path: '/gd', component: lazy(() => import('./GdPage.tsx')), access: { kind: 'permission', action: 'gd.read' } }],
  nav: [{ to: '/gd', labelKey: 'gd.nav', action: 'gd.read', order: 13 }],
  quickLinks: [{ to: '/gd', labelKey: 'gd.nav', descriptionKey: 'gd.quick', action: 'gd.write', order: 13 }],
  // The count the server's FIR contributor adds for the diary (modules/firs/dashboard.ts).
  counts: {
    gdEntriesToday: { labelKey: 'gd.count.today', to: '/gd', action: 'gd.read', order: 12 },
  },
};

import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The station's FIRs (server: modules/firs): the list, registration (IIF-1), one FIR with addenda and transfer. */
export const firsFeature: Feature = {
  id: 'firs',
  routes: [
    { path: '/firs', component: lazy(() => import('./FirsPage.tsx')), access: { kind: 'permission', action: 'fir.read' } },
    { path: '/firs/new', component: lazy(() => import('./NewFirPage.tsx')), access: { kind: 'permission', action: 'fir.register' } },
    { path: '/firs/:id', component: lazy(() => import('./FirPage.tsx')), access: { kind: 'permission', action: 'fir.read' } },
  ],
  nav: [{ to: '/firs', labelKey: 'firs.nav', action: 'fir.read', order: 12 }],
  quickLinks: [
    { to: '/firs/new', labelKey: 'firs.quick.new', descriptionKey: 'firs.quick.new_desc', action: 'fir.register', order: 11 },
    { to: '/firs', labelKey: 'firs.nav', descriptionKey: 'firs.quick.list_desc', action: 'fir.read', order: 12 },
  ],
  // The counts of the server's FIR contributor (modules/firs/dashboard.ts); gdEntriesToday is the gd feature's.
  counts: {
    firsRegisteredToday: { labelKey: 'firs.count.today', to: '/firs', action: 'fir.read', order: 10 },
    firsRegisteredThisYear: { labelKey: 'firs.count.year', to: '/firs', action: 'fir.read', order: 11 },
    firTransfersPendingOut: { labelKey: 'firs.count.pending_out', to: '/firs?transfer=pending_out', action: 'fir.read', order: 13 },
    firTransfersPendingIn: { labelKey: 'firs.count.pending_in', to: '/firs?transfer=pending_in', action: 'fir.read', order: 14 },
  },
};

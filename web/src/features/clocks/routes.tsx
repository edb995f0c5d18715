import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The statutory clocks (server: modules/clocks): the list, and the dashboard cards of the IO and the SHO. */
export const clocksFeature: Feature = {
  id: 'clocks',
  routes: [{ path: '/clocks', component: lazy(() => import('./ClocksPage.tsx')), access: { kind: 'permission', action: 'case.read' } }],
  nav: [{ to: '/clocks', labelKey: 'clocks.nav', action: 'case.read', roles: ['io', 'sho', 'sdpo', 'sp', 'duty_officer'], order: 25 }],
  quickLinks: [
    {
      to: '/clocks?due=overdue',
      labelKey: 'clocks.quick.overdue',
      descriptionKey: 'clocks.quick.overdue_desc',
      action: 'case.read',
      roles: ['io', 'sho', 'sdpo', 'sp'],
      order: 15,
    },
  ],
  // The counts of the server's investigation contributor (modules/investigation/dashboard.ts).
  counts: {
    myClocksOverdue: { labelKey: 'clocks.count.my_overdue', to: '/clocks?due=overdue&mine=true', action: 'case.read', order: 10 },
    myClocksDue7d: { labelKey: 'clocks.count.my_due7d', to: '/clocks?due=7d&mine=true', action: 'case.read', order: 11 },
    clocksOverdue: { labelKey: 'clocks.count.overdue', to: '/clocks?due=overdue&mine=false', action: 'case.read', order: 10 },
    clocksDue7d: { labelKey: 'clocks.count.due7d', to: '/clocks?due=7d&mine=false', action: 'case.read', order: 11 },
  },
};

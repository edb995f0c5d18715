import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The person index (server: modules/people): search, person page with antecedents, merge, history sheets, registers. */
export const peopleFeature: Feature = {
  id: 'people',
  routes: [
    { path: '/people', component: lazy(() => import('./PeopleSearchPage.tsx')), access: { kind: 'permission', action: 'people.read' } },
    { path: '/people/new', component: lazy(() => import('./NewPersonPage.tsx')), access: { kind: 'permission', action: 'people.write' } },
    { path: '/people/:id', component: lazy(() => import('./PersonPage.tsx')), access: { kind: 'permission', action: 'people.read' } },
    {
      path: '/history-sheets',
      component: lazy(() => import('./HistorySheetsPage.tsx')),
      access: { kind: 'permission', action: 'history_sheet.read' },
    },
    {
      path: '/history-sheets/:id',
      component: lazy(() => import('./HistorySheetPage.tsx')),
      access: { kind: 'permission', action: 'history_sheet.read' },
    },
    { path: '/registers', component: lazy(() => import('./RegistersPage.tsx')), access: { kind: 'permission', action: 'people.read' } },
  ],
  nav: [
    { to: '/people', labelKey: 'people.nav', action: 'people.read', order: 30 },
    { to: '/registers', labelKey: 'people.nav_registers', action: 'people.read', order: 35 },
    { to: '/history-sheets', labelKey: 'people.nav_sheets', action: 'history_sheet.read', order: 36 },
  ],
  quickLinks: [
    { to: '/people/new', labelKey: 'people.quick.new', descriptionKey: 'people.quick.new_desc', action: 'people.write', order: 30 },
    {
      to: '/registers?tab=matches',
      labelKey: 'people.quick.matches',
      descriptionKey: 'people.quick.matches_desc',
      action: 'registers.manage',
      order: 35,
    },
  ],
};

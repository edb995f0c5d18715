import { lazy } from 'react';
import type { Feature } from '../types.ts';

/** The station's complaint inbox and the actions on a complaint (server: modules/complaints). */
export const complaintsFeature: Feature = {
  id: 'complaints',
  routes: [
    {
      path: '/complaints',
      component: lazy(() => import('./InboxPage.tsx')),
      access: { kind: 'permission', action: 'complaint.read_station' },
    },
    {
      path: '/complaints/ncr-register',
      component: lazy(() => import('./NcrRegisterPage.tsx')),
      access: { kind: 'permission', action: 'complaint.read_station' },
    },
    {
      path: '/complaints/:id',
      component: lazy(() => import('./ComplaintPage.tsx')),
      access: { kind: 'permission', action: 'complaint.read_station' },
    },
  ],
  nav: [
    { to: '/complaints', labelKey: 'complaints.nav', action: 'complaint.read_station', order: 15 },
    { to: '/complaints/ncr-register', labelKey: 'complaints.ncr_register.nav', action: 'complaint.read_station', order: 16 },
  ],
  quickLinks: [
    { to: '/complaints', labelKey: 'complaints.nav', descriptionKey: 'complaints.quick', action: 'complaint.read_station', order: 15 },
  ],
  // The counts of the server's complaints contributor (modules/complaints/dashboard.ts).
  counts: {
    complaintsWaiting: { labelKey: 'complaints.count.waiting', to: '/complaints', action: 'complaint.read_station', order: 20 },
    efirsAwaitingSignature: {
      labelKey: 'complaints.count.efir_unsigned',
      to: '/complaints?efir=true',
      action: 'complaint.read_station',
      order: 21,
    },
    efirsSignatureOverdue: {
      labelKey: 'complaints.count.efir_overdue',
      to: '/complaints?efir=true',
      action: 'complaint.read_station',
      order: 22,
    },
    enquiriesAwaitingApproval: {
      labelKey: 'complaints.count.pe_awaiting',
      to: '/complaints?status=preliminary_enquiry',
      action: 'complaint.read_station',
      order: 23,
    },
    enquiriesDue: {
      labelKey: 'complaints.count.pe_due',
      to: '/complaints?status=preliminary_enquiry',
      action: 'complaint.read_station',
      order: 24,
    },
    enquiriesOverdue: {
      labelKey: 'complaints.count.pe_overdue',
      to: '/complaints?status=preliminary_enquiry',
      action: 'complaint.read_station',
      order: 25,
    },
  },
};

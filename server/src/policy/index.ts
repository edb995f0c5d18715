import { forbidden } from '../lib/errors.js';
import { POLICE_ROLES, type Role } from './roles.js';

export * from './roles.js';
export * from './scope.js';

const police = POLICE_ROLES;
const station = ['duty_officer', 'io', 'sho'] as const;

/**
 * Who may do what: the one place that answers it. Routes name an action; handlers never
 * compare roles. Jurisdiction is not decided here but in every repository query (scope.ts).
 * Modules add their actions to this table.
 */
export const PERMISSIONS = {
  'dashboard.read': ['citizen', ...police, 'court'],
  'org.read': [...police],
  'org.manage': ['admin'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'users.unlock': ['admin'],
  'users.mfa_reset': ['admin'],
  'audit.read': ['admin', 'scrb'],
  'outbox.read': ['admin'],
  'gd.read': [...police],
  'gd.write': [...station],
  'fir.read': [...police],
  'fir.register': ['duty_officer', 'sho'],
  'fir.addendum': ['duty_officer', 'io', 'sho'],
  'fir.transfer': ['duty_officer', 'sho'],
  'fir.mark_sensitive': ['sho', 'sdpo', 'sp', 'admin'],
  'complaint.file': ['citizen'],
  'complaint.act': ['duty_officer', 'sho'],
  'complaint.read_station': [...police],
  'complaint.approve_enquiry': ['sdpo', 'sp'],
  'citizen.own_cases': ['citizen'],
  'case.read': [...police],
  'case.assign_io': ['sho'],
  // Investigation records: only an IO, and in the service only the case's designated IO.
  'case.investigate': ['io'],
  // Workflow moves through the API; the workflow table decides which move is whose.
  'case.transition': ['io', 'sho'],
  'case.approve_final_report': ['sho'],
  'case.supervise': ['sho', 'sdpo', 'sp'],
  'people.read': [...police],
  'people.write': ['duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb'],
  'people.merge': ['sho', 'sdpo', 'sp', 'scrb', 'admin'],
  // History sheets are operational intelligence: police officers only (not the system administrator).
  'history_sheet.read': ['duty_officer', 'io', 'sho', 'sdpo', 'sp', 'scrb'],
  'history_sheet.note': ['duty_officer', 'io', 'sho', 'sdpo', 'sp'],
  'history_sheet.manage': ['sho', 'sp'],
  'registers.manage': ['duty_officer', 'io', 'sho', 'sdpo', 'sp'],
  'search.use': [...police],
  'analytics.read': ['sho', 'sdpo', 'sp', 'scrb', 'admin'],
  'court.clerk': ['court'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Throws 403 unless the role may perform the action. */
export function assertCan(role: Role, action: Action): void {
  if (!can(role, action)) throw forbidden();
}

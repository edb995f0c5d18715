import type { Role } from '../../policy.ts';

/** A user as an administrator sees them (GET /admin/users). */
export interface AdminUser {
  id: string;
  username: string;
  name: string;
  nameHi: string | null;
  email: string | null;
  mobile: string | null;
  role: Role;
  rank: string | null;
  districtId: string | null;
  subdivisionId: string | null;
  stationId: string | null;
  passwordTemporary: boolean;
  disabled: boolean;
  disabledAt?: string | null;
  lockedUntil?: string | null;
  mfaEnabled?: boolean;
  version: number;
  createdAt: string;
}

import { defineCases } from '../../test/matrix.js';

export const cases = defineCases([
  { route: 'GET /api/v1/admin/audit', allow: ['admin', 'scrb'], place: 'none', path: () => '/api/v1/admin/audit?limit=5' },
  { route: 'GET /api/v1/admin/audit/verify', allow: ['admin', 'scrb'], place: 'none', path: () => '/api/v1/admin/audit/verify' },
]);

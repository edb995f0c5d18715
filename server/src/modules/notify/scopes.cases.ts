import { defineCases } from '../../test/matrix.js';

export const cases = defineCases([
  { route: 'GET /api/v1/admin/dev-outbox', allow: ['admin'], place: 'none', path: () => '/api/v1/admin/dev-outbox?limit=5' },
]);

import { defineCases, LOGGED_IN } from '../../test/matrix.js';

export const cases = defineCases([{ route: 'GET /api/v1/dashboard', allow: LOGGED_IN, place: 'none', path: () => '/api/v1/dashboard' }]);

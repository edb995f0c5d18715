import { ALL_POLICE, defineCases } from '../../test/matrix.js';

export const cases = defineCases([{ route: 'GET /api/v1/clocks', allow: ALL_POLICE, place: 'none', path: () => '/api/v1/clocks?due=7d' }]);

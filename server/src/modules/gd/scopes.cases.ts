import { ALL_POLICE, defineCases } from '../../test/matrix.js';

let n = 0;
export const cases = defineCases([
  { route: 'GET /api/v1/gd', allow: ALL_POLICE, place: 'station', path: (t) => `/api/v1/gd?stationId=${t.ids.stations.PS01}` },
  {
    route: 'POST /api/v1/gd',
    allow: ['duty_officer', 'io', 'sho'],
    place: 'station',
    path: () => '/api/v1/gd',
    body: (t) => ({ stationId: t.ids.stations.PS01, kind: 'manual', text: `Matrix entry ${++n}` }),
    expectSuccess: true,
  },
  {
    route: 'GET /api/v1/gd/print.pdf',
    allow: ALL_POLICE,
    place: 'station',
    path: (t) => `/api/v1/gd/print.pdf?stationId=${t.ids.stations.PS01}`,
  },
]);

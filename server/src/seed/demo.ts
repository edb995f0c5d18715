import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../modules/auth/password.js';
import type { Role, Rank } from '../policy/index.js';

/**
 * The demo state: fictitious names, realistic structure. Aranya Pradesh (code XA, not a real
 * state code) with two districts, four sub-divisions, six police stations and three beats each.
 */
export const DEMO_STATE = { code: 'XA', name: 'Aranya Pradesh (demo)', nameHi: 'अरण्य प्रदेश (डेमो)', population: 4_320_000 };

const DISTRICTS = [
  { code: 'D1', name: 'Vindhyanagar', nameHi: 'विंध्यनगर', population: 2_450_000 },
  { code: 'D2', name: 'Sonpur', nameHi: 'सोनपुर', population: 1_870_000 },
];

const SUBDIVISIONS = [
  { code: 'SD1', district: 'D1', name: 'Vindhyanagar City', nameHi: 'विंध्यनगर शहर' },
  { code: 'SD2', district: 'D1', name: 'Rampura', nameHi: 'रामपुरा' },
  { code: 'SD3', district: 'D2', name: 'Sonpur Sadar', nameHi: 'सोनपुर सदर' },
  { code: 'SD4', district: 'D2', name: 'Kesla', nameHi: 'केसला' },
];

const STATIONS = [
  { code: 'PS01', sd: 'SD1', name: 'Kotwali', nameHi: 'कोतवाली', lat: 23.2599, lng: 77.4126, phone: '0755-2540101' },
  { code: 'PS02', sd: 'SD1', name: 'Civil Lines', nameHi: 'सिविल लाइंस', lat: 23.2731, lng: 77.3987, phone: '0755-2540102' },
  { code: 'PS03', sd: 'SD2', name: 'Rampura', nameHi: 'रामपुरा', lat: 23.1702, lng: 77.5201, phone: '0755-2540103' },
  { code: 'PS04', sd: 'SD3', name: 'Sonpur Kotwali', nameHi: 'सोनपुर कोतवाली', lat: 22.7196, lng: 77.9045, phone: '07574-250104' },
  { code: 'PS05', sd: 'SD3', name: 'Gandhi Chowk', nameHi: 'गांधी चौक', lat: 22.7302, lng: 77.8911, phone: '07574-250105' },
  { code: 'PS06', sd: 'SD4', name: 'Kesla', nameHi: 'केसला', lat: 22.6208, lng: 77.7713, phone: '07574-250106' },
];

const BEATS = [
  { code: 'B1', name: 'Bazaar', nameHi: 'बाज़ार' },
  { code: 'B2', name: 'Railway Station', nameHi: 'रेलवे स्टेशन' },
  { code: 'B3', name: 'Housing Board Colony', nameHi: 'हाउसिंग बोर्ड कॉलोनी' },
];

interface DemoUser {
  username: string;
  name: string;
  nameHi: string;
  role: Role;
  rank: Rank | null;
  station?: string;
  subdivision?: string;
  district?: string;
  email: string;
  mobile: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    name: 'Kavita Rao',
    nameHi: 'कविता राव',
    role: 'admin',
    rank: 'civilian',
    email: 'admin@cctns.example',
    mobile: '9000000001',
  },
  {
    username: 'scrb',
    name: 'Harish Menon',
    nameHi: 'हरीश मेनन',
    role: 'scrb',
    rank: 'ig',
    email: 'scrb@cctns.example',
    mobile: '9000000002',
  },
  {
    username: 'sp.d1',
    name: 'Arvind Chaturvedi',
    nameHi: 'अरविंद चतुर्वेदी',
    role: 'sp',
    rank: 'sp',
    district: 'D1',
    email: 'sp.d1@cctns.example',
    mobile: '9000000003',
  },
  {
    username: 'sp.d2',
    name: 'Farhana Qureshi',
    nameHi: 'फ़रहाना क़ुरैशी',
    role: 'sp',
    rank: 'sp',
    district: 'D2',
    email: 'sp.d2@cctns.example',
    mobile: '9000000004',
  },
  {
    username: 'sdpo.sd1',
    name: 'Gurpreet Sandhu',
    nameHi: 'गुरप्रीत संधू',
    role: 'sdpo',
    rank: 'dsp',
    subdivision: 'SD1',
    email: 'sdpo.sd1@cctns.example',
    mobile: '9000000005',
  },
  {
    username: 'sho.ps1',
    name: 'Rajendra Singh Tomar',
    nameHi: 'राजेंद्र सिंह तोमर',
    role: 'sho',
    rank: 'inspector',
    station: 'PS01',
    email: 'sho.ps1@cctns.example',
    mobile: '9000000011',
  },
  {
    username: 'io.ps1',
    name: 'Sunita Verma',
    nameHi: 'सुनीता वर्मा',
    role: 'io',
    rank: 'si',
    station: 'PS01',
    email: 'io.ps1@cctns.example',
    mobile: '9000000012',
  },
  {
    username: 'io2.ps1',
    name: 'Mohd. Irfan Khan',
    nameHi: 'मोहम्मद इरफ़ान ख़ान',
    role: 'io',
    rank: 'asi',
    station: 'PS01',
    email: 'io2.ps1@cctns.example',
    mobile: '9000000015',
  },
  {
    username: 'duty.ps1',
    name: 'Ramesh Yadav',
    nameHi: 'रमेश यादव',
    role: 'duty_officer',
    rank: 'head_constable',
    station: 'PS01',
    email: 'duty.ps1@cctns.example',
    mobile: '9000000013',
  },
  {
    username: 'sho.ps2',
    name: 'Pradeep Mishra',
    nameHi: 'प्रदीप मिश्रा',
    role: 'sho',
    rank: 'inspector',
    station: 'PS02',
    email: 'sho.ps2@cctns.example',
    mobile: '9000000021',
  },
  {
    username: 'io.ps2',
    name: 'Anjali Deshmukh',
    nameHi: 'अंजलि देशमुख',
    role: 'io',
    rank: 'si',
    station: 'PS02',
    email: 'io.ps2@cctns.example',
    mobile: '9000000022',
  },
  {
    username: 'duty.ps2',
    name: 'Suresh Patel',
    nameHi: 'सुरेश पटेल',
    role: 'duty_officer',
    rank: 'asi',
    station: 'PS02',
    email: 'duty.ps2@cctns.example',
    mobile: '9000000023',
  },
  {
    username: 'sho.ps4',
    name: 'Baljeet Kaur',
    nameHi: 'बलजीत कौर',
    role: 'sho',
    rank: 'inspector',
    station: 'PS04',
    email: 'sho.ps4@cctns.example',
    mobile: '9000000041',
  },
  {
    username: 'io.ps4',
    name: 'Vikram Choudhary',
    nameHi: 'विक्रम चौधरी',
    role: 'io',
    rank: 'si',
    station: 'PS04',
    email: 'io.ps4@cctns.example',
    mobile: '9000000042',
  },
  {
    username: 'duty.ps4',
    name: 'Lakshmi Naidu',
    nameHi: 'लक्ष्मी नायडू',
    role: 'duty_officer',
    rank: 'head_constable',
    station: 'PS04',
    email: 'duty.ps4@cctns.example',
    mobile: '9000000043',
  },
  {
    username: 'court1',
    name: 'Clerk, CJM Court Vindhyanagar',
    nameHi: 'लिपिक, सीजेएम न्यायालय विंध्यनगर',
    role: 'court',
    rank: null,
    district: 'D1',
    email: 'court1@cctns.example',
    mobile: '9000000091',
  },
  {
    username: 'citizen1',
    name: 'Meera Joshi',
    nameHi: 'मीरा जोशी',
    role: 'citizen',
    rank: null,
    email: 'meera.joshi@mail.example',
    mobile: '9812345670',
  },
];

export interface DemoIds {
  stateCode: string;
  districts: Record<string, string>;
  subdivisions: Record<string, string>;
  stations: Record<string, string>;
  beats: Record<string, string>;
  users: Record<string, string>;
}

/** A password for the demo accounts when DEMO_PASSWORD is not set: random, printed once. */
export function randomDemoPassword(): string {
  return `demo-${randomBytes(12).toString('base64url')}`;
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const r = await db.selectFrom('state').select('code').limit(1).executeTakeFirst();
  return !r;
}

/**
 * Seeds the demo state, in one transaction. Demo accounts get the given password and are not
 * marked temporary, so they log in straight away.
 */
export async function seedDemo(db: Kysely<Database>, password: string, now = new Date()): Promise<DemoIds> {
  const hash = await hashPassword(password);
  const ids: DemoIds = { stateCode: DEMO_STATE.code, districts: {}, subdivisions: {}, stations: {}, beats: {}, users: {} };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('state')
      .values({
        code: DEMO_STATE.code,
        name: DEMO_STATE.name,
        name_hi: DEMO_STATE.nameHi,
        population: DEMO_STATE.population,
        is_demo: true,
      })
      .execute();
    for (const d of DISTRICTS) {
      ids.districts[d.code] = newId();
      await trx
        .insertInto('district')
        .values({
          id: ids.districts[d.code],
          state_code: DEMO_STATE.code,
          code: d.code,
          name: d.name,
          name_hi: d.nameHi,
          population: d.population,
        })
        .execute();
    }
    const sdDistrict: Record<string, string> = {};
    for (const s of SUBDIVISIONS) {
      ids.subdivisions[s.code] = newId();
      sdDistrict[s.code] = ids.districts[s.district];
      await trx
        .insertInto('subdivision')
        .values({
          id: ids.subdivisions[s.code],
          state_code: DEMO_STATE.code,
          district_id: ids.districts[s.district],
          code: s.code,
          name: s.name,
          name_hi: s.nameHi,
        })
        .execute();
    }
    for (const st of STATIONS) {
      const id = newId();
      ids.stations[st.code] = id;
      await trx
        .insertInto('station')
        .values({
          id,
          state_code: DEMO_STATE.code,
          district_id: sdDistrict[st.sd],
          subdivision_id: ids.subdivisions[st.sd],
          code: st.code,
          name: st.name,
          name_hi: st.nameHi,
          address: `${st.name} Police Station, ${st.name}`,
          phone: st.phone,
          lat: st.lat,
          lng: st.lng,
        })
        .execute();
      for (const b of BEATS) {
        const bid = newId();
        ids.beats[`${st.code}/${b.code}`] = bid;
        await trx
          .insertInto('beat')
          .values({
            id: bid,
            state_code: DEMO_STATE.code,
            district_id: sdDistrict[st.sd],
            subdivision_id: ids.subdivisions[st.sd],
            station_id: id,
            code: b.code,
            name: b.name,
            name_hi: b.nameHi,
          })
          .execute();
      }
    }
    const stationRow = (code: string) => STATIONS.find((s) => s.code === code)!;
    for (const u of DEMO_USERS) {
      const id = newId();
      ids.users[u.username] = id;
      const station = u.station ? stationRow(u.station) : undefined;
      const subdivision = station?.sd ?? u.subdivision;
      const districtId = subdivision ? sdDistrict[subdivision] : u.district ? ids.districts[u.district] : null;
      await trx
        .insertInto('app_user')
        .values({
          id,
          state_code: DEMO_STATE.code,
          username: u.username,
          name: u.name,
          name_hi: u.nameHi,
          email: u.email,
          mobile: u.mobile,
          role: u.role,
          rank: u.rank,
          district_id: districtId,
          subdivision_id: subdivision ? ids.subdivisions[subdivision] : null,
          station_id: station ? ids.stations[station.code] : null,
          password_hash: hash,
          password_temporary: false,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });
  return ids;
}

/** Reads the ids of an already seeded demo state (for tools and tests that run after seeding). */
export async function loadDemoIds(db: Kysely<Database>): Promise<DemoIds> {
  const ids: DemoIds = { stateCode: DEMO_STATE.code, districts: {}, subdivisions: {}, stations: {}, beats: {}, users: {} };
  for (const d of await db.selectFrom('district').select(['id', 'code']).execute()) ids.districts[d.code] = d.id;
  for (const s of await db.selectFrom('subdivision').select(['id', 'code']).execute()) ids.subdivisions[s.code] = s.id;
  for (const s of await db.selectFrom('station').select(['id', 'code']).execute()) ids.stations[s.code] = s.id;
  for (const b of await db
    .selectFrom('beat')
    .innerJoin('station', 'station.id', 'beat.station_id')
    .select(['beat.id', 'beat.code', 'station.code as station_code'])
    .execute())
    ids.beats[`${b.station_code}/${b.code}`] = b.id;
  for (const u of await db.selectFrom('app_user').select(['id', 'username']).execute()) ids.users[u.username] = u.id;
  return ids;
}

/**
 * The synthetic geography: districts with populations, sub-divisions, police stations with a
 * point and a jurisdiction (area, population, urban or rural), beats, and the station's
 * officers the generated records are written by. A pure function of (seed, size): a re-run
 * rebuilds the same plan in memory and only writes it when its chunk is not yet recorded.
 */
import { IdMaker, Rng } from './prng.js';

const PLACE_NAMES = [
  ['Chandrapur', 'चंद्रपुर'],
  ['Ratangarh', 'रतनगढ़'],
  ['Shivpuri Kalan', 'शिवपुरी कलां'],
  ['Devgarh', 'देवगढ़'],
  ['Sitapur Khurd', 'सीतापुर खुर्द'],
  ['Malwa Nagar', 'मालवा नगर'],
  ['Narmadapuram East', 'नर्मदापुरम पूर्व'],
  ['Bhimnagar', 'भीमनगर'],
  ['Rajgarh Sadar', 'राजगढ़ सदर'],
  ['Kailashpur', 'कैलाशपुर'],
  ['Ganeshganj', 'गणेशगंज'],
  ['Hirapur', 'हीरापुर'],
  ['Laxmipur', 'लक्ष्मीपुर'],
  ['Mohanpura', 'मोहनपुरा'],
  ['Anandpur', 'आनंदपुर'],
  ['Sultanpur Kalan', 'सुल्तानपुर कलां'],
  ['Beharpur', 'बेहरपुर'],
  ['Chhatarpur Road', 'छतरपुर रोड'],
  ['Dhanpuri', 'धनपुरी'],
  ['Kishanganj', 'किशनगंज'],
  ['Amarpatan', 'अमरपाटन'],
  ['Balaghat Road', 'बालाघाट रोड'],
  ['Jawahar Chowk', 'जवाहर चौक'],
  ['Nayagaon', 'नयागांव'],
  ['Purana Bazar', 'पुराना बाज़ार'],
  ['Station Road', 'स्टेशन रोड'],
  ['Industrial Area', 'औद्योगिक क्षेत्र'],
  ['Cantonment', 'छावनी'],
  ['Subhash Nagar', 'सुभाष नगर'],
  ['Gandhi Nagar', 'गांधी नगर'],
  ['Nehru Colony', 'नेहरू कॉलोनी'],
  ['Tilak Ward', 'तिलक वार्ड'],
  ['Azad Nagar', 'आज़ाद नगर'],
  ['Bajrang Chowk', 'बजरंग चौक'],
  ['Kotra', 'कोटरा'],
  ['Sarangpur', 'सारंगपुर'],
  ['Pipariya', 'पिपरिया'],
  ['Itarsi Road', 'इटारसी रोड'],
  ['Bareli', 'बरेली'],
  ['Udaipura', 'उदयपुरा'],
] as const;

const BEAT_NAMES = [
  ['Bazaar', 'बाज़ार'],
  ['Bus Stand', 'बस स्टैंड'],
  ['Railway Colony', 'रेलवे कॉलोनी'],
  ['Mandi', 'मंडी'],
  ['Housing Board', 'हाउसिंग बोर्ड'],
  ['Highway', 'हाईवे'],
  ['Old City', 'पुराना शहर'],
  ['Villages North', 'उत्तर ग्राम'],
  ['Villages South', 'दक्षिण ग्राम'],
  ['College Area', 'कॉलेज क्षेत्र'],
] as const;

/** A fixed, valid argon2id hash of a random secret nobody knows: generated officers cannot log in until given a password. */
export const UNUSABLE_PASSWORD_HASH = '$argon2id$v=19$m=65536,p=4,t=3$NAuldWN5AeaObeWWstFYrA$N4uMbcWEdFgkbNllcVTFCCCHhfo+l2lq9RYNV7pkVGQ';

export interface GenBeat {
  id: string;
  code: string;
  name: string;
  nameHi: string;
  lat: number;
  lng: number;
}
export interface GenStation {
  id: string;
  code: string;
  name: string;
  nameHi: string;
  districtId: string;
  subdivisionId: string;
  lat: number;
  lng: number;
  areaKm2: number;
  radiusKm: number;
  population: number;
  urban: boolean;
  weight: number;
  firs: number;
  beats: GenBeat[];
  dutyOfficer: { id: string; username: string; name: string; rank: string };
  io: { id: string; username: string; name: string; rank: string };
}
export interface GenDistrict {
  id: string;
  code: string;
  name: string;
  nameHi: string;
  population: number;
  lat: number;
  lng: number;
  subdivisions: { id: string; code: string; name: string; nameHi: string }[];
  sp: { id: string; username: string; name: string };
}
export interface Geography {
  districts: GenDistrict[];
  stations: GenStation[];
}

const OFFICER_GIVEN = [
  'Ramesh',
  'Suresh',
  'Anil',
  'Vikram',
  'Pradeep',
  'Sanjay',
  'Rekha',
  'Sunita',
  'Imran',
  'Harpreet',
  'Prakash',
  'Meena',
];
const OFFICER_SUR = ['Sharma', 'Yadav', 'Verma', 'Khan', 'Singh', 'Patel', 'Tiwari', 'Kushwaha', 'Meena', 'Chauhan'];

/** Stations and districts for a number of FIRs over some years (about 600 FIRs a station a year, 14 stations a district). */
/** `minStations`: plan at least this many stations (14 per district) whatever the FIR count. */
export function planGeography(seed: number, firs: number, years: number, prefix = 'G', minStations = 0): Geography {
  const rng = new Rng(`${seed}:geo`);
  const ids = new IdMaker(`${seed}:geo`);
  const t0 = Date.UTC(2020, 0, 1);
  const nStations = Math.max(2, Math.round(firs / (years * 600)), Math.trunc(minStations));
  // Whole districts of up to 14 stations (rounding down would put the last stations in a
  // district that already has their codes).
  const nDistricts = Math.max(1, Math.ceil(nStations / 14));
  const districts: GenDistrict[] = [];
  const stations: GenStation[] = [];
  const cols = Math.ceil(Math.sqrt(nDistricts));
  const nameOf = (i: number) => {
    const p = PLACE_NAMES[i % PLACE_NAMES.length]!;
    const round = Math.floor(i / PLACE_NAMES.length);
    return round === 0 ? { en: p[0], hi: p[1] } : { en: `${p[0]} ${round + 1}`, hi: `${p[1]} ${round + 1}` };
  };
  for (let d = 0; d < nDistricts; d++) {
    const code = `${prefix}${String(d + 1).padStart(2, '0')}`;
    const nm = nameOf(d * 7 + 3);
    const lat = 21.5 + Math.floor(d / cols) * (6 / cols) + rng.next() * 0.3;
    const lng = 75.5 + (d % cols) * (6 / cols) + rng.next() * 0.3;
    const nSd = Math.max(1, Math.ceil(Math.min(14, nStations - d * 14) / 4));
    districts.push({
      id: ids.id(t0),
      code,
      name: nm.en,
      nameHi: nm.hi,
      population: 0,
      lat,
      lng,
      subdivisions: Array.from({ length: nSd }, (_, k) => {
        const sn = nameOf(d * 5 + k + 11);
        return { id: ids.id(t0), code: `${code}SD${k + 1}`, name: `${sn.en} Sub-division`, nameHi: `${sn.hi} अनुभाग` };
      }),
      sp: { id: ids.id(t0), username: `gen.${code.toLowerCase()}.sp`, name: `${rng.pick(OFFICER_GIVEN)} ${rng.pick(OFFICER_SUR)}` },
    });
  }
  for (let s = 0; s < nStations; s++) {
    const d = districts[Math.min(nDistricts - 1, Math.floor(s / 14))]!;
    const k = s - Math.floor(s / 14) * 14;
    const sd = d.subdivisions[Math.min(d.subdivisions.length - 1, Math.floor(k / 4))]!;
    // A fifth of stations are urban: small areas, dense, three times the rural crime rate.
    const urban = k % 5 === 0;
    const areaKm2 = urban ? 10 + rng.next() * 30 : 150 + rng.next() * 450;
    const population = Math.round(urban ? rng.lognormal(250_000, 0.4) : rng.lognormal(120_000, 0.4));
    const radiusKm = Math.sqrt(areaKm2 / Math.PI);
    const nm = nameOf(s);
    const code = `${d.code}PS${String(k + 1).padStart(2, '0')}`;
    const ang = rng.next() * 2 * Math.PI;
    const dist = urban ? rng.next() * 0.05 : 0.05 + rng.next() * 0.35;
    const lat = d.lat + dist * Math.sin(ang);
    const lng = d.lng + dist * Math.cos(ang);
    const nBeats = urban ? rng.int(5, 8) : rng.int(3, 6);
    const beats: GenBeat[] = Array.from({ length: nBeats }, (_, b) => {
      const bn = BEAT_NAMES[(s + b) % BEAT_NAMES.length]!;
      const r = radiusKm * Math.sqrt(rng.next());
      const a = rng.next() * 2 * Math.PI;
      return {
        id: ids.id(t0),
        code: `B${b + 1}`,
        name: bn[0],
        nameHi: bn[1],
        lat: lat + (r / 111) * Math.sin(a),
        lng: lng + (r / 105) * Math.cos(a),
      };
    });
    const lc = code.toLowerCase();
    stations.push({
      id: ids.id(t0),
      code,
      name: nm.en,
      nameHi: nm.hi,
      districtId: d.id,
      subdivisionId: sd.id,
      lat,
      lng,
      areaKm2,
      radiusKm,
      population,
      urban,
      weight: population * (urban ? 3 : 1),
      firs: 0,
      beats,
      dutyOfficer: {
        id: ids.id(t0),
        username: `gen.${lc}.duty`,
        name: `${rng.pick(OFFICER_GIVEN)} ${rng.pick(OFFICER_SUR)}`,
        rank: 'Head Constable',
      },
      io: { id: ids.id(t0), username: `gen.${lc}.io`, name: `${rng.pick(OFFICER_GIVEN)} ${rng.pick(OFFICER_SUR)}`, rank: 'Sub-Inspector' },
    });
    d.population += population;
  }
  // FIRs by population × urban factor; largest remainders so the total is exact.
  const W = stations.reduce((a, s) => a + s.weight, 0);
  let given = 0;
  const rem = stations.map((s, i) => {
    const exact = (firs * s.weight) / W;
    s.firs = Math.floor(exact);
    given += s.firs;
    return { i, r: exact - s.firs };
  });
  rem.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < firs - given; k++) stations[rem[k % rem.length]!.i]!.firs++;
  return { districts, stations };
}

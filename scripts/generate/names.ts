/**
 * Indian names by region, each as "Latin spelling variants|Devanagari". A generated person gets
 * a region (weighted like a north/central Hindi-belt state with migrants from elsewhere), a
 * given name and a surname from it, one of the Latin spellings (Srivastava / Shrivastav /
 * Srivastav: the variants the people search must match), and is recorded in Latin, in
 * Devanagari, or in both, the way police stations actually write them.
 */
import { Rng, Weighted } from './prng.js';

interface NameEntry {
  latin: string[];
  hi: string;
}

function parse(list: string): NameEntry[] {
  return list
    .trim()
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((e) => {
      const [latin, hi] = e.split('|');
      return { latin: latin!.split('/'), hi: hi! };
    });
}

interface Region {
  code: string;
  weight: number;
  male: NameEntry[];
  female: NameEntry[];
  surnames: NameEntry[];
  /** Share of persons of this region whose record is written in Devanagari at all. */
  devanagari: number;
}

const HINDI_MALE = parse(`
Rajesh|राजेश; Suresh|सुरेश; Ramesh|रमेश; Mahesh|महेश; Dinesh|दिनेश; Mukesh|मुकेश; Rakesh|राकेश; Sunil|सुनील; Anil|अनिल;
Sanjay/Sanjai|संजय; Vijay/Vijai|विजय; Ajay/Ajai|अजय; Manoj|मनोज; Santosh|संतोष; Ashok|अशोक; Pramod|प्रमोद; Vinod|विनोद;
Ravi|रवि; Amit|अमित; Sumit|सुमित; Rahul|राहुल; Rohit|रोहित; Deepak/Dipak|दीपक; Pankaj|पंकज; Neeraj/Niraj|नीरज; Alok|आलोक;
Ram Prasad/Ramprasad|राम प्रसाद; Shyam Lal/Shyamlal|श्याम लाल; Radhe Shyam/Radheshyam|राधेश्याम; Rambabu/Ram Babu|रामबाबू;
Brijesh/Brajesh|बृजेश; Lakhan|लखन; Kallu|कल्लू; Pappu|पप्पू; Bablu/Babloo|बबलू; Munna|मुन्ना; Raju|राजू; Sonu|सोनू; Monu|मोनू;
Dharmendra/Dharmendar|धर्मेंद्र; Jitendra/Jitender|जितेंद्र; Narendra/Narender|नरेंद्र; Surendra/Surender|सुरेंद्र; Virendra/Virender|वीरेंद्र;
Shiv Kumar/Shivkumar|शिव कुमार; Anand|आनंद; Ankit|अंकित; Vikas|विकास; Vishal|विशाल; Gaurav|गौरव; Saurabh/Sourabh|सौरभ
`);
const HINDI_FEMALE = parse(`
Sunita|सुनीता; Anita|अनीता; Kavita/Kavitha|कविता; Savita|सविता; Geeta/Gita|गीता; Seema/Sima|सीमा; Rekha|रेखा; Pooja/Puja|पूजा;
Priya|प्रिया; Neha|नेहा; Anjali|अंजलि; Rani|रानी; Kamla/Kamala|कमला; Shanti/Shanty|शांति; Radha|राधा; Sarita|सरिता; Mamta/Mamata|ममता;
Manju|मंजू; Suman|सुमन; Usha|उषा; Asha|आशा; Lakshmi/Laxmi|लक्ष्मी; Pushpa|पुष्पा; Meena/Mina|मीना; Preeti/Priti|प्रीति; Jyoti|ज्योति
`);
const HINDI_SURNAMES = parse(`
Sharma|शर्मा; Verma/Varma|वर्मा; Gupta|गुप्ता; Srivastava/Shrivastav/Srivastav/Shrivastava|श्रीवास्तव; Mishra/Misra|मिश्रा;
Tiwari/Tiwary/Tewari|तिवारी; Pandey/Pande|पांडे; Dubey/Dube|दुबे; Chaubey/Choubey|चौबे; Yadav|यादव; Kushwaha/Kushwah|कुशवाहा;
Patel|पटेल; Singh|सिंह; Chauhan/Chouhan|चौहान; Thakur|ठाकुर; Rajput|राजपूत; Ahirwar|अहिरवार; Jatav/Jatab|जाटव; Kumar|कुमार;
Prajapati|प्रजापति; Sahu|साहू; Rathore/Rathor|राठौर; Tomar|तोमर; Saxena/Saksena|सक्सेना; Agrawal/Agarwal/Aggarwal|अग्रवाल;
Jain|जैन; Meena|मीणा; Lodhi/Lodhi|लोधी; Kurmi|कुर्मी; Maurya/Mourya|मौर्य; Nishad|निषाद; Kewat|केवट; Baghel|बघेल
`);
const MUSLIM_MALE = parse(`
Mohammad/Mohd/Muhammad/Mohammed|मोहम्मद; Abdul|अब्दुल; Salim/Saleem|सलीम; Rafiq/Rafique|रफ़ीक; Imran|इमरान; Irfan|इरफ़ान;
Shahid/Shaheed|शाहिद; Javed/Jawed|जावेद; Aslam|असलम; Akhtar|अख़्तर; Nadeem|नदीम; Sajid|साजिद; Wasim/Waseem|वसीम; Arif|आरिफ़; Iqbal|इक़बाल
`);
const MUSLIM_FEMALE = parse(`
Shabana|शबाना; Rukhsana/Ruksana|रुख़साना; Nasreen/Nasrin|नसरीन; Farzana|फ़रज़ाना; Shaheen|शाहीन; Salma|सलमा; Reshma|रेशमा; Parveen/Praveen|परवीन
`);
const MUSLIM_SURNAMES = parse(`
Khan|ख़ान; Qureshi/Kureshi|क़ुरैशी; Ansari|अंसारी; Shaikh/Sheikh/Shekh|शेख़; Siddiqui/Siddiqi|सिद्दीक़ी; Ali|अली; Hussain/Husain|हुसैन; Mansuri/Mansoori|मंसूरी
`);
const PUNJABI_MALE = parse(`
Gurpreet|गुरप्रीत; Harpreet|हरप्रीत; Manpreet|मनप्रीत; Jaswinder/Jasvinder|जसविंदर; Balwinder/Balvinder|बलविंदर; Kuldeep/Kuldip|कुलदीप; Paramjit/Paramjeet|परमजीत
`);
const PUNJABI_FEMALE = parse(`
Harjeet/Harjit|हरजीत; Simran|सिमरन; Navneet|नवनीत; Kulwant/Kulvant|कुलवंत; Amandeep|अमनदीप
`);
const PUNJABI_SURNAMES = parse(`
Kaur|कौर; Singh|सिंह; Gill|गिल; Sandhu|संधू; Sidhu|सिद्धू; Dhillon|ढिल्लों; Grewal|ग्रेवाल; Bajwa|बाजवा
`);
const MARATHI_MALE = parse(`
Sachin|सचिन; Ganesh|गणेश; Santosh|संतोष; Prakash|प्रकाश; Sandeep/Sandip|संदीप; Nitin|नितिन; Vaibhav|वैभव; Tukaram|तुकाराम
`);
const MARATHI_FEMALE = parse(`
Ashwini/Aswini|अश्विनी; Sneha|स्नेहा; Vaishali|वैशाली; Sunanda|सुनंदा; Madhuri|माधुरी
`);
const MARATHI_SURNAMES = parse(`
Patil|पाटिल; Jadhav|जाधव; Pawar/Powar|पवार; Shinde|शिंदे; Deshmukh|देशमुख; Kulkarni|कुलकर्णी; Gaikwad/Gaekwad|गायकवाड़; More|मोरे
`);
const BENGALI_MALE = parse(`
Subhash/Subhas|सुभाष; Sourav/Saurav|सौरव; Debashish/Debasis|देबाशीष; Partha|पार्थ; Arindam|अरिंदम; Tapas|तापस
`);
const BENGALI_FEMALE = parse(`
Moumita|मौमिता; Sharmila|शर्मिला; Rina/Reena|रीना; Tania/Tanya|तान्या; Mousumi/Moushumi|मौसमी
`);
const BENGALI_SURNAMES = parse(`
Banerjee/Banerji/Bandyopadhyay|बनर्जी; Chatterjee/Chatterji|चटर्जी; Mukherjee/Mukherji|मुखर्जी; Das|दास; Ghosh|घोष; Bose/Basu|बोस; Mondal/Mandal|मंडल
`);
const SOUTH_MALE = parse(`
Venkatesh/Venkatesan|वेंकटेश; Srinivas/Srinivasan|श्रीनिवास; Murugan|मुरुगन; Suresh Babu|सुरेश बाबू; Ravi Kumar/Ravikumar|रवि कुमार; Rajendran|राजेंद्रन; Naresh|नरेश
`);
const SOUTH_FEMALE = parse(`
Lakshmi/Laxmi|लक्ष्मी; Padma|पद्मा; Kavitha/Kavita|कविता; Revathi/Revati|रेवती; Selvi|सेल्वी; Anitha/Anita|अनीता
`);
const SOUTH_SURNAMES = parse(`
Reddy/Reddi|रेड्डी; Naidu|नायडू; Rao|राव; Pillai|पिल्लै; Nair|नायर; Iyer/Iyyer|अय्यर; Gowda/Gouda|गौड़ा; Raju|राजू
`);

export const REGIONS: Region[] = [
  { code: 'hindi', weight: 0.62, male: HINDI_MALE, female: HINDI_FEMALE, surnames: HINDI_SURNAMES, devanagari: 0.75 },
  { code: 'muslim', weight: 0.16, male: MUSLIM_MALE, female: MUSLIM_FEMALE, surnames: MUSLIM_SURNAMES, devanagari: 0.6 },
  { code: 'punjabi', weight: 0.05, male: PUNJABI_MALE, female: PUNJABI_FEMALE, surnames: PUNJABI_SURNAMES, devanagari: 0.5 },
  { code: 'marathi', weight: 0.07, male: MARATHI_MALE, female: MARATHI_FEMALE, surnames: MARATHI_SURNAMES, devanagari: 0.6 },
  { code: 'bengali', weight: 0.05, male: BENGALI_MALE, female: BENGALI_FEMALE, surnames: BENGALI_SURNAMES, devanagari: 0.3 },
  { code: 'south', weight: 0.05, male: SOUTH_MALE, female: SOUTH_FEMALE, surnames: SOUTH_SURNAMES, devanagari: 0.2 },
];
const REGION_PICK = new Weighted(
  REGIONS,
  REGIONS.map((r) => r.weight),
);

const NICKNAMES = ['Pappu', 'Bablu', 'Munna', 'Chhotu', 'Kallu', 'Guddu', 'Lalla', 'Bunty', 'Tinku', 'Sonu', 'Golu', 'Kalia'];

export interface GeneratedName {
  /** As recorded: Latin, or Devanagari for a record written only in Hindi. */
  name: string;
  /** The Devanagari form, when the station wrote it (null otherwise). */
  nameHi: string | null;
  father: string;
  sex: 'male' | 'female';
  region: string;
}

function latinOf(rng: Rng, e: NameEntry): string {
  // The first spelling is the common one; the others turn up a third of the time.
  return e.latin.length === 1 || rng.chance(0.67) ? e.latin[0]! : rng.pick(e.latin.slice(1));
}

/** A person's name, father's name and the scripts they are written in. */
export function makeName(rng: Rng, sex: 'male' | 'female'): GeneratedName {
  const region = REGION_PICK.draw(rng);
  const given = rng.pick(sex === 'male' ? region.male : region.female);
  // Punjabi women usually carry Kaur; men Singh.
  let surname = rng.pick(region.surnames);
  if (region.code === 'punjabi') surname = sex === 'female' ? region.surnames[0]! : region.surnames[1]!;
  const fatherGiven = rng.pick(region.male);
  const fatherSurname = region.code === 'punjabi' ? region.surnames[1]! : surname;
  const latin = `${latinOf(rng, given)} ${latinOf(rng, surname)}`;
  const hi = `${given.hi} ${surname.hi}`;
  const father = `${latinOf(rng, fatherGiven)} ${latinOf(rng, fatherSurname)}`;
  const script = rng.next();
  if (script < region.devanagari * 0.25) {
    // Written only in Devanagari (the GD and the FIR in Hindi).
    return { name: hi, nameHi: hi, father: `${fatherGiven.hi} ${fatherSurname.hi}`, sex, region: region.code };
  }
  if (script < region.devanagari) return { name: latin, nameHi: hi, father, sex, region: region.code };
  return { name: latin, nameHi: null, father, sex, region: region.code };
}

export function makeNickname(rng: Rng): string {
  return rng.pick(NICKNAMES);
}

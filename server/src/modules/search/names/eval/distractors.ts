/**
 * Deterministic distractor names for the name-search evaluation: a few thousand
 * plausible people from several regions, some written in Devanagari and some
 * with initials, so that a query has many near neighbours (same surname, same
 * first name) to be ranked against, as in a real district's records.
 */

/** A name part in its usual Latin spelling and in Devanagari. */
type Part = readonly [latin: string, devanagari: string];

interface Region {
  name: string;
  male: readonly Part[];
  female: readonly Part[];
  middleMale: readonly Part[];
  middleFemale: readonly Part[];
  surnames: readonly Part[];
  /** Share of names written in Devanagari in this region's records. */
  devanagari: number;
}

const NORTH: Region = {
  name: 'north',
  male: [
    ['Rajesh', 'राजेश'],
    ['Ramesh', 'रमेश'],
    ['Rakesh', 'राकेश'],
    ['Mahesh', 'महेश'],
    ['Suresh', 'सुरेश'],
    ['Naresh', 'नरेश'],
    ['Mukesh', 'मुकेश'],
    ['Dinesh', 'दिनेश'],
    ['Umesh', 'उमेश'],
    ['Ganesh', 'गणेश'],
    ['Anil', 'अनिल'],
    ['Sunil', 'सुनील'],
    ['Sushil', 'सुशील'],
    ['Amit', 'अमित'],
    ['Sumit', 'सुमित'],
    ['Vijay', 'विजय'],
    ['Ajay', 'अजय'],
    ['Sanjay', 'संजय'],
    ['Vinay', 'विनय'],
    ['Manoj', 'मनोज'],
    ['Saroj', 'सरोज'],
    ['Pankaj', 'पंकज'],
    ['Pramod', 'प्रमोद'],
    ['Vinod', 'विनोद'],
    ['Ravi', 'रवि'],
    ['Rahul', 'राहुल'],
    ['Rohit', 'रोहित'],
    ['Mohan', 'मोहन'],
    ['Sohan', 'सोहन'],
    ['Rohan', 'रोहन'],
    ['Deepak', 'दीपक'],
    ['Pradeep', 'प्रदीप'],
    ['Sandeep', 'संदीप'],
    ['Kuldeep', 'कुलदीप'],
    ['Arun', 'अरुण'],
    ['Varun', 'वरुण'],
    ['Tarun', 'तरुण'],
    ['Naveen', 'नवीन'],
    ['Praveen', 'प्रवीण'],
    ['Sachin', 'सचिन'],
    ['Nitin', 'नितिन'],
    ['Nitish', 'नीतीश'],
    ['Ashok', 'अशोक'],
    ['Alok', 'आलोक'],
    ['Vikas', 'विकास'],
    ['Vivek', 'विवेक'],
    ['Abhishek', 'अभिषेक'],
    ['Gaurav', 'गौरव'],
    ['Saurabh', 'सौरभ'],
    ['Hemant', 'हेमंत'],
    ['Jitendra', 'जितेंद्र'],
    ['Surendra', 'सुरेंद्र'],
    ['Rajendra', 'राजेंद्र'],
    ['Narendra', 'नरेंद्र'],
    ['Dharmendra', 'धर्मेंद्र'],
    ['Virendra', 'वीरेंद्र'],
    ['Yogesh', 'योगेश'],
    ['Ram', 'राम'],
    ['Shyam', 'श्याम'],
    ['Krishna', 'कृष्ण'],
    ['Gopal', 'गोपाल'],
    ['Kishan', 'किशन'],
    ['Madan', 'मदन'],
    ['Jagdish', 'जगदीश'],
    ['Om', 'ओम'],
    ['Ved', 'वेद'],
    ['Hari', 'हरि'],
    ['Shiv', 'शिव'],
    ['Lalit', 'ललित'],
    ['Manish', 'मनीष'],
  ],
  female: [
    ['Sunita', 'सुनीता'],
    ['Anita', 'अनीता'],
    ['Geeta', 'गीता'],
    ['Sita', 'सीता'],
    ['Rita', 'रीता'],
    ['Gita', 'गिता'],
    ['Rekha', 'रेखा'],
    ['Renu', 'रेणु'],
    ['Pooja', 'पूजा'],
    ['Priya', 'प्रिया'],
    ['Supriya', 'सुप्रिया'],
    ['Neha', 'नेहा'],
    ['Sneha', 'स्नेहा'],
    ['Kavita', 'कविता'],
    ['Kavya', 'काव्या'],
    ['Seema', 'सीमा'],
    ['Reema', 'रीमा'],
    ['Meena', 'मीना'],
    ['Reena', 'रीना'],
    ['Mamta', 'ममता'],
    ['Laxmi', 'लक्ष्मी'],
    ['Lalita', 'ललिता'],
    ['Shanti', 'शांति'],
    ['Savitri', 'सावित्री'],
    ['Kamla', 'कमला'],
    ['Preeti', 'प्रीति'],
    ['Pratima', 'प्रतिमा'],
    ['Ritu', 'ऋतु'],
    ['Anjali', 'अंजलि'],
    ['Anju', 'अंजू'],
    ['Suman', 'सुमन'],
    ['Asha', 'आशा'],
    ['Usha', 'उषा'],
    ['Nisha', 'निशा'],
    ['Amita', 'अमिता'],
    ['Dipika', 'दीपिका'],
    ['Sonal', 'सोनल'],
    ['Aditi', 'अदिति'],
    ['Kiran', 'किरण'],
    ['Manju', 'मंजू'],
  ],
  middleMale: [
    ['Kumar', 'कुमार'],
    ['Prasad', 'प्रसाद'],
    ['Lal', 'लाल'],
    ['Chandra', 'चंद्र'],
    ['Prakash', 'प्रकाश'],
    ['Singh', 'सिंह'],
    ['Nath', 'नाथ'],
  ],
  middleFemale: [
    ['Kumari', 'कुमारी'],
    ['Devi', 'देवी'],
  ],
  surnames: [
    ['Sharma', 'शर्मा'],
    ['Verma', 'वर्मा'],
    ['Gupta', 'गुप्ता'],
    ['Yadav', 'यादव'],
    ['Singh', 'सिंह'],
    ['Mishra', 'मिश्रा'],
    ['Tiwari', 'तिवारी'],
    ['Pandey', 'पांडेय'],
    ['Dubey', 'दुबे'],
    ['Srivastava', 'श्रीवास्तव'],
    ['Chauhan', 'चौहान'],
    ['Chaudhary', 'चौधरी'],
    ['Agarwal', 'अग्रवाल'],
    ['Jain', 'जैन'],
    ['Saxena', 'सक्सेना'],
    ['Tripathi', 'त्रिपाठी'],
    ['Dwivedi', 'द्विवेदी'],
    ['Upadhyay', 'उपाध्याय'],
    ['Thakur', 'ठाकुर'],
    ['Rathore', 'राठौर'],
    ['Meena', 'मीणा'],
    ['Saini', 'सैनी'],
    ['Kushwaha', 'कुशवाहा'],
    ['Maurya', 'मौर्य'],
    ['Sahu', 'साहू'],
    ['Mehra', 'मेहरा'],
    ['Mehta', 'मेहता'],
    ['Joshi', 'जोशी'],
    ['Soni', 'सोनी'],
    ['Tomar', 'तोमर'],
    ['Bhardwaj', 'भारद्वाज'],
    ['Paswan', 'पासवान'],
    ['Jha', 'झा'],
    ['Sinha', 'सिन्हा'],
    ['Kapoor', 'कपूर'],
  ],
  devanagari: 0.3,
};

const MUSLIM: Region = {
  name: 'muslim',
  male: [
    ['Salim', 'सलीम'],
    ['Salman', 'सलमान'],
    ['Irfan', 'इरफ़ान'],
    ['Imran', 'इमरान'],
    ['Rafiq', 'रफ़ीक़'],
    ['Tariq', 'तारिक़'],
    ['Asif', 'आसिफ़'],
    ['Arif', 'आरिफ़'],
    ['Shahid', 'शाहिद'],
    ['Sajid', 'साजिद'],
    ['Zakir', 'ज़ाकिर'],
    ['Zahir', 'ज़ाहिर'],
    ['Farhan', 'फ़रहान'],
    ['Farman', 'फ़रमान'],
    ['Naseem', 'नसीम'],
    ['Anwar', 'अनवर'],
    ['Akhtar', 'अख़्तर'],
    ['Abid', 'आबिद'],
    ['Ali', 'अली'],
    ['Yusuf', 'यूसुफ़'],
    ['Iqbal', 'इक़बाल'],
    ['Rizwan', 'रिज़वान'],
    ['Faiz', 'फ़ैज़'],
    ['Qasim', 'क़ासिम'],
    ['Aziz', 'अज़ीज़'],
    ['Abdul', 'अब्दुल'],
    ['Shakeel', 'शकील'],
    ['Jameel', 'जमील'],
    ['Wasim', 'वसीम'],
    ['Nadeem', 'नदीम'],
  ],
  female: [
    ['Nasreen', 'नसरीन'],
    ['Shahnaz', 'शहनाज़'],
    ['Farhana', 'फ़रहाना'],
    ['Rehana', 'रेहाना'],
    ['Razia', 'रज़िया'],
    ['Nazia', 'नाज़िया'],
    ['Zeenat', 'ज़ीनत'],
    ['Salma', 'सलमा'],
    ['Shabana', 'शबाना'],
    ['Parveen', 'परवीन'],
    ['Ruksana', 'रुख़साना'],
    ['Sabina', 'सबीना'],
  ],
  middleMale: [
    ['Mohammad', 'मोहम्मद'],
    ['Ahmad', 'अहमद'],
    ['Ali', 'अली'],
  ],
  middleFemale: [
    ['Bano', 'बानो'],
    ['Begum', 'बेगम'],
    ['Khatoon', 'ख़ातून'],
  ],
  surnames: [
    ['Khan', 'ख़ान'],
    ['Ansari', 'अंसारी'],
    ['Qureshi', 'क़ुरैशी'],
    ['Siddiqui', 'सिद्दीक़ी'],
    ['Shaikh', 'शेख़'],
    ['Syed', 'सैयद'],
    ['Hussain', 'हुसैन'],
    ['Ahmed', 'अहमद'],
    ['Akhtar', 'अख़्तर'],
    ['Alam', 'आलम'],
    ['Malik', 'मलिक'],
    ['Mirza', 'मिर्ज़ा'],
    ['Rizvi', 'रिज़वी'],
    ['Pathan', 'पठान'],
  ],
  devanagari: 0.25,
};

const SIKH: Region = {
  name: 'sikh',
  male: [
    ['Gurpreet', 'गुरप्रीत'],
    ['Harpreet', 'हरप्रीत'],
    ['Manpreet', 'मनप्रीत'],
    ['Gurmeet', 'गुरमीत'],
    ['Jaswinder', 'जसविंदर'],
    ['Balwinder', 'बलविंदर'],
    ['Baljinder', 'बलजिंदर'],
    ['Jasvir', 'जसवीर'],
    ['Kulwinder', 'कुलविंदर'],
    ['Sukhdev', 'सुखदेव'],
    ['Ranjit', 'रणजीत'],
    ['Amarjeet', 'अमरजीत'],
    ['Harjinder', 'हरजिंदर'],
    ['Surinder', 'सुरिंदर'],
    ['Davinder', 'दविंदर'],
  ],
  female: [
    ['Gurpreet', 'गुरप्रीत'],
    ['Harpreet', 'हरप्रीत'],
    ['Manpreet', 'मनप्रीत'],
    ['Gurmeet', 'गुरमीत'],
    ['Jaswinder', 'जसविंदर'],
    ['Amarjeet', 'अमरजीत'],
    ['Ranjeet', 'रणजीत'],
    ['Simran', 'सिमरन'],
  ],
  middleMale: [],
  middleFemale: [],
  surnames: [
    ['Singh', 'सिंह'],
    ['Singh Sandhu', 'सिंह संधू'],
    ['Singh Dhillon', 'सिंह ढिल्लों'],
    ['Singh Gill', 'सिंह गिल'],
    ['Singh Brar', 'सिंह बराड़'],
    ['Singh Sidhu', 'सिंह सिद्धू'],
    ['Singh Grewal', 'सिंह ग्रेवाल'],
  ],
  devanagari: 0.2,
};

const SOUTH: Region = {
  name: 'south',
  male: [
    ['Srinivas', 'श्रीनिवास'],
    ['Srinath', 'श्रीनाथ'],
    ['Venkatesh', 'वेंकटेश'],
    ['Venkatraman', 'वेंकटरमन'],
    ['Ramesh', 'रमेश'],
    ['Suresh', 'सुरेश'],
    ['Murali', 'मुरली'],
    ['Balaji', 'बालाजी'],
    ['Karthik', 'कार्तिक'],
    ['Senthil', 'सेंथिल'],
    ['Rajan', 'राजन'],
    ['Prakash', 'प्रकाश'],
    ['Anand', 'आनंद'],
    ['Ganesh', 'गणेश'],
    ['Krishnan', 'कृष्णन'],
    ['Subramaniam', 'सुब्रमण्यम'],
    ['Narayan', 'नारायण'],
    ['Gopal', 'गोपाल'],
    ['Kumar', 'कुमार'],
    ['Ravi', 'रवि'],
  ],
  female: [
    ['Lakshmi', 'लक्ष्मी'],
    ['Sreedevi', 'श्रीदेवी'],
    ['Padma', 'पद्मा'],
    ['Radha', 'राधा'],
    ['Kavitha', 'कविता'],
    ['Sunitha', 'सुनीता'],
    ['Revathi', 'रेवती'],
    ['Meenakshi', 'मीनाक्षी'],
    ['Divya', 'दिव्या'],
    ['Anitha', 'अनीता'],
  ],
  middleMale: [],
  middleFemale: [],
  surnames: [
    ['Reddy', 'रेड्डी'],
    ['Rao', 'राव'],
    ['Naidu', 'नायडू'],
    ['Iyer', 'अय्यर'],
    ['Nair', 'नायर'],
    ['Pillai', 'पिल्लै'],
    ['Menon', 'मेनन'],
    ['Gowda', 'गौड़ा'],
    ['Shetty', 'शेट्टी'],
    ['Murthy', 'मूर्ति'],
    ['Sastry', 'शास्त्री'],
    ['Raju', 'राजू'],
    ['Gounder', 'गौंडर'],
    ['Natarajan', 'नटराजन'],
  ],
  devanagari: 0.05,
};

const EAST: Region = {
  name: 'east',
  male: [
    ['Subrata', 'सुब्रत'],
    ['Subhash', 'सुभाष'],
    ['Debasish', 'देबाशीष'],
    ['Sourav', 'सौरव'],
    ['Gourav', 'गौरव'],
    ['Biplab', 'बिप्लब'],
    ['Biswajit', 'बिस्वजीत'],
    ['Arnab', 'अर्णब'],
    ['Arijit', 'अरिजीत'],
    ['Partha', 'पार्थ'],
    ['Bikash', 'बिकाश'],
    ['Binod', 'बिनोद'],
    ['Bijay', 'बिजय'],
    ['Prasanta', 'प्रशांत'],
    ['Tapas', 'तपस'],
  ],
  female: [
    ['Debashree', 'देबश्री'],
    ['Mousumi', 'मौसुमी'],
    ['Rupa', 'रूपा'],
    ['Mitali', 'मिताली'],
    ['Sushmita', 'सुष्मिता'],
    ['Rina', 'रीना'],
    ['Tumpa', 'टुम्पा'],
    ['Jayashree', 'जयश्री'],
  ],
  middleMale: [
    ['Kumar', 'कुमार'],
    ['Chandra', 'चंद्र'],
  ],
  middleFemale: [],
  surnames: [
    ['Das', 'दास'],
    ['Ghosh', 'घोष'],
    ['Roy', 'रॉय'],
    ['Sen', 'सेन'],
    ['Banerjee', 'बनर्जी'],
    ['Mukherjee', 'मुखर्जी'],
    ['Chatterjee', 'चटर्जी'],
    ['Bose', 'बोस'],
    ['Mondal', 'मंडल'],
    ['Biswas', 'बिस्वास'],
    ['Mohanty', 'मोहंती'],
    ['Behera', 'बेहरा'],
    ['Chakraborty', 'चक्रवर्ती'],
  ],
  devanagari: 0.05,
};

const WEST: Region = {
  name: 'west',
  male: [
    ['Hitesh', 'हितेश'],
    ['Nitesh', 'नितेश'],
    ['Ramesh', 'रमेश'],
    ['Mahesh', 'महेश'],
    ['Bharat', 'भरत'],
    ['Sachin', 'सचिन'],
    ['Sachit', 'सचित'],
    ['Ganesh', 'गणेश'],
    ['Sunil', 'सुनील'],
    ['Dakshesh', 'दक्षेश'],
    ['Jignesh', 'जिग्नेश'],
    ['Chirag', 'चिराग'],
    ['Mayur', 'मयूर'],
    ['Santosh', 'संतोष'],
    ['Prashant', 'प्रशांत'],
  ],
  female: [
    ['Hetal', 'हेतल'],
    ['Kokila', 'कोकिला'],
    ['Falguni', 'फाल्गुनी'],
    ['Sneha', 'स्नेहा'],
    ['Madhuri', 'माधुरी'],
    ['Ashwini', 'अश्विनी'],
    ['Snehal', 'स्नेहल'],
    ['Vaishali', 'वैशाली'],
  ],
  middleMale: [['Bhai', 'भाई']],
  middleFemale: [['Ben', 'बेन']],
  surnames: [
    ['Patel', 'पटेल'],
    ['Shah', 'शाह'],
    ['Desai', 'देसाई'],
    ['Patil', 'पाटिल'],
    ['Jadhav', 'जाधव'],
    ['Deshpande', 'देशपांडे'],
    ['Kulkarni', 'कुलकर्णी'],
    ['Gaikwad', 'गायकवाड़'],
    ['Pawar', 'पवार'],
    ['Joshi', 'जोशी'],
    ['Jadeja', 'जडेजा'],
    ['Parmar', 'परमार'],
  ],
  devanagari: 0.25,
};

/** Regions and their share of the generated records. */
const REGIONS: ReadonlyArray<readonly [Region, number]> = [
  [NORTH, 0.45],
  [MUSLIM, 0.15],
  [SIKH, 0.08],
  [SOUTH, 0.12],
  [EAST, 0.1],
  [WEST, 0.1],
];

/** mulberry32: a small, seedable PRNG, so every run sees the same distractors. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function pickRegion(rand: () => number): Region {
  let r = rand();
  for (const [region, share] of REGIONS) {
    if (r < share) return region;
    r -= share;
  }
  return NORTH;
}

/** A generated person: the name as recorded, and the fields used for agreement. */
export interface DistractorPerson {
  name: string;
  sex: 'M' | 'F';
  region: string;
}

/**
 * `count` distractor people with distinct names, the same for the same `seed`. About a tenth carry a
 * middle name, a tenth are recorded with initials ("R. K. Sharma"), and each
 * region writes its share in Devanagari.
 */
export function generateDistractors(count: number, seed = 20240701): DistractorPerson[] {
  const rand = prng(seed);
  const out: DistractorPerson[] = [];
  // Each distinct name once: twenty identical "Amarjeet Kaur" rows would make
  // recall@10 depend on id order, not on matching. Bounded, in case the part
  // lists cannot make `count` distinct names.
  const seen = new Set<string>();
  for (let attempt = 0; out.length < count && attempt < count * 20; attempt++) {
    const region = pickRegion(rand);
    const female = rand() < 0.4;
    const first = pick(rand, female ? region.female : region.male);
    const middles = female ? region.middleFemale : region.middleMale;
    const middle = middles.length > 0 && rand() < 0.3 ? pick(rand, middles) : undefined;
    const surname = region === SIKH ? (female ? (['Kaur', 'कौर'] as const) : pick(rand, region.surnames)) : pick(rand, region.surnames);
    const parts: Part[] = [first, ...(middle ? [middle] : []), surname];
    const deva = rand() < region.devanagari;
    const initials = !deva && rand() < 0.1;
    let name: string;
    if (initials) {
      name = [...parts.slice(0, -1).map((p) => `${p[0][0]}.`), parts[parts.length - 1]![0]].join(' ');
    } else {
      name = parts.map((p) => (deva ? p[1] : p[0])).join(' ');
    }
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, sex: female ? 'F' : 'M', region: region.name });
  }
  return out;
}

/** Every Latin name part, for the speed loop in the eval script. */
export function allLatinParts(): string[] {
  const parts = new Set<string>();
  for (const [r] of REGIONS) {
    for (const list of [r.male, r.female, r.middleMale, r.middleFemale, r.surnames]) for (const [l] of list) parts.add(l);
  }
  return [...parts];
}

import type {
  Dataset,
  DatasetApplication,
  DatasetBudgetFunding,
  DatasetBuilding,
  DatasetCompany,
  DatasetCouncil,
  DatasetKpiReport,
  DatasetLease,
  DatasetPremises,
  DatasetProgramme,
  DatasetResidency,
  DatasetTaxIncentive,
} from '@/lib/validation/dataset';

/*
 * The demo data sets. Deterministic: a seeded generator, no clock, no
 * Math.random, so every run gives the same JSON.
 *
 * kuzbassDataset() reproduces, from raw records, every figure of the
 * published Kuzbass Technopark summary for 2010–2016 (shared/spec/DOMAIN.md):
 * 356 requests, 173 passed the council, 53 with tax incentives, 60 residents
 * supported (21 on site), 28 at the end (26 SMEs), 34.0% of 16,500 m² in
 * use, 11 / 8.7 / 14.5 / 2.6 bn RUB and 1,705 jobs, 2016: 2.3 / 0.42 bn and
 * 1,060 jobs, budget 920.3 M RUB (federal 412.9, regional 507.4). Around
 * them lies noise that the definitions must leave out: drafts, applications
 * of 2009 and 2017–2018, decisions dated 2017, quarterly and unaccepted
 * reports, a retired and a future premises unit, residents before 2010 and
 * after 2016.
 *
 * Fiscal payback: residents' cumulative taxes (accepted annual reports,
 * 2008 onwards) first reach the cumulative budget funding in 2014
 * (1,360 M against 875 M RUB; in 2013 it was 750 M against 825 M).
 * taxesPerBudgetRub up to 2016 is 2,640 / 920.3 = 2.87.
 */

// ---------------------------------------------------------------- helpers

type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A float in [min, max). */
  between(min: number, max: number): number;
};

/** mulberry32: small, fast and the same on every platform. */
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    between: (min, max) => min + next() * (max - min),
  };
}

const DAY_MS = 86_400_000;

function toTime(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function randomDate(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.round((toTime(to) - toTime(from)) / DAY_MS)));
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** A resident plan's key `r-…` names its company `c-…`. */
const toCompany = (planKey: string) => planKey.replace(/^r-/, 'c-');

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The last Thursday of a month: the expert council's meeting day. */
function lastThursday(year: number, month: number): string {
  let time = Date.UTC(year, month, 0);
  while (new Date(time).getUTCDay() !== 4) time -= DAY_MS;
  return fromTime(time);
}

/** Rubles as a kopeck bigint. */
const rub = (roubles: number | bigint) => BigInt(roubles) * 100n;
const millions = (m: number) => rub(Math.round(m * 1_000_000));

function amount(kopecks: bigint): string {
  return `${kopecks / 100n}.${pad(Number(kopecks % 100n), 2)}`;
}

/** Splits `total` into parts proportional to `weights`, exactly (the parts sum to total). */
function allocate(total: bigint, weights: readonly number[]): bigint[] {
  const scaled = weights.map((weight) => BigInt(Math.max(1, Math.round(weight * 1_000_000))));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  const parts = scaled.map((weight) => (total * weight) / sum);
  let rest = total - parts.reduce((a, b) => a + b, 0n);
  for (let i = 0; rest > 0n; i = (i + 1) % parts.length) {
    parts[i] += 1n;
    rest -= 1n;
  }
  return parts;
}

/** Like allocate, but no part exceeds its cap (capital investment within investment). */
function allocateCapped(total: bigint, weights: readonly number[], caps: readonly bigint[]): bigint[] {
  if (caps.reduce((a, b) => a + b, 0n) < total) throw new Error('allocateCapped: caps below total');
  const parts = caps.map(() => 0n);
  let open = weights.map((_, i) => i);
  let remaining = total;
  for (;;) {
    const shares = allocate(
      remaining,
      open.map((i) => weights[i]),
    );
    const over = open.filter((i, n) => shares[n] > caps[i]);
    if (over.length === 0) {
      open.forEach((i, n) => (parts[i] = shares[n]));
      return parts;
    }
    for (const i of over) {
      parts[i] = caps[i];
      remaining -= caps[i];
    }
    open = open.filter((i) => !over.includes(i));
  }
}

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** A 10-digit legal-entity INN of the region with a correct check digit, unique within `used`. */
function makeInn(random: Random, region: string, offices: readonly string[], used: Set<string>): string {
  for (;;) {
    const body = `${region}${random.pick(offices)}${pad(random.int(0, 99_999), 5)}`;
    const sum = INN_WEIGHTS.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
    const inn = `${body}${(sum % 11) % 10}`;
    if (!used.has(inn)) {
      used.add(inn);
      return inn;
    }
  }
}

// ---------------------------------------------------------------- names

const REGION_WORDS = [
  'Кузбасские',
  'Кузнецкие',
  'Кемеровские',
  'Сибирские',
  'Новокузнецкие',
  'Западно-Сибирские',
  'Северные',
  'Беловские',
  'Прокопьевские',
  'Междуреченские',
];

/** Field adjective, industry, and whether such companies are usually manufacturers. */
const FIELDS: readonly (readonly [string, string, boolean])[] = [
  ['угольные', 'угледобыча и углепереработка', false],
  ['горные', 'горное дело', false],
  ['энергетические', 'энергетика и энергосбережение', false],
  ['цифровые', 'информационные технологии', false],
  ['информационные', 'информационные технологии', false],
  ['химические', 'углехимия', true],
  ['экологические', 'экология и рекультивация', false],
  ['медицинские', 'медицина и биотехнологии', false],
  ['промышленные', 'промышленная безопасность', false],
  ['инженерные', 'инжиниринг', false],
  ['машиностроительные', 'машиностроение', true],
  ['измерительные', 'приборостроение', true],
  ['строительные', 'строительные технологии', false],
  ['аграрные', 'агропромышленные технологии', false],
  ['геологические', 'геология и геодезия', false],
  ['лазерные', 'лазерные технологии', true],
  ['композитные', 'новые материалы', true],
];

const NOUNS = ['технологии', 'системы', 'решения', 'разработки', 'сети', 'машины', 'приборы', 'проекты', 'сервисы', 'материалы', 'инновации'];
const BRAND_STEMS = ['Сиб', 'Кузбасс', 'Кем', 'Ново', 'Гео', 'Энерго', 'Угле', 'Техно', 'Инфо', 'Био', 'Эко', 'Хим', 'Мет', 'Горно', 'Том'];
const BRAND_ENDINGS = ['тех', 'систем', 'пром', 'сервис', 'маш', 'проект', 'лаб', 'софт', 'ресурс', 'инжиниринг', 'прибор'];
const LEGAL_FORMS = ['ООО', 'ООО', 'ООО', 'ООО', 'ООО', 'ООО', 'АО', 'ООО НПП', 'ООО НПО', 'ЗАО'];

const TOPICS = [
  'системы мониторинга метана в угольных шахтах',
  'технологии глубокой переработки угля',
  'цифровой платформы учёта горной техники',
  'технологии рекультивации нарушенных земель',
  'системы беспилотного мониторинга карьеров',
  'энергоэффективной системы шахтного освещения',
  'технологии получения сорбентов из угля',
  'системы вибродиагностики горного оборудования',
  'платформы телемедицины для моногородов',
  'технологии утилизации шахтного метана',
  'системы позиционирования персонала в шахте',
  'технологии производства углеродных волокон',
  'программного комплекса планирования горных работ',
  'технологии очистки шахтных вод',
  'системы предиктивного обслуживания конвейеров',
  'технологии 3D-печати запасных частей',
  'геоинформационной системы горного отвода',
  'технологии обогащения угольных шламов',
  'системы промышленной безопасности на основе машинного зрения',
  'технологии получения тепла из отходов углеобогащения',
];
const PRODUCTS = [
  'композитных шахтных крепей',
  'взрывозащищённых светильников',
  'датчиков газового анализа',
  'гидравлических стоек',
  'углеродных сорбентов',
  'модульных котельных',
  'шахтных аккумуляторных ламп',
  'полимерных конвейерных роликов',
  'беспилотников для маркшейдерской съёмки',
  'энергосберегающих электроприводов',
  'биоудобрений на основе гуминовых кислот',
  'медицинских изделий из титана',
  'топливных брикетов',
];

function projectTitle(random: Random): string {
  if (random.next() < 0.4) {
    return `${random.pick(['Создание производства', 'Организация выпуска', 'Расширение производства'])} ${random.pick(PRODUCTS)}`;
  }
  return `${random.pick(['Разработка', 'Внедрение', 'Опытно-промышленное освоение', 'Коммерциализация'])} ${random.pick(TOPICS)}`;
}

type CompanyFactory = (options: {
  key: string;
  sme: DatasetCompany['smeCategory'];
  manufacturing?: boolean;
  name?: string;
  industry?: string;
  withInn?: boolean;
}) => DatasetCompany;

function companyFactory(random: Random, region: string, offices: readonly string[]): CompanyFactory {
  const names = new Set<string>();
  const inns = new Set<string>();
  return ({ key, sme, manufacturing, name, industry, withInn = true }) => {
    const field = random.pick(FIELDS);
    let fullName = name;
    while (fullName === undefined || (name === undefined && names.has(fullName))) {
      const form = random.pick(LEGAL_FORMS);
      const roll = random.next();
      const noun = random.pick(NOUNS);
      // No «машиностроительные машины».
      if (roll < 0.65 && noun.slice(0, 4) === field[0].slice(0, 4)) continue;
      const inner =
        roll < 0.45
          ? `${random.pick(REGION_WORDS)} ${field[0]} ${noun}`
          : roll < 0.65
            ? `${field[0][0].toUpperCase()}${field[0].slice(1)} ${noun}`
            : `${random.pick(BRAND_STEMS)}${random.pick(BRAND_ENDINGS)}`;
      fullName = `${form} «${inner}»`;
    }
    names.add(fullName);
    return {
      key,
      name: fullName,
      inn: withInn ? makeInn(random, region, offices, inns) : null,
      smeCategory: sme,
      industry: industry ?? field[1],
      manufacturing: manufacturing ?? (field[2] && random.next() < 0.8),
    };
  };
}

// ---------------------------------------------------------------- council

type Meeting = { number: number; date: string };

/** Monthly meetings on the last Thursday, none in August; numbered from the first. */
function councilCalendar(firstYear: number, firstMonth: number, lastYear: number): Meeting[] {
  const meetings: Meeting[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (let month = year === firstYear ? firstMonth : 1; month <= 12; month++) {
      if (month === 8) continue;
      meetings.push({ number: meetings.length + 1, date: lastThursday(year, month) });
    }
  }
  return meetings;
}

function councilDecision(random: Random, meeting: Meeting, decision: DatasetCouncil['decision']): DatasetCouncil {
  const present = random.int(6, 9);
  let votesFor: number;
  let votesAgainst: number;
  if (decision === 'approved') {
    votesAgainst = random.int(0, 1);
    votesFor = present - votesAgainst - random.int(0, 1);
  } else if (decision === 'rejected') {
    votesFor = random.int(0, 2);
    votesAgainst = present - votesFor - random.int(0, 1);
  } else {
    votesFor = random.int(1, 3);
    votesAgainst = random.int(1, 3);
  }
  return {
    decidedOn: meeting.date,
    decision,
    meetingNumber: meeting.number,
    votesFor,
    votesAgainst,
    votesAbstain: present - votesFor - votesAgainst,
  };
}

// ---------------------------------------------------------------- Kuzbass

const PERIOD_START = '2010-01-01';
const PERIOD_END = '2016-12-31';

/** Per year: investment, capital investment, income, taxes (M RUB), new jobs. */
const KUZBASS_YEARS: Record<number, { inv: number; cap: number; income: number; taxes: number; jobs: number }> = {
  2008: { inv: 180, cap: 140, income: 150, taxes: 12, jobs: 25 },
  2009: { inv: 420, cap: 330, income: 350, taxes: 28, jobs: 40 },
  2010: { inv: 600, cap: 450, income: 900, taxes: 95, jobs: 60 },
  2011: { inv: 900, cap: 700, income: 1300, taxes: 140, jobs: 85 },
  2012: { inv: 1200, cap: 950, income: 1700, taxes: 205, jobs: 95 },
  2013: { inv: 1500, cap: 1200, income: 2000, taxes: 270, jobs: 110 },
  2014: { inv: 2200, cap: 1750, income: 2900, taxes: 610, jobs: 140 },
  2015: { inv: 2500, cap: 2000, income: 3400, taxes: 860, jobs: 155 },
  2016: { inv: 2100, cap: 1650, income: 2300, taxes: 420, jobs: 1060 },
  2017: { inv: 1800, cap: 1350, income: 2700, taxes: 480, jobs: 240 },
  2018: { inv: 1500, cap: 1100, income: 2400, taxes: 450, jobs: 180 },
};

/** Budget funding (M RUB) by year: federal, regional; up to 2016 412.9 + 507.4 = 920.3. */
const KUZBASS_FUNDING: readonly [number, DatasetBudgetFunding['source'], number][] = [
  [2008, 'federal', 60],
  [2008, 'regional', 75],
  [2009, 'federal', 80],
  [2009, 'regional', 90],
  [2010, 'federal', 75],
  [2010, 'regional', 85],
  [2011, 'federal', 70],
  [2011, 'regional', 80],
  [2012, 'federal', 55],
  [2012, 'regional', 65],
  [2013, 'federal', 40],
  [2013, 'regional', 50],
  [2014, 'federal', 20],
  [2014, 'regional', 30],
  [2015, 'federal', 12.9],
  [2015, 'regional', 20],
  [2016, 'regional', 12.4],
  [2017, 'regional', 45],
  [2017, 'municipal', 5.2],
  [2018, 'regional', 38.5],
  [2018, 'extrabudgetary', 12],
];

const KUZBASS_BUILDINGS: DatasetBuilding[] = [
  { key: 'ec', name: 'Engineering centre' },
  { key: 'plb', name: 'Production and laboratory building' },
  { key: 'bi', name: 'Business incubator' },
  { key: 'cw', name: 'Coworking centre' },
  { key: 'yic', name: 'Youth innovation centre' },
];

const BUILDING_OPENED: Record<string, string> = {
  ec: '2008-01-15',
  plb: '2009-06-01',
  bi: '2008-01-15',
  cw: '2013-09-02',
  yic: '2014-09-01',
};

/**
 * Premises: [key, building, name, kind, m², availableFrom (default: the
 * building's opening), availableTo]. Available on 2016-12-31: 16,500.00 m²
 * (ec 5,200, plb 6,400, bi 2,300, cw 1,100, yic 1,500). Lab 310 was retired
 * in 2015 and production bay 6 opened in 2017: neither counts then.
 */
const KUZBASS_PREMISES: readonly [string, string, string, DatasetPremises['kind'], string, string?, string?][] = [
  ['ec-101', 'ec', 'Office 101', 'office', '48.60'],
  ['ec-102', 'ec', 'Office 102', 'office', '52.30'],
  ['ec-103', 'ec', 'Office 103', 'office', '61.80'],
  ['ec-104', 'ec', 'Office 104', 'office', '36.40'],
  ['ec-105', 'ec', 'Office 105', 'office', '44.90'],
  ['ec-201', 'ec', 'Office 201', 'office', '118.50'],
  ['ec-202', 'ec', 'Office 202', 'office', '96.20'],
  ['ec-203', 'ec', 'Office 203', 'office', '74.90'],
  ['ec-204', 'ec', 'Office 204', 'office', '143.70'],
  ['ec-205', 'ec', 'Office 205', 'office', '88.30'],
  ['ec-301', 'ec', 'Laboratory 301', 'laboratory', '212.40'],
  ['ec-302', 'ec', 'Laboratory 302', 'laboratory', '187.60'],
  ['ec-303', 'ec', 'Laboratory 303', 'laboratory', '245.10'],
  ['ec-304', 'ec', 'Laboratory 304', 'laboratory', '168.30'],
  ['ec-305', 'ec', 'Laboratory 305', 'laboratory', '196.80'],
  ['ec-310', 'ec', 'Laboratory 310', 'laboratory', '150.00', undefined, '2015-06-30'],
  ['ec-401', 'ec', 'Prototyping centre', 'laboratory', '624.50'],
  ['ec-402', 'ec', 'Testing laboratory', 'laboratory', '518.20'],
  ['ec-501', 'ec', 'Conference hall', 'other', '310.00'],
  ['ec-502', 'ec', 'Data centre', 'other', '140.00'],
  ['ec-001', 'ec', 'Meeting rooms and common areas', 'other', '1831.50'],
  ['plb-p1', 'plb', 'Production bay 1', 'production', '1480.00'],
  ['plb-p2', 'plb', 'Production bay 2', 'production', '1236.50'],
  ['plb-p3', 'plb', 'Production bay 3', 'production', '984.20'],
  ['plb-p4', 'plb', 'Production bay 4', 'production', '812.70'],
  ['plb-p5', 'plb', 'Production bay 5', 'production', '640.00'],
  ['plb-p6', 'plb', 'Production bay 6', 'production', '720.00', '2017-03-01'],
  ['plb-l11', 'plb', 'Laboratory P-11', 'laboratory', '214.60'],
  ['plb-l12', 'plb', 'Laboratory P-12', 'laboratory', '326.40'],
  ['plb-l13', 'plb', 'Laboratory P-13', 'laboratory', '198.30'],
  ['plb-l14', 'plb', 'Laboratory P-14', 'laboratory', '281.90'],
  ['plb-w1', 'plb', 'Warehouse', 'other', '225.40'],
  ['bi-01', 'bi', 'Incubator cell 1', 'incubator', '24.60'],
  ['bi-02', 'bi', 'Incubator cell 2', 'incubator', '31.20'],
  ['bi-03', 'bi', 'Incubator cell 3', 'incubator', '28.40'],
  ['bi-04', 'bi', 'Incubator cell 4', 'incubator', '42.70'],
  ['bi-05', 'bi', 'Incubator cell 5', 'incubator', '38.20'],
  ['bi-06', 'bi', 'Incubator cell 6', 'incubator', '19.80'],
  ['bi-07', 'bi', 'Incubator cell 7', 'incubator', '36.50'],
  ['bi-08', 'bi', 'Incubator cell 8', 'incubator', '44.10'],
  ['bi-09', 'bi', 'Incubator cell 9', 'incubator', '27.30'],
  ['bi-10', 'bi', 'Incubator cell 10', 'incubator', '33.90'],
  ['bi-11', 'bi', 'Incubator cell 11', 'incubator', '22.50'],
  ['bi-12', 'bi', 'Incubator cell 12', 'incubator', '39.60'],
  ['bi-13', 'bi', 'Incubator cell 13', 'incubator', '29.80'],
  ['bi-14', 'bi', 'Incubator cell 14', 'incubator', '41.20'],
  ['bi-15', 'bi', 'Incubator cell 15', 'incubator', '25.70'],
  ['bi-16', 'bi', 'Incubator cell 16', 'incubator', '34.50'],
  ['bi-o1', 'bi', 'Incubator office 201', 'office', '86.40'],
  ['bi-o2', 'bi', 'Incubator office 202', 'office', '64.30'],
  ['bi-001', 'bi', 'Training rooms and common areas', 'other', '1629.30'],
  ['cw-1', 'cw', 'Open coworking space', 'coworking', '620.00'],
  ['cw-2', 'cw', 'Quiet coworking zone', 'coworking', '180.00'],
  ['cw-3', 'cw', 'Project teams office', 'office', '222.70'],
  ['cw-001', 'cw', 'Event hall', 'other', '77.30'],
  ['yic-1', 'yic', 'Fab lab', 'laboratory', '420.00'],
  ['yic-2', 'yic', 'Youth coworking', 'coworking', '310.00'],
  ['yic-3', 'yic', 'Robotics laboratory', 'laboratory', '164.80'],
  ['yic-001', 'yic', 'Lecture hall and common areas', 'other', '605.20'],
];

/** One residency of a resident plan. */
type Stay = {
  start: string;
  end: string | null;
  placement: DatasetResidency['placement'];
  /** 'own': admitted on its own approved application; 'none': no application (a transfer). */
  application: 'own' | 'none';
  /** Earliest and latest day its admission application may be submitted. */
  submitWindow?: [string, string];
};

/** A premises unit to lease: from (default: shortly after the stay starts) to (default: the stay's end). */
type LeasePlan = { premises: string; from?: string; to?: string | null };

type ResidentPlan = {
  key: string;
  sme: DatasetCompany['smeCategory'];
  manufacturing?: boolean;
  name?: string;
  industry?: string;
  stays: Stay[];
  /** Fixed leases; an on-site stay without one gets a free unit picked for it. */
  leases?: LeasePlan[];
  /** Tax incentives: 'period' = at least one grant dated 2010–2016, 'early' = only before 2010. */
  incentives: 'period' | 'early' | 'none';
  /** Relative size of its figures. */
  size: number;
};

/** Shares of a year's totals pinned to one resident (the rest is spread over the others). */
type Pin = { company: string; year: number; metric: 'inv' | 'income' | 'taxes' | 'jobs'; share: number };

/**
 * The residents: 3 only before 2010, 12 admitted 2008–2009 who stay into the
 * period, 48 admitted 2010–2016, 4 admitted 2017–2018.
 */
function kuzbassResidents(random: Random): { plans: ResidentPlan[]; pins: Pin[] } {
  const plans: ResidentPlan[] = [
    // Residents whose residency ended before 2010: never counted for 2010–2016.
    { key: 'r-er1', sme: 'micro', stays: [{ start: '2008-03-03', end: '2009-12-31', placement: 'on_site', application: 'own' }], leases: [{ premises: 'bi-01' }], incentives: 'early', size: 0.4 },
    { key: 'r-er2', sme: 'small', stays: [{ start: '2008-06-02', end: '2009-09-30', placement: 'extraterritorial', application: 'own' }], incentives: 'none', size: 0.5 },
    { key: 'r-er3', sme: 'micro', stays: [{ start: '2008-10-06', end: '2009-06-30', placement: 'extraterritorial', application: 'own' }], incentives: 'none', size: 0.3 },

    // Admitted 2008–2009. e1 is the park's largest taxpayer until it leaves at
    // the end of 2015, hence the drop in taxes in 2016.
    {
      key: 'r-e01',
      name: 'АО «Кузбасский завод горно-шахтного оборудования»',
      industry: 'машиностроение',
      sme: 'none',
      manufacturing: true,
      stays: [{ start: '2008-04-01', end: '2015-12-31', placement: 'on_site', application: 'own' }],
      leases: [
        { premises: 'ec-402', from: '2008-04-15', to: '2009-05-31' },
        { premises: 'plb-p1', from: '2009-06-01' },
      ],
      incentives: 'period',
      size: 6,
    },
    {
      key: 'r-e02',
      name: 'АО «Сибирский центр углехимии»',
      industry: 'углехимия',
      sme: 'none',
      manufacturing: true,
      stays: [{ start: '2008-06-16', end: null, placement: 'on_site', application: 'own' }],
      leases: [
        { premises: 'ec-302', from: '2008-07-01', to: '2009-05-31' },
        { premises: 'plb-p2', from: '2009-06-01' },
        { premises: 'plb-l14', from: '2012-03-01' },
      ],
      incentives: 'period',
      size: 4,
    },
    {
      // On site before 2010 only, then extraterritorial: not counted on site for 2010–2016.
      key: 'r-e03',
      sme: 'small',
      stays: [
        { start: '2008-09-01', end: '2009-12-31', placement: 'on_site', application: 'own' },
        { start: '2010-01-01', end: '2016-06-30', placement: 'extraterritorial', application: 'own', submitWindow: ['2009-08-03', '2009-09-15'] },
      ],
      leases: [{ premises: 'bi-02' }],
      incentives: 'early',
      size: 1,
    },
    { key: 'r-e04', sme: 'small', stays: [{ start: '2008-11-10', end: null, placement: 'on_site', application: 'own' }], leases: [{ premises: 'ec-401', from: '2009-01-12' }], incentives: 'period', size: 2 },
    { key: 'r-e05', sme: 'medium', manufacturing: true, stays: [{ start: '2009-02-02', end: '2018-12-31', placement: 'on_site', application: 'own' }], leases: [{ premises: 'plb-p4', from: '2009-07-01' }], incentives: 'period', size: 2.5 },
    { key: 'r-e06', sme: 'small', stays: [{ start: '2009-03-16', end: '2013-06-30', placement: 'on_site', application: 'own' }], leases: [{ premises: 'ec-302', from: '2009-06-15' }], incentives: 'period', size: 1.2 },
    // Ends on 2016-12-31 itself: still a resident on the period's last day.
    { key: 'r-e07', sme: 'small', stays: [{ start: '2009-04-20', end: '2016-12-31', placement: 'extraterritorial', application: 'own' }], incentives: 'early', size: 1 },
    { key: 'r-e08', sme: 'micro', stays: [{ start: '2009-05-18', end: '2011-12-31', placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 0.5 },
    { key: 'r-e09', sme: 'small', stays: [{ start: '2009-07-01', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 1.1 },
    { key: 'r-e10', sme: 'micro', stays: [{ start: '2009-09-14', end: '2012-09-30', placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 0.6 },
    { key: 'r-e11', sme: 'medium', stays: [{ start: '2009-10-05', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 1.5 },
    { key: 'r-e12', sme: 'micro', stays: [{ start: '2009-12-01', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'period', size: 0.7 },
  ];

  // Admitted 2010–2016: by year of admission, how many are still residents on
  // 2016-12-31, and the special cases among them.
  const intake: Record<number, { count: number; atEnd: number }> = {
    2010: { count: 7, atEnd: 0 },
    2011: { count: 8, atEnd: 1 },
    2012: { count: 7, atEnd: 2 },
    2013: { count: 7, atEnd: 3 },
    2014: { count: 7, atEnd: 4 },
    2015: { count: 6, atEnd: 5 },
    2016: { count: 6, atEnd: 6 },
  };
  /** At-end residents on site and the units they lease on 2016-12-31 (with e02, e04, e05, m2011-1: 5,608.40 m²). */
  const onSiteAtEnd: Record<number, LeasePlan[][]> = {
    2013: [[{ premises: 'ec-303' }], [{ premises: 'ec-301' }]],
    2014: [[{ premises: 'ec-204' }], [{ premises: 'yic-3', from: '2014-09-15' }, { premises: 'cw-3', from: '2015-02-02' }]],
    2015: [[{ premises: 'plb-l12', from: '2016-03-01' }], [{ premises: 'ec-305' }, { premises: 'bi-05' }]],
    2016: [[{ premises: 'plb-p3' }]],
  };
  /** Residents who left during the period that had been on site. */
  const onSiteEnded: Record<number, number> = { 2010: 2, 2011: 2, 2012: 1, 2013: 1, 2014: 1 };
  /** Residents admitted in the period that never received a tax incentive. */
  const withoutIncentive = new Set(['r-m2010-7', 'r-m2011-8', 'r-m2012-7', 'r-m2013-6', 'r-m2014-7']);

  for (const year of [2010, 2011, 2012, 2013, 2014, 2015, 2016]) {
    const { count, atEnd } = intake[year];
    const siteLeases = [...(onSiteAtEnd[year] ?? [])];
    let siteEnded = onSiteEnded[year] ?? 0;
    for (let n = 1; n <= count; n++) {
      const key = `r-m${year}-${n}`;
      const stillThere = n <= atEnd;
      const earliest = year === 2010 ? '2010-05-01' : `${year}-01-20`;
      const start = randomDate(random, earliest, `${year}-10-31`);
      const end = stillThere
        ? random.next() < 0.7
          ? null
          : `${random.int(2017, 2020)}-12-31`
        : minDate(addDays(start, random.int(420, 1500)), '2016-11-30');
      const plan: ResidentPlan = {
        key,
        sme: random.pick(['micro', 'micro', 'small', 'small', 'small', 'medium'] as const),
        stays: [{ start, end, placement: 'extraterritorial', application: 'own' }],
        incentives: withoutIncentive.has(key) ? 'none' : 'period',
        size: random.between(0.3, 1.6),
      };
      if (stillThere && siteLeases.length > 0) {
        plan.stays[0].placement = 'on_site';
        plan.leases = siteLeases.shift();
        plan.size *= 1.5;
      } else if (!stillThere && siteEnded > 0) {
        plan.stays[0].placement = 'on_site';
        siteEnded--;
      }
      plans.push(plan);
    }
  }

  const find = (key: string) => plans.find((plan) => plan.key === key)!;

  // The first resident of 2010 applied in 2009: its council decision (January
  // 2010) counts in the period, its request does not.
  const first = find('r-m2010-1');
  first.stays[0] = { ...first.stays[0], start: '2010-02-15', submitWindow: ['2009-11-16', '2009-12-01'] };

  // Admitted extraterritorial in 2011, on site from 2014 on a new project.
  const movedIn = find('r-m2011-1');
  movedIn.stays = [
    { start: '2011-03-14', end: '2013-12-31', placement: 'extraterritorial', application: 'own' },
    { start: '2014-01-01', end: null, placement: 'on_site', application: 'own', submitWindow: ['2013-08-01', '2013-08-30'] },
  ];
  movedIn.leases = [
    { premises: 'bi-08', from: '2014-01-13', to: '2015-12-31' },
    { premises: 'ec-201', from: '2016-01-11' },
  ];
  movedIn.size = 1.4;

  // On site 2012–mid 2014, then extraterritorial (a transfer, no new application).
  const movedOut = find('r-m2012-1');
  movedOut.stays = [
    { start: '2012-04-02', end: '2014-06-30', placement: 'on_site', application: 'own' },
    { start: '2014-07-01', end: null, placement: 'extraterritorial', application: 'none' },
  ];
  movedOut.leases = [{ premises: 'ec-104', from: '2012-04-16' }];

  // Left on 2016-12-30: not a resident on the last day.
  const leftDayBefore = find('r-m2014-5');
  leftDayBefore.stays[0].end = '2016-12-30';

  // The 2016 production launch behind most of 2016's new jobs: a large company.
  const launch = find('r-m2016-1');
  launch.name = 'ООО «Кузбасский завод углеродных материалов»';
  launch.industry = 'новые материалы';
  launch.sme = 'none';
  launch.manufacturing = true;
  launch.size = 3;
  launch.stays[0].start = '2016-02-01';

  // Moved from an incubator cell into a laboratory.
  const grown = find('r-m2015-1');
  grown.stays[0].start = '2015-03-02';
  grown.leases = [{ premises: 'bi-11', from: '2015-03-16', to: '2016-02-29' }, ...(grown.leases ?? [])];

  // Admitted after the period.
  plans.push(
    { key: 'r-n1', sme: 'small', manufacturing: true, stays: [{ start: '2017-03-01', end: null, placement: 'on_site', application: 'own', submitWindow: ['2016-10-24', '2016-11-25'] }], leases: [{ premises: 'plb-p1', from: '2017-03-15' }], incentives: 'none', size: 1.5 },
    { key: 'r-n2', sme: 'micro', stays: [{ start: '2017-05-15', end: null, placement: 'extraterritorial', application: 'own', submitWindow: ['2016-11-14', '2016-11-30'] }], incentives: 'none', size: 0.6 },
    { key: 'r-n3', sme: 'small', stays: [{ start: '2018-02-05', end: null, placement: 'on_site', application: 'own' }], leases: [{ premises: 'plb-p6', from: '2018-02-19' }], incentives: 'none', size: 1 },
    { key: 'r-n4', sme: 'micro', stays: [{ start: '2018-06-04', end: null, placement: 'extraterritorial', application: 'own' }], incentives: 'none', size: 0.5 },
  );

  const pins: Pin[] = [
    { company: 'c-e01', year: 2013, metric: 'taxes', share: 0.3 },
    { company: 'c-e01', year: 2014, metric: 'taxes', share: 0.55 },
    { company: 'c-e01', year: 2015, metric: 'taxes', share: 0.6 },
    { company: 'c-e01', year: 2013, metric: 'income', share: 0.25 },
    { company: 'c-e01', year: 2014, metric: 'income', share: 0.38 },
    { company: 'c-e01', year: 2015, metric: 'income', share: 0.44 },
    { company: 'c-e01', year: 2014, metric: 'inv', share: 0.3 },
    { company: 'c-e01', year: 2015, metric: 'inv', share: 0.32 },
    { company: 'c-m2016-1', year: 2016, metric: 'jobs', share: 0.55 },
    { company: 'c-m2016-1', year: 2016, metric: 'inv', share: 0.35 },
  ];
  return { plans, pins };
}

/** The demo park: the Kuzbass Technopark, 2008–2018, reproducing the published 2010–2016 summary. */
export function kuzbassDataset(): Dataset {
  const random = createRandom(20_161_231);
  const { plans, pins } = kuzbassResidents(random);
  const makeCompany = companyFactory(random, '42', ['05', '12', '17', '22', '23', '50', '53']);
  const meetings = councilCalendar(2007, 10, 2018);

  const premises: DatasetPremises[] = KUZBASS_PREMISES.map(([key, building, name, kind, areaM2, from, to]) => ({
    key,
    building,
    name,
    kind,
    areaM2,
    availableFrom: from ?? BUILDING_OPENED[building],
    availableTo: to ?? null,
  }));

  const companies: DatasetCompany[] = [];
  const applications: DatasetApplication[] = [];
  const residencies: DatasetResidency[] = [];
  const leases: DatasetLease[] = [];
  const taxIncentives: DatasetTaxIncentive[] = [];

  const lastMeetingBefore = (date: string) => [...meetings].reverse().find((meeting) => meeting.date <= date)!;
  const firstMeetingFrom = (date: string) => meetings.find((meeting) => meeting.date >= date)!;

  let applicationSeq = 0;
  const addApplication = (application: Omit<DatasetApplication, 'key'>): string => {
    const key = `a-${pad(++applicationSeq, 4)}`;
    applications.push({ key, ...application });
    return key;
  };

  /** An application decided at a given meeting: screened 2–5 weeks before it, submitted 1–3 weeks before that. */
  const decidedAt = (company: string, meeting: Meeting, decision: DatasetCouncil['decision'], submitWindow?: [string, string]) => {
    let submittedOn: string;
    let screenedOn: string;
    if (submitWindow) {
      submittedOn = randomDate(random, submitWindow[0], submitWindow[1]);
      screenedOn = addDays(submittedOn, random.int(5, 14));
    } else {
      screenedOn = addDays(meeting.date, -random.int(14, 35));
      submittedOn = addDays(screenedOn, -random.int(5, 20));
    }
    return addApplication({
      company,
      title: projectTitle(random),
      submittedOn,
      screening: { decidedOn: screenedOn, outcome: 'accepted' },
      council: councilDecision(random, meeting, decision),
    });
  };

  /** An application submitted on a day, taken as far as `stage`. */
  const submitted = (
    company: string,
    submittedOn: string,
    stage: 'unscreened' | 'screen-returned' | 'screen-rejected' | 'awaiting-council' | DatasetCouncil['decision'],
    councilFrom?: string,
  ) => {
    const screenedOn = addDays(submittedOn, random.int(5, 20));
    const screening =
      stage === 'unscreened'
        ? null
        : {
            decidedOn: screenedOn,
            outcome:
              stage === 'screen-returned' ? ('returned' as const) : stage === 'screen-rejected' ? ('rejected' as const) : ('accepted' as const),
          };
    const council =
      stage === 'approved' || stage === 'rejected' || stage === 'revision'
        ? councilDecision(random, firstMeetingFrom(maxDate(addDays(screenedOn, 14), councilFrom ?? screenedOn)), stage)
        : null;
    return addApplication({ company, title: projectTitle(random), submittedOn, screening, council });
  };

  // Residents: company, admission applications, residencies.
  const agreementSeq = new Map<number, number>();
  for (const plan of plans) {
    const company = toCompany(plan.key);
    companies.push(makeCompany({ key: company, sme: plan.sme, manufacturing: plan.manufacturing, name: plan.name, industry: plan.industry }));
    plan.stays.forEach((stay, index) => {
      let application: string | null = null;
      if (stay.application === 'own') {
        const meeting = stay.submitWindow
          ? firstMeetingFrom(addDays(stay.submitWindow[1], 40))
          : lastMeetingBefore(addDays(stay.start, -10));
        if (meeting.date >= stay.start) throw new Error(`${plan.key}: council after admission`);
        application = decidedAt(company, meeting, 'approved', stay.submitWindow);
      }
      const year = yearOf(stay.start);
      const seq = (agreementSeq.get(year) ?? 0) + 1;
      agreementSeq.set(year, seq);
      residencies.push({
        key: index === 0 ? plan.key : `${plan.key}-${index + 1}`,
        company,
        application,
        agreementNumber: `КТ-${year}/${pad(seq, 3)}`,
        startOn: stay.start,
        endOn: stay.end,
        placement: stay.placement,
      });
    });
  }

  // Leases: the planned ones, then a free unit for every other on-site stay.
  const premisesByKey = new Map(premises.map((unit) => [unit.key, unit]));
  const isFree = (unit: DatasetPremises, from: string, to: string | null) =>
    (unit.availableFrom === null || unit.availableFrom <= from) &&
    (unit.availableTo === null || (to !== null && to <= unit.availableTo)) &&
    !leases.some(
      (lease) => lease.premises === unit.key && (lease.endOn === null || from <= lease.endOn) && (to === null || lease.startOn <= to),
    );
  let leaseSeq = 0;
  const addLease = (company: string, unit: string, startOn: string, endOn: string | null) => {
    if (!isFree(premisesByKey.get(unit)!, startOn, endOn)) throw new Error(`lease of ${unit} from ${startOn} clashes`);
    leases.push({ key: `l-${pad(++leaseSeq, 3)}`, company, premises: unit, startOn, endOn });
  };
  const siteStaysOf = (plan: ResidentPlan) => plan.stays.filter((stay) => stay.placement === 'on_site');
  for (const plan of plans.filter((p) => p.leases)) {
    const stays = siteStaysOf(plan);
    for (const lease of plan.leases!) {
      // The on-site stay the lease falls in (a lease never outlives it).
      const owner =
        stays.find((stay) => lease.from !== undefined && stay.start <= lease.from && (stay.end === null || lease.from <= stay.end)) ??
        stays[0];
      const startOn = lease.from === undefined ? addDays(owner.start, 14) : maxDate(lease.from, owner.start);
      addLease(toCompany(plan.key), lease.premises, startOn, lease.to !== undefined ? lease.to : owner.end);
    }
  }
  // Small units for the on-site residents without planned leases.
  const pickable = premises.filter(
    (unit) => ['office', 'laboratory', 'incubator'].includes(unit.kind) && Number(unit.areaM2) < 250,
  );
  for (const plan of plans.filter((p) => !p.leases)) {
    for (const stay of siteStaysOf(plan)) {
      const startOn = addDays(stay.start, random.int(7, 21));
      const unit = shuffle(random, pickable).find((candidate) => isFree(candidate, startOn, stay.end));
      if (!unit) throw new Error(`${plan.key}: no free premises`);
      addLease(toCompany(plan.key), unit.key, startOn, stay.end);
    }
  }

  // Tax incentives.
  let incentiveSeq = 0;
  const grant = (company: string, kind: DatasetTaxIncentive['kind'], grantedOn: string, stayEnd: string | null) => {
    const fiveYears = addDays(addYears(grantedOn, 5), -1);
    taxIncentives.push({
      key: `t-${pad(++incentiveSeq, 3)}`,
      company,
      kind,
      legalBasis:
        kind === 'profit_tax'
          ? 'Закон Кемеровской области о льготах по налогу на прибыль для резидентов технопарков'
          : kind === 'property_tax'
            ? 'Закон Кемеровской области о льготах по налогу на имущество организаций'
            : kind === 'land_tax'
              ? 'Решение Кемеровского городского Совета о льготах по земельному налогу'
              : null,
      grantedOn,
      validFrom: grantedOn,
      validTo: stayEnd === null ? fiveYears : minDate(stayEnd, fiveYears),
    });
  };
  for (const plan of plans) {
    const company = toCompany(plan.key);
    const stay = plan.stays[plan.stays.length - 1];
    const firstStart = plan.stays[0].start;
    const lastDay = minDate(stay.end ?? '2099-12-31', PERIOD_END);
    if (yearOf(firstStart) < 2010) {
      const early = addDays(firstStart, random.int(30, 90));
      if (plan.incentives !== 'none') grant(company, 'profit_tax', minDate(early, '2009-12-28'), plan.stays[0].end);
      if (plan.incentives === 'period') {
        const renewal = minDate(randomDate(random, '2010-02-01', '2012-06-30'), addDays(lastDay, -20));
        grant(company, plan.manufacturing ? 'property_tax' : 'profit_tax', renewal, stay.end);
      }
    } else if (yearOf(firstStart) <= 2016 && plan.incentives === 'period') {
      const grantedOn = minDate(addDays(firstStart, random.int(20, 90)), minDate(addDays(lastDay, -1), '2016-12-28'));
      grant(company, 'profit_tax', grantedOn, stay.end);
      if (plan.manufacturing || (plan.leases && random.next() < 0.5)) {
        const second = addDays(grantedOn, random.int(200, 500));
        if (second <= lastDay) grant(company, 'property_tax', second, stay.end);
      }
    }
  }
  grant('c-e02', 'land_tax', '2011-04-14', null);
  // After the period: grants of 2017–2018, outside any 2010–2016 count.
  grant('c-n1', 'profit_tax', '2017-04-20', null);
  grant('c-n2', 'profit_tax', '2017-07-03', null);
  grant('c-m2016-1', 'property_tax', '2017-02-16', null);
  grant('c-n3', 'other', '2018-03-22', null);

  // Applications beyond the residents' admissions.
  const residentCompanies = plans.map((plan) => toCompany(plan.key));
  const applicants: string[] = [];
  for (let n = 1; n <= 190; n++) {
    const key = `c-a${pad(n, 3)}`;
    companies.push(
      makeCompany({
        key,
        sme: random.pick(['micro', 'micro', 'micro', 'small', 'small', 'medium', 'none'] as const),
        withInn: n % 37 !== 0,
      }),
    );
    applicants.push(key);
  }
  let applicantTurn = 0;
  // Every applicant company applies at least once; some several times.
  const nextApplicant = () => (applicantTurn < applicants.length ? applicants[applicantTurn++] : random.pick(applicants));
  const residentDuring = (from: string, to: string) =>
    toCompany(
      random.pick(plans.filter((plan) => plan.stays.some((stay) => stay.start <= from && (stay.end === null || stay.end >= to))))
        .key,
    );

  // Approved in the period: 30 further projects of residents, 94 of other companies
  // (with the admissions above: 173 council approvals dated 2010–2016).
  for (let n = 0; n < 30; n++) {
    const submittedOn = randomDate(random, '2010-03-01', '2016-09-30');
    submitted(residentDuring(submittedOn, addDays(submittedOn, 120)), submittedOn, 'approved');
  }
  for (let n = 0; n < 94; n++) submitted(nextApplicant(), randomDate(random, PERIOD_START, '2016-09-30'), 'approved');
  // Submitted in the period and not approved in it: 181 + one approved only in 2017.
  const outcomes: [number, Parameters<typeof submitted>[2], string][] = [
    [62, 'rejected', '2016-09-30'],
    [24, 'revision', '2016-09-30'],
    [41, 'screen-rejected', '2016-12-15'],
    [33, 'screen-returned', '2016-12-15'],
  ];
  for (const [count, stage, latest] of outcomes) {
    for (let n = 0; n < count; n++) submitted(nextApplicant(), randomDate(random, PERIOD_START, latest), stage);
  }
  for (let n = 0; n < 12; n++) submitted(nextApplicant(), randomDate(random, '2016-09-01', '2016-11-20'), 'awaiting-council', '2017-01-01');
  for (let n = 0; n < 9; n++) submitted(nextApplicant(), randomDate(random, '2016-11-21', '2016-12-29'), 'unscreened');
  submitted(nextApplicant(), '2016-11-28', 'approved', '2017-01-01');
  // Before the period: rejected projects of 2008–2009.
  for (let n = 0; n < 6; n++) submitted(nextApplicant(), randomDate(random, '2008-02-01', '2009-10-31'), 'rejected');
  // After the period.
  for (const stage of ['approved', 'approved', 'approved', 'approved', 'rejected', 'rejected', 'rejected', 'screen-returned', 'screen-returned', 'awaiting-council'] as const) {
    submitted(nextApplicant(), randomDate(random, '2017-01-09', '2018-10-31'), stage);
  }
  // Drafts: never submitted, never counted.
  for (let n = 0; n < 5; n++) {
    addApplication({ company: n < 3 ? nextApplicant() : residentCompanies[10 + n], title: projectTitle(random), submittedOn: null, screening: null, council: null });
  }

  const kpiReports = kuzbassReports(random, plans, pins);

  const budgetFunding: DatasetBudgetFunding[] = KUZBASS_FUNDING.map(([year, source, m]) => ({
    key: `bf-${year}-${source}`,
    year,
    source,
    amountRub: amount(millions(m)),
  }));

  return {
    format: 'technopark-dataset/1',
    park: {
      slug: 'kuzbass',
      name: 'Kuzbass Technopark',
      region: 'Kemerovo Region — Kuzbass',
      type: 'mixed',
      landAreaHa: '23.30',
      foundedOn: '2007-06-27',
    },
    buildings: KUZBASS_BUILDINGS.map((building) => ({ ...building })),
    premises,
    companies,
    applications,
    residencies,
    leases,
    taxIncentives,
    kpiReports,
    budgetFunding,
    programmes: [],
  };
}

/**
 * Annual reports for every year a resident was in the park, 2008–2018. In
 * each year the accepted ones share KUZBASS_YEARS exactly; the rest
 * (submitted, returned, quarterly) carry figures of their own that no
 * summary may count.
 */
function kuzbassReports(random: Random, plans: ResidentPlan[], pins: Pin[]): DatasetKpiReport[] {
  type Slot = { company: string; plan: ResidentPlan; year: number };
  const slots: Slot[] = [];
  for (const plan of plans) {
    for (let year = 2008; year <= 2018; year++) {
      const resident = plan.stays.some((stay) => stay.start <= `${year}-12-31` && (stay.end === null || stay.end >= `${year}-01-01`));
      if (resident) slots.push({ company: toCompany(plan.key), plan, year });
    }
  }

  // Which yearly reports are not accepted: in 2010–2016 a few missing,
  // pending and returned; in 2017 a few; in 2018 reporting is under way.
  const pinned = new Set(pins.map((pin) => `${pin.company} ${pin.year}`));
  const status = new Map<Slot, DatasetKpiReport['status'] | 'missing'>();
  const choose = (year: (y: number) => boolean, counts: [DatasetKpiReport['status'] | 'missing', number][]) => {
    const pool = slots.filter((slot) => year(slot.year) && !pinned.has(`${slot.company} ${slot.year}`) && !status.has(slot));
    for (const [value, count] of counts) {
      for (let n = 0; n < count; n++) {
        const slot = pool.splice(random.int(0, pool.length - 1), 1)[0];
        status.set(slot, value);
      }
    }
  };
  choose((y) => y >= 2010 && y <= 2016, [['missing', 5], ['submitted', 3], ['returned', 3]]);
  choose((y) => y === 2017, [['missing', 2], ['submitted', 3], ['returned', 1]]);
  const in2018 = slots.filter((slot) => slot.year === 2018).length;
  choose((y) => y === 2018, [['missing', Math.round(in2018 * 0.2)], ['submitted', Math.round(in2018 * 0.4)]]);

  type Figures = { inv: bigint; cap: bigint; income: bigint; taxes: bigint; jobs: number };
  const figures = new Map<Slot, Figures>();
  const weightOf = (slot: Slot) => {
    const since = slot.year - yearOf(slot.plan.stays[0].start);
    return slot.plan.size * Math.min(1 + 0.35 * since, 3) * random.between(0.75, 1.25);
  };

  for (const [yearText, total] of Object.entries(KUZBASS_YEARS)) {
    const year = Number(yearText);
    const accepted = slots.filter((slot) => slot.year === year && (status.get(slot) ?? 'accepted') === 'accepted');
    const base = accepted.map(weightOf);
    const split = (metric: Pin['metric'], sum: bigint): bigint[] => {
      const fixed = new Map<number, bigint>();
      for (const pin of pins.filter((p) => p.year === year && p.metric === metric)) {
        const index = accepted.findIndex((slot) => slot.company === pin.company);
        if (index < 0) throw new Error(`pinned report ${pin.company} ${year} is not accepted`);
        fixed.set(index, (sum * BigInt(Math.round(pin.share * 1000))) / 1000n);
      }
      const rest = sum - [...fixed.values()].reduce((a, b) => a + b, 0n);
      const others = accepted.map((_, i) => i).filter((i) => !fixed.has(i));
      const shares = allocate(
        rest,
        others.map((i) => base[i] * random.between(0.85, 1.15)),
      );
      const parts = accepted.map((_, i) => fixed.get(i) ?? 0n);
      others.forEach((i, n) => (parts[i] = shares[n]));
      return parts;
    };
    const inv = split('inv', millions(total.inv));
    const cap = allocateCapped(
      millions(total.cap),
      inv.map((part) => Number(part) * random.between(0.7, 1)),
      inv,
    );
    const income = split('income', millions(total.income));
    const taxes = split('taxes', millions(total.taxes));
    const jobs = split('jobs', BigInt(total.jobs));
    accepted.forEach((slot, i) => figures.set(slot, { inv: inv[i], cap: cap[i], income: income[i], taxes: taxes[i], jobs: Number(jobs[i]) }));

    // Reports nobody accepted: figures in the same range, counted nowhere.
    const perReport = (m: number) => (m * 1_000_000) / Math.max(accepted.length, 1);
    for (const slot of slots.filter((s) => s.year === year && !figures.has(s))) {
      const scale = weightOf(slot) / (base.reduce((a, b) => a + b, 0) / Math.max(base.length, 1) || 1);
      const invRub = Math.round(perReport(total.inv) * scale * random.between(0.5, 1.5));
      figures.set(slot, {
        inv: rub(invRub),
        cap: rub(Math.round(invRub * random.between(0.5, 0.9))),
        income: rub(Math.round(perReport(total.income) * scale * random.between(0.5, 1.5))),
        taxes: rub(Math.round(perReport(total.taxes) * scale * random.between(0.5, 1.5))),
        jobs: random.int(0, 6),
      });
    }
  }

  // Headcount: a founding team plus the jobs created so far (slots run year by year per company).
  const headcount = new Map<Slot, number>();
  const staffSoFar = new Map<string, number>();
  for (const slot of slots) {
    const staff = (staffSoFar.get(slot.company) ?? random.int(4, 25)) + figures.get(slot)!.jobs;
    staffSoFar.set(slot.company, staff);
    headcount.set(slot, staff);
  }

  const reports: DatasetKpiReport[] = [];
  let seq = 0;
  const push = (slot: Slot, quarter: DatasetKpiReport['quarter'], state: DatasetKpiReport['status'], f: Figures) => {
    const staff = headcount.get(slot)!;
    const research = !slot.plan.manufacturing && random.next() < 0.7;
    reports.push({
      key: `k-${pad(++seq, 4)}`,
      company: slot.company,
      year: slot.year,
      quarter,
      status: state,
      jobsCreated: f.jobs,
      headcount: staff,
      investmentRub: amount(f.inv),
      capitalInvestmentRub: amount(f.cap),
      incomeRub: amount(f.income),
      taxesPaidRub: amount(f.taxes),
      rndSpendRub: research ? amount((f.income * BigInt(random.int(3, 12))) / 100n) : null,
    });
  };
  for (const slot of slots) {
    const state = status.get(slot) ?? 'accepted';
    if (state !== 'missing') push(slot, null, state, figures.get(slot)!);
  }

  // Quarterly reports of a few residents: accepted, yet never in the annual sums.
  const quarterly = slots.filter((slot) => (slot.year === 2016 || slot.year === 2017) && slot.plan.stays.some((stay) => stay.end === null));
  for (const slot of quarterly.filter((_, i) => i % 9 === 0)) {
    const annual = figures.get(slot)!;
    for (const quarter of [1, 2, 3] as const) {
      if (slot.year === 2017 && quarter > 1) break;
      const part = (value: bigint) => (value * BigInt(random.int(18, 30))) / 100n;
      const inv = part(annual.inv);
      push(slot, quarter, slot.year === 2017 ? 'submitted' : 'accepted', {
        inv,
        cap: (inv * 3n) / 4n,
        income: part(annual.income),
        taxes: part(annual.taxes),
        jobs: Math.floor(annual.jobs / 4),
      });
    }
  }
  return reports;
}

// ---------------------------------------------------------------- Tomsk

/** The ITC Tomsk concept's indicators (DOMAIN.md): 2014–2016 actuals and the 2020 targets. */
const TOMSK_INDICATORS: readonly [string, string, string, (number | null)[], number][] = [
  ['high-productivity-jobs', 'High-productivity jobs', 'thousand', [120.6, 124.1, 114.8], 160],
  ['rnd-spending', 'Domestic R&D spending', '% of gross regional product', [2.3, 2.46, 2.08], 2.4],
  ['fixed-investment', 'Investment in fixed assets', '% of gross regional product', [22.7, 22.8, 20.1], 27],
  ['manufacturing-index', 'Manufacturing production index', '% of previous year', [102.2, 100.6, 101.8], 103.1],
  ['publications', 'Publications per 100 researchers (Web of Science)', 'per 100 researchers', [21, 60, 75], 24],
  ['sez-private-investment', 'Private investment of SEZ residents', 'bn RUB', [1.25, 1.9, 2.2], 5],
  ['sez-goods', 'Goods and services produced by SEZ residents', 'bn RUB', [0.7, 2.24, 2.7], 9.7],
  ['public-space-projects', 'Public-space projects realised in Tomsk', 'projects', [null, 2, 13], 15],
];

/** A second, small park with the ITC Tomsk indicator programme. */
export function tomskDataset(): Dataset {
  const random = createRandom(70_2020);
  const makeCompany = companyFactory(random, '70', ['17', '18', '19', '20', '24']);
  const companies: DatasetCompany[] = [
    makeCompany({ key: 'c-t1', sme: 'small', name: 'ООО «Томские микросистемы»', manufacturing: true }),
    makeCompany({ key: 'c-t2', sme: 'micro', name: 'ООО «Сибирская биоинформатика»' }),
    makeCompany({ key: 'c-t3', sme: 'small', name: 'ООО «НПП Томлазер»', manufacturing: true }),
    makeCompany({ key: 'c-t4', sme: 'medium', name: 'АО «Томские радиосистемы»', manufacturing: true }),
    makeCompany({ key: 'c-t5', sme: 'micro', name: 'ООО «Кедр Софт»' }),
    makeCompany({ key: 'c-t6', sme: 'micro', name: 'ООО «Нанокерамика Томск»' }),
  ];
  const approved = (company: string, submittedOn: string, screenedOn: string, decidedOn: string, meetingNumber: number): DatasetApplication => ({
    key: `a-${company.slice(2)}`,
    company,
    title: projectTitle(random),
    submittedOn,
    screening: { decidedOn: screenedOn, outcome: 'accepted' },
    council: { decidedOn, decision: 'approved', meetingNumber, votesFor: 7, votesAgainst: 0, votesAbstain: 1 },
  });
  const applications: DatasetApplication[] = [
    approved('c-t1', '2013-10-07', '2013-10-21', '2013-11-28', 1),
    approved('c-t2', '2013-10-14', '2013-10-28', '2013-11-28', 1),
    approved('c-t3', '2014-03-03', '2014-03-17', '2014-04-24', 3),
    approved('c-t4', '2014-09-08', '2014-09-22', '2014-10-30', 5),
    approved('c-t5', '2015-02-02', '2015-02-16', '2015-03-26', 7),
    {
      key: 'a-t6',
      company: 'c-t6',
      title: projectTitle(random),
      submittedOn: '2015-06-01',
      screening: { decidedOn: '2015-06-15', outcome: 'accepted' },
      council: { decidedOn: '2015-06-25', decision: 'rejected', meetingNumber: 9, votesFor: 2, votesAgainst: 5, votesAbstain: 1 },
    },
    {
      key: 'a-t6-2',
      company: 'c-t6',
      title: projectTitle(random),
      submittedOn: '2016-11-14',
      screening: { decidedOn: '2016-11-28', outcome: 'returned' },
      council: null,
    },
    { key: 'a-t5-2', company: 'c-t5', title: projectTitle(random), submittedOn: null, screening: null, council: null },
  ];
  const residency = (company: string, startOn: string, endOn: string | null, placement: DatasetResidency['placement'], n: number): DatasetResidency => ({
    key: `r-${company.slice(2)}`,
    company,
    application: `a-${company.slice(2)}`,
    agreementNumber: `ИТЦ-${startOn.slice(0, 4)}/${pad(n, 2)}`,
    startOn,
    endOn,
    placement,
  });
  const residencies = [
    residency('c-t1', '2014-01-13', null, 'on_site', 1),
    residency('c-t2', '2014-01-20', '2016-06-30', 'extraterritorial', 2),
    residency('c-t3', '2014-05-12', null, 'on_site', 3),
    residency('c-t4', '2014-11-17', null, 'on_site', 4),
    residency('c-t5', '2015-04-06', null, 'extraterritorial', 1),
  ];
  const premises: DatasetPremises[] = [
    { key: 'ic-1', building: 'ic', name: 'Office 1', kind: 'office', areaM2: '64.20', availableFrom: '2013-09-01', availableTo: null },
    { key: 'ic-2', building: 'ic', name: 'Office 2', kind: 'office', areaM2: '48.50', availableFrom: '2013-09-01', availableTo: null },
    { key: 'ic-3', building: 'ic', name: 'Coworking', kind: 'coworking', areaM2: '210.00', availableFrom: '2013-09-01', availableTo: null },
    { key: 'lb-1', building: 'lb', name: 'Clean room', kind: 'laboratory', areaM2: '180.40', availableFrom: '2013-09-01', availableTo: null },
    { key: 'lb-2', building: 'lb', name: 'Laser laboratory', kind: 'laboratory', areaM2: '126.70', availableFrom: '2013-09-01', availableTo: null },
    { key: 'lb-3', building: 'lb', name: 'Assembly shop', kind: 'production', areaM2: '342.00', availableFrom: '2014-06-01', availableTo: null },
  ];
  const leases: DatasetLease[] = [
    { key: 'l-1', company: 'c-t1', premises: 'lb-1', startOn: '2014-02-01', endOn: null },
    { key: 'l-2', company: 'c-t3', premises: 'lb-2', startOn: '2014-06-02', endOn: null },
    { key: 'l-3', company: 'c-t4', premises: 'lb-3', startOn: '2014-12-01', endOn: '2016-11-30' },
    { key: 'l-4', company: 'c-t4', premises: 'ic-1', startOn: '2016-12-01', endOn: null },
  ];
  const taxIncentives: DatasetTaxIncentive[] = [
    { key: 't-1', company: 'c-t1', kind: 'property_tax', legalBasis: 'Закон Томской области о налоговых льготах для резидентов технопарков', grantedOn: '2014-04-10', validFrom: '2014-04-10', validTo: '2019-04-09' },
    { key: 't-2', company: 'c-t4', kind: 'profit_tax', legalBasis: 'Закон Томской области о налоговых льготах для резидентов технопарков', grantedOn: '2015-02-19', validFrom: '2015-03-01', validTo: null },
  ];
  const kpiReports: DatasetKpiReport[] = [];
  for (const r of residencies) {
    for (let year = 2014; year <= 2016; year++) {
      if (r.startOn > `${year}-12-31` || (r.endOn !== null && r.endOn < `${year}-01-01`)) continue;
      const inv = rub(random.int(2, 40) * 250_000);
      kpiReports.push({
        key: `k-${r.company.slice(2)}-${year}`,
        company: r.company,
        year,
        quarter: null,
        status: r.company === 'c-t5' && year === 2016 ? 'submitted' : 'accepted',
        jobsCreated: random.int(1, 12),
        headcount: random.int(8, 60),
        investmentRub: amount(inv),
        capitalInvestmentRub: amount((inv * BigInt(random.int(40, 90))) / 100n),
        incomeRub: amount(rub(random.int(4, 120) * 500_000)),
        taxesPaidRub: amount(rub(random.int(3, 60) * 100_000)),
        rndSpendRub: amount(rub(random.int(1, 20) * 150_000)),
      });
    }
  }
  const programme: DatasetProgramme = {
    key: 'itc-tomsk-2020',
    name: 'ITC Tomsk concept 2020',
    indicators: TOMSK_INDICATORS.map(([key, name, unit, actuals, target]) => ({
      key,
      name,
      unit,
      direction: 'higher',
      values: [
        ...actuals.flatMap((value, i) => (value === null ? [] : [{ year: 2014 + i, kind: 'actual' as const, value }])),
        { year: 2020, kind: 'target' as const, value: target },
      ],
    })),
  };

  return {
    format: 'technopark-dataset/1',
    park: { slug: 'itc-tomsk', name: 'ITC Tomsk', region: 'Tomsk Region', type: 'high_tech', landAreaHa: null, foundedOn: null },
    buildings: [
      { key: 'ic', name: 'Innovation centre' },
      { key: 'lb', name: 'Laboratory building' },
    ],
    premises,
    companies,
    applications,
    residencies,
    leases,
    taxIncentives,
    kpiReports,
    budgetFunding: [
      { key: 'bf-2014-regional', year: 2014, source: 'regional', amountRub: '42500000.00' },
      { key: 'bf-2015-regional', year: 2015, source: 'regional', amountRub: '38200000.00' },
      { key: 'bf-2015-federal', year: 2015, source: 'federal', amountRub: '60000000.00' },
      { key: 'bf-2016-regional', year: 2016, source: 'regional', amountRub: '35750000.00' },
    ],
    programmes: [programme],
  };
}

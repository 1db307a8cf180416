import type { DatasetCompany } from '@/lib/validation/dataset';
import { pad, type Random } from './random';

/*
 * Company names, INNs and project titles: Russian legal-entity names of the kind a Siberian
 * technopark's residents carry, drawn from word lists by the seeded random source.
 */

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

export function projectTitle(random: Random): string {
  if (random.next() < 0.4) {
    return `${random.pick(['Создание производства', 'Организация выпуска', 'Расширение производства'])} ${random.pick(PRODUCTS)}`;
  }
  return `${random.pick(['Разработка', 'Внедрение', 'Опытно-промышленное освоение', 'Коммерциализация'])} ${random.pick(TOPICS)}`;
}

export type CompanyFactory = (options: {
  key: string;
  sme: DatasetCompany['smeCategory'];
  manufacturing?: boolean;
  name?: string;
  industry?: string;
  withInn?: boolean;
}) => DatasetCompany;

export function companyFactory(random: Random, region: string, offices: readonly string[]): CompanyFactory {
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

import type { DatasetBuilding, DatasetPremises } from '@/lib/validation/dataset';

export const KUZBASS_BUILDINGS: DatasetBuilding[] = [
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

/** The Kuzbass premises units, each available from its building's opening unless it says otherwise. */
export function kuzbassPremises(): DatasetPremises[] {
  return KUZBASS_PREMISES.map(([key, building, name, kind, areaM2, from, to]) => ({
    key,
    building,
    name,
    kind,
    areaM2,
    availableFrom: from ?? BUILDING_OPENED[building],
    availableTo: to ?? null,
  }));
}

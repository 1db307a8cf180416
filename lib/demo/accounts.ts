/** Demo accounts, created by the demo seed and listed on the sign-in page while demo mode is on. */
export const DEMO_PASSWORD = 'technopark-demo';

import type { ParkRole, UserKind } from '@/db/schema/values';

export type DemoAccount = {
  email: string;
  name: string;
  kind: UserKind;
  demoRole: Exclude<UserKind, 'staff'> | ParkRole;
  roles: { park: string; role: ParkRole }[];
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'manager@technopark.demo', name: 'Мария Кузнецова', kind: 'staff', demoRole: 'manager', roles: [{ park: 'kuzbass', role: 'manager' }, { park: 'itc-tomsk', role: 'manager' }] },
  { email: 'expert@technopark.demo', name: 'Игорь Волков', kind: 'staff', demoRole: 'expert', roles: [{ park: 'kuzbass', role: 'expert' }] },
  { email: 'analyst@technopark.demo', name: 'Анна Соколова', kind: 'staff', demoRole: 'analyst', roles: [{ park: 'kuzbass', role: 'analyst' }, { park: 'itc-tomsk', role: 'analyst' }] },
  { email: 'applicant@technopark.demo', name: 'Дмитрий Морозов', kind: 'applicant', demoRole: 'applicant', roles: [] },
  { email: 'admin@technopark.demo', name: 'Administrator', kind: 'admin', demoRole: 'admin', roles: [] },
];

/** Further council members, so the expert council has a quorum to reach; not listed on the sign-in page. */
export const DEMO_EXTRA_EXPERTS: DemoAccount[] = [
  { email: 'expert2@technopark.demo', name: 'Ольга Лебедева', kind: 'staff', demoRole: 'expert', roles: [{ park: 'kuzbass', role: 'expert' }] },
  { email: 'expert3@technopark.demo', name: 'Сергей Новиков', kind: 'staff', demoRole: 'expert', roles: [{ park: 'kuzbass', role: 'expert' }] },
  { email: 'expert4@technopark.demo', name: 'Елена Павлова', kind: 'staff', demoRole: 'expert', roles: [{ park: 'kuzbass', role: 'expert' }] },
  { email: 'expert5@technopark.demo', name: 'Павел Смирнов', kind: 'staff', demoRole: 'expert', roles: [{ park: 'kuzbass', role: 'expert' }, { park: 'itc-tomsk', role: 'expert' }] },
];

/**
 * Representatives of further Kuzbass companies, who submit the demo's live applications
 * (lib/demo/live.ts); not listed on the sign-in page.
 */
export const DEMO_EXTRA_APPLICANTS: DemoAccount[] = [
  { email: 'applicant2@technopark.demo', name: 'Алексей Фёдоров', kind: 'applicant', demoRole: 'applicant', roles: [] },
  { email: 'applicant3@technopark.demo', name: 'Наталья Орлова', kind: 'applicant', demoRole: 'applicant', roles: [] },
  { email: 'applicant4@technopark.demo', name: 'Виктор Захаров', kind: 'applicant', demoRole: 'applicant', roles: [] },
  { email: 'applicant5@technopark.demo', name: 'Татьяна Белова', kind: 'applicant', demoRole: 'applicant', roles: [] },
  { email: 'applicant6@technopark.demo', name: 'Андрей Ковалёв', kind: 'applicant', demoRole: 'applicant', roles: [] },
];

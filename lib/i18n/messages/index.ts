import type { Locale } from '../locales';
import enCommon from './en/common.json';
import ruCommon from './ru/common.json';
import enAuth from './en/auth.json';
import ruAuth from './ru/auth.json';
import enAdmin from './en/admin.json';
import ruAdmin from './ru/admin.json';
import enNotifications from './en/notifications.json';
import ruNotifications from './ru/notifications.json';
import enHome from './en/home.json';
import ruHome from './ru/home.json';
import enKpi from './en/kpi.json';
import ruKpi from './ru/kpi.json';
import enResidents from './en/residents.json';
import ruResidents from './ru/residents.json';
import enPremises from './en/premises.json';
import ruPremises from './ru/premises.json';
import enIncentives from './en/incentives.json';
import ruIncentives from './ru/incentives.json';
import enApplications from './en/applications.json';
import ruApplications from './ru/applications.json';
import enCouncil from './en/council.json';
import ruCouncil from './ru/council.json';
import enReports from './en/reports.json';
import ruReports from './ru/reports.json';
import enExports from './en/exports.json';
import ruExports from './ru/exports.json';
import enMinutes from './en/minutes.json';
import ruMinutes from './ru/minutes.json';
import enAccount from './en/account.json';
import ruAccount from './ru/account.json';
import enThreads from './en/threads.json';
import ruThreads from './ru/threads.json';
import enServices from './en/services.json';
import ruServices from './ru/services.json';
import enBookings from './en/bookings.json';
import ruBookings from './ru/bookings.json';

/**
 * The message catalogues, one file per area and language; each file's top-level keys are namespaces.
 * Add an area by importing its two files here.
 */
const catalogues: Record<Locale, Record<string, unknown>[]> = {
  en: [enCommon, enAuth, enAdmin, enNotifications, enHome, enKpi, enResidents, enPremises, enIncentives, enApplications, enCouncil, enReports, enExports, enMinutes, enAccount, enThreads, enServices, enBookings],
  ru: [ruCommon, ruAuth, ruAdmin, ruNotifications, ruHome, ruKpi, ruResidents, ruPremises, ruIncentives, ruApplications, ruCouncil, ruReports, ruExports, ruMinutes, ruAccount, ruThreads, ruServices, ruBookings],
};

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges catalogues key by key, so two areas may each add messages to a shared namespace (`errors`, `notifications`). */
function mergeInto(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    target[key] = isTree(value) && isTree(target[key]) ? mergeInto({ ...(target[key] as Tree) }, value) : value;
  }
  return target;
}

export function messagesFor(locale: Locale): Record<string, unknown> {
  return catalogues[locale].reduce<Tree>((all, file) => mergeInto(all, file), {});
}

import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { isDemoMode } from '@/db/config';
import type { ParkRole, UserKind } from '@/db/schema/values';
import { ensureAuthEnvironment } from './secret';

/*
 * The second factor: time-based one-time passwords (RFC 6238, the authenticator apps' default of
 * six digits every 30 seconds, through `otpauth`), one-time recovery codes, and the "trust this
 * browser" token. Pure functions; lib/users/second-factor.ts keeps the state.
 */

export const TOTP_PERIOD_SECONDS = 30;
/** A code from the step before or after the server's is still accepted (clocks drift). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long "trust this browser" skips the code: 30 days at most. */
export const REMEMBER_SECOND_FACTOR_MS = 30 * 24 * 60 * 60 * 1000;

const ISSUER = 'Technopark';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, email: string): string {
  return totpOf(secretBase32, email).toString();
}

/** The code an authenticator shows at `now` (tests and the demo use it). */
export function totpCode(secretBase32: string, now = new Date()): string {
  return totpOf(secretBase32).generate({ timestamp: now.getTime() });
}

/** The time step of `now`. */
export const totpStep = (now: Date) => Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);

/**
 * The time step a code belongs to, when it is right for `now` within one step either way and newer
 * than the last one accepted (a code is never accepted twice); otherwise null.
 */
export function acceptTotp(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7m2-q9xa`, shown once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(8), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Looks like a recovery code rather than a TOTP code: letters, maybe a dash. */
export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(code.trim()) && !/^\d+$/.test(code.trim());

/** How a recovery code is kept and looked up: case and the dash do not matter. */
export function recoveryCodeHash(code: string): string {
  return crypto.createHash('sha256').update(code.trim().toLowerCase().replace(/-/g, '')).digest('hex');
}

// "Trust this browser": `<user id>.<issued, unix seconds>.<HMAC>`, the HMAC binding the moment the
// second factor was confirmed, so resetting or re-enrolling it forgets every trusted browser.
let key: Buffer | undefined;
function rememberKey(): Buffer {
  if (!key) {
    ensureAuthEnvironment();
    key = crypto.createHmac('sha256', process.env.AUTH_SECRET!).update('technopark second-factor remembered browser').digest();
  }
  return key;
}
const rememberMac = (userId: string, issued: string, enabledAt: Date) =>
  crypto.createHmac('sha256', rememberKey()).update(`${userId}\n${issued}\n${enabledAt.toISOString()}`).digest('base64url');
const REMEMBER_TOKEN = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
const MAX_REMEMBERED = 5;

function rememberedTokens(cookie: string | null | undefined): string[] {
  return (cookie ?? '').split('~').filter((t) => REMEMBER_TOKEN.test(t)).slice(0, MAX_REMEMBERED);
}

function validRememberToken(token: string, userId: string, enabledAt: Date, now: Date): boolean {
  const match = REMEMBER_TOKEN.exec(token);
  if (!match || match[1] !== userId) return false;
  const age = now.getTime() - Number(match[2]) * 1000;
  if (age < -60_000 || age > REMEMBER_SECOND_FACTOR_MS) return false;
  const expected = Buffer.from(rememberMac(userId, match[2], enabledAt));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Does the browser's cookie skip the code for this user (trusted within 30 days, same enrolment)? */
export function secondFactorRemembered(cookie: string | null | undefined, userId: string, enabledAt: Date, now = new Date()): boolean {
  return rememberedTokens(cookie).some((t) => validRememberToken(t, userId, enabledAt, now));
}

/** The cookie after "trust this browser": a fresh token for the user first, other users' tokens kept. */
export function rememberSecondFactor(cookie: string | null | undefined, userId: string, enabledAt: Date, now = new Date()): string {
  const issued = String(Math.floor(now.getTime() / 1000));
  const others = rememberedTokens(cookie).filter((t) => !t.startsWith(`${userId}.`));
  return [`${userId}.${issued}.${rememberMac(userId, issued, enabledAt)}`, ...others].slice(0, MAX_REMEMBERED).join('~');
}

/** The roles `REQUIRE_2FA_FOR` may name: the account kinds and the park roles. */
export const SECOND_FACTOR_ROLES = ['admin', 'applicant', 'manager', 'expert', 'analyst'] as const;
type RequirableRole = (typeof SECOND_FACTOR_ROLES)[number];

/**
 * The roles that must sign in with a second factor: `REQUIRE_2FA_FOR` (comma-separated, `none` for
 * none); unset, `admin,manager` on a production server, none in development and on a demo
 * installation (whose demo accounts sign in from the hints on the sign-in page).
 */
export function secondFactorRequiredRoles(
  setting = process.env.REQUIRE_2FA_FOR,
  productionServer = process.env.NODE_ENV === 'production' && !isDemoMode(),
): Set<RequirableRole> {
  const trimmed = setting?.trim();
  const list = trimmed ? trimmed : productionServer ? 'admin,manager' : 'none';
  if (list.toLowerCase() === 'none') return new Set();
  const roles = list.split(',').map((r) => r.trim().toLowerCase()).filter(Boolean);
  const unknown = roles.filter((r) => !(SECOND_FACTOR_ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`REQUIRE_2FA_FOR names unknown roles: ${unknown.join(', ')} (known: ${SECOND_FACTOR_ROLES.join(', ')}, or none)`);
  return new Set(roles as RequirableRole[]);
}

/** Must this person have a second factor? */
export function secondFactorRequired(person: { kind: UserKind; memberships: { role: ParkRole }[] }, required = secondFactorRequiredRoles()): boolean {
  if (person.kind !== 'staff') return required.has(person.kind);
  return person.memberships.some((m) => required.has(m.role));
}

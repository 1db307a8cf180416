import crypto from 'node:crypto';
import { ensureAuthEnvironment } from './secret';

/**
 * "Known device" tokens: a browser that signed in to an account once carries a token for that
 * account, so the owner's correct password from it still works while strangers' failures slow the
 * account down. A token is `<device id>.<issued, unix seconds>.<HMAC>`, the HMAC (a key derived from
 * AUTH_SECRET) binding the account's e-mail, which the token does not contain. One cookie holds the
 * tokens of the last few accounts signed in from the browser, separated by `~`.
 */
export const KNOWN_DEVICE = {
  maxAgeMs: 180 * 24 * 60 * 60 * 1000,
  maxAccounts: 5,
};

let key: Buffer | undefined;
function deviceKey(): Buffer {
  if (!key) {
    ensureAuthEnvironment();
    key = crypto.createHmac('sha256', process.env.AUTH_SECRET!).update('technopark known-device token').digest();
  }
  return key;
}

const normalized = (email: string) => email.trim().toLowerCase();
const mac = (email: string, deviceId: string, issued: string) =>
  crypto.createHmac('sha256', deviceKey()).update(`${normalized(email)}\n${deviceId}\n${issued}`).digest('base64url');

const TOKEN = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** The device id of a token issued for this e-mail and not yet expired; anything else: null. */
export function verifyDeviceToken(token: string, email: string, now = new Date()): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, deviceId, issued, signature] = match;
  const age = now.getTime() - Number(issued) * 1000;
  if (age < -60_000 || age > KNOWN_DEVICE.maxAgeMs) return null;
  const expected = Buffer.from(mac(email, deviceId, issued));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? deviceId : null;
}

const tokensOf = (cookie: string | null | undefined) => (cookie ?? '').split('~').filter((t) => TOKEN.test(t)).slice(0, KNOWN_DEVICE.maxAccounts);
const expired = (token: string, now: Date) => now.getTime() - Number(token.split('.')[1]) * 1000 > KNOWN_DEVICE.maxAgeMs;

/** The known device this cookie proves for the e-mail, or null. */
export function knownDeviceFor(cookie: string | null | undefined, email: string, now = new Date()): string | null {
  for (const token of tokensOf(cookie)) {
    const deviceId = verifyDeviceToken(token, email, now);
    if (deviceId) return deviceId;
  }
  return null;
}

/** The cookie after a successful sign-in to `email`: a fresh token for it first, the other accounts' tokens kept. */
export function rememberDevice(cookie: string | null | undefined, email: string, now = new Date()): string {
  const deviceId = knownDeviceFor(cookie, email, now) ?? crypto.randomBytes(16).toString('base64url');
  const issued = String(Math.floor(now.getTime() / 1000));
  const others = tokensOf(cookie).filter((t) => !expired(t, now) && verifyDeviceToken(t, email, now) === null);
  return [`${deviceId}.${issued}.${mac(email, deviceId, issued)}`, ...others].slice(0, KNOWN_DEVICE.maxAccounts).join('~');
}

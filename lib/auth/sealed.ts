import crypto from 'node:crypto';
import { ensureAuthEnvironment } from './secret';

/**
 * A small payload sealed for a link (AES-256-GCM under a key derived from AUTH_SECRET for one
 * purpose): nobody can read or alter it, and it opens only before `expiresAt`. Used where the server
 * keeps nothing until the person comes back, such as a sign-up waiting for its e-mail to be confirmed.
 */
function keyFor(purpose: string): Buffer {
  ensureAuthEnvironment();
  return crypto.createHmac('sha256', process.env.AUTH_SECRET!).update(`technopark sealed ${purpose}`).digest();
}

/** AES-256-GCM: iv, tag and ciphertext in one buffer. */
function encrypt(key: Buffer, plain: Buffer): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The plaintext of `encrypt`'s output, or null when it was altered or made with another key. */
function decrypt(key: Buffer, raw: Buffer): Buffer | null {
  if (raw.length < 29) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

export function seal(purpose: string, payload: object, expiresAt: Date): string {
  return encrypt(keyFor(purpose), Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() }))).toString('base64url');
}

/** The payload, or null when the token is not one of ours for this purpose, was altered, or has expired. */
export function unseal<T extends object>(purpose: string, token: unknown, now = new Date()): T | null {
  if (typeof token !== 'string' || token.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const plain = decrypt(keyFor(purpose), Buffer.from(token, 'base64url'));
  if (!plain) return null;
  try {
    const payload = JSON.parse(plain.toString('utf8')) as T & { exp: number };
    return typeof payload.exp === 'number' && payload.exp > now.getTime() ? payload : null;
  } catch {
    return null;
  }
}

/**
 * A secret kept in the database encrypted (AES-256-GCM under a key derived from AUTH_SECRET for one
 * purpose), such as a second factor's TOTP secret: a copy of the database alone does not yield it.
 */
export function encryptForStorage(purpose: string, text: string): string {
  return encrypt(keyFor(`stored ${purpose}`), Buffer.from(text, 'utf8')).toString('base64url');
}

/** The text `encryptForStorage` kept, or null when it was altered or sealed under another secret. */
export function decryptFromStorage(purpose: string, stored: string): string | null {
  return decrypt(keyFor(`stored ${purpose}`), Buffer.from(stored, 'base64url'))?.toString('utf8') ?? null;
}

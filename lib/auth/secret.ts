import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/db/config';

/**
 * With no AUTH_SECRET configured, one is generated on first start and kept under the data folder,
 * so a local start needs no configuration and sessions survive restarts.
 */
export function ensureAuthEnvironment(): void {
  if (!process.env.AUTH_SECRET) {
    const file = path.join(dataDir(), 'auth-secret');
    try {
      process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
    } catch {
      fs.mkdirSync(dataDir(), { recursive: true });
      const secret = crypto.randomBytes(32).toString('base64url');
      try {
        fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
        process.env.AUTH_SECRET = secret;
      } catch {
        process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim(); // another process wrote it first
      }
    }
  }
  // Local use behind no proxy: trust the Host header unless an explicit AUTH_URL pins it.
  if (!process.env.AUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = 'true';
}

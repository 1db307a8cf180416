/**
 * The one pino configuration, shared by the server's code (lib/log/logger.ts) and the production
 * server in front of Next (scripts/server.mjs), which is plain JavaScript outside the bundle.
 */

/** Fields never written to the log, at any of the depths a log call puts them. */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'accessToken', 'refreshToken', 'secret', 'cookie', 'authorization', 'set-cookie', 'x-api-key'];

const SECRET_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix) => (k.startsWith('[') ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k, join('*'), join('*.*'), join('headers'), join('req.headers'), join('res.headers')];
});

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL, `info` unless set; an unknown value is refused at once rather than logging nothing. */
export function logLevel(value = process.env.LOG_LEVEL) {
  const level = value?.trim().toLowerCase() || 'info';
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${value}"`);
  return level;
}

/** @returns {import('pino').LoggerOptions} */
export function loggerOptions() {
  return {
    level: logLevel(),
    base: { pid: process.pid },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
  };
}

/** A request id from a client or a proxy is kept if it looks like one; anything else is replaced. */
export function acceptedRequestId(value) {
  return typeof value === 'string' && /^[\w.:@-]{1,128}$/.test(value) ? value : null;
}

/** Where each request's context (request id, actor, park) lives, shared by the server and the bundle. */
export const REQUEST_CONTEXT = Symbol.for('technopark.request-context');

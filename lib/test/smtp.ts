import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string };

export type TestSmtpServer = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The raw messages as they came over the wire, for what `received` does not parse (a calendar part). */
  raw: string[];
  /** While set, every recipient is refused with this temporary error (451). */
  failWith: string | null;
  close: () => Promise<void>;
};

/** A real SMTP server (nodemailer's own) on a free localhost port, keeping what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const raw: string[] = [];
  const handle: TestSmtpServer = { url: '', received, raw, failWith: null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (handle.failWith) return callback(Object.assign(new Error(handle.failWith), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks).toString('utf8'));
        const { subject, text } = parseMessage(Buffer.concat(chunks));
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  handle.url = `smtp://127.0.0.1:${port}`;
  handle.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return handle;
}

/** Just enough MIME for nodemailer's single-part text messages: RFC 2047 subjects, quoted-printable or base64 bodies. */
function parseMessage(raw: Buffer): { subject: string; text: string } {
  const source = raw.toString('latin1');
  const split = source.indexOf('\r\n\r\n');
  const head = source.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map(
    head.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    }),
  );
  const body = source.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? quotedPrintable(body) : Buffer.from(body, 'latin1');
  return { subject: encodedWords(headers.get('subject') ?? ''), text: bytes.toString('utf8').replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

function quotedPrintable(text: string): Buffer {
  const softBreaksGone = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksGone.length; i++) {
    const c = softBreaksGone[i];
    if (c === '=' && /^[0-9A-F]{2}$/i.test(softBreaksGone.slice(i + 1, i + 3))) {
      bytes.push(parseInt(softBreaksGone.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** Decodes `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` words, joining adjacent ones' bytes (a character may span two). */
function encodedWords(value: string): string {
  const parts: (string | Buffer)[] = [];
  const pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let last = 0;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    const between = value.slice(last, m.index);
    if (between.trim() || !parts.length || typeof parts[parts.length - 1] === 'string') parts.push(between);
    const [, , kind, data] = m;
    parts.push(kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' ')));
    last = m.index + m[0].length;
  }
  parts.push(value.slice(last));
  const merged: (string | Buffer)[] = [];
  for (const part of parts) {
    const prev = merged[merged.length - 1];
    if (Buffer.isBuffer(part) && Buffer.isBuffer(prev)) merged[merged.length - 1] = Buffer.concat([prev, part]);
    else merged.push(part);
  }
  return merged.map((p) => (Buffer.isBuffer(p) ? p.toString('utf8') : p)).join('');
}

import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { makeApplicant } from '@/lib/test/fixtures';
import { endSession, startSession } from '@/lib/users/sessions';
import { handlers } from './auth';

const COOKIE = 'authjs.session-token';

async function sessionEndpoint(uid: string, sid: string) {
  const token = await encode({ token: { sub: uid, uid, sid }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  const response = await handlers.GET(
    new NextRequest('http://localhost:3000/api/auth/session', { headers: { host: 'localhost:3000', 'x-forwarded-proto': 'http', cookie: `${COOKIE}=${token}` } }),
  );
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`)) ?? '';
  return { body: await response.json(), cookie };
}

describe('/api/auth/session', () => {
  it('reports an open session as signed in and renews its cookie', async () => {
    const applicant = await makeApplicant();
    const sid = await startSession(await getDb(), applicant.userId);
    const { body, cookie } = await sessionEndpoint(applicant.userId, sid);
    expect(body).toMatchObject({ user: { id: applicant.userId }, sid });
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=[^;]+;`));
  });

  it('reports an ended session as signed out and clears its cookie instead of renewing it', async () => {
    const applicant = await makeApplicant();
    const db = await getDb();
    const sid = await startSession(db, applicant.userId);
    await endSession(db, sid);
    const { body, cookie } = await sessionEndpoint(applicant.userId, sid);
    expect(body).toBeNull();
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=;`));
    expect(cookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { tomskDataset } from '@/lib/demo/dataset';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/tokens';
import { makeAnalyst, makeManager } from '@/lib/test/fixtures';
import { endSession, startSession } from '@/lib/users/sessions';
import { importDemoPark, insertDataset } from '@/lib/test/insert-dataset';
import { fixtureDataset } from '@/lib/test/summary-fixture';
import { GET as openApi } from './openapi.json/route';
import { GET as listParks } from './parks/route';
import { GET as listProgrammes } from './parks/[slug]/programmes/route';
import { GET as indicators } from './parks/[slug]/programmes/[key]/indicators/route';
import { GET as summary } from './parks/[slug]/summary/route';

/** The signed-in session the mocked next-auth reports; null = signed out. */
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sid?: string } }));
vi.mock('@/app/_server/auth', () => ({ auth: async () => session.current }));

/** Signs a user in as the sign-in page does: a server-side session named by the cookie. */
async function signIn(userId: string) {
  session.current = { user: { id: userId }, sid: await startSession(await getDb(), userId) };
  return session.current.sid!;
}

const BASE = 'http://localhost/api/v1';
const slug = 'api-park';
const tomsk = tomskDataset();
let parkId: string;
let tomskId: string;
let token: string;
let tomskToken: string;
let revokedToken: string;

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = await response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return { status: response.status, code: body.error.code as string };
}

beforeAll(async () => {
  const db = await getDb();
  parkId = await insertDataset(db, fixtureDataset(slug));
  tomskId = await importDemoPark(db, tomsk);
  const manager = await makeManager(parkId);
  token = (await createApiToken(db, { actor: manager, parkSlug: slug, name: 'reader' })).token;
  const revoked = await createApiToken(db, { actor: manager, parkSlug: slug, name: 'old' });
  await revokeApiToken(db, { actor: manager, parkSlug: slug, tokenId: revoked.id });
  revokedToken = revoked.token;
  tomskToken = (await createApiToken(db, { actor: await makeManager(tomskId), parkSlug: tomsk.park.slug, name: 'reader' })).token;
});

describe('GET /api/v1/parks/{slug}/summary', () => {
  it('answers the summary to the park’s token', async () => {
    const response = await summary(get(`/parks/${slug}/summary?from=2015&to=2016`, bearer(token)), ctx({ slug }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      format: 'technopark-summary/1',
      park: { slug },
      period: { from: 2015, to: 2016 },
      requests: 5,
      passedCouncil: 3,
      residentsAtEnd: 5,
      area: { totalM2: '400.00', leasedM2: '50.20', usePct: 12.6 },
      payback: { taxesPerBudgetRub: 0.43, paybackYear: 2015 },
    });
    expect(body.narrative).toMatch(/^For 2015–2016/);
  });

  it('writes the narrative in the asked language', async () => {
    const ru = await summary(get(`/parks/${slug}/summary?from=2015&to=2016&locale=ru`, bearer(token)), ctx({ slug }));
    expect((await ru.json()).narrative).toMatch(/[а-я]/);
    const accept = await summary(get(`/parks/${slug}/summary?from=2015&to=2016`, { ...bearer(token), 'accept-language': 'ru-RU,ru;q=0.9' }), ctx({ slug }));
    expect((await accept.json()).narrative).toMatch(/[а-я]/);
  });

  it('exports CSV and XLSX', async () => {
    const csv = await summary(get(`/parks/${slug}/summary?from=2015&to=2016&format=csv`, bearer(token)), ctx({ slug }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${slug}-summary-2015-2016.csv"`);
    expect(await csv.text()).toContain('400.00');
    const xlsx = await summary(get(`/parks/${slug}/summary?from=2015&to=2016&format=xlsx`, bearer(token)), ctx({ slug }));
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip: "PK"
  });

  it('refuses a missing, malformed, unknown or revoked token with 401', async () => {
    const path = `/parks/${slug}/summary?from=2015&to=2016`;
    const missing = await summary(get(path), ctx({ slug }));
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await errorOf(missing)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await errorOf(await summary(get(path, { authorization: `Basic ${token}` }), ctx({ slug })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await errorOf(await summary(get(path, bearer('tp_nope')), ctx({ slug })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await errorOf(await summary(get(path, bearer(revokedToken)), ctx({ slug })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers 404 for another park, as for a park that does not exist', async () => {
    const other = tomsk.park.slug;
    expect(await errorOf(await summary(get(`/parks/${other}/summary?from=2015&to=2016`, bearer(token)), ctx({ slug: other })))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await errorOf(await summary(get(`/parks/nope/summary?from=2015&to=2016`, bearer(token)), ctx({ slug: 'nope' })))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it.each([
    ['from=abc&to=2016'],
    ['to=2016'],
    ['from=2015'],
    ['from=2017&to=2016'],
    ['from=1800&to=2016'],
    ['from=1900&to=2000'],
    ['from=2015.5&to=2016'],
    ['from=2015&to=2016&format=pdf'],
    ['from=2015&to=2016&locale=de'],
  ])('answers 400 to bad parameters: %s', async (query) => {
    const response = await summary(get(`/parks/${slug}/summary?${query}`, bearer(token)), ctx({ slug }));
    expect(await errorOf(response)).toEqual({ status: 400, code: 'VALIDATION' });
  });

  it('serves the signed-in session too, by its roles', async () => {
    const path = `/parks/${slug}/summary?from=2015&to=2016`;
    const sid = await signIn((await makeAnalyst(parkId)).userId);
    expect((await summary(get(path), ctx({ slug }))).status).toBe(200);
    // Once signed out, the same cookie is refused; so is a cookie that never named a session.
    await endSession(await getDb(), sid);
    expect(await errorOf(await summary(get(path), ctx({ slug })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    session.current = { user: { id: (await makeAnalyst(parkId)).userId } };
    expect(await errorOf(await summary(get(path), ctx({ slug })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    await signIn((await makeAnalyst(tomskId)).userId);
    expect(await errorOf(await summary(get(path), ctx({ slug })))).toEqual({ status: 404, code: 'NOT_FOUND' });
    session.current = { user: { id: crypto.randomUUID() }, sid: crypto.randomUUID() };
    expect(await errorOf(await summary(get(path), ctx({ slug })))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    session.current = null;
  });
});

describe('GET /api/v1/parks', () => {
  it('lists only the token’s park', async () => {
    const response = await listParks(get('/parks', bearer(token)), ctx({}));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ parks: [{ slug, name: `Fixture ${slug}`, region: 'Test region', type: 'industrial' }] });
  });

  it('lists a session’s parks', async () => {
    await signIn((await makeAnalyst(tomskId)).userId);
    const body = await (await listParks(get('/parks'), ctx({}))).json();
    session.current = null;
    expect(body.parks.map((p: { slug: string }) => p.slug)).toEqual([tomsk.park.slug]);
  });

  it('answers 401 without credentials', async () => {
    expect(await errorOf(await listParks(get('/parks'), ctx({})))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('GET /api/v1/parks/{slug}/programmes/{key}/indicators', () => {
  const key = 'itc-tomsk-2020';
  const params = { slug: tomsk.park.slug, key };

  it('answers the indicator report', async () => {
    const response = await indicators(get(`/parks/${params.slug}/programmes/${key}/indicators`, bearer(tomskToken)), ctx(params));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe('technopark-indicators/1');
    expect(body.indicators.map((i: { status: string }) => i.status)).toEqual([
      'off_track', 'off_track', 'off_track', 'off_track', 'achieved', 'on_track', 'on_track', 'on_track',
    ]);
    const csv = await indicators(get(`/parks/${params.slug}/programmes/${key}/indicators?format=csv`, bearer(tomskToken)), ctx(params));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('lists the programmes', async () => {
    const response = await listProgrammes(get(`/parks/${params.slug}/programmes`, bearer(tomskToken)), ctx({ slug: params.slug }));
    expect(await response.json()).toEqual({ programmes: [{ key, name: 'ITC Tomsk concept 2020', indicatorCount: 8 }] });
  });

  it('answers 404 to another park’s token and for an unknown programme', async () => {
    expect(await errorOf(await indicators(get(`/parks/${params.slug}/programmes/${key}/indicators`, bearer(token)), ctx(params)))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(
      await errorOf(await indicators(get(`/parks/${params.slug}/programmes/nope/indicators`, bearer(tomskToken)), ctx({ ...params, key: 'nope' }))),
    ).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await errorOf(await indicators(get(`/parks/${params.slug}/programmes/${key}/indicators`), ctx(params)))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes the endpoints in OpenAPI 3.1', async () => {
    const response = openApi();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/parks', '/parks/{slug}/summary', '/parks/{slug}/programmes', '/parks/{slug}/programmes/{key}/indicators']);
    // Every $ref resolves.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    for (const ref of refs) expect(doc.components.schemas[ref]).toBeDefined();
  });
});

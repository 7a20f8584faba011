/**
 * The contract simulator's HTTP contract: every documented status and error body of bundle.social
 * (team list, CML trending list) and Layers (tiktok-music), as bundle-social-openapi-subset.json,
 * api-facts.md and the seed pages describe them.
 */
import { describe, expect, it } from 'vitest';
import {
  createSimulator,
  DATE_RANGES,
  DEMO_CREDENTIALS,
  DEMO_TEAM_ID,
  GENRES,
  LAYERS_NO_SCOPE_KEY,
  listSize,
  PATHS,
  SECOND_TEAM_ID,
  SINGLE_TEAM_CREDENTIALS,
  SINGLE_TEAM_ID,
  SINGLE_TEAM_KEY,
  type SimRequest,
  UNKNOWN_KEYS,
} from '../../simulator';

const NOW = new Date('2026-02-15T12:00:00Z');
const BUNDLE = 'https://api.bundle.social';
const LAYERS = 'https://api.layers.com';
const { bundleSocialKey, layersKey, teamId } = DEMO_CREDENTIALS;

function setup() {
  const sim = createSimulator({ now: NOW });
  const call = async (req: SimRequest) => {
    const res = await sim.handle(req);
    return { ...res, json: () => JSON.parse(res.body) };
  };
  const bundle = (pathAndQuery: string, key: string | null = bundleSocialKey) =>
    call({ url: BUNDLE + pathAndQuery, headers: key === null ? {} : { 'x-api-key': key } });
  const trending = (query: string, key: string | null = bundleSocialKey) =>
    bundle(`${PATHS.trendingList}${query ? `?${query}` : ''}`, key);
  const layers = (
    headers: Record<string, string> = { Authorization: `Bearer ${layersKey}` },
    path: string = PATHS.layersMusic,
  ) => call({ url: LAYERS + path, headers });
  return { sim, call, bundle, trending, layers };
}

function expectBundleError(res: { status: number; json: () => unknown }, status: number) {
  expect(res.status).toBe(status);
  const body = res.json() as { statusCode?: number; message: string };
  expect(body.statusCode).toBe(status);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

function expectLayersError(
  res: { status: number; headers: Record<string, string>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  const body = res.json() as {
    error: { code: string; message: string; requestId: string; details: unknown };
  };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.requestId).toMatch(/^req_[0-9a-f]{24}$/);
  expect(body.error.details).toEqual(expect.any(Object));
  expect(res.headers['x-request-id']).toBe(body.error.requestId);
  return body.error;
}

describe('bundle.social GET /api/v1/team/', () => {
  it('lists the demo organisation’s two teams in the spec’s shape', async () => {
    const { bundle } = setup();
    const res = await bundle(PATHS.teams);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((t: { id: string }) => t.id)).toEqual([DEMO_TEAM_ID, SECOND_TEAM_ID]);
    for (const item of body.items) {
      for (const field of [
        'id',
        'name',
        'organizationId',
        'createdById',
        'createdAt',
        'updatedAt',
        'organization',
        'createdBy',
        'bots',
        'socialAccounts',
      ])
        expect(item).toHaveProperty(field);
      expect(item).toHaveProperty('avatarUrl');
      expect(item.deletedAt).toBeNull();
      expect(item.organization.id).toBe(item.organizationId);
      for (const field of [
        'id',
        'createdById',
        'apiAccess',
        'analyticsDisabled',
        'analyticsPostsDisabled',
        'uploadsCompressionEnabled',
        'showVerboseErrors',
        'disconnectCheckEnabled',
        'deleteAccountAfter',
        'createdAt',
        'updatedAt',
      ])
        expect(item.organization).toHaveProperty(field);
      for (const field of ['id', 'externalId', 'email', 'role', 'createdAt', 'updatedAt'])
        expect(item.createdBy).toHaveProperty(field);
      expect(Array.isArray(item.bots)).toBe(true);
      expect(item.socialAccounts[0]).toMatchObject({ type: 'TIKTOK', teamId: item.id });
    }
  });

  it('lists exactly one team for the single-team organisation key', async () => {
    const { bundle } = setup();
    const body = (await bundle(PATHS.teams, SINGLE_TEAM_KEY)).json();
    expect(body.total).toBe(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].id).toBe(SINGLE_TEAM_ID);
    expect(SINGLE_TEAM_CREDENTIALS.teamId).toBe(SINGLE_TEAM_ID);
  });

  it('pages with offset and limit, filters with search, and rejects a non-numeric limit', async () => {
    const { bundle } = setup();
    const page = (await bundle(`${PATHS.teams}?offset=1&limit=1`)).json();
    expect(page).toMatchObject({ total: 2 });
    expect(page.items.map((t: { id: string }) => t.id)).toEqual([SECOND_TEAM_ID]);
    const found = (await bundle(`${PATHS.teams}?search=ads`)).json();
    expect(found.items.map((t: { id: string }) => t.id)).toEqual([SECOND_TEAM_ID]);
    const bad = await bundle(`${PATHS.teams}?limit=ten`);
    expect(expectBundleError(bad, 400)).toMatchObject({
      issues: [{ code: 'invalid_type', path: ['limit'] }],
    });
  });

  it('answers 401 without a key and 403 with an unknown key', async () => {
    const { bundle } = setup();
    expectBundleError(await bundle(PATHS.teams, null), 401);
    expectBundleError(await bundle(PATHS.teams, ''), 401);
    expectBundleError(await bundle(PATHS.teams, UNKNOWN_KEYS.bundleSocial), 403);
  });

  it('serves only the spec’s path: /api/v1/team without the slash is a 404', async () => {
    const { bundle } = setup();
    expectBundleError(await bundle('/api/v1/team'), 404);
  });
});

describe('bundle.social GET /api/v1/misc/tiktok/cml/trending-list', () => {
  it('defaults to POP and 7DAY', async () => {
    const { sim, trending } = setup();
    const res = await trending(`teamId=${teamId}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(sim.catalog.cmlBody('POP', '7DAY'));
    expect(sim.requests[0]).toMatchObject({ genre: 'POP', dateRange: '7DAY', teamId });
    const explicit = await trending(`teamId=${teamId}&genre=POP&dateRange=7DAY`);
    expect(explicit.body).toBe(res.body);
  });

  it('returns a flat array of at most 100 items for every genre and range', async () => {
    const { sim, trending } = setup();
    for (const genre of GENRES)
      for (const range of DATE_RANGES) {
        const res = await trending(`teamId=${teamId}&genre=${encodeURIComponent(genre)}&dateRange=${range}`);
        expect(res.status, `${genre}/${range}`).toBe(200);
        const body = res.json();
        expect(Array.isArray(body)).toBe(true);
        expect(body).toHaveLength(listSize(genre, range));
        expect(body.length).toBeLessThanOrEqual(100);
      }
    expect(sim.count({ provider: 'bundle-social', genre: 'R&B/SOUL', dateRange: '1DAY' })).toBe(1);
  });

  it('takes URL-encoded genres holding / and &', async () => {
    const { sim, trending } = setup();
    for (const [encoded, genre] of [
      ['HIP_HOP%2FRAP', 'HIP_HOP/RAP'],
      ['R%26B%2FSOUL', 'R&B/SOUL'],
      ['DRUM%26BASS', 'DRUM&BASS'],
      ['ALTERNATIVE%2FINDIE', 'ALTERNATIVE/INDIE'],
    ] as const) {
      const res = await trending(`teamId=${teamId}&genre=${encoded}`);
      expect(res.status).toBe(200);
      expect(res.body).toBe(sim.catalog.cmlBody(genre, '7DAY'));
    }
    expect(sim.filter({ genre: 'R&B/SOUL' })[0]!.search).toContain('genre=R%26B%2FSOUL');
  });

  it('treats an unencoded & as a parameter separator: genre=R&B/SOUL is genre "R" → 400', async () => {
    const { sim, trending } = setup();
    const res = await trending(`teamId=${teamId}&genre=R&B/SOUL`);
    const body = expectBundleError(res, 400) as unknown as {
      issues: Array<{ code: string; message: string; path: unknown[] }>;
    };
    expect(body.issues).toEqual([
      { code: 'invalid_enum_value', message: expect.stringContaining("received 'R'"), path: ['genre'] },
    ]);
    expect(sim.requests[0]!.query).toEqual({ teamId, genre: 'R', 'B/SOUL': '' });
    // A raw "/" is legal inside a query, so an unencoded HIP_HOP/RAP still arrives intact.
    expect((await trending(`teamId=${teamId}&genre=HIP_HOP/RAP`)).body).toBe(
      sim.catalog.cmlBody('HIP_HOP/RAP', '7DAY'),
    );
  });

  it('answers 400 with issues for a missing teamId, an unknown genre and an unknown dateRange', async () => {
    const { trending } = setup();
    const missing = expectBundleError(await trending('genre=POP'), 400) as never as { issues: unknown[] };
    expect(missing.issues).toEqual([{ code: 'invalid_type', message: 'Required', path: ['teamId'] }]);

    for (const genre of ['JAZZ_FUSION', 'pop', 'ALL', '', 'AFROBEATS']) {
      const body = expectBundleError(await trending(`teamId=${teamId}&genre=${genre}`), 400) as never as {
        issues: Array<{ code: string; message: string; path: unknown[] }>;
      };
      expect(body.issues).toHaveLength(1);
      expect(body.issues[0]).toMatchObject({ code: 'invalid_enum_value', path: ['genre'] });
      expect(body.issues[0]!.message).toContain(`received '${genre}'`);
      expect(body.issues[0]!.message).toContain("'HIP_HOP/RAP'");
    }
    for (const range of ['14DAY', '7day', '']) {
      const body = expectBundleError(await trending(`teamId=${teamId}&dateRange=${range}`), 400) as never as {
        issues: unknown[];
      };
      expect(body.issues).toEqual([
        { code: 'invalid_enum_value', message: expect.any(String), path: ['dateRange'] },
      ]);
    }
    const all = expectBundleError(await trending('genre=NOPE&dateRange=2DAY'), 400) as never as {
      issues: Array<{ path: string[] }>;
    };
    expect(all.issues.map((i) => i.path[0])).toEqual(['teamId', 'genre', 'dateRange']);
  });

  it('answers 404 for a team the key’s organisation does not have', async () => {
    const { trending } = setup();
    expect(expectBundleError(await trending('teamId=no-such-team'), 404)).not.toHaveProperty('issues');
    expectBundleError(await trending(`teamId=${SINGLE_TEAM_ID}`), 404);
    expect((await trending(`teamId=${SECOND_TEAM_ID}`)).status).toBe(200);
    expect((await trending(`teamId=${SINGLE_TEAM_ID}`, SINGLE_TEAM_KEY)).status).toBe(200);
  });

  it('checks the key before the query: 401 without a key, 403 with an unknown one', async () => {
    const { trending } = setup();
    expectBundleError(await trending('', null), 401);
    expectBundleError(await trending(`teamId=${teamId}`, null), 401);
    expectBundleError(await trending(`teamId=${teamId}`, UNKNOWN_KEYS.bundleSocial), 403);
    expectBundleError(await trending('genre=NOPE', UNKNOWN_KEYS.bundleSocial), 403);
    expectBundleError(await trending(`teamId=${teamId}`, layersKey), 403);
  });

  it('accepts the key header in any letter case', async () => {
    const { call } = setup();
    const res = await call({
      url: `${BUNDLE}${PATHS.trendingList}?teamId=${teamId}`,
      headers: { 'X-API-Key': bundleSocialKey },
    });
    expect(res.status).toBe(200);
  });
});

describe('bundle.social: anything else', () => {
  it('is a 404 with the documented body: unknown paths, a trailing slash, other methods', async () => {
    const { bundle, call } = setup();
    expectBundleError(await bundle('/api/v1/post/'), 404);
    expectBundleError(await bundle('/'), 404);
    expectBundleError(await bundle(`${PATHS.trendingList}/?teamId=${teamId}`), 404);
    expectBundleError(await bundle('/v1/tiktok-music'), 404);
    const post = await call({
      method: 'POST',
      url: `${BUNDLE}${PATHS.trendingList}?teamId=${teamId}`,
      headers: { 'x-api-key': bundleSocialKey },
    });
    expectBundleError(post, 404);
  });

  it('answers CORS preflights and marks every answer with access-control-allow-origin: *', async () => {
    const { sim, call, trending } = setup();
    const preflight = await call({ method: 'OPTIONS', url: `${BUNDLE}${PATHS.trendingList}` });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('x-api-key');
    expect((await trending(`teamId=${teamId}`)).headers['access-control-allow-origin']).toBe('*');
    expect((await trending('', null)).headers['access-control-allow-origin']).toBe('*');
    expect(sim.count()).toBe(2);
    expect(sim.count({ method: 'OPTIONS' })).toBe(1);
  });
});

describe('Layers GET /v1/tiktok-music', () => {
  it('returns { tracks, total } sorted by userCount descending', async () => {
    const { sim, layers } = setup();
    const res = await layers();
    expect(res.status).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['tracks', 'total']);
    expect(body.total).toBe(body.tracks.length);
    expect(body.total).toBeGreaterThanOrEqual(500);
    expect(body.tracks).toEqual(sim.catalog.layers());
    for (let i = 1; i < body.tracks.length; i++)
      expect(body.tracks[i].userCount).toBeLessThanOrEqual(body.tracks[i - 1].userCount);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
  });

  it('answers 401 UNAUTHENTICATED for a missing, malformed or unknown key', async () => {
    const { layers } = setup();
    expectLayersError(await layers({}), 401, 'UNAUTHENTICATED');
    expectLayersError(await layers({ Authorization: layersKey }), 401, 'UNAUTHENTICATED');
    expectLayersError(await layers({ Authorization: `Basic ${layersKey}` }), 401, 'UNAUTHENTICATED');
    expectLayersError(await layers({ Authorization: 'Bearer ' }), 401, 'UNAUTHENTICATED');
    expectLayersError(
      await layers({ Authorization: `Bearer ${UNKNOWN_KEYS.layers}` }),
      401,
      'UNAUTHENTICATED',
    );
    expectLayersError(await layers({ Authorization: `Bearer ${bundleSocialKey}` }), 401, 'UNAUTHENTICATED');
    expectLayersError(await layers({ 'x-api-key': layersKey }), 401, 'UNAUTHENTICATED');
  });

  it('accepts the scheme in any case', async () => {
    const { layers } = setup();
    expect((await layers({ authorization: `bearer ${layersKey}` })).status).toBe(200);
  });

  it('answers 403 FORBIDDEN_SCOPE for a key without publish:read', async () => {
    const { layers } = setup();
    const error = expectLayersError(
      await layers({ Authorization: `Bearer ${LAYERS_NO_SCOPE_KEY}` }),
      403,
      'FORBIDDEN_SCOPE',
    );
    expect(error.details).toMatchObject({ required: 'publish:read' });
  });

  it('answers 500 INTERNAL when the catalog query fails', async () => {
    const { sim, layers } = setup();
    sim.setScenario('layers', 'server-error');
    expectLayersError(await layers(), 500, 'INTERNAL');
  });

  it('answers 404 NOT_FOUND for anything else on the host', async () => {
    const { layers, call } = setup();
    expectLayersError(await layers(undefined, '/v1/tiktok-music/'), 404, 'NOT_FOUND');
    expectLayersError(await layers(undefined, '/v1/content'), 404, 'NOT_FOUND');
    expectLayersError(await layers(undefined, '/api/v1/misc/tiktok/cml/trending-list'), 404, 'NOT_FOUND');
    const post = await call({
      method: 'POST',
      url: `${LAYERS}${PATHS.layersMusic}`,
      headers: { Authorization: `Bearer ${layersKey}` },
    });
    expectLayersError(post, 404, 'NOT_FOUND');
  });

  it('gives every request its own request id, deterministically', async () => {
    const a = setup();
    const b = setup();
    const idsA = [(await a.layers({})).json().error.requestId, (await a.layers({})).json().error.requestId];
    const idsB = [(await b.layers({})).json().error.requestId, (await b.layers({})).json().error.requestId];
    expect(idsA[0]).not.toBe(idsA[1]);
    expect(idsA).toEqual(idsB);
  });
});

describe('keys', () => {
  it('accepts configured keys, on top of or instead of the built-in ones', async () => {
    const sim = createSimulator({
      now: NOW,
      keys: { bundleSocial: ['pk_live_extra'], layers: [{ key: 'lp_live_x', scopes: [] }] },
    });
    const teams = await sim.handle({
      url: `${BUNDLE}${PATHS.teams}`,
      headers: { 'x-api-key': 'pk_live_extra' },
    });
    expect(JSON.parse(teams.body).total).toBe(2);
    const noScope = await sim.handle({
      url: `${LAYERS}${PATHS.layersMusic}`,
      headers: { authorization: 'Bearer lp_live_x' },
    });
    expect(noScope.status).toBe(403);

    const only = createSimulator({ now: NOW, defaultKeys: false, keys: { layers: ['lp_live_only'] } });
    const demo = await only.handle({
      url: `${LAYERS}${PATHS.layersMusic}`,
      headers: { authorization: `Bearer ${layersKey}` },
    });
    expect(demo.status).toBe(401);
    const ok = await only.handle({
      url: `${LAYERS}${PATHS.layersMusic}`,
      headers: { authorization: 'Bearer lp_live_only' },
    });
    expect(ok.status).toBe(200);
  });

  it('adds and revokes keys at runtime', async () => {
    const { sim, trending, layers } = setup();
    sim.revokeKey('bundle-social', bundleSocialKey);
    expect((await trending(`teamId=${teamId}`)).status).toBe(403);
    sim.addKey('bundle-social', bundleSocialKey);
    expect((await trending(`teamId=${teamId}`)).status).toBe(200);
    sim.revokeKey('layers', layersKey);
    expect((await layers()).status).toBe(401);
    sim.addKey('layers', { key: layersKey, scopes: ['publish:read'] });
    expect((await layers()).status).toBe(200);
  });

  it('exports realistic-looking demo credentials', () => {
    expect(DEMO_CREDENTIALS.bundleSocialKey).toMatch(/^pk_live_demo_\w{20,}$/);
    expect(DEMO_CREDENTIALS.layersKey).toMatch(/^lp_live_demo_\w{20,}$/);
    expect(DEMO_CREDENTIALS.teamId).toBe(DEMO_TEAM_ID);
  });
});

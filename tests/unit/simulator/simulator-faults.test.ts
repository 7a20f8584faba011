/**
 * The contract simulator's fault scenarios, its request log and its fetch adapter.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  BIG_ID,
  createSimulator,
  DEMO_CREDENTIALS,
  MIXED_INVALID,
  PATHS,
  SCENARIOS,
  type SimProvider,
  simulatorFetch,
} from '../../simulator';

const NOW = new Date('2026-02-15T12:00:00Z');
const { bundleSocialKey, layersKey, teamId } = DEMO_CREDENTIALS;
const CML_URL = (genre = 'POP', range = '7DAY') =>
  `https://api.bundle.social${PATHS.trendingList}?teamId=${teamId}&genre=${encodeURIComponent(genre)}&dateRange=${range}`;
const TEAMS_URL = `https://api.bundle.social${PATHS.teams}`;
const LAYERS_URL = `https://api.layers.com${PATHS.layersMusic}`;
const BUNDLE_HEADERS = { 'x-api-key': bundleSocialKey };
const LAYERS_HEADERS = { authorization: `Bearer ${layersKey}` };

function setup() {
  const sim = createSimulator({ now: NOW });
  const fetch = simulatorFetch(sim);
  const cml = (genre?: string, range?: string, init: RequestInit = {}) =>
    fetch(CML_URL(genre, range), { headers: BUNDLE_HEADERS, ...init });
  const teams = (init: RequestInit = {}) => fetch(TEAMS_URL, { headers: BUNDLE_HEADERS, ...init });
  const layers = (init: RequestInit = {}) => fetch(LAYERS_URL, { headers: LAYERS_HEADERS, ...init });
  const by: Record<SimProvider, () => Promise<Response>> = {
    'bundle-social': () => cml(),
    layers: () => layers(),
  };
  return { sim, fetch, cml, teams, layers, by };
}

const PROVIDERS: SimProvider[] = ['bundle-social', 'layers'];

/** Settles within `ms`, or reports 'pending'. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);
}

describe('scenarios', () => {
  it('latency delays the answer by the given ms', async () => {
    const { sim, cml } = setup();
    sim.setScenario('bundle-social', 'latency', { ms: 120 });
    const started = performance.now();
    const res = await cml();
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(res.status).toBe(200);
    const answer = await sim.handle({ url: CML_URL(), headers: BUNDLE_HEADERS });
    expect(answer.delayMs).toBe(120);
  });

  it.each(PROVIDERS)('rate-limited answers 429 with Retry-After (%s)', async (provider) => {
    const { sim, by } = setup();
    sim.setScenario(provider, 'rate-limited', { retryAfter: 7 });
    const res = await by[provider]();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    const body = await res.json();
    if (provider === 'bundle-social') expect(body).toEqual({ statusCode: 429, message: expect.any(String) });
    else expect(body.error).toMatchObject({ code: 'RATE_LIMITED', requestId: expect.any(String) });
    sim.setScenario(provider, 'rate-limited');
    expect((await by[provider]()).headers.get('retry-after')).toBe('2');
  });

  it.each(PROVIDERS)('server-error answers 500 with the provider’s error body (%s)', async (provider) => {
    const { sim, by } = setup();
    sim.setScenario(provider, 'server-error');
    const res = await by[provider]();
    expect(res.status).toBe(500);
    const body = await res.json();
    if (provider === 'bundle-social') expect(body).toEqual({ statusCode: 500, message: expect.any(String) });
    else expect(body.error).toMatchObject({ code: 'INTERNAL', details: {} });
  });

  it('bad-gateway answers 502: bundle.social’s JSON body, or a proxy’s HTML page', async () => {
    const { sim, cml, layers } = setup();
    sim.setScenario('bundle-social', 'bad-gateway');
    const json = await cml();
    expect(json.status).toBe(502);
    expect(await json.json()).toEqual({ statusCode: 502, message: 'Bad Gateway' });
    sim.setScenario('bundle-social', 'bad-gateway', { html: true });
    const html = await cml();
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('<title>502 Bad Gateway</title>');
    sim.setScenario('layers', 'bad-gateway');
    const viaProxy = await layers();
    expect(viaProxy.status).toBe(502);
    expect(viaProxy.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('html-error answers an HTML page with 503, or with 200', async () => {
    const { sim, cml } = setup();
    sim.setScenario('bundle-social', 'html-error');
    const res = await cml();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(res.json()).rejects.toThrow(SyntaxError);
    sim.setScenario('bundle-social', 'html-error', { status: 200 });
    const ok = await cml();
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it.each(PROVIDERS)(
    'malformed-json answers 200 application/json that does not parse (%s)',
    async (provider) => {
      const { sim, by } = setup();
      sim.setScenario(provider, 'malformed-json');
      const res = await by[provider]();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      await expect(res.json()).rejects.toThrow(SyntaxError);
    },
  );

  it.each(PROVIDERS)('not-found answers 404 (%s)', async (provider) => {
    const { sim, by } = setup();
    sim.setScenario(provider, 'not-found');
    const res = await by[provider]();
    expect(res.status).toBe(404);
    const body = await res.json();
    if (provider === 'bundle-social') expect(body).toEqual({ statusCode: 404, message: expect.any(String) });
    else expect(body.error.code).toBe('NOT_FOUND');
  });

  it('empty answers an empty list on every endpoint', async () => {
    const { sim, cml, teams, layers } = setup();
    sim.setScenario('bundle-social', 'empty');
    sim.setScenario('layers', 'empty');
    expect(await (await cml()).json()).toEqual([]);
    expect(await (await teams()).json()).toEqual({ items: [], total: 0 });
    expect(await (await layers()).json()).toEqual({ tracks: [], total: 0 });
  });

  it('mixed-invalid mixes untouched items with broken ones, as MIXED_INVALID documents', async () => {
    const { sim, cml, teams, layers } = setup();
    sim.setScenario('bundle-social', 'mixed-invalid');
    sim.setScenario('layers', 'mixed-invalid');

    const raw = await (await cml('ROCK', '30DAY')).text();
    expect(raw).toContain(`"song_clip_id":${BIG_ID}`); // a raw number: JSON.parse corrupts it
    const items = JSON.parse(raw);
    expect(items).toHaveLength(MIXED_INVALID.cml.length);
    const real = sim.catalog.cml('ROCK', '30DAY');
    for (const i of MIXED_INVALID.cml.valid) expect(items[i]).toEqual(real[i]);
    expect(items[1]).not.toHaveProperty('artist');
    expect(typeof items[3].rank_position).toBe('number');
    expect(typeof items[4].trending_song_clip.song_clip_id).toBe('number');
    expect(String(items[4].trending_song_clip.song_clip_id)).not.toBe(BIG_ID);
    expect(items[7]).toBeNull();
    expect(typeof items[8]).toBe('string');
    expect(typeof items[10].duration).toBe('string');

    const l = await (await layers()).json();
    expect(l.tracks).toHaveLength(MIXED_INVALID.layers.length);
    const realLayers = sim.catalog.layers();
    for (const i of MIXED_INVALID.layers.valid) expect(l.tracks[i]).toEqual(realLayers[i]);
    expect(typeof l.tracks[1].id).toBe('number');
    expect(l.tracks[7]).toBeNull();

    const t = await (await teams()).json();
    expect(t.items).toHaveLength(MIXED_INVALID.teams.length);
    expect(typeof t.items[1].id).toBe('number');
    expect(t.items[2]).not.toHaveProperty('id');
    expect(t.items[3]).toBeNull();
  });

  it('huge answers a valid ~10 MB body (size adjustable)', async () => {
    const { sim, cml, layers } = setup();
    sim.setScenario('bundle-social', 'huge');
    const text = await (await cml()).text();
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(text.length).toBeLessThan(11 * 1024 * 1024);
    expect(Array.isArray(JSON.parse(text))).toBe(true);
    sim.setScenario('layers', 'huge', { bytes: 200_000 });
    const body = await (await layers()).text();
    expect(body.length).toBeGreaterThanOrEqual(200_000);
    expect(JSON.parse(body).tracks.length).toBeGreaterThan(520);
  });

  it.each(['offline', 'connection-refused'] as const)(
    '%s is a network error: handle reports it, fetch rejects a TypeError',
    async (scenario) => {
      const { sim, layers } = setup();
      sim.setScenario('layers', scenario);
      const answer = await sim.handle({ url: LAYERS_URL, headers: LAYERS_HEADERS });
      expect(answer).toMatchObject({ status: 0, fault: scenario, body: '' });
      await expect(layers()).rejects.toThrow(new TypeError('Failed to fetch'));
      expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: scenario, scenario });
    },
  );

  it('hang never answers until the signal aborts', async () => {
    const { sim, cml } = setup();
    sim.setScenario('bundle-social', 'hang');
    expect(await sim.handle({ url: CML_URL(), headers: BUNDLE_HEADERS })).toMatchObject({
      status: 0,
      fault: 'hang',
    });
    expect(await within(cml(), 100)).toBe('pending');
    const controller = new AbortController();
    const pending = cml(undefined, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(cml(undefined, undefined, { signal: AbortSignal.timeout(30) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('times: fail twice with 502, then succeed, and the spent scenario is gone', async () => {
    const { sim, cml } = setup();
    sim.setScenario('bundle-social', 'bad-gateway', { times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await cml()).status);
    expect(statuses).toEqual([502, 502, 200, 200]);
    expect(sim.scenarios).toEqual([]);
    expect(sim.requests.map((r) => r.scenario)).toEqual(['bad-gateway', 'bad-gateway', undefined, undefined]);
  });

  it('limits a scenario to a path or to matching requests, and to its provider', async () => {
    const { sim, cml, teams, layers } = setup();
    sim.setScenario('bundle-social', 'server-error', { path: PATHS.teams });
    expect((await teams()).status).toBe(500);
    expect((await cml()).status).toBe(200);
    expect((await layers()).status).toBe(200);
    sim.setScenario('bundle-social', 'rate-limited', { match: (r) => r.genre === 'HIP_HOP/RAP' });
    expect((await cml('HIP_HOP/RAP')).status).toBe(429);
    expect((await cml('POP')).status).toBe(200);
    sim.setScenario('bundle-social', 'rate-limited', { path: /trending/ });
    expect((await cml('POP')).status).toBe(429);
    sim.setScenario('bundle-social', null);
    expect(sim.scenarios).toEqual([]);
    expect((await cml()).status).toBe(200);
  });

  it('stacks latency on a failure with addScenario; setScenario(null) and clearScenarios clear', async () => {
    const { sim, cml, layers } = setup();
    sim.setScenario('bundle-social', 'latency', { ms: 60 });
    sim.addScenario('bundle-social', 'server-error', { times: 1 });
    sim.setScenario('layers', 'server-error');
    const started = performance.now();
    expect((await cml()).status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect((await cml()).status).toBe(200);
    sim.clearScenarios('bundle-social');
    expect(sim.scenarios.map((s) => s.provider)).toEqual(['layers']);
    sim.clearScenarios();
    expect((await layers()).status).toBe(200);
  });

  it('data scenarios do not hide auth errors and are only spent on a success', async () => {
    const { sim, fetch, cml } = setup();
    sim.setScenario('bundle-social', 'empty', { times: 1 });
    expect((await fetch(CML_URL())).status).toBe(401);
    expect(sim.scenarios).toHaveLength(1);
    expect(await (await cml()).json()).toEqual([]);
    expect((await cml()).status).toBe(200);
    expect(JSON.parse(await (await cml()).text())).toHaveLength(100);
  });

  it('knows every documented scenario', () => {
    expect([...SCENARIOS].sort()).toEqual(
      [
        'bad-gateway',
        'connection-refused',
        'empty',
        'hang',
        'html-error',
        'huge',
        'latency',
        'malformed-json',
        'mixed-invalid',
        'not-found',
        'offline',
        'rate-limited',
        'redirect',
        'server-error',
      ].sort(),
    );
  });
});

describe('documented rate limits (opt-in)', () => {
  it('answers 429 after 100 requests in a second, per key and endpoint', async () => {
    let t = 1_000_000;
    const sim = createSimulator({ now: NOW, rateLimits: true, clock: () => t });
    const ask = (url = CML_URL()) => sim.handle({ url, headers: BUNDLE_HEADERS });
    for (let i = 0; i < 100; i++) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(JSON.parse(limited.body)).toEqual({ statusCode: 429, message: expect.any(String) });
    expect((await ask(TEAMS_URL)).status).toBe(200);
    t += 1000;
    expect((await ask()).status).toBe(200);
  });
});

describe('the request log', () => {
  it('records every request with its decoded query and raw headers, counts per genre and range', async () => {
    const { sim, cml, layers } = setup();
    await cml('HIP_HOP/RAP', '1DAY');
    await cml('HIP_HOP/RAP', '1DAY');
    await cml('HIP_HOP/RAP', '30DAY');
    await layers();
    expect(sim.count({ provider: 'bundle-social', genre: 'HIP_HOP/RAP', dateRange: '1DAY' })).toBe(2);
    expect(sim.count({ provider: 'bundle-social' })).toBe(3);
    expect(sim.count({ provider: 'layers', status: 200 })).toBe(1);
    const first = sim.requests[0]!;
    expect(first).toMatchObject({
      seq: 1,
      provider: 'bundle-social',
      method: 'GET',
      path: PATHS.trendingList,
      query: { teamId, genre: 'HIP_HOP/RAP', dateRange: '1DAY' },
      search: `?teamId=${teamId}&genre=HIP_HOP%2FRAP&dateRange=1DAY`,
      status: 200,
    });
    expect(first.headers['x-api-key']).toBe(bundleSocialKey);
    expect(sim.requests[3]!.headers.authorization).toBe(`Bearer ${layersKey}`);
    sim.resetRequests();
    expect(sim.requests).toEqual([]);
    await layers();
    expect(sim.requests[0]!.seq).toBe(5);
  });

  it('never prints a key: JSON and inspect redact the secret headers', async () => {
    const { sim, cml, layers } = setup();
    await cml();
    await layers();
    const printed = [JSON.stringify(sim.requests), inspect(sim.requests, { depth: 5 })].join('\n');
    expect(printed).not.toContain(bundleSocialKey);
    expect(printed).not.toContain(layersKey);
    expect(printed).toContain('[redacted]');
    expect(printed).toContain('"x-api-key"');
  });
});

describe('simulatorFetch', () => {
  it('returns real Responses with status, headers and url', async () => {
    const { cml } = setup();
    const res = await cml();
    expect(res).toBeInstanceOf(Response);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(CML_URL());
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await res.json()).length).toBe(100);
  });

  it('accepts a Request, a URL and a Headers object', async () => {
    const { fetch } = setup();
    expect((await fetch(new Request(LAYERS_URL, { headers: LAYERS_HEADERS }))).status).toBe(200);
    expect((await fetch(new URL(LAYERS_URL), { headers: new Headers(LAYERS_HEADERS) })).status).toBe(200);
    expect((await fetch(LAYERS_URL, { headers: [['Authorization', `Bearer ${layersKey}`]] })).status).toBe(
      200,
    );
    expect((await fetch(LAYERS_URL, { method: 'OPTIONS' })).status).toBe(204);
  });

  it('rejects other hosts like a network failure', async () => {
    const { fetch, sim } = setup();
    await expect(fetch('https://example.com/')).rejects.toThrow(TypeError);
    await expect(fetch('not a url')).rejects.toThrow(TypeError);
    expect(sim.requests).toEqual([]);
  });

  it('honours an already aborted signal and an abort during latency', async () => {
    const { sim, layers } = setup();
    const aborted = AbortSignal.abort();
    await expect(layers({ signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
    expect(sim.requests).toEqual([]);
    sim.setScenario('layers', 'latency', { ms: 5_000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = layers({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(DOMException);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

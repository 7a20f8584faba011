/**
 * The contract simulator's engine: routing, authentication, validation, fault scenarios and the
 * request log. Adapters (`simulatorFetch`, `installSimulator`) only translate its answers.
 */
import {
  AWKWARD,
  type AwkwardCase,
  buildCmlList,
  type CmlLocation,
  type CmlTrack,
  DATE_RANGES,
  DEFAULT_DATE_RANGE,
  DEFAULT_GENRE,
  GENRES,
  isDateRange,
  isGenre,
  type SimDateRange,
  type SimGenre,
} from './cml';
import {
  DATA_SCENARIOS,
  hugeArray,
  hugeDistinctLayers,
  malformedJson,
  mixedInvalidCml,
  mixedInvalidLayers,
  mixedInvalidTeams,
  proxyHtml,
  REDIRECT_TARGET,
  type ScenarioName,
} from './faults';
import { buildLayersCatalog, type LayersTrack } from './layers';
import { Rng } from './rng';
import { DEMO_ORG, DEMO_TEAM_ID, type OrgSpec, SINGLE_TEAM_ORG, type SimTeam, team } from './teams';

/** The two providers, named as the product names them. */
export type SimProvider = 'bundle-social' | 'layers';

/** The origin each provider is served at. */
export const PROVIDER_ORIGINS: Record<SimProvider, string> = {
  'bundle-social': 'https://api.bundle.social',
  layers: 'https://api.layers.com',
};

/** The paths the simulator serves (exactly these: `/api/v1/team` without the slash is a 404). */
export const PATHS = {
  teams: '/api/v1/team/',
  trendingList: '/api/v1/misc/tiktok/cml/trending-list',
  layersMusic: '/v1/tiktok-music',
} as const;

// ---------------------------------------------------------------------------------------------
// Keys

/** The demo organisation's bundle.social key: it sees two teams. */
export const DEMO_BUNDLE_SOCIAL_KEY = 'pk_live_demo_4f8c2a9e7b1d3f5a6c8e0b2d4f6a8c1e';
/** A Layers key with the `publish:read` scope. */
export const DEMO_LAYERS_KEY = 'lp_live_demo_9b3e5d7f1a2c4e6b8d0f2a4c6e8b1d3f';
/** A second bundle.social organisation's key: it sees exactly one team (`SINGLE_TEAM_ID`). */
export const SINGLE_TEAM_KEY = 'pk_live_demo_solo_2b4d6f8a0c1e3a5c7e9b1d3f5a7c';
/** A valid Layers key that lacks `publish:read`: `GET /v1/tiktok-music` answers 403 `FORBIDDEN_SCOPE`. */
export const LAYERS_NO_SCOPE_KEY = 'lp_live_demo_noscope_5c7e9a1b3d5f7a9c1e3b5d7f';
/** Well-formed keys that no account owns: bundle.social answers 403, Layers 401. */
export const UNKNOWN_KEYS = {
  bundleSocial: 'pk_live_0000000000000000000000000000dead',
  layers: 'lp_live_0000000000000000000000000000dead',
} as const;

/** What the demo and most tests type into the options page; the default simulator accepts it. */
export const DEMO_CREDENTIALS = {
  bundleSocialKey: DEMO_BUNDLE_SOCIAL_KEY,
  layersKey: DEMO_LAYERS_KEY,
  teamId: DEMO_TEAM_ID,
} as const;

/** The one-team organisation's credentials (the options page should auto-select its team). */
export const SINGLE_TEAM_CREDENTIALS = {
  bundleSocialKey: SINGLE_TEAM_KEY,
  layersKey: DEMO_LAYERS_KEY,
  teamId: SINGLE_TEAM_ORG.teams[0]!.id,
} as const;

/** A bundle.social key and the organisation (teams) it sees. A bare string means the demo organisation. */
export interface BundleKeySpec {
  key: string;
  org?: OrgSpec;
}
/** A Layers key and its scopes. A bare string means `['publish:read']`. */
export interface LayersKeySpec {
  key: string;
  scopes?: string[];
}

// ---------------------------------------------------------------------------------------------
// Requests, responses, the log

/** What `handle` takes: the parts of an HTTP request the contract depends on. */
export interface SimRequest {
  method?: string;
  url: string;
  headers?: Record<string, string> | Headers | Array<[string, string]>;
  body?: string | null;
  /** Aborts the simulated latency (then `handle` rejects with an `AbortError` DOMException). */
  signal?: AbortSignal | null;
}

/** A network-level failure: no HTTP response at all. */
export type SimFault = 'hang' | 'offline' | 'connection-refused';

/**
 * What `handle` resolves to. A real response has `status` ≥ 100; a network fault has `status: 0`,
 * an empty body and `fault` set (`hang`: never answer; `offline`/`connection-refused`: fail).
 */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  fault?: SimFault;
  /** The latency that was applied before answering, in ms. */
  delayMs: number;
}

const SECRET_HEADERS = new Set(['x-api-key', 'authorization', 'cookie', 'proxy-authorization']);

/** Shows a key as its first 8 characters; used whenever a recorded header is printed. */
export function redactSecret(value: string): string {
  return value.length <= 8 ? '[redacted]' : `${value.slice(0, 8)}…[redacted]`;
}

const headerProto = Object.defineProperties(
  {},
  {
    toJSON: {
      enumerable: false,
      value(this: Record<string, string>) {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(this)) out[k] = SECRET_HEADERS.has(k) ? redactSecret(v) : v;
        return out;
      },
    },
    [Symbol.for('nodejs.util.inspect.custom')]: {
      enumerable: false,
      value(this: { toJSON(): unknown }) {
        return this.toJSON();
      },
    },
  },
);

/**
 * Request headers with lowercase names. The raw values are kept (tests assert the key header was
 * sent), but `JSON.stringify`, `console.log` and test-failure diffs show keys redacted.
 */
export type RecordedHeaders = Readonly<Record<string, string>>;

function recordHeaders(raw: SimRequest['headers']): RecordedHeaders {
  const out = Object.create(headerProto) as Record<string, string>;
  if (!raw) return out;
  const entries: Iterable<[string, string]> =
    raw instanceof Headers ? raw.entries() : Array.isArray(raw) ? raw : Object.entries(raw);
  for (const [k, v] of entries) out[k.toLowerCase()] = String(v);
  return out;
}

/** One request as the simulator saw it. */
export interface RecordedRequest {
  /** 1, 2, 3… in arrival order (not reset by `resetRequests`). */
  seq: number;
  provider: SimProvider;
  method: string;
  url: string;
  path: string;
  /** The decoded query, first value of each name (as a server's query parser sees it). */
  query: Record<string, string>;
  /** The raw query string including `?` (to check encoding: `genre=HIP_HOP%2FRAP`). */
  search: string;
  headers: RecordedHeaders;
  /** For the trending list: the genre and range the request resolved to (defaults applied). */
  genre?: string;
  dateRange?: string;
  teamId?: string;
  /** The scenario that answered, when one did. */
  scenario?: ScenarioName;
  /** The HTTP status (0 for a network fault or while still in flight). */
  status: number;
  fault?: SimFault;
}

/** Filters for `count` / `filter`: every given field must match. */
export interface RequestFilter {
  provider?: SimProvider;
  method?: string;
  path?: string;
  genre?: string;
  dateRange?: string;
  teamId?: string;
  status?: number;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** Options of a scenario. */
export interface ScenarioOptions {
  /** Only the next N matching requests; then the scenario is spent and removed. Default: forever. */
  times?: number;
  /** Only requests to this path (exact), or paths matching this RegExp. Default: every path. */
  path?: string | RegExp;
  /** Only requests this predicate accepts (e.g. `(r) => r.genre === 'HIP_HOP/RAP'`). */
  match?: (req: RecordedRequest) => boolean;
  /** `latency`: the added delay in ms. Default 1000. */
  ms?: number;
  /** `rate-limited`: the `Retry-After` value in seconds. Default 2. */
  retryAfter?: number;
  /** `html-error`: 200 or 503 (default 503). `not-found`, `server-error`: override the status. */
  status?: number;
  /** `bad-gateway`: an HTML page from a proxy (default for Layers) instead of a JSON body (default for bundle.social). */
  html?: boolean;
  /** `huge`: the body size in bytes. Default 10 MB. */
  bytes?: number;
  /** `huge`, Layers only: every item a different track with long fields (`hugeDistinctLayers`), not repeats. */
  distinct?: boolean;
  /** `redirect`: where the 302 points. Default `REDIRECT_TARGET`, another site. */
  location?: string;
}

/** An active scenario. */
export interface ActiveScenario {
  provider: SimProvider;
  scenario: ScenarioName;
  options: ScenarioOptions;
  /** Requests it will still answer; `Infinity` when not limited. */
  remaining: number;
}

// ---------------------------------------------------------------------------------------------
// Options and the simulator's public shape

export interface SimulatorOptions {
  /** Seeds every generated value. Default `'cleartune'`. */
  seed?: string | number;
  /**
   * The simulator's "now": history ends on its UTC date; preview URLs expire six hours after it.
   * Default: the wall clock when the simulator is created. Same seed + same now → identical bytes.
   */
  now?: Date | number;
  /** Extra keys accepted on top of (or, with `defaultKeys: false`, instead of) the built-in ones. */
  keys?: {
    bundleSocial?: Array<string | BundleKeySpec>;
    layers?: Array<string | LayersKeySpec>;
  };
  /** Accept the built-in demo keys (`DEMO_CREDENTIALS`, `SINGLE_TEAM_KEY`, `LAYERS_NO_SCOPE_KEY`). Default true. */
  defaultKeys?: boolean;
  /** Latency added to every answer, in ms. Default 0. */
  latencyMs?: number;
  /**
   * Enforce bundle.social's documented rate limits per key and endpoint (100 / 1 s, 500 / 10 s,
   * 2000 / min → 429 with Retry-After). Default false. `clock` supplies the time (default `Date.now`).
   */
  rateLimits?: boolean;
  clock?: () => number;
}

/** Read-only views of the seeded data, for tests. Every call returns a fresh deep copy. */
export interface SimCatalog {
  /** The raw trending list for (genre, range), exactly what a 200 carries. */
  cml(genre: SimGenre, range?: SimDateRange): CmlTrack[];
  /** The item at an `AWKWARD` location (or any location). */
  at(location: CmlLocation): CmlTrack;
  /** The item holding one awkward case. */
  awkward(which: AwkwardCase): CmlTrack;
  /** The Layers catalog, sorted by userCount descending. */
  layers(): LayersTrack[];
  /** The teams a bundle.social key sees (the demo key's by default). */
  teams(key?: string): SimTeam[];
  /** The serialized 200 body for (genre, range), byte for byte. */
  cmlBody(genre: SimGenre, range?: SimDateRange): string;
}

export interface Simulator {
  readonly seed: string;
  /** The simulator's "now" in epoch ms. */
  readonly now: number;
  /** Answers one request (applying latency, scenarios, auth, validation). */
  handle(req: SimRequest): Promise<SimResponse>;
  /**
   * Puts a provider into a scenario, replacing its current ones (with `options.path`, only those
   * for the same path). `null` clears the provider (or, with `options.path`, that path).
   */
  setScenario(provider: SimProvider, scenario: ScenarioName | null, options?: ScenarioOptions): void;
  /** Adds a scenario after the existing ones (e.g. latency on top of a failure). */
  addScenario(provider: SimProvider, scenario: ScenarioName, options?: ScenarioOptions): void;
  /** Clears every scenario, or one provider's. */
  clearScenarios(provider?: SimProvider): void;
  /** The scenarios still active, in evaluation order. */
  readonly scenarios: readonly ActiveScenario[];
  /** Every request so far, oldest first (a snapshot). Headers are raw; printing redacts keys. */
  readonly requests: readonly RecordedRequest[];
  /** Empties the request log. */
  resetRequests(): void;
  /** Requests matching a filter (OPTIONS preflights only when `method: 'OPTIONS'` is asked for). */
  filter(filter?: RequestFilter): RecordedRequest[];
  /** How many requests match a filter. */
  count(filter?: RequestFilter): number;
  readonly catalog: SimCatalog;
  /** Accepts another key from now on. */
  addKey(provider: 'bundle-social', spec: string | BundleKeySpec): void;
  addKey(provider: 'layers', spec: string | LayersKeySpec): void;
  /** Stops accepting a key (bundle.social then answers 403, Layers 401). */
  revokeKey(provider: SimProvider, key: string): void;
  /** Moves the simulator's "now" (regenerates history dates and preview expiry). */
  setNow(now: Date | number): void;
}

// ---------------------------------------------------------------------------------------------
// Implementation

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const BASE_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after, x-request-id',
  'cache-control': 'no-store',
};
const DEFAULT_HUGE_BYTES = 10 * 1024 * 1024;

type RouteKind = 'teams' | 'cml' | 'layers';

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function toMs(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

function providerOf(origin: string): SimProvider | null {
  if (origin === PROVIDER_ORIGINS['bundle-social']) return 'bundle-social';
  if (origin === PROVIDER_ORIGINS.layers) return 'layers';
  return null;
}

/** First value per name, like a typical server's query parser. */
function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

function matches(rule: ActiveScenario, rec: RecordedRequest): boolean {
  const { path, match } = rule.options;
  if (typeof path === 'string' && path !== rec.path) return false;
  if (path instanceof RegExp && !path.test(rec.path)) return false;
  if (match && !match(rec)) return false;
  return true;
}

function samePath(a: ScenarioOptions['path'], b: ScenarioOptions['path']): boolean {
  return String(a) === String(b);
}

/**
 * Creates a simulator of bundle.social and Layers. Cheap to create: catalogs are generated lazily
 * per (genre, range) and memoized.
 *
 * @example
 * const sim = createSimulator({ seed: 1, now: new Date('2026-02-15T12:00:00Z') });
 * const res = await sim.handle({
 *   url: `https://api.bundle.social/api/v1/misc/tiktok/cml/trending-list?teamId=${DEMO_CREDENTIALS.teamId}`,
 *   headers: { 'x-api-key': DEMO_CREDENTIALS.bundleSocialKey },
 * });
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = String(options.seed ?? 'cleartune');
  let nowMs = toMs(options.now);
  const clock = options.clock ?? Date.now;
  const baseLatency = options.latencyMs ?? 0;

  const bundleKeys = new Map<string, OrgSpec>();
  const layersKeys = new Map<string, string[]>();
  if (options.defaultKeys !== false) {
    bundleKeys.set(DEMO_BUNDLE_SOCIAL_KEY, DEMO_ORG);
    bundleKeys.set(SINGLE_TEAM_KEY, SINGLE_TEAM_ORG);
    layersKeys.set(DEMO_LAYERS_KEY, ['publish:read', 'publish:write']);
    layersKeys.set(LAYERS_NO_SCOPE_KEY, ['content:read']);
  }
  const addBundleKey = (spec: string | BundleKeySpec) => {
    const s = typeof spec === 'string' ? { key: spec } : spec;
    bundleKeys.set(s.key, s.org ?? DEMO_ORG);
  };
  const addLayersKey = (spec: string | LayersKeySpec) => {
    const s = typeof spec === 'string' ? { key: spec } : spec;
    layersKeys.set(s.key, s.scopes ?? ['publish:read']);
  };
  for (const spec of options.keys?.bundleSocial ?? []) addBundleKey(spec);
  for (const spec of options.keys?.layers ?? []) addLayersKey(spec);

  // Memoized data.
  const cmlLists = new Map<string, CmlTrack[]>();
  const cmlBodies = new Map<string, string>();
  let layersTracks: LayersTrack[] | null = null;
  let layersBody: string | null = null;
  const hugeBodies = new Map<string, string>();

  const cmlList = (genre: SimGenre, range: SimDateRange): CmlTrack[] => {
    const k = `${genre}/${range}`;
    let list = cmlLists.get(k);
    if (!list) {
      list = buildCmlList(seed, nowMs, genre, range);
      cmlLists.set(k, list);
    }
    return list;
  };
  const cmlBody = (genre: SimGenre, range: SimDateRange): string => {
    const k = `${genre}/${range}`;
    let body = cmlBodies.get(k);
    if (body === undefined) {
      body = JSON.stringify(cmlList(genre, range));
      cmlBodies.set(k, body);
    }
    return body;
  };
  const layers = (): LayersTrack[] => {
    layersTracks ??= buildLayersCatalog(seed);
    return layersTracks;
  };
  const layersJson = (): string => {
    layersBody ??= JSON.stringify({ tracks: layers(), total: layers().length });
    return layersBody;
  };
  const teamsOf = (org: OrgSpec): SimTeam[] => org.teams.map((t) => team(org, t));

  let scenarios: ActiveScenario[] = [];
  let log: RecordedRequest[] = [];
  let seq = 0;
  const rateWindows = new Map<string, number[]>();

  const requestId = (n: number) => `req_${Rng.of(seed, 'request', n).hex(24)}`;

  // --- response builders -------------------------------------------------------------------
  const json = (status: number, body: string, extra: Record<string, string> = {}): SimResponse => ({
    status,
    headers: { ...BASE_HEADERS, 'content-type': JSON_TYPE, ...extra },
    body,
    delayMs: 0,
  });
  const html = (status: number, body: string): SimResponse => ({
    status,
    headers: { ...BASE_HEADERS, 'content-type': HTML_TYPE },
    body,
    delayMs: 0,
  });
  const bundleError = (status: number, message: string, extra?: Record<string, string>) =>
    json(status, JSON.stringify({ statusCode: status, message }), extra);
  const layersError = (
    rec: RecordedRequest,
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    extra: Record<string, string> = {},
  ) => {
    const id = requestId(rec.seq);
    return json(status, JSON.stringify({ error: { code, message, requestId: id, details } }), {
      'x-request-id': id,
      ...extra,
    });
  };
  const errorFor = (
    rec: RecordedRequest,
    status: number,
    bundleMessage: string,
    layersCode: string,
    layersMessage: string,
    extra?: Record<string, string>,
  ) =>
    rec.provider === 'bundle-social'
      ? bundleError(status, bundleMessage, extra)
      : layersError(rec, status, layersCode, layersMessage, {}, extra);

  const routeKind = (rec: RecordedRequest): RouteKind | null => {
    if (rec.method !== 'GET') return null;
    if (rec.provider === 'bundle-social') {
      if (rec.path === PATHS.teams) return 'teams';
      if (rec.path === PATHS.trendingList) return 'cml';
      return null;
    }
    return rec.path === PATHS.layersMusic ? 'layers' : null;
  };

  // --- scenarios ------------------------------------------------------------------------------
  const consume = (rule: ActiveScenario) => {
    rule.remaining -= 1;
    if (rule.remaining <= 0) scenarios = scenarios.filter((r) => r !== rule);
  };

  const faultResponse = (
    rec: RecordedRequest,
    rule: ActiveScenario,
    kind: RouteKind | null,
  ): SimResponse | null => {
    const o = rule.options;
    switch (rule.scenario) {
      case 'rate-limited': {
        const retryAfter = String(o.retryAfter ?? 2);
        return rec.provider === 'bundle-social'
          ? bundleError(429, 'ThrottlerException: Too Many Requests', { 'retry-after': retryAfter })
          : layersError(
              rec,
              429,
              'RATE_LIMITED',
              'Too many requests. Retry later.',
              { retryAfter: Number(retryAfter) },
              { 'retry-after': retryAfter },
            );
      }
      case 'server-error':
        return errorFor(rec, o.status ?? 500, 'Internal server error', 'INTERNAL', 'Catalog query failed.');
      case 'bad-gateway': {
        const asHtml = o.html ?? rec.provider === 'layers';
        return asHtml ? html(502, proxyHtml(502, 'Bad Gateway')) : bundleError(502, 'Bad Gateway');
      }
      case 'html-error': {
        const status = o.status ?? 503;
        return html(status, proxyHtml(status === 200 ? 503 : status, 'Service Unavailable'));
      }
      case 'malformed-json':
        return json(200, malformedJson(kind ?? (rec.provider === 'layers' ? 'layers' : 'cml')));
      case 'not-found':
        return errorFor(rec, o.status ?? 404, 'Not Found', 'NOT_FOUND', 'Not found.');
      case 'redirect':
        return {
          status: 302,
          headers: { ...BASE_HEADERS, location: o.location ?? REDIRECT_TARGET },
          body: '',
          delayMs: 0,
        };
      case 'hang':
      case 'offline':
      case 'connection-refused':
        return { status: 0, headers: {}, body: '', fault: rule.scenario, delayMs: 0 };
      default:
        return null;
    }
  };

  const dataResponse = (rec: RecordedRequest, rule: ActiveScenario, kind: RouteKind, org: OrgSpec | null) => {
    const bytes = rule.options.bytes ?? DEFAULT_HUGE_BYTES;
    const genre = (rec.genre ?? DEFAULT_GENRE) as SimGenre;
    const range = (rec.dateRange ?? DEFAULT_DATE_RANGE) as SimDateRange;
    if (kind === 'cml') {
      if (rule.scenario === 'empty') return json(200, '[]');
      if (rule.scenario === 'mixed-invalid')
        return json(200, mixedInvalidCml(cmlList(genre, range), cmlList(DEFAULT_GENRE, DEFAULT_DATE_RANGE)));
      const k = `cml/${genre}/${range}/${bytes}`;
      let body = hugeBodies.get(k);
      if (!body) {
        const list = cmlList(genre, range);
        body = hugeArray(list.length ? list : cmlList(DEFAULT_GENRE, DEFAULT_DATE_RANGE), bytes);
        hugeBodies.set(k, body);
      }
      return json(200, body);
    }
    if (kind === 'layers') {
      if (rule.scenario === 'empty') return json(200, JSON.stringify({ tracks: [], total: 0 }));
      if (rule.scenario === 'mixed-invalid') return json(200, mixedInvalidLayers(layers()));
      const distinct = rule.options.distinct === true;
      const k = `layers/${bytes}/${distinct}`;
      let body = hugeBodies.get(k);
      if (!body && distinct) body = hugeDistinctLayers(layers(), bytes);
      if (!body) {
        const arr = hugeArray(layers(), bytes);
        body = `{"tracks":${arr},"total":${(arr.match(/"id":/g) ?? []).length}}`;
      }
      hugeBodies.set(k, body);
      return json(200, body);
    }
    const teams = teamsOf(org ?? DEMO_ORG);
    if (rule.scenario === 'empty') return json(200, JSON.stringify({ items: [], total: 0 }));
    if (rule.scenario === 'mixed-invalid') return json(200, mixedInvalidTeams(teams));
    const arr = hugeArray(teams, bytes);
    return json(200, `{"items":${arr},"total":${teams.length}}`);
  };

  // --- rate limits ------------------------------------------------------------------------------
  const LIMITS: Array<[number, number]> = [
    [100, 1_000],
    [500, 10_000],
    [2000, 60_000],
  ];
  const rateLimited = (key: string, path: string): number | null => {
    const k = `${key}\u0000${path}`;
    const t = clock();
    const times = (rateWindows.get(k) ?? []).filter((x) => t - x < 60_000);
    for (const [limit, window] of LIMITS) {
      const inWindow = times.filter((x) => t - x < window);
      if (inWindow.length >= limit) {
        rateWindows.set(k, times);
        return Math.max(1, Math.ceil((inWindow[0]! + window - t) / 1000));
      }
    }
    times.push(t);
    rateWindows.set(k, times);
    return null;
  };

  // --- routes ---------------------------------------------------------------------------------
  const bundleAuth = (rec: RecordedRequest): { org: OrgSpec } | { error: SimResponse } => {
    const key = rec.headers['x-api-key'];
    if (!key) return { error: bundleError(401, 'Unauthorized: missing x-api-key header') };
    const org = bundleKeys.get(key);
    if (!org) return { error: bundleError(403, 'Forbidden: invalid API key') };
    if (options.rateLimits) {
      const retry = rateLimited(key, rec.path);
      if (retry !== null)
        return {
          error: bundleError(429, 'ThrottlerException: Too Many Requests', { 'retry-after': String(retry) }),
        };
    }
    return { org };
  };

  type Issue = { code: string; message: string; path: Array<string | number> };

  const teamsRoute = (rec: RecordedRequest, org: OrgSpec): SimResponse => {
    const issues: Issue[] = [];
    const num = (name: string, fallback: number): number => {
      const raw = rec.query[name];
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n)) {
        issues.push({ code: 'invalid_type', message: 'Expected number, received nan', path: [name] });
        return fallback;
      }
      return n;
    };
    const offset = num('offset', 0);
    const limit = num('limit', 10);
    if (issues.length) return validationError(issues);
    const search = rec.query.search?.toLowerCase();
    const all = teamsOf(org).filter((t) => !search || t.name.toLowerCase().includes(search));
    return json(200, JSON.stringify({ items: all.slice(offset, offset + limit), total: all.length }));
  };

  const validationError = (issues: Issue[]) =>
    json(400, JSON.stringify({ statusCode: 400, message: 'Validation failed', issues }));

  const enumMessage = (values: readonly string[], received: string) =>
    `Invalid enum value. Expected ${values.map((v) => `'${v}'`).join(' | ')}, received '${received}'`;

  const cmlRoute = (rec: RecordedRequest, org: OrgSpec): SimResponse => {
    const issues: Issue[] = [];
    const teamId = rec.query.teamId;
    if (teamId === undefined) issues.push({ code: 'invalid_type', message: 'Required', path: ['teamId'] });
    else if (teamId === '')
      issues.push({
        code: 'too_small',
        message: 'String must contain at least 1 character(s)',
        path: ['teamId'],
      });
    const genre = rec.query.genre ?? DEFAULT_GENRE;
    if (!isGenre(genre))
      issues.push({ code: 'invalid_enum_value', message: enumMessage(GENRES, genre), path: ['genre'] });
    const range = rec.query.dateRange ?? DEFAULT_DATE_RANGE;
    if (!isDateRange(range))
      issues.push({
        code: 'invalid_enum_value',
        message: enumMessage(DATE_RANGES, range),
        path: ['dateRange'],
      });
    if (issues.length) return validationError(issues);
    if (!org.teams.some((t) => t.id === teamId)) return bundleError(404, 'Team not found');
    return json(200, cmlBody(genre as SimGenre, range as SimDateRange));
  };

  const layersAuth = (rec: RecordedRequest): { scopes: string[] } | { error: SimResponse } => {
    const header = rec.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m)
      return {
        error: layersError(rec, 401, 'UNAUTHENTICATED', 'Missing or invalid API key.', {
          reason: header ? 'malformed_authorization_header' : 'missing_authorization_header',
        }),
      };
    const scopes = layersKeys.get(m[1]!);
    if (!scopes)
      return {
        error: layersError(rec, 401, 'UNAUTHENTICATED', 'Missing or invalid API key.', {
          reason: 'invalid_key',
        }),
      };
    return { scopes };
  };

  // --- handle ---------------------------------------------------------------------------------
  const handle = async (req: SimRequest): Promise<SimResponse> => {
    const url = new URL(req.url);
    const provider = providerOf(url.origin);
    if (!provider) throw new TypeError(`Failed to fetch: the simulator does not serve ${url.origin}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const rec: RecordedRequest = {
      seq: ++seq,
      provider,
      method,
      url: req.url,
      path: url.pathname,
      query: firstValues(url.searchParams),
      search: url.search,
      headers: recordHeaders(req.headers),
      status: 0,
    };
    if (provider === 'bundle-social' && rec.path === PATHS.trendingList) {
      rec.genre = rec.query.genre ?? DEFAULT_GENRE;
      rec.dateRange = rec.query.dateRange ?? DEFAULT_DATE_RANGE;
      if (rec.query.teamId !== undefined) rec.teamId = rec.query.teamId;
    }
    log.push(rec);

    if (method === 'OPTIONS') {
      rec.status = 204;
      return {
        status: 204,
        headers: {
          ...BASE_HEADERS,
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type, x-api-key',
          'access-control-max-age': '600',
        },
        body: '',
        delayMs: 0,
      };
    }

    let delayMs = baseLatency;
    let answer: SimResponse | null = null;
    const kind = routeKind(rec);
    let dataRule: ActiveScenario | null = null;
    for (const rule of [...scenarios]) {
      if (rule.provider !== provider || !matches(rule, rec)) continue;
      if (rule.scenario === 'latency') {
        delayMs += rule.options.ms ?? 1000;
        consume(rule);
        continue;
      }
      if (DATA_SCENARIOS.includes(rule.scenario)) {
        dataRule ??= rule;
        continue;
      }
      answer = faultResponse(rec, rule, kind);
      if (answer) {
        rec.scenario = rule.scenario;
        consume(rule);
        break;
      }
    }

    if (!answer) {
      if (!kind) {
        answer = errorFor(
          rec,
          404,
          `Cannot ${method} ${rec.path}`,
          'NOT_FOUND',
          `No route for ${method} ${rec.path}.`,
        );
      } else if (provider === 'bundle-social') {
        const auth = bundleAuth(rec);
        if ('error' in auth) answer = auth.error;
        else {
          answer = kind === 'teams' ? teamsRoute(rec, auth.org) : cmlRoute(rec, auth.org);
          if (answer.status === 200 && dataRule) {
            answer = dataResponse(rec, dataRule, kind, auth.org);
            rec.scenario = dataRule.scenario;
            consume(dataRule);
          }
        }
      } else {
        const auth = layersAuth(rec);
        if ('error' in auth) answer = auth.error;
        else if (!auth.scopes.includes('publish:read'))
          answer = layersError(rec, 403, 'FORBIDDEN_SCOPE', 'This key lacks the publish:read scope.', {
            required: 'publish:read',
            granted: auth.scopes,
          });
        else if (dataRule) {
          answer = dataResponse(rec, dataRule, 'layers', null);
          rec.scenario = dataRule.scenario;
          consume(dataRule);
        } else answer = json(200, layersJson(), { 'x-request-id': requestId(rec.seq) });
      }
    }

    rec.status = answer.status;
    if (answer.fault) rec.fault = answer.fault;
    await sleep(delayMs, req.signal);
    return { ...answer, headers: { ...answer.headers }, delayMs };
  };

  const copy = <T>(value: T): T => structuredClone(value);

  const catalog: SimCatalog = {
    cml: (genre, range = DEFAULT_DATE_RANGE) => copy(cmlList(genre, range)),
    at: (loc) => {
      const item = cmlList(loc.genre, loc.range)[loc.index];
      if (!item) throw new Error(`No item at ${loc.genre}/${loc.range}[${loc.index}]`);
      return copy(item);
    },
    awkward: (which) => catalog.at(AWKWARD[which]),
    layers: () => copy(layers()),
    teams: (key = DEMO_BUNDLE_SOCIAL_KEY) => {
      const org = bundleKeys.get(key);
      return org ? teamsOf(org) : [];
    },
    cmlBody: (genre, range = DEFAULT_DATE_RANGE) => cmlBody(genre, range),
  };

  const filterRequests = (f: RequestFilter = {}) =>
    log.filter(
      (r) =>
        (f.method ? r.method === f.method.toUpperCase() : r.method !== 'OPTIONS') &&
        (f.provider === undefined || r.provider === f.provider) &&
        (f.path === undefined || r.path === f.path) &&
        (f.genre === undefined || r.genre === f.genre) &&
        (f.dateRange === undefined || r.dateRange === f.dateRange) &&
        (f.teamId === undefined || r.teamId === f.teamId) &&
        (f.status === undefined || r.status === f.status),
    );

  const sim: Simulator = {
    seed,
    get now() {
      return nowMs;
    },
    handle,
    setScenario(provider, scenario, opts = {}) {
      scenarios = scenarios.filter(
        (r) => r.provider !== provider || (opts.path !== undefined && !samePath(r.options.path, opts.path)),
      );
      if (scenario) sim.addScenario(provider, scenario, opts);
    },
    addScenario(provider, scenario, opts = {}) {
      scenarios.push({
        provider,
        scenario,
        options: { ...opts },
        remaining: opts.times ?? Number.POSITIVE_INFINITY,
      });
    },
    clearScenarios(provider) {
      scenarios = provider ? scenarios.filter((r) => r.provider !== provider) : [];
    },
    get scenarios() {
      return scenarios.map((r) => ({ ...r }));
    },
    get requests() {
      return [...log];
    },
    resetRequests() {
      log = [];
    },
    filter: filterRequests,
    count: (f) => filterRequests(f).length,
    catalog,
    addKey(provider: SimProvider, spec: string | BundleKeySpec | LayersKeySpec) {
      if (provider === 'bundle-social') addBundleKey(spec as string | BundleKeySpec);
      else addLayersKey(spec as string | LayersKeySpec);
    },
    revokeKey(provider, key) {
      if (provider === 'bundle-social') bundleKeys.delete(key);
      else layersKeys.delete(key);
    },
    setNow(now) {
      nowMs = toMs(now);
      cmlLists.clear();
      cmlBodies.clear();
      hugeBodies.clear();
    },
  };
  return sim;
}

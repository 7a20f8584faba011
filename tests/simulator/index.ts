/**
 * The Cleartune contract simulator: a deterministic, seeded stand-in for bundle.social's CML
 * trending list and team list and Layers' TikTok music catalog, written from
 * docs/reference (api-facts.md, the two seed pages, bundle-social-openapi-subset.json).
 *
 * - `createSimulator()` → `sim.handle(req)`, scenarios, a request log and the seeded catalog.
 * - `simulatorFetch(sim)` → a `fetch` for unit tests.
 * - `installSimulator(context, sim)` from `tests/simulator/playwright.ts` → Playwright routes.
 *
 * Contract notes (what the simulator does where the spec leaves room):
 * - Paths are matched exactly: `/api/v1/team/` (the spec's path) answers, `/api/v1/team` is a 404.
 * - Order of checks on bundle.social: unknown path 404 → x-api-key (missing 401, unknown 403) →
 *   query validation 400 with zod-style `issues` → team not in the key's organisation 404 → 200.
 * - The query is decoded like URLSearchParams: `genre=R%26B%2FSOUL` is R&B/SOUL, but an unencoded
 *   `genre=R&B/SOUL` splits into `genre=R` and a stray `B/SOUL` parameter → 400 (`received 'R'`).
 *   `genre=HIP_HOP/RAP` with a raw `/` is legal in a query and is accepted as HIP_HOP/RAP.
 *   Enum values are case-sensitive; `genre=` (empty) is a 400. The first of repeated names wins.
 * - `rank_position` equals the last `trending_history` day's `rank_position_daily`; history ends
 *   on `now`'s UTC date, oldest first.
 * - Layers: missing / malformed / unknown Bearer key → 401 `UNAUTHENTICATED`; a known key without
 *   `publish:read` → 403 `FORBIDDEN_SCOPE`. Query parameters are ignored.
 * - Every answer carries `access-control-allow-origin: *`; OPTIONS answers 204.
 */
export {
  AWKWARD,
  type AwkwardCase,
  BIG_ID,
  BIG_ID_9,
  type CmlClip,
  type CmlHistoryPoint,
  type CmlLocation,
  type CmlTrack,
  DATE_RANGES,
  DEFAULT_DATE_RANGE,
  DEFAULT_GENRE,
  EMPTY_LIST,
  GENRES,
  HTML_ARTIST,
  HTML_TITLE,
  listSize,
  SHORT_LISTS,
  type SimDateRange,
  type SimGenre,
} from './cml';
export { MIXED_INVALID, REDIRECT_TARGET, SCENARIOS, type ScenarioName } from './faults';
export { simulatorFetch } from './fetch';
export { LAYERS_AWKWARD, LAYERS_TRACK_COUNT, type LayersTrack } from './layers';
export { FOREIGN_MEDIA_URLS, ODD_MEDIA_URLS } from './media-urls';
export {
  type ActiveScenario,
  type BundleKeySpec,
  createSimulator,
  DEMO_BUNDLE_SOCIAL_KEY,
  DEMO_CREDENTIALS,
  DEMO_LAYERS_KEY,
  LAYERS_NO_SCOPE_KEY,
  type LayersKeySpec,
  PATHS,
  PROVIDER_ORIGINS,
  type RecordedHeaders,
  type RecordedRequest,
  type RequestFilter,
  redactSecret,
  type ScenarioOptions,
  SINGLE_TEAM_CREDENTIALS,
  SINGLE_TEAM_KEY,
  type SimCatalog,
  type SimFault,
  type SimProvider,
  type SimRequest,
  type SimResponse,
  type Simulator,
  type SimulatorOptions,
  UNKNOWN_KEYS,
} from './simulator';
export {
  DEMO_ORG,
  DEMO_TEAM_ID,
  type OrgSpec,
  SECOND_TEAM_ID,
  SINGLE_TEAM_ID,
  SINGLE_TEAM_ORG,
  type SimTeam,
  type TeamSpec,
} from './teams';

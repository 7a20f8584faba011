import type { ProviderError } from '../../shared/protocol';
import type { Provider } from '../../shared/track';
import { providerError, redact } from './provider-error';

/** Long enough for a slow 100-item answer, short enough that a first-run popup is not left hanging. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** A 429 without `Retry-After`: the shortest of bundle.social's windows that could have tripped is 10 s. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;

/**
 * The most a provider answer may be. The largest real answers are about 240 KB (a CML list with
 * 30-day histories) and 190 KB (Layers' 520 tracks): 8 MB is thirty times that, and the whole
 * catalog cache's budget, so nothing larger could be kept anyway.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export interface HttpEnv {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs?: number;
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; error: ProviderError };

export interface ErrorBody {
  requestId: string | null;
  detail: string | null;
}
/** Reads a provider's documented error envelope; anything else gives nulls. */
export type ErrorBodyReader = (body: unknown) => ErrorBody;

export interface JsonRequest {
  provider: Provider;
  url: string;
  headers: Record<string, string>;
  readErrorBody: ErrorBodyReader;
  /** Cut out of any provider text we quote. */
  secrets: readonly (string | null)[];
}

/**
 * The longest wait a provider can impose. Some servers put a Unix timestamp (or a date years away) in
 * `Retry-After`; taken as asked, one such answer would lock a provider out for years.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;
/** A bare number this large is a Unix timestamp in seconds (2001 onwards), not a delay. */
const EPOCH_SECONDS_FROM = 1_000_000_000;

/** A rate-limit end clamped to [now, now + MAX_RATE_LIMIT_WAIT_MS]. */
export function capRetryAt(retryAt: number, now: number): number {
  return Math.min(Math.max(now, retryAt), now + MAX_RATE_LIMIT_WAIT_MS);
}

/**
 * Whether a stored rate-limit end still holds. An end further ahead than the cap was never written by
 * this version (an older one took `Retry-After` as given): it is ignored rather than obeyed.
 */
export function stillLimited(retryAt: number, now: number): boolean {
  return now < retryAt && retryAt - now <= MAX_RATE_LIMIT_WAIT_MS;
}

/**
 * `Retry-After` as seconds, an HTTP date or (not standard, but seen) a Unix timestamp, to epoch ms,
 * never more than an hour ahead; null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    const number = Number(value);
    return capRetryAt(number >= EPOCH_SECONDS_FROM ? number * 1000 : now + number * 1000, now);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : capRetryAt(date, now);
}

function statusError(request: JsonRequest, response: Response, body: unknown, now: number): ProviderError {
  const { provider } = request;
  const { status } = response;
  const read = request.readErrorBody(body);
  const requestId = read.requestId ?? response.headers.get('x-request-id');
  const base = { status, requestId };
  if (status === 401) return providerError(provider, 'unauthenticated', base);
  if (status === 403) return providerError(provider, 'forbidden', base);
  if (status === 404) return providerError(provider, 'not-found', base);
  if (status === 429) {
    const retryAt =
      parseRetryAfter(response.headers.get('retry-after'), now) ?? now + DEFAULT_RATE_LIMIT_WAIT_MS;
    return providerError(provider, 'rate-limited', { ...base, retryAt, waitMs: retryAt - now });
  }
  if (status >= 500) return providerError(provider, 'server', base);
  if (status >= 400) {
    const detail = read.detail ? redact(read.detail, request.secrets) : null;
    return providerError(provider, 'bad-request', { ...base, detail });
  }
  return providerError(provider, 'invalid-response', base);
}

/** In an extension a manual redirect is opaque (status 0, no `location`); elsewhere it can be read. */
function redirected(request: JsonRequest, response: Response): ProviderError {
  let redirectHost: string | null = null;
  const location = response.headers.get('location');
  if (location) {
    try {
      const target = new URL(location, request.url);
      if (target.origin !== new URL(request.url).origin) redirectHost = target.host;
    } catch {
      // An unreadable location is reported like an opaque one.
    }
  }
  return providerError(request.provider, 'redirected', { status: response.status || null, redirectHost });
}

/**
 * The body as text, or null past `MAX_RESPONSE_BYTES`: read as a stream and cancelled at the limit,
 * so a hostile or broken answer never sits whole in the worker's memory.
 */
async function readCapped(response: Response): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * One GET with a timeout, mapped to data: the parsed JSON body, or a `ProviderError`. Never throws,
 * never retries (see retry.ts), never puts a header value into an error.
 */
export async function getJson(env: HttpEnv, request: JsonRequest): Promise<Fetched<unknown>> {
  const { provider } = request;
  const timeoutMs = env.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await env.fetch(request.url, {
      method: 'GET',
      headers: { accept: 'application/json', ...request.headers },
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      // The Fetch standard keeps custom headers (our keys) on a redirect to another origin.
      redirect: 'manual',
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { ok: false, error: redirected(request, response) };
    }
    const text = await readCapped(response);
    if (text === null) {
      const tooLarge = { what: 'answer' as const, limitBytes: MAX_RESPONSE_BYTES };
      return {
        ok: false,
        error: providerError(provider, 'too-large', { status: response.status, tooLarge }),
      };
    }
    const json = parseJson(text);
    if (!response.ok)
      return { ok: false, error: statusError(request, response, json.ok ? json.value : null, env.now()) };
    if (!json.ok)
      return { ok: false, error: providerError(provider, 'invalid-response', { status: response.status }) };
    return { ok: true, value: json.value };
  } catch {
    return { ok: false, error: providerError(provider, timedOut ? 'timeout' : 'network', { timeoutMs }) };
  } finally {
    clearTimeout(timer);
  }
}

import type { ProviderError } from '../../shared/protocol';
import type { Provider } from '../../shared/track';
import { providerError, redact } from './provider-error';

/** Long enough for a slow 100-item answer, short enough that a first-run popup is not left hanging. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** A 429 without `Retry-After`: the shortest of bundle.social's windows that could have tripped is 10 s. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;

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
    });
    const text = await response.text();
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

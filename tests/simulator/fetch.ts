/**
 * `simulatorFetch`: a `fetch` answered by a simulator, for unit tests of code that calls `fetch`.
 */
import type { Simulator } from './simulator';

const NULL_BODY = new Set([101, 204, 205, 304]);

function abortError(signal: AbortSignal): unknown {
  const reason = signal.reason;
  return reason instanceof DOMException || reason instanceof Error
    ? reason.name === 'AbortError' || reason.name === 'TimeoutError'
      ? reason
      : new DOMException('The operation was aborted.', 'AbortError')
    : new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A `fetch` implementation answered by `sim`, returning real `Response` objects.
 *
 * - `init.signal` (or a `Request`'s signal) is honoured: aborting rejects with a `DOMException`
 *   named `AbortError` (or the signal's `TimeoutError` for `AbortSignal.timeout`).
 * - `hang` never settles unless the signal aborts.
 * - `offline` / `connection-refused`, and any host other than the two APIs, reject with
 *   `TypeError('Failed to fetch')` like a browser.
 * - The response's `url` is the request URL.
 */
export function simulatorFetch(sim: Simulator): typeof fetch {
  const simFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const url = request ? request.url : input instanceof URL ? input.href : String(input);
    const headers = new Headers(init?.headers ?? request?.headers);
    const method = init?.method ?? request?.method ?? 'GET';
    const signal = init?.signal ?? request?.signal ?? null;
    if (signal?.aborted) throw abortError(signal);

    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw new TypeError(`Failed to fetch: invalid URL ${url}`);
    }
    if (origin !== 'https://api.bundle.social' && origin !== 'https://api.layers.com')
      throw new TypeError('Failed to fetch');

    let answer: Awaited<ReturnType<Simulator['handle']>>;
    try {
      answer = await sim.handle({ method, url, headers, signal });
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      throw error;
    }
    if (answer.fault === 'hang') {
      return new Promise<Response>((_, reject) => {
        if (!signal) return; // never settles
        if (signal.aborted) reject(abortError(signal));
        signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
      });
    }
    if (answer.fault) throw new TypeError('Failed to fetch');
    if (signal?.aborted) throw abortError(signal);

    const body = NULL_BODY.has(answer.status) || method.toUpperCase() === 'HEAD' ? null : answer.body;
    const response = new Response(body, { status: answer.status, headers: answer.headers });
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };
  return simFetch as typeof fetch;
}

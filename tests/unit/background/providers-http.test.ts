import { describe, expect, it } from 'vitest';
import { readBundleSocialError } from '@/lib/background/providers/bundle-social';
import { DEFAULT_RATE_LIMIT_WAIT_MS, getJson, parseRetryAfter } from '@/lib/background/providers/http';
import { readLayersError } from '@/lib/background/providers/layers';
import { redact } from '@/lib/background/providers/provider-error';
import { describeWait } from '@/lib/shared/waits';

const NOW = Date.UTC(2026, 1, 15, 12);
const KEY = 'pk_live_secret_4f8c2a9e7b1d3f5a6c8e';

function answering(status: number, body: string, headers: Record<string, string> = {}): typeof fetch {
  return (async () => new Response(body, { status, headers })) as typeof fetch;
}

function get(
  fetchImpl: typeof fetch,
  provider: 'bundle-social' | 'layers' = 'bundle-social',
  timeoutMs = 100,
) {
  return getJson(
    { fetch: fetchImpl, now: () => NOW, timeoutMs },
    {
      provider,
      url: 'https://api.bundle.social/x',
      headers: { 'x-api-key': KEY },
      readErrorBody: provider === 'layers' ? readLayersError : readBundleSocialError,
      secrets: [KEY],
    },
  );
}

const bundleBody = (statusCode: number, message: string) => JSON.stringify({ statusCode, message });
const layersBody = (code: string) =>
  JSON.stringify({ error: { code, message: 'nope', requestId: 'req_123', details: {} } });

describe('HTTP answers become provider errors', () => {
  it.each([
    [400, bundleBody(400, 'bad'), 'bad-request', 'open-settings'],
    [401, bundleBody(401, 'Unauthorized'), 'unauthenticated', 'open-settings'],
    [403, bundleBody(403, 'Forbidden'), 'forbidden', 'open-settings'],
    [404, bundleBody(404, 'Team not found'), 'not-found', 'open-settings'],
    [429, bundleBody(429, 'Too Many Requests'), 'rate-limited', 'wait'],
    [500, bundleBody(500, 'Internal'), 'server', 'retry'],
    [502, '<html><h1>502 Bad Gateway</h1></html>', 'server', 'retry'],
    [503, '', 'server', 'retry'],
  ])('bundle.social %i → %s', async (status, body, kind, action) => {
    const result = await get(answering(status, body));
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind, status, action, provider: 'bundle-social' }),
    });
    if (!result.ok) expect(result.error.message).toMatch(/^bundle\.social .*: .*\.$/);
  });

  it.each([
    [401, 'UNAUTHENTICATED', 'unauthenticated'],
    [403, 'FORBIDDEN_SCOPE', 'forbidden'],
    [422, 'VALIDATION', 'bad-request'],
    [500, 'INTERNAL', 'server'],
  ])('Layers %i %s → %s, with its request id', async (status, code, kind) => {
    const result = await get(answering(status, layersBody(code)), 'layers');
    expect(!result.ok && result.error).toMatchObject({
      kind,
      status,
      requestId: 'req_123',
      provider: 'layers',
    });
  });

  it('takes the request id from x-request-id when the body has none', async () => {
    const result = await get(answering(500, '', { 'x-request-id': 'hdr_9' }));
    expect(!result.ok && result.error.requestId).toBe('hdr_9');
  });

  it('quotes a bad request’s reason, with any key cut out', async () => {
    const body = JSON.stringify({
      message: `Validation failed for ${KEY}`,
      issues: [{ code: 'invalid_enum_value', message: "Invalid enum value. Received 'R'", path: ['genre'] }],
    });
    const result = await get(answering(400, body));
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message).toContain("Received 'R'");
    expect(JSON.stringify(result.error)).not.toContain(KEY);
  });

  it.each([
    ['malformed JSON', 200, '[{"commercial_music_name":"Gol'],
    ['an HTML page', 200, '<!DOCTYPE html><html></html>'],
    ['an empty body', 200, ''],
  ])('calls %s with 200 invalid-response', async (_, status, body) => {
    const result = await get(answering(status, body));
    expect(!result.ok && result.error).toMatchObject({ kind: 'invalid-response', status: 200 });
  });

  it('passes a JSON body through untouched, 19-digit strings included', async () => {
    const result = await get(answering(200, '[{"song_clip_id":"7349215836019472385"}]'));
    expect(result).toEqual({ ok: true, value: [{ song_clip_id: '7349215836019472385' }] });
  });

  it('calls a failed fetch a network error', async () => {
    const result = await get((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(!result.ok && result.error).toMatchObject({ kind: 'network', action: 'retry', status: null });
  });

  it('aborts a request that outlives its timeout', async () => {
    let aborted = false;
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      })) as typeof fetch;
    const started = Date.now();
    const result = await get(hanging, 'bundle-social', 50);
    expect(!result.ok && result.error.kind).toBe('timeout');
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never sends cookies and never reads the HTTP cache', async () => {
    let seen: RequestInit | undefined;
    await get((async (_: unknown, init?: RequestInit) => {
      seen = init;
      return new Response('[]');
    }) as typeof fetch);
    expect(seen).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });
});

describe('rate limits', () => {
  it.each([
    ['seconds', '30', NOW + 30_000],
    ['an HTTP date', new Date(NOW + 120_000).toUTCString(), NOW + 120_000],
    ['a date in the past', new Date(NOW - 5_000).toUTCString(), NOW],
    ['garbage', 'soon', null],
    ['nothing', null, null],
    ['a Unix timestamp 40 s ahead', String(Math.floor(NOW / 1000) + 40), NOW + 40_000],
    ['a Unix timestamp in the past', String(Math.floor(NOW / 1000) - 40), NOW],
    // Never more than an hour, however the header reads.
    ['a Unix timestamp days ahead', String(Math.floor(NOW / 1000) + 5 * 86_400), NOW + 3_600_000],
    ['a huge number of seconds', '99999999', NOW + 3_600_000],
    ['an HTTP date next year', new Date(NOW + 365 * 86_400_000).toUTCString(), NOW + 3_600_000],
  ])('reads Retry-After given as %s', (_, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it('says at most an hour when a 429 carries a Unix timestamp in Retry-After', async () => {
    const answer = await get(
      answering(429, '{}', { 'retry-after': String(Math.floor(NOW / 1000) + 7 * 86_400) }),
    );
    expect(!answer.ok && answer.error.retryAt).toBe(NOW + 3_600_000);
    expect(!answer.ok && answer.error.message).toContain('wait 60 minutes before trying again');
  });

  it('puts the retry time on a 429, and a default wait when there is no header', async () => {
    const withHeader = await get(answering(429, '{}', { 'retry-after': '120' }));
    expect(!withHeader.ok && withHeader.error).toMatchObject({ retryAt: NOW + 120_000, action: 'wait' });
    expect(!withHeader.ok && withHeader.error.message).toContain('2 minutes');
    const without = await get(answering(429, '{}'));
    expect(!without.ok && without.error.retryAt).toBe(NOW + DEFAULT_RATE_LIMIT_WAIT_MS);
  });

  it.each([
    [1_000, '1 second'],
    [45_000, '45 seconds'],
    [600_000, '10 minutes'],
    [3 * 3_600_000, '3 hours'],
  ])('says a wait of %i ms as "%s"', (ms, words) => {
    expect(describeWait(ms)).toBe(words);
  });
});

describe('redact', () => {
  it.each([
    [`key ${KEY} rejected`, [KEY], 'key … rejected'],
    ['token lp_live_abcdef123456 bad', [], 'token … bad'],
    ['plain words', [KEY], 'plain words'],
  ])('cuts secrets out of "%s"', (text, secrets, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });
});

describe('redirects', () => {
  /** Answers like a provider that redirects, and records whether the redirect was left unfollowed. */
  function redirecting(location: string) {
    const seen: RequestInit[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      // What fetch does with each mode: `follow` would go on to `location` with the key's header.
      if (init.redirect !== 'manual') return new Response('{"data":[]}', { status: 200 });
      return new Response(null, { status: 302, headers: { location } });
    }) as typeof fetch;
    return { fetchImpl, seen };
  }

  it('does not follow a redirect to another site, and names that site', async () => {
    const { fetchImpl, seen } = redirecting('https://collector.example/steal');
    const result = await get(fetchImpl);
    expect(seen.map((init) => init.redirect)).toEqual(['manual']);
    expect(!result.ok && result.error).toMatchObject({ kind: 'redirected', action: 'retry' });
    expect(!result.ok && result.error.message).toBe(
      'bundle.social answered with a redirect to another site: collector.example. Cleartune did not follow it, so your key was not sent there: try again later, and report it if it keeps happening.',
    );
  });

  it('says so without a site when the browser hides where the redirect goes', async () => {
    // In an extension, a manual redirect is an opaque response: status 0, no headers.
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      headers: new Headers(),
      text: async () => '',
    };
    const result = await get((async () => opaque) as unknown as typeof fetch, 'layers');
    expect(!result.ok && result.error.kind).toBe('redirected');
    expect(!result.ok && result.error.message).toMatch(
      /^Layers answered with a redirect\. Cleartune does not follow redirects, /,
    );
  });
});

describe('answers too large to read', () => {
  /** A 200 whose body streams `total` bytes of JSON white space, recording how much was pulled. */
  function streaming(total: number, headers: Record<string, string> = {}) {
    let pulled = 0;
    const chunk = 256 * 1024;
    const fetchImpl = (async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= total) return controller.close();
          const size = Math.min(chunk, total - pulled);
          pulled += size;
          controller.enqueue(new Uint8Array(size).fill(0x20));
        },
      });
      return new Response(body, { status: 200, headers });
    }) as typeof fetch;
    return { fetchImpl, pulled: () => pulled };
  }
  const MB = 1024 * 1024;
  const TOO_LARGE =
    'Layers sent an answer larger than 8 MB, which Cleartune does not read: try again later, and report it if it keeps happening.';

  it('stops reading past 8 MB and says the answer was too large', async () => {
    const { fetchImpl, pulled } = streaming(40 * MB);
    const result = await get(fetchImpl, 'layers', 5_000);
    expect(!result.ok && result.error).toMatchObject({ kind: 'too-large', action: 'retry', status: 200 });
    expect(!result.ok && result.error.message).toBe(TOO_LARGE);
    // It gave up soon after the limit instead of reading 40 MB into memory.
    expect(pulled()).toBeLessThan(9 * MB);
  });

  it('refuses an answer whose Content-Length is over the limit without reading it', async () => {
    const { fetchImpl, pulled } = streaming(9 * MB, { 'content-length': String(9 * MB) });
    const result = await get(fetchImpl, 'layers', 5_000);
    expect(!result.ok && result.error.message).toBe(TOO_LARGE);
    expect(pulled()).toBeLessThan(MB);
  });

  it('reads an answer just under the limit', async () => {
    const padding = ' '.repeat(8 * MB - 20);
    const result = await get(answering(200, `{"data":[]${padding}}`));
    expect(result).toEqual({ ok: true, value: { data: [] } });
  });
});

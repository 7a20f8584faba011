import type { ProviderError, ProviderErrorKind } from '../../shared/protocol';
import { PROVIDER_NAMES, type Provider } from '../../shared/track';
import { describeWait, rateLimitSentence } from '../../shared/waits';

type Action = ProviderError['action'];

export interface ErrorDetails {
  status?: number | null;
  requestId?: string | null;
  retryAt?: number | null;
  /** How long until `retryAt`, for the sentence; the popup renders its own countdown from `retryAt`. */
  waitMs?: number | null;
  /** What the provider said, already stripped of secrets (bad requests only). */
  detail?: string | null;
  timeoutMs?: number;
  /** For `not-configured`: which setting is missing. */
  missing?: 'key' | 'team';
  /**
   * For `invalid-response` on a 200 that would have replaced cached tracks: the list was empty, or
   * most of its items could not be read. The cached tracks are kept and shown.
   */
  list?: { received: number; unreadable: number };
  /** For `redirected`: the host it pointed to, when the browser lets us see it. */
  redirectHost?: string | null;
  /**
   * For `too-large`: an `answer` cut off while reading (its size is unknown past the limit), or a
   * `list` read in full that would take more than its share of the cache.
   */
  tooLarge?: { what: 'answer'; limitBytes: number } | { what: 'list'; bytes: number; limitBytes: number };
}

/** Megabytes for a sentence: "8", "4.5", "0.2". */
function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

function sentence(provider: Provider, kind: ProviderErrorKind, d: ErrorDetails): [string, Action] {
  const name = PROVIDER_NAMES[provider];
  const cml = provider === 'bundle-social';
  switch (kind) {
    case 'not-configured':
      return d.missing === 'team'
        ? [`${name} needs a team before it can list tracks: choose one in Settings.`, 'open-settings']
        : [`${name} has no API key yet: add one in Settings.`, 'open-settings'];
    case 'unauthenticated':
      return [
        cml
          ? `${name} did not accept the API key as sent: paste the key again in Settings.`
          : `${name} rejected the API key: check it in Settings.`,
        'open-settings',
      ];
    case 'forbidden':
      return [
        cml
          ? `${name} rejected the API key: check it in Settings.`
          : `${name} refused the key because it lacks the publish:read scope: grant that scope or use another key in Settings.`,
        'open-settings',
      ];
    case 'not-found':
      return cml
        ? [
            `${name} could not find the team or the list: choose your team again in Settings.`,
            'open-settings',
          ]
        : [`${name} could not find the music catalog: try again later.`, 'retry'];
    case 'bad-request': {
      const why = d.detail ? ` (${d.detail})` : '';
      return cml
        ? [`${name} refused the request${why}: check the team in Settings.`, 'open-settings']
        : [`${name} refused the request${why}: try again, or check the key in Settings.`, 'retry'];
    }
    case 'rate-limited':
      return [rateLimitSentence(provider, d.waitMs ?? 0), 'wait'];
    case 'server':
      return [
        `${name} had a server error${d.status ? ` (${d.status})` : ''}: try again in a few minutes.`,
        'retry',
      ];
    case 'offline':
      return [`You are offline, so ${name} cannot be reached: reconnect and try again.`, 'retry'];
    case 'network':
      return [`${name} could not be reached: check your connection and try again.`, 'retry'];
    case 'timeout':
      return [`${name} did not answer within ${describeWait(d.timeoutMs ?? 15_000)}: try again.`, 'retry'];
    case 'redirected':
      return [
        d.redirectHost
          ? `${name} answered with a redirect to another site: ${d.redirectHost}. Cleartune did not follow it, so your key was not sent there: try again later, and report it if it keeps happening.`
          : `${name} answered with a redirect. Cleartune does not follow redirects, so your key was not sent anywhere else: try again later, and report it if it keeps happening.`,
        'retry',
      ];
    case 'too-large': {
      const size = d.tooLarge;
      if (size?.what === 'list')
        return [
          `${name} sent a list too large to keep (${megabytes(size.bytes)} MB; one list may take at most ${megabytes(size.limitBytes)} MB), so it was not saved and your other cached lists were kept: try again later, and report it if it keeps happening.`,
          'retry',
        ];
      const what = size ? `an answer larger than ${megabytes(size.limitBytes)} MB` : 'an answer too large';
      return [
        `${name} sent ${what}, which Cleartune does not read: try again later, and report it if it keeps happening.`,
        'retry',
      ];
    }
    case 'invalid-response':
      if (d.list && d.list.received === 0)
        return [
          `${name} sent an empty list, so the tracks shown are from the last good refresh: try again later.`,
          'retry',
        ];
      if (d.list)
        return [
          `${name} sent a list Cleartune could not read (${d.list.unreadable} of ${d.list.received} items), so the tracks shown are from the last good refresh: try again later, and report it if it keeps happening.`,
          'retry',
        ];
      return [
        `${name} sent a response Cleartune cannot read: try again later, and report it if it keeps happening.`,
        'retry',
      ];
  }
}

/** Every failure as data with a one-sentence message naming provider, cause and fix; never a key. */
export function providerError(
  provider: Provider,
  kind: ProviderErrorKind,
  details: ErrorDetails = {},
): ProviderError {
  const [message, action] = sentence(provider, kind, details);
  return {
    kind,
    provider,
    message,
    status: details.status ?? null,
    requestId: details.requestId ?? null,
    retryAt: details.retryAt ?? null,
    action,
  };
}

/** A provider's own words, shortened and with every secret cut out, fit to quote in a message. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('…');
  // Anything shaped like a bundle.social or Layers key, even one we were not told about.
  out = out.replace(/\b(pk|sk|lp)_[A-Za-z0-9_-]{6,}/g, '…');
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > 120 ? `${out.slice(0, 119)}…` : out;
}

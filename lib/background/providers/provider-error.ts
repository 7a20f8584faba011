import { i18n } from '#i18n';
import { uiLanguage } from '../../shared/locale';
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

/** Megabytes for a sentence, in the catalog's language: "8", "4.5" ("4,5" in German), "0.2". */
function megabytes(bytes: number): string {
  return new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

function sentence(provider: Provider, kind: ProviderErrorKind, d: ErrorDetails): [string, Action] {
  const name = PROVIDER_NAMES[provider];
  const cml = provider === 'bundle-social';
  switch (kind) {
    case 'not-configured':
      return d.missing === 'team'
        ? [i18n.t('background.provider.noTeam', { name }), 'open-settings']
        : [i18n.t('background.provider.noKey', { name }), 'open-settings'];
    case 'unauthenticated':
      return [
        i18n.t(cml ? 'background.provider.keyNotAccepted' : 'background.provider.keyRejected', { name }),
        'open-settings',
      ];
    case 'forbidden':
      return [
        i18n.t(cml ? 'background.provider.keyRejected' : 'background.provider.noScope', { name }),
        'open-settings',
      ];
    case 'not-found':
      return cml
        ? [i18n.t('background.provider.teamNotFound', { name }), 'open-settings']
        : [i18n.t('background.provider.catalogNotFound', { name }), 'retry'];
    case 'bad-request': {
      const why = d.detail ? ` (${d.detail})` : '';
      return cml
        ? [i18n.t('background.provider.refusedTeam', { name, why }), 'open-settings']
        : [i18n.t('background.provider.refusedKey', { name, why }), 'retry'];
    }
    case 'rate-limited':
      return [rateLimitSentence(provider, d.waitMs ?? 0), 'wait'];
    case 'server':
      return [
        i18n.t('background.provider.server', { name, status: d.status ? ` (${d.status})` : '' }),
        'retry',
      ];
    case 'offline':
      return [i18n.t('background.provider.offline', { name }), 'retry'];
    case 'network':
      return [i18n.t('background.provider.network', { name }), 'retry'];
    case 'timeout':
      return [
        i18n.t('background.provider.timeout', { name, wait: describeWait(d.timeoutMs ?? 15_000) }),
        'retry',
      ];
    case 'redirected':
      return [
        d.redirectHost
          ? i18n.t('background.provider.redirectTo', { name, host: d.redirectHost })
          : i18n.t('background.provider.redirect', { name }),
        'retry',
      ];
    case 'too-large': {
      const size = d.tooLarge;
      if (size?.what === 'list')
        return [
          i18n.t('background.provider.listTooLarge', {
            name,
            size: megabytes(size.bytes),
            limit: megabytes(size.limitBytes),
          }),
          'retry',
        ];
      return [
        size
          ? i18n.t('background.provider.answerOverLimit', { name, limit: megabytes(size.limitBytes) })
          : i18n.t('background.provider.answerTooLarge', { name }),
        'retry',
      ];
    }
    case 'invalid-response':
      if (d.list && d.list.received === 0)
        return [i18n.t('background.provider.emptyList', { name }), 'retry'];
      if (d.list)
        return [
          i18n.t('background.provider.unreadableList', d.list.received, {
            name,
            unreadable: d.list.unreadable,
          }),
          'retry',
        ];
      return [i18n.t('background.provider.unreadable', { name }), 'retry'];
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

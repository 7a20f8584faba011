/**
 * Rate-limit sentences, zod-free: the background words an error once, and the popup and options
 * page re-word it as time passes, so "wait 2 seconds" never stays on screen minutes later.
 */
import { i18n } from '#i18n';
import { PROVIDER_NAMES, type Provider } from './track';

/** Readable wait: "12 seconds", "3 minutes", "2 hours". */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return i18n.t('errors.wait.seconds', seconds);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return i18n.t('errors.wait.minutes', minutes);
  return i18n.t('errors.wait.hours', Math.ceil(minutes / 60));
}

export function rateLimitSentence(provider: Provider, waitMs: number): string {
  return i18n.t('errors.rateLimited', { provider: PROVIDER_NAMES[provider], wait: describeWait(waitMs) });
}

/** The part of a provider error these sentences need. */
export interface WaitingError {
  kind: string;
  provider: Provider;
  message: string;
  retryAt: number | null;
}

/** Whether `error` is a rate limit whose wait is still running at `now`. */
export function isWaiting(error: WaitingError | null | undefined, now: number): boolean {
  return error?.kind === 'rate-limited' && error.retryAt !== null && error.retryAt > now;
}

/** An error's sentence as of `now`: a rate limit counts down, then says the wait is over. */
export function sentenceAt(error: WaitingError, now: number): string {
  if (error.kind !== 'rate-limited' || error.retryAt === null) return error.message;
  if (error.retryAt > now) return rateLimitSentence(error.provider, error.retryAt - now);
  return i18n.t('errors.rateLimitOver', { provider: PROVIDER_NAMES[error.provider] });
}

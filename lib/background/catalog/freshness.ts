import type { DateRange } from '../../shared/genres';
import { CML_PREVIEW_LIFETIME_MS, HOUR_MS } from '../../shared/time';
import { stillLimited } from '../providers/http';
import type { CatalogEntry } from './catalog-cache';
import type { EntryId } from './entry-key';

/**
 * How long an entry counts as fresh. CML previews die 6 h after the fetch, so nothing CML is fresh
 * longer. A 1-day chart moves within the day, so 1 h; a 7-day chart shifts slowly, 3 h; a 30-day
 * chart barely moves in a day, so the preview lifetime is the only limit. Layers rebuilds its
 * catalog every 12 h and its preview URLs are permanent: 12 h.
 */
export const CML_FRESH_FOR_MS: Record<DateRange, number> = {
  '1DAY': 1 * HOUR_MS,
  '7DAY': 3 * HOUR_MS,
  '30DAY': CML_PREVIEW_LIFETIME_MS,
};
export const LAYERS_FRESH_FOR_MS = 12 * HOUR_MS;

/** After a transient failure, how long before merely opening the popup tries again on its own. */
export const ERROR_RETRY_MS = 60_000;

export function freshForMs(id: EntryId): number {
  return id.provider === 'layers' ? LAYERS_FRESH_FOR_MS : CML_FRESH_FOR_MS[id.range];
}

export function isFresh(entry: CatalogEntry, now: number): boolean {
  return entry.fetchedAt !== null && now - entry.fetchedAt < freshForMs(entry.id);
}

/**
 * Whether a refresh should start behind an answer. `settingsChangedAt` lets a failure caused by a
 * bad key or team be retried as soon as the user has changed one. `earlyMs` lets the periodic
 * refresh renew entries that would go stale before its next run.
 */
export function isDue(
  entry: CatalogEntry | undefined,
  now: number,
  settingsChangedAt: number,
  earlyMs = 0,
): boolean {
  if (!entry) return true;
  const { error } = entry;
  if (error) {
    if (error.retryAt !== null) return !stillLimited(error.retryAt, now);
    if (entry.attemptedAt < settingsChangedAt) return true;
    // A failure only a settings change can fix (a rejected key, an unknown team) is not retried on
    // its own; the popup's Retry still forces a try.
    if (error.action === 'open-settings') return false;
    if (now - entry.attemptedAt < ERROR_RETRY_MS) return false;
    return true;
  }
  return entry.fetchedAt === null || now - entry.fetchedAt >= freshForMs(entry.id) - earlyMs;
}

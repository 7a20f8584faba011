import { i18n } from '#i18n';
import type { CatalogAnswer, CatalogPart, Source } from '../shared/protocol';
import { formatAge } from './format';

/** The status line's words for the data on screen: its age and whether it is being refreshed. */
export function statusText(answer: CatalogAnswer | null, refreshing: boolean, now: number): string {
  if (!answer) return refreshing ? i18n.t('popup.status.loading') : '';
  const times = answer.parts.flatMap((part) => (part.fetchedAt === null ? [] : [part.fetchedAt]));
  const age =
    times.length > 0
      ? i18n.t('popup.status.updated', { age: formatAge(Math.min(...times), now) })
      : i18n.t('popup.status.notLoaded');
  const busy = refreshing || answer.parts.some((part) => part.status === 'refreshing');
  if (answer.offline) return i18n.t('popup.status.offline', { age });
  if (busy) return i18n.t('popup.status.refreshing', { age });
  return age.charAt(0).toUpperCase() + age.slice(1);
}

export function isRefreshing(answer: CatalogAnswer | null): boolean {
  return Boolean(answer?.parts.some((part) => part.status === 'refreshing'));
}

/** First run: no provider has a key yet, so the popup sends the user to the options page. */
export function isFirstRun(answer: CatalogAnswer | null): boolean {
  return Boolean(
    answer &&
      answer.tracks.length === 0 &&
      answer.parts.length > 0 &&
      answer.parts.every((part) => part.error?.kind === 'not-configured'),
  );
}

/**
 * The errors worth a banner. A provider that is merely not connected is news only when the user
 * picked that provider; with "All", the connected one speaks for itself.
 */
export function partsToReport(answer: CatalogAnswer | null, source: Source): CatalogPart[] {
  if (!answer || isFirstRun(answer)) return [];
  return answer.parts.filter(
    (part) =>
      part.status === 'error' &&
      part.error !== null &&
      (part.error.kind !== 'not-configured' || source !== 'all'),
  );
}

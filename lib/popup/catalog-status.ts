import type { CatalogAnswer, CatalogPart, Source } from '../shared/protocol';
import { formatAge } from './format';

/** The status line's words for the data on screen: its age and whether it is being refreshed. */
export function statusText(answer: CatalogAnswer | null, refreshing: boolean, now: number): string {
  if (!answer) return refreshing ? 'Loading…' : '';
  const times = answer.parts.flatMap((part) => (part.fetchedAt === null ? [] : [part.fetchedAt]));
  const age = times.length > 0 ? `updated ${formatAge(Math.min(...times), now)}` : 'not loaded yet';
  const busy = refreshing || answer.parts.some((part) => part.status === 'refreshing');
  if (answer.offline) return `Offline — ${age}`;
  if (busy) return `Refreshing… (${age})`;
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

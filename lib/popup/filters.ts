import { i18n } from '#i18n';
/** The popup's filters, in the order they are applied (the order the empty state reports). */

export const DURATION_RANGES = {
  any: { above: null, upTo: null },
  short: { above: null, upTo: 30 },
  medium: { above: 30, upTo: 60 },
  long: { above: 60, upTo: 180 },
  extended: { above: 180, upTo: null },
} as const;
export type DurationRange = keyof typeof DURATION_RANGES;

/** "Up to 30 s", in the catalog's language. */
export function durationLabel(range: DurationRange): string {
  return i18n.t(`popup.duration.${range}`);
}

export interface Filters {
  duration: DurationRange;
  clearedOnly: boolean;
  /** ISO-639-1 code (Layers tracks carry one), or null for any language. */
  language: string | null;
  favoritesOnly: boolean;
  /** Only tracks marked New or Breakout. */
  trendingOnly: boolean;
  /** Hide tracks used within the rotation window (options: N days). */
  hideUsed: boolean;
  /** Only these track keys: the tracks an alert named (its notification was clicked). */
  only: readonly string[] | null;
}

export const DEFAULT_FILTERS: Filters = {
  duration: 'any',
  clearedOnly: false,
  language: null,
  favoritesOnly: false,
  trendingOnly: false,
  hideUsed: false,
  only: null,
};

export function inDurationRange(seconds: number | null, range: DurationRange): boolean {
  const { above, upTo } = DURATION_RANGES[range];
  if (above === null && upTo === null) return true;
  if (seconds === null) return false;
  return (above === null || seconds > above) && (upTo === null || seconds <= upTo);
}

/** How many filters differ from the defaults, for the "Filters (2)" button. */
export function activeFilterCount(filters: Filters): number {
  return (
    Number(filters.duration !== 'any') +
    Number(filters.clearedOnly) +
    Number(filters.language !== null) +
    Number(filters.favoritesOnly) +
    Number(filters.trendingOnly) +
    Number(filters.hideUsed) +
    Number(filters.only !== null)
  );
}

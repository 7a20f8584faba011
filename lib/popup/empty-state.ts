import type { DateRange } from '../shared/genres';
import { DATE_RANGE_LABELS, genreLabel } from '../shared/genres';
import type { Source } from '../shared/protocol';
import { PROVIDER_NAMES } from '../shared/track';
import { DURATION_RANGES, type Filters } from './filters';
import { languageLabel } from './format';
import type { EmptyReason } from './results';

export type EmptyFix =
  | 'clear-search'
  | 'any-duration'
  | 'any-language'
  | 'all-clearance'
  | 'all-tracks'
  | 'all-trends'
  | 'not-only-alerted'
  | 'show-used';

export interface EmptyMessage {
  text: string;
  fix: { label: string; action: EmptyFix } | null;
}

interface Context {
  search: string;
  filters: Filters;
  source: Source;
  genre: string;
  range: DateRange;
  rotationDays?: number;
}

/** Says which filter excluded everything, and offers to lift exactly that one. */
export function emptyMessage(reason: EmptyReason, context: Context): EmptyMessage {
  switch (reason) {
    case 'search':
      return {
        text: `No track matches “${context.search.trim()}”.`,
        fix: { label: 'Clear search', action: 'clear-search' },
      };
    case 'duration':
      return {
        text: `No matching track is ${DURATION_RANGES[context.filters.duration].label.toLowerCase()} long.`,
        fix: { label: 'Any length', action: 'any-duration' },
      };
    case 'language':
      return {
        text: `No matching track is in ${languageLabel(context.filters.language ?? '')}.`,
        fix: { label: 'Any language', action: 'any-language' },
      };
    case 'cleared':
      return {
        text: 'No matching track is cleared for business use.',
        fix: { label: 'Show uncleared tracks', action: 'all-clearance' },
      };
    case 'favorites':
      return {
        text: 'None of your favorites is in this list.',
        fix: { label: 'Show all tracks', action: 'all-tracks' },
      };
    case 'alerted':
      return {
        text: 'The tracks the alert named are not in this list any more.',
        fix: { label: 'Show all tracks', action: 'not-only-alerted' },
      };
    case 'trending':
      return {
        text: 'No matching track is New or Breakout right now.',
        fix: { label: 'Show all trends', action: 'all-trends' },
      };
    case 'used': {
      const days = context.rotationDays ?? 0;
      return {
        text: `Every matching track was used in the last ${days} ${days === 1 ? 'day' : 'days'}.`,
        fix: { label: 'Show used tracks', action: 'show-used' },
      };
    }
    default: {
      const where = context.source === 'all' ? '' : ` from ${PROVIDER_NAMES[context.source]}`;
      const genre = context.genre === 'ALL' ? 'any genre' : genreLabel(context.genre);
      return {
        text: `No trending tracks${where} for ${genre} in the last ${DATE_RANGE_LABELS[context.range]}.`,
        fix: null,
      };
    }
  }
}

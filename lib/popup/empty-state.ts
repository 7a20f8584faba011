import { i18n } from '#i18n';
import type { DateRange } from '../shared/genres';
import { dateRangeLabels, genreLabel } from '../shared/genres';
import type { Source } from '../shared/protocol';
import { PROVIDER_NAMES } from '../shared/track';
import { durationLabel, type Filters } from './filters';
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
        text: i18n.t('popup.empty.search', { search: context.search.trim() }),
        fix: { label: i18n.t('popup.empty.clearSearch'), action: 'clear-search' },
      };
    case 'duration':
      return {
        text: i18n.t('popup.empty.duration', { length: lowerFirst(durationLabel(context.filters.duration)) }),
        fix: { label: durationLabel('any'), action: 'any-duration' },
      };
    case 'language':
      return {
        text: i18n.t('popup.empty.language', { language: languageLabel(context.filters.language ?? '') }),
        fix: { label: i18n.t('popup.filters.anyLanguage'), action: 'any-language' },
      };
    case 'cleared':
      return {
        text: i18n.t('popup.empty.cleared'),
        fix: { label: i18n.t('popup.empty.showUncleared'), action: 'all-clearance' },
      };
    case 'favorites':
      return {
        text: i18n.t('popup.empty.favorites'),
        fix: { label: i18n.t('popup.empty.showAll'), action: 'all-tracks' },
      };
    case 'alerted':
      return {
        text: i18n.t('popup.empty.alerted'),
        fix: { label: i18n.t('popup.empty.showAll'), action: 'not-only-alerted' },
      };
    case 'trending':
      return {
        text: i18n.t('popup.empty.trending'),
        fix: { label: i18n.t('popup.empty.showTrends'), action: 'all-trends' },
      };
    case 'used':
      return {
        text: i18n.t('popup.empty.used', context.rotationDays ?? 0),
        fix: { label: i18n.t('popup.empty.showUsed'), action: 'show-used' },
      };
    default: {
      const genre = context.genre === 'ALL' ? i18n.t('popup.empty.anyGenre') : genreLabel(context.genre);
      const range = dateRangeLabels()[context.range];
      return {
        text:
          context.source === 'all'
            ? i18n.t('popup.empty.none', { genre, range })
            : i18n.t('popup.empty.noneFrom', { provider: PROVIDER_NAMES[context.source], genre, range }),
        fix: null,
      };
    }
  }
}

/** "Bis zu 30 s" → "bis zu 30 s", for a label that goes mid-sentence. */
function lowerFirst(label: string): string {
  return label.charAt(0).toLocaleLowerCase() + label.slice(1);
}

/**
 * The History view's logic, pure: the usage record searched (folded like the finder's search),
 * filtered by site and provider, grouped by local day ("Today", "Yesterday", then dates), and an
 * entry turned back into a track for "Use again".
 */
import { uiLanguage } from '../shared/locale';
import type { Output } from '../shared/protocol';
import { foldText } from '../shared/text';
import { DAY_MS } from '../shared/time';
import {
  CLIP_ID_PATTERN,
  type ClipChoice,
  PROVIDER_NAMES,
  type Provider,
  type Track,
  trackKey,
} from '../shared/track';
import type { TrackEntry } from './catalog-index';
import { findChosenEntry } from './row-actions';
import { matchesWords, queryWords } from './search';

/** One entry of the record, as `getUsage` answers it. */
export type HistoryRow = Output<'getUsage'>[number];

/** How many entries the view renders at first, and how many more each "Show more" adds. */
export const HISTORY_PAGE = 200;

export interface HistoryItem {
  row: HistoryRow;
  /** Stable across re-reads, so a focused button stays on its entry when a new use comes in on top. */
  key: string;
  searchKey: string;
}

export interface HistoryFilter {
  query: string;
  /** '' for every site. */
  site: string;
  /** '' for every provider. */
  provider: Provider | '';
}

export const NO_HISTORY_FILTER: HistoryFilter = { query: '', site: '', provider: '' };

/** The record ready to search: each entry's folded text computed once. */
export function historyItems(rows: readonly HistoryRow[]): HistoryItem[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = `${row.at}|${row.provider}|${row.id}|${row.site}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return {
      row,
      key: count === 0 ? base : `${base}#${count}`,
      // A separator no query word can contain keeps the fields apart.
      searchKey: foldText([row.title, row.artist, row.id, row.site].join('\u0000')),
    };
  });
}

/** Every word of the search must match title, artist, id or site; then the site and provider. */
export function filterHistory(items: readonly HistoryItem[], filter: HistoryFilter): HistoryItem[] {
  const words = queryWords(filter.query);
  return items.filter(
    ({ row, searchKey }) =>
      (!filter.site || row.site === filter.site) &&
      (!filter.provider || row.provider === filter.provider) &&
      matchesWords(searchKey, words),
  );
}

/** The sites and providers the record holds, for the filter menus (sites alphabetically). */
export function historyChoices(rows: readonly HistoryRow[]): {
  sites: string[];
  providers: { value: Provider; label: string }[];
} {
  const sites = [...new Set(rows.map((row) => row.site))].sort((a, b) => a.localeCompare(b));
  const providers = [...new Set(rows.map((row) => row.provider))]
    .sort()
    .map((value) => ({ value, label: PROVIDER_NAMES[value] }));
  return { sites, providers };
}

export interface HistoryClock {
  now: number;
  /** The catalog's language and the browser's zone unless given (tests fix both). */
  locale?: string;
  timeZone?: string;
}

export interface DayGroup {
  /** YYYY-MM-DD in the clock's zone. */
  day: string;
  label: string;
  items: HistoryItem[];
}

/** Formatters for one clock; made once per render of the list, not per entry. */
export function historyFormat({ now, locale = uiLanguage(), timeZone }: HistoryClock) {
  // Only to compute the day: en-US parts are digits in a known order, whatever the language shown.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dayOf = (at: number): string => {
    const all = parts.formatToParts(at);
    const part = (type: string) => all.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
  const today = dayOf(now);
  // Yesterday by the calendar, not 24 hours back (a DST change makes a day 23 or 25 hours long).
  const noonOf = (day: string) => Date.parse(`${day}T12:00:00Z`);
  const yesterday = new Date(noonOf(today) - DAY_MS).toISOString().slice(0, 10);
  const date = (sameYear: boolean) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      ...(sameYear ? {} : { year: 'numeric' }),
    });
  const thisYear = date(true);
  const otherYear = date(false);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  // Made when a heading needs it (at most twice a render): "today", "yesterday" in the language.
  const days = (offset: number) =>
    new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(offset, 'day');
  return {
    dayOf,
    /** "Today", "Yesterday", then the date; a heading starts with a capital ("hoy" → "Hoy", "viernes" → "Viernes"). */
    dayLabel(day: string): string {
      const text =
        day === today
          ? days(0)
          : day === yesterday
            ? days(-1)
            : (day.slice(0, 4) === today.slice(0, 4) ? thisYear : otherYear).format(noonOf(day));
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    },
    time: (at: number): string => time.format(at),
  };
}

export type HistoryFormat = ReturnType<typeof historyFormat>;

/** Consecutive entries of the same local day under one heading (the record comes newest first). */
export function groupByDay(items: readonly HistoryItem[], format: HistoryFormat): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = format.dayOf(item.row.at);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, label: format.dayLabel(day), items: [item] });
  }
  return groups;
}

/**
 * The track to use again: the catalog's own when the finder's list holds it (its id, or one of its
 * clips' ids, is the entry's), else rebuilt from what the record kept, in the shape `useTrack` accepts.
 */
export function historyTrack(
  row: HistoryRow,
  entries: readonly TrackEntry[],
): { entry: TrackEntry; clip: ClipChoice | null } {
  const listed = findChosenEntry(entries, row);
  if (listed) return listed;
  const clip =
    row.clip && row.provider === 'bundle-social' && CLIP_ID_PATTERN.test(row.id)
      ? { id: row.id, durationSec: null, previewUrl: null }
      : null;
  const track: Track = {
    provider: row.provider,
    id: row.id,
    idKind: row.idKind,
    title: row.title,
    untitled: false,
    artist: row.artist,
    album: null,
    durationSec: null,
    coverUrl: null,
    previewUrl: null,
    previewExpiresAt: null,
    genres: row.genre ? [row.genre] : [],
    // The rank it had then is not its rank now.
    rank: null,
    rankHistory: [],
    userCount: null,
    language: null,
    cleared: row.cleared,
    clips: clip && {
      trending: row.clip === 'trending' ? clip : null,
      full: row.clip === 'full' ? clip : null,
    },
  };
  return {
    entry: {
      track,
      key: trackKey(track),
      searchKey: '',
      change: null,
      rising: null,
      position: -1,
      badges: [],
    },
    clip: clip ? row.clip : null,
  };
}

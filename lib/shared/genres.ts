/**
 * The genre and date-range values and labels, without zod, for every context; the background's
 * schemas (`lib/background/schemas/genres.ts`) are built from these arrays. Labels come from the
 * `genres` block of the message catalogs; the values sent to the API never change.
 */
import { type GeneratedI18nStructure, i18n } from '#i18n';
import { uiLanguage } from './locale';

/** bundle.social's CML genre enum, exactly as the API takes it (values hold `/` and `&`: URL-encode them). */
export const GENRES = [
  'ROCK',
  'POP',
  'LATIN',
  'METAL',
  'ELECTRONIC',
  'HIP_HOP/RAP',
  'ALTERNATIVE/INDIE',
  'R&B/SOUL',
  'COUNTRY',
  'CLASSICAL',
  'JAZZ',
  'CHILDHOOD',
  'ALTERNATIVE_HIP_HOP',
  'AMBIENT',
  'BOSSA_NOVA',
  'BRAZILIAN_FUNK_STYLE',
  'CHILL_BEATS',
  'CHILLOUT',
  'CHINESE_POP',
  'CHRISTIAN_MUSIC',
  'COUNTRY_POP',
  'DANCE_POP',
  'DISCO',
  'DJ',
  'DRUM&BASS',
  'DUBSTEP',
  'EDM',
  'FUNK',
  'HOUSE',
  'INDIE_POP',
  'J-POP',
  'K-POP',
  'LATIN_POP',
  'LO-FI',
  'OLD_SCHOOL',
  'PUNK',
  'RUSSIAN_POP',
  'SOUL',
  'SOUNDTRACK',
  'SYNTH_POP',
  'TECHNO',
  'TEEN_POP',
] as const;

export type Genre = (typeof GENRES)[number];
export const DEFAULT_GENRE: Genre = 'POP';

/** Ours, not bundle.social's: every genre of the range, merged (tracks in several genres once). */
export const ALL_GENRES = 'ALL' as const;

export const DATE_RANGES = ['1DAY', '7DAY', '30DAY'] as const;
export type DateRange = (typeof DATE_RANGES)[number];
export const DEFAULT_DATE_RANGE: DateRange = '7DAY';

/** "7 days" and the like, from the catalog when asked (a table made at import would also run in the build). */
export const dateRangeLabels = (): Record<DateRange, string> => ({
  '1DAY': i18n.t('genres.ranges.d1'),
  '7DAY': i18n.t('genres.ranges.d7'),
  '30DAY': i18n.t('genres.ranges.d30'),
});

const ACRONYMS = new Set(['EDM', 'DJ', 'R&B', 'J-POP', 'K-POP', 'LO-FI']);

/**
 * A genre's label: the catalog's for ours, and a readable one made from any other genre string a
 * provider sends (`LO-FI/CHILL` → "Lo-Fi / Chill").
 */
export function genreLabel(genre: string): string {
  if (genre === ALL_GENRES || (GENRES as readonly string[]).includes(genre))
    // Catalog keys take only letters, digits and `_`: `HIP_HOP/RAP` → `genres.HIP_HOP_RAP`.
    return i18n.t(
      `genres.${genre.replace(/[^A-Za-z0-9]/g, '_')}` as Extract<
        keyof GeneratedI18nStructure,
        `genres.${string}`
      >,
    );
  return genre
    .split('/')
    .map((part) =>
      part
        .split('_')
        .map((word) =>
          ACRONYMS.has(word)
            ? word.replace(/^LO-FI$/, 'Lo-Fi')
            : word.charAt(0) +
              word
                .slice(1)
                .toLowerCase()
                .replace(/-(\w)/g, (_, c: string) => `-${c.toUpperCase()}`),
        )
        .join(' '),
    )
    .join(' / ');
}

let genreOptions: readonly { value: Genre; label: string }[] | null = null;

/**
 * The genres as a select lists them: by label, alphabetically in the catalog's language. Sorted on
 * first use, not at import: `localeCompare` sets up ICU's collator, which the background and content
 * script never need.
 */
export function sortedGenreOptions(): readonly { value: Genre; label: string }[] {
  genreOptions ??= GENRES.map((genre) => ({ value: genre, label: genreLabel(genre) })).sort((a, b) =>
    a.label.localeCompare(b.label, uiLanguage()),
  );
  return genreOptions;
}

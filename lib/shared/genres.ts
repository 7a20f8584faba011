/**
 * The genre and date-range values and labels, without zod, for every context; the background's
 * schemas (`lib/background/schemas/genres.ts`) are built from these arrays.
 */
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
export const DATE_RANGE_LABELS: Record<DateRange, string> = {
  '1DAY': '1 day',
  '7DAY': '7 days',
  '30DAY': '30 days',
};

const ACRONYMS = new Set(['EDM', 'DJ', 'R&B', 'J-POP', 'K-POP', 'LO-FI']);

/** A readable label for any genre string, including ones outside the enum (`LO-FI` → "Lo-Fi"). */
export function genreLabel(genre: string): string {
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
 * The genres as a select lists them: by label, alphabetically. Sorted on first use, not at import:
 * `localeCompare` sets up ICU's collator, which the background and content script never need.
 */
export function sortedGenreOptions(): readonly { value: Genre; label: string }[] {
  genreOptions ??= GENRES.map((genre) => ({ value: genre, label: genreLabel(genre) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return genreOptions;
}

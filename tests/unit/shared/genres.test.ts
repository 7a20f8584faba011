/**
 * Genre and date-range labels come from the message catalogs (the `genres` block), read when asked
 * for; the values sent to the API stay as they are, and a genre outside the enum still gets a label.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ALL_GENRES,
  DATE_RANGES,
  dateRangeLabels,
  GENRES,
  genreLabel,
  sortedGenreOptions,
} from '@/lib/shared/genres';
import { catalogMessages } from '../../support/catalog';

describe('genre and date-range labels', () => {
  it('are read from the catalog at call time', () => {
    const english = fakeBrowser.i18n.getMessage;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) =>
      name.startsWith('genres_') ? `«${name}»` : english(name),
    );
    expect(genreLabel('HIP_HOP/RAP')).toBe('«genres_HIP_HOP_RAP»');
    expect(genreLabel(ALL_GENRES)).toBe('«genres_ALL»');
    expect(dateRangeLabels()['7DAY']).toBe('«genres_ranges_d7»');
  });

  it('say in English what en.yml says', () => {
    expect(genreLabel('R&B/SOUL')).toBe('R&B / Soul');
    expect(genreLabel('K-POP')).toBe('K-Pop');
    expect(genreLabel(ALL_GENRES)).toBe('All genres');
    expect(DATE_RANGES.map((range) => dateRangeLabels()[range])).toEqual(['1 day', '7 days', '30 days']);
  });

  it('have one catalog key per genre, no two alike', () => {
    const english = catalogMessages('en');
    for (const genre of GENRES) expect(english[`genres_${genre.replace(/[^A-Za-z0-9]/g, '_')}`]).toBeTruthy();
    expect(new Set(GENRES.map(genreLabel)).size).toBe(GENRES.length);
  });

  it('make a label for a genre outside the enum, as a provider may send', () => {
    expect(genreLabel('LO-FI/CHILL_HOP')).toBe('Lo-Fi / Chill Hop');
  });

  it('list the genres by label, the values untouched', () => {
    const options = sortedGenreOptions();
    expect(options.map((option) => option.value).sort()).toEqual([...GENRES].sort());
    expect(options.slice(0, 3).map((option) => option.label)).toEqual([
      'Alternative / Indie',
      'Alternative Hip Hop',
      'Ambient',
    ]);
  });
});
